"""Settings for the easy-read checks: `data/readability.yml`."""
from __future__ import annotations

from generator.models.common import Record, Text


class Limits(Record):
    """The most a page may have. Leave a limit out (or write null) to only report that figure."""

    max_sentence_words: int | None = None
    max_average_words: int | None = None
    min_reading_ease: int | None = None
    max_long_words_percent: int | None = None


class PageKind(Record):
    """A kind of page, found by its path, with its own limits (those not given come from `limits`)."""

    name: Text
    pages: list[Text]  # like "meetings/*" or "index.md"
    limits: Limits


class AcronymException(Record):
    word: Text
    reason: Text


class ReadabilitySettings(Record):
    # true: a page over a limit stops the build. false: the build only reports it.
    enforce: bool
    limits: Limits
    kinds: list[PageKind] = []
    # Pages with fewer words than this get no reading ease figure: on a few words it means little.
    min_words_for_reading_ease: int = 50
    # A long word has at least this many syllables.
    long_word_syllables: int = 3
    # true: a word in capitals that is not in the glossary stops the build.
    enforce_acronyms: bool
    acronym_exceptions: list[AcronymException] = []
