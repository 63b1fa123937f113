"""Read YAML 1.2 files into plain Python values, remembering where every value stands.

We use ruamel.yaml because it speaks YAML 1.2: `no` stays the word "no" and `10:30` stays
text, where PyYAML (YAML 1.1) would turn them into False and 630. Dates are kept as text too,
so the models can check them and say "Enter a date like 2026-03-04" instead of crashing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    NodeEvent,
    ScalarEvent,
)

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


# Limits that keep a hostile or broken file from using all the memory or time of the machine.
MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_ALIASES = 50
MAX_NODES = 200_000
MAX_DIGITS = 12
# Bytes a text file never holds: controls other than tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_BIG_NUMBER = re.compile(r"^[-+]?(?:0[xo])?[0-9_]{13,}(?:\.[0-9_]*)?$")  # more than MAX_DIGITS digits
_EXPONENT = re.compile(r"^[-+]?[0-9_.]+[eE][-+]?[0-9]+$")


def _read_text(path: Path, shown_as: str) -> str | Problem:
    """The file as text, or a Problem naming the line of the first byte that is not UTF-8 or is a control."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return Problem(
                shown_as, 1, 1, "",
                f"This file is too big ({path.stat().st_size // 1000} kB; the most is {MAX_BYTES // 1000} kB). Split it into smaller files.",
            )
        raw = path.read_bytes()
    except OSError as error:
        return Problem(shown_as, 1, 1, "", f"This file cannot be read ({error.strerror}). Check it is a normal file.")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(
            shown_as, line, col, "",
            f"This line has a character that is not plain text (UTF-8), byte 0x{raw[error.start]:02x}. "
            "Type the character again, or save the file as UTF-8.",
        )
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        return Problem(
            shown_as, line, col, "",
            f"This line has a hidden control character (U+{ord(bad.group(0)):04X}). Delete it and type the text again.",
        )
    return text


def _screen(text: str, shown_as: str) -> Problem | None:
    """Refuse what plain data never needs, before anything is built from the file.

    Reads the file as a stream of events, so an alias bomb or a 5,000-level nesting costs nothing:
    tags (`!!python/...`, `!!str`), `%YAML` directives, too many aliases, too deep a nesting,
    and numbers too long to be a real figure are each refused with their line.
    """
    depth = 0
    aliases = 0
    open_sizes: list[list[Any]] = []
    sizes: dict[str, int] = {}
    total = 0

    def problem(event: Any, message: str) -> Problem:
        return Problem(shown_as, event.start_mark.line + 1, event.start_mark.column + 1, "", message)

    def add(count: int) -> None:
        nonlocal total
        if open_sizes:
            open_sizes[-1][1] += count
        else:
            total += count

    for event in _yaml().parse(text):
        if isinstance(event, DocumentStartEvent) and (event.version or event.tags):
            line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("%")), 1)
            return Problem(shown_as, line, 1, "", "Delete this line starting with %. The site reads every file as YAML 1.2, with no directives.")
        tag = getattr(event, "tag", None) if isinstance(event, NodeEvent) else None
        if tag:
            shown_tag = str(tag).replace("tag:yaml.org,2002:", "!!")
            return problem(event, f'Delete the tag "{shown_tag}". Data files hold plain values only, with no tags starting with !.')
        if isinstance(event, AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return problem(event, f"This file uses more than {MAX_ALIASES} copies marked with *. Write the values out in full.")
            add(sizes.get(str(event.anchor), 1))
        elif isinstance(event, ScalarEvent):
            value = event.value
            if event.style is None and (_BIG_NUMBER.match(value) or _EXPONENT.match(value)):
                return problem(event, f"This number is too big to be right ({value[:20]}). Check it, or put it in quote marks if it is text.")
            if event.anchor:
                sizes[str(event.anchor)] = 1
            add(1)
        elif isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return problem(event, f"The lists and groups here go more than {MAX_DEPTH} levels deep. Check the indents.")
            open_sizes.append([event.anchor, 1])
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
            anchor, count = open_sizes.pop()
            if anchor:
                sizes[str(anchor)] = count
            add(count)
        if total > MAX_NODES or sum(size for _, size in open_sizes) > MAX_NODES:
            return problem(event, "This file would hold too many values once the copies marked with * are filled in. Write it out in full.")
    return None


def load_yaml(path: Path, shown_as: str) -> YamlDocument | Problem:
    """Load one file. A file that is not valid YAML gives one Problem instead of a document."""
    text = _read_text(path, shown_as)
    if isinstance(text, Problem):
        return text
    try:
        screened = _screen(text, shown_as)
        if screened is not None:
            return screened
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
    except (YAMLError, RecursionError, ValueError, TypeError) as error:
        return Problem(
            shown_as, 1, 1, "",
            f"This file could not be read as data ({type(error).__name__}). Check the indents, colons and quote marks.",
        )
    doc = YamlDocument(file=shown_as, value=None)
    doc.value = _flatten(raw, (), doc)
    return doc
