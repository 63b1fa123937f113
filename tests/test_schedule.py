"""The rotation and the quarterly cycle, as pure functions: checked against the source table and by properties."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.compute.schedule import (
    Rotation,
    add_months,
    current_and_next_rounds,
    make_round,
    nth_weekday,
    round_number,
    rounds_between,
)

ES, NW, SD, GW, FNH = "east-surrey", "northwest-surrey", "surrey-downs", "guildford-waverley", "farnham-northeast-hants"
EXAMPLE = Rotation(areas=(ES, NW, SD, GW, FNH), online_per_round=2, first_round=date(2026, 1, 1))

# FACTS.md §1 (from 004:1134–1150): virtual areas in the order written, besides the always-online evening forum.
SOURCE_ONLINE = {1: [ES, NW], 2: [SD, GW], 3: [FNH, ES], 4: [NW, SD]}
SOURCE_IN_PERSON = {1: [SD, GW, FNH], 2: [NW, ES, FNH], 3: [NW, SD, GW], 4: [GW, FNH, ES]}


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_rounds_1_to_4_match_the_source_table(number: int) -> None:
    round_ = make_round(EXAMPLE, number)
    assert round_.online_areas == SOURCE_ONLINE[number]
    assert sorted(round_.in_person_areas) == sorted(SOURCE_IN_PERSON[number])


@pytest.mark.parametrize("number", [1, 3, 4])
def test_in_person_areas_carry_on_round_the_cycle_as_the_source_lists_them(number: int) -> None:
    # Round 2 of the source lists its in-person areas in an order no rule gives (NW, ES, FNH); the set is checked above.
    assert make_round(EXAMPLE, number).in_person_areas == SOURCE_IN_PERSON[number]


def test_round_5_puts_guildford_and_farnham_online_and_round_6_repeats_round_1() -> None:
    assert make_round(EXAMPLE, 5).online_areas == [GW, FNH]
    assert make_round(EXAMPLE, 5).in_person_areas == [ES, NW, SD]
    for number in range(1, 21):
        later = make_round(EXAMPLE, number + 5)
        assert later.online_areas == make_round(EXAMPLE, number).online_areas
        assert later.step == make_round(EXAMPLE, number).step


def test_restart_each_year_starts_the_pattern_again_after_4_rounds() -> None:
    restarting = Rotation(EXAMPLE.areas, 2, EXAMPLE.first_round, restart_each_year=True)
    assert make_round(restarting, 5).online_areas == SOURCE_ONLINE[1]
    assert make_round(restarting, 8).online_areas == SOURCE_ONLINE[4]
    assert make_round(restarting, 5).number == 5  # round numbers never restart
    assert make_round(restarting, 5).step == 1


def test_quarterly_months() -> None:
    first = make_round(EXAMPLE, 1)
    assert (first.forums_month, first.development_group_month, first.newsletter_month) == (
        date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))
    assert first.last_day == date(2026, 3, 31)
    fifth = make_round(EXAMPLE, 5)
    assert (fifth.forums_month, fifth.development_group_month, fifth.newsletter_month) == (
        date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1))


def test_a_start_month_late_in_the_year_crosses_into_the_next_year() -> None:
    november = Rotation(EXAMPLE.areas, 2, date(2026, 11, 1))
    second = make_round(november, 2)
    assert (second.forums_month, second.development_group_month, second.newsletter_month) == (
        date(2027, 2, 1), date(2027, 3, 1), date(2027, 4, 1))


def test_rounds_between_includes_rounds_that_overlap_the_range() -> None:
    assert [r.number for r in rounds_between(EXAMPLE, date(2026, 11, 22), date(2027, 2, 1))] == [4, 5]
    assert [r.number for r in rounds_between(EXAMPLE, date(2026, 1, 1), date(2026, 12, 31))] == [1, 2, 3, 4]
    assert rounds_between(EXAMPLE, date(2025, 1, 1), date(2025, 12, 31)) == []
    assert [r.number for r in rounds_between(EXAMPLE, date(2025, 6, 1), date(2026, 1, 1))] == [1]


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 11, 22), [5, 6, 7, 8]),  # round 4's forums (October) are over
    (date(2026, 10, 2), [4, 5, 6, 7]),  # still in round 4's forums month
    (date(2025, 6, 1), [1, 2, 3, 4]),  # before round 1
])
def test_next_4_rounds_depend_on_today(today: date, expected: list[int]) -> None:
    assert [r.number for r in current_and_next_rounds(EXAMPLE, today)] == expected


def test_round_number_counts_months_from_round_1() -> None:
    assert round_number(EXAMPLE, date(2026, 3, 31)) == 1
    assert round_number(EXAMPLE, date(2026, 4, 1)) == 2
    assert round_number(EXAMPLE, date(2025, 12, 31)) == 0
    with pytest.raises(ValueError, match="counted from 1"):
        make_round(EXAMPLE, 0)


@pytest.mark.parametrize(("week", "weekday", "expected"), [
    ("first", 1, date(2026, 3, 3)),
    ("second", 0, date(2026, 3, 9)),
    ("fourth", 6, date(2026, 3, 22)),
    ("last", 6, date(2026, 3, 29)),  # the day the clocks go forward
    ("last", 1, date(2026, 3, 31)),
])
def test_nth_weekday(week: str, weekday: int, expected: date) -> None:
    assert nth_weekday(date(2026, 3, 1), weekday, week) == expected


def test_add_months_wraps_years() -> None:
    assert add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)


# --- properties, for any number of areas and online slots -------------------------------------

rotations = st.integers(min_value=1, max_value=12).flatmap(
    lambda n: st.tuples(st.just(n), st.integers(min_value=0, max_value=n))
)


def _rotation(n: int, slots: int) -> Rotation:
    return Rotation(tuple(f"area-{i}" for i in range(n)), slots, date(2026, 1, 1))


@settings(max_examples=60, deadline=None)
@given(rotations, st.integers(min_value=1, max_value=40))
def test_each_round_has_exactly_that_many_online(sizes: tuple[int, int], number: int) -> None:
    n, slots = sizes
    round_ = make_round(_rotation(n, slots), number)
    assert len(round_.online_areas) == slots
    assert len(set(round_.online_areas)) == slots
    assert sorted(round_.online_areas + round_.in_person_areas) == sorted(f"area-{i}" for i in range(n))


@settings(max_examples=60, deadline=None)
@given(rotations, st.integers(min_value=0, max_value=3))
def test_over_a_full_cycle_every_area_is_online_equally_often(sizes: tuple[int, int], cycles_before: int) -> None:
    n, slots = sizes
    rotation = _rotation(n, slots)
    start = cycles_before * rotation.cycle_length + 1
    counts = Counter(a for k in range(start, start + rotation.cycle_length) for a in make_round(rotation, k).online_areas)
    assert len(set(counts[f"area-{i}"] for i in range(n))) == 1


@settings(max_examples=60, deadline=None)
@given(rotations, st.integers(min_value=1, max_value=40))
def test_no_area_online_two_rounds_running_when_slots_are_at_most_half(sizes: tuple[int, int], number: int) -> None:
    n, slots = sizes
    assume(2 * slots <= n)
    rotation = _rotation(n, slots)
    assert not set(make_round(rotation, number).online_areas) & set(make_round(rotation, number + 1).online_areas)


@given(
    month=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    weekday=st.integers(min_value=0, max_value=6),
    week=st.sampled_from(["first", "second", "third", "fourth", "last"]),
)
def test_nth_weekday_is_that_weekday_of_the_month_counted_from_its_start_or_end(month: date, weekday: int, week: str) -> None:
    # Worked out from the calendar, day by day: the month's days that fall on `weekday`, in order.
    days = [date(month.year, month.month, day) for day in range(1, 32)
            if day <= (date(month.year + month.month // 12, month.month % 12 + 1, 1) - date(month.year, month.month, 1)).days
            and date(month.year, month.month, day).weekday() == weekday]
    expected = days[-1] if week == "last" else days[["first", "second", "third", "fourth"].index(week)]
    assert nth_weekday(month, weekday, week) == expected
