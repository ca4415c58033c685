#!/bin/sh
# The system programs `make test` needs besides Python: Chromium for the browser tests and
# the PDFs, hunspell with Norwegian (nb_NO) and British English (en_GB) dictionaries for the
# spell check, and pdftotext (poppler-utils) to read the PDFs. `make build` runs it with
# the argument `build`: only Chromium, which prints the PDFs. Installs what is missing with
# Debian's apt-get (through sudo when not root) and does nothing when all is there, so
# `make test` and `make build` can call it every time.
#
# When it cannot install (no apt-get, or no permission), it prints one line saying what to
# install and exits 0: the tests that need the missing programs then skip with the same
# hint on a developer's machine, and fail in CI (CI set), where nothing may be skipped.
#
# HANDBOOK_CHROMIUM names another Chromium-based browser (GitHub's Ubuntu runners have
# Google Chrome); then no Chromium is installed. HUNSPELL_DICTIONARIES is where the
# dictionaries are looked for (Debian's folder unless set; tests/test_setup.py sets it).
set -u

dictionaries="${HUNSPELL_DICTIONARIES:-/usr/share/hunspell}"
packages=""
if [ -z "${HANDBOOK_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  packages="$packages chromium"
fi
if [ "${1:-}" = build ]; then
  target="make build"
  consequence="until then, build without PDFs: HANDBOOK_PDF=off make build"
else
  target="make test"
  consequence="until then the browser tests, the PDF tests or the spell check are skipped"
  command -v hunspell >/dev/null 2>&1 || packages="$packages hunspell"
  [ -e "$dictionaries/nb_NO.dic" ] || packages="$packages hunspell-no"
  [ -e "$dictionaries/en_GB.dic" ] || packages="$packages hunspell-en-gb"
  command -v pdftotext >/dev/null 2>&1 || packages="$packages poppler-utils"
fi
packages="${packages# }"
[ -z "$packages" ] && exit 0

hint="$target: please install $packages (Debian/Ubuntu: sudo apt-get install $packages); $consequence"

if ! command -v apt-get >/dev/null 2>&1; then
  echo "$hint" >&2
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  # At a terminal sudo may ask for the password; without one (CI, an editor's task
  # runner) it must fail at once instead of waiting for input nobody can give.
  if [ -t 0 ]; then sudo="sudo"; else sudo="sudo -n"; fi
else
  echo "$hint" >&2
  exit 0
fi

echo "$target: installing $packages (apt-get)" >&2
# shellcheck disable=SC2086 # $sudo and $packages are word lists on purpose
if $sudo apt-get update -qq \
  && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null; then
  exit 0
fi
echo "$hint" >&2
exit 0
