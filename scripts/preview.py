"""Publish the built site of a pull request as a preview, and remove it when the pull
request closes. Standard library and git only: the workflow runs it without installing
anything, from the base branch's checkout, never from the pull request's.

Where: GitHub Pages of a repository kept for previews only (the variable
PREVIEW_REPOSITORY, such as `oslokommune/handbok-preview`), each pull request in its own
folder `pr-<number>/` of the branch `gh-pages`. The handbook's own repository keeps its
least-privilege rules: no workflow of it gets write access to its contents, and the only
credential, PREVIEW_TOKEN, can write to the preview repository and nothing else.

The branch is always one commit (each push replaces it), so old previews do not pile up in
its history; a push that meets another pull request's newer commit starts again from it.

    python3 scripts/preview.py url                 # prints url=… for $GITHUB_OUTPUT
    python3 scripts/preview.py publish site/       # copies site/ to pr-<number>/
    python3 scripts/preview.py remove              # deletes pr-<number>/

Environment: PREVIEW_REPOSITORY, PULL_REQUEST (the number), PREVIEW_TOKEN (publish and
remove), HEAD_REPOSITORY and REPOSITORY (url: a pull request from a fork gets no preview),
PREVIEW_URL (optional: the preview site's address when it has its own domain),
PREVIEW_REMOTE (optional: another git remote, for the tests).
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BRANCH = "gh-pages"
ATTEMPTS = 5
_REPOSITORY = re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")


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


def _git(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=check, timeout=600
    )


def _auth(token: str) -> list[str]:
    """git options that send the token as GitHub expects, without writing it anywhere."""
    if not token:
        return []
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
    return ["-c", f"http.extraheader=AUTHORIZATION: basic {basic}"]


def update(remote: str, number: int, site: Path | None, token: str = "") -> bool:
    """Put `site` in `pr-<number>/` of the preview branch (or remove the folder when `site`
    is None) and push. False when there was nothing to remove."""
    folder = f"pr-{number}"
    for attempt in range(ATTEMPTS):
        with tempfile.TemporaryDirectory() as scratch:
            work = Path(scratch)
            _git("init", "--quiet", cwd=work)
            fetched = _git(
                *_auth(token),
                "fetch",
                "--quiet",
                "--depth",
                "1",
                remote,
                BRANCH,
                cwd=work,
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
            target = work / folder
            if site is None and not target.exists():
                return False
            shutil.rmtree(target, ignore_errors=True)
            if site is not None:
                shutil.copytree(site, target)
            # No Jekyll: GitHub Pages would leave out files and folders that start with _.
            (work / ".nojekyll").write_text("")
            _git("add", "--all", cwd=work)
            tree = _git("write-tree", cwd=work).stdout.strip()
            action = "Remove" if site is None else "Publish"
            commit = _git(
                "-c",
                "user.name=Handbook preview",
                "-c",
                "user.email=preview@handbook.invalid",
                "commit-tree",
                tree,
                "-m",
                f"{action} the preview of pull request #{number}",
                cwd=work,
            ).stdout.strip()
            pushed = _git(
                *_auth(token),
                "push",
                "--quiet",
                f"--force-with-lease=refs/heads/{BRANCH}:{old}",
                remote,
                f"{commit}:refs/heads/{BRANCH}",
                cwd=work,
                check=False,
            )
            if pushed.returncode == 0:
                return True
            if "stale info" not in pushed.stderr and "rejected" not in pushed.stderr:
                raise PreviewError(
                    f"cannot push to the preview repository: {pushed.stderr.strip()}"
                )
        time.sleep(2**attempt)  # another pull request's preview came first: start again
    raise PreviewError(f"the preview branch kept changing; gave up after {ATTEMPTS} tries")


def _environment(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise PreviewError(f"{name} is not set")
    return value


def _number() -> int:
    number = _environment("PULL_REQUEST")
    if not number.isdigit():
        raise PreviewError(f"PULL_REQUEST={number!r} is not a pull request's number")
    return int(number)


def _remote(repository: str) -> str:
    if not _REPOSITORY.match(repository):
        raise PreviewError(f"PREVIEW_REPOSITORY={repository!r} is not owner/name")
    return os.environ.get("PREVIEW_REMOTE") or f"https://github.com/{repository}.git"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    try:
        if command == "url":
            repository = os.environ.get("PREVIEW_REPOSITORY", "").strip()
            own = os.environ.get("HEAD_REPOSITORY") == os.environ.get("REPOSITORY")
            if not repository or not own:
                print("url=")  # not set up here, or a fork: no preview
                return 0
            _remote(repository)
            print("url=" + preview_url(repository, _number(), os.environ.get("PREVIEW_URL", "")))
            return 0
        if command in ("publish", "remove") and len(argv) == (2 if command == "publish" else 1):
            repository = _environment("PREVIEW_REPOSITORY")
            site = Path(argv[1]) if command == "publish" else None
            if site is not None and not (site / "index.html").is_file():
                raise PreviewError(f"{site} is not a built site (no index.html)")
            token = os.environ.get("PREVIEW_TOKEN", "")
            changed = update(_remote(repository), _number(), site, token)
            done = "published" if site is not None else "removed"
            print(
                f"preview: {done} the preview of pull request #{_number()}"
                if changed
                else "preview: there was no preview to remove"
            )
            return 0
    except PreviewError as error:
        print(f"preview: {error}", file=sys.stderr)
        return 1
    print("usage: preview.py url | publish SITE_DIR | remove", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
