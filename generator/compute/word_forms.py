"""Forms of a glossary word: its tokens for matching, and whether case matters.

The other number of a word (plural ↔ singular) is in `plurals.py`, with `inflect`: `python -m generator check`
needs only this module and must start fast.
"""
from __future__ import annotations

import re

TOKEN = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
DASHES = str.maketrans({"‐": "-", "‑": "-"})


def normal(token: str) -> str:
    return token.translate(DASHES).casefold()


def form_key(form: str) -> tuple[str, ...]:
    """How the matcher files a form: its tokens in small letters. Two forms with one key are the same word."""
    return tuple(normal(t) for t in TOKEN.findall(form))


def case_sensitive(form: str) -> bool:
    """ "NHS", "SaBP", "Development Group" only match as written; "Forum" also matches "forum"."""
    return any(ch.isupper() for ch in form[1:])
