"""What people said at the forums, and what the Trust did about it: `data/feedback.yml`."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Id, IsoDate, Name, Record, Text

# What the Trust's answer amounts to. "doing" is "we said, we are doing": work has started.
ResponseStatus = Literal["answered", "doing", "done", "cannot"]


class Theme(Record):
    id: Id
    name: Name


class Response(Record):
    date: IsoDate
    text: Text
    status: ResponseStatus


class FeedbackItem(Record):
    id: Id
    forum: Id
    # The round of forums that raised it, counted from round 1 of the cycle.
    round: int = Field(ge=1)
    raised: IsoDate
    theme: Id
    said: Text
    votes: int = Field(default=0, ge=0)
    response: Response | None = None


class FeedbackFile(Record):
    # How many days the Trust has agreed to take to answer each point.
    response_days: int = Field(ge=1)
    themes: list[Theme] = Field(min_length=1)
    items: list[FeedbackItem] = []
