/* Search worker of the guide: Material's own worker (named in ?material=), with Lao queries rewritten first.

   Lao has no spaces between words. At build time the search index gets U+200B between the words ICU finds
   (hooks/lao_search.py), so lunr indexes Lao words. A typed Lao run is rewritten here, against the
   index's own Lao words (no second dictionary that could cut differently):
   - every indexed word that contains the run (ຄ້າມະນຸດ also finds ການຄ້າມະນຸດ), any of them (OR);
   - if none does, the run cut into words by Intl.Segmenter (ICU in the browser), all of them required.
   Material then adds its trailing wildcard to each term.
   The build writes one index for both languages (the i18n plugin); the page tells its language (?lang=,
   from lao-search.js) and only that language's pages are searched: Lao pages live under lo/ (an untranslated
   page there shows the English text), English ones everywhere else. */
(function () {
  "use strict";
  var material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("lao-search-worker: unexpected worker name " + material);
  }
  var LANGUAGE_FOLDERS = ["lo"];  // languages built in a folder of their own (mkdocs.yml, i18n)
  var lang = new URL(self.location.href).searchParams.get("lang") || "";
  var LAO_RUN = /[\u0E80-\u0EFF]+/g;
  var MAX_WORDS = 40;  // indexed words one run may stand for
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter("lo", { granularity: "word" }) : null;
  var laoWords = [];

  function normalise(text) {
    return text.replace(/\u0ECD\u0EB2/g, "\u0EB3").toLowerCase();  // one form of sara am, as in the index
  }

  function folderOf(location) {
    var first = String(location || "").split("/", 1)[0];
    return LANGUAGE_FOLDERS.indexOf(first) === -1 ? "" : first;
  }

  function keepLanguage(setup) {
    var folder = LANGUAGE_FOLDERS.indexOf(lang) === -1 ? "" : lang;
    if (Array.isArray(setup.docs)) {
      setup.docs = setup.docs.filter(function (doc) { return folderOf(doc.location) === folder; });
    }
  }

  function collectWords(setup) {
    var separator = new RegExp(setup.config && setup.config.separator || "[\\s\\u200b\\-]+", "g");
    var seen = new Set();
    (setup.docs || []).forEach(function (doc) {
      [doc.title, doc.text].forEach(function (field) {
        if (typeof field !== "string") return;
        field.replace(/<[^>]*>/g, " ").split(separator).forEach(function (token) {
          var run = token.match(LAO_RUN);
          if (run) run.forEach(function (word) { seen.add(normalise(word)); });
        });
      });
    });
    laoWords = Array.from(seen).sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
  }

  function rewriteRun(run) {
    var containing = [];
    for (var i = 0; i < laoWords.length && containing.length < MAX_WORDS; i++) {
      if (laoWords[i].indexOf(run) !== -1) containing.push(laoWords[i]);
    }
    if (containing.length) return containing.join(" ");
    if (!segmenter) return run;
    var parts = [];
    for (var part of segmenter.segment(run)) {
      if (part.isWordLike !== false) parts.push("+" + part.segment);
    }
    return parts.join(" ");
  }

  function rewrite(query) {
    return normalise(query).replace(LAO_RUN, rewriteRun);
  }
  self.laoRewrite = rewrite;  // for inspection in a debugger

  // Material's worker listens with addEventListener("message"): it gets the setup (type 0) as sent, after
  // we have read the index's Lao words, and each query (type 2) rewritten.
  var add = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return add(type, listener, options);
    return add(type, function (event) {
      var message = event.data;
      if (message && message.type === 0 && message.data) {
        keepLanguage(message.data);
        collectWords(message.data);
        listener(event);
      } else if (message && message.type === 2 && typeof message.data === "string") {
        listener({ data: { type: 2, data: rewrite(message.data) } });
      } else {
        listener(event);
      }
    }, options);
  };
  importScripts(material);
})();
