/*
 * The handbook's search dialog: Pagefind, shown in Material's search dialog. An ES module,
 * loaded by search.js when the reader first opens search; start() wires it to the dialog.
 *
 * Opening it fetches Pagefind's script, its WebAssembly and this language's index from the
 * site's own pagefind/ folder, with the language's synonyms, misspellings and words
 * (search/words.<lang>.json, built from includes/search-synonyms.<lang>.yml and the
 * pages). Pagefind picks the index by the page's <html lang>, so a reader never gets the
 * other language.
 *
 * What a query goes through (rewrite() and answer() below):
 * 1. Codes typed with a space become the code: "TEN T" is TEN-T, "PO 3" is PO3.
 * 2. Words and phrases from the synonyms file become the pages' words: "kollektivtransport"
 *    is searched as "kollektivtrafikk", "intereg" as "interreg"; a long word that is on no
 *    page becomes the pages' word one or two typos away ("priorteringer"). The result
 *    list says what was searched for.
 * 3. Pagefind finds pages with every word, stemmed ("havnene" finds "havner") and as the
 *    start of longer words. For a word and a number ("artikkel 3"), only the pages that
 *    have them side by side, if any.
 * 4. If nothing has every word: the words that find nothing on their own are dropped; if
 *    each finds something but no page has all of them, pages with some of them are shown.
 *    A single word on no page is searched by the longest start of it that starts a word of
 *    the pages ("budsjettxyz" by "budsjett"). The result list says what was done.
 *
 * The markup, keyboard and focus follow Material's search (its classes, Enter for the
 * best result, arrows through the results, Escape or Tab to close), so its styles and its
 * accessibility carry over; Material's own search code does not run (see
 * overrides/partials/search.html). Result text is put in as text, never as HTML.
 */
var MAX_RESULTS = 10     // Material showed ten before "more"; the rest are rarely read
var MAX_SECTIONS = 3     // sections shown under a page
var SHORTEST_LISTED = 3     // the pages' words listed in search/words.<lang>.json (search_synonyms.py)
var SHORTEST_CORRECTED = 5  // shorter unknown words are not corrected
var SHORTEST_PREFIX = 5  // a shortened word keeps at least this many letters ...
var PREFIX_SHARE = 0.6   // ... and at least this share of the word
var LONGEST_PHRASE = 4   // words in the longest synonym phrase looked up
// Pagefind's ranking, chosen with the search benchmark (benchmarks/README.md): `terms` are
// the words a page is the page for and `summary` its description (handbook/search_terms.py).
var RANKING = { metaWeights: { title: 8, terms: 80, summary: 1 }, pageLength: 0.1 }

// "TEN T", "PO 3": a glossary code typed with a space where it has a hyphen (TEN-T) or
// nothing (PO1-PO4), followed by a lone letter or digit that is not itself a word.
// "rso 2.6" is RSO2.6 as the objective pages write it.
var SPACED_CODE = /(^|[^\p{L}\p{N}])(TEN|PO|RSO)\s+([b-hj-np-zB-HJ-NP-Z]|\d(?:\.\d)?)(?=\s|$)/giu
var JOINED = { TEN: "-", PO: "", RSO: "" }
// Endings of inflected Norwegian and English words, longest first.
var ENDINGS = ["ene", "ere", "er", "en", "et", "es", "s", "e", "a"]
var WORD_AND_NUMBER = /(^|\s)\p{L}+\s+\d|\d\s+\p{L}/u

/* The query as the pages write it, and whether it was changed. `words` is the
   language's search/words.<lang>.json: `rewrite` (synonyms and misspellings) and `words`
   (the pages' words, most frequent first). */
function rewrite(typed, words) {
  var synonyms = (words && words.rewrite) || {}
  var query = typed.normalize("NFC").replace(/\s+/g, " ").trim()
  query = query.replace(SPACED_CODE, function (_, before, code, rest) {
    return before + code + JOINED[code.toUpperCase()] + rest
  })
  var tokens = query.split(" ").filter(Boolean)
  var out = []
  var dropped = []
  var changed = false
  for (var i = 0; i < tokens.length;) {
    var found = false
    for (var n = Math.min(LONGEST_PHRASE, tokens.length - i); n > 0 && !found; n--) {
      var phrase = tokens.slice(i, i + n).join(" ").toLocaleLowerCase()
      var key = n === 1 ? inflected(phrase, synonyms) : phrase
      if (Object.prototype.hasOwnProperty.call(synonyms, key)) {
        out.push(synonyms[key])
        i += n
        found = changed = true
      }
    }
    if (found) continue
    var corrected = correction(tokens[i], words)
    if (corrected) changed = true
    else if (unknown(tokens[i], words)) dropped.push(tokens[i])
    out.push(corrected || tokens[i])
    i++
  }
  // "overvann og flom" is "klimatilpasning og klimatilpasning": each word once.
  out = out.filter(function (word, i) { return out.indexOf(word) === i })
  // A word on no page would match whatever starts like it; it is left out, and the
  // result list says so, unless it is all there is.
  if (dropped.length && dropped.length < out.length)
    out = out.filter(function (word) { return dropped.indexOf(word) === -1 })
  else
    dropped = []
  return { query: out.join(" "), changed: changed, dropped: dropped }
}

