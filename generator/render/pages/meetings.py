"""Pages for the groups that meet in public: each group, each meeting, and one list of actions."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from generator.compute import Computed, computed_for
from generator.compute.meetings import ActionView, MeetingView, all_actions, shown_name
from generator.models.site import SiteData
from generator.outputs.feeds import FEED_PATH
from generator.render.jinja import render
from generator.render.page import Page
from generator.render.pages.forums import SCHEMA, json_ld_script

__all__ = ["pages", "shown_name"]

# Where the Atom feed of minutes, agendas and newsletters is written (see generator/feeds.py).


def cap(text: str) -> str:
    """Capital first letter only: "the NHS Trust" → "The NHS Trust" (str.capitalize would give "The nhs trust")."""
    return text[:1].upper() + text[1:]


def meeting_json_ld(view: MeetingView, organisation: str, zone: ZoneInfo) -> dict[str, Any]:
    """schema.org Event for one group meeting: when, where or online, and that it goes ahead as planned."""
    m = view.meeting
    event: dict[str, Any] = {
        "@type": "Event",
        "name": f"{view.body.name}: {m.date:%A} {m.date.day} {m.date:%B %Y}",
        "startDate": datetime.combine(m.date, m.start, zone).isoformat(),
        "endDate": datetime.combine(m.date, m.end, zone).isoformat(),
        # Meetings have no cancelled or moved state in the data: a meeting file is a meeting that takes place.
        "eventStatus": SCHEMA + "EventScheduled",
        "isAccessibleForFree": True,
        "organizer": {"@type": "Organization", "name": organisation},
    }
    if m.mode == "online":
        event["eventAttendanceMode"] = SCHEMA + "OnlineEventAttendanceMode"
        event["location"] = {"@type": "VirtualLocation", "name": m.place}
    else:
        event["eventAttendanceMode"] = SCHEMA + "OfflineEventAttendanceMode"
        event["location"] = {"@type": "Place", "name": m.place}
    return event


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    done = computed_for(data, today, computed)
    views = done.meetings
    directory = done.directory
    coming = sorted((v for v in views if not v.held), key=lambda v: v.meeting.date)
    # Meetings of past years go on a page per year, so the lists do not grow without end.
    held_before: dict[int, list[MeetingView]] = {}
    for view in sorted((v for v in views if v.held and v.meeting.date.year < today.year), key=lambda v: v.meeting.date):
        held_before.setdefault(view.meeting.date.year, []).append(view)
    years = sorted(held_before, reverse=True)
    yield Page(
        "meetings/index.md",
        render(
            "meetings/index.md.j2", bodies=data.bodies, views=views, coming=coming, feed=FEED_PATH, today=today,
            past_years=years,
        ),
    )
    for year, held in held_before.items():
        yield Page(f"meetings/years/{year}.md", render("meetings/year.md.j2", year=year, views=held))
    for body in data.bodies:
        yield Page(
            f"meetings/{body.id}.md",
            render(
                "meetings/body.md.j2", body=body, seats=directory.seats(body),
                views=[v for v in views if v.body.id == body.id], feed=FEED_PATH, cap=cap, today=today,
                past_years=[y for y in years if any(v.body.id == body.id for v in held_before[y])],
            ),
        )
    zone = ZoneInfo(data.schedule.timezone)
    for view in views:
        # Trusted HTML, made by json_ld_script (which escapes "</"): marked so, for when autoescape is on.
        json_ld = Markup(json_ld_script([meeting_json_ld(view, data.settings.organisation, zone)]))
        yield Page(f"meetings/{view.meeting.id}.md", render(
            "meetings/meeting.md.j2", view=view, feed=FEED_PATH, today=today, cap=cap, json_ld=json_ld,
        ))
    actions = all_actions(views)
    done_before: dict[int, list[ActionView]] = {}
    for action in actions:
        finished = action.done_on or action.due
        if action.status == "done" and finished.year < today.year:
            done_before.setdefault(finished.year, []).append(action)
    yield Page("meetings/actions.md", render(
        "meetings/actions.md.j2", actions=[a for a in actions if all(a not in d for d in done_before.values())],
        today=today, past_years=sorted(done_before, reverse=True),
    ))
    for year, finished_actions in done_before.items():
        yield Page(f"meetings/actions/{year}.md", render("meetings/actions-year.md.j2", year=year, actions=finished_actions))
