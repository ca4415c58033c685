"""The fingerprint of a page's text, which a translation records as `translation_of`.

A hash of the default-language page's body (not its front matter, whose relations the
translation inherits anyway) tells whether the source changed since it was translated. It
needs no git history, so it works in a shallow clone and outside git.
"""

from __future__ import annotations

import hashlib

from .model import Page

LENGTH = 12


def fingerprint(page: Page) -> str:
    """A short, stable hash of the page body, prefixed with the page's language.

    The prefix (`nb-3f2a9c0d1b7e`) says what was translated and keeps YAML from reading an
    all-digit hash as a number. Whitespace at line ends does not count.
    """
    lines = [line.rstrip() for line in page.body.strip().split("\n")]
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:LENGTH]
    return f"{page.lang}-{digest}"
