"""Models → pages. Each kind of data has a module here that returns its pages."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..load import SiteData


@dataclass(frozen=True)
class Page:
    """One generated Markdown page. `path` is relative to the site root, like `forums/index.md`."""

    path: str
    markdown: str


PageMaker = Callable[["SiteData", date], Iterable[Page]]


def all_pages(data: SiteData, today: date) -> list[Page]:
    from . import feedback, forums, glossary, meetings, newsletters, toolkits

    makers: list[PageMaker] = [
        forums.pages, glossary.pages, meetings.pages, feedback.pages, newsletters.pages, toolkits.pages,
    ]
    pages = [page for make in makers for page in make(data, today)]
    paths = [p.path for p in pages]
    duplicates = {p for p in paths if paths.count(p) > 1}
    if duplicates:
        raise ValueError(f"Two generated pages share a path: {sorted(duplicates)}")
    return pages
