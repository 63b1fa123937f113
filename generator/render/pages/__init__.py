"""Models → pages. Each kind of data has a module here that returns its pages."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from generator.compute import Computed, computed_for
from generator.models.site import SiteData
from generator.render.page import Page
from generator.render.pages import feedback, forums, glossary, meetings, newsletters, projects, toolkits

PageMaker = Callable[[SiteData, date, Computed], Iterable[Page]]


def all_pages(data: SiteData, today: date, computed: Computed | None = None) -> list[Page]:
    done = computed_for(data, today, computed)
    # A programme without forums, groups or toolkits (a Board only, say) gets no empty pages about them.
    makers: list[PageMaker] = [glossary.pages]
    if data.projects is not None:
        makers.append(projects.pages)
    if data.forums:
        makers += [forums.pages, feedback.pages, newsletters.pages]
    if data.bodies:
        makers.append(meetings.pages)
    if data.toolkits:
        makers.append(toolkits.pages)
    pages = [page for make in makers for page in make(data, today, done)]
    duplicates = {path for path, count in Counter(p.path for p in pages).items() if count > 1}
    if duplicates:
        raise ValueError(f"Two generated pages share a path: {sorted(duplicates)}")
    return pages
