"""What the safe-content rule found on each page text, kept between runs of the check.

Rendering every page to see its HTML costs about 1.5 ms a page, which is most of the
check's time on a large handbook; between two runs almost no page changes. The cache maps a
hash of a page's text, and of everything that decides what it renders to and what the
sanitiser allows (the Markdown settings, this package's rendering and sanitising code and
the versions of Markdown, pymdown-extensions and nh3), to the problems found. Changing any
of them starts afresh. The file lives in `.cache/handbook/` beside mkdocs.yml (git ignores
it); a cache that cannot be read or written is not an error, only slower.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .config import MarkdownSettings
from .messages import Text

FOLDER = Path(".cache") / "handbook"
NAME = "safe-content.json"
# How an entry is stored. 2: the message and hint in both languages (1 had one string each);
# a file of another format is ignored, whatever its rules.
FORMAT = 2
Entry = list[tuple[Text, Text, int]]  # (message, hint, 0-based line of the body)
_Stored = list[list[str | int]]  # [message nb, message en, hint nb, hint en, line] each
_CODE = ("page_html.py", "safe_html.py", "content_cache.py", "messages.py")


def _versions() -> str:
    found = []
    for package in ("markdown", "pymdown-extensions", "nh3"):
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=?")
    return ";".join(found)


def fingerprint_of_rules(settings: MarkdownSettings) -> str:
    """A hash of everything besides the page text that decides what the rule finds."""
    digest = hashlib.sha256(f"format {FORMAT};{_versions()}".encode())
    digest.update(json.dumps([settings.extensions, settings.options], sort_keys=True).encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


class ContentCache:
    """Problems per page text, for one set of rules; `save` writes what was added."""

    def __init__(self, root: Path, settings: MarkdownSettings) -> None:
        self._path = root / FOLDER / NAME
        self._rules = fingerprint_of_rules(settings)
        self._entries: dict[str, _Stored] = {}
        self._added = False
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            if (
                data.get("format") == FORMAT
                and data.get("rules") == self._rules
                and isinstance(data.get("pages"), dict)
            ):
                self._entries = data["pages"]
        except (OSError, ValueError, AttributeError):
            pass

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, text: str) -> Entry | None:
        """The problems found on this text before, or None when there are none kept (or
        what is kept is not in this format: the text is then checked afresh)."""
        stored = self._entries.get(self.key(text))
        if not isinstance(stored, list):
            return None
        entry: Entry = []
        for item in stored:
            if (
                not isinstance(item, list)
                or len(item) != 5
                or not all(isinstance(part, str) for part in item[:4])
                or not isinstance(item[4], int)
            ):
                return None
            message_nb, message_en, hint_nb, hint_en, line = item
            entry.append((Text(message_nb, message_en), Text(hint_nb, hint_en), line))
        return entry

    def put(self, text: str, entry: Entry) -> None:
        self._entries[self.key(text)] = [
            [message.nb, message.en, hint.nb, hint.en, line] for message, hint, line in entry
        ]
        self._added = True

    def save(self, keep: set[str] | None = None) -> None:
        """Write the cache atomically, keeping only the texts in `keep` (today's pages),
        so it does not grow with every edit."""
        if not self._added:
            return
        pages = (
            self._entries
            if keep is None
            else {k: self._entries[k] for k in keep if k in self._entries}
        )
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self._path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump({"format": FORMAT, "rules": self._rules, "pages": pages}, file)
            os.replace(temporary, self._path)
        except OSError:
            pass
