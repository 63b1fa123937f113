"""People, groups that meet in public, and their meetings.

`data/people.yml`, `data/bodies.yml` and one file per meeting in `data/meetings/`.
"""
from __future__ import annotations

from typing import Literal

from .common import ClockTime, Id, IsoDate, Record, Text


class Person(Record):
    id: Id
    name: Text
    role: Text
    show_name: bool = False


class PeopleFile(Record):
    people: list[Person]


class Body(Record):
    id: Id
    name: Text
    summary: Text
    meets: Text


class BodiesFile(Record):
    bodies: list[Body]


class MeetingSummary(Record):
    talked_about: list[Text]
    decided: list[Text]
    next_steps: list[Text]


class MinuteItem(Record):
    title: Text
    notes: Text


class Meeting(Record):
    id: Id
    body: Id
    date: IsoDate
    start: ClockTime
    end: ClockTime
    mode: Literal["online", "in-person"]
    place: Text
    chair: Id
    attended: list[Id]
    apologies: list[Id] = []
    summary: MeetingSummary
    minutes: list[MinuteItem]
