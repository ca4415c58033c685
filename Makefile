# One entry point for people and CI. Every target bootstraps .venv itself.
#   make serve   build and serve the site on http://127.0.0.1:8000 with live reload, in
#                Norwegian only; make serve LANGUAGES="nb en" (or LANGUAGES=all) for both
#   make build   strict build into site/, with each language's PDF (make serve makes none)
#   make test    the whole test suite
#   make check   the cross-link check (python -m handbook check)
#   make links   every external link (pages and includes/sources.yml) fetched once with
#                LinkChecker: the broken ones by file and line (python -m handbook links);
#                the weekly workflow (.github/workflows/links.yml) runs the same check
#   make new     a new page in every language: make new KIND=objective ID=so-2-5 TITLE="..." [ARGS="--goals mal-kunnskap"]
#   make bench   every benchmark table: check, build overhead, scaling, page weight, search
#                (the query table, its cost to a reader, the index at scale), make serve's
#                save-to-reload time, and the test suite's time
#   make bench-zensical   the same Norwegian pages built with Zensical, for comparison
#   make lint    ruff
#   make requirements   compile requirements.in and requirements-dev.in into the hash-pinned
#                requirements.txt and requirements-dev.txt (after editing a .in file; commit all
#                four). make requirements UPGRADE="urllib3 idna" also moves those packages,
#                which the .in files do not name, to their newest versions

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material prints a warning about MkDocs 2 unless told not to; we pin MkDocs below 2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-tools check links review new bench bench-zensical lint requirements clean

# The stamp files make pip run again only when a requirements file changes.
#
# Every install is from a compiled requirements file, with --require-hashes: pip refuses any
# file whose sha256 is not written there, and any package that is not pinned there with ==,
# so a package changed on the registry cannot enter a build. No --no-deps: pip still checks
# each package's dependencies, and in hash mode one missing from the file stops the install
# instead of leaving a .venv that fails later. --only-binary: wheels only, because building a
# source archive would fetch its build tools (setuptools and so on) without hash checks.
# No `pip install --upgrade pip`, which no hash can check: pip is pinned with hashes in
# requirements.in, and the pip that comes with Python installs it with the rest.
$(VENV)/.site-deps: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: -r requirements.txt
	@# Make scripts/ importable in the venv, so `python -m handbook` works from anywhere.
	@$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "handbook-scripts.pth").write_text(str(pathlib.Path("scripts").resolve()) + "\n")'
	@touch $@

$(VENV)/.dev-deps: $(VENV)/.site-deps requirements-dev.txt
	$(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: -r requirements-dev.txt
	@touch $@

# uv (pinned in requirements-dev.in) resolves for every Python from the oldest the pins allow
# (pymdown-extensions 13.1.2 needs 3.11.5) and every platform, and writes the sha256 of every
# file of each pinned version. A version already in a .txt file stays unless the .in file asks
# for another or UPGRADE names the package. The dev file is compiled second: it is constrained
# by the new requirements.txt (see requirements-dev.in).
UV_COMPILE = $(BIN)/uv pip compile --quiet --universal --python-version 3.11.5 --generate-hashes \
	$(foreach package,$(UPGRADE),--upgrade-package $(package))
requirements: $(VENV)/.dev-deps
	$(UV_COMPILE) requirements.in -o requirements.txt
	$(UV_COMPILE) requirements-dev.in -o requirements-dev.txt

# One language rebuilds in half the time of two, and an author waits for it after every
# save; the language switcher needs both. (Not LANG: that is the locale.)
LANGUAGES ?= nb
serve: $(VENV)/.site-deps
	@echo 'make serve: building "$(LANGUAGES)"; make serve LANGUAGES=all for every language'
	HANDBOOK_LANGUAGES="$(LANGUAGES)" $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# The build prints each language's PDF with Chromium (installed here when missing);
# HANDBOOK_PDF=off builds without PDFs.
build: $(VENV)/.site-deps
	@sh scripts/install-test-tools.sh build
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site-deps
	$(BIN)/python -m handbook check

# LinkChecker is a development package (requirements-dev.txt), hence .dev-deps. Needs the
# internet; exit 1 when a link is broken, 2 when no site answered at all.
links: $(VENV)/.dev-deps
	$(BIN)/python -m handbook links

# Pages whose facts are due for a check against their sources (exit 1 when one is overdue).
review: $(VENV)/.site-deps
	$(BIN)/python -m handbook review

new: $(VENV)/.site-deps
	@test -n "$(KIND)" -a -n "$(ID)" -a -n "$(TITLE)" || { echo 'usage: make new KIND=objective ID=so-2-5 TITLE="..." [ARGS="--goals mal-kunnskap"]'; exit 2; }
	$(BIN)/python -m handbook new "$(KIND)" "$(ID)" --title "$(TITLE)" $(ARGS)

# Tables on stdout (Markdown, for benchmarks/README.md), progress on stderr. About 25 minutes.
bench: $(VENV)/.dev-deps test-tools
	@$(BIN)/python -c 'import os, platform, datetime; print(f"Measured {datetime.date.today()}: Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}")'
	@printf '\n### Cross-link check (python -m handbook check)\n\n'
	@$(BIN)/python benchmarks/bench_check.py --markdown
	@printf '\n### Build overhead (real build against bare Material, same Markdown)\n\n'
	@$(BIN)/python benchmarks/bench_build.py overhead
	@printf '\n### Scaling (synthetic handbooks, two languages)\n\n'
	@$(BIN)/python benchmarks/bench_build.py scaling
	@printf '\n### Page weight (Chromium, gzip, cache as on GitHub Pages)\n\n'
	@$(BIN)/python benchmarks/bench_build.py weight
	@printf '\n### Search: the query table typed into the search box in Chromium\n\n'
	@$(BIN)/python benchmarks/bench_search.py quality --failures
	@printf '\n### Search: what it costs a reader\n\n'
	@$(BIN)/python benchmarks/bench_search.py cost
	@printf '\n### Search: index size and indexing time at scale\n\n'
	@$(BIN)/python benchmarks/bench_search.py scaling
	@printf '\n### make serve: from saving a page to the browser showing it\n\n'
	@$(BIN)/python benchmarks/bench_serve.py
	@printf '\n### Test suite (make test) next to one strict build\n\n'
	@$(BIN)/python benchmarks/bench_tests.py

bench-zensical: $(VENV)/.site-deps
	$(BIN)/python benchmarks/bench_zensical.py

# Chromium and hunspell come from the system (Debian packages); the script installs what is
# missing, or says in one line what to install when it cannot.
test-tools:
	@sh scripts/install-test-tools.sh

# Two workers per core: most of a test's time is spent waiting for a browser, a server or
# a build in another process (make bench: 150 s with one worker per core, 131 s with two).
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 2) * 2 )))
test: $(VENV)/.dev-deps test-tools
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

lint: $(VENV)/.dev-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf site .pytest_cache .ruff_cache
