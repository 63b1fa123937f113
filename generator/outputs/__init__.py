"""Every generated file that is not a page: open data, calendars and feeds, by path in the site."""
from __future__ import annotations

from datetime import date

from generator.compute import Computed, computed_for
from generator.models.site import SiteData
from generator.outputs.api import api_documents, to_json
from generator.outputs.calendars import calendar_documents
from generator.outputs.feeds import feed_documents


def extra_files(
    data: SiteData, today: date, site_url: str | None = None, computed: Computed | None = None,
) -> dict[str, str]:
    """Path in the site → exact text. Calendar text keeps its CRLF line ends, so write it unchanged."""
    done = computed_for(data, today, computed)
    files = {path: to_json(document) for path, document in api_documents(data, today, done).items()}
    files.update(calendar_documents(data, today, done))
    files.update(feed_documents(data, today, site_url, done))
    return files
