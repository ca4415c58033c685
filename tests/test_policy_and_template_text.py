"""The Content Security Policy of a finished page (content_policy.py), and the text the
build gives templates (plain_text.as_template_text)."""

from __future__ import annotations

import base64
import hashlib

from handbook.content_policy import inline_scripts, policy, with_policy
from handbook.plain_text import as_template_text, markup_in

THEME = (
    '<!doctype html><html><head><meta charset="utf-8"><title>T</title>'
    "<script>var a=1</script>"
    '<script id="__config" type="application/json">{{"x": 1}}</script>'
    '<script src="assets/x.js"></script></head><body>{content}'
    "<script>var b=2</script></body></html>"
)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_only_the_themes_inline_scripts_are_hashed() -> None:
    content = "<p>Tekst</p><script>steal()</script>"
    document = THEME.format(content=content)
    assert inline_scripts(document) == ["var a=1", "steal()", "var b=2"]
    script_src = next(d for d in policy(document, content).split("; ") if "script-src" in d)
    assert script_src.split() == [
        "script-src",
        "'self'",
        *sorted([_hash("var a=1"), _hash("var b=2")]),
    ]
    assert _hash("steal()") not in policy(document, content)


def test_the_policy_comes_right_after_the_charset() -> None:
    document = with_policy(THEME.format(content="<p>x</p>"), "<p>x</p>")
    head = document[: document.index("<title>")]
    assert head.startswith('<!doctype html><html><head><meta charset="utf-8">\n    <meta http')
    assert "default-src 'self'" in head and "object-src 'none'" in head
    assert with_policy("<p>no head</p>") == "<p>no head</p>"


def test_template_text_cannot_become_markup() -> None:
    assert as_template_text("EU & EØS") == "EU & EØS"
    for hostile in (
        '"><script>alert(1)</script>',
        "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        "&amp;amp;amp;amp;lt;/title&amp;amp;amp;amp;gt;",
        "&#60;img src=x onerror=alert(1)&#62;",
        "a\x00b\x1bc",
    ):
        text = as_template_text(hostile)
        assert not any(c in text for c in '<>"'), text
        assert markup_in(text) is None, text
