"""MkDocs hooks: run the check in the build, add related sections, expand the matrix marker
and write `handbook.json`.

mkdocs-static-i18n builds the site once per language in one process, so the events here run
once per language. The graph and the check belong to the whole handbook: they are made when
the default language's build starts (and again on every `mkdocs serve` rebuild), and reused
by the other languages' builds.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from . import content_policy, pdf, print_site, safe_html, search_synonyms, search_terms, words
from .config import HandbookConfig, load_config
from .dev_server import poll_more_often
from .facts import page_facts
from .findings import Finding
from .git_history import has_full_history, last_commit_times
from .glossary import glossary_page, tooltips
from .inventory import docs_path, take_inventory
from .messages import DEFAULT_LANGUAGE, Text
from .model import (
    FRONT_MATTER_KEYS,
    Graph,
    Page,
    UnreadableError,
    load_graph,
    read_page_bytes,
    readable_text,
)
from .output import human_line
from .plain_text import as_template_text
from .relation_pictures import pictures, publish
from .render import (
    PICTURE_PLACEHOLDER,
    expand_markers,
    handbook_json,
    insert_after_title,
    related_markdown,
    translation_notice,
    updated_html,
)
from .review import TodayError
from .review import today as review_today
from .rules import limits, run_all
from .rules import words as words_rule
from .rules.translations import translation_status
from .search_index import SearchIndexError, index_pages

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page as MkDocsPage

log = logging.getLogger("mkdocs.hooks.handbook")

JSON_NAME = "handbook.json"


@dataclass
class _State:
    graph: Graph
    findings: list[Finding]
    glossaries: dict[str, dict[str, str]]  # language -> {abbreviation: meaning}
    updated: dict[str, int]  # path under docs/ -> time of its last commit; empty without git
    today: date  # the day review dates are judged by (review.today)
    written: list[Path] = field(default_factory=list)  # this build's pages, every language
    print_pages: dict[str, Path] = field(default_factory=dict)  # language -> its print page


_state: _State | None = None


def _i18n(config: MkDocsConfig):
    return config.plugins.get("i18n")


def _is_outer_build(config: MkDocsConfig) -> bool:
    """True in the build MkDocs started; False in the builds i18n runs for other languages.

    mkdocs-static-i18n sets `building` while it builds the other languages from inside
    the first build's on_post_build.
    """
    plugin = _i18n(config)
    return plugin is None or not getattr(plugin, "building", False)


LANGUAGES_VARIABLE = "HANDBOOK_LANGUAGES"
# The pull request a build is the preview of (check.yml): every page then says so, and
# asks search engines to leave it out.
PREVIEW_VARIABLE = "HANDBOOK_PREVIEW"


def _preview_number() -> str | None:
    number = os.environ.get(PREVIEW_VARIABLE, "").strip()
    if number and not number.isdigit():
        raise PluginError(f"{PREVIEW_VARIABLE}={number!r} is not a pull request's number")
    return number or None


_serving = False
# `mkdocs serve` builds the search index after the page reloads, one build at a time.
_indexer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="handbook-search")


def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve` looks for saved files more often (see dev_server)."""
    global _serving
    if command == "serve":
        _serving = True
        poll_more_often()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Switch off what this checkout cannot support (edit links without a repository) and
    the languages nobody asked for (HANDBOOK_LANGUAGES), and read the interface words: the
    site's name, description and nav titles are among them."""
    # edit_uri is relative to repo_url, which is set only where the site is published
    # (REPO_URL); without it MkDocs warns on every page, so there are no edit links.
    if not config.repo_url:
        config.edit_uri = None
    _build_only_requested_languages(config)
    if _is_outer_build(config):
        _use_words(config, load_config(Path(config.config_file_path)))
    return config


def _use_words(config: MkDocsConfig, handbook_config: HandbookConfig) -> None:
    """Read the word files and put the site's words where MkDocs and mkdocs-static-i18n
    read them: the default language's name and description in the config, the other
    languages' with their nav titles on the i18n plugin's language entries.

    This runs before the i18n plugin's on_config (priority -100), which applies a
    language's entry to the config when that language is built. A problem in the word
    files stops the build here, with the check's own message for each.
    """
    problems = words.use(handbook_config)
    if problems:
        for finding in words_rule.as_findings(problems):
            log.error(_describe(finding))
        count = f"{len(problems)} problem{'s' * (len(problems) != 1)}"
        raise PluginError(f"the interface words have {count} (above); the site needs them all")
    # Material prints the name and description without escaping them: as_template_text
    # is the second layer behind the words rule's plain-text check.
    default = words.of(handbook_config.default_language)
    config.site_name = as_template_text(default["site_name"])
    config.site_description = as_template_text(default["site_description"])
    plugin = _i18n(config)
    for entry in plugin.config.languages if plugin else ():
        if entry.locale in handbook_config.languages[1:]:
            own = words.of(entry.locale)
            entry["site_name"] = as_template_text(own["site_name"])
            entry["site_description"] = as_template_text(own["site_description"])
            entry["nav_translations"] = own[words.NAV].as_dict()


