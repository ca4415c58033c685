/*
 * Language switching without 404s.
 *
 * Material's language selector fetches "sitemap.xml" next to every <link rel="alternate">
 * of the page, to map the current page onto the other language. mkdocs-static-i18n makes
 * those links point at this page in each language (good for readers and search engines),
 * so Material asks for .../prioriteringer/po3/sitemap.xml, which does not exist: one 404
 * in the console per language on every page. The sitemap that does exist (at the site
 * root and, copied by the build hooks, at each language root) lists every page with its
 * alternates, so such requests are answered from it instead.
 *
 * Loaded before Material's bundle; it touches only requests for a sitemap.xml below this
 * language's root. tests/browser/test_privacy.py fails on any failed request.
 */
(function () {
  "use strict"

  var script = document.currentScript
  var open = window.XMLHttpRequest && XMLHttpRequest.prototype.open
  if (!script || typeof open !== "function")
    return

  // This file lives at <language root>/assets/javascripts/.
  var languageRoot = new URL("../../", script.src)
  var rootSitemap = new URL("sitemap.xml", languageRoot).href

  function answeredBy(target) {
    var url = new URL(String(target), location.href)
    var below = url.origin === languageRoot.origin
      && url.pathname.indexOf(languageRoot.pathname) === 0
    return below && /\/sitemap\.xml$/.test(url.pathname) ? rootSitemap : target
  }

  // Material requests sitemaps with XMLHttpRequest (its bundle's request helper).
  XMLHttpRequest.prototype.open = function (method, target) {
    var args = Array.prototype.slice.call(arguments)
    args[1] = answeredBy(target)
    return open.apply(this, args)
  }
})()
