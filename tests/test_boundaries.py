"""Edges the other tests crossed without stopping on: each test here kills a mutant that survived them.

A mutant is the code with one small change (`<=` for `<`, a dropped condition). A test suite that still passes
on a mutant would also pass on that bug. `make mutation` measures how many mutants the tests catch.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import copy_project

from generator.compute.governance import finished_late, is_late
from generator.compute.plurals import number_forms
from generator.compute.schedule import (
    Rotation,
    current_and_next_rounds,
    forum_occurrences,
    make_round,
    next_occurrence,
    planned_mode,
    site_occurrences,
    site_rounds,
)
from generator.compute.word_forms import case_sensitive
from generator.easyread.linking import Entry, Matcher, entries_for
from generator.models.meetings import Action
from generator.models.site import SiteData
from generator.pipeline import load_site_data

AREAS = ("east-surrey", "northwest-surrey", "surrey-downs", "guildford-waverley", "farnham-northeast-hants")
EXAMPLE = Rotation(areas=AREAS, online_per_round=2, first_round=date(2026, 1, 1))


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    root = copy_project(tmp_path_factory.mktemp("edges") / "project")
    return load_site_data(root / "data", root)


def with_changes(tmp_path: Path, changes: str) -> SiteData:
    """The example data with `changes` (YAML list items) as the only schedule changes."""
    root = copy_project(tmp_path / "project")
    path = root / "data/schedule.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nchanges:")] + "\nchanges:\n" + changes, encoding="utf-8")
    return load_site_data(root / "data", root)


class TestTheNextForums:
    def test_the_last_day_of_the_forums_month_still_counts_as_this_round(self) -> None:
        assert current_and_next_rounds(EXAMPLE, date(2026, 1, 31))[0].number == 1

    def test_the_day_after_the_forums_month_moves_on_to_the_next_round(self) -> None:
        assert current_and_next_rounds(EXAMPLE, date(2026, 2, 1))[0].number == 2

    def test_a_forum_on_the_build_day_is_the_next_one(self, data: SiteData) -> None:
        occurrences = site_occurrences(data, date(2026, 11, 22))
        first = next(o for o in occurrences if o.forum == "east-surrey" and o.status == "scheduled")
        day = first.start.date()
        found = next_occurrence(occurrences, "east-surrey", day)
        assert found is not None and found.start == first.start

    def test_the_day_after_a_forum_looks_for_the_one_after(self, data: SiteData) -> None:
        occurrences = site_occurrences(data, date(2026, 11, 22))
        ours = [o for o in occurrences if o.forum == "east-surrey" and o.status == "scheduled"]
        found = next_occurrence(occurrences, "east-surrey", date.fromordinal(ours[0].start.date().toordinal() + 1))
        assert found is not None and found.start == ours[1].start


class TestMovesAcrossARound:
    """A change can move a forum into the months of another round. A search by dates must still find it there."""

    def test_moved_back_into_the_round_before(self, tmp_path: Path) -> None:
        # Planned for round 2 (Tuesday 7 April 2026), moved into March, the last month of round 1.
        data = with_changes(tmp_path, "  - forum: east-surrey\n    date: 2026-04-07\n    new_date: 2026-03-24\n    reason: Test.\n")
        found = [o for o in forum_occurrences(data, date(2026, 3, 1), date(2026, 3, 31)) if o.forum == "east-surrey"]
        assert [(o.start.date(), o.round, o.status) for o in found] == [(date(2026, 3, 24), 2, "moved")]

    def test_moved_on_into_the_round_after(self, tmp_path: Path) -> None:
        # Planned for round 2 (Tuesday 7 April 2026), moved into July, the forums month of round 3.
        data = with_changes(tmp_path, "  - forum: east-surrey\n    date: 2026-04-07\n    new_date: 2026-07-28\n    reason: Test.\n")
        found = [o for o in forum_occurrences(data, date(2026, 7, 15), date(2026, 7, 31)) if o.forum == "east-surrey"]
        assert [(o.start.date(), o.round) for o in found] == [(date(2026, 7, 28), 2)]

    def test_the_search_keeps_to_its_dates(self, data: SiteData) -> None:
        found = forum_occurrences(data, date(2026, 4, 7), date(2026, 4, 7))
        assert {o.start.date() for o in found} == {date(2026, 4, 7)}


class TestModes:
    def test_a_forum_with_no_area_meets_online_even_if_not_listed_as_always_online(self, data: SiteData) -> None:
        evening = next(f for f in data.forums if f.area is None)
        rotation = Rotation(areas=AREAS, online_per_round=2, first_round=date(2026, 1, 1), always_online=())
        assert all(planned_mode(evening, make_round(rotation, n), rotation) == "online" for n in range(1, 6))

    def test_an_area_forum_follows_the_rotation(self, data: SiteData) -> None:
        east = next(f for f in data.forums if f.area == "east-surrey")
        assert planned_mode(east, make_round(EXAMPLE, 1), EXAMPLE) == "online"
        assert planned_mode(east, make_round(EXAMPLE, 2), EXAMPLE) == "in-person"


class TestActions:
    def _done(self, on: str) -> Action:
        return Action.model_validate({"who": "t1", "what": "Do it.", "due": "2026-05-01", "status": "done", "done_on": on})

    def test_finished_on_the_due_day_is_on_time(self) -> None:
        assert not finished_late(self._done("2026-05-01"))

    def test_finished_the_day_after_is_late(self) -> None:
        assert finished_late(self._done("2026-05-02"))

    def test_an_open_action_has_not_finished_late(self) -> None:
        action = Action.model_validate({"who": "t1", "what": "Do it.", "due": "2026-05-01"})
        assert not finished_late(action)
        assert is_late(action, date(2026, 5, 2))


class TestGlossaryEntries:
    """`entries_for` hands every matching setting of a glossary word to the matcher, and the matcher uses it."""

    def test_every_setting_reaches_the_matcher(self, data: SiteData) -> None:
        by_id = {entry.id: entry for entry in entries_for(data.glossary)}
        assert list(by_id) == [term.id for term in data.glossary]
        for term in data.glossary:
            entry = by_id[term.id]
            assert entry.forms == (term.term, *term.other_forms)
            assert (entry.match_case, entry.not_after_number, entry.not_in) == (term.match_case, term.not_after_number, tuple(term.not_in))
        assert any(e.match_case for e in by_id.values()) and any(e.not_after_number for e in by_id.values())
        assert any(e.not_in for e in by_id.values()) and any(len(e.forms) > 1 for e in by_id.values())

    def test_a_blocking_phrase_stops_the_word_inside_it(self, data: SiteData) -> None:
        term = next(t for t in data.glossary if t.not_in)
        matcher = Matcher(entries_for([term]))
        assert [m.term_id for m in matcher.find(f"We said {term.not_in[0]} today.")] == []
        assert [m.term_id for m in matcher.find(f"We said {term.term} today.")] == [term.id]

    def test_a_plural_keeps_the_capital_of_the_word(self) -> None:
        assert number_forms("Carer") == ("Carers",)
        assert number_forms("carer") == ("carers",)
        assert number_forms("Peer support workers") == ("Peer support worker",)


class TestHowFarAhead:
    def test_the_site_shows_past_rounds_and_as_many_as_asked_ahead(self) -> None:
        assert [r.number for r in site_rounds(EXAMPLE, date(2026, 1, 15))] == [1, 2, 3, 4]
        assert [r.number for r in site_rounds(EXAMPLE, date(2026, 4, 15), ahead=2)] == [1, 2, 3]

    def test_site_occurrences_keep_to_the_rounds_asked_for(self, data: SiteData) -> None:
        today = date(2026, 11, 22)
        assert max(o.round for o in site_occurrences(data, today, ahead=1)) == max(r.number for r in site_rounds(data, today, ahead=1))
        assert max(o.round for o in site_occurrences(data, today)) == max(r.number for r in site_rounds(data, today))


class TestCase:
    def test_a_capital_after_the_first_letter_makes_a_word_match_only_as_written(self) -> None:
        assert case_sensitive("iPad") and case_sensitive("NHS") and not case_sensitive("Forum")

    def test_a_case_sensitive_form_does_not_match_other_capitals(self) -> None:
        matcher = Matcher([Entry(id="nhs", forms=("NHS",)), Entry(id="dg", forms=("Development Group",), match_case=True)])
        assert [m.term_id for m in matcher.find("The NHS and the Development Group.")] == ["nhs", "dg"]
        assert [m.term_id for m in matcher.find("The nhs and the development group.")] == []
