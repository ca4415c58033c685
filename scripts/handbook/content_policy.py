"""The Content Security Policy every page carries, as a <meta> element: GitHub Pages cannot
send headers.

The policy allows what the site itself serves and nothing else: scripts, styles, fonts,
images, the search index and the search worker come from the site's origin; the inline
scripts the theme writes are allowed by their SHA-256 hashes, so no other inline script and
no event handler attribute runs, whatever reaches a page. Material's stylesheet draws some
icons from `data:` images, hence `img-src data:`.

The hashes are taken from the finished page without its content: what is left is what
the theme wrote. So a script that got into the content by any route is not hashed and does
not run, though the content is sanitised before the theme sees it (safe_html), and every
other field a template prints is plain text (plain_text).
"""

from __future__ import annotations

import base64
import hashlib
import re

# Script types a browser runs; any other type (application/json) is data.
_RUNNABLE_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)
# The theme's own markup, content taken out: well-formed, so a pattern reads it as a parser
# would, at C speed (html.parser took 6 ms a page, a tenth of the build).
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)


def inline_scripts(document: str) -> list[str]:
    """The text of every inline script a browser would run, exactly as written."""
    found = []
    for match in _SCRIPT.finditer(document):
        attributes, text = match.groups()
        kind = _TYPE.search(attributes)
        script_type = next((g for g in kind.groups() if g is not None), "") if kind else ""
        if script_type.strip().lower() in _RUNNABLE_TYPES and not _SRC.search(attributes):
            found.append(text)
    return found


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


_SCRIPT_SOURCES = "script-src 'self'"


def policy(document: str, content: str = "") -> str:
    """The policy for one finished page: the hashes of the inline scripts the theme wrote
    (those of the page outside its `content`), and the fixed rest."""
    theme_part = document.replace(content, "", 1) if content else document
    hashes = sorted({script_hash(script) for script in inline_scripts(theme_part)})
    return "; ".join(
        (
            "default-src 'self'",
            " ".join([_SCRIPT_SOURCES, *hashes]),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        )
    )


def with_policy(document: str, content: str = "") -> str:
    """The page with its policy early in <head>, before anything it governs: right after
    `<meta charset>`, which must stay within the first 1024 bytes.

    `content` is the page's own HTML, as the theme put it in; a page without a <head>
    (not a theme page) is returned unchanged.
    """
    head = document.find("<head>")
    if head == -1:
        return document
    at = head + len("<head>")
    charset = document.find("<meta charset", at)
    if charset != -1:
        at = document.index(">", charset) + 1
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(document, content)}">'
    return f"{document[:at]}\n    {meta}{document[at:]}"


def allow_last_inline_script(document: bytes) -> bytes:
    """The page with its last inline script's hash added to its policy: for the reload
    script `mkdocs serve` writes at the end of each page it serves (dev_server)."""
    text = document.decode("utf-8", "surrogateescape")
    scripts = inline_scripts(text)
    if not scripts or _SCRIPT_SOURCES not in text:
        return document
    allowed = f"{_SCRIPT_SOURCES} {script_hash(scripts[-1])}"
    return text.replace(_SCRIPT_SOURCES, allowed, 1).encode("utf-8", "surrogateescape")
