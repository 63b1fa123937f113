"""Forms of a glossary word: its tokens for matching, and its other number (plural ↔ singular).

Plurals and singulars come from `inflect`, not a hand rule: "Capacity" → "Capacities",
"Criterion" → "Criteria", and a plural term such as "Papers" also matches "paper".
"""
from __future__ import annotations

import re
from functools import cache

import inflect

TOKEN = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
DASHES = str.maketrans({"‐": "-", "‑": "-"})
# inflect reads these endings as plurals ("analysis" → "analysi"); they are singular nouns.
_SINGULAR_ENDINGS = ("ss", "us", "is")


@cache
def _engine() -> inflect.engine:
    return inflect.engine()


def normal(token: str) -> str:
    return token.translate(DASHES).casefold()


def form_key(form: str) -> tuple[str, ...]:
    """How the matcher files a form: its tokens in small letters. Two forms with one key are the same word."""
    return tuple(normal(t) for t in TOKEN.findall(form))


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
    if singular and singular != lower and not lower.endswith(_SINGULAR_ENDINGS):
        others.append(singular)
    if not lower.endswith("s") or lower.endswith(_SINGULAR_ENDINGS):
        others.append(_engine().plural_noun(lower))
    return tuple(head + space + _same_case(last, other) for other in dict.fromkeys(others) if other and other != lower)


def case_sensitive(form: str) -> bool:
    """ "NHS", "SaBP", "Development Group" only match as written; "Forum" also matches "forum"."""
    return any(ch.isupper() for ch in form[1:])
