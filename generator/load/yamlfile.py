"""Read YAML 1.2 files into plain Python values, remembering where every value stands.

We use ruamel.yaml because it speaks YAML 1.2: `no` stays the word "no" and `10:30` stays
text, where PyYAML (YAML 1.1) would turn them into False and 630. Dates are kept as text too,
so the models can check them and say "Enter a date like 2026-03-04" instead of crashing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from generator.models.problems import Problem
from generator.models.site import Loc


@dataclass
class YamlDocument:
    """A loaded file: its plain value and the 1-based line and column of every part."""

    file: str
    value: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Where `loc` stands, or its nearest parent that has a position."""
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            if loc in self.keys:
                return self.keys[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


def _keep_as_text(constructor: Any, node: Any) -> str:
    return str(node.value)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _keep_as_text)
    return yaml


def _flatten(node: Any, loc: Loc, doc: YamlDocument) -> Any:
    if isinstance(node, CommentedMap):
        doc.values.setdefault(loc, (node.lc.line + 1, node.lc.col + 1))
        plain: dict[Any, Any] = {}
        for key, child in node.items():
            child_loc = (*loc, key)
            key_line, key_col = node.lc.key(key)
            value_line, value_col = node.lc.value(key)
            doc.keys[child_loc] = (key_line + 1, key_col + 1)
            doc.values[child_loc] = (value_line + 1, value_col + 1)
            plain[key] = _flatten(child, child_loc, doc)
        return plain
    if isinstance(node, CommentedSeq):
        doc.values.setdefault(loc, (node.lc.line + 1, node.lc.col + 1))
        items = []
        for index, child in enumerate(node):
            child_loc = (*loc, index)
            line, col = node.lc.item(index)
            doc.values[child_loc] = (line + 1, col + 1)
            items.append(_flatten(child, child_loc, doc))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def _mark(error: MarkedYAMLError) -> tuple[int, int]:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def load_yaml(path: Path, shown_as: str) -> YamlDocument | Problem:
    """Load one file. A file that is not valid YAML gives one Problem instead of a document."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Problem(shown_as, 1, 1, "", "This file is not plain text (UTF-8). Save it again as UTF-8 text.")
    try:
        raw = _yaml().load(text)
    except DuplicateKeyError as error:
        line, col = _mark(error)
        key = str(error.problem).split('"')[1] if '"' in str(error.problem) else "a key"
        return Problem(
            shown_as, line, col, key,
            f'"{key}" is written twice in the same place. Keep one and delete the other.',
        )
    except MarkedYAMLError as error:
        line, col = _mark(error)
        what = (error.problem or "this line could not be read").rstrip(".")
        return Problem(
            shown_as, line, col, "",
            f"The file layout is broken here ({what}). Check the indents, colons and quote marks.",
        )
    doc = YamlDocument(file=shown_as, value=None)
    doc.value = _flatten(raw, (), doc)
    return doc
