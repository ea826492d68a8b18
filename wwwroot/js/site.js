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
