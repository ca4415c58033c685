/*
 * Search queries for programme terms such as TEN-T.
 *
 * The search index keeps "TEN-T" as one word (see plugins.search.separator in
 * mkdocs.yml: a hyphen before a single final letter or digit does not split).
 * Queries need the same treatment, but lunr's query lexer, inside Material's
 * search worker, splits every query on every hyphen, and Material appends a
 * wildcard to each part: "TEN-T" becomes "ten* t*", which ranks any page with
 * words starting in "ten" or "t". This file rewrites the query before it
 * reaches the worker: "TEN-T", "ten-t" and "TEN T" become "TEN*T", a single
 * term whose inner wildcard matches the indexed word "ten-t" and nothing else
 * of note; "PO 3" becomes "PO*3", which matches "po3". A word and a number
 * that are two words on the page ("artikkel 3") are left as typed.
 *
 * Material 9.7+ has no query-transform option, so the rewrite wraps the
 * Worker constructor: it must load before Material's bundle (extrahead in
 * overrides/main.html) and touches only query messages (type 2) sent to
 * Material's search worker. It depends on no hashed file name. If Material
 * changes the message format, tests/browser/test_search.py fails.
 */
(function () {
  "use strict"

  var QUERY_MESSAGE = 2
  var LETTER_OR_DIGIT = "[\\p{L}\\p{N}]"
  // "TEN-T": a word, a hyphen and one final letter or digit, as the index keeps it.
  var HYPHENATED = new RegExp("(" + LETTER_OR_DIGIT + "+)-(" + LETTER_OR_DIGIT + ")(?=\\s|$)", "gu")
  // "TEN T", "PO 3": a glossary code typed with a space where it has a hyphen (TEN-T) or
  // nothing (PO1-PO4), in capitals as the glossary writes it (includes/abbreviations.*.md),
  // and a lone letter or digit that is not itself a word (a, i, o and å are words in
  // Norwegian or English). Only these: "artikkel 3", "mål 2", "Article 3" or "WCAG 2" are
  // two words in the index, and joined into one they would find nothing.
  var CODES_TYPED_WITH_A_SPACE = "TEN|PO"
  var SPACED = new RegExp("(?<!" + LETTER_OR_DIGIT + ")(" + CODES_TYPED_WITH_A_SPACE + ")"
    + "\\s+([b-hj-np-zB-HJ-NP-Z0-9])(?=\\s|$)", "gu")

  function transformQuery(query) {
    return query.replace(SPACED, "$1-$2").replace(HYPHENATED, "$1*$2")
  }

  window.handbookSearchQuery = transformQuery

  var NativeWorker = window.Worker
  if (typeof NativeWorker !== "function")
    return

  function HandbookWorker(url, options) {
    var worker = new NativeWorker(url, options)
    if (String(url).indexOf("search") === -1)
      return worker
    var post = worker.postMessage.bind(worker)
    worker.postMessage = function (message, transfer) {
      if (message && message.type === QUERY_MESSAGE && typeof message.data === "string")
        message = Object.assign({}, message, { data: transformQuery(message.data) })
      return transfer === undefined ? post(message) : post(message, transfer)
    }
    return worker
  }
  HandbookWorker.prototype = NativeWorker.prototype
  window.Worker = HandbookWorker
})()
