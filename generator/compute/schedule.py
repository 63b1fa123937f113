"""The rotating forum schedule, computed from a few settings. Pure functions: "today" is always passed in.

A round is some months long (by default, as in the source, a quarter of 3 months):

- month 1: every forum meets, early in the month;
- month 2: feedback goes to whoever answers it, and a group meets at the end of the month;
- month 3: the newsletter goes out.

Which month each thing happens in, and how many rounds make a year, are settings in `data/schedule.yml`.

Each round, the next `online_per_round` areas in the order of `data/areas.yml` meet online and the
others meet in person. Forums in `always_online` are always online.
With 5 areas and 2 online slots the pattern repeats every 5 rounds, so it does not line up with a
4-round year; `new_year: restart` starts the pattern again every 4 rounds instead.

Public interface (other modules build on it, keep it stable): `Round`, `Occurrence`, `Rotation`,
`rotation_of`, `round_number`, `make_round`, `rounds_between`, `current_and_next_rounds`,
`forum_occurrences`, `site_rounds`, `site_occurrences`, `next_occurrence`, `add_months`, `planned_date`, `planned_mode`.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from math import gcd
from typing import Literal
from zoneinfo import ZoneInfo

from generator.models.forums import WEEKDAYS, Change, Forum, ScheduleSettings
from generator.models.site import SiteData

# The source's cycle, used when a Rotation is made without settings (tests, benchmarks).
ROUNDS_PER_YEAR = 4
MONTHS_PER_ROUND = 3
Mode = Literal["online", "in-person"]
Status = Literal["scheduled", "cancelled", "moved"]


@dataclass(frozen=True)
class Round:
    """One quarterly round. Months are given as the 1st day of the month."""

    number: int  # 1-based, counted from round 1 of the cycle; never restarts
    step: int  # 1-based row of the rotation pattern this round uses (equals `number` until the pattern repeats)
    forums_month: date  # every forum meets, early in the month (month 1 by default)
    group_month: date  # the group in `schedule.group` meets at the end of it (month 2 by default)
    newsletter_month: date  # the round-up newsletter goes out (month 3 by default)
    online_areas: list[str]  # area ids, in rotation order
    in_person_areas: list[str]  # area ids, carrying on round the rotation after the online ones
    first_month: date  # the first month of the round
    months: int = MONTHS_PER_ROUND

    @property
    def last_day(self) -> date:
        """The last day of the round (the end of the newsletter month)."""
        return add_months(self.first_month, self.months) - timedelta(days=1)

    @property
    def development_group_month(self) -> date:
        """The old name of `group_month`, kept for code written before the cycle was a setting."""
        return self.group_month


@dataclass(frozen=True)
class Occurrence:
    """One forum meeting, after any change from `data/schedule.yml` is applied."""

    forum: str  # forum id
    area: str | None  # area id; None for a forum for the whole programme
    round: int  # Round.number
    start: datetime  # aware, in the schedule's time zone
    end: datetime
    mode: Mode
    status: Status
    reason: str | None = None  # why it was cancelled or moved, shown on the site
    planned_start: datetime | None = None  # when the rotation first put it, if it moved
    planned_mode: Mode | None = None  # how the rotation first put it, if that changed

    def uid(self, domain: str) -> str:
        """Stable across builds and changes: the forum and the round, not the date, so a move updates the event.

        `domain` (from data/site.yml) keeps 2 programmes with the same forum id apart on one phone.
        """
        return f"{self.forum}-round-{self.round}@{domain}"

    @property
    def moved_date(self) -> bool:
        return self.planned_start is not None and self.planned_start != self.start


@dataclass(frozen=True)
class Rotation:
    """The settings the rotation needs, free of file details so tests can make any number of them."""

    areas: tuple[str, ...]
    online_per_round: int
    first_round: date
    restart_each_year: bool = False
    timezone: str = "Europe/London"
    always_online: tuple[str, ...] = field(default=())
    rounds_per_year: int = ROUNDS_PER_YEAR
    months_per_round: int = MONTHS_PER_ROUND
    forums_month: int = 1  # which month of the round, counted from 1
    group_month: int = 2
    newsletter_month: int = 3

    @property
    def cycle_length(self) -> int:
        """Rounds until the pattern repeats (5 for 5 areas and 2 slots)."""
        n = len(self.areas)
        if n == 0:
            return 1
        return n // gcd(n, self.online_per_round)


def rotation_of(source: SiteData | ScheduleSettings | Rotation, areas: list[str] | None = None) -> Rotation:
    """Build a Rotation from the loaded site data (or settings plus area ids)."""
    if isinstance(source, Rotation):
        return source
    if isinstance(source, ScheduleSettings):
        settings = source
        if areas is None:
            raise ValueError("Rotation from settings needs the area ids too.")
    else:
        settings = source.schedule
        if areas is None:
            areas = [area.id for area in source.areas]
    return Rotation(
        areas=tuple(areas),
        online_per_round=settings.online_per_round,
        first_round=settings.first_round,
        restart_each_year=settings.new_year == "restart",
        timezone=settings.timezone,
        always_online=tuple(settings.always_online),
        rounds_per_year=settings.rounds_per_year,
        months_per_round=settings.months_per_round,
        forums_month=settings.forums_month,
        group_month=settings.group_month,
        newsletter_month=settings.newsletter_month,
    )


def add_months(day: date, months: int) -> date:
    """The 1st of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def online_positions(area_count: int, slots: int, step: int) -> list[int]:
    """Positions (0-based) of the areas online in pattern step `step` (0-based).

    Each step takes the next `slots` areas round the cycle: step k uses positions slots·k … slots·k + slots − 1.
    """
    slots = min(slots, area_count)
    return [(slots * step + j) % area_count for j in range(slots)]


