// The assignment form: typing paragraphs chooses "Some paragraphs" (the server reads a filled box the same way),
// and a returned form's error summary takes the focus, as GOV.UK's does, so a screen reader hears it first.
(function () {
  "use strict";
  var paragraphs = document.getElementById("paragraphs");
  var some = document.getElementById("essay-some");
  if (paragraphs && some) {
    paragraphs.addEventListener("input", function () {
      if (paragraphs.value.trim() !== "") { some.checked = true; }
    });
  }
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  // "Copy link" on an assignment: the address is also on the page, selectable, for when the clipboard is refused.
  var slot = document.querySelector(".copy-link-slot");
  if (slot && navigator.clipboard) {
    var button = document.createElement("button");
    var said = document.createElement("span");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy link";
    said.setAttribute("role", "status");
    said.className = "copy-status";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(slot.getAttribute("data-copy")).then(function () {
        said.textContent = "Link copied";
      }, function () {
        said.textContent = "Could not copy: select the address above to copy it";
      });
    });
    slot.append(button, " ", said);
  }
})();
// Progressive enhancement: a copy button beside each citation, named for what it copies ("Copy MLA (9th ed.),
// works cited citation", the style's name hidden but read). It copies the citation as HTML (keeping its italics) and as plain text; a live region
// tells screen readers it was copied. Without JavaScript the text stays selectable, in whole or in part.
(function () {
  "use strict";
  var rows = document.querySelectorAll(".citation-row");
  if (!navigator.clipboard || rows.length === 0) { return; }
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function write(text) {
    var html = text.innerHTML.trim();
    var plain = text.textContent.trim();
    if (window.ClipboardItem && navigator.clipboard.write) {
      return navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([plain], { type: "text/plain" })
      })]).catch(function () { return navigator.clipboard.writeText(plain); });
    }
    return navigator.clipboard.writeText(plain);
  }

  rows.forEach(function (row) {
    var text = row.querySelector(".cite-text");
    var style = row.querySelector("dt");
    if (!text || !style) { return; }
    var what = style.textContent.trim() + " citation";
    var button = document.createElement("button");
    var word = document.createElement("span");
    var hidden = document.createElement("span");
    button.type = "button";
    button.className = "copy-button";
    word.textContent = "Copy";
    hidden.className = "visually-hidden";
    hidden.textContent = " " + what;
    button.append(word, hidden);
    button.addEventListener("click", function () {
      write(text).then(function () {
        word.textContent = "Copied";
        status.textContent = "Copied the " + what;
        setTimeout(function () { word.textContent = "Copy"; status.textContent = ""; }, 3000);
      }, function () {
        status.textContent = "Could not copy: select the text to copy it";
      });
    });
    text.after(button);
  });
})();
// The printed packet: a page's margin box cannot read the document, and the policy (style-src 'self') refuses an
// inline style, so the running header's words, the essay's title from the content, reach it through a custom property
// set here; and internal links get the whole address to print after them, as external ones do, read against the
// page's canonical address so a printed copy names the public site, not the address it was opened at.
(function () {
  "use strict";
  var packet = document.querySelector(".packet[data-running-header]");
  if (!packet) { return; }
  var words = packet.getAttribute("data-running-header").replace(/\s+/g, " ");
  document.documentElement.style.setProperty("--running-header", "\"" + words.replace(/["\\]/g, "\\$&") + "\"");
  var canonical = document.querySelector("link[rel=canonical]");
  var base = canonical ? canonical.href : location.href;
  packet.querySelectorAll("a[href^='/']").forEach(function (a) {
    a.setAttribute("data-print-href", new URL(a.getAttribute("href"), base).href);
  });
})();