/* A word of letters that no word of the pages starts with, whole or without an ending,
   or ends with. */
function unknown(token, words) {
  var word = letters(token, words, SHORTEST_LISTED)
  if (!word) return false
  var index = indexed(words)
  return !startsAWord(word, index.sorted) && !stemStartsAWord(word, index, SHORTEST_LISTED) &&
    // the end of a compound: "forebygging" in "risikoforebygging"
    !startsAWord(backwards(word), index.backwards)
}

/* The token in lower case, if it is a word of letters of at least `shortest` and there
   are words of the pages to compare it with; else null. */
function letters(token, words, shortest) {
  var word = token.toLocaleLowerCase()
  if (!words || !words.words || word.length < shortest || !/^\p{L}+$/u.test(word)) return null
  return word
}

/* The pages' words sorted, and sorted backwards (for the ends of compounds), made once
   per words file. */
function indexed(words) {
  if (!words.sorted) {
    words.sorted = words.words.slice().sort()
    words.backwards = words.words.map(backwards).sort()
  }
  return words
}

/* Whether all of the word but an ending (three letters, two in words of eight or more),
   and at least `shortest` letters, starts a word of the pages ("havnene" and "havner"):
   then Pagefind's stemming finds it. */
function stemStartsAWord(word, index, shortest) {
  var ending = word.length >= 8 ? 2 : 3
  return startsAWord(word.slice(0, Math.max(shortest, word.length - ending)), index.sorted)
}

/* The longest start of the word, shorter than the word, that starts a word of the pages,
   with at least SHORTEST_PREFIX letters and PREFIX_SHARE of the word ("budsjett" for
   "budsjettxyz"); null if none. */
function pagePrefix(word, words) {
  var sorted = indexed(words).sorted
  var shortest = Math.max(SHORTEST_PREFIX, Math.ceil(word.length * PREFIX_SHARE))
  for (var length = word.length - 1; length >= shortest; length--) {
    if (startsAWord(word.slice(0, length), sorted)) return word.slice(0, length)
  }
  return null
}

function backwards(word) {
  return Array.from(word).reverse().join("")
}

/* The synonym a word is an inflected form of ("gründere" of "gründer", "harbours" of
   "harbour"), or the word itself. */
function inflected(word, synonyms) {
  if (Object.prototype.hasOwnProperty.call(synonyms, word)) return word
  for (var i = 0; i < ENDINGS.length; i++) {
    var stem = word.slice(0, -ENDINGS[i].length)
    if (word.endsWith(ENDINGS[i]) && stem.length >= 4 && Object.prototype.hasOwnProperty.call(synonyms, stem))
      return stem
  }
  return word
}

/* A long word that is on no page and is not an inflection of one, replaced by the most
   frequent word of the pages at most one edit away (two for words of eight letters or
   more) with the same first letter: letters added, dropped, changed or swapped. Null if
   none or not needed. */
function correction(token, words) {
  var word = letters(token, words, SHORTEST_CORRECTED)
  if (!word || stemStartsAWord(word, indexed(words), SHORTEST_CORRECTED)) return null
  var allowed = word.length >= 8 ? 2 : 1
  for (var d = 1; d <= allowed; d++) {
    for (var i = 0; i < words.words.length; i++) {
      var candidate = words.words[i]
      // A typo seldom changes the first letter; allowing it corrects "pendling" to "endring".
      if (candidate.length >= SHORTEST_CORRECTED && candidate[0] === word[0] && Math.abs(candidate.length - word.length) <= d &&
          distance(word, candidate, d) <= d) return candidate
    }
  }
  return null
}

function startsAWord(word, sorted) {
  var low = 0, high = sorted.length
  while (low < high) {
    var mid = (low + high) >> 1
    if (sorted[mid] < word) low = mid + 1
    else high = mid
  }
  return low < sorted.length && sorted[low].indexOf(word) === 0
}

/* Optimal string alignment distance (Levenshtein with swapped neighbours), giving up
   once it exceeds `limit`. */
function distance(a, b, limit) {
  var previous2 = null, previous = [], current
  for (var j = 0; j <= b.length; j++) previous.push(j)
  for (var i = 1; i <= a.length; i++) {
    current = [i]
    var best = i
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1
      var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2] + 1)
      current.push(value)
      if (value < best) best = value
    }
    if (best > limit) return limit + 1
    previous2 = previous
    previous = current
  }
  return previous[b.length]
}