def split_areas(areas: tuple[str, ...] | list[str], slots: int, step: int) -> tuple[list[str], list[str]]:
    """(online, in person) for pattern step `step` (0-based). In-person areas carry on round the cycle."""
    online = online_positions(len(areas), slots, step)
    start = (online[-1] + 1) if online else 0
    rest = [(start + j) % len(areas) for j in range(len(areas))]
    in_person = [p for p in rest if p not in online]
    return [areas[p] for p in online], [areas[p] for p in in_person]


def round_number(rotation: Rotation, day: date) -> int:
    """The number of the round whose months hold `day`. 0 or less means before round 1."""
    months = (day.year - rotation.first_round.year) * 12 + day.month - rotation.first_round.month
    return months // rotation.months_per_round + 1


def make_round(rotation: Rotation, number: int) -> Round:
    if number < 1:
        raise ValueError(f"Rounds are counted from 1, not {number}.")
    if rotation.restart_each_year:
        step = (number - 1) % rotation.rounds_per_year
    else:
        step = (number - 1) % rotation.cycle_length
    online, in_person = split_areas(rotation.areas, rotation.online_per_round, step)
    first_month = add_months(rotation.first_round, (number - 1) * rotation.months_per_round)
    return Round(
        number=number,
        step=step + 1,
        forums_month=add_months(first_month, rotation.forums_month - 1),
        group_month=add_months(first_month, rotation.group_month - 1),
        newsletter_month=add_months(first_month, rotation.newsletter_month - 1),
        first_month=first_month,
        months=rotation.months_per_round,
        online_areas=online,
        in_person_areas=in_person,
    )


def rounds_between(source: SiteData | Rotation, start: date, end: date) -> list[Round]:
    """Every round with at least 1 of its 3 months' days in `start` … `end` (both included), oldest first."""
    rotation = rotation_of(source)
    first = max(1, round_number(rotation, start))
    last = round_number(rotation, end)
    return [make_round(rotation, n) for n in range(first, last + 1)]


def current_and_next_rounds(source: SiteData | Rotation, today: date, count: int | None = None) -> list[Round]:
    """The next `count` rounds (1 year of them by default) whose forums month has not ended yet.

    The current round counts if its forums month hasn't ended."""
    rotation = rotation_of(source)
    count = rotation.rounds_per_year if count is None else count
    number = max(1, round_number(rotation, today))
    if add_months(make_round(rotation, number).forums_month, 1) <= today:
        number += 1  # this round's forums are over: its newsletter month is not "next forums"
    return [make_round(rotation, n) for n in range(number, number + count)]


def site_rounds(source: SiteData | Rotation, today: date, ahead: int | None = None) -> list[Round]:
    """The rounds the site shows: every past round since round 1, and the next `ahead` rounds."""
    rotation = rotation_of(source)
    upcoming = current_and_next_rounds(rotation, today, ahead)
    return [make_round(rotation, n) for n in range(1, upcoming[-1].number + 1)]


