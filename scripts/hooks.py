"""MkDocs loads this file (`hooks:` in mkdocs.yml); the work happens in handbook.mkdocs_hooks.

Since MkDocs 1.6 this file's folder is on sys.path while it loads, so the package imports.
"""

from handbook.mkdocs_hooks import (
    on_config,
    on_env,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_template,
    on_pre_build,
)

__all__ = [
    "on_config",
    "on_env",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_post_template",
    "on_pre_build",
]
