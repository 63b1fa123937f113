"""The built example site: forum pages, the schedule table, calendar files and open data end up in site/."""
from __future__ import annotations

import json
import re
from pathlib import Path

from icalendar import Calendar


def test_calendar_files_are_in_the_site(built_site: Path) -> None:
    names = sorted(p.name for p in (built_site / "calendars").glob("*.ics"))
    assert "forums.ics" in names and "surrey-wide-evening.ics" in names and len(names) == 7
    cal = Calendar.from_ical((built_site / "calendars/forums.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == 48


def test_forum_pages_link_to_their_calendars_and_carry_json_ld(built_site: Path) -> None:
    html = (built_site / "forums/east-surrey/index.html").read_text(encoding="utf-8")
    assert 'href="../../calendars/east-surrey.ics"' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert match
    events = json.loads(match.group(1))["@graph"]
    assert events[0]["eventStatus"] == "https://schema.org/EventRescheduled"


def test_schedule_tables_have_captions_and_header_scopes(built_site: Path) -> None:
    html = (built_site / "forums/schedule/index.html").read_text(encoding="utf-8")
    assert re.findall(r"<table>\s*<caption>([^<]+)</caption>", html) == [
        "What happens in each of the next 4 rounds", "All forums in 2026, by date", "All forums in 2027, by date",
    ]
    # The theme writes each column's heading onto its cells (data-label), for small screens.
    assert re.search(r"<td( data-label=\"[^\"]*\")?>Guildford &amp; Waverley forum</td>", html)


def test_home_page_shows_the_next_forum_of_each_area(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    items = [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", html, re.DOTALL)]
    assert "East Surrey forum: Tuesday 12 January 2027, 10:30am, in person." in items
    assert "Surrey-wide evening forum: Thursday 14 January 2027, 6:30pm, online." in items


def test_forums_json_is_in_the_site(built_site: Path) -> None:
    document = json.loads((built_site / "api/forums.json").read_text(encoding="utf-8"))
    assert len(document["occurrences"]) == 48
    assert document["occurrences"][0]["start"] == "2026-01-06T10:30:00+00:00"
