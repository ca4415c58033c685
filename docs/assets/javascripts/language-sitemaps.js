/*
 * Material's language selector asks for sitemaps that do not exist; send it to the one
 * that does.
 *
 * Material fetches "sitemap.xml" next to every <link rel="alternate" hreflang> of the page,
 * to find the current page in the other language (squidfunk/mkdocs-material#8576).
 * mkdocs-static-i18n points those links at this page in each language, as readers and
 * search engines need, so on .../prioriteringer/po3/ Material asks for
 * .../prioriteringer/po3/sitemap.xml and .../en/prioriteringer/po3/sitemap.xml. Neither
 * exists: on every page view the host answers each with its 404 page (34 kB on GitHub
 * Pages) and the reader's console shows an error for each, which Lighthouse counts
 * against the site. The one sitemap, at the site root, lists every page in every
 * language with its alternates, so such requests are sent there instead: one small
 * cached file, no errors, and on the home pages the selector goes straight to the other
 * language's root rather than through a redirect. Search engines read the hreflang links
 * and the root sitemap themselves; this file changes nothing for them.
 *
 * The site root is two folders up from this file (assets/javascripts/), also for the
 * English pages and under a sub-path such as /<repo>/ on GitHub Pages. Loaded before
 * Material's bundle; it touches only requests for a sitemap.xml on this site.
 * tests/browser/test_i18n.py and test_privacy.py fail without it.
 */
(function () {
  "use strict"

  var script = document.currentScript
  var open = window.XMLHttpRequest && XMLHttpRequest.prototype.open
  if (!script || typeof open !== "function")
    return

  var siteRoot = new URL("../../", script.src)
  var rootSitemap = new URL("sitemap.xml", siteRoot).href

  function answeredBy(target) {
    var url = new URL(String(target), location.href)
    var onSite = url.origin === siteRoot.origin
      && url.pathname.indexOf(siteRoot.pathname) === 0
    return onSite && /\/sitemap\.xml$/.test(url.pathname) ? rootSitemap : target
  }

  // Material requests sitemaps with XMLHttpRequest (its bundle's request helper).
  XMLHttpRequest.prototype.open = function (method, target) {
    var args = Array.prototype.slice.call(arguments)
    args[1] = answeredBy(target)
    return open.apply(this, args)
  }
})()
