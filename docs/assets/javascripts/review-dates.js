/*
 * Show the notice "the facts may be out of date" once the page's review date has passed
 * on the reader's own calendar (handbook/facts.py writes it hidden, with the date in
 * data-review-due). The build shows it already when the date had passed on the day it ran;
 * this covers a page that was built before, and has not been rebuilt since.
 *
 * tests/browser/test_review_dates.py fixes the browser's clock on each side of the date.
 */
document.addEventListener("DOMContentLoaded", function () {
  "use strict"
  var now = new Date()
  var pad = function (n) { return (n < 10 ? "0" : "") + n }
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate())
  document.querySelectorAll(".handbook-review-notice[data-review-due]").forEach(function (notice) {
    if (today > notice.getAttribute("data-review-due")) notice.hidden = false
  })
})
