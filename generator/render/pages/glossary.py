"""The glossary: an A to Z page and a page for each word."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import groupby

from generator.compute import Computed
from generator.models.site import SiteData
from generator.render.jinja import render
from generator.render.page import Page


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    terms = sorted(data.glossary, key=lambda t: t.term.casefold())
    by_id = {t.id: t for t in terms}
    letters = [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: t.term[0].upper())]
    yield Page("glossary/index.md", render("glossary/index.md.j2", letters=letters))
    for term in terms:
        related = [by_id[r] for r in term.related]
        yield Page(f"glossary/{term.id}.md", render("glossary/term.md.j2", term=term, related=related))
