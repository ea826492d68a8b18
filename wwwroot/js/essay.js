// The essay page's optional tools. Without this file every paragraph (#p17) and sentence (#p17s3) still has its address.
// Selecting words in the essay offers a bar under the paragraph: "Copy link to quote" copies a link to the paragraph
// with a text fragment (/essay#p17:~:text=…, the URL Fragment Text Directives syntax), which browsers scroll to and
// highlight; "Highlight" and "Add note" keep the words (and a note) in this browser, through notes.js, a module
// fetched only when first used (or at once when this browser already keeps notes, to draw them).
(function () {
  "use strict";
  var essay = document.querySelector(".essay-text");
  var script = document.currentScript;
  if (!essay) { return; }
  var keeps = false;
  try { keeps = !!window.localStorage; } catch (e) { /* storage refused: no notes */ }
  if (!navigator.clipboard && !keeps) { return; }

  var bar = document.createElement("div");
  var status = document.createElement("p");
  bar.className = "quote-bar";
  bar.hidden = true;
  status.className = "quote-status";
  status.setAttribute("role", "status");
  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-button";
    b.textContent = label;
    b.addEventListener("click", action);
    bar.append(b);
    return b;
  }
  var chosen = null;

  // Percent-encodes a piece of the directive; "-", "&" and "," are its syntax, so they are encoded too.
  function encode(text) {
    return encodeURIComponent(text).replace(/-/g, "%2D");
  }

  function page() {
    var canonical = document.querySelector("link[rel=canonical]");
    return canonical ? canonical.href.split("#")[0] : location.origin + location.pathname;
  }

  // The link to a quote in a paragraph (its id, "p17"): a short quote whole, a longer one by its first and last words.
  function quoteLink(id, quote) {
    var words = quote.split(/\s+/).filter(Boolean);
    var directive = words.length <= 8
      ? encode(words.join(" "))
      : encode(words.slice(0, 4).join(" ")) + "," + encode(words.slice(-4).join(" "));
    return page() + "#" + id + ":~:text=" + directive;
  }

  // The selected quote: its paragraph, its words and where they start in the paragraph's text; null when nothing in
  // the essay's text is selected. A selection running past its paragraph is cut at the paragraph's end.
  function quoteFor(selection) {
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { return null; }
    var range = selection.getRangeAt(0).cloneRange();
    var start = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    var para = start && start.closest(".essay-text .para");
    var block = start && start.closest(".para > p, .para > blockquote");
    if (!para || !block) { return null; }
    if (!block.contains(range.endContainer)) { range.setEnd(block, block.childNodes.length); }
    var quote = range.toString();
    if (!/\S/.test(quote)) { return null; }
    var before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return { para: para, block: block, quote: quote, offset: before.toString().length, url: quoteLink(para.id, quote) };
  }

  if (navigator.clipboard) {
    button("Copy link to quote", function () {
      if (!chosen) { return; }
      var link = chosen.url;
      navigator.clipboard.writeText(link).then(function () {
        status.textContent = "Link to the quote copied";
      }, function () {
        status.textContent = "Could not copy. The link is " + link;
      });
    });
  }

  // notes.js, imported once (a module import: the Trusted Types policy refuses setting a script element's src).
  var loading = null;
  function notes() {
    if (!loading) {
      var own = script && script.src;
      var url = own.replace(/\/essay\.js(\?.*)?$/, "/notes.js" + (script.getAttribute("data-notes") || "").replace(/^[^?]*/, ""));
      loading = import(url).then(function (m) {
        m.start({ essay: essay, bar: bar, status: status, link: quoteLink, header: document.querySelector(".essay-header") });
        return m;
      });
    }
    return loading;
  }
  if (keeps && script && script.src) {
    button("Highlight", function () { if (chosen) { var c = chosen; notes().then(function (m) { m.add(c, ""); }); } });
    button("Add note", function () { if (chosen) { var c = chosen; notes().then(function (m) { m.compose(c); }); } });
    var panel = document.createElement("details");
    var summary = document.createElement("summary");
    panel.className = "my-notes";
    summary.textContent = "My notes";
    panel.append(summary);
    var header = document.querySelector(".essay-header");
    (header || essay).after(panel);
    panel.addEventListener("toggle", function () { if (panel.open) { notes(); } });
    var saved = null;
    try { saved = localStorage.getItem("essaysite:notes"); } catch (e) { /* refused */ }
    if (saved && saved !== "[]") { notes(); }
  }
  bar.append(status);

  document.addEventListener("selectionchange", function () {
    var next = quoteFor(document.getSelection());
    if (next) {
      chosen = next;
      if (bar.previousElementSibling !== next.para) { next.para.after(bar); }
      if (bar.hidden) { status.textContent = ""; }
      bar.hidden = false;
    } else if (!bar.contains(document.activeElement)) {
      bar.hidden = true;
    }
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
