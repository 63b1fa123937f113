"""Areas and their community forums: `data/areas.yml` and `data/forums.yml`."""
from __future__ import annotations

from .common import Id, Record, Text


class Area(Record):
    id: Id
    name: Text
    other_names: list[Text] = []


class AreasFile(Record):
    areas: list[Area]


class OnlineJoining(Record):
    platform: Text
    how_to_join: Text


class Forum(Record):
    id: Id
    name: Text
    area: Id | None
    summary: Text
    online: OnlineJoining


class ForumsFile(Record):
    forums: list[Forum]
