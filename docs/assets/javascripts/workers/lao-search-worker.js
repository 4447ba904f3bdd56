/* Search worker of the guide: Material's own worker (named in ?material=), with each Lao query cut into
   words first. Lao has no spaces between words; the search index has U+200B between them
   (hooks/lao_search.py, ICU), and Intl.Segmenter (ICU in the browser) cuts the typed query the same way,
   so a Lao word inside running text is found. */
(function () {
  "use strict";
  var material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("lao-search-worker: unexpected worker name " + material);
  }
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter("lo", { granularity: "word" }) : null;
  var LAO_RUN = /[\u0E80-\u0EFF]+/g;

  function segment(query) {
    query = query.replace(/\u0ECD\u0EB2/g, "\u0EB3");  // one form of sara am, as in the index
    if (!segmenter) return query;
    return query.replace(LAO_RUN, function (run) {
      var words = [];
      for (var part of segmenter.segment(run)) words.push(part.segment);
      return words.join(" ");
    });
  }
  self.laoSegment = segment;

  // Material's worker listens with addEventListener("message"): hand it queries (type 2) already cut.
  var add = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return add(type, listener, options);
    return add(type, function (event) {
      var data = event.data;
      if (data && data.type === 2 && typeof data.data === "string") {
        listener({ data: { type: 2, data: segment(data.data) } });
      } else {
        listener(event);
      }
    }, options);
  };
  importScripts(material);
})();
