"""Finding glossary words in text, in one pass, and linking the first use of each on a page.

How matching works: the text is cut into word tokens once ("co-production" is 1 token, because
dashes join). Every glossary form is stored as a tuple of normalised tokens in a dict. At each token
we look up the longest phrase first, so "peer support worker" wins over "peer support", and
"co-production" can never match "production" (a different token). The cost is a few dict look-ups
per token, whatever the size of the glossary: no search per word.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from generator.compute.plurals import number_forms
from generator.compute.word_forms import DASHES, TOKEN, case_sensitive
from generator.compute.word_forms import normal as normal_token
from generator.easyread.htmltext import TextRun, text_runs
from generator.models.glossary import Term
from generator.render.jinja import render

_NUMBER = re.compile(r"^\d+(?:[.,:]\d+)*$")
# Pages share much of their text (a template's sentences, a heading on every page of a kind), and the matches
# of a text never change: the matches of the texts used most lately are kept (a bound on the memory they take).
KEPT_TEXTS = 1024


@dataclass(frozen=True)
class Entry:
    """What the matcher needs to know about one glossary word."""

    id: str
    forms: tuple[str, ...]
    match_case: bool = False
    not_after_number: bool = False
    # Phrases where the word means something else ("rows of chairs"): matched like forms, never linked.
    not_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Form:
    term_id: str
    exact: tuple[str, ...] | None  # tokens as written, when case matters
    not_after_number: bool


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term_id: str


class Matcher:
    """Finds every glossary form in a text. Build it once per site, use it for every page."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._phrases: dict[tuple[str, ...], list[_Form]] = {}
        self._first: set[str] = set()
        self.longest = 1
        self._kept = lru_cache(maxsize=KEPT_TEXTS)(self._matches)  # text → its matches, for the latest texts
        for entry in entries:
            for written in entry.forms:
                for form in (written, *number_forms(written)):
                    if form:
                        self._add(entry, form)
            for phrase in entry.not_in:
                self._add(entry, phrase, blocks=True)

    def _add(self, entry: Entry, form: str, blocks: bool = False) -> None:
        tokens = tuple(TOKEN.findall(form))
        if not tokens:
            return
        key = tuple(normal_token(t) for t in tokens)
        exact = tuple(t.translate(DASHES) for t in tokens) if (entry.match_case or case_sensitive(form)) else None
        # A blocking phrase has no term: it only stops a shorter form inside it from matching.
        self._phrases.setdefault(key, []).append(_Form("" if blocks else entry.id, exact, entry.not_after_number))
        self._first.add(key[0])
        self.longest = max(self.longest, len(key))

    def find(self, text: str) -> tuple[Match, ...]:
        """Glossary words in `text`, left to right, longest first, never overlapping."""
        return self._kept(text)

    def forget_texts(self) -> None:
        """Let go of the matches kept for texts seen lately (a build does, once every page is read)."""
        self._kept.cache_clear()

    def _matches(self, text: str) -> tuple[Match, ...]:
        # `normal_token` for each token, written out: this runs for every piece of text on every page. In ASCII
        # text (nearly all of it) no dash needs changing and casefold is lower, so the whole text is lowered at once.
        if text.isascii():
            normal = TOKEN.findall(text.lower())
        else:
            normal = [word.translate(DASHES).casefold() for word in TOKEN.findall(text)]
        first = self._first
        if first.isdisjoint(normal):
            return ()  # most pieces of text hold no glossary word: their positions are never needed
        tokens = list(TOKEN.finditer(text))
        count = len(tokens)
        index = 0
        found: list[Match] = []
        while index < count:
            if normal[index] not in first:
                index += 1
                continue
            at = self._match_at(text, tokens, normal, index)
            if at is None:
                index += 1
                continue
            length, term_id = at
            if term_id:
                found.append(Match(tokens[index].start(), tokens[index + length - 1].end(), term_id))
            index += length
        return tuple(found)

    def _match_at(
        self, text: str, tokens: Sequence[re.Match[str]], normal: Sequence[str], index: int,
    ) -> tuple[int, str] | None:
        # How many tokens from here are joined by plain spaces (a phrase never spans "peer, support").
        reach = 1
        while (
            reach < self.longest and index + reach < len(tokens)
            and text[tokens[index + reach - 1].end():tokens[index + reach].start()].isspace()
        ):
            reach += 1
        for length in range(reach, 0, -1):
            forms = self._phrases.get(tuple(normal[index:index + length]))
            if not forms:
                continue
            written = tuple(t.group().translate(DASHES) for t in tokens[index:index + length])
            for form in forms:
                if form.exact is not None and form.exact != written:
                    continue
                if form.not_after_number and index and _NUMBER.match(tokens[index - 1].group()) \
                        and text[tokens[index - 1].end():tokens[index].start()].isspace():
                    continue
                return length, form.term_id
        return None


