/*
 * Opens the handbook's search: all a page loads for search before the reader asks for it.
 *
 * The search itself (search-dialog.js, Pagefind, the index, the words) is fetched the
 * first time the reader opens search: the search button, a click in the box, or the keys
 * /, s or f, as in Material. A page opened from a search result (?h=...) loads Pagefind's
 * highlighter to mark the words it was found by.
 *
 * window.handbookSearch.ready() gives the started dialog (for the browser tests).
 */
(function () {
  "use strict"

  var dialog = document.querySelector("[data-handbook-search]")
  var toggle = document.getElementById("__search")
  if (!dialog || !toggle) return
  var input = dialog.querySelector(".md-search__input")
  var started = null

  function start() {
    if (!started) {
      started = import(new URL(dialog.dataset.dialog, document.baseURI).href)
        .then(function (module) { return module.start(dialog, toggle) })
      started.catch(function () {
        started = null
        dialog.querySelector(".md-search-result__meta").textContent = dialog.dataset.textUnavailable
      })
    }
    return started
  }

  function editable(element) {
    if (!element) return false
    var tag = element.tagName
    return element.isContentEditable || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA"
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      input.focus()  // now, in the reader's click: a phone shows its keyboard only then
      start()
    }
  })
  input.addEventListener("focus", function () {
    if (!toggle.checked) toggle.checked = true
    start()
  })
  document.addEventListener("keydown", function (event) {
    if (toggle.checked || event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return
    if ((event.key === "/" || event.key === "s" || event.key === "f") && !editable(document.activeElement)) {
      event.preventDefault()
      toggle.checked = true
      input.focus()
      input.select()
      start()
    }
  })

  window.handbookSearch = { ready: start }

  // The parameter search-dialog.js has Pagefind add to result links (data-highlight).
  var highlight = dialog.dataset.highlight
  if (new URLSearchParams(location.search).has(highlight)) {
    import(new URL("pagefind-highlight.js", new URL(dialog.dataset.bundle, document.baseURI)).href)
      .then(function (module) {
        var Highlight = module.default || window.PagefindHighlight
        // addStyles: false, as the Content Security Policy allows no inline style; the
        // marks look like those in the result list (Material's <mark>).
        new Highlight({ highlightParam: highlight, markContext: "article", addStyles: false })
      })
      .catch(function () {})
  }
})()