def _build_only_requested_languages(config: MkDocsConfig) -> None:
    """Build only the languages named in HANDBOOK_LANGUAGES (all when it is unset or "all").

    `make serve` sets it to the default language: one language rebuilds in half the time
    of two, which is what someone editing Norwegian pages waits for after every save. The
    default language is always built (mkdocs-static-i18n needs it), and an unknown
    language is an error, not an empty site. Runs before the i18n plugin's on_config
    (priority -100), which reads `build` from its language entries.
    """
    wanted = os.environ.get(LANGUAGES_VARIABLE, "").replace(",", " ").split()
    plugin = _i18n(config)
    if not wanted or wanted == ["all"] or plugin is None:
        return
    known = [language.locale for language in plugin.config.languages]
    unknown = [lang for lang in wanted if lang not in known]
    if unknown:
        raise PluginError(
            f"{LANGUAGES_VARIABLE}={' '.join(wanted)}: no language {', '.join(unknown)} "
            f"in mkdocs.yml (known: {', '.join(known)})"
        )
    for language in plugin.config.languages:
        language.build = language.default or language.locale in wanted


class _CompiledTemplates(BytecodeCache):
    """Compiled theme templates, kept in memory for the process's later builds.

    mkdocs-static-i18n builds each language with a new Jinja environment, and `mkdocs serve`
    makes one per rebuild; each compiled Material's templates again. Sharing them saves the
    English build's 39 compilations, about 80 ms or 6 % of the strict build's CPU time
    (measured with alternating builds; kept because that is above 5 %). Jinja checks the
    template source's checksum before it uses an entry, so an edited override is compiled
    afresh.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = _CompiledTemplates()


# After mkdocs-static-i18n (-100), which has sorted this language's files and nav.
@event_priority(-150)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Add this language's print page (print_site): every page on one page."""
    if _state is not None:
        lang = _build_language(config)
        files.append(print_site.add_file(config, lang, _state.graph.config.languages))
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Share compiled templates between the language builds (see _CompiledTemplates), and
    give every template, with or without a page (404.html), the language's `words`."""
    env.bytecode_cache = _compiled_templates
    # One language per build, and one environment per build: a global is every template's.
    env.globals["words"] = words.of(_build_language(config)).raising(_template_word_error)
    return env


def _build_language(config: MkDocsConfig) -> str:
    """The language being built. mkdocs-static-i18n builds one language at a time, and
    with `fallback_to_default: false` every page of a build is in its language."""
    plugin = _i18n(config)
    return getattr(plugin, "current_language", None) or config.theme["language"]


def _template_word_error(message: str) -> PluginError:
    """The error for a template asking for a word no file has, naming the template's file
    and line. A BuildError, so MkDocs prints it and stops without a traceback."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")  # set in Jinja's compiled code
        if template is not None and template.filename:
            line = template.get_corresponding_lineno(frame.f_lineno)
            return PluginError(f"{os.path.relpath(template.filename)}:{line}: {message}")
        frame = frame.f_back
    return PluginError(message)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Give the 404 page its Content Security Policy, and each language its own 404 page:
    the default language's at the site's root, which hosts serve for any unknown address,
    the others' in their folder (/en/404.html).

    MkDocs writes 404.html to the root in every language's build, so the last language
    built replaced the default language's page.
    """
    if template_name.endswith(".html"):
        output = content_policy.with_policy(output)
    plugin = _i18n(config)
    lang = _build_language(config)
    if template_name != "404.html" or plugin is None or lang == plugin.default_language:
        return output
    target = Path(config.site_dir) / lang / template_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs writes no file for an empty template


