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
// The "Reading settings" form: a choice applies at once and is kept in this browser (localStorage) only;
// settings.js applies it on the next page before it is drawn.
(function () {
  "use strict";
  var form = document.querySelector(".settings-form");
  var root = document.documentElement;
  if (!form || !root.hasAttribute("data-settings")) { return; }
  var key = "essaysite:reading";
  var saved;
  try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { return; }
  form.querySelectorAll("input[type=radio]").forEach(function (input) {
    if (saved[input.name] ? saved[input.name] === input.value : input.defaultChecked) { input.checked = true; }
  });
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "radio") { return; }
    root.setAttribute("data-" + input.name, input.value);
    saved[input.name] = input.value;
    try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* refused: the choice lasts for this page */ }
  });
})();
// Reading offline: the service worker (its address from the script tag, which the route table writes) keeps the essay, the guide and the packet
// after a first visit. register() is a Trusted Types sink, so the address goes through the one policy the CSP names,
// "sw", which passes this address and nothing else.
(function () {
  "use strict";
  var script = document.currentScript;
  var own = script && script.src;
  var address = script && script.getAttribute("data-service-worker");
  if (!own || !address || !("serviceWorker" in navigator)) { return; }
  var url = new URL(address, own).href;
  var policy = window.trustedTypes && window.trustedTypes.createPolicy("sw", {
    createScriptURL: function (u) {
      if (u !== url) { throw new TypeError("Only the site's own service worker may be registered"); }
      return u;
    },
  });
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(policy ? policy.createScriptURL(url) : url).catch(function () {
      /* no offline copy (private browsing, storage refused): the site works as before */
    });
  });
})();
