"""The PDF of each language's print page, printed by headless Chromium.

Chromium prints the page as a reader's browser shows it (the site's own style sheets and
fonts, the print style sheet, page numbers from CSS), and writes a tagged PDF with an
outline made from the headings: the structure a screen reader needs, since public-sector
PDFs fall under the same accessibility rules as the site. It runs through Playwright,
which is how the tests drive the same browser.

Chromium writes PDF 1.4 but tags bold and emphasised text with PDF 2.0's types (Strong,
Em), which a PDF 1.4 reader does not know; the build adds a role map that names them
(Span), as an update appended to the file (with_role_map).

The page is not served: every request is answered from the built site under a made-up
origin, and any request for another origin is refused and reported, so nothing leaves
the machine while a PDF is made, and a page that would ask for something elsewhere fails
the build instead of printing without it.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .print_page import PAGE_ENTRY, PAGE_NUMBER

ORIGIN = "https://handbook.invalid"  # .invalid: a name that can never reach a network
# The structure types of PDF 2.0 that PDF 1.7 lacks, each as the PDF 1.7 type that means
# the most like it (ISO 32000-2, 14.8.6; Chromium uses Strong and Em).
ROLE_MAP = {
    "Strong": "Span",
    "Em": "Span",
    "Sub": "Span",
    "Title": "P",
    "Aside": "Div",
    "FENote": "Note",
    "DocumentFragment": "Div",
}
CHROMIUM_VARIABLE = "HANDBOOK_CHROMIUM"
SWITCH_VARIABLE = "HANDBOOK_PDF"  # "off": build without PDFs
INSTALL_HINT = (
    "install Chromium (Debian/Ubuntu: apt-get install chromium; `make build` does it), set "
    f"{CHROMIUM_VARIABLE} to another Chromium-based browser, or build without PDFs with "
    f"{SWITCH_VARIABLE}=off"
)


class PdfError(Exception):
    """A PDF could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class Job:
    """One PDF: the print page at `url` (site-relative, `en/utskrift/`) written to `target`."""

    url: str
    target: Path


def wanted() -> bool:
    """False when the environment asks for a build without PDFs (HANDBOOK_PDF=off)."""
    return os.environ.get(SWITCH_VARIABLE, "").strip().lower() not in ("off", "0", "no", "false")


