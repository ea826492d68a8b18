// The essay page's optional tools. Without this file every paragraph (#p17) and sentence (#p17s3) still has its address.
// "Copy link to quote": selecting words in the essay offers a button that copies a link to the paragraph with a text
// fragment (/essay#p17:~:text=…, the URL Fragment Text Directives syntax), which browsers scroll to and highlight.
(function () {
  "use strict";
  var essay = document.querySelector(".essay-text");
  if (!essay || !navigator.clipboard) { return; }

  var bar = document.createElement("div");
  var button = document.createElement("button");
  var status = document.createElement("p");
  bar.className = "quote-bar";
  bar.hidden = true;
  button.type = "button";
  button.className = "copy-button";
  button.textContent = "Copy link to quote";
  status.className = "quote-status";
  status.setAttribute("role", "status");
  bar.append(button, status);
  var link = null;

  // Percent-encodes a piece of the directive; "-", "&" and "," are its syntax, so they are encoded too.
  function encode(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  function page() {
    var canonical = document.querySelector("link[rel=canonical]");
    return canonical ? canonical.href.split("#")[0] : location.origin + location.pathname;
  }

  // The link for the current selection and its paragraph, or null when nothing in the essay's text is selected.
  function linkFor(selection) {
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { return null; }
    var range = selection.getRangeAt(0).cloneRange();
    var start = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    var para = start && start.closest(".essay-text .para");
    var block = start && start.closest(".para > p, .para > blockquote");
    if (!para || !block) { return null; }
    if (!block.contains(range.endContainer)) { range.setEnd(block, block.childNodes.length); }
    var words = range.toString().split(/\s+/).filter(Boolean);
    if (words.length === 0) { return null; }
    var directive = words.length <= 8
      ? encode(words.join(" "))
      : encode(words.slice(0, 4).join(" ")) + "," + encode(words.slice(-4).join(" "));
    return { url: page() + "#" + para.id + ":~:text=" + directive, para: para };
  }

  document.addEventListener("selectionchange", function () {
    var next = linkFor(document.getSelection());
    if (next) {
      link = next.url;
      if (bar.previousElementSibling !== next.para) { next.para.after(bar); }
      if (bar.hidden) { status.textContent = ""; }
      bar.hidden = false;
    } else if (!bar.contains(document.activeElement)) {
      bar.hidden = true;
    }
  });

  button.addEventListener("click", function () {
    if (!link) { return; }
    navigator.clipboard.writeText(link).then(function () {
      status.textContent = "Link to the quote copied";
    }, function () {
      status.textContent = "Could not copy. The link is " + link;
    });
  });
})();
// Glossary links: the term's short definition, already the link's description for screen readers, is shown beside
// it on hover or keyboard focus. It stays while the pointer is over it, and Escape hides it (WCAG 1.4.13).
(function () {
  "use strict";
  var links = document.querySelectorAll(".essay-text a.gloss[aria-describedby]");
  if (links.length === 0) { return; }
  var tip = document.createElement("div");
  var timer = 0;
  tip.className = "gloss-tip";
  tip.setAttribute("aria-hidden", "true"); // the link's description already says it; this is for the eyes
  tip.hidden = true;
  document.body.appendChild(tip);

  function show(link) {
    var note = document.getElementById(link.getAttribute("aria-describedby"));
    if (!note) { return; }
    clearTimeout(timer);
    tip.textContent = note.textContent;
    tip.hidden = false;
    var box = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 4) + "px";
  }
  function hideSoon() { timer = setTimeout(function () { tip.hidden = true; }, 300); }

  links.forEach(function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("blur", function () { tip.hidden = true; });
  });
  tip.addEventListener("mouseenter", function () { clearTimeout(timer); });
  tip.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { tip.hidden = true; }
  });
})();
// "Read aloud", where the browser can speak: the player (read-aloud.js) is fetched only when first pressed.
(function () {
  "use strict";
  var header = document.querySelector(".essay-header");
  var script = document.currentScript;
  var own = script && script.src;
  if (!header || !own || !("speechSynthesis" in window) || !window.SpeechSynthesisUtterance) { return; }
  var start = document.createElement("button");
  start.type = "button";
  start.className = "read-aloud-start";
  start.textContent = "Read aloud";
  header.append(start);
  start.addEventListener("click", function () {
    // A module import, not a <script> element: the Trusted Types policy ('none') refuses setting a script's src.
    import(own.replace(/\/essay\.js(\?.*)?$/, "/read-aloud.js" + (script.getAttribute("data-player") || "").replace(/^[^?]*/, ""))).then(function (player) {
      player.play();
    });
  });
})();
