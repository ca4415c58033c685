"""The handbook's own tooling: a model of the pages as a graph, rules that check it,
and renderers that turn it into related-page sections, a relation matrix and JSON.

Two thin shells sit on top: the CLI (`python -m handbook check`) and the MkDocs hooks
(`scripts/hooks.py`). Both use the same model and the same rules, so the build and the
check can never disagree.
"""

__all__ = ["__version__"]
__version__ = "1.0.0"
