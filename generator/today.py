"""Which day the site is built for. Everything that splits past from upcoming takes this date."""
from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def resolve_today(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> date:
    """`--today` first, then SITE_TODAY, then SOURCE_DATE_EPOCH, then the real date in London.

    Setting one of these makes a build reproducible: the same data gives the same site.
    """
    environ = os.environ if environ is None else environ
    if explicit:
        return date.fromisoformat(explicit)
    if environ.get("SITE_TODAY"):
        return date.fromisoformat(environ["SITE_TODAY"])
    if environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), LONDON).date()
    return datetime.now(LONDON).date()
