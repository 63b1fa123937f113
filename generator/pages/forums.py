"""Pages about the community forums."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from ..render import render
from . import Page

if TYPE_CHECKING:
    from ..load import SiteData


def pages(data: SiteData, today: date) -> Iterator[Page]:
    areas = {area.id: area for area in data.areas}
    yield Page("forums/index.md", render("forums/index.md.j2", forums=data.forums, areas=areas, settings=data.settings))
    for forum in data.forums:
        area = areas.get(forum.area) if forum.area else None
        yield Page(f"forums/{forum.id}.md", render("forums/forum.md.j2", forum=forum, area=area, settings=data.settings))
