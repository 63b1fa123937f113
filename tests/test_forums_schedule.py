"""Forum meetings from the example data: 24 a year, right across the clock changes, with changes shown everywhere."""
from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import copy_project

from generator.compute import compute
from generator.compute.schedule import forum_occurrences, make_round, rotation_of, site_occurrences
from generator.models.site import SiteData
from generator.outputs.api import forums_document
from generator.pipeline import load_site_data
from generator.render.blocks import forum_list
from generator.render.pages.forums import pages

TODAY = date(2026, 11, 22)



def set_changes(project: Path, changes: str) -> None:
    """Replace the example changes in schedule.yml with `changes` (YAML list items, or "[]")."""
    path = project / "data/schedule.yml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("\nchanges:")]
    path.write_text(head + "\nchanges:" + (" []\n" if changes == "[]" else "\n" + changes), encoding="utf-8")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    """The example data, loaded once for the tests that only read it."""
    root = copy_project(tmp_path_factory.mktemp("forums") / "project")
    return load_site_data(root / "data", root)


def test_example_settings_give_the_source_rotation(data: SiteData) -> None:
    rotation = rotation_of(data)
    assert rotation.areas == ("east-surrey", "northwest-surrey", "surrey-downs", "guildford-waverley", "farnham-northeast-hants")
    assert [make_round(rotation, 5).online_areas] == [["guildford-waverley", "farnham-northeast-hants"]]
    assert rotation.always_online == ("surrey-wide-evening",)


