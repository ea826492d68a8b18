// Reading settings, applied before the first paint: each is a data attribute on <html> that the CSS reads.
// Loaded synchronously in <head>, so it is kept this small; the form that changes them is in site.js.
(function (root) {
  "use strict";
  try {
    var saved = JSON.parse(localStorage.getItem("essaysite:reading") || "{}");
    ["text-size", "line-spacing", "width", "theme"].forEach(function (name) {
      // A setting never chosen is undefined, and test(undefined) tests the string "undefined": check the type first.
      if (typeof saved[name] === "string" && /^[a-z-]{1,20}$/.test(saved[name])) { root.setAttribute("data-" + name, saved[name]); }
    });
    root.setAttribute("data-settings", "");
  } catch (e) { /* no storage: the page follows the system's settings, and the settings control stays hidden */ }
})(document.documentElement);
