"""The other number of a glossary word (plural ↔ singular), from `inflect`, not a hand rule.

"Capacity" → "Capacities", "Criterion" → "Criteria", and a plural term such as "Papers" also matches "paper".
Kept apart from `word_forms.py` so the data check, which does not need plurals, does not import inflect.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import inflect

# inflect reads these endings as plurals ("analysis" → "analysi"); they are singular nouns.
_SINGULAR_ENDINGS = ("ss", "us", "is")


@cache
def _engine() -> inflect.engine:
    import inflect  # only when a plural is wanted: a build whose pages all come from the last build needs none

    return inflect.engine()


def _same_case(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


@cache
def number_forms(form: str) -> tuple[str, ...]:
    """The form with its last word in the other number: "Carer" → ("Carers",), "Papers" → ("Paper",).

    A word inflect reads as both ("agenda" is the plural of "agendum", and its own plural is "agendas")
    gets both. Nothing for a last word that ends in a digit ("Care Act 2014") or is the same in both
    numbers ("news").
    """
    head, space, last = form.rpartition(" ")
    if not last or not last[-1].isalpha():
        return ()
    if last.isupper():
        return () if last.endswith("s") else (form + "s",)  # CCG → CCGs
    lower = last.lower()
    others: list[str] = []
    singular = _engine().singular_noun(lower)
    if isinstance(singular, str) and singular and singular != lower and not lower.endswith(_SINGULAR_ENDINGS):
        others.append(singular)
    plural = _engine().plural_noun(lower) if not lower.endswith("s") or lower.endswith(_SINGULAR_ENDINGS) else ""
    if isinstance(plural, str) and plural:
        others.append(plural)
    return tuple(head + space + _same_case(last, other) for other in dict.fromkeys(others) if other and other != lower)
