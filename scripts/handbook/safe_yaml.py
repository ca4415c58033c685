"""Read YAML that anyone can write in a pull request, in bounded time and memory.

Pages' front matter and the interface word files come from pull requests. YAML lets a few
lines grow without bound: aliases (`*name`) repeat a value written elsewhere, so nine lines
of nine aliases each make 387 million strings as soon as anything walks the value (the
"billion laughs"); merge keys (`<<: *name`) do the same to mappings; and brackets nest as
deep as the text is long. The handbook needs none of it: front matter is a flat mapping of
ids, words and short lists, and a word file is two levels deep.

The loaders here compose the document themselves, one event at a time, and stop at the
first alias, anchor or merge key, and at the first collection nested deeper than
`max_depth`, with the line it is on. Everything else is MkDocs' own loader (libyaml's
parser, SafeConstructor, the same resolver), so every value is what the build reads. Text
that plainly holds none of these (most front matter) is composed by libyaml itself, which
is three times as fast.
"""

from __future__ import annotations

from typing import Any

import yaml
from mkdocs.utils.meta import SafeLoader as MkDocsLoader
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .messages import Text, code

# Front matter is a flat mapping whose values are at most lists (depth 2); a word file has
# groups of words (depth 2). 20 leaves room for anything a page could mean, and stops
# `[[[[...` long before it costs anything: composing is iterative, so even 100 000
# brackets raise no RecursionError.
MAX_DEPTH = 20

_MERGE = "tag:yaml.org,2002:merge"
# Anchors, aliases, tags (`!!merge`) and merge keys cannot be written without these.
_MARKERS = ("&", "*", "!", "<<")
# Where a collection can begin, besides the start of a line (see _plainly_bounded).
_OPENINGS = ("[", "{", "- ", "-\t", "? ", "?\t")


def _plainly_bounded(text: str, max_depth: int) -> bool:
    """Whether `text` can have no alias, anchor, tag or merge key, and no collection
    nested deeper than `max_depth`.

    Each collection around a node begins at its own place: a line's first character, after
    a `- ` or `? ` indicator, or at a `[` or `{`. So no more collections nest than there are
    lines and such characters.
    """
    if any(marker in text for marker in _MARKERS):
        return False
    places = text.count("\n") + 1 + sum(text.count(opening) for opening in _OPENINGS)
    return places <= max_depth


def nested_too_deep(max_depth: int) -> tuple[Text, Text]:
    return (
        Text(
            f"Verdiene ligger mer enn {max_depth} nivåer inni hverandre.",
            f"The values are nested more than {max_depth} levels deep.",
        ),
        Text(
            "Skriv dem flatere: en liste er `[a, b]`, uten lister inni.",
            "Write them flatter: a list is `[a, b]`, without lists inside.",
        ),
    )


class RejectedYAMLError(yaml.MarkedYAMLError):
    """Valid YAML the handbook does not read: an alias, an anchor, a merge key or too deep.

    `text` is the message for the author and `hint` what to write instead, in both
    languages; `problem_mark` is where it is. `starts_with` is `*` or `&` for an alias or an
    anchor: mostly a value that starts with Markdown's *emphasis*, which a caller that has
    the line can show in quotes (yaml_problems.rejected).
    """

    def __init__(self, text: Text, hint: Text, mark: Any, starts_with: str | None = None) -> None:
        super().__init__(problem=text.en, problem_mark=mark)
        self.text = text
        self.hint = hint
        self.starts_with = starts_with


