/* Guide search for Lao. Runs right after Material's #__config (overrides/main.html) and before its bundle:
   the search runs in our worker (workers/lao-search-worker.js), which cuts Lao queries into words and then
   loads Material's own worker; it is told the page's language, so that the guide in Lao finds Lao pages and
   the guide in English English ones (the build writes one index for both). The index side is cut the same way at build time (hooks/lao_search.py). */
(function () {
  "use strict";
  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  if (typeof config.search !== "string") return;
  var cut = config.search.lastIndexOf("/");
  var folder = config.search.slice(0, cut + 1);
  var material = config.search.slice(cut + 1);
  // The page's language (<html lang>): the worker searches the pages of that language only.
  var lang = document.documentElement.getAttribute("lang") || "";
  config.search = folder + "lao-search-worker.js?material=" + encodeURIComponent(material) +
    "&lang=" + encodeURIComponent(lang);
  element.textContent = JSON.stringify(config);
})();