/* Wire the dialog; returns what the loader and the tests use. */
export function start(dialog, toggle) {
  var input = dialog.querySelector(".md-search__input")
  var form = dialog.querySelector(".md-search__form")
  var meta = dialog.querySelector(".md-search-result__meta")
  var list = dialog.querySelector(".md-search-result__list")
  var text = dialog.dataset
  var bundle = new URL(text.bundle, document.baseURI)
  var siteRoot = new URL("../", bundle)

  var engine = null   // a promise of { pagefind, words }, made when search first opens
  var asked = 0       // the number of the latest query; older answers are dropped

  function load() {
    if (engine) return engine
    var pagefind = import(new URL("pagefind.js", bundle).href).then(function (pf) {
      return pf.options({ baseUrl: siteRoot.pathname, excerptLength: 24, highlightParam: text.highlight, ranking: RANKING })
        .then(function () { pf.init(); return pf })
    })
    var words = fetch(new URL(text.words, document.baseURI))
      .then(function (response) { return response.ok ? response.json() : {} })
      .catch(function () { return {} })
    engine = Promise.all([pagefind, words]).then(function (loaded) {
      return { pagefind: loaded[0], words: loaded[1] }
    })
    engine.catch(function () { engine = null })  // try again on the next query
    return engine
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all
    })
  }

  function find(pagefind, query) {
    return pagefind.search(query).then(function (search) {
      return search ? search.results : []
    })
  }

  /* The pages for a query, with a note when they are for something else than was typed. */
  function answer(loaded, typed) {
    var pf = loaded.pagefind
    var rewritten = rewrite(typed, loaded.words)
    var query = rewritten.query
    var notes = []
    if (rewritten.changed) notes.push(fill(text.textShowing, { query: query }))
    if (rewritten.dropped.length) notes.push(fill(text.textDropped, { words: rewritten.dropped.join(" ") }))
    // One word on no page: Pagefind would quietly search the longest word of the pages it
    // starts with ("budsjettxyz" finds "budsjett"); search that start, and say so.
    if (query && query.indexOf(" ") === -1 && unknown(query, loaded.words)) {
      var start = pagePrefix(query.toLocaleLowerCase(), loaded.words)
      if (start) {
        notes.push(fill(text.textPrefix, { word: query, prefix: start }))
        query = start
      }
    }
    var note = notes.join(" ")
    // "artikkel 3", "14 regioner": apart, the number alone matches the start of every 3.x
    // and 1.4, so the pages that have the words side by side are kept, if there are any.
    // (Putting side-by-side pages first for any words was measured too: as many queries
    // got worse as better, as "eksempler på prosjekter" is mostly "ingen eksempler ...".)
    var phrase = WORD_AND_NUMBER.test(query) ? find(pf, '"' + query.replace(/"/g, "") + '"') : Promise.resolve([])
    return Promise.all([phrase, find(pf, query)]).then(function (both) {
      var beside = new Set(both[0].map(function (r) { return r.id }))
      var kept = both[1].filter(function (r) { return beside.has(r.id) })
      return kept.length ? kept : both[1]
    }).then(function (results) {
      if (results.length || !query) return { results: results, note: note }
      var words = query.split(" ")
      var fallback = words.length > 1 ? withoutSomeWords(pf, words, loaded.words) : shortened(pf, query, loaded.words)
      // The fallback's note follows what the rewrite already said.
      return fallback.then(function (found) {
        return { results: found.results, note: [note, found.note].filter(Boolean).join(" ") }
      })
    })
  }

  function withoutSomeWords(pf, words, pageWords) {
    return Promise.all(words.map(function (word) { return find(pf, word) })).then(function (alone) {
      var kept = words.filter(function (_, i) { return alone[i].length })
      var dropped = words.filter(function (_, i) { return !alone[i].length })
      if (!kept.length) return shortened(pf, words.reduce(function (a, b) { return b.length > a.length ? b : a }), pageWords)
      if (dropped.length) {
        return find(pf, kept.join(" ")).then(function (results) {
          if (!results.length) return anyOf(alone)
          return { results: results, note: fill(text.textDropped, { words: dropped.join(" ") }) }
        })
      }
      return anyOf(alone)
    })
  }

  /* Pages with some of the words: each page once, by its best score. */
  function anyOf(resultLists) {
    var best = new Map()
    resultLists.forEach(function (results) {
      results.forEach(function (result) {
        var seen = best.get(result.id)
        if (!seen || result.score > seen.score) best.set(result.id, result)
      })
    })
    var results = Array.from(best.values()).sort(function (a, b) { return b.score - a.score })
    return { results: results, note: results.length ? text.textSome : "" }
  }

  /* A word that found nothing, searched by the longest start of it that starts a word of
     the pages. */
  function shortened(pf, word, pageWords) {
    var start = pageWords && pageWords.words && pagePrefix(word.toLocaleLowerCase(), pageWords)
    if (!start) return Promise.resolve({ results: [], note: "" })
    return find(pf, start).then(function (results) {
      return { results: results, note: results.length ? fill(text.textPrefix, { word: word, prefix: start }) : "" }
    })
  }

  /* Pagefind's excerpt is the page's text with entities encoded and <mark> around the
     matches: it is read as text, and only the marks become elements. */
  function excerpt(html) {
    var p = document.createElement("p")
    html.split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part)
      var node = document.createTextNode(decode(marked ? marked[1] : part))
      if (marked) {
        var mark = document.createElement("mark")
        mark.appendChild(node)
        p.appendChild(mark)
      } else {
        p.appendChild(node)
      }
    })
    return p
  }

  function decode(encoded) {
    return new DOMParser().parseFromString(encoded, "text/html").documentElement.textContent
  }

  function link(url, heading, level, excerptHtml, icon) {
    var a = document.createElement("a")
    a.href = url
    a.className = "md-search-result__link"
    a.tabIndex = -1
    var article = document.createElement("article")
    article.className = "md-search-result__article md-typeset"
    if (icon) {
      var iconBox = document.createElement("div")
      iconBox.className = "md-search-result__icon md-icon"
      article.appendChild(iconBox)
    }
    var h = document.createElement(level)
    h.textContent = heading
    article.appendChild(h)
    if (excerptHtml) article.appendChild(excerpt(excerptHtml))
    a.appendChild(article)
    return a
  }

  function item(data) {
    var li = document.createElement("li")
    li.className = "md-search-result__item"
    var title = (data.meta && data.meta.title) || data.url
    li.appendChild(link(data.url, title, "h1", data.excerpt, true))
    ;(data.sub_results || [])
      .filter(function (section) { return section.url.indexOf("#") !== -1 })
      .slice(0, MAX_SECTIONS)
      .forEach(function (section) {
        li.appendChild(link(section.url, section.title, "h2", section.excerpt, false))
      })
    return li
  }

  function count(n) {
    if (n === 0) return text.textNone
    if (n === 1) return text.textOne
    return text.textOther.replace("#", String(n))
  }

  function show(found, typed) {
    return Promise.all(found.results.slice(0, MAX_RESULTS).map(function (r) { return r.data() }))
      .then(function (pages) {
        var summary = count(found.results.length)
        meta.textContent = found.note ? found.note + " " + summary : summary
        list.replaceChildren.apply(list, pages.map(item))
        return typed
      })
  }

  function search() {
    var typed = input.value
    var number = ++asked
    if (!typed.trim()) {
      meta.textContent = text.textPlaceholder
      list.replaceChildren()
      return
    }
    load()
      .then(function (loaded) { return answer(loaded, typed) })
      .then(function (found) { if (number === asked) return show(found, typed) })
      .catch(function () { if (number === asked) meta.textContent = text.textUnavailable })
  }

  function open() {
    if (!toggle.checked) toggle.checked = true
    opened()
  }

  function opened() {
    list.hidden = false
    list.setAttribute("role", "list")
    load()
    if (document.activeElement !== input) input.focus()
  }

  function close() {
    toggle.checked = false
    list.hidden = true
    list.setAttribute("role", "presentation")
    input.blur()
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"))
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) opened()
    else close()
  })
  input.addEventListener("focus", open)
  input.addEventListener("input", search)
  form.addEventListener("submit", function (event) {
    event.preventDefault()
    var best = links()[0]
    if (best) best.click()
  })
  form.addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus() })
  })
  list.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("a")) close()
  })

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return
    if (!toggle.checked) return  // the loader (search.js) opens search
    switch (event.key) {
      case "Escape":
      case "Tab":
        close()
        break
      case "ArrowUp":
      case "ArrowDown":
        var order = [input].concat(links())
        var at = Math.max(0, order.indexOf(document.activeElement))
        order[(at + order.length + (event.key === "ArrowUp" ? -1 : 1)) % order.length].focus()
        event.preventDefault()
        break
      case "Enter":
        break
      default:
        if (event.key.length === 1 && document.activeElement !== input) input.focus()
    }
  })

  if (toggle.checked) opened()
  if (input.value) search()

  // For the browser tests and the benchmark: the pages a query finds and the note shown.
  function pages(typed) {
    return load().then(function (loaded) { return answer(loaded, typed) }).then(function (found) {
      return Promise.all(found.results.slice(0, MAX_RESULTS).map(function (r) { return r.data() }))
        .then(function (data) {
          return { urls: data.map(function (p) { return p.url }), total: found.results.length, note: found.note }
        })
    })
  }

  return { rewrite: rewrite, load: load, answer: pages, open: open }
}
