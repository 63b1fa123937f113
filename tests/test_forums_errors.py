"""Mistakes in the forum and schedule settings give one plain message each, with file, line and column."""
from __future__ import annotations

from pathlib import Path

from conftest import edit, problems_for


def schedule(project: Path) -> Path:
    return project / "data/schedule.yml"


def test_first_round_must_be_a_month(project: Path) -> None:
    line = edit(schedule(project), 'first_round: "2026-01"', "first_round: January 2026")
    assert problems_for(project) == [
        f'data/schedule.yml:{line}:14: first_round: Enter a month like "2026-01" (year-month), in quote marks.'
    ]


def test_month_13_is_not_a_month(project: Path) -> None:
    line = edit(schedule(project), 'first_round: "2026-01"', 'first_round: "2026-13"')
    assert problems_for(project) == [
        f'data/schedule.yml:{line}:14: first_round: Enter a month like "2026-01" (year-month), in quote marks.'
    ]


def test_unknown_timezone(project: Path) -> None:
    line = edit(schedule(project), "timezone: Europe/London", "timezone: London")
    assert problems_for(project) == [
        f'data/schedule.yml:{line}:11: timezone: This is not a time zone we know. For the UK, write "Europe/London".'
    ]


def test_new_year_must_be_continue_or_restart(project: Path) -> None:
    line = edit(schedule(project), "new_year: continue", "new_year: carry on")
    assert problems_for(project) == [
        f"data/schedule.yml:{line}:11: new_year: Enter one of these: 'continue' or 'restart' (you wrote 'carry on')."
    ]


def test_more_online_slots_than_areas(project: Path) -> None:
    line = edit(schedule(project), "online_per_round: 2", "online_per_round: 6")
    assert problems_for(project) == [
        f"data/schedule.yml:{line}:19: online_per_round: There are only 5 areas, so at most 5 can meet online each round."
    ]


def test_always_online_names_a_real_forum(project: Path) -> None:
    line = edit(schedule(project), "always_online: [surrey-wide-evening]", "always_online: [surrey-evening]")
    assert problems_for(project) == [
        f'data/schedule.yml:{line}:17: always_online[1]: There is no forum with the id "surrey-evening". Use one of: '
        "east-surrey, farnham-northeast-hants, guildford-waverley, northwest-surrey, surrey-downs, surrey-wide-evening. "
        "Or add it to data/forums.yml."
    ]


def test_change_on_a_day_the_forum_does_not_meet(project: Path) -> None:
    line = edit(schedule(project), "    date: 2027-01-05\n", "    date: 2027-01-06\n")
    assert problems_for(project) == [
        f"data/schedule.yml:{line}:11: changes[2].date: The East Surrey forum is not planned on Wednesday 6 January 2027. "
        "In that round it is planned on Tuesday 5 January 2027."
    ]


def test_change_before_round_1(project: Path) -> None:
    line = edit(schedule(project), "    date: 2027-01-05\n", "    date: 2025-12-02\n")
    assert problems_for(project) == [
        f"data/schedule.yml:{line}:11: changes[2].date: This is before round 1, which starts in January 2026."
    ]


def test_change_both_cancelled_and_moved(project: Path) -> None:
    line = edit(schedule(project), "    date: 2026-10-12\n    cancelled: true\n", "    date: 2026-10-12\n    cancelled: true\n    new_start: \"2pm\"\n")
    problems = problems_for(project)
    assert problems[0] == (
        f'data/schedule.yml:{line + 2}:16: changes[1].new_start: Enter a time like "10:30" or "18:30", in quote marks.'
    )
    edit(schedule(project), 'new_start: "2pm"', 'new_start: "2:00pm"')
    assert problems_for(project) == [
        f"data/schedule.yml:{line - 1}:5: changes[1]: A forum is either cancelled or moved, not both. "
        "Delete cancelled, or delete new_date, new_start and mode."
    ]


def test_change_that_changes_nothing(project: Path) -> None:
    line = edit(schedule(project), "    date: 2026-10-12\n    cancelled: true\n", "    date: 2026-10-12\n")
    assert problems_for(project) == [
        f"data/schedule.yml:{line - 1}:5: changes[1]: Say what changed: add cancelled: true, or new_date, new_start or mode."
    ]


def test_switch_to_the_mode_it_already_has(project: Path) -> None:
    line = edit(schedule(project), "    mode: in-person\n", "    mode: online\n")
    assert problems_for(project) == [
        f"data/schedule.yml:{line}:11: changes[3].mode: The Northwest Surrey forum already meets online that day. "
        "Delete mode, or change it."
    ]


def test_change_names_an_unknown_forum(project: Path) -> None:
    line = edit(schedule(project), "  - forum: surrey-downs\n", "  - forum: downs\n")
    assert problems_for(project)[0].startswith(
        f'data/schedule.yml:{line}:12: changes[1].forum: There is no forum with the id "downs".'
    )


def test_forum_that_meets_in_person_needs_a_venue(project: Path) -> None:
    forums = project / "data/forums.yml"
    text = forums.read_text(encoding="utf-8")
    start = text.index("    venue:\n      name: Woking Library")
    end = text.index("  - id: surrey-downs")
    forums.write_text(text[:start] + text[end:], encoding="utf-8")
    line = text[: text.index("    area: northwest-surrey")].count("\n") + 1
    plan = schedule(project).read_text(encoding="utf-8")
    mode_line = plan[: plan.index("    mode: in-person")].count("\n") + 1
    assert problems_for(project) == [
        f"data/forums.yml:{line}:11: forums[2].area: This forum meets in person in some rounds, so it needs a venue. "
        "Add venue: with its name and address.",
        # The example data also switches this forum to in person once.
        f"data/schedule.yml:{mode_line}:11: changes[3].mode: The Northwest Surrey forum has no venue, so it can't "
        "meet in person. Add a venue in data/forums.yml.",
    ]


def test_venue_yes_no_fields_are_strict(project: Path) -> None:
    line = edit(project / "data/forums.yml", "      hearing_loop: false\n", "      hearing_loop: no\n")
    assert problems_for(project) == [
        f'data/forums.yml:{line}:21: forums[3].venue.hearing_loop: Write true or false here, not "no".'
    ]


def test_day_rule_needs_a_real_weekday_and_week(project: Path) -> None:
    line = edit(project / "data/forums.yml", "      week: first\n      day: Tuesday\n", "      week: 1st\n      day: Tues\n")
    assert problems_for(project) == [
        f"data/forums.yml:{line}:13: forums[1].when.week: Enter one of these: 'first', 'second', 'third', 'fourth' or 'last' (you wrote '1st').",
        f"data/forums.yml:{line + 1}:12: forums[1].when.day: Enter a day of the week, like Tuesday.",
    ]
