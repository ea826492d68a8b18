// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Print the guide's disclosures open, so a printed page carries every reference and note.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
// The essay's "in the guide" panels: each one the reader opened or closed is kept that way for this tab, so
// coming back from the timeline or a source (or reloading) shows the essay as the reader left it.
(function () {
  "use strict";
  var key = "essaysite:open-refs:" + location.pathname;
  var panels = document.querySelectorAll(".para details.refs");
  if (panels.length === 0) { return; }
  var saved;
  try { saved = JSON.parse(sessionStorage.getItem(key) || "[]"); } catch (e) { return; }
  panels.forEach(function (d) {
    var id = d.closest(".para").id;
    if (saved.indexOf(id) >= 0) { d.open = true; }
    d.addEventListener("toggle", function () {
      var open = Array.prototype.filter.call(panels, function (p) { return p.open; }).map(function (p) { return p.closest(".para").id; });
      try { sessionStorage.setItem(key, JSON.stringify(open)); } catch (e) { /* storage full or refused: nothing to keep */ }
    });
  });
})();
