"""A person who has not said yes to showing their name is never named on the site.

Every text field of every file in `data/` is scanned (not only groups and meetings), and so is every
page in `content/`. A name is matched as a name: the whole name, or one part of it as a whole word
with its capital letters ("Jo", "Bright"). A part that is also a month, a day or a common word
("June", "May", "Will") only counts as part of the whole name, so a private person called June
does not block the month of June. `scan_text` is used again on the built site (generator/build.py).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.load.folders import entries_in
from generator.models.meetings import Person
from generator.models.problems import Problem
from generator.models.site import SiteData
from generator.validate.checks import needs

# Words that are names for some people and ordinary words for everyone: matched only as part of the whole name.
_CALENDAR = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}
_COMMON = {
    "Will", "May", "Mark", "Hope", "Joy", "Grace", "Faith", "Rose", "Frank", "Bill", "Sue", "Pat", "Summer",
    "Dawn", "Guy", "Drew", "Jack", "Chase", "Penny", "Sandy", "Page", "Care", "Carer", "Forum", "Board",
    "Group", "Chair", "Trust", "Sage", "Rich", "Ray", "Art", "Don", "Victoria", "Surrey",
}
AMBIGUOUS = _CALENDAR | _COMMON
# Characters JSON may write another way: a word holding one is not looked for in a record's JSON text.
_CHANGED_BY_JSON = re.compile(r'["\\\x00-\x1f\x7f\u2028\u2029]')
# A part of a name that is a word on its own: letters, with ' or - inside ("O'Neil", "Smith-Jones").
_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?")


@dataclass(frozen=True)
class PrivateName:
    person: Person
    pattern: re.Pattern[str]
    # Words every match starts with (the name's first word, or a part matched alone), as written: a text
    # without any of them cannot match, and looking for them is far quicker than running the pattern.
    starts: tuple[str, ...] = ()


def _parts(words: list[str]) -> list[str]:
    """The parts of a name matched on their own: 2+ letters, not also an ordinary word, and not the whole name."""
    return [word for word in words if len(word) >= 2 and word not in AMBIGUOUS and len(words) > 1 and _WORD.fullmatch(word)]


def name_pattern(name: str) -> re.Pattern[str]:
    """The whole name (any spacing), or a part of 2+ letters that is not also an ordinary word, case as written."""
    words = name.split()
    whole = r"\s+".join(re.escape(word) for word in words)
    parts = [re.escape(word) for word in _parts(words)]
    return re.compile(r"(?<![\w-])(?:" + "|".join([whole, *parts]) + r")(?![\w-])")


def private_names(people: list[Person]) -> list[PrivateName]:
    return [
        PrivateName(p, name_pattern(p.name), tuple(dict.fromkeys([*p.name.split()[:1], *_parts(p.name.split())])))
        for p in people if not p.show_name
    ]


def scan_text(text: str, names: list[PrivateName]) -> Iterator[tuple[PrivateName, re.Match[str]]]:
    for name in names:
        if name.starts and not any(start in text for start in name.starts):
            continue
        for match in name.pattern.finditer(text):
            yield name, match


def _texts(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every piece of text in a record, with where it is: keys that editors wrote count too."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _records(data: SiteData) -> Iterator[object]:
    """Every record that was read from data/, whatever file it came from."""
    for attr in ("settings", "areas", "forums", "glossary", "bodies", "meetings", "feedback", "toolkits", "schedule"):
        value = getattr(data, attr, None)
        if isinstance(value, list):
            yield from value
        elif value is not None:
            yield value


def _message(name: PrivateName) -> str:
    return (
        f'This names "{name.person.id}", who keeps their name private. '
        f'Write their role instead, like "{name.person.role}".'
    )


@needs("people")
def private_names_stay_private(data: SiteData) -> Iterator[Problem]:
    """A person who has not said yes must not be named anywhere the site shows text, ids included."""
    names = private_names(data.people)
    if not names:
        return
    for person in data.people:
        for other in names:
            slug_parts = {part.lower() for part in other.person.name.split() if len(part) >= 3}
            if slug_parts & set(person.id.split("-")):
                yield data.problem(person, ("id",), f"This id holds part of {other.person.role.lower()}'s name, who keeps it private. Use an id like adviser-3.")
            # The role is what shows instead of a private name, so it must not hold a private name either.
            if other.pattern.search(person.role):
                yield data.problem(
                    person, ("role",),
                    f'This names "{other.person.id}", who keeps their name private. Write a role without their name.',
                )
    # A record whose whole text holds no name's first word cannot name anybody: most records are passed over at
    # once. Not for a word that JSON would write differently (a quote mark, a backslash).
    starts = [start for name in names for start in name.starts]
    quick = all(name.starts for name in names) and not any(_CHANGED_BY_JSON.search(start) for start in starts)
    for record in _records(data):
        if id(record) not in data.origins:
            continue
        dumped = record.model_dump(mode="json") if hasattr(record, "model_dump") else {}
        if quick:
            whole = json.dumps(dumped, ensure_ascii=False)
            if not any(start in whole for start in starts):
                continue
        for path, text in _texts(dumped):
            for name, _match in scan_text(text, names):
                yield data.problem(record, path, _message(name))
    yield from _content_pages(data, names)


def _content_pages(data: SiteData, names: list[PrivateName]) -> Iterator[Problem]:
    content = (data.root or Path(".")) / "content"
    if not content.is_dir():
        return
    for entry in entries_in(content):
        if not entry.relative.endswith(".md") or not entry.is_file or entry.is_link:
            continue
        path = Path(entry.path)
        text = path.read_text(encoding="utf-8", errors="replace")
        for name, match in scan_text(text, names):
            line = text.count("\n", 0, match.start()) + 1
            col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            yield Problem(path.relative_to(data.root or Path(".")).as_posix(), line, col, "", _message(name))
