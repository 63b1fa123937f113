"""Pages about the community forums: the index, 1 page per forum, the schedule and the calendar help page."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from itertools import groupby
from typing import Any

from markupsafe import Markup

from generator.compute import Computed, computed_for
from generator.compute.forums import running_order
from generator.compute.say import coming_links
from generator.compute.schedule import Occurrence, Round
from generator.models.common import format_date
from generator.models.forums import Forum
from generator.models.site import SiteData
from generator.outputs.calendars import calendar_path
from generator.render.jinja import render
from generator.render.page import Page

SCHEMA = "https://schema.org/"


def event_status(occurrence: Occurrence) -> str:
    if occurrence.status == "cancelled":
        return SCHEMA + "EventCancelled"
    if occurrence.moved_date:
        return SCHEMA + "EventRescheduled"
    if occurrence.status == "moved" and occurrence.mode == "online":
        return SCHEMA + "EventMovedOnline"
    return SCHEMA + "EventScheduled"


def event_json_ld(forum: Forum, occurrence: Occurrence, organisation: str, region: str) -> dict[str, Any]:
    """schema.org Event for one meeting, so search engines and apps can read when and where it is."""
    event: dict[str, Any] = {
        "@type": "Event",
        "name": forum.name,
        "description": forum.summary,
        "startDate": occurrence.start.isoformat(),
        "endDate": occurrence.end.isoformat(),
        "eventStatus": event_status(occurrence),
        "isAccessibleForFree": True,
        "organizer": {"@type": "Organization", "name": organisation},
    }
    if occurrence.moved_date and occurrence.planned_start is not None:
        event["previousStartDate"] = occurrence.planned_start.isoformat()
    if occurrence.mode == "online":
        event["eventAttendanceMode"] = SCHEMA + "OnlineEventAttendanceMode"
        event["location"] = {"@type": "VirtualLocation", "name": forum.online.platform, "description": forum.online.how_to_join}
    else:
        assert forum.venue is not None
        event["eventAttendanceMode"] = SCHEMA + "OfflineEventAttendanceMode"
        event["location"] = {
            "@type": "Place",
            "name": forum.venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": forum.venue.address,
                "postalCode": forum.venue.postcode,
                "addressRegion": region,
                "addressCountry": "GB",
            },
        }
    if occurrence.reason:
        event["description"] += f" {occurrence.reason}"
    return event


def json_ld_script(events: list[dict[str, Any]]) -> Markup:
    """A <script type="application/ld+json"> block.

    `<`, `>` and `&` inside values are written as JSON escapes, so no value can end the script, open a
    comment (`<!--`) or look like markup; the JSON means the same. Marked as Markup: it is HTML we made.
    """
    document = {"@context": "https://schema.org", "@graph": events}
    text = json.dumps(document, ensure_ascii=False, indent=2)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return Markup(f'<script type="application/ld+json">\n{text}\n</script>')


@dataclass(frozen=True)
class YearTable:
    year: int
    occurrences: list[Occurrence]


def year_tables(occurrences: list[Occurrence]) -> list[YearTable]:
    return [YearTable(year, list(items)) for year, items in groupby(occurrences, key=lambda o: o.start.year)]


def list_in_words(items: list[str]) -> str:
    """["A", "B", "C"] → "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def online_areas_by_round(data: SiteData, occurrences: list[Occurrence], rounds: list[Round]) -> dict[int, list[str]]:
    """Per round, the areas whose forum meets online, read from the same occurrences as the tables
    (changes in data/schedule.yml included), so the list and the tables can never disagree."""
    area_of = {f.id: f.area for f in data.forums if f.id not in data.schedule.always_online and f.area}
    found: dict[int, set[str]] = {}
    for o in occurrences:
        if o.forum in area_of and o.mode == "online" and o.status != "cancelled":
            found.setdefault(o.round, set()).add(area_of[o.forum])
    # The rotation's own order first (it carries on round the list), then any forum moved online.
    planned = {r.number: r.online_areas for r in rounds}
    order = [a.id for a in data.areas]
    return {
        number: [a for a in planned.get(number, []) if a in areas] + [a for a in order if a in areas and a not in planned.get(number, [])]
        for number, areas in found.items()
    }


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    done = computed_for(data, today, computed)
    occurrences = done.occurrences
    views = done.forums
    rounds = done.rounds
    upcoming_rounds: list[Round] = done.upcoming_rounds
    names = {forum.id: forum.name for forum in data.forums}
    area_names = {area.id: area.name for area in data.areas}
    formats = data.schedule.formats
    # The running order is shown for the start time of the first forum in data/forums.yml.
    first_start = data.forums[0].when.start if data.forums else time(10, 30)
    example_start = datetime.combine(date(2026, 1, 1), first_start)
    group = next((b for b in data.bodies if b.id == data.schedule.group), None)
    common = {
        "settings": data.settings, "today": today, "names": names, "calendar_path": calendar_path,
        "cycle": data.schedule, "group": group, "travel": data.travel,
    }

    yield Page("forums/index.md", render(
        "forums/index.md.j2", views=views, areas={a.id: a for a in data.areas},
        online_order=running_order(formats.online, example_start),
        in_person_order=running_order(formats.in_person, example_start),
        online_per_round=data.schedule.online_per_round, area_count=len(data.areas),
        always_online=data.schedule.always_online, example_start=example_start,
        what_happens=data.schedule.about_forums, after_forum=data.schedule.after_forums, **common,
    ))
    tables = year_tables(occurrences)
    # Long histories go on a page per year, so no page grows without end (and its reading ease stays put).
    past_years = [t for t in tables if t.year < today.year]
    for view in views:
        events = [event_json_ld(view.forum, o, data.settings.organisation, data.settings.region) for o in view.upcoming]
        this_year = replace(view, past=[o for o in view.past if o.start.year == today.year])
        years = sorted({o.start.year for o in view.past if o.start.year < today.year}, reverse=True)
        yield Page(f"forums/{view.forum.id}.md", render(
            "forums/forum.md.j2", view=this_year, view_years=years,
            json_ld=json_ld_script(events) if events else "", say=data.say,
            # "Tell us you are coming", when the programme has a Have your say file to word it.
            coming=next((
                coming_links(data, view.forum.name, format_date(o.start.date())) for o in view.upcoming if o.mode == "online"
            ), None) if data.say else None, **common,
        ))
    for table in past_years:
        yield Page(f"forums/years/{table.year}.md", render("forums/year.md.j2", table=table, **common))
    yield Page("forums/schedule.md", render(
        "forums/schedule.md.j2", tables=[t for t in tables if t.year >= today.year], rounds=upcoming_rounds,
        past_years=[t.year for t in reversed(past_years)],
        past_rounds=[r for r in rounds if r.number < upcoming_rounds[0].number][-4:],
        always_online=list_in_words([names[f] for f in data.schedule.always_online]),
        online_per_round=data.schedule.online_per_round, online_areas=online_areas_by_round(data, occurrences, upcoming_rounds),
        area_names=lambda ids: list_in_words([area_names[i] for i in ids]), **common,
    ))
    yield Page("forums/calendars.md", render("forums/calendars.md.j2", views=views, **common))
