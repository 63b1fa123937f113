"""Toolkit pages: a list of toolkits and a page for each."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.compute import Computed
from generator.models.site import SiteData
from generator.render.jinja import render
from generator.render.page import Page


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    toolkits = sorted(data.toolkits, key=lambda t: t.number)
    yield Page("toolkits/index.md", render("toolkits/index.md.j2", toolkits=toolkits, note=data.settings.toolkits_note))
    for toolkit in toolkits:
        yield Page(f"toolkits/{toolkit.id}.md", render("toolkits/toolkit.md.j2", toolkit=toolkit))
