"""iCalendar files for the forums: 1 with every forum, and 1 for each forum (the format itself is in ical.py).

Events carry the time zone (TZID plus a VTIMEZONE block), so phones show 10:30am in both summer
(BST) and winter (GMT). UIDs come from the forum and the round, not the date, so when a forum
moves the phone replaces the old event instead of showing both.
"""
from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from generator.compute import Computed, computed_for
from generator.compute.schedule import Occurrence
from generator.models.common import format_time
from generator.models.forums import Forum
from generator.models.site import SiteData
from generator.outputs.ical import document, is_utc, moment, text, vtimezone


def calendar_path(forum_id: str | None = None) -> str:
    """Where a calendar file goes in the site: `calendars/forums.ics` for all, or `calendars/<forum>.ics`."""
    return f"calendars/{forum_id or 'forums'}.ics"


def _place(forum: Forum, occurrence: Occurrence) -> str:
    if occurrence.mode == "online":
        return f"Online on {forum.online.platform}"
    assert forum.venue is not None  # a reference check makes sure forums that meet in person have a venue
    return f"{forum.venue.name}, {forum.venue.address}, {forum.venue.postcode}"


def _description(forum: Forum, occurrence: Occurrence) -> str:
    lines = []
    if occurrence.status == "cancelled":
        lines.append(f"This forum is cancelled. {occurrence.reason}")
    elif occurrence.status == "moved":
        lines.append(f"This forum has changed. {occurrence.reason}")
    if occurrence.mode == "online":
        lines.append(f"This forum is online, on {forum.online.platform}. {forum.online.how_to_join}")
    else:
        assert forum.venue is not None
        lines.append(f"This forum is in person at {_place(forum, occurrence)}.")
        lines.append(f"Getting there: {forum.venue.travel}")
        if forum.venue.access_notes:
            lines.append(forum.venue.access_notes)
    lines.append(f"It starts at {format_time(occurrence.start.timetz())} and ends at {format_time(occurrence.end.timetz())}.")
    return "\n".join(lines)


def forum_event(forum: Forum, occurrence: Occurrence, stamp: datetime, domain: str) -> list[str]:
    mode = "online" if occurrence.mode == "online" else "in person"
    prefix = "Cancelled: " if occurrence.status == "cancelled" else ""
    # In the order the icalendar library writes them: its usual order first, then the rest by name.
    return [
        "BEGIN:VEVENT",
        f"SUMMARY:{text(f'{prefix}{forum.name} ({mode})')}",
        moment("DTSTART", occurrence.start),
        moment("DTEND", occurrence.end),
        moment("DTSTAMP", stamp),
        f"UID:{text(occurrence.uid(domain))}",
        # A change raises the sequence, so calendar apps take the new version over the one they hold.
        f"SEQUENCE:{0 if occurrence.status == 'scheduled' else 1}",
        f"CATEGORIES:{text('Community forum')},{text(mode)}",
        f"DESCRIPTION:{text(_description(forum, occurrence))}",
        f"LOCATION:{text(_place(forum, occurrence))}",
        f"STATUS:{'CANCELLED' if occurrence.status == 'cancelled' else 'CONFIRMED'}",
        "END:VEVENT",
    ]


def forum_calendar(data: SiteData, occurrences: list[Occurrence], today: date, name: str) -> str:
    forums = {forum.id: forum for forum in data.forums}
    # DTSTAMP from the build date, not the clock, so the same data and date give the same file.
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{text(f'-//{data.settings.title}//Forum calendar//EN')}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(name)}",
        f"X-WR-TIMEZONE:{text(data.schedule.timezone)}",
    ]
    zone = ZoneInfo(data.schedule.timezone)
    if occurrences and not is_utc(zone):
        # The time zone rules only for the years the events span keep the file small.
        first, last = date(occurrences[0].start.year, 1, 1), date(occurrences[-1].start.year + 1, 12, 31)
        lines += vtimezone(data.schedule.timezone, first, last)
    for occurrence in occurrences:
        lines += forum_event(forums[occurrence.forum], occurrence, stamp, data.settings.uid_domain)
    return document([*lines, "END:VCALENDAR"])


def calendar_documents(data: SiteData, today: date, computed: Computed | None = None) -> dict[str, str]:
    """`calendars/<name>.ics` → its text, for every forum together and for each forum alone."""
    occurrences = computed_for(data, today, computed).occurrences
    documents = {calendar_path(): forum_calendar(data, occurrences, today, data.settings.calendar_name)}
    by_forum: dict[str, list[Occurrence]] = {forum.id: [] for forum in data.forums}
    for occurrence in occurrences:
        by_forum.setdefault(occurrence.forum, []).append(occurrence)
    for forum in data.forums:
        documents[calendar_path(forum.id)] = forum_calendar(data, by_forum[forum.id], today, forum.name)
    return documents
