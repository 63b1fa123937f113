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
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_ID_LENGTH = 60
# Controls (a newline is allowed: folded text may hold one), and Unicode line and paragraph separators.
_HIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise PydanticCustomError("date_text", "Enter a date like 2026-03-04 (year-month-day).")
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError(
            "date_impossible", "There is no such day in the calendar. Enter a real date like 2026-03-04."
        ) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_range", "Enter a year from {first} to {last}, like 2026-03-04.", {"first": FIRST_YEAR, "last": LAST_YEAR},
        )
    return parsed


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
    if len(value) > MAX_ID_LENGTH:
        raise PydanticCustomError(
            "id_length", "This id is {length} characters long. Use {most} or fewer, like \"east-surrey\".",
            {"length": len(value), "most": MAX_ID_LENGTH},
        )
    if not _ID.match(value):
        raise PydanticCustomError(
            "id_text", 'Use small letters, digits and dashes only, like "east-surrey".'
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_text", "This is empty. Write some words here.")
    hidden = _HIDDEN.search(value)
    if hidden:
        raise PydanticCustomError(
            "hidden_character",
            "This text has a hidden character (U+{code}) after \"{before}\". Delete it and type the words again.",
            {"code": f"{ord(hidden.group(0)):04X}", "before": value[max(0, hidden.start() - 20):hidden.start()].strip()},
        )
    return value.strip()


def _one_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError("line_break", "Keep this on 1 line. A name cannot have a line break.")
    return value


_PHONE = re.compile(r"^\+?[0-9][0-9 ]{5,18}[0-9]$")


# An everyday address (letters, digits, dots, "_", "+" and "-"; a domain of plain labels ending in 2 or more
# letters): email_validator accepts each one, written as it is with the domain in small letters (tested against
# it). Checked here without it: importing email_validator compiles patterns for all of Unicode, 20 ms on every
# build and check. Any other address goes to email_validator, which knows the rest of the rules.
_EVERYDAY_EMAIL = re.compile(
    r"[A-Za-z0-9_+-]{1,64}(?:\.[A-Za-z0-9_+-]{1,64})*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63})"
)
# email_validator refuses these (its SPECIAL_USE_DOMAIN_NAMES; a test checks they are the same)
_SPECIAL_USE = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})


def _check_email(value: str) -> str:
    everyday = _EVERYDAY_EMAIL.fullmatch(value)
    local, _, domain = value.partition("@")
    if (everyday and len(value) <= 254 and len(local) <= 64 and "--" not in domain
            and everyday.group(1).lower() not in _SPECIAL_USE):
        return f"{local}@{domain.lower()}"
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(value, check_deliverability=False).normalized)
    except EmailNotValidError:
        raise PydanticCustomError("email", "Enter an email address like name@example.org.") from None


def _check_phone(value: str) -> str:
    if not _PHONE.match(value):
        raise PydanticCustomError("phone", "Enter a phone number with digits and spaces only, like 01234 567890.")
    return value


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[A-Za-z0-9.\-]+(?::[0-9]+)?(?:/[^\s<>\"'`]*)?$", value):
        raise PydanticCustomError("url", "Enter a web address starting with https://, like https://example.org/page.")
    return value


class MarkdownSource(str):
    """Text from a field declared Markdown: links and emphasis are kept, raw HTML never is (see render/jinja.py)."""


# Link targets a Markdown field may use: relative paths and these schemes only.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
MARKDOWN_SCHEMES = ("https", "http", "mailto", "tel", "sms")


def _check_markdown(value: str) -> MarkdownSource:
    for target in _LINK_TARGET.findall(value):
        scheme = _SCHEME.match(target)
        if (scheme and scheme.group(1).lower() not in MARKDOWN_SCHEMES) or target.startswith("//"):
            raise PydanticCustomError(
                "link_scheme", "This link is not allowed: {target}. Links start with https:, mailto:, tel: or sms:, or point to a page of this site.",
                {"target": target[:40]},
            )
    if re.search(r"\[[^\]]*\]:", value) or "![" in value:
        raise PydanticCustomError(
            "markdown_kind", "Write links like [words](https://example.org). Pictures and link lists are not allowed here.",
        )
    return MarkdownSource(value)


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
# Names go into headings, calendars and feeds: 1 line only.
Name = Annotated[str, AfterValidator(_not_blank), AfterValidator(_one_line)]
Email = Annotated[str, AfterValidator(_not_blank), AfterValidator(_check_email)]
Phone = Annotated[str, AfterValidator(_not_blank), AfterValidator(_check_phone)]
WebAddress = Annotated[str, AfterValidator(_not_blank), AfterValidator(_check_url)]
# A field whose text may hold Markdown links and emphasis. Every other text field is plain text.
MarkdownText = Annotated[str, AfterValidator(_not_blank), AfterValidator(_check_markdown)]


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
