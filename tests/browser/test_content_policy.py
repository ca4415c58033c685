"""The Content Security Policy: on every page, the site works under it, and it blocks what
a page was never meant to run.

A listener added before any page script records every violation the browser reports.
"""

from __future__ import annotations

import re

from searchbox import search

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _html_files(site_dir):
    return sorted(p for p in site_dir.rglob("*.html") if "assets" not in p.parts)


def test_every_page_carries_the_policy_before_its_first_script(served_site) -> None:
    files = _html_files(served_site.site_dir)
    assert len(files) >= 2 * 37 + 2  # every page of both languages and both 404 pages
    for path in files:
        html = path.read_text(encoding="utf-8")
        match = POLICY.search(html)
        assert match, path
        assert match.start() < html.find("<script"), path
        directives = dict(d.strip().split(" ", 1) for d in match.group(1).split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert directives["base-uri"] == "'self'"
        assert directives["form-action"] == "'self'"
        sources = directives["script-src"].split()
        assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:])
        assert "unsafe" not in match.group(1)


def test_search_tooltips_and_language_switch_work_under_the_policy(page, served_site) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    assert search(page, served_site.base_url, "", "TEN-T")
    violations = page.evaluate("window.__violations")
    page.goto(served_site.url("sarskilte-mal/3-2/"))
    term = page.locator("article abbr", has_text="TEN-T").first
    term.hover()
    page.locator(".md-tooltip2, .md-tooltip").filter(has_text="transeuropeiske").first.wait_for(
        state="visible"
    )
    page.locator(".md-select").first.hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(served_site.url("en/sarskilte-mal/3-2/"))
    page.wait_for_load_state("networkidle")
    assert search(page, served_site.base_url, "en/", "ScanMed")
    violations += page.evaluate("window.__violations")
    page.goto(served_site.url("en/404.html"))
    page.wait_for_load_state("networkidle")
    violations += page.evaluate("window.__violations")
    assert violations == []


def test_an_injected_inline_script_and_handler_are_blocked(page, served_site) -> None:
    """As if something got past the sanitiser: a script and an event handler written into
    a published page do not run, and the browser reports both."""
    page.add_init_script(RECORD_VIOLATIONS)
    published = (served_site.site_dir / "bruk/index.html").read_text(encoding="utf-8")
    injected = re.sub(
        r"(<body[^>]*>)",
        r'\1<script>window.__pwned = "script"</script>'
        r'<img src="missing.png" onerror="window.__pwned = \'handler\'" alt="">',
        published,
        count=1,
    )
    (served_site.site_dir / "bruk/injected.html").write_text(injected, encoding="utf-8")
    page.goto(served_site.url("bruk/injected.html"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article h1").is_visible()  # the page itself still works
    blocked = page.evaluate("window.__violations")
    assert sum(v.startswith("script-src") for v in blocked) == 2, blocked
