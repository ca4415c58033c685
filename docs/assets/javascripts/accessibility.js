/*
 * Accessibility fixes Material's templates leave open, done here instead of copying whole
 * partials (which would go stale on every Material upgrade).
 *
 * - The search dialog (role="dialog") has no accessible name (axe: aria-dialog-name); it
 *   takes the localised label of its own search field ("Søk" / "Search").
 *
 * tests/browser/test_accessibility.py runs axe on every page and fails if this is lost.
 */
document.addEventListener("DOMContentLoaded", function () {
  "use strict"
  var dialog = document.querySelector(".md-search[role=dialog]")
  var field = dialog && dialog.querySelector(".md-search__input")
  if (dialog && field && !dialog.hasAttribute("aria-label"))
    dialog.setAttribute("aria-label", field.getAttribute("aria-label") || "Search")
})
