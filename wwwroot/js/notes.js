// Private highlights and notes on the essay, kept in this browser only (localStorage, one key, JSON) and never sent
// anywhere. Loaded by essay.js when the reader first highlights, adds a note or opens "My notes", or at once when this
// browser already keeps notes, to draw them. Each is kept as { id, p, quote, offset, note, created }: the paragraph's
// number, the words as they are in its text, where they start in that text, the note ("" for a highlight) and when.
// The marks wrap the essay's own text nodes in <mark> elements: the words themselves never change.
const KEY = "essaysite:notes";
let tools = null;
let items = [];
let panel = null;
let list = null;
let empty = null;
let said = null;

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || "[]");
    return Array.isArray(saved) ? saved.filter((n) => n && Number.isInteger(n.p) && typeof n.quote === "string") : [];
  } catch (e) {
    return [];
  }
}

function save() {
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
    return true;
  } catch (e) {
    return false; // full or refused: the notes last for this page
  }
}

function sorted() {
  return items.slice().sort((a, b) => a.p - b.p || a.offset - b.offset || a.created.localeCompare(b.created));
}

function blockOf(p) {
  return document.querySelector("#p" + p + " > p, #p" + p + " > blockquote");
}

function textNodes(block) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push(n); }
  return nodes;
}

// Where a quote starts in its paragraph's text: at its offset if it is still there, else its first place from
// `from`, else anywhere; -1 when it is not in the paragraph.
function locate(block, quote, offset, from) {
  const text = block.textContent;
  if (offset >= 0 && text.substr(offset, quote.length) === quote) { return offset; }
  const after = text.indexOf(quote, from || 0);
  return after >= 0 ? after : text.indexOf(quote);
}

function draw(item) {
  const block = blockOf(item.p);
  const start = block ? locate(block, item.quote, item.offset) : -1;
  if (start < 0) { return; }
  const end = start + item.quote.length;
  const pieces = [];
  let at = 0;
  for (const node of textNodes(block)) {
    const from = Math.max(start, at) - at;
    const to = Math.min(end, at + node.length) - at;
    if (from < to) { pieces.push([node, from, to]); }
    at += node.length;
  }
  for (const [node, from, to] of pieces) {
    if (to < node.length) { node.splitText(to); }
    const words = from > 0 ? node.splitText(from) : node;
    // The line breaks around a blockquote's paragraph are not words; a mark there would sit outside the text.
    if (!/\S/.test(words.data) && words.parentNode === block) { continue; }
    const mark = document.createElement("mark");
    mark.className = item.note ? "my-mark my-mark-note" : "my-mark";
    mark.dataset.note = item.id;
    if (item.note) { mark.title = item.note; }
    words.parentNode.insertBefore(mark, words);
    mark.append(words);
  }
}

function undraw(id) {
  document.querySelectorAll(".essay-text mark.my-mark").forEach((mark) => {
    if (id && mark.dataset.note !== id) { return; }
    const parent = mark.parentNode;
    while (mark.firstChild) { parent.insertBefore(mark.firstChild, mark); }
    parent.removeChild(mark);
    parent.normalize();
  });
}

function redraw() {
  undraw(null);
  sorted().forEach(draw);
}

// The sentence a note's words start in ("p17s3"), for the export's headings.
function sentenceOf(item) {
  const block = blockOf(item.p);
  if (!block) { return 0; }
  let found = 0;
  block.querySelectorAll("span[id^=p]").forEach((span) => {
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEndBefore(span);
    if (before.toString().length <= item.offset) { found = Number(span.id.replace(/^p[0-9]+s/, "")) || found; }
  });
  return found;
}

function sentenceStart(p, s) {
  const block = blockOf(p);
  const span = block && s ? document.getElementById("p" + p + "s" + s) : null;
  if (!span) { return 0; }
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEndBefore(span);
  return before.toString().length;
}

function newId() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
}

function count(n) {
  return n + (n === 1 ? " note" : " notes");
}

function say(text, where) {
  (where || said).textContent = text;
}

