"""How hard a page is to read: words per sentence, Flesch reading ease, long words.

Body text is read from the page's HTML (see htmltext.py). What counts:
- paragraphs, list items, definition lists, quotes: prose. Each list item without a full stop is 1 sentence.
- headings, table cells and generated rows marked `data-readability="data"` (lists of dates that
  grow with time, `<div class="date-list" data-readability="data" markdown>`): checked against the longest-sentence limit, but left out of the average
  and the reading ease, because they are labels and data rather than sentences.
- code, scripts, styles, form controls, and anything marked `data-readability="off"`: not read.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import translate
from functools import lru_cache
from html import unescape
from typing import NamedTuple

from generator.easyread.htmltext import TextRun, text_runs
from generator.easyread.syllables import syllable_count
from generator.models.readability import Limits, ReadabilitySettings
from generator.models.sentences import sentences, words

_LETTERS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


class Sentence(NamedTuple):  # a tuple: a page has hundreds of sentences
    text: str
    words: int
    prose: bool  # false for headings and table cells


@dataclass(frozen=True)
class Figures:
    page: str
    kind: str
    sentences: int
    words: int
    longest: int
    longest_sentence: str
    average: float
    reading_ease: float | None
    long_words: tuple[str, ...]
    long_words_percent: float
    over_limit: tuple[Sentence, ...] = field(default=(), repr=False)


def page_sentences(html: str, runs: Sequence[TextRun] | None = None) -> list[Sentence]:
    """The sentences of the body text, in page order. Pass `runs` when the page was walked already."""
    return [sentence for text, prose in _blocks(html, runs) for sentence in _sentences_in(text, prose)]


def _blocks(html: str, runs: Sequence[TextRun] | None) -> list[tuple[str, bool]]:
    """The text of each block read, in the order the blocks start, and whether it is prose (not a heading or a cell)."""
    pieces: dict[int, list[str]] = {}  # each block's texts, blocks in the order they start
    prose: dict[int, bool] = {}
    for run in text_runs(html) if runs is None else runs:
        if run.skip_readability:
            continue
        raw = run.raw
        text = unescape(raw) if "&" in raw else raw
        texts = pieces.get(run.block)
        if texts is None:
            pieces[run.block] = [text]
            prose[run.block] = not (run.heading or run.in_table)
        else:
            texts.append(text)
            if run.heading or run.in_table:
                prose[run.block] = False
    return [(texts[0] if len(texts) == 1 else "".join(texts), prose[block]) for block, texts in pieces.items()]


def _sentences_in(text: str, prose: bool) -> tuple[Sentence, ...]:
    """The sentences of one block of text, each with its number of words."""
    return tuple(Sentence(sentence, len(words(sentence)), prose) for sentence in sentences(text))


class _Block(NamedTuple):
    """What one block of text adds to a page's figures."""

    sentences: tuple[Sentence, ...]
    words: int
    longest: Sentence | None  # the first of its longest sentences; None when it has no sentence
    letter_words: int  # for the reading ease: words of letters, and their syllables (prose only)
    syllables: int
    long: tuple[str, ...]  # its long words in order, glossary words too (prose only)


# Pages share much of their text (a template's sentences, a heading on every page of a kind), and what a text
# gives depends on the text alone: worked out once for each block and each sentence, not for each page it is on.
KEPT_TEXTS = 1024


@lru_cache(maxsize=KEPT_TEXTS)
def _block(text: str, prose: bool, long_enough: int) -> _Block:
    found = _sentences_in(text, prose)
    longest = max(found, key=lambda s: s.words, default=None)
    letter_words = syllable_total = 0
    long: list[str] = []
    if prose:
        for sentence in found:
            count, syllable_count, long_ones = _sentence_words(sentence.text, long_enough)
            letter_words += count
            syllable_total += syllable_count
            long.extend(long_ones)
    return _Block(found, sum(s.words for s in found), longest, letter_words, syllable_total, tuple(long))


@lru_cache(maxsize=KEPT_TEXTS)
def _sentence_words(sentence: str, long_enough: int) -> tuple[int, int, tuple[str, ...]]:
    """A sentence's words for the Flesch figure (how many, their syllables), and those with `long_enough` syllables.

    Names (a capital letter inside a sentence: Surrey, January) are not long words: an editor cannot swap them.
    """
    letters = _LETTERS.findall(sentence)
    counts = [syllables(word) for word in letters]
    long = tuple(
        word for position, (word, count) in enumerate(zip(letters, counts, strict=True))
        if count >= long_enough and not (position > 0 and word[0].isupper())
    )
    return len(letters), sum(counts), long


def forget_sentences() -> None:
    """Let go of the blocks and sentences kept for texts that many pages share (see `KEPT_TEXTS`)."""
    _block.cache_clear()
    _sentence_words.cache_clear()


def limits_for(page: str, settings: ReadabilitySettings) -> tuple[str, Limits]:
    """The kind of a page and its limits: the first kind whose pattern fits, else the defaults."""
    for fits, name, limits in _kinds(settings):
        if fits(page):
            return name, limits
    return "easy read", settings.limits


_Kind = tuple[Callable[[str], object], str, Limits]
_KINDS: list[tuple[ReadabilitySettings, tuple[_Kind, ...]]] = []  # the settings last asked about, and their kinds


