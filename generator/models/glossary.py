"""Glossary words and their easy-read meanings: `data/glossary.yml`."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from generator.models.common import Id, Record, Text
from generator.models.sentences import sentences, words

MAX_SENTENCES = 2
MAX_WORDS = 15

# What the linker can find: words made of letters and digits, joined by spaces or dashes.
_MATCHABLE = re.compile(r"^[^\W_]+(?:[-‐‑][^\W_]+)*(?: [^\W_]+(?:[-‐‑][^\W_]+)*)*$")


def _easy_read(value: str) -> str:
    found = sentences(value)
    if len(found) > MAX_SENTENCES:
        raise PydanticCustomError(
            "too_many_sentences",
            "This has {count} sentences. Use {most} at most: keep the main idea and cut the rest.",
            {"count": len(found), "most": MAX_SENTENCES},
        )
    for sentence in found:
        count = len(words(sentence))
        if count > MAX_WORDS:
            raise PydanticCustomError(
                "sentence_too_long",
                'This sentence has {count} words: "{sentence}" Use {most} words or fewer, or split it in 2.',
                {"count": count, "sentence": sentence, "most": MAX_WORDS},
            )
    return value


def _matchable(value: str) -> str:
    if not _MATCHABLE.match(" ".join(value.split())):
        raise PydanticCustomError(
            "unmatchable_word",
            'The site cannot find "{value}" in pages. Use only letters, digits, spaces and dashes.',
            {"value": value},
        )
    return " ".join(value.split())


EasyText = Annotated[Text, AfterValidator(_easy_read)]
GlossaryWord = Annotated[Text, AfterValidator(_matchable)]


class Term(Record):
    id: Id
    term: GlossaryWord
    meaning: EasyText
    example: EasyText | None = None
    # Plurals ending in -s/-es/-ies are found without listing them here.
    other_forms: list[GlossaryWord] = []
    related: list[Id] = []
    # Words with a capital after the first letter ("NHS", "Development Group") only match as written.
    # Set this for a word that is also an everyday word in small letters ("Trust").
    match_case: bool = False
    # For words that are also units: "45 minutes" is a time, not meeting notes.
    not_after_number: bool = False
    # Phrases where the word means something else and must not be linked: "rows of chairs".
    not_in: list[GlossaryWord] = []


class GlossaryFile(Record):
    terms: list[Term]