/** Keeps the chosen words (from essay.js: { para, quote, offset }) with a note, or as a highlight when the note is "". */
export function add(chosen, note) {
  const item = { id: newId(), p: Number(chosen.para.id.slice(1)), quote: chosen.quote, offset: chosen.offset, note: note, created: new Date().toISOString() };
  items.push(item);
  const kept = save();
  draw(item);
  render();
  const what = note ? "Note added" : "Highlighted";
  say(kept ? what + ". " + count(items.length) + " in My notes." : what + " for this visit only: this browser would not keep it.", tools.status);
}

/** Asks for the note's words, under the paragraph; Save keeps it, Cancel or Escape does not. */
export function compose(chosen) {
  const old = tools.bar.querySelector(".note-form");
  if (old) { old.remove(); }
  const form = document.createElement("form");
  const label = document.createElement("label");
  const box = document.createElement("textarea");
  const saveButton = document.createElement("button");
  const cancel = document.createElement("button");
  form.className = "note-form";
  label.textContent = "Note on “" + shorten(chosen.quote, 60) + "”";
  box.id = "note-text";
  box.rows = 3;
  label.htmlFor = box.id;
  saveButton.type = "submit";
  saveButton.textContent = "Save note";
  cancel.type = "button";
  cancel.textContent = "Cancel";
  form.append(label, box, saveButton, cancel);
  // After the status, so a confirmation already shown stays on the buttons' row and the box opens under the row.
  tools.bar.append(form);
  function close() {
    form.remove();
    Array.from(tools.bar.querySelectorAll("button")).filter((b) => b.textContent === "Add note").forEach((b) => b.focus());
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    add(chosen, box.value.trim());
    close();
  });
  cancel.addEventListener("click", close);
  form.addEventListener("keydown", (event) => { if (event.key === "Escape") { close(); } });
  box.focus();
}

function shorten(text, length) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : flat.slice(0, length - 1) + "…";
}

function button(label, action, name) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (name) { b.setAttribute("aria-label", name); }
  b.addEventListener("click", action);
  return b;
}

function render() {
  if (!panel) { return; }
  list.replaceChildren();
  sorted().forEach((item, index) => {
    const li = document.createElement("li");
    const quote = document.createElement("blockquote");
    const link = document.createElement("a");
    quote.textContent = item.quote.trim();
    link.href = tools.link("p" + item.p, item.quote);
    link.textContent = "Paragraph " + item.p;
    li.append(quote);
    if (item.note) {
      const note = document.createElement("p");
      note.className = "my-note-text";
      note.textContent = item.note;
      li.append(note);
    }
    const line = document.createElement("p");
    line.className = "my-note-actions";
    line.append(link, " ", button("Remove", () => remove(item.id, index), "Remove note " + (index + 1) + ", paragraph " + item.p));
    li.append(line);
    list.append(li);
  });
  list.hidden = items.length === 0;
  empty.hidden = items.length > 0;
  panel.querySelector("summary").textContent = items.length ? "My notes (" + items.length + ")" : "My notes";
}

function remove(id, index) {
  items = items.filter((n) => n.id !== id);
  save();
  undraw(id);
  render();
  say("Note removed. " + count(items.length) + " left.");
  const next = list.querySelectorAll("button")[Math.min(index, items.length - 1)];
  (next || panel.querySelector(".my-notes-tools button")).focus();
}