def _kinds(settings: ReadabilitySettings) -> tuple[_Kind, ...]:
    """Each kind's patterns as one expression, and its limits merged with the defaults: once per settings, not per page."""
    if _KINDS and _KINDS[0][0] is settings:
        return _KINDS[0][1]
    kinds = []
    for kind in settings.kinds:
        if not kind.pages:
            continue  # no pattern: no page is of this kind
        # fnmatchcase's own translation: "meetings/*" fits "meetings/a/b.md" too, as it did page by page.
        fits = re.compile("|".join(translate(pattern) for pattern in kind.pages)).match
        merged = settings.limits.model_dump() | {name: getattr(kind.limits, name) for name in kind.limits.model_fields_set}
        kinds.append((fits, kind.name, Limits(**merged)))
    _KINDS[:] = [(settings, tuple(kinds))]
    return _KINDS[0][1]


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    return max(1, syllable_count(word))


def flesch_reading_ease(word_count: int, sentence_count: int, syllable_count: int) -> float:
    """The Flesch formula. We give it our own sentence count: textstat's own splitter drops short sentences."""
    return 206.835 - 1.015 * (word_count / sentence_count) - 84.6 * (syllable_count / word_count)


def measure(
    page: str, html: str, settings: ReadabilitySettings, explained: Iterable[str] = (),
    runs: Sequence[TextRun] | None = None,
) -> Figures:
    """The figures for one page. `explained` are glossary words (small letters): not counted as long."""
    kind, limits = limits_for(page, settings)
    explained_words = explained if isinstance(explained, (set, frozenset)) else set(explained)
    long_enough, limit = settings.long_word_syllables, limits.max_sentence_words
    prose_sentences = word_count = prose_word_count = syllable_total = 0
    longest: Sentence | None = None
    long_words: list[str] = []
    over: list[Sentence] = []
    for text, prose in _blocks(html, runs):
        block = _block(text, prose, long_enough)
        top = block.longest
        if top is None:
            continue  # no sentence in it
        if longest is None or top.words > longest.words:
            longest = top
        if limit is not None and top.words > limit:
            over.extend(s for s in block.sentences if s.words > limit)
        if prose:
            prose_sentences += len(block.sentences)
            word_count += block.words
            prose_word_count += block.letter_words
            syllable_total += block.syllables
            if block.long:
                long_words.extend(word for word in block.long if word.casefold() not in explained_words)
    if longest is None:
        longest = Sentence("", 0, True)
    ease = None
    if prose_sentences and prose_word_count and word_count >= settings.min_words_for_reading_ease:
        ease = round(flesch_reading_ease(prose_word_count, prose_sentences, syllable_total), 1)
    return Figures(
        page=page,
        kind=kind,
        sentences=prose_sentences,
        words=word_count,
        longest=longest.words,
        longest_sentence=longest.text,
        average=round(word_count / prose_sentences, 1) if prose_sentences else 0.0,
        reading_ease=ease,
        long_words=tuple(dict.fromkeys(w.casefold() for w in long_words)),
        long_words_percent=round(100 * len(long_words) / prose_word_count, 1) if prose_word_count else 0.0,
        over_limit=tuple(over),
    )


def _quote(text: str, most: int = 140) -> str:
    return f'"{text}"' if len(text) <= most else f'"{text[:most - 3]}..."'


def problems(figures: Figures, settings: ReadabilitySettings, shown_as: str | None = None) -> list[str]:
    """Plain messages for each limit a page is over, naming the page, the sentence and the figure."""
    _, limits = limits_for(figures.page, settings)
    page = shown_as or figures.page
    found = []
    for sentence in figures.over_limit:
        found.append(
            f"{page}: this sentence has {sentence.words} words (the limit is {limits.max_sentence_words}): "
            f"{_quote(sentence.text)} Split it in 2, or cut words."
        )
    if limits.max_average_words is not None and figures.average > limits.max_average_words:
        found.append(
            f"{page}: sentences have {figures.average} words on average (the limit is {limits.max_average_words}). "
            f"The longest has {figures.longest}: {_quote(figures.longest_sentence)} Split long sentences."
        )
    if (limits.min_reading_ease is not None and figures.reading_ease is not None
            and figures.reading_ease < limits.min_reading_ease):
        hard = ", ".join(figures.long_words[:8]) or "none"
        found.append(
            f"{page}: reading ease is {figures.reading_ease} (it must be {limits.min_reading_ease} or more). "
            f"Use shorter sentences and shorter words. Long words here: {hard}."
        )
    if limits.max_long_words_percent is not None and figures.long_words_percent > limits.max_long_words_percent:
        found.append(
            f"{page}: {figures.long_words_percent}% of words are long (the limit is {limits.max_long_words_percent}%). "
            f"Try simpler words for: {', '.join(figures.long_words[:8])}."
        )
    return found


def table(all_figures: Iterable[Figures], settings: ReadabilitySettings) -> str:
    """A plain-text table of every page's figures, with OK or OVER for each."""
    header = ("page", "kind", "sentences", "words", "longest", "average", "ease", "long %", "result")
    rows = [header]
    for figures in all_figures:
        rows.append((
            figures.page, figures.kind, str(figures.sentences), str(figures.words), str(figures.longest),
            f"{figures.average:.1f}", "-" if figures.reading_ease is None else f"{figures.reading_ease:.0f}",
            f"{figures.long_words_percent:.0f}", "OVER" if problems(figures, settings) else "ok",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for number, row in enumerate(rows):
        cells = [cell.ljust(width) if i < 2 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths, strict=False))]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)
