"""Splitting text into sentences and words, the same way everywhere.

The glossary model (meanings of at most 2 short sentences) and the readability check both use
these, so an editor sees the same word count from `make check` and from the build.
"""
from __future__ import annotations

import re

# A word is a run of non-space characters with at least one letter or digit in it:
# "co-production" and "10:30am" are 1 word each; a lone dash or "&" is not a word.
_WORD = re.compile(r"\S*[^\W_]\S*")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # a text has a word in it exactly when it has one of these

# A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket),
# then a space, then something that can start a sentence: a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'’”)\]]))\s+(?=[\"'‘“(\[]*[A-Z0-9])")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """The sentences in `text`. Text without a full stop is 1 sentence (a list item, a label)."""
    text = " ".join(text.split())
    if not text:
        return []
    return [part.strip() for part in _SENTENCE_END.split(text) if _LETTER_OR_DIGIT.search(part)]
