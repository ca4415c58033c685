"""Publish the built site of a pull request as a preview, and remove the previews of pull
requests that are no longer open. Standard library and git only.

Where: GitHub Pages of a repository kept for previews only (the variable
PREVIEW_REPOSITORY, such as `oslokommune-preview/handbok`), each pull request in its own
folder `pr-<number>/` of the branch `gh-pages`.

Who runs what (see .github/workflows/preview.yml):
- The pull request's own check (check.yml) builds the site with no secret at all and
  uploads it. `url` tells that build where it will be published.
- `sync` runs in preview.yml, a workflow GitHub always takes from the default branch, so
  no pull request can change what runs next to PREVIEW_TOKEN. It treats the built site as
  data: only regular files and folders are copied (no links, no `.git`), within size
  limits. It publishes a pull request only while it is open and only the commit the site
  was built from, and it removes the folders of every pull request that is not open.

The branch is always one commit (each push replaces it), so old previews do not pile up in
its history; a push that meets another run's newer commit starts again from it.

    python3 scripts/preview.py url           # prints url=… for $GITHUB_OUTPUT
    python3 scripts/preview.py sync [SITE]   # publish SITE (if given), prune closed ones

Environment: PREVIEW_REPOSITORY; PREVIEW_URL (optional: the preview site's address when it
has a domain of its own); PULL_REQUEST (the number); for `url`, HEAD_REPOSITORY and
REPOSITORY (a pull request from a fork gets no preview); for `sync`, PREVIEW_TOKEN,
HEAD_SHA (the commit the site was built from) and OPEN_PULL_REQUESTS (a file with the
output of `gh pr list --state open --json number,headRefOid`); PREVIEW_REMOTE (optional:
another git remote, for the tests).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BRANCH = "gh-pages"
ATTEMPTS = 5
# GitHub Pages publishes at most 1 GB and refuses files over 100 MB; the handbook's site is
# about 20 MB.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_SITE_BYTES = 300 * 1024 * 1024
_REPOSITORY = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+")
_NUMBER = re.compile(r"[0-9]{1,9}")
_SHA = re.compile(r"[0-9a-f]{40}")
_FOLDER = re.compile(r"pr-([0-9]{1,9})")
# What git answers when the branch moved since it was fetched.
_MOVED = ("stale info", "fetch first", "non-fast-forward")


class PreviewError(Exception):
    """Something the workflow's log should say in one line."""


def preview_url(repository: str, number: int, site_url: str = "") -> str:
    """Where GitHub Pages serves pull request `number` of the preview repository."""
    if site_url:
        return site_url.rstrip("/") + f"/pr-{number}/"
    owner, name = repository.split("/")
    if name.lower() == f"{owner.lower()}.github.io":
        return f"https://{owner.lower()}.github.io/pr-{number}/"
    return f"https://{owner.lower()}.github.io/{name}/pr-{number}/"


def check_site(site: Path) -> None:
    """Refuse a built site that is anything but regular files and folders within the size
    limits: a link could copy files from the runner (its environment holds the token), a
    `.git` folder would become a broken submodule that stops every preview's Pages build."""
    if not (site / "index.html").is_file() or (site / "index.html").is_symlink():
        raise PreviewError(f"{site} is not a built site (no index.html)")
    total = 0
    for folder, folders, files in os.walk(site):
        for name in folders + files:
            path = Path(folder, name)
            where = path.relative_to(site)
            mode = path.lstat().st_mode
            if name.startswith(".git"):
                raise PreviewError(f"the site has {where}, which git would not publish as a file")
            if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                raise PreviewError(f"the site has {where}, which is not a plain file or folder")
            if stat.S_ISREG(mode):
                size = path.lstat().st_size
                total += size
                if size > MAX_FILE_BYTES:
                    raise PreviewError(f"{where} is {size // 2**20} MB, over the limit")
    if total > MAX_SITE_BYTES:
        raise PreviewError(f"the site is {total // 2**20} MB, over the limit")


def _git(
    *args: str, cwd: Path, token: str = "", check: bool = True
) -> subprocess.CompletedProcess[str]:
    """git, with the token (if any) in the environment GitHub expects it in, never on the
    command line, where other processes and an error's traceback could show it."""
    env = dict(os.environ)
    if token:
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
        env.update(
            GIT_CONFIG_COUNT="1",
            GIT_CONFIG_KEY_0="http.https://github.com/.extraheader",
            GIT_CONFIG_VALUE_0=f"AUTHORIZATION: basic {basic}",
        )
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=check, timeout=600, env=env
    )


