"""Toolkits: one file each in `data/toolkits/`."""
from __future__ import annotations

from typing import Literal

from .common import Id, Record, Text


class Step(Record):
    title: Text
    tip: Text


class StepsSection(Record):
    kind: Literal["steps"]
    heading: Text
    steps: list[Step]


# When there is more than one kind of section this becomes a union with `Field(discriminator="kind")`.
Section = StepsSection


class Toolkit(Record):
    id: Id
    number: int
    title: Text
    summary: Text
    who_it_is_for: Text
    source: Text
    sections: list[Section]
