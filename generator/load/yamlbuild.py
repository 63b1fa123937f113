"""Build plain values from libyaml's event stream, noting where each value and key stands, refusing as it goes.

One pass over the events (PyYAML's C parser) gives the plain dicts, lists and scalars (YAML 1.2 core schema,
see yaml12.py), the 1-based line and column of every value and key, and every refusal of things plain data
never needs: tags (`!!python/...`, `!!str`), `%YAML`/`%TAG` directives, too many aliases, too deep a nesting,
too many values once aliases are filled in, numbers too long to be a real figure, and keys written twice.

Events, not PyYAML's composed nodes: its composer recurses in C, and a 50 kB file of `[[[[...` crashes the
whole process. Here the depth limit is checked at each opening bracket, before anything deeper is read, and an
alias bomb is counted from the size of each anchored part, never expanded.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

from generator.load.yaml12 import resolve_plain
from generator.models.problems import Problem
from generator.models.site import Loc

# Limits that keep a hostile or broken file from using all the memory or time of the machine.
MAX_DEPTH = 40
MAX_ALIASES = 50
MAX_NODES = 200_000
MAX_DIGITS = 12
_BIG_NUMBER = re.compile(r"^[-+]?(?:0[xo])?[0-9_]{13,}(?:\.[0-9_]*)?$")  # more than MAX_DIGITS digits
_EXPONENT = re.compile(r"^[-+]?[0-9_.]+[eE][-+]?[0-9]+$")
# libyaml when PyYAML was built with it (about ten times faster); the same events from pure Python otherwise.
_PARSER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_NO_KEY = object()
# Only these can start a number the two patterns above refuse: a quick test that lets most words skip them.
_NUMBER_START = frozenset("-+._0123456789")

Position = tuple[int, int]


class Refused(Exception):
    """A file the site will not read: carries the one Problem to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Frame:
    """A list or group of fields still being read."""

    __slots__ = ("anchor", "container", "first_record", "is_list", "key", "loc", "nodes_before", "position")

    def __init__(self, container: Any, loc: Loc, position: Position, anchor: str | None, nodes_before: int, first_record: int) -> None:
        self.container = container
        self.loc = loc
        self.position = position
        self.anchor = anchor
        self.nodes_before = nodes_before
        self.first_record = first_record
        self.is_list = type(container) is list
        self.key: Any = _NO_KEY


class _Anchor:
    """What `&name` marked: its value, where it stands, its size once copied, and the positions inside it."""

    __slots__ = ("loc", "position", "records", "size", "value")

    def __init__(self, value: Any, loc: Loc | None, position: Position, size: int, records: tuple[int, int]) -> None:
        self.value = value
        self.loc = loc
        self.position = position
        self.size = size
        self.records = records


