# One entry point for people and CI. Every target bootstraps .venv itself.
#   make serve   build and serve the site on http://127.0.0.1:8000 with live reload, in
#                Norwegian only; make serve LANGUAGES="nb en" (or LANGUAGES=all) for both
#   make build   strict build into site/
#   make test    the whole test suite
#   make check   the cross-link check (python -m handbook check)
#   make new     a new page in every language: make new KIND=objective ID=so-2-5 TITLE="..." [ARGS="--goals mal-kunnskap"]
#   make bench   every benchmark table: check, build overhead, scaling, page weight,
#                make serve's save-to-reload time, and the test suite's time
#   make bench-zensical   the same Norwegian pages built with Zensical, for comparison
#   make lint    ruff

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material prints a warning about MkDocs 2 unless told not to; we pin MkDocs below 2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-tools check new bench bench-zensical lint clean

# The stamp files make pip run again only when a requirements file changes.
$(VENV)/.site-deps: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@# Make scripts/ importable in the venv, so `python -m handbook` works from anywhere.
	@$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "handbook-scripts.pth").write_text(str(pathlib.Path("scripts").resolve()) + "\n")'
	@touch $@

$(VENV)/.dev-deps: $(VENV)/.site-deps requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# One language rebuilds in half the time of two, and an author waits for it after every
# save; the language switcher needs both. (Not LANG: that is the locale.)
LANGUAGES ?= nb
serve: $(VENV)/.site-deps
	@echo 'make serve: building "$(LANGUAGES)"; make serve LANGUAGES=all for every language'
	HANDBOOK_LANGUAGES="$(LANGUAGES)" $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site-deps
	$(BIN)/python -m handbook check

new: $(VENV)/.site-deps
	@test -n "$(KIND)" -a -n "$(ID)" -a -n "$(TITLE)" || { echo 'usage: make new KIND=objective ID=so-2-5 TITLE="..." [ARGS="--goals mal-kunnskap"]'; exit 2; }
	$(BIN)/python -m handbook new "$(KIND)" "$(ID)" --title "$(TITLE)" $(ARGS)

# Tables on stdout (Markdown, for benchmarks/README.md), progress on stderr. About 15 minutes.
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
