"""Read YAML 1.2 files into plain Python values, remembering where every value stands.

YAML 1.2, not PyYAML's 1.1: `no` stays the word "no" and `10:30` stays text, where YAML 1.1 would turn
them into False and 630. Dates are kept as text too, so the models can check them and say "Enter a date
like 2026-03-04" instead of crashing. libyaml (PyYAML's C parser) reads the file; yamlbuild.py builds the
values with the 1.2 core schema (yaml12.py) and refuses hostile input in the same single pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml import BaseLoader, MarkedYAMLError, YAMLError

from generator.load.yamlbuild import Builder, Refused
from generator.models.problems import Problem
from generator.models.site import Loc


@dataclass
class YamlDocument:
    """A loaded file: its plain value, and the 1-based line and column of every part when a message needs one.

    The positions are found again from the file's text the first time they are asked for: a build with no
    mistakes asks for a few files' (for warnings), and the rest never pay for them (9 MiB at 30× the example).
    """

    file: str
    value: Any
    text: str = field(default="", repr=False)  # the file as read, to find positions in
    _values: dict[Loc, tuple[int, int]] | None = field(default=None, repr=False)
    _keys: dict[Loc, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def values(self) -> dict[Loc, tuple[int, int]]:
        """Where each value stands."""
        return self._positions()[0]

    @property
    def keys(self) -> dict[Loc, tuple[int, int]]:
        """Where each key of a group of fields stands."""
        return self._positions()[1]

    def _positions(self) -> tuple[dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]]]:
        if self._values is None or self._keys is None:
            builder = Builder(self.text, self.file)
            if self.text:  # the same text read without mistakes the first time, so read the same way again
                builder.build()
            self._values, self._keys = builder.values, builder.keys
        return self._values, self._keys

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Where `loc` stands, or its nearest parent that has a position."""
        loc = tuple(loc)
        values, keys = self._positions()
        if key and loc in keys:
            return keys[loc]
        while loc:
            if loc in values:
                return values[loc]
            if loc in keys:
                return keys[loc]
            loc = loc[:-1]
        return values.get((), (1, 1))

    def release(self) -> None:
        self.value, self.text, self._values, self._keys = None, "", {}, {}


# Limits that keep a hostile or broken file from using all the memory or time of the machine.
# (The limits on depth, aliases, values and digits live with the checks that use them, in yamlbuild.py.)
MAX_BYTES = 1_000_000
# Bytes a text file never holds: controls other than tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
# Line breaks editors do not show: libyaml ends a line at each, so a comment could turn into data after one,
# and every line number after it would be wrong.
_HIDDEN_BREAK = re.compile("[\x85\u2028\u2029]")


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


def _hidden_break(text: str, shown_as: str) -> Problem | None:
    found = _HIDDEN_BREAK.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return Problem(
        shown_as, line, col, "",
        f"This line has a hidden line break (U+{ord(found.group(0)):04X}). Delete it and type the text again.",
    )


def _mark(error: MarkedYAMLError) -> tuple[int, int]:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def _what(error: MarkedYAMLError, text: str, line: int, col: int) -> str:
    """libyaml's words for the problem, naming the character it could not read (a tab, most often)."""
    what = (error.problem or "this line could not be read").rstrip(".")
    if what == "found character that cannot start any token":
        rows = text.splitlines()
        row = rows[line - 1] if 0 < line <= len(rows) else ""
        if 0 < col <= len(row):
            what = f"found character {row[col - 1]!r} that cannot start any token"
    return what


def load_yaml(path: Path, shown_as: str) -> YamlDocument | Problem:
    """Load one file. A file that is not valid YAML gives one Problem instead of a document."""
    text = _read_text(path, shown_as)
    if isinstance(text, Problem):
        return text
    hidden = _hidden_break(text, shown_as)
    if hidden is not None:
        return hidden
    try:
        try:
            value = Builder(text, shown_as, positions=False).build()
        except MarkedYAMLError as error:
            if "nesting depth" not in str(error.problem):
                raise
            # Newer libyaml reads ahead and stops at its own depth limit (1,000) before our 40 levels are
            # reached. PyYAML's own parser hands over one event at a time: our limit names the level too deep.
            value = Builder(text, shown_as, positions=False).build(BaseLoader)
    except Refused as refused:
        return refused.problem
    except MarkedYAMLError as error:
        line, col = _mark(error)
        what = _what(error, text, line, col)
        return Problem(
            shown_as, line, col, "",
            f"The file layout is broken here ({what}). Check the indents, colons and quote marks.",
        )
    except (YAMLError, RecursionError, ValueError, TypeError, OverflowError, MemoryError) as error:
        return Problem(
            shown_as, 1, 1, "",
            f"This file could not be read as data ({type(error).__name__}). Check the indents, colons and quote marks.",
        )
    return YamlDocument(file=shown_as, value=value, text=text)
