"""Toolkits: one file each in `data/toolkits/`.

A toolkit is made of sections. Each section has a `kind` that says how it is laid out, so the
shape of the data follows the shape of the source: a checklist, numbered steps, "I…" or "we…"
statements, social media features, a self-assessment matrix people score, or a workshop plan.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from generator.models.common import Id, MarkdownText, Name, Record, Text

SCORES = (0, 1, 2, 3)


class ChecklistSection(Record):
    """Things to check or do, in no set order."""

    kind: Literal["checklist"]
    heading: Text
    intro: MarkdownText | None = None
    items: list[Text] = Field(min_length=1)


class Step(Record):
    title: Name
    tip: Text


class StepsSection(Record):
    """Numbered steps, done in order. Each has a short title and a tip."""

    kind: Literal["steps"]
    heading: Text
    intro: MarkdownText | None = None
    steps: list[Step] = Field(min_length=1)


class StatementsSection(Record):
    """What people say they need, all in one voice: "I …" (a carer) or "we …" (young carers)."""

    kind: Literal["statements"]
    heading: Text
    intro: MarkdownText | None = None
    voice: Literal["I", "we"]
    statements: list[Text] = Field(min_length=1)


class Feature(Record):
    name: Name
    platforms: list[Text] = Field(min_length=1)
    what_it_is: Text
    example: Text


class FeaturesSection(Record):
    """Features of a tool, such as social media: name, where to find it, what it does, an example."""

    kind: Literal["features"]
    heading: Text
    intro: MarkdownText | None = None
    features: list[Feature] = Field(min_length=1)


class Level(Record):
    score: int
    meaning: Text


class MatrixQuestion(Record):
    title: Name
    levels: list[Level]
    # Each row is a whole question, so it makes sense on its own to someone using a screen reader.
    rows: list[Text] = Field(min_length=1)

    @field_validator("levels")
    @classmethod
    def _one_level_per_score(cls, levels: list[Level]) -> list[Level]:
        found = tuple(level.score for level in levels)
        if found != SCORES:
            raise PydanticCustomError(
                "matrix_levels",
                "Give 4 levels, with score 0, 1, 2 and 3 in that order. You gave scores: {found}.",
                {"found": ", ".join(str(s) for s in found) or "none"},
            )
        return levels


class MatrixSection(Record):
    """A self-assessment form: score each row 0 to 3, then take the average for each question."""

    kind: Literal["matrix"]
    heading: Text
    intro: MarkdownText | None = None
    questions: list[MatrixQuestion] = Field(min_length=1)
    closing_prompts: list[Text] = []

    @property
    def row_count(self) -> int:
        return sum(len(q.rows) for q in self.questions)


class WorkshopStep(Record):
    title: Name
    what_to_do: list[Text] = Field(min_length=1)
    examples: list[Text] = []


class Resources(Record):
    each_person: list[Text] = Field(min_length=1)
    other: list[Text] = []


class WorkshopSection(Record):
    """A plan for a session: its aims, what to bring, and the steps in order."""

    kind: Literal["workshop"]
    heading: Text
    intro: MarkdownText | None = None
    aims: list[Text] = Field(min_length=1)
    resources: Resources
    steps: list[WorkshopStep] = Field(min_length=1)


Section = Annotated[
    ChecklistSection | StepsSection | StatementsSection | FeaturesSection | MatrixSection | WorkshopSection,
    Field(discriminator="kind"),
]


class Toolkit(Record):
    id: Id
    number: int = Field(ge=1)
    title: Name
    summary: Text
    who_it_is_for: Text
    # Where the toolkit comes from: the source's own title and place.
    source: Text
    # For toolkits the source names but never wrote: the facts we wrote it from, one per line.
    written_from: list[Text] = []
    sections: list[Section] = Field(min_length=1)

    def sections_of(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]