/** All notes as Markdown, in essay order: a heading for the place, the quote, the note, the quote link, the date. */
export function markdown() {
  const title = (document.getElementById("essay-title") || document.querySelector("h1")).textContent.trim();
  const lines = ["# My notes on “" + title + "”", ""];
  sorted().forEach((item) => {
    const sentence = sentenceOf(item);
    lines.push("## Paragraph " + item.p + (sentence ? ", sentence " + sentence : ""), "");
    item.quote.trim().split("\n").forEach((l) => lines.push("> " + l));
    lines.push("");
    if (item.note) {
      // A note line that would read as a heading, a quote or a link line is escaped, as Markdown allows.
      item.note.split("\n").forEach((l) => lines.push(/^(#|>|\[Quote link\]|Added )/.test(l) ? "\\" + l : l));
      lines.push("");
    }
    lines.push("[Quote link](" + tools.link("p" + item.p, item.quote) + ")", "", "Added " + item.created, "");
  });
  return lines.join("\n");
}

/** The notes in a Markdown file made by markdown(), placed in the essay; those whose words are not found are left out. */
export function parse(text) {
  const found = [];
  let missing = 0;
  text.replace(/\r\n?/g, "\n").split(/^## /m).slice(1).forEach((chunk) => {
    const lines = chunk.split("\n");
    const place = /^Paragraph ([0-9]+)(?:, sentence ([0-9]+))?\s*$/.exec(lines.shift());
    if (!place) { return; }
    const p = Number(place[1]);
    const quote = [];
    const note = [];
    let created = "";
    lines.forEach((line) => {
      let m;
      if (/^>/.test(line) && note.length === 0) { quote.push(line.replace(/^> ?/, "")); }
      else if ((m = /^Added (\S+)\s*$/.exec(line))) { created = m[1]; }
      else if (!/^\[Quote link\]\(.*\)\s*$/.test(line) && quote.length > 0) { note.push(line.replace(/^\\/, "")); }
    });
    const words = quote.join("\n");
    const block = blockOf(p);
    const offset = block && words ? locate(block, words, -1, sentenceStart(p, Number(place[2]))) : -1;
    if (offset < 0) { missing++; return; }
    found.push({ id: newId(), p: p, quote: words, offset: offset, note: note.join("\n").trim(), created: isNaN(Date.parse(created)) ? new Date().toISOString() : created });
  });
  return { found: found, missing: missing };
}

function exportAll() {
  const blob = new Blob([markdown()], { type: "text/markdown" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "my-notes.md";
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  say("Exported " + count(items.length) + " as my-notes.md.");
}

function importFile(input) {
  const file = input.files && input.files[0];
  if (!file) { return; }
  file.text().then((text) => {
    const { found, missing } = parse(text);
    const known = (n) => items.some((m) => m.p === n.p && m.offset === n.offset && m.quote === n.quote && m.note === n.note);
    const fresh = found.filter((n) => !known(n));
    items = items.concat(fresh);
    save();
    redraw();
    render();
    input.value = "";
    say(found.length + missing === 0
      ? "No notes found in that file: choose a file exported from My notes."
      : "Imported " + count(fresh.length) + (found.length > fresh.length ? " (" + (found.length - fresh.length) + " already kept)" : "") +
        (missing ? "; " + missing + " could not be placed in the essay" : "") + ".");
  }, () => say("That file could not be read."));
}

function clearAll() {
  if (items.length === 0) { say("There are no notes to remove."); return; }
  if (!window.confirm("Remove all " + count(items.length) + " from this browser? This cannot be undone.")) { return; }
  items = [];
  save();
  undraw(null);
  render();
  say("All notes removed.");
}

function buildPanel(details) {
  panel = details;
  const about = document.createElement("p");
  about.textContent = "Your highlights and notes are kept in this browser only; nothing is sent anywhere. Select words in the essay to add one.";
  empty = document.createElement("p");
  empty.textContent = "No notes yet.";
  list = document.createElement("ol");
  list.className = "my-notes-list";
  const toolsLine = document.createElement("div");
  toolsLine.className = "my-notes-tools";
  const input = document.createElement("input");
  const label = document.createElement("label");
  input.type = "file";
  input.id = "my-notes-import";
  input.accept = ".md,.markdown,.txt,text/markdown,text/plain";
  label.htmlFor = input.id;
  label.textContent = "Import notes from a file";
  input.addEventListener("change", () => importFile(input));
  said = document.createElement("p");
  said.className = "my-notes-status";
  said.setAttribute("role", "status");
  input.className = "visually-hidden";
  label.className = "file-button";
  // The input first, hidden but focusable, so its focus can be drawn on the label that follows it, drawn as a button.
  toolsLine.append(button("Export as Markdown", exportAll), " ", input, label, " ", button("Clear all notes", clearAll));
  details.append(about, empty, list, toolsLine, said);
  render();
}

/** Called once by essay.js with its pieces: the essay, the selection bar and its status, and the quote link maker. */
export function start(given) {
  tools = given;
  items = load();
  items.forEach((n) => { if (!n.id) { n.id = newId(); } });
  redraw();
  const details = document.querySelector("details.my-notes");
  if (details) { buildPanel(details); }
}
