// Read aloud: the essay paragraph by paragraph through the browser's own speech (speechSynthesis), the paragraph being
// read highlighted and kept in view. Loaded by essay.js only when the reader presses "Read aloud".
const synth = window.speechSynthesis;
const paragraphs = Array.from(document.querySelectorAll(".essay-text .para"));
const start = document.querySelector(".read-aloud-start");
const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

const bar = document.createElement("div");
bar.className = "read-aloud";
bar.setAttribute("role", "group");
bar.setAttribute("aria-label", "Read aloud");
function button(label, action) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", action);
  return b;
}
const previous = button("Previous", () => go(current - 1));
const pause = button("Pause", () => {
  if (paused) { synth.resume(); } else { synth.pause(); }
  paused = !paused;
  pause.textContent = paused ? "Resume" : "Pause";
});
const next = button("Next", () => go(current + 1));
const stop = button("Stop", () => finish());
const speedLabel = document.createElement("label");
const speed = document.createElement("select");
speedLabel.append("Speed ", speed);
[0.5, 0.75, 1, 1.25, 1.5, 2].forEach((rate) => {
  const option = document.createElement("option");
  option.value = String(rate);
  option.textContent = rate + "×";
  option.selected = rate === 1;
  speed.append(option);
});
speed.addEventListener("change", () => go(current)); // the paragraph again, at the new speed
const status = document.createElement("p");
status.setAttribute("role", "status");
status.className = "read-aloud-status";
bar.append(previous, pause, next, stop, speedLabel, status);
start.after(bar);

let current = -1;
let paused = false;
let turn = 0; // each utterance's turn; the end of an older one (cancelled) is ignored

function words(para) {
  return Array.from(para.querySelectorAll(":scope > p, :scope > blockquote")).map((e) => e.textContent.trim()).join(" ");
}

function go(index) {
  synth.cancel();
  paragraphs.forEach((p) => p.classList.remove("speaking"));
  if (index < 0 || index >= paragraphs.length) { current = -1; finish(); return; }
  current = index;
  paused = false;
  pause.textContent = "Pause";
  const para = paragraphs[index];
  para.classList.add("speaking");
  para.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  previous.disabled = index === 0;
  status.textContent = "Paragraph " + (index + 1) + " of " + paragraphs.length;
  const utterance = new SpeechSynthesisUtterance(words(para));
  const mine = ++turn;
  utterance.lang = document.documentElement.lang || "en";
  utterance.rate = Number(speed.value);
  utterance.onend = () => { if (mine === turn) { go(index + 1); } };
  synth.speak(utterance);
}

function finish() {
  turn++;
  synth.cancel();
  paragraphs.forEach((p) => p.classList.remove("speaking"));
  bar.hidden = true;
  start.hidden = false;
  start.focus();
}

export function play() {
  bar.hidden = false;
  start.hidden = true;
  pause.focus();
  go(current >= 0 && current < paragraphs.length ? current : 0);
}
