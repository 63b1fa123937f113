"""The easy-read checks for a whole site: readability figures and unknown words in capitals, page by page.

Both the MkDocs plugin and `python -m generator readability` feed pages in here, so they report the same.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.compute.plurals import number_forms
from generator.easyread.acronyms import SourceLines, describe, forget_capitals, known_capital_words, unknown_capital_words
from generator.easyread.htmltext import TextRun, text_runs
from generator.easyread.linking import Matcher, entries_for
from generator.easyread.readability import Figures, forget_sentences, measure, problems, table
from generator.models.site import SiteData

TEMPLATES = Path(__file__).parent.parent / "render" / "templates"


def explained_words(data: SiteData) -> set[str]:
    """Every glossary form and its plural, in small letters: these are not 'long words', they are explained."""
    found: set[str] = set()
    for term in data.glossary:
        for form in (term.term, *term.other_forms):
            for written in (form, *number_forms(form)):
                if written:
                    found.update(part.casefold() for part in written.split())
    return found


def forget_repeated_texts() -> None:
    """Let go of what was kept for texts that many pages share, once every page has been read.

    The build holds the most after that (every page's HTML, the search index): the memory is needed there.
    """
    forget_sentences()
    forget_capitals()


def html_digest(html: str) -> bytes:
    """A page's HTML in 16 bytes, to tell whether it changed since the last build without keeping it."""
    return hashlib.blake2b(html.encode(), digest_size=16).digest()


def glossary_matcher(data: SiteData) -> Matcher:
    return Matcher(entries_for(data.glossary))


@dataclass
class SiteCheck:
    """Collects what each page needs fixing; reports it once every page has been read."""

    data: SiteData
    root: Path
    content_dir: Path
    figures: list[Figures] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, list[str]] = field(default_factory=dict)  # word → pages it is on

    # Worked out for the first page read (none when every page comes from the last build), kept by `reset`.
    @cached_property
    def _known(self) -> set[str]:
        forms = [form for term in self.data.glossary for form in (term.term, *term.other_forms)]
        exceptions = [item.word for item in self.data.readability.acronym_exceptions]
        return known_capital_words(forms, exceptions)

    @cached_property
    def _explained(self) -> set[str]:
        return explained_words(self.data)

    def reset(self, data: SiteData | None = None) -> None:
        """Forget the pages read, keeping what was worked out from the data (for the next build of the same data).

        `data`: the data of the next build, when only what the checks do not read changed (meanings, dates).
        """
        if data is not None:
            self.data = data
        self.figures = []
        self.shown = {}
        self.capitals = {}

    def read_page(self, page: str, html: str, runs: Sequence[TextRun] | None = None) -> tuple[Figures, list[str]]:
        """What one page gives, without keeping it: its figures and the words in capitals nobody explained.

        Pass `runs` (from `text_runs(html)`) when the page was walked already, as the plugin does for linking.
        """
        runs = list(text_runs(html)) if runs is None else runs  # walk the HTML once for every check
        return measure(page, html, self.data.readability, self._explained, runs), \
            unknown_capital_words(html, self._known, runs)

    def record(self, page: str, figures: Figures, capitals: Iterable[str], shown: str | None = None) -> None:
        """Keep what a page gave (from `read_page`, now or on an earlier build), for the report."""
        self.shown[page] = shown or page
        self.figures.append(figures)
        for word in capitals:
            self.capitals.setdefault(word, []).append(page)

    def add_page(self, page: str, html: str, shown: str | None = None) -> Figures:
        """Read one page and keep what it gave. `page` is its path like `forums/index.md`; `shown` is how to
        name it in messages."""
        figures, capitals = self.read_page(page, html)
        self.record(page, figures, capitals, shown)
        return figures

    def readability_problems(self) -> list[str]:
        settings = self.data.readability
        return [line for f in self.figures for line in problems(f, settings, self.shown.get(f.page))]

    def acronym_problems(self) -> list[str]:
        if not self.capitals:
            return []
        lines = SourceLines(self.root, [self.content_dir, self.root / "data", TEMPLATES])
        found = []
        for word, pages in sorted(self.capitals.items()):
            first = pages[0]
            prefer = self.shown.get(first, "").split(" ", 1)[0]
            found.append(describe(word, pages, lines.places(word, prefer)))
        return found

    def enforced_problems(self) -> list[str]:
        """What must stop the build, given the `enforce` settings."""
        settings = self.data.readability
        found: list[str] = []
        if settings.enforce_acronyms:
            found += self.acronym_problems()
        if settings.enforce:
            found += self.readability_problems()
        return found

    def table(self, pages: Iterable[Figures] | None = None) -> str:
        return table(self.figures if pages is None else pages, self.data.readability)
