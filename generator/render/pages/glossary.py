"""The glossary: an A to Z page of letters, a page for each letter, and a page for each word.

One long page of every word was 25,000px tall on a phone, with 147 Tab stops before the first word.
Now the A to Z page is a short list of letters; each letter's page holds its words and their meanings.
"""
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
    for letter, group in letters:
        yield Page(
            f"glossary/{letter_page(letter)}.md",
            render("glossary/letter.md.j2", letter=letter, terms=group, letters=letters, letter_page=letter_page),
        )
    for term in terms:
        related = [by_id[r] for r in term.related]
        yield Page(
            f"glossary/{term.id}.md",
            render("glossary/term.md.j2", term=term, related=related, letter=letter_page(term.term[0].upper())),
        )


def letter_page(letter: str) -> str:
    """The file name (without `.md`) of a letter's page: `letter-a`."""
    return f"letter-{letter.lower()}"
