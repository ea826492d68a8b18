// Search in the browser, for the static export only: a plain host serves the one search page whatever
// the query, so this reads the query, fetches the index and shows results as the server's page does.
// Words are folded (lower case, accents dropped after NFD, glossary spellings mapped to one form) and
// ranked as src/EssaySite/Search/SearchIndex.cs does: documents matching more words first, then BM25.
// Text from the index or the query goes into the page as text only.
(function () {
  "use strict";
  var root = document.getElementById("static-search");
  if (!root) { return; }
  var status = root.querySelector("[role=status]");
  var base = root.getAttribute("data-base-url") || "/";
  // The site's own addresses this page links to, from the route table (the page writes them), before the path base.
  var routes = JSON.parse(root.getAttribute("data-routes") || "{}");
  if (base.charAt(base.length - 1) !== "/") { base += "/"; }

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) { e.className = className; }
    if (text) { e.textContent = text; }
    return e;
  }

  function link(url, text) {
    var a = el("a", "", text);
    a.href = base + url.replace(/^\//, "");
    return a;
  }

  // A sentence of text and links, such as ["Browse the ", [routes.timeline, "timeline"], "."].
  function say(parts) {
    status.textContent = "";
    parts.forEach(function (p) {
      status.append(typeof p === "string" ? p : link(p[0], p[1]));
    });
  }

  var elsewhere = ["Browse the ", [routes.timeline, "timeline"], ", the ", [routes.glossary, "glossary"], " and the ", [routes.sources, "sources"], " instead."];
  // Built here, not as literals, so a browser without Unicode classes reaches the message below.
  var word, mark, digit;
  try {
    word = new RegExp("[\\p{L}\\p{N}\\p{Mn}]+", "gu");
    mark = new RegExp("\\p{Mn}", "gu");
    digit = new RegExp("^\\p{Nd}", "u");
    if (!window.fetch || !window.URLSearchParams || !"".normalize) { throw new Error("old browser"); }
  } catch (e) {
    say(["This browser is too old to search this static copy of the site. "].concat(elsewhere));
    return;
  }

  var MAX_LENGTH = 200, MAX_WORDS = 16, LIMIT = 30, K1 = 1.2, B = 0.75;
  var raw = new URLSearchParams(location.search).get("q") || "";
  var shortened = raw.length > MAX_LENGTH;
  var query = shortened ? raw.slice(0, MAX_LENGTH) : raw;
  var box = document.getElementById("search-page-q");
  if (box) { box.value = query; }
  if (!query.trim()) {
    root.querySelector(".search-hint").hidden = false;
    return;
  }

  document.title = document.title.replace(/^Search(?= ·)/, function () { return "Search: " + query; });
  say(["Searching…"]);

  // Letters that NFD does not take apart, spelled as the server's fold (AnyAscii) spells them.
  var plain = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };

  function fold(text) {
    return text.normalize("NFD").replace(mark, "").toLowerCase().replace(/[ßæœøłđðþı]/g, function (c) { return plain[c]; });
  }

  // The words of a text as the index stores them: folded, one spelling per name, no lone letters.
  function words(text, variants) {
    var out = [];
    (text.match(word) || []).forEach(function (w) {
      var f = fold(w);
      f = variants.get(f) || f;
      if (f.length > 1 || digit.test(f)) { out.push(f); }
    });
    return out;
  }

  function rank(index, q) {
    var variants = new Map(Object.entries(index.v));
    var docs = index.d.map(function (d, i) {
      var ws = words(d.t + " " + (d.w || "") + " " + d.x, variants);
      var counts = new Map();
      ws.forEach(function (w) { counts.set(w, (counts.get(w) || 0) + 1); });
      return { d: d, i: i, length: ws.length, counts: counts, joined: " " + ws.join(" ") + " ", score: 0, matched: 0 };
    });
    // How many documents hold each word.
    var vocabulary = new Map();
    docs.forEach(function (x) {
      x.counts.forEach(function (c, w) { vocabulary.set(w, (vocabulary.get(w) || 0) + 1); });
    });
    var names = glossarySpellings(index.d, variants);
    var wanted = queryWords(q, variants, vocabulary, names);
    if (!wanted.length) { return { wanted: wanted, variants: variants, hits: [] }; }
    var average = Math.max(1, docs.reduce(function (sum, x) { return sum + x.length; }, 0) / Math.max(1, docs.length));
    new Set(wanted).forEach(function (w) {
      var having = docs.filter(function (x) { return x.counts.has(w); });
      var idf = Math.log(1 + (docs.length - having.length + 0.5) / (having.length + 0.5));
      having.forEach(function (x) {
        var c = x.counts.get(w);
        x.score += idf * c * (K1 + 1) / (c + K1 * (1 - B + B * x.length / average));
        x.matched += 1;
      });
    });
    var quoted = quotedPhrases(q, variants, vocabulary, names);
    var phrase = wanted.length > 1 ? " " + wanted.join(" ") + " " : null;
    var hits = docs.filter(function (x) {
      return x.matched > 0 && quoted.every(function (q) { return x.joined.indexOf(q) >= 0; });
    });
    hits.forEach(function (x) {
      x.score *= (phrase && x.joined.indexOf(phrase) >= 0 ? 2 : 1) * x.d.b;
    });
    hits.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.i - b.i; });
    return { wanted: wanted, variants: variants, hits: hits.slice(0, LIMIT), suggestion: suggest(q, docs, vocabulary, variants, names) };
  }

  // As SearchIndex.QueryWords: a word no document holds that misspells a glossary name is searched as that name.
  function queryWords(text, variants, vocabulary, names) {
    return words(text, variants).slice(0, MAX_WORDS).map(function (w) {
      return vocabulary.has(w) ? w : forgiven(w, names) || w;
    });
  }

  // As SearchIndex.QuotedPhrases: each phrase in straight or curly quotes, as the index's words with a space either
  // side; a document must hold each one word after word. A quote left open quotes nothing.
  function quotedPhrases(q, variants, vocabulary, names) {
    var out = [], m, quote = /["“”]([^"“”]*)["“”]/g;
    while ((m = quote.exec(q)) !== null) {
      var ws = queryWords(m[1], variants, vocabulary, names);
      if (ws.length) { out.push(" " + ws.join(" ") + " "); }
    }
    return out;
  }

  // As SearchIndex.SpellingKey: q, k and gh are one sound, so are ou, u and o, and ei, ey and ay; a doubled letter is one.
  function spellingKey(folded) {
    return folded.replace(/gh/g, "k").replace(/q/g, "k").replace(/ou/g, "u").replace(/o/g, "u")
      .replace(/ey/g, "ei").replace(/ay/g, "ei").replace(/(.)\1+/g, "$1");
  }

  // Every word of four letters or more in a glossary entry's name and variants, with its key and the index's form.
  function glossarySpellings(documents, variants) {
    var seen = new Set(), names = [];
    documents.forEach(function (d) {
      if (d.k !== "Glossary") { return; }
      ((d.t + " " + (d.w || "")).match(word) || []).forEach(function (w) {
        var f = fold(w);
        if (f.length < 4 || seen.has(f)) { return; }
        seen.add(f);
        names.push({ spelling: f, key: spellingKey(f), form: variants.get(f) || f });
      });
    });
    return names;
  }

  // As SearchIndex.Forgiven: the form of the glossary name a word misspells, within two edits (one where either word has four letters)
  // as typed or by key; the nearest, then the first in the glossary.
  function forgiven(f, names) {
    if (f.length < 4) { return null; }
    var key = spellingKey(f), best = null, bestDistance = Infinity;
    names.forEach(function (n) {
      var limit = Math.min(f.length, n.spelling.length) <= 4 ? 1 : 2;
      var d = Math.min(distance(f, n.spelling), distance(key, n.key));
      if (d <= limit && d < bestDistance) { best = n.form; bestDistance = d; }
    });
    return best;
  }

  // The Levenshtein distance, and the limit SearchIndex.IsRespelling allows: one edit in three letters.
  function distance(a, b) {
    var previous = [], current = [], i, j;
    for (j = 0; j <= b.length; j++) { previous[j] = j; }
    for (i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(current[j - 1] + 1, previous[j] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      previous = current;
    }
    return previous[b.length];
  }

  // As SearchIndex.Suggest: each query word of four letters or more that no document holds is replaced by the
  // glossary name it misspells, else by the nearest word that one does hold (the nearest, then the one in more
  // documents, then the first in code order), written as the text writes it.
  function suggest(q, docs, vocabulary, variants, names) {
    var changed = false;
    var result = q.replace(word, function (original) {
      var f = fold(original);
      f = variants.get(f) || f;
      if (f.length < 4 || vocabulary.has(f)) { return original; }
      var best = forgiven(f, names) || nearest(f, vocabulary);
      if (best === null) { return original; }
      changed = true;
      return surface(docs, best, variants) || best;
    });
    return changed ? result : null;
  }

  function nearest(f, vocabulary) {
    var best = null, bestDistance = Infinity, bestCount = 0;
    vocabulary.forEach(function (count, candidate) {
      if (candidate.length < 4 || Math.abs(candidate.length - f.length) > 2) { return; }
      var d = distance(f, candidate);
      if (d > Math.max(1, Math.floor(Math.min(f.length, candidate.length) / 3))) { return; }
      if (d < bestDistance || (d === bestDistance && (count > bestCount || (count === bestCount && candidate < best)))) {
        best = candidate; bestDistance = d; bestCount = count;
      }
    });
    return best;
  }

  // How the documents write a folded word, for the suggestion.
  function surface(docs, folded, variants) {
    for (var i = 0; i < docs.length; i++) {
      if (!docs[i].counts.has(folded)) { continue; }
      var text = docs[i].d.t + " " + (docs[i].d.w || "") + " " + docs[i].d.x;
      var found = (text.match(word) || []).find(function (w) { return fold(w) === folded; });
      if (found) { return found; }
    }
    return null;
  }

  // About 240 characters from just before the first match, with every matched word marked.
  function snippet(text, wanted, variants) {
    var p = el("p", "snippet");
    var found = [];
    var m;
    word.lastIndex = 0;
    while ((m = word.exec(text)) !== null) {
      var f = fold(m[0]);
      found.push({ index: m.index, text: m[0], hit: wanted.has(variants.get(f) || f) });
    }
    var first = found.find(function (x) { return x.hit; });
    var start = first ? Math.max(0, first.index - 60) : 0;
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < first.index ? space + 1 : start;
    }
    var end = Math.min(text.length, start + 240);
    var cursor = start;
    if (start > 0) { p.append("…"); }
    found.forEach(function (x) {
      if (!x.hit || x.index < start || x.index + x.text.length > end) { return; }
      p.append(text.slice(cursor, x.index), el("mark", "", x.text));
      cursor = x.index + x.text.length;
    });
    p.append(text.slice(cursor, end));
    if (end < text.length) { p.append("…"); }
    return p;
  }

  function show(result) {
    var shown = "“" + (result.showing || query) + "”";
    if (result.showing) {
      var instead = el("p", "did-you-mean", "Nothing matches “" + query + "”. Showing results for ");
      instead.append(link(routes.search + "?q=" + encodeURIComponent(result.showing), result.showing), ".");
      root.insertBefore(instead, status);
    } else if (result.suggestion) {
      var offer = el("p", "did-you-mean", "Did you mean ");
      offer.append(link(routes.search + "?q=" + encodeURIComponent(result.suggestion), result.suggestion), "?");
      root.insertBefore(offer, status);
    }
    if (!result.hits.length) {
      say(["Nothing matches " + shown + ". Try fewer or different words, or browse the ", [routes.timeline, "timeline"], " and the ", [routes.glossary, "glossary"], "."]);
      return;
    }
    var n = result.hits.length;
    say([n + " result" + (n === 1 ? "" : "s") + " for " + shown + (shortened ? " (the query was shortened)" : "") + "."]);
    var wanted = new Set(result.wanted);
    var list = el("ol", "results");
    result.hits.forEach(function (x) {
      var li = el("li");
      li.append(link(x.d.u, x.d.t), " ", el("span", "kind", x.d.k), " ", snippet(x.d.x, wanted, result.variants));
      list.append(li);
    });
    root.append(list);
  }

  fetch(root.getAttribute("data-index-url"), { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (index) {
      // As the server's page: a query that finds nothing shows the results of its suggestion at once.
      var result = rank(index, query);
      var instead = !result.hits.length && result.suggestion ? rank(index, result.suggestion) : null;
      if (instead && instead.hits.length) {
        instead.showing = result.suggestion;
        instead.suggestion = null;
        result = instead;
      }
      show(result);
    })
    .catch(function () {
      say(["Search could not load its index; reload the page to try again. "].concat(elsewhere));
    });
})();
