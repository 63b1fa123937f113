"""Building blocks shared by every data model: a strict base and field types with plain-word errors."""
from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, WithJsonSchema
from pydantic_core import PydanticCustomError


class Record(BaseModel):
    """Base for every model read from `data/`.

    `strict` stops silent guessing (the text "no" is not turned into False, "3" is not a number);
    `extra="forbid"` makes a misspelt field an error instead of being quietly ignored.
    """

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<half>am|pm)?$", re.IGNORECASE)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise PydanticCustomError("date_text", "Enter a date like 2026-03-04 (year-month-day).")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError(
            "date_impossible", "There is no such day in the calendar. Enter a real date like 2026-03-04."
        ) from None


def _parse_time(value: Any) -> Any:
    if isinstance(value, time):
        return value
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("time_text", 'Enter a time like "10:30" or "18:30", in quote marks.')
    hour, minute, half = int(match["hour"]), int(match["minute"]), (match["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise PydanticCustomError("time_impossible", 'There is no such time. Enter a time like "10:30am".')
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise PydanticCustomError("time_impossible", 'There is no such time. Enter a time like "18:30".')
    return time(hour, minute)


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "id_text", 'Use small letters, digits and dashes only, like "east-surrey".'
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_text", "This is empty. Write some words here.")
    return value.strip()


# The JSON Schema (`python -m generator schema`) describes what editors type, not the Python value.
IsoDate = Annotated[
    date, BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "A date like 2026-03-04."}),
]
ClockTime = Annotated[
    time, BeforeValidator(_parse_time),
    WithJsonSchema({
        "type": "string", "pattern": r"^\d{1,2}[:.]\d{2}\s*([aApP][mM])?$",
        "description": 'A time like "10:30am" or "18:30", in quote marks.',
    }),
]
Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema({
    "type": "string", "pattern": _ID.pattern, "description": 'Small letters, digits and dashes, like "east-surrey".',
})]
Text = Annotated[str, AfterValidator(_not_blank), WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"})]


def format_time(value: time) -> str:
    """10:30am, 6:30pm, 12 noon style times used across the site."""
    if value.hour == 12 and value.minute == 0:
        return "12 noon"
    hour = value.hour % 12 or 12
    half = "am" if value.hour < 12 else "pm"
    return f"{hour}:{value.minute:02d}{half}"


def format_date(value: date) -> str:
    """Tuesday 6 January 2026."""
    return f"{value:%A} {value.day} {value:%B %Y}"