@dataclass(frozen=True)
class Linked:
    html: str
    # Glossary ids used on the page, in the order they first appear.
    used: list[str]


def link_terms(
    html: str, matcher: Matcher, href: Callable[[str], str], own: str | None = None,
    runs: Sequence[TextRun] | None = None,
) -> Linked:
    """Link the first use of each glossary word in `html`, in a single pass over its text.

    Text inside links, headings, code, scripts, styles, form controls and anything marked
    `data-glossary="off"` is never changed; words seen there still count as used on the page.
    `own` is the id of the word whose own page this is: it is neither linked nor listed.
    Pass `runs` (from `text_runs(html)`) when the page was walked already: each page is parsed once.
    """
    used: list[str] = []
    seen: set[str] = set()
    linked: set[str] = set()
    pieces: list[str] = []
    done = 0
    for run in text_runs(html) if runs is None else runs:
        if run.hidden:
            continue
        replacements: list[tuple[Match, str]] = []
        for match in matcher.find(run.raw):
            if match.term_id == own:
                continue
            if match.term_id not in seen:
                seen.add(match.term_id)
                used.append(match.term_id)
            # The first use where a link is allowed: a word first seen in a heading is linked later on.
            if match.term_id not in linked and not run.no_link:
                linked.add(match.term_id)
                replacements.append((match, match.term_id))
        if not replacements:
            continue
        pieces.append(html[done:run.start])
        cursor = 0
        for match, term_id in replacements:
            pieces.append(run.raw[cursor:match.start])
            pieces.append(
                f'<a class="glossary-link" href="{escape(href(term_id))}">{run.raw[match.start:match.end]}</a>'
            )
            cursor = match.end
        pieces.append(run.raw[cursor:])
        done = run.end
    pieces.append(html[done:])
    return Linked("".join(pieces), used)


def entries_for(terms: Iterable[Term]) -> list[Entry]:
    """Matcher entries for the glossary's terms."""
    return [
        Entry(
            id=t.id,
            forms=(t.term, *t.other_forms),
            match_case=t.match_case,
            not_after_number=t.not_after_number,
            not_in=tuple(t.not_in),
        )
        for t in terms
    ]




def words_on_page(terms: Sequence[Term], href: Callable[[str], str]) -> str:
    """The "Words on this page" section: each word used, linked to its page, with its meaning."""
    if not terms:
        return ""
    return _words_section(tuple((href(term.id), term.term, term.meaning) for term in terms))


KEPT_SECTIONS = 256  # a section can be a few kilobytes: fewer are kept than texts


@lru_cache(maxsize=KEPT_SECTIONS)
def _words_section(words: tuple[tuple[str, str, str], ...]) -> str:
    """The section for these words (each link, word and meaning): pages in one folder that use the same words share it."""
    return render("glossary/words-on-page.html.j2", words=words)


def forget_sections() -> None:
    """Let go of the sections kept for the words used lately (a build does, once every page is read)."""
    _words_section.cache_clear()