def find_chromium() -> str | None:
    """$HANDBOOK_CHROMIUM or $CHROME_PATH, then Debian's chromium and the usual names."""
    candidates = [os.environ.get(CHROMIUM_VARIABLE), os.environ.get("CHROME_PATH")]
    candidates += ["/usr/bin/chromium"]
    candidates += [shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def file_name(title: str) -> str:
    """The PDF's file name from the handbook's title in its language: what a reader who
    downloads both finds in the downloads folder ("internasjonalt-arbeid-i-oslo-kommune.pdf")."""
    text = title.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = text.replace("'", "").replace("\u2019", "")  # "oslos", not "oslo-s"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return "-".join(words)[:80].strip("-") + ".pdf" if words else "handbook.pdf"


def size_text(size: int, decimal_separator: str) -> str:
    """A file size as a reader reads it: 850 kB, 1,2 MB (decimal units, one decimal)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f}".replace(".", decimal_separator) + " MB"


def make(site_dir: Path, jobs: Iterable[Job], chromium: str | None = None) -> dict[Path, int]:
    """Print each job's page to its PDF, in one browser, all at once (each language's page
    prints in a renderer process of its own); returns each PDF's size in bytes.

    A PDF is written beside its target and renamed into place, so a failed print leaves
    the last good file (or none), never half a file. Playwright's event loop runs in a
    thread of its own, so a caller may have one of its own (a test's browser does).
    """
    jobs = list(jobs)
    executable = chromium or find_chromium()
    if executable is None:
        raise PdfError(f"no Chromium found to print the PDFs: {INSTALL_HINT}")
    try:
        from playwright.async_api import Error
    except ImportError:
        raise PdfError("Playwright is not installed (requirements.txt): run `make build`") from None
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="handbook-pdf") as thread:
            printing = thread.submit(asyncio.run, _print_all(site_dir.resolve(), jobs, executable))
            return printing.result()
    except Error as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "no message"
        raise PdfError(f"Chromium ({executable}) could not print the PDFs: {first_line}") from None


async def _print_all(site_dir: Path, jobs: list[Job], executable: str) -> dict[Path, int]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable)
        try:
            sizes = await asyncio.gather(*(_print(browser, site_dir, job) for job in jobs))
        finally:
            await browser.close()
    return {job.target: size for job, size in zip(jobs, sizes, strict=True)}


async def _print(browser, site_dir: Path, job: Job) -> int:
    if not (site_dir / job.url / "index.html").is_file():
        raise PdfError(f"{job.url}: the print page is not in the built site")
    elsewhere: list[str] = []
    # No script runs: the print page needs none, and none can run while it is printed.
    context = await browser.new_context(java_script_enabled=False)
    try:
        page = await context.new_page()
        await page.route("**/*", lambda route: _answer(route, site_dir, elsewhere))
        response = await page.goto(f"{ORIGIN}/{job.url}", wait_until="load")
        if response is None or not response.ok:
            status = response.status if response is not None else "no answer"
            raise PdfError(f"{job.url}: the print page did not load ({status})")
        await page.evaluate("document.fonts.ready.then(() => true)")
        if elsewhere:
            shown = ", ".join(sorted(set(elsewhere))[:5])
            raise PdfError(
                f"{job.url}: the print page asks for files from other sites ({shown}); "
                "the PDF is made without any request leaving the site"
            )
        # Chromium cannot number the contents (CSS target-counter): print once with room
        # for the numbers, read where each section starts, and print again with them.
        # The first print is only read for where things are: no tags, no outline (0.6 s
        # instead of 1 s). The layout is the same.
        await page.evaluate(FILL_NUMBERS, {})
        numbers = section_pages(await _pdf(page, tagged=False))
        await page.evaluate(FILL_NUMBERS, numbers)
        printed = await _pdf(page)
        job.target.parent.mkdir(parents=True, exist_ok=True)
        partial = job.target.with_name(job.target.name + ".part")
        partial.write_bytes(with_role_map(printed))
        partial.replace(job.target)
        return job.target.stat().st_size
    finally:
        await context.close()


async def _pdf(page, tagged: bool = True) -> bytes:
    return await page.pdf(
        prefer_css_page_size=True,  # A4 and the margins, from the print style sheet
        print_background=True,
        tagged=tagged,
        outline=tagged,
    )


# Writes each section's page number into its line of the contents (print_page.body), or
# "000" (as wide as any number there will be, in a box of fixed width) where none is given.
FILL_NUMBERS = f"""numbers => {{
  for (const line of document.querySelectorAll(".{PAGE_ENTRY}")) {{
    const section = line.querySelector("a").getAttribute("href").slice(1);
    line.querySelector(".{PAGE_NUMBER}").textContent = String(numbers[section] ?? "000");
  }}
}}"""


def section_pages(printed: bytes) -> dict[str, int]:
    """The page (from 1) each element with an id starts on, from the PDF's named
    destinations: Chromium names one after every id, as the links to them need."""
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(printed))
    return {
        unquote(name.removeprefix("/")): reader.get_destination_page_number(destination) + 1
        for name, destination in reader.named_destinations.items()
    }


def with_role_map(printed: bytes) -> bytes:
    """The PDF with ROLE_MAP in its structure tree, as an incremental update: the printed
    bytes stay as they are, followed by the structure tree's new version, an xref section
    for it and a trailer pointing back to the first (ISO 32000-1, 7.5.6).

    pypdf reads the two objects this needs; its own incremental writer hashes every
    object of the file to find what changed, 0.85 s a PDF here, where writing the one
    object takes milliseconds. A PDF with a cross-reference stream (Chromium writes a
    table) needs a stream in its update too: pypdf's writer does that one.
    """
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject, IndirectObject, NameObject, NumberObject

    reader = PdfReader(BytesIO(printed))
    tree_ref = reader.trailer["/Root"].raw_get("/StructTreeRoot")
    if not isinstance(tree_ref, IndirectObject):
        return printed  # not tagged (or oddly tagged): nothing to name
    tree = DictionaryObject(tree_ref.get_object())
    role_map = tree.get("/RoleMap")
    role_map = DictionaryObject(role_map.get_object()) if role_map else DictionaryObject()
    for name, known in ROLE_MAP.items():
        role_map.setdefault(NameObject("/" + name), NameObject("/" + known))
    tree[NameObject("/RoleMap")] = role_map
    previous = int(re.findall(rb"startxref\s+(\d+)", printed)[-1])
    if not printed[previous:].startswith(b"xref"):
        return _with_role_map_by_pypdf(printed, role_map)
    update = BytesIO()
    update.write(b"" if printed.endswith(b"\n") else b"\n")
    at = len(printed) + update.tell()
    update.write(f"{tree_ref.idnum} {tree_ref.generation} obj\n".encode())
    tree.write_to_stream(update)
    update.write(b"\nendobj\n")
    xref_at = len(printed) + update.tell()
    # The head of the free list, as every table starts, then the one changed object: each
    # entry exactly 20 bytes (offset, generation, "f" or "n", a two-byte end of line).
    entry = f"{at:010d} {tree_ref.generation:05d} n \n"
    update.write(f"xref\n0 1\n0000000000 65535 f \n{tree_ref.idnum} 1\n{entry}".encode())
    trailer = DictionaryObject(
        {NameObject(key): reader.trailer.raw_get(key) for key in reader.trailer}
    )
    trailer[NameObject("/Prev")] = NumberObject(previous)
    update.write(b"trailer\n")
    trailer.write_to_stream(update)
    update.write(f"\nstartxref\n{xref_at}\n%%EOF\n".encode())
    return printed + update.getvalue()


def _with_role_map_by_pypdf(printed: bytes, role_map) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(PdfReader(BytesIO(printed)), incremental=True)
    writer.root_object["/StructTreeRoot"].get_object()[NameObject("/RoleMap")] = role_map
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


async def _answer(route, site_dir: Path, elsewhere: list[str]) -> None:
    """Answer a request from the built site, or refuse it if it is for another origin."""
    url = route.request.url
    if not url.startswith(ORIGIN + "/"):
        elsewhere.append(url)
        await route.abort()
        return
    path = unquote(urlsplit(url).path).lstrip("/")
    target = (site_dir / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(site_dir) or not target.is_file():
        await route.fulfill(status=404, body="")
        return
    await route.fulfill(path=str(target))
