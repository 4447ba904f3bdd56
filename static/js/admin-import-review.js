// Bulk review of import suggestions: a "tick all" box and a live count of the ticked rows. Without
// JavaScript every row is still ticked and the form works the same.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector(".review-form");
    if (!form) return;
    var all = form.querySelector(".tick-all");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=suggestion]"));
    var count = form.querySelector(".review-count");
    function update() {
      var ticked = boxes.filter(function (b) { return b.checked; }).length;
      all.checked = ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
      count.textContent = count.dataset.template
        .replace("%(ticked)s", ticked).replace("%(total)s", boxes.length);
    }
    all.hidden = false;
    all.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = all.checked; });
      update();
    });
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    update();
  });
})();
