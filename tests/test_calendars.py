"""The iCalendar files: valid, 24 events a year, right times in summer and winter, stable UIDs, changes marked."""
from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import copy_project
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from generator.models.site import SiteData
from generator.outputs.calendars import calendar_documents
from generator.pipeline import load_site_data

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    root = copy_project(tmp_path_factory.mktemp("calendars") / "project")
    return load_site_data(root / "data", root)


@pytest.fixture(scope="module")
def files(data: SiteData) -> dict[str, str]:
    return calendar_documents(data, TODAY)


def events(text: str) -> list:
    return list(Calendar.from_ical(text).walk("VEVENT"))


def test_one_calendar_for_all_and_one_for_each_forum(data: SiteData, files: dict[str, str]) -> None:
    assert set(files) == {"calendars/forums.ics"} | {f"calendars/{f.id}.ics" for f in data.forums}
    for name, text in files.items():
        cal = Calendar.from_ical(text)
        assert cal["VERSION"] == "2.0" and cal["PRODID"]
        assert not cal.get_missing_tzids(), name
        assert all(line.endswith("\r") or not line for line in text.split("\n")), "lines must end in CRLF"


def test_each_year_of_the_calendar_has_24_forum_events(files: dict[str, str]) -> None:
    years = Counter(event.start.year for event in events(files["calendars/forums.ics"]))
    assert years == {2026: 24, 2027: 24}
    per_forum = events(files["calendars/east-surrey.ics"])
    assert len(per_forum) == 8
    assert {str(e["UID"]) for e in per_forum} == {f"east-surrey-round-{n}@coproduction-surrey.example.org" for n in range(1, 9)}


def test_uids_are_unique_and_stable(data: SiteData, files: dict[str, str]) -> None:
    uids = [str(e["UID"]) for e in events(files["calendars/forums.ics"])]
    assert len(uids) == len(set(uids)) == 48
    # A later build date adds rounds but keeps every UID it had for the same meeting.
    later = [str(e["UID"]) for e in events(calendar_documents(data, date(2027, 2, 1))["calendars/forums.ics"])]
    assert set(uids) <= set(later)


def test_times_are_local_with_bst_and_gmt(files: dict[str, str]) -> None:
    text = files["calendars/east-surrey.ics"]
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/London" in text
    assert "DTSTART;TZID=Europe/London:20260106T103000" in text
    by_uid = {str(e["UID"]): e for e in events(text)}
    winter = by_uid["east-surrey-round-1@coproduction-surrey.example.org"].start
    summer = by_uid["east-surrey-round-3@coproduction-surrey.example.org"].start
    assert winter.astimezone(UTC) == datetime(2026, 1, 6, 10, 30, tzinfo=UTC)
    assert summer.astimezone(UTC) == datetime(2026, 7, 7, 9, 30, tzinfo=UTC)


def test_each_event_says_the_mode_and_the_place_or_how_to_join(files: dict[str, str]) -> None:
    by_uid = {str(e["UID"]): e for e in events(files["calendars/forums.ics"])}
    online = by_uid["east-surrey-round-1@coproduction-surrey.example.org"]
    assert str(online["SUMMARY"]) == "East Surrey forum (online)"
    assert str(online["LOCATION"]) == "Online on Microsoft Teams"
    assert "We email you a link the day before." in str(online["DESCRIPTION"])
    in_person = by_uid["east-surrey-round-2@coproduction-surrey.example.org"]
    assert str(in_person["SUMMARY"]) == "East Surrey forum (in person)"
    assert str(in_person["LOCATION"]) == "Redhill Community Centre, 12 Station Road, Redhill, RH1 0XX"
    assert "Redhill train station" in str(in_person["DESCRIPTION"])
    assert (in_person.end - in_person.start).total_seconds() == 120 * 60


