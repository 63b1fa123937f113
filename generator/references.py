"""Checks that every reference in the data points at something that exists.

Each check takes the loaded SiteData and yields Problems; `REFERENCE_CHECKS` runs them all.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from .problems import Problem

if TYPE_CHECKING:
    from .load import SiteData


class HasId(Protocol):
    id: str


CheckFunction = Callable[["SiteData"], Iterator[Problem]]


def needs(*attrs: str) -> Callable[[CheckFunction], CheckFunction]:
    """Name the SiteData parts a check reads; it is skipped when one of them failed to load."""

    def mark(check: CheckFunction) -> CheckFunction:
        check.needs = attrs  # type: ignore[attr-defined]
        return check

    return mark


def _unknown(kind: str, ident: str, known: Iterable[str], file_hint: str) -> str:
    choices = ", ".join(sorted(known)) or "none yet"
    return f'There is no {kind} with the id "{ident}". Use one of: {choices}. Or add it to {file_hint}.'


def check_ref(
    data: SiteData, record: object, field: Sequence[str | int], ident: str | None,
    targets: Sequence[HasId], kind: str, file_hint: str,
) -> Iterator[Problem]:
    """Yield a problem when `ident` is not the id of one of `targets`."""
    known = {t.id for t in targets}
    if ident is not None and ident not in known:
        yield data.problem(record, field, _unknown(kind, ident, known, file_hint))


def check_refs(
    data: SiteData, record: object, field: str, idents: Sequence[str],
    targets: Sequence[HasId], kind: str, file_hint: str,
) -> Iterator[Problem]:
    for index, ident in enumerate(idents):
        yield from check_ref(data, record, (field, index), ident, targets, kind, file_hint)


@needs("forums", "areas")
def forums_name_real_areas(data: SiteData) -> Iterator[Problem]:
    for forum in data.forums:
        yield from check_ref(data, forum, ("area",), forum.area, data.areas, "area", "data/areas.yml")


@needs("glossary")
def glossary_links_real_words(data: SiteData) -> Iterator[Problem]:
    for term in data.glossary:
        yield from check_refs(data, term, "related", term.related, data.glossary, "glossary word", "data/glossary.yml")


@needs("meetings", "bodies", "people")
def meetings_name_real_bodies_and_people(data: SiteData) -> Iterator[Problem]:
    for meeting in data.meetings:
        yield from check_ref(data, meeting, ("body",), meeting.body, data.bodies, "group", "data/bodies.yml")
        yield from check_ref(data, meeting, ("chair",), meeting.chair, data.people, "person", "data/people.yml")
        yield from check_refs(data, meeting, "attended", meeting.attended, data.people, "person", "data/people.yml")
        yield from check_refs(data, meeting, "apologies", meeting.apologies, data.people, "person", "data/people.yml")


@needs("toolkits")
def toolkit_numbers_differ(data: SiteData) -> Iterator[Problem]:
    seen: dict[int, str] = {}
    for toolkit in data.toolkits:
        if toolkit.number in seen:
            yield data.problem(
                toolkit, ("number",),
                f"Toolkit number {toolkit.number} is already used by {seen[toolkit.number]}. Give each toolkit its own number.",
            )
        seen.setdefault(toolkit.number, data.where(toolkit)[0])


REFERENCE_CHECKS = (
    forums_name_real_areas,
    glossary_links_real_words,
    meetings_name_real_bodies_and_people,
    toolkit_numbers_differ,
)
