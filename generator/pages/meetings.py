"""Pages for the groups that meet in public and their meetings."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from ..render import render
from . import Page

if TYPE_CHECKING:
    from ..load import SiteData
    from ..models.meetings import Person


def shown_name(person: Person) -> str:
    """A person's name only if they said yes to it being public; otherwise their role."""
    return f"{person.name}, {person.role}" if person.show_name else person.role


def pages(data: SiteData, today: date) -> Iterator[Page]:
    people = {p.id: p for p in data.people}
    bodies = {b.id: b for b in data.bodies}
    meetings = sorted(data.meetings, key=lambda m: m.date, reverse=True)
    yield Page("meetings/index.md", render("meetings/index.md.j2", bodies=data.bodies, meetings=meetings, today=today))
    for meeting in meetings:
        yield Page(
            f"meetings/{meeting.id}.md",
            render(
                "meetings/meeting.md.j2",
                meeting=meeting,
                body=bodies[meeting.body],
                chair=shown_name(people[meeting.chair]),
                attended=[shown_name(people[p]) for p in meeting.attended],
                apologies=[shown_name(people[p]) for p in meeting.apologies],
            ),
        )