class BoundedComposer:
    """Replaces the composer of a PyYAML loader: the same nodes, built without recursion,
    refusing aliases, anchors, merge keys and nesting deeper than `max_depth`."""

    max_depth = MAX_DEPTH

    def __init__(self, stream: Any) -> None:
        self._plain = isinstance(stream, str) and _plainly_bounded(stream, self.max_depth)
        super().__init__(stream)

    def get_single_node(self) -> Node | None:
        if self._plain:
            return super().get_single_node()  # nothing to refuse: the loader's own composer
        self.get_event()  # StreamStartEvent
        document = None
        if not self.check_event(StreamEndEvent):
            self.get_event()  # DocumentStartEvent
            document = self._compose_document()
            self.get_event()  # DocumentEndEvent
        if not self.check_event(StreamEndEvent):
            event = self.get_event()
            raise ComposerError(
                "expected a single document in the stream",
                document.start_mark if document is not None else None,
                "but found another document",
                event.start_mark,
            )
        self.get_event()  # StreamEndEvent
        return document

    def _compose_document(self) -> Node:
        # Each open collection with, for a mapping, the key still waiting for its value.
        open_nodes: list[list[Any]] = []
        while True:
            event = self.get_event()
            if isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                node = open_nodes.pop()[0]
                node.end_mark = event.end_mark
                if not open_nodes:
                    return node
                continue
            node = self._node(event, len(open_nodes))
            if open_nodes:
                parent = open_nodes[-1]
                if isinstance(parent[0], SequenceNode):
                    parent[0].value.append(node)
                elif parent[1] is None:
                    if node.tag == _MERGE:
                        raise RejectedYAMLError(
                            Text(
                                "Linjen bruker en flettenøkkel (`<<`), som håndboka ikke leser.",
                                "The line uses a merge key (`<<`), which the handbook does "
                                "not read.",
                            ),
                            Text("Skriv feltene ut i stedet.", "Write the fields out instead."),
                            event.start_mark,
                        )
                    parent[1] = node
                else:
                    parent[0].value.append((parent[1], node))
                    parent[1] = None
            if isinstance(node, ScalarNode):
                if not open_nodes:
                    return node
            else:
                open_nodes.append([node, None])

    def _node(self, event: Any, depth: int) -> Node:
        if isinstance(event, AliasEvent):
            raise self._starts_with(event, f"*{event.anchor}", "alias")
        if event.anchor is not None:
            raise self._starts_with(event, f"&{event.anchor}", "anchor")
        tag = event.tag
        if isinstance(event, ScalarEvent):
            if tag is None or tag == "!":
                tag = self.resolve(ScalarNode, event.value, event.implicit)
            return ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        if depth >= self.max_depth:
            raise RejectedYAMLError(*nested_too_deep(self.max_depth), event.start_mark)
        if isinstance(event, SequenceStartEvent):
            if tag is None or tag == "!":
                tag = self.resolve(SequenceNode, None, event.implicit)
            return SequenceNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
        if isinstance(event, MappingStartEvent):
            if tag is None or tag == "!":
                tag = self.resolve(MappingNode, None, event.implicit)
            return MappingNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
        raise ComposerError(None, None, f"unexpected {type(event).__name__}", event.start_mark)

    @staticmethod
    def _starts_with(event: Any, written: str, name: str) -> RejectedYAMLError:
        """An alias (`*name`) or anchor (`&name`): mostly a value that starts with * or &,
        such as Markdown's *emphasis*, which YAML reads as one."""
        read_as = {
            "alias": Text(
                "som en henvisning til en annen verdi, ikke som tekst",
                "as a reference to another value, not as text",
            ),
            "anchor": Text(
                "som et navn på verdien, ikke som tekst",
                "as a name for the value, not as text",
            ),
        }[name]
        return RejectedYAMLError(
            Text(
                f"Verdien begynner med {code(written[0])}, og da leser YAML {code(written)} "
                f"{read_as.nb}.",
                f"The value starts with {code(written[0])}, so YAML reads {code(written)} "
                f"{read_as.en}.",
            ),
            Text(
                'Sett hele verdien i anførselstegn, for eksempel `"*Viktig* tekst"`.',
                'Put the whole value in quotes, for example `"*Important* text"`.',
            ),
            event.start_mark,
            written[0],
        )


class FrontMatterLoader(BoundedComposer, MkDocsLoader):  # type: ignore[misc, valid-type]
    """MkDocs' loader for page front matter, refusing what could make it grow."""


class FileLoader(BoundedComposer, MkDocsLoader):  # type: ignore[misc, valid-type]
    """The same for a whole YAML file, such as includes/words.<lang>.yml."""


def rejection_of(text: str, loader: type = FrontMatterLoader) -> RejectedYAMLError | None:
    """The reason the loader refuses `text`, or None when it reads it or fails for another
    reason (a syntax error MkDocs' own loader meets the same way)."""
    try:
        yaml.compose(text, Loader=loader)
    except RejectedYAMLError as error:
        return error
    except (yaml.YAMLError, ValueError):
        return None
    return None
