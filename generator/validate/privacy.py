"""A person who has not said yes to showing their name is never named on the site."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.models.problems import Problem
from generator.models.site import SiteData
from generator.validate.checks import needs


def _texts(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every piece of text in a record, with where it is."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _name_pattern(name: str) -> re.Pattern[str]:
    # The full name, or any part of it as a whole word with its capital: "Jo", "Bright".
    parts = [re.escape(p) for p in name.split() if len(p) >= 2]
    return re.compile(r"\b(?:" + "|".join([re.escape(name), *parts]) + r")\b")


@needs("people", "bodies", "meetings", "feedback")
def private_names_stay_private(data: SiteData) -> Iterator[Problem]:
    """A person who has not said yes must not be named anywhere the site shows text, ids included."""
    private = [p for p in data.people if not p.show_name]
    if not private:
        return
    patterns = [(p, _name_pattern(p.name)) for p in private]
    for _index, person in enumerate(data.people):
        for other, _ in patterns:
            slug_parts = {part.lower() for part in other.name.split() if len(part) >= 3}
            if slug_parts & set(person.id.split("-")):
                yield data.problem(person, ("id",), f"This id holds part of {other.role.lower()}'s name, who keeps it private. Use an id like adviser-3.")
    for person in data.people:
        # The role is what shows instead of a private name, so it must not hold a private name either.
        for other, pattern in patterns:
            if pattern.search(person.role):
                yield data.problem(
                    person, ("role",),
                    f'This names "{other.id}", who keeps their name private. Write a role without their name.',
                )
    records: list[tuple[object, Any]] = [(b, b.model_dump(mode="json")) for b in data.bodies]
    records += [(m, m.model_dump(mode="json")) for m in data.meetings]
    if data.feedback is not None:
        records.append((data.feedback, data.feedback.model_dump(mode="json")))
    for record, dumped in records:
        for path, text in _texts(dumped):
            for person, pattern in patterns:
                if pattern.search(text):
                    yield data.problem(
                        record, path,
                        f'This names "{person.id}", who keeps their name private. Write their role instead, like "{person.role}".',
                    )
