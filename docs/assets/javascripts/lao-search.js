/* Guide search for Lao. Runs right after Material's #__config (overrides/main.html) and before its bundle:
   the search runs in our worker (workers/lao-search-worker.js), which cuts Lao queries into words and then
   loads Material's own worker. The index side is cut the same way at build time (hooks/lao_search.py). */
(function () {
  "use strict";
  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  if (typeof config.search !== "string") return;
  var cut = config.search.lastIndexOf("/");
  var folder = config.search.slice(0, cut + 1);
  var material = config.search.slice(cut + 1);
  config.search = folder + "lao-search-worker.js?material=" + encodeURIComponent(material);
  element.textContent = JSON.stringify(config);
})();