def on_pre_build(config: MkDocsConfig) -> None:
    """Load the graph and run every rule, and log the findings with file:line.

    A strict build stops here when there are errors, before it renders any page: MkDocs
    would otherwise render everything first (minutes, for a page written to be slow) and
    fail only at the end. A build that is not strict goes on; on_page_read_source keeps
    the pages the check could not read from harming it.
    """
    global _state, _unrendered
    if _state is not None and not _is_outer_build(config):
        return
    try:
        today = review_today()  # before the rules, which judge review dates by it
    except TodayError as error:
        raise PluginError(str(error)) from None
    handbook_config = load_config(Path(config.config_file_path))
    graph = load_graph(handbook_config)
    findings = run_all(graph)
    # Each language's tooltips, from the entries of its glossary page (glossary.py).
    glossaries = {lang: tooltips(glossary_page(graph, lang)) for lang in handbook_config.languages}
    docs = Path(config.docs_dir)
    if has_full_history(docs):
        updated = last_commit_times(docs)
    else:
        updated = {}
        log.info("no full git history here (shallow clone or no git): pages show no dates")
    _state = _State(graph, findings, glossaries, updated, today)
    _unrendered = {}
    for finding in findings:
        # Outdated translations are reported, not fatal: the page shows a notice instead.
        (log.error if finding.is_error else log.info)(_describe(finding))
        if finding.code == limits.CODE:
            _unrendered.setdefault(finding.path, _describe(finding))
    errors = sum(finding.is_error for finding in findings)
    if errors and config.strict:
        raise PluginError(
            f"{errors} error{'s' * (errors != 1)} in the handbook (above): the strict build "
            "stops before rendering; `make check` lists them too"
        )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave out of the site every file in docs/ that the files rule (HB012) rejects, so a
    build that is not strict does not publish it either.

    What may be published is decided once, from the inventory the check judged: a file
    not in it (one reached through a linked folder, or one added since) is left out too.
    Runs before mkdocs-static-i18n's on_files (priority -100) sorts the files by language.
    Files the theme adds (Material's scripts and style sheets) are not in docs/: kept.
    """
    if _state is not None:
        inventory = _state.graph.files
    else:
        languages = load_config(Path(config.config_file_path)).languages
        inventory = take_inventory(config.docs_dir, languages)
    left_out = []
    for file in list(files):
        path = docs_path(file.abs_src_path, config.docs_dir) if file.abs_src_path else None
        if path is not None and path not in inventory.published:
            files.remove(file)
            left_out.append(path)
    if left_out and _is_outer_build(config):
        root = os.path.dirname(config.config_file_path)
        docs = os.path.relpath(config.docs_dir, root).replace(os.sep, "/")
        shown = ", ".join(f"{docs}/{path}" for path in left_out[:20])
        more = f" and {len(left_out) - 20} more" if len(left_out) > 20 else ""
        log.warning(f"left out of the site, as the check rejects them (HB012): {shown}{more}")
    return files


def _describe(finding: Finding) -> str:
    """A finding as the check prints it: `path:line: CODE message hint`, in Norwegian."""
    return human_line(finding)


# Pages over a limit of the check (HB013), by path, with the first finding: a build that
# goes on past errors gets a short page in their place instead of their Markdown.
_unrendered: dict[str, str] = {}


def on_page_read_source(page: MkDocsPage, config: MkDocsConfig) -> str | None:
    """The text MkDocs reads for a page the check could not read, or None for the file.

    Only a build that is not strict gets here with such pages (a strict one stopped in
    on_pre_build). A page that is not UTF-8, has control characters, or front matter the
    check refuses (an alias bomb) is given to MkDocs as readable text without that front
    matter (readable_text), so MkDocs' own loader never expands it. A page over a limit,
    larger than the check reads or not a file (a link to /dev/zero, say) becomes a short
    page saying why: Python-Markdown could take minutes on it, or crash.
    """
    if _state is None or not page.file.abs_src_path:
        return None
    graph = _state.graph
    graph_page = _graph_page(page, graph, _page_language(page, graph))
    if graph_page is not None and graph_page.error is None:
        problem = _unrendered.get(graph_page.display_path)
        return None if problem is None else _not_rendered(graph_page.rel_path, problem)
    try:
        data = read_page_bytes(page.file.abs_src_path)
    except UnreadableError as error:
        return _not_rendered(page.file.src_uri, error.message(DEFAULT_LANGUAGE))
    text = readable_text(data)
    # The check skipped this page's limits, having no text to measure. MkDocs renders all
    # of `text` (front matter it cannot read included), so that is what is measured.
    src = page.file.src_uri
    over = limits.excesses(Page("", src, page.file.abs_src_path, src, body=text))
    return _not_rendered(page.file.src_uri, over[0][1](DEFAULT_LANGUAGE)) if over else text


def _not_rendered(name: str, problem: str) -> str:
    """The page a build that goes on past errors shows instead of one it cannot render,
    saying why in the check's words."""
    notice = Text("Denne siden vises ikke.", "This page is not shown.")(DEFAULT_LANGUAGE)
    return f"# {name}\n\n{notice} {problem}\n"


def _page_language(page: MkDocsPage, graph: Graph) -> str:
    """The language mkdocs-static-i18n gave the page's file (the default without i18n)."""
    return getattr(page.file, "locale", None) or graph.config.default_language


def _graph_page(page: MkDocsPage, graph: Graph, lang: str) -> Page | None:
    rel_path = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    return graph.page_at(lang, rel_path)


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    """Set the page's glossary, expand `<!-- handbook:... -->` markers and append the
    related-pages section."""
    if _state is None:
        return markdown
    graph = _state.graph
    lang = _page_language(page, graph)
    _configure_markdown(config, lang)
    graph_page = _graph_page(page, graph, lang)
    if graph_page is None:
        return markdown
    markdown = expand_markers(graph, graph_page, markdown)
    default = graph.config.default_language
    source = graph.page_at(default, graph_page.rel_path)
    if graph_page.lang != default and source is not None:
        status = translation_status(source, graph_page)
        if status != "fresh":
            notice = translation_notice(graph_page, source, default, status)
            markdown = insert_after_title(markdown, notice)
    related = related_markdown(graph, graph_page)
    if related:
        markdown = f"{markdown.rstrip()}\n\n{related}"
    return markdown


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    """Publish the page's HTML through the sanitiser, with the relation pictures the
    generated sections ask for, and make the fields the theme prints without escaping
    (title, headings, description) plain text.

    The check has reported what the sanitiser removes from the page's own Markdown, and a
    strict build has stopped on it. Anything else it removes came from what the build
    added (a related section made of another page's title): an error here, so a strict
    build fails on it too.
    """
    graph = _state.graph if _state is not None else None
    graph_page = _graph_page(page, graph, _page_language(page, graph)) if graph else None
    figures = {}
    if graph and graph_page and PICTURE_PLACEHOLDER.search(html):
        figures = pictures(graph, graph_page)
    published, removed = publish(html, figures, safe_html.sanitise)
    if removed and _state is not None:
        path = graph_page.display_path if graph_page else page.file.src_uri
        if not any(f.path == path and f.code == "HB010" for f in _state.findings):
            made = Text(
                "Det står i HTML-koden som ble laget av siden.",
                "It is in the HTML the build made of this page.",
            )
            for problem in removed:
                said = problem.message + made + problem.hint
                log.error(f"{path}: HB010 {said(DEFAULT_LANGUAGE)}")
    _plain_template_fields(page)
    if graph_page:
        terms = search_terms.page_terms(graph, graph_page, page.title or "")
        published = search_terms.weighted(published, graph_page.meta) + search_terms.element(
            terms, graph_page.meta.get("description")
        )
    return published


def _plain_template_fields(page: MkDocsPage) -> None:
    """Material prints page titles, headings and front-matter values as they are. The
    check keeps markup out of them; this keeps it out of a non-strict build too: unknown
    front-matter keys are dropped (`template:` would choose the page's template) and every
    printed value becomes text (plain_text.as_template_text)."""
    page.title = as_template_text(page.title) if page.title else page.title
    stack = list(page.toc)
    while stack:
        item = stack.pop()
        item.title = as_template_text(item.title)
        stack.extend(item.children)
    page.meta = {
        key: as_template_text(value) if isinstance(value, str) else value
        for key, value in page.meta.items()
        if key in FRONT_MATTER_KEYS
    }


def on_post_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    """Give the finished page its Content Security Policy (content_policy), and note the
    page for the search index."""
    if _state is not None:
        if print_site.is_print_page(page):
            _state.print_pages[page.file.locale] = Path(page.file.abs_dest_path)
        else:
            _state.written.append(Path(page.file.abs_dest_path))
    return content_policy.with_policy(output, page.content or "")


def _configure_markdown(config: MkDocsConfig, lang: str) -> None:
    """Set the Markdown extensions' words for this page's language: the abbr glossary (so
    terms get tooltips) and the title of the heading permalinks.

    MkDocs makes a new Markdown converter from `mdx_configs` for each page, right after
    this event, so the settings apply to this page. The glossary replaces appending the
    definitions to every page's Markdown, which made each page parse them as blocks (a
    fifth of the Markdown time).
    """
    glossary = _state.glossaries.get(lang) if _state else None
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": glossary or {}}
    toc = config.mdx_configs.get("toc")
    if toc is not None and toc.get("permalink"):
        config.mdx_configs["toc"] = {**toc, "permalink_title": words.of(lang)["permalink_title"]}


# After mkdocs-static-i18n (-100), which sets this page's alternates in its on_page_context.
@event_priority(-150)
def on_page_context(context: dict, page: MkDocsPage, config: MkDocsConfig, nav) -> dict:
    """Scope a translated page to its language: its `base` is the language's root.

    Material loads the search index from `base` and keeps reader settings per `base`, so a
    reader on /en/ gets the English index (and English results) only.
    """
    if _state is None:
        return context
    _absolute_alternates(config)
    lang = _page_language(page, _state.graph)
    links = _print_links(page, lang, config)
    context["handbook_print"] = links
    number = _preview_number()
    if number is not None:
        notice = words.of(lang)["preview_notice"]
        context["handbook_preview"] = escape(notice).replace("{number}", f"#{number}")
    if print_site.is_print_page(page):
        print_site.content(
            page,
            nav,
            _state.graph,
            lang,
            site_url=config.site_url or "",
            today=_state.today,
            language_name=_language_name(config, lang),
            download=_download_html(links, lang),
        )
        page.edit_url = None  # it has no file of its own to edit
    graph_page = _graph_page(page, _state.graph, lang)
    if graph_page is not None:
        # Printed by overrides/main.html: the sources, review and edit lines, the notice.
        stamp = None
        if page.file.abs_src_path:
            docs_path = os.path.relpath(page.file.abs_src_path, config.docs_dir)
            stamp = _state.updated.get(docs_path.replace(os.sep, "/"))
        edited = updated_html(stamp, lang) if stamp else ""
        context["handbook_facts"] = page_facts(_state.graph, graph_page, _state.today, edited)
    if lang != _state.graph.config.default_language:
        page_dir = page.url.rstrip("/") if page.url.endswith("/") else posixpath.dirname(page.url)
        context["base_url"] = posixpath.relpath(lang, page_dir or ".")
    return context


def _print_links(page: MkDocsPage, lang: str, config: MkDocsConfig) -> dict:
    """The links "Skriv ut / last ned som PDF" of a page (overrides/main.html): to the
    print page, and to the PDF where this build makes one. The PDF's size is known only
    once it is printed, after the pages are written: the pages hold a placeholder that
    on_post_build replaces."""
    default = _state.graph.config.default_language
    here = print_site.url(lang, default)
    home = "" if lang == default else f"{lang}/"
    links: dict = {
        "page": get_relative_url(here, page.url),
        "this": page.url == here,
        "home": page.url == home,
    }
    if _pdfs_wanted():
        links["pdf"] = get_relative_url(here + _pdf_name(lang), page.url)
        links["size"] = _size_placeholder(lang)
    return links


def _download_html(links: dict, lang: str) -> str:
    """What the print page says above its contents on screen: what it is, and the PDF."""
    own = words.of(lang)
    text = escape(own["print_intro"])
    if "pdf" in links:
        label = escape(own["pdf_link"][:1].upper() + own["pdf_link"][1:])
        text += f' <a href="{escape(links["pdf"])}" type="application/pdf">{label}</a>'
        text += f" ({links['size']})"  # "PDF, 1,2 MB", once the PDF is made
    return f'<p class="handbook-print-download">{text}</p>'


def _pdfs_wanted() -> bool:
    """PDFs are made by `mkdocs build` (and `make build`), unless HANDBOOK_PDF=off; never
    by `mkdocs serve`, where an author waits for every save."""
    return not _serving and pdf.wanted()


def _pdf_name(lang: str) -> str:
    return pdf.file_name(words.of(lang)["site_name"])


def _size_placeholder(lang: str) -> str:
    return f"HANDBOOK-PDF-SIZE-{lang}"


def _language_name(config: MkDocsConfig, lang: str) -> str:
    """The language's name as the language selector shows it (mkdocs.yml)."""
    plugin = _i18n(config)
    for entry in plugin.config.languages if plugin else ():
        if entry.locale == lang:
            return entry.name
    return lang


def _absolute_alternates(config: MkDocsConfig) -> None:
    """Make the hreflang alternates absolute, as search engines require.

    mkdocs-static-i18n fills `extra.alternate` with this page's URL in each language;
    Material renders those as <link rel="alternate" hreflang> and as the language selector.
    Absolute URLs serve both.
    """
    site_url = config.site_url
    if not site_url:
        return
    for alternate in _alternates(config):
        alternate["link"] = absolute_url(site_url, str(alternate.get("link", "")))


def _alternates(config: MkDocsConfig) -> list[dict]:
    """The language alternates the next template will render.

    The i18n plugin assigns `config.extra.alternate` as an attribute, which templates read
    before the mapping item of the same name; this is the list the template will see.
    """
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


# After mkdocs-static-i18n (50), which gives templates its language context.
@event_priority(-150)
def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page's language links lead to each language's home page.

    The 404 page is shown for any unknown address, so it has no translation; but it is
    rendered after the pages, with the alternates mkdocs-static-i18n left from the last
    page built, so "English" on it led to an unrelated English page.
    """
    plugin = _i18n(config)
    if template_name != "404.html" or plugin is None or not config.site_url:
        return context
    for alternate in _alternates(config):
        root = "" if alternate.get("lang") == plugin.default_language else f"{alternate['lang']}/"
        alternate["link"] = absolute_url(config.site_url, root)
    return context


def absolute_url(site_url: str, link: str) -> str:
    """`link` resolved as a URL on the site published at `site_url`.

    mkdocs-static-i18n gives two kinds of link: a page's alternates relative to the site
    ("en/prioriteringer/po3/"), and the language roots, which the home pages keep, as
    paths from the server root that already hold site_url's path ("/handbok/en/" when the
    site is published at https://example.github.io/handbok/). Resolving each as a URL
    takes it for what it is; gluing it to site_url doubled the path. site_url names a
    folder (MkDocs adds the slash), so it is read as one here too.
    """
    return urljoin(site_url.rstrip("/") + "/", link)


# After mkdocs-static-i18n (-100), which builds the other languages from its own
# on_post_build: this runs once, when every language's pages are written.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    """Write handbook.json and the search index of every page this build wrote."""
    if _state is None or not _is_outer_build(config):
        return
    site_dir = Path(config.site_dir)
    (site_dir / JSON_NAME).write_text(
        json.dumps(handbook_json(_state.graph), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    state = _state
    if _pdfs_wanted():
        _make_pdfs(site_dir, state)
    if not _serving:
        _index_search(site_dir, state)
        return
    # An author waits for the reload after every save; indexing (a quarter of a second)
    # can wait until after it. A failure is logged, and the next save tries again.
    _indexer.submit(_index_search_or_log, site_dir, state)


def _make_pdfs(site_dir: Path, state: _State) -> None:
    """Print each language's print page to its PDF, and write each PDF's size where the
    pages hold its placeholder."""
    jobs = {
        lang: pdf.Job(
            print_page.parent.relative_to(site_dir).as_posix() + "/",
            print_page.parent / _pdf_name(lang),
        )
        for lang, print_page in state.print_pages.items()
    }
    try:
        sizes = pdf.make(site_dir, jobs.values())
    except pdf.PdfError as error:
        raise PluginError(str(error)) from None
    texts = {}
    for lang, job in jobs.items():
        own = words.of(lang)
        size = pdf.size_text(sizes[job.target], own["decimal_separator"])
        texts[_size_placeholder(lang)] = escape(own["pdf_size"]).replace("{size}", size)
        log.info("PDF %s: %s", job.target.relative_to(site_dir).as_posix(), size)
    for path in [*state.written, *state.print_pages.values()]:
        text = path.read_text(encoding="utf-8")
        changed = text
        for placeholder, size in texts.items():
            changed = changed.replace(placeholder, size)
        if changed != text:
            path.write_text(changed, encoding="utf-8")


def _index_search(site_dir: Path, state: _State) -> None:
    """The search index of every page this build wrote, and each language's words."""
    try:
        counts = index_pages(site_dir, state.written)
    except SearchIndexError as error:
        hint = "is requirements.txt installed? `make build` installs it"
        raise PluginError(f"{error} ({hint})") from None
    log.info("search index pages per language: %s", counts)
    search_synonyms.write(site_dir, state.graph.config.root, state.graph.pages, counts)


def _index_search_or_log(site_dir: Path, state: _State) -> None:
    try:
        _index_search(site_dir, state)
    except (PluginError, OSError) as error:
        log.error("search index not written: %s", error)