def test_cancelled_and_moved_events(files: dict[str, str]) -> None:
    by_uid = {str(e["UID"]): e for e in events(files["calendars/forums.ics"])}
    cancelled = by_uid["surrey-downs-round-4@coproduction-surrey.example.org"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]).startswith("Cancelled: ")
    assert "The hall was closed for repairs." in str(cancelled["DESCRIPTION"])
    moved = by_uid["east-surrey-round-5@coproduction-surrey.example.org"]
    assert str(moved["STATUS"]) == "CONFIRMED"
    assert moved.start.date() == date(2027, 1, 12)
    assert int(moved["SEQUENCE"]) == 1  # higher than the unchanged event's 0, so apps take the update
    assert "too soon after New Year" in str(moved["DESCRIPTION"])
    switched = by_uid["northwest-surrey-round-6@coproduction-surrey.example.org"]
    assert str(switched["SUMMARY"]) == "Northwest Surrey forum (in person)"


def test_same_data_and_date_give_the_same_files(data: SiteData, files: dict[str, str]) -> None:
    assert calendar_documents(data, TODAY) == files


def test_render_command_writes_the_calendars_too(project: Path) -> None:
    from conftest import run_generator

    result = run_generator(project, "render", "--out", str(project / "out"), "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    written = (project / "out/calendars/forums.ics").read_bytes()
    assert written.startswith(b"BEGIN:VCALENDAR\r\n")
    assert len(list(Calendar.from_ical(written).walk("VEVENT"))) == 48


def _with_icalendar(data: SiteData, occurrences: list, today: date, name: str) -> str:
    """The calendar as the `icalendar` library writes it: what calendars.py wrote before it wrote the text itself."""
    from icalendar import Event

    from generator.outputs.calendars import _description, _place

    forums = {forum.id: forum for forum in data.forums}
    cal = Calendar()
    for key, value in [("prodid", f"-//{data.settings.title}//Forum calendar//EN"), ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("method", "PUBLISH"), ("x-wr-calname", name), ("x-wr-timezone", data.schedule.timezone)]:
        cal.add(key, value)
    for occurrence in occurrences:
        forum, mode = forums[occurrence.forum], "online" if occurrence.mode == "online" else "in person"
        event = Event()
        event.add("uid", occurrence.uid(data.settings.uid_domain))
        event.add("dtstamp", datetime.combine(today, datetime.min.time(), tzinfo=UTC))
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.end)
        event.add("summary", f"{'Cancelled: ' if occurrence.status == 'cancelled' else ''}{forum.name} ({mode})")
        event.add("location", _place(forum, occurrence))
        event.add("description", _description(forum, occurrence))
        event.add("status", "CANCELLED" if occurrence.status == "cancelled" else "CONFIRMED")
        event.add("sequence", 0 if occurrence.status == "scheduled" else 1)
        event.add("categories", ["Community forum", mode])
        cal.add_component(event)
    if occurrences:
        cal.add_missing_timezones(first_date=date(occurrences[0].start.year, 1, 1),
                                  last_date=date(occurrences[-1].start.year + 1, 12, 31))
    return str(cal.to_ical().decode("utf-8"))


@pytest.mark.parametrize("zone", [
    "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/Dublin", "Pacific/Chatham",
    "America/Sao_Paulo", "UTC",
])
def test_calendars_are_written_as_the_icalendar_library_writes_them(data: SiteData, zone: str) -> None:
    """Byte for byte, in any time zone: its changes (half-hour ones, winter "summer time"), folding, escaping."""
    from generator.compute import computed_for

    schedule = data.schedule.model_copy(update={"timezone": zone})
    zoned = dataclasses.replace(data, schedule=schedule)
    occurrences = computed_for(zoned, TODAY, None).occurrences
    assert calendar_documents(zoned, TODAY)["calendars/forums.ics"] == _with_icalendar(
        zoned, occurrences, TODAY, zoned.settings.calendar_name)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_text_is_escaped_and_folded_as_icalendar_does(value: str) -> None:
    from icalendar.parser import Contentline
    from icalendar.prop import vText

    from generator.outputs.ical import document, text

    assert document([f"DESCRIPTION:{text(value)}"]) == Contentline(f"DESCRIPTION:{vText(value).to_ical().decode()}").to_ical().decode() + "\r\n"
