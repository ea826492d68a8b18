// Guided reading: an answer box under each question, "Next section" once every question has an answer (or
// "Skip"), and on the summary each answer, the student's name and "Copy all". Answers stay in this browser's
// localStorage, one entry per reading; nothing here makes a request. Without JavaScript the pages are plain reading.
(function () {
  "use strict";
  var article = document.querySelector("[data-reading]");
  if (!article) { return; }
  var key = "essaysite:read:" + article.getAttribute("data-reading");
  var saved;
  try { saved = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { saved = {}; }
  saved.answers = saved.answers || {};
  function save() {
    try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* storage refused: answers last for this page */ }
  }
  function el(name, text, className) {
    var node = document.createElement(name);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  var questions = article.querySelectorAll(".reading-questions li[data-question]");
  var wayOn = article.querySelector("[data-way-on]");
  if (wayOn) {
    var boxes = [];
    var next = el("button", wayOn.hasAttribute("rel") ? "Next section" : "Go to your answers");
    var skip = el("button", "Skip");
    var hint = el("p", "", "answer-hint");
    hint.id = "answer-hint";
    hint.setAttribute("role", "status");
    var update = function () {
      var missing = boxes.filter(function (b) { return b.value.trim() === ""; }).length;
      next.disabled = missing > 0;
      hint.textContent = missing > 0 ? "Answer every question to go on" + (missing < boxes.length ? " (" + missing + " left)" : "") + ", or skip." : "";
    };
    questions.forEach(function (li) {
      var n = li.getAttribute("data-question");
      var label = el("label", "Your answer to question " + n, "answer-label");
      var box = el("textarea", "", "answer-box");
      box.id = "answer-" + n;
      box.rows = 4;
      label.htmlFor = box.id;
      box.value = saved.answers[n] || "";
      box.addEventListener("input", function () {
        if (box.value.trim() === "") { delete saved.answers[n]; } else { saved.answers[n] = box.value; }
        save();
        update();
      });
      boxes.push(box);
      li.append(label, box);
    });
    var go = function () { window.location.assign(wayOn.href); };
    next.type = skip.type = "button";
    next.setAttribute("aria-describedby", hint.id);
    next.addEventListener("click", go);
    skip.addEventListener("click", go);
    var controls = el("div", "", "answer-controls");
    controls.append(next, " ", skip, hint);
    article.querySelector(".reading-nav").before(controls);
    update();
  }

  if (!article.classList.contains("reading-summary")) { return; }
  var name = document.getElementById("student-name");
  name.value = saved.name || "";
  name.addEventListener("input", function () { saved.name = name.value; save(); });
  article.querySelector(".answers-note").hidden = true;
  article.querySelectorAll("[data-answer-for]").forEach(function (slot) {
    var text = saved.answers[slot.getAttribute("data-answer-for")];
    slot.append(el("p", text || "No answer.", text ? "answer-text" : "answer-text no-answer"));
  });
  var status = article.querySelector(".copy-status");
  if (!navigator.clipboard) { return; }
  var copy = el("button", "Copy all", "copy-button");
  copy.type = "button";
  copy.addEventListener("click", function () {
    var lines = [document.querySelector("h1").textContent, article.querySelector(".kicker").textContent];
    var assignment = article.querySelector(".summary-assignment");
    if (assignment) { lines.push(assignment.textContent); }
    lines.push("Name: " + name.value, "");
    article.querySelectorAll(".summary-questions li").forEach(function (li) {
      lines.push("Question " + li.getAttribute("data-question") + ": " + li.querySelector(".question-text").textContent.trim().replace(/\s+/g, " "));
      lines.push("Answer: " + (saved.answers[li.getAttribute("data-question")] || "(none)"), "");
    });
    navigator.clipboard.writeText(lines.join("\n")).then(function () {
      status.textContent = "Copied your answers";
    }, function () {
      status.textContent = "Could not copy: select the text on this page to copy it";
    });
  });
  article.querySelector(".copy-all-slot").append(copy);
})();
