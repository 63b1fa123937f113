"""Each forum with its meetings split by the build date, and running orders with clock times."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from generator.compute.schedule import Occurrence, next_occurrence
from generator.models.forums import Area, FormatPart, Forum
from generator.models.site import SiteData


@dataclass(frozen=True)
class Slot:
    """One part of a running order, with its clock times for an example start."""

    part: FormatPart
    start: datetime
    end: datetime


def running_order(parts: list[FormatPart], start: datetime) -> list[Slot]:
    slots = []
    for part in parts:
        end = start + timedelta(minutes=part.minutes)
        slots.append(Slot(part, start, end))
        start = end
    return slots


@dataclass(frozen=True)
class ForumView:
    """A forum with what its pages need: its area and its meetings, split by the build date."""

    forum: Forum
    area: Area | None
    upcoming: list[Occurrence]
    past: list[Occurrence]
    next: Occurrence | None


def forum_views(data: SiteData, today: date, occurrences: list[Occurrence]) -> list[ForumView]:
    areas = {area.id: area for area in data.areas}
    views = []
    for forum in data.forums:
        mine = [o for o in occurrences if o.forum == forum.id]
        views.append(ForumView(
            forum=forum,
            area=areas.get(forum.area) if forum.area else None,
            upcoming=[o for o in mine if o.start.date() >= today],
            past=[o for o in mine if o.start.date() < today][::-1],
            next=next_occurrence(mine, forum.id, today),
        ))
    return views
