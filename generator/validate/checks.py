"""One kind of check: a function from SiteData to Problems, marked with the parts of the data it needs."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from generator.models.problems import Problem
from generator.models.site import SiteData


class HasId(Protocol):
    id: str


CheckFunction = Callable[[SiteData], Iterator[Problem]]


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
