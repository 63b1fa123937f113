"""Glossary words and their easy-read meanings: `data/glossary.yml`."""
from __future__ import annotations

from .common import Id, Record, Text


class Term(Record):
    id: Id
    term: Text
    meaning: Text
    example: Text | None = None
    other_forms: list[Text] = []
    related: list[Id] = []


class GlossaryFile(Record):
    terms: list[Term]