class Builder:
    """Turns one file's events into a plain value and its positions (`values`, `keys`), or raises Refused.

    Without `positions`, `values` and `keys` stay empty: the same value and the same refusals, without the
    60,000 positions of 30× the example's data (9 MiB) that only a message about a mistake ever reads.
    """

    def __init__(self, text: str, shown_as: str, *, positions: bool = True) -> None:
        self.text = text
        self.shown_as = shown_as
        self.positions = positions
        self.value: Any = None
        self.values: dict[Loc, Position] = {}
        self.keys: dict[Loc, Position] = {}
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Anchor] = {}
        self.open_anchors: set[str] = set()
        # Positions written while an anchored part is open, so a copy (`*name`) gets them under its own path.
        self.records: list[tuple[bool, Loc, Position]] = []
        self.aliases = 0
        self.nodes = 0
        self.documents = 0
        # Found mid-file but reported only once the whole file passed the checks above (as before: those come first).
        self.later: Problem | None = None

    def build(self, parser_class: Any = None) -> Any:
        """The file's plain value. `parser_class`: PyYAML's parser to read it with (libyaml's when PyYAML has it)."""
        parser = (parser_class or _PARSER)(self.text)
        get_event = parser.get_event
        stack, values, keys, track = self.stack, self.values, self.keys, self.positions
        try:
            while True:
                event = get_event()
                kind = type(event)
                if kind is not yaml.ScalarEvent:
                    if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                        self._open(event, {} if kind is yaml.MappingStartEvent else [])
                    elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                        self._close()
                    elif kind is yaml.AliasEvent:
                        self._alias(event)
                    elif kind is yaml.DocumentStartEvent:
                        self._document(event)
                    elif kind is yaml.StreamEndEvent or event is None:
                        break
                    continue
                # A scalar: by far the most common event, so read and placed here without further calls when it can be.
                if event.tag:
                    self._check_tag(event)
                value = text = event.value
                if not event.style:  # plain: no quote marks, no | or > (libyaml says "", pure Python None)
                    if text and text[0] in _NUMBER_START and (_BIG_NUMBER.match(text) or _EXPONENT.match(text)):
                        self._refuse(event, f"This number is too big to be right ({text[:20]}). Check it, or put it in quote marks if it is text.")
                    value = resolve_plain(text)
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self._count(event, 0)
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                frame = stack[-1] if stack else None
                if frame is None or event.anchor or self.open_anchors:
                    self._place(event, value, position)
                elif frame.is_list:
                    container = frame.container
                    if track:
                        values[(*frame.loc, len(container))] = position
                    container.append(value)
                elif frame.key is not _NO_KEY:
                    if track:
                        values[(*frame.loc, frame.key)] = position
                    frame.container[frame.key] = value
                    frame.key = _NO_KEY
                elif value in frame.container:
                    self._key(event, value, position)
                else:
                    frame.key = value
                    if track:
                        keys[(*frame.loc, value)] = position
        finally:
            parser.dispose()
        if self.later is not None:
            raise Refused(self.later)
        return self.value

    def _place(self, event: Any, value: Any, position: Position) -> None:
        """A scalar that is the whole file, carries an anchor (&name), or stands inside an anchored part."""
        loc = self._slot(position)
        if event.anchor:
            self.anchors[event.anchor] = _Anchor(value, loc, position, 1, (0, 0))
        if loc is None:
            self._key(event, value, position)
        else:
            self._put(value)

    # Refusals

    def _problem(self, event: Any, message: str, field: str = "") -> Problem:
        return Problem(self.shown_as, event.start_mark.line + 1, event.start_mark.column + 1, field, message)

    def _refuse(self, event: Any, message: str) -> None:
        raise Refused(self._problem(event, message))

    def _check_tag(self, event: Any) -> None:
        if event.tag:
            shown = str(event.tag).replace("tag:yaml.org,2002:", "!!")
            self._refuse(event, f'Delete the tag "{shown}". Data files hold plain values only, with no tags starting with !.')

    def _count(self, event: Any, nodes: int) -> None:
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            self._refuse(event, "This file would hold too many values once the copies marked with * are filled in. Write it out in full.")

    def _document(self, event: Any) -> None:
        if event.version or event.tags:
            line = next((n for n, row in enumerate(self.text.splitlines(), 1) if row.startswith("%")), 1)
            message = "Delete this line starting with %. The site reads every file as YAML 1.2, with no directives."
            raise Refused(Problem(self.shown_as, line, 1, "", message))
        self.documents += 1
        if self.documents > 1 and self.later is None:
            self.later = self._problem(event, "The file layout is broken here (but found another document). "
                                              "Check the indents, colons and quote marks.")

    # Building

    def _slot(self, position: Position) -> Loc | None:
        """Where the next value goes, noting its position there; None when it is a key of a group of fields."""
        if not self.stack:
            if self.positions:
                self.values[()] = position
            return ()
        frame = self.stack[-1]
        if frame.is_list:
            loc: Loc = (*frame.loc, len(frame.container))
        elif frame.key is _NO_KEY:
            return None
        else:
            loc = (*frame.loc, frame.key)
        if self.positions:
            self.values[loc] = position
        if self.open_anchors and self.positions:
            self.records.append((False, loc, position))
        return loc

    def _put(self, value: Any) -> None:
        if not self.stack:
            self.value = value
            return
        frame = self.stack[-1]
        if frame.is_list:
            frame.container.append(value)
        else:
            frame.container[frame.key] = value
            frame.key = _NO_KEY

    def _key(self, event: Any, key: Any, position: Position) -> None:
        frame = self.stack[-1]
        if isinstance(key, (dict, list)):
            self._refuse(event, "Put a plain word before the colon here, not a list or a group of fields.")
        if key in frame.container and self.later is None:
            self.later = self._problem(event, f'"{key}" is written twice in the same place. Keep one and delete the other.', str(key))
        frame.key = key
        if self.positions:
            loc = (*frame.loc, key)
            self.keys[loc] = position
            if self.open_anchors:
                self.records.append((True, loc, position))

    def _open(self, event: Any, container: dict[Any, Any] | list[Any]) -> None:
        if event.tag:
            self._check_tag(event)
        if len(self.stack) >= MAX_DEPTH:
            self._refuse(event, f"The lists and groups here go more than {MAX_DEPTH} levels deep. Check the indents.")
        self._count(event, 1)
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)
        loc = self._slot(position)
        if loc is None:
            self._refuse(event, "Put a plain word before the colon here, not a list or a group of fields.")
            return
        self._put(container)
        anchor = event.anchor
        if anchor:
            self.open_anchors.add(anchor)
        self.stack.append(_Frame(container, loc, position, anchor, self.nodes - 1, len(self.records)))

    def _close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            size = self.nodes - frame.nodes_before
            self.anchors[frame.anchor] = _Anchor(frame.container, frame.loc, frame.position, size, (frame.first_record, len(self.records)))

    def _alias(self, event: Any) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            self._refuse(event, f"This file uses more than {MAX_ALIASES} copies marked with *. Write the values out in full.")
        name = event.anchor
        if name in self.open_anchors:
            self._refuse(event, f'This copy (*{name}) is inside the part it copies, so it would never end. Write the values out in full.')
        anchor = self.anchors.get(name)
        if anchor is None:
            if self.later is None:
                self.later = self._problem(event, f"Nothing above is marked &{name}, so *{name} has nothing to copy. "
                                                  "Check the name after *, or write the value out in full.")
            anchor = _Anchor(None, None, (event.start_mark.line + 1, event.start_mark.column + 1), 1, (0, 0))
        self._count(event, anchor.size)
        # The copy stands where the original is written: a mistake in it is fixed there.
        loc = self._slot(anchor.position)
        value = _copy(anchor.value)
        if loc is None:
            self._key(event, value, anchor.position)
            return
        self._put(value)
        if anchor.loc is not None and self.positions:
            self._copy_positions(anchor, loc)

    def _copy_positions(self, anchor: _Anchor, loc: Loc) -> None:
        assert anchor.loc is not None
        cut = len(anchor.loc)
        first, last = anchor.records
        for is_key, inner, position in self.records[first:last]:
            moved = (*loc, *inner[cut:])
            (self.keys if is_key else self.values)[moved] = position
            if self.open_anchors:
                self.records.append((is_key, moved, position))


def _copy(value: Any) -> Any:
    """A fresh copy of a plain value, so a change to one copy of an alias never shows in another."""
    if type(value) is dict:
        return {key: _copy(item) for key, item in value.items()}
    if type(value) is list:
        return [_copy(item) for item in value]
    return value