def nth_weekday(month: date, weekday: int, week: str) -> date:
    """The first/second/third/fourth/last `weekday` (Monday = 0) of `month`."""
    if week == "last":
        last = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(month.year, month.month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * ("first", "second", "third", "fourth").index(week))


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    # zoneinfo picks BST or GMT for the day itself, so the clock time stays the same all year.
    return datetime.combine(day, clock, tzinfo=zone)


def planned_date(forum: Forum, round_: Round) -> date:

    return nth_weekday(round_.forums_month, WEEKDAYS.index(forum.when.day), forum.when.week)


def planned_mode(forum: Forum, round_: Round, rotation: Rotation) -> Mode:
    """Forums in `always_online` are online. A forum with no area does not take turns: it meets at its
    venue if it has one, online if not. Area forums follow the rotation."""
    if forum.id in rotation.always_online:
        return "online"
    if forum.area is None:
        return "in-person" if forum.venue is not None else "online"
    return "online" if forum.area in round_.online_areas else "in-person"


def _apply(base: Occurrence, change: Change | None, minutes: dict[str, int]) -> Occurrence:
    if change is None:
        return base
    if change.cancelled:
        return replace(base, status="cancelled", reason=change.reason)
    zone = base.start.tzinfo
    assert isinstance(zone, ZoneInfo)
    day = change.new_date or base.start.date()
    clock = change.new_start or base.start.time().replace(tzinfo=None)
    mode: Mode = change.mode or base.mode
    start = _at(day, clock, zone)
    return Occurrence(
        forum=base.forum, area=base.area, round=base.round,
        start=start, end=start + timedelta(minutes=minutes[mode]),
        mode=mode, status="moved", reason=change.reason,
        planned_start=base.start, planned_mode=base.mode,
    )


def planned_occurrences(data: SiteData, rounds: list[Round]) -> list[Occurrence]:
    """What the rotation alone says, before any change in the data is applied."""
    rotation = rotation_of(data)
    zone = ZoneInfo(rotation.timezone)
    formats = data.schedule.formats
    found = []
    for round_ in rounds:
        for forum in data.forums:
            mode = planned_mode(forum, round_, rotation)
            start = _at(planned_date(forum, round_), forum.when.start, zone)
            found.append(Occurrence(
                forum=forum.id, area=forum.area, round=round_.number,
                start=start, end=start + timedelta(minutes=formats.minutes(mode)), mode=mode, status="scheduled",
            ))
    return found


def occurrences_of_rounds(data: SiteData, rounds: list[Round]) -> list[Occurrence]:
    """Every forum meeting of `rounds`, with the changes in `data/schedule.yml` applied, in date order."""
    # A change names the forum and the day the rotation planned it on.
    changes = {(c.forum, c.date): c for c in data.schedule.changes}
    minutes = {mode: data.schedule.formats.minutes(mode) for mode in ("online", "in-person")}
    found = [
        _apply(o, changes.get((o.forum, o.start.date())), minutes)
        for o in planned_occurrences(data, rounds)
    ]
    return sorted(found, key=lambda o: (o.start, o.forum))


def forum_occurrences(data: SiteData, start: date, end: date) -> list[Occurrence]:
    """Every forum meeting whose day (after any move) falls in `start` … `end`, in date order.

    Rounds just outside the range are looked at too, so a forum moved into the range is found.
    """
    months = data.schedule.months_per_round
    rounds = rounds_between(data, add_months(start, -months), add_months(end, months))
    return [o for o in occurrences_of_rounds(data, rounds) if start <= o.start.date() <= end]


def site_occurrences(data: SiteData, today: date, ahead: int | None = None) -> list[Occurrence]:
    """Every forum meeting the site shows: all rounds since round 1, and the next `ahead` rounds."""
    return occurrences_of_rounds(data, site_rounds(data, today, ahead))


def next_occurrence(occurrences: list[Occurrence], forum: str, today: date) -> Occurrence | None:
    """The next meeting of `forum` on or after `today` that is not cancelled."""
    for occurrence in occurrences:
        if occurrence.forum == forum and occurrence.status != "cancelled" and occurrence.start.date() >= today:
            return occurrence
    return None