def sync(
    remote: str,
    site: Path | None,
    number: int | None,
    head_sha: str,
    open_heads: dict[int, str],
    token: str = "",
) -> tuple[bool, list[int]]:
    """Publish `site` as pull request `number` if it is open at `head_sha`, and remove the
    folder of every pull request not in `open_heads`. Returns whether it published and the
    numbers it removed; pushes only when something changed."""
    publish = site is not None and number is not None and open_heads.get(number) == head_sha
    if publish:
        check_site(site)
    for attempt in range(ATTEMPTS):
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch)
            _git("init", "--quiet", cwd=work)
            fetched = _git(
                "fetch",
                "--quiet",
                "--depth",
                "1",
                remote,
                BRANCH,
                cwd=work,
                token=token,
                check=False,
            )
            old = ""
            if fetched.returncode == 0:
                old = _git("rev-parse", "FETCH_HEAD", cwd=work).stdout.strip()
                _git("checkout", "--quiet", "FETCH_HEAD", cwd=work)
            elif "couldn't find remote ref" not in fetched.stderr:
                raise PreviewError(
                    f"cannot read {BRANCH} of the preview repository: {fetched.stderr.strip()}"
                )
            removed = sorted(
                int(match.group(1))
                for entry in work.iterdir()
                if (match := _FOLDER.fullmatch(entry.name))
                and int(match.group(1)) not in open_heads
            )
            if not publish and not removed:
                return False, []
            for gone in removed:
                shutil.rmtree(work / f"pr-{gone}")
            if publish:
                target = work / f"pr-{number}"
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(site, target, symlinks=True)
            # No Jekyll: GitHub Pages would leave out files and folders that start with _.
            (work / ".nojekyll").write_text("")
            _git("add", "--all", cwd=work)
            tree = _git("write-tree", cwd=work).stdout.strip()
            what = [f"publish #{number}"] if publish else []
            what += [f"remove #{gone}" for gone in removed]
            commit = _git(
                "-c",
                "user.name=Handbook preview",
                "-c",
                "user.email=preview@handbook.invalid",
                "commit-tree",
                tree,
                "-m",
                "Previews: " + ", ".join(what),
                cwd=work,
            ).stdout.strip()
            pushed = _git(
                "push",
                "--quiet",
                f"--force-with-lease=refs/heads/{BRANCH}:{old}",
                remote,
                f"{commit}:refs/heads/{BRANCH}",
                cwd=work,
                token=token,
                check=False,
            )
            if pushed.returncode == 0:
                return publish, removed
            if not any(reason in pushed.stderr for reason in _MOVED):
                raise PreviewError(
                    f"cannot push to the preview repository: {pushed.stderr.strip()}"
                )
        time.sleep(2**attempt)  # another run pushed first: start again from its commit
    raise PreviewError(f"the preview branch kept changing; gave up after {ATTEMPTS} tries")


def _setting(name: str, pattern: re.Pattern[str] | None = None, required: bool = True) -> str:
    value = os.environ.get(name, "").strip()
    if not value and required:
        raise PreviewError(f"{name} is not set")
    if value and pattern is not None and not pattern.fullmatch(value):
        raise PreviewError(f"{name}={value!r} is not what it should be")
    return value


def _open_pull_requests(path: str) -> dict[int, str]:
    """{number: head commit} of the open pull requests, from `gh pr list --json`."""
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
        return {int(entry["number"]): str(entry["headRefOid"]) for entry in entries}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PreviewError(f"cannot read the open pull requests from {path}: {error}") from None


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    try:
        if command == "url" and len(argv) == 1:
            repository = _setting("PREVIEW_REPOSITORY", _REPOSITORY, required=False)
            own = os.environ.get("HEAD_REPOSITORY") == os.environ.get("REPOSITORY")
            if not repository or not own:
                print("url=")  # not set up here, or a fork: no preview
                return 0
            number = int(_setting("PULL_REQUEST", _NUMBER))
            print("url=" + preview_url(repository, number, os.environ.get("PREVIEW_URL", "")))
            return 0
        if command == "sync" and len(argv) in (1, 2):
            repository = _setting("PREVIEW_REPOSITORY", _REPOSITORY)
            raw_number = _setting("PULL_REQUEST", _NUMBER, required=False)
            number = int(raw_number) if raw_number else None
            head_sha = _setting("HEAD_SHA", _SHA, required=False)
            open_heads = _open_pull_requests(_setting("OPEN_PULL_REQUESTS"))
            site = Path(argv[1]) if len(argv) == 2 and argv[1] else None
            remote = os.environ.get("PREVIEW_REMOTE") or f"https://github.com/{repository}.git"
            token = os.environ.get("PREVIEW_TOKEN", "")
            published, removed = sync(remote, site, number, head_sha, open_heads, token)
            if published and number is not None:
                url = preview_url(repository, number, os.environ.get("PREVIEW_URL", ""))
                print(f"url={url}")
                print(f"preview: published pull request #{number} at {url}", file=sys.stderr)
            elif site is not None:
                print("url=")
                print(
                    "preview: not published: the pull request is closed or has moved on",
                    file=sys.stderr,
                )
            for gone in removed:
                print(f"preview: removed pull request #{gone}, which is not open", file=sys.stderr)
            return 0
    except PreviewError as error:
        print(f"preview: {error}", file=sys.stderr)
        return 1
    print("usage: preview.py url | sync [SITE_DIR]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