@pytest.mark.parametrize("year", [2026, 2027])
def test_24_forums_a_year_6_each_round(data: SiteData, year: int) -> None:
    found = forum_occurrences(data, date(year, 1, 1), date(year, 12, 31))
    assert len(found) == 24
    assert sorted(set(o.round for o in found)) == [r for r in range(1, 9) if (r - 1) // 4 == year - 2026]
    for number in {o.round for o in found}:
        in_round = [o for o in found if o.round == number]
        assert len({o.forum for o in in_round}) == 6
        planned = make_round(rotation_of(data), number)
        # Early in month 1: every forum in the round's first 2 weeks, unless the data moved it.
        for o in in_round:
            if o.status != "moved":
                assert o.start.date().replace(day=1) == planned.forums_month
                assert o.start.day <= 14


def test_evening_forum_is_always_online_and_areas_follow_the_rotation(data: SiteData) -> None:
    set_changes_free = [o for o in site_occurrences(data, TODAY) if o.status == "scheduled"]
    rotation = rotation_of(data)
    for o in set_changes_free:
        if o.forum == "surrey-wide-evening":
            assert o.mode == "online" and o.start.timetz().hour == 18
        else:
            expected = "online" if o.area in make_round(rotation, o.round).online_areas else "in-person"
            assert o.mode == expected


def test_local_time_stays_put_and_the_offset_follows_bst(data: SiteData) -> None:
    for o in forum_occurrences(data, date(2026, 1, 1), date(2027, 12, 31)):
        if o.forum != "east-surrey" or o.status != "scheduled":
            continue
        assert (o.start.hour, o.start.minute) == (10, 30)
        winter = o.start.month in (1, 2, 3, 11, 12)
        assert o.start.utcoffset() == timedelta(hours=0 if winter else 1)
        assert o.start.astimezone(UTC).hour == (10 if winter else 9)


def test_moves_across_both_clock_changes(project: Path) -> None:
    # Planned in April (BST), moved to before the clocks go forward; planned in October (BST), moved to after they go back.
    set_changes(project, (
        "  - forum: east-surrey\n    date: 2026-04-07\n    new_date: 2026-03-24\n    reason: Test.\n"
        "  - forum: northwest-surrey\n    date: 2026-10-07\n    new_date: 2026-10-28\n    new_start: \"6:00pm\"\n    reason: Test.\n"
    ))
    data = load_site_data(project / "data", project)
    found = {o.forum: o for o in forum_occurrences(data, date(2026, 3, 1), date(2026, 10, 31)) if o.status == "moved"}
    march, october = found["east-surrey"], found["northwest-surrey"]
    assert march.start.isoformat() == "2026-03-24T10:30:00+00:00"
    assert march.planned_start is not None and march.planned_start.isoformat() == "2026-04-07T10:30:00+01:00"
    assert october.start.isoformat() == "2026-10-28T18:00:00+00:00"
    assert october.start.astimezone(UTC) == datetime(2026, 10, 28, 18, 0, tzinfo=UTC)
    # The round stays the one it was planned in, so calendars update the same event.
    assert (march.round, october.round) == (2, 4)


def test_cancelled_and_moved_forums_in_the_example_data(data: SiteData) -> None:
    found = {(o.forum, o.round): o for o in site_occurrences(data, TODAY)}
    cancelled = found[("surrey-downs", 4)]
    assert (cancelled.status, cancelled.reason) == ("cancelled", "The hall was closed for repairs.")
    moved = found[("east-surrey", 5)]
    assert moved.status == "moved" and moved.start.date() == date(2027, 1, 12)
    assert moved.planned_start is not None and moved.planned_start.date() == date(2027, 1, 5)
    switched = found[("northwest-surrey", 6)]
    assert (switched.status, switched.mode, switched.planned_mode) == ("moved", "in-person", "online")
    assert switched.end - switched.start == timedelta(minutes=120)  # the in-person running order is longer


def test_site_shows_past_rounds_and_the_next_4(data: SiteData) -> None:
    rounds = sorted({o.round for o in site_occurrences(data, TODAY)})
    assert rounds == list(range(1, 9))


def test_forums_json_has_every_meeting_in_date_order(data: SiteData) -> None:
    document = forums_document(data, TODAY)
    items = document["occurrences"]
    assert len(items) == 48
    starts = [datetime.fromisoformat(i["start"]) for i in items]
    assert starts == sorted(starts)
    required = {"forum", "name", "area", "round", "start", "end", "mode", "status"}
    assert all(required <= set(i) for i in items)
    evening = next(i for i in items if i["forum"] == "surrey-wide-evening")
    assert evening["area"] is None and evening["mode"] == "online"
    guildford = next(i for i in items if i["forum"] == "guildford-waverley")
    assert guildford["area"] == "Guildford & Waverley" and guildford["name"] == "Guildford & Waverley forum"
    first = items[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", first["start"])
    statuses = {(i["forum"], i["round"]): i["status"] for i in items}
    assert statuses[("surrey-downs", 4)] == "cancelled"
    assert statuses[("east-surrey", 5)] == "moved"
    assert statuses[("east-surrey", 4)] == "scheduled"
    assert {i["mode"] for i in items} == {"online", "in-person"}


def _page(data: SiteData, path: str) -> str:
    return next(p.markdown for p in pages(data, TODAY) if p.path == path)


def test_area_page_tells_a_newcomer_when_where_and_how(data: SiteData) -> None:
    text = _page(data, "forums/surrey-downs.md")
    next_part = text[text.index("## Your next forum"): text.index("## Dates coming up")]
    # Each line starts with a picture (the theme draws it beside the words), then the words.
    next_part = re.sub(r"^- :material-[a-z-]+: ", "- ", next_part, flags=re.MULTILINE)
    assert "- **Date:** Monday 11 January 2027" in next_part
    assert "- **Time:** 10:30am to 12:30pm" in next_part
    assert "- **Getting there:** Epsom train station is a 10 minute walk." in next_part
    assert "in person, at Epsom Community Hall, 8 Church Lane, Epsom, KT17 0XX" in next_part
    assert "## How to join online" in text and "Tell us you are coming." in text
    assert "- Hearing loop: no" in text and "portable loop" in text
    past = text[text.index("## Past forums"):]
    assert "**Cancelled:** Monday 12 October 2026. The hall was closed for repairs." in past


def test_moved_forum_shows_its_reason_and_old_date(data: SiteData) -> None:
    text = _page(data, "forums/east-surrey.md")
    assert ("Tuesday 12 January 2027, 10:30am to 12:30pm, in person. **Changed:** The first Tuesday is too soon "
            "after New Year. It was going to be on Tuesday 5 January 2027.") in text
    switched = _page(data, "forums/northwest-surrey.md")
    assert "It was going to be online." in switched


def _json_ld(markdown: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', markdown, re.DOTALL)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_json_ld_events_say_mode_place_and_status(data: SiteData) -> None:
    events = _json_ld(_page(data, "forums/east-surrey.md"))["@graph"]
    assert len(events) == 4
    moved = events[0]
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["previousStartDate"] == "2027-01-05T10:30:00+00:00"
    assert moved["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert moved["location"]["@type"] == "Place" and moved["location"]["address"]["postalCode"] == "RH1 0XX"
    online = events[1]
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"]["@type"] == "VirtualLocation"
    assert online["startDate"] == "2027-04-06T10:30:00+01:00"
    farnham = _json_ld(_page(data, "forums/farnham-northeast-hants.md"))["@graph"]
    assert [e["eventStatus"].rsplit("/", 1)[1] for e in farnham].count("EventCancelled") == 1


def test_schedule_page_is_an_accessible_table(data: SiteData) -> None:
    text = _page(data, "forums/schedule.md")
    assert "<caption>All forums in 2027, by date</caption>" in text
    assert text.count("<th scope=\"col\">") == 4 + 2 * 5
    assert text.count("<th scope=\"row\">") == 4 + 48
    assert "Cancelled. The hall was closed for repairs." in text
    rounds = text[text.index("## The next 4 rounds"): text.index("## Who meets online")]
    assert ('<th scope="row">Round 5</th>\n<td>Early January 2027</td>\n'
            "<td>End of February 2027</td>\n<td>March 2027</td>") in rounds
    online = text[text.index("## Who meets online"): text.index("## Forums in 2026")]
    assert "- Round 5: Guildford &amp; Waverley and Farnham and Northeast Hants." in online
    # Northwest Surrey was due online in round 6, but data/schedule.yml moves it in person: the list follows the table.
    assert "- Round 6: East Surrey." in online
    assert "The Surrey-wide evening forum is always online." in online
    assert rounds.count('<th scope="row">') == 4


def test_home_page_block_shows_the_next_forum_of_each_area(data: SiteData) -> None:
    text = forum_list(compute(data, TODAY), "")
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(lines) == 6
    assert "- [East Surrey forum](forums/east-surrey.md): Tuesday 12 January 2027, 10:30am, in person." in lines
    assert "- [Surrey-wide evening forum](forums/surrey-wide-evening.md): Thursday 14 January 2027, 6:30pm, online." in lines


def test_the_build_date_splits_upcoming_from_past(data: SiteData) -> None:
    earlier = forum_list(compute(data, date(2026, 10, 1)), "")
    assert "Surrey Downs forum](forums/surrey-downs.md): Thursday" not in earlier
    assert "[East Surrey forum](forums/east-surrey.md): Tuesday 6 October 2026, 10:30am, in person." in earlier
    # Surrey Downs's October forum is cancelled, so its next one is in January.
    assert "[Surrey Downs forum](forums/surrey-downs.md): Monday 11 January 2027, 10:30am, in person." in earlier


def test_forum_list_block_keeps_the_paragraph_after_it_apart(data: SiteData) -> None:
    from generator.render.blocks import fill_blocks

    page = "Next forums:\n\n<!-- generated: forum-list -->\n\n[Read more](forums/index.md)\n"
    filled = fill_blocks(page, data, TODAY, "index.md")
    assert filled.endswith("online.\n\n[Read more](forums/index.md)\n")
