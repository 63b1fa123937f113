"""Models → pages. Each kind of data has a module here that returns its pages."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from generator.models.site import SiteData
from generator.render.page import Page
from generator.render.pages import feedback, forums, glossary, meetings, newsletters, projects, toolkits

PageMaker = Callable[[SiteData, date], Iterable[Page]]


def all_pages(data: SiteData, today: date) -> list[Page]:
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
    pages = [page for make in makers for page in make(data, today)]
    paths = [p.path for p in pages]
    duplicates = {p for p in paths if paths.count(p) > 1}
    if duplicates:
        raise ValueError(f"Two generated pages share a path: {sorted(duplicates)}")
    return pages
