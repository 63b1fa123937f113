"""Areas, their community forums and the rotating schedule: `data/areas.yml`, `data/forums.yml`, `data/schedule.yml`."""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from generator.models.common import ClockTime, Id, IsoDate, Name, Record, Text

_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKS = ("first", "second", "third", "fourth", "last")


def _parse_month(value: Any) -> Any:
    """"2026-01" → 1 January 2026. A month is all the schedule needs to know about round 1."""
    if isinstance(value, date):
        return value.replace(day=1)
    match = _MONTH.match(value.strip()) if isinstance(value, str) else None
    if match is None or not 1 <= int(match["month"]) <= 12:
        raise PydanticCustomError("month_text", 'Enter a month like "2026-01" (year-month), in quote marks.')
    return date(int(match["year"]), int(match["month"]), 1)


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError(
            "timezone_unknown", 'This is not a time zone we know. For the UK, write "Europe/London".'
        ) from None
    return value


def _check_weekday(value: str) -> str:
    if value.capitalize() not in WEEKDAYS:
        raise PydanticCustomError("weekday_text", "Enter a day of the week, like Tuesday.")
    return value.capitalize()


Month = Annotated[date, BeforeValidator(_parse_month), WithJsonSchema({
    "type": "string", "pattern": r"^\d{4}-\d{2}$", "description": 'A month like "2026-01", in quote marks.',
})]
TimeZoneName = Annotated[str, AfterValidator(_check_timezone)]
Weekday = Annotated[str, AfterValidator(_check_weekday)]
Mode = Literal["online", "in-person"]


class Area(Record):
    id: Id
    name: Name
    other_names: list[Text] = []


class AreasFile(Record):
    areas: list[Area]


class OnlineJoining(Record):
    platform: Text
    how_to_join: Text


class Venue(Record):
    """Where a forum meets when it is in person. Yes/no facts are strict so a venue can't claim access by accident."""

    name: Name
    address: Text
    postcode: Text
    step_free: bool
    hearing_loop: bool
    wifi: bool
    travel: Text
    access_notes: Text | None = None


class DayRule(Record):
    """When a forum meets in month 1 of a round, like "the first Tuesday at 10:30am"."""

    week: Literal["first", "second", "third", "fourth", "last"]
    day: Weekday
    start: ClockTime


class Forum(Record):
    id: Id
    name: Name
    area: Id | None
    summary: Text
    when: DayRule
    online: OnlineJoining
    venue: Venue | None = None


class ForumsFile(Record):
    forums: list[Forum]


class FormatPart(Record):
    """One part of a forum's running order, like "Part 1: news from the Trust, 45 minutes"."""

    name: Name
    minutes: int = Field(ge=1, le=240)
    about: Text | None = None


class Formats(Record):
    online: list[FormatPart] = Field(min_length=1)
    in_person: list[FormatPart] = Field(alias="in-person", min_length=1)

    def parts(self, mode: str) -> list[FormatPart]:
        return self.online if mode == "online" else self.in_person

    def minutes(self, mode: str) -> int:
        return sum(part.minutes for part in self.parts(mode))


class Change(Record):
    """One forum that does not happen as the rotation says: cancelled, moved, or switched online or in person.

    `date` is the day the forum was planned for, so an editor can find it on the schedule page.
    """

    forum: Id
    date: IsoDate
    reason: Text
    cancelled: bool = False
    new_date: IsoDate | None = None
    new_start: ClockTime | None = None
    mode: Mode | None = None

    @model_validator(mode="after")
    def _says_what_changed(self) -> Change:
        moved = self.new_date is not None or self.new_start is not None or self.mode is not None
        if self.cancelled and moved:
            raise ValueError(
                "A forum is either cancelled or moved, not both. Delete cancelled, or delete new_date, new_start and mode."
            )
        if not self.cancelled and not moved:
            raise ValueError("Say what changed: add cancelled: true, or new_date, new_start or mode.")
        return self


class ScheduleSettings(Record):
    """`data/schedule.yml`: the few settings the whole rotation is computed from.

    The areas take turns to meet online in the order of `data/areas.yml`.
    """

    timezone: TimeZoneName
    first_round: Month
    online_per_round: int = Field(ge=0)
    always_online: list[Id] = []
    new_year: Literal["continue", "restart"]
    formats: Formats
    changes: list[Change] = []
    # The cycle. The defaults are the source's: 4 rounds a year, each 3 months long;
    # forums in month 1, the group meets at the end of month 2, the newsletter goes out in month 3.
    rounds_per_year: int = Field(default=4, ge=1, le=12)
    months_per_round: int = Field(default=3, ge=1, le=12)
    forums_month: int = Field(default=1, ge=1, le=12)
    group_month: int = Field(default=2, ge=1, le=12)
    newsletter_month: int = Field(default=3, ge=1, le=12)
    # The group (an id from data/bodies.yml) that meets at the end of group_month. Leave out if none.
    group: Id | None = None
    # How many coming rounds of forums each newsletter lists.
    newsletter_rounds_ahead: int = Field(default=2, ge=1, le=12)
    # What happens at a forum, and after it, in short sentences. The forums page shows them.
    about_forums: list[Text] = []
    after_forums: list[Text] = []

    @model_validator(mode="after")
    def _cycle_fits_a_year(self) -> ScheduleSettings:
        if self.rounds_per_year * self.months_per_round != 12:
            raise ValueError(
                f"{self.rounds_per_year} rounds of {self.months_per_round} months is not 1 year. "
                "Make rounds_per_year times months_per_round come to 12."
            )
        for name in ("forums_month", "group_month", "newsletter_month"):
            if getattr(self, name) > self.months_per_round:
                raise ValueError(f"{name} must be a month of the round: 1 to {self.months_per_round}.")
        return self
