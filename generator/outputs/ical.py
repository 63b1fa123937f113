"""The iCalendar text format (RFC 5545), written by hand: content lines, escaping, folding, time zones.

Only what our calendars use, written the way the `icalendar` library writes it (tests compare the two, byte for
byte): loading that library cost 4 MiB and 60 ms on every build, for a few small files.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

# Lines longer than 75 bytes are folded: a line break and a space, then the rest.
_FOLD_AT = 75
# Steps to find when a zone's offset changes: long ones first, then down to the second (as icalendar does).
_STEPS = [timedelta(days=days) for days in (64, 32, 16, 8, 4, 2, 1)] + [
    timedelta(hours=4), timedelta(hours=1), timedelta(minutes=20), timedelta(minutes=5), timedelta(minutes=1),
    timedelta(seconds=20), timedelta(seconds=5), timedelta(seconds=1),
]
_UTC_NAMES = {"UTC"}


def text(value: str) -> str:
    """A TEXT value: backslashes, semicolons, commas and line breaks escaped (RFC 5545 section 3.3.11)."""
    return (
        value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
        .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n")
    )


def fold(line: str) -> str:
    """A content line folded at 75 bytes, never between a backslash and the character it escapes."""
    if len(line) < _FOLD_AT and len(line.encode("utf-8")) < _FOLD_AT:
        return line  # most lines: nothing to fold, and a calendar has thousands of them
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for character in line:
        width = len(character.encode("utf-8"))
        if current and size + width >= _FOLD_AT:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                pieces.append("".join(current))
                current, size = [carried], len(carried.encode("utf-8"))
            else:
                pieces.append("".join(current))
                current, size = [], 0
        current.append(character)
        size += width
    if current:
        pieces.append("".join(current))
    return "\r\n ".join(pieces)


def local_time(moment: datetime) -> str:
    return f"{moment.year:04}{moment.month:02}{moment.day:02}T{moment.hour:02}{moment.minute:02}{moment.second:02}"


def is_utc(zone: ZoneInfo) -> bool:
    return zone.key in _UTC_NAMES


def moment(name: str, value: datetime) -> str:
    """A DATE-TIME property: in UTC with a Z, or local with the zone's TZID (its VTIMEZONE is in the file)."""
    if value.tzinfo is UTC or (isinstance(value.tzinfo, ZoneInfo) and is_utc(value.tzinfo)):
        return f"{name}:{local_time(value)}Z"
    assert isinstance(value.tzinfo, ZoneInfo), "calendar times carry their time zone"
    return f"{name};TZID={value.tzinfo.key}:{local_time(value)}"


def offset(delta: timedelta) -> str:
    """A UTC-OFFSET value like +0100 or -0330 (with seconds only when there are some)."""
    sign = "-" if delta < timedelta(0) else "+"
    delta = -delta if delta < timedelta(0) else delta
    hours = abs(delta.days * 24 + delta.seconds // 3600)
    minutes, seconds = abs((delta.seconds % 3600) // 60), abs(delta.seconds % 60)
    return f"{sign}{hours:02}{minutes:02}{seconds:02}" if seconds else f"{sign}{hours:02}{minutes:02}"


def _spans(zone: ZoneInfo, first: datetime, last: datetime) -> dict[tuple[timedelta | None, timedelta, str, bool], list[datetime]]:
    """Each run of the same offset between `first` and `last`, grouped by (offset before, offset, name, standard)."""
    found: dict[tuple[timedelta | None, timedelta, str, bool], list[datetime]] = defaultdict(list)
    start = first
    offset_to: timedelta | None = None
    while start < last:
        offset_from, end = offset_to, start
        offset_to = end.utcoffset()
        assert offset_to is not None
        for step in _STEPS:
            last_end = end
            end = end + step
            try:
                while end.utcoffset() == offset_to:
                    last_end, end = end, end + step
            except OverflowError:
                break
            end = last_end
        name = start.tzname()
        if name is None:
            name = str(offset_to)
        found[(offset_from, offset_to, name, start.dst() == timedelta())].append(start.replace(tzinfo=None))
        start = end + _STEPS[-1]
    return found


def vtimezone(key: str, first_date: date, last_date: date) -> list[str]:
    """The VTIMEZONE lines for zone `key`, with its offsets and changes from `first_date` to `last_date`."""
    zone = ZoneInfo(key)
    first = datetime(first_date.year, first_date.month, first_date.day, tzinfo=zone)
    last = datetime(last_date.year, last_date.month, last_date.day, tzinfo=zone)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{text(key)}", f"COMMENT:{text(f'This timezone only works from {first_date} to {last_date}.')}"]
    for (offset_from, offset_to, name, standard), starts in _spans(zone, first, last).items():
        first_start = min(starts)
        starts.remove(first_start)
        if first_start.date() == last_date:
            first_start = datetime(last_date.year, last_date.month, last_date.day)
        kind = "STANDARD" if standard else "DAYLIGHT"
        lines += [f"BEGIN:{kind}", f"DTSTART:{local_time(first_start)}"]
        if starts:
            lines.append(f"RDATE:{','.join(local_time(s) for s in starts)}")
        lines += [
            f"TZNAME:{text(name)}",
            f"TZOFFSETFROM:{offset(offset_to if offset_from is None else offset_from)}",
            f"TZOFFSETTO:{offset(offset_to)}",
            f"END:{kind}",
        ]
    return [*lines, "END:VTIMEZONE"]


def document(lines: list[str]) -> str:
    """The file: every content line folded, each ended by CRLF."""
    return "".join(fold(line) + "\r\n" for line in lines)
