// Persian and Arabic text folded to one spelling before it is split into words: the same function as the
// server's ArabicScriptFolding.Fold (src/EssaySite.Content/Search/ArabicScriptFolding.cs); keep the two alike.
// ي ى ئ → ی, ك → ک, ة ۀ ہ → ه, أ إ آ ٱ → ا, ؤ → و; harakat, Quranic marks, tatweel, the joiner and direction marks
// dropped; Persian and Arabic digits → 0-9; the zero-width non-joiner → a space, so "می رود" finds "می‌رود".
// A classic script: it sets window.foldArabicScript for search.js, and module.exports for the tests under Node.
(function (root) {
  "use strict";

  var letters = {
    "\u064A": "\u06CC", "\u0649": "\u06CC", "\u0626": "\u06CC",
    "\u0643": "\u06A9",
    "\u0629": "\u0647", "\u06C0": "\u0647", "\u06C1": "\u0647",
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0624": "\u0648",
    "\u200C": " "
  };
  var mapped = /[\u064A\u0649\u0626\u0643\u0629\u06C0\u06C1\u0623\u0625\u0622\u0671\u0624\u200C]/g;
  var dropped = /[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640\u200D\u200E\u200F]/g;
  var digits = /[\u06F0-\u06F9\u0660-\u0669]/g;
  var any = /[\u0600-\u06FF\u200C-\u200F]/;

  function foldArabicScript(text) {
    if (!any.test(text)) { return text; }
    return text
      .replace(dropped, "")
      .replace(mapped, function (c) { return letters[c]; })
      .replace(digits, function (d) {
        var code = d.charCodeAt(0);
        return String.fromCharCode(48 + code - (code >= 0x06F0 ? 0x06F0 : 0x0660));
      });
  }

  root.foldArabicScript = foldArabicScript;
  if (typeof module !== "undefined" && module.exports) { module.exports = foldArabicScript; }
})(typeof window !== "undefined" ? window : globalThis);
