"""The acronym check: every word in capitals on a page must be in the glossary or on the exceptions list.

"A word in capitals" has at least 2 capital letters, no more small letters than capitals, and no digits:
NHS, SaBP, ImROC and CCGs count; YouTube, WhatsApp and McDonald do not (they are names), nor GU21 (a postcode).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from pathlib import Path

from generator.compute.plurals import number_forms
from generator.easyread.htmltext import TextRun, text_runs

# Pages share much of their text: the words in capitals of the texts used most lately are kept.
_KEPT_TEXTS = 1024
# The tokens with 2 or more letters that are not a to z (nor digits): a superset of the words in capitals,
# found by the regular expression engine, so the check in Python looks at a few tokens, not at every word.
_CANDIDATE = re.compile(r"(?<![^\W_])(?=(?:[a-z0-9]*[^\Wa-z0-9_]){2})[^\W_]+")


def is_capital_word(word: str) -> bool:
    if word[1:].islower() or len(word) < 2:
        return False  # the common case, checked cheaply: "Forum", "forum"
    if any(ch.isdigit() for ch in word):
        return False  # postcodes (GU21), paper sizes (A4): not acronyms to explain
    upper = sum(1 for ch in word if ch.isupper())
    lower = sum(1 for ch in word if ch.islower())
    return upper >= 2 and upper >= lower


def capital_words(text: str) -> Iterator[str]:
    for word in _CANDIDATE.findall(text):
        if is_capital_word(word):
            yield word


def known_capital_words(forms: Iterable[str], exceptions: Iterable[str]) -> set[str]:
    """Capital words the glossary explains (in any of its forms, with plurals) plus the exceptions."""
    known: set[str] = set()
    for form in forms:
        for written in (form, *number_forms(form)):
            known.update(capital_words(written or ""))
    for word in exceptions:
        known.update(capital_words(word))
        known.add(word)
    return known


def unknown_capital_words(html: str, known: set[str], runs: Sequence[TextRun] | None = None) -> list[str]:
    """Words in capitals in the page's visible text that nobody has explained, in page order."""
    found: dict[str, None] = {}
    # Run by run: a word never runs across 2 runs ("N<b>HS</b>" stays "N" and "HS").
    for run in text_runs(html) if runs is None else runs:
        if run.hidden:
            continue
        for word in _capitals_in(run.raw):
            if word not in known and not (word.endswith("s") and word[:-1] in known):
                found.setdefault(word)
    return list(found)


def forget_capitals() -> None:
    """Let go of the words in capitals kept for texts that many pages share."""
    _capitals_in.cache_clear()


@lru_cache(maxsize=_KEPT_TEXTS)
def _capitals_in(raw: str) -> tuple[str, ...]:
    """The words in capitals in one run of text, as written in the HTML: pages share much of their text."""
    return tuple(capital_words(unescape(raw)))


@dataclass(frozen=True)
class Place:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class SourceLines:
    """The lines of every file page text can come from, to say where an unknown word was written."""

    def __init__(self, root: Path, folders: Iterable[Path]) -> None:
        self._lines: list[tuple[str, int, str]] = []
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                if path.suffix not in {".md", ".yml", ".yaml", ".j2", ".html"} or not path.is_file():
                    continue
                try:
                    text = path.read_text(encoding="utf-8")
                except (UnicodeDecodeError, OSError):
                    continue
                shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
                for number, line in enumerate(text.splitlines(), start=1):
                    if not line.lstrip().startswith("#") or path.suffix == ".md":
                        self._lines.append((shown, number, line))

    def places(self, word: str, prefer: str | None = None) -> list[Place]:
        """Where `word` is written as a whole word. A page's own source file comes first."""
        pattern = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")
        found = [Place(file, number) for file, number, line in self._lines if pattern.search(line)]
        found.sort(key=lambda place: place.file != prefer)
        return found


def describe(word: str, pages: list[str], places: list[Place]) -> str:
    where = str(places[0]) if places else pages[0]
    also = f" It is also in {', '.join(map(str, places[1:4]))}." if len(places) > 1 else ""
    seen = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
    return (
        f'{where}: "{word}" is in capitals but is not in the glossary (on {seen}).{also} '
        f"Add it to data/glossary.yml with its meaning, or write it out in full. "
        f"If it needs no meaning, add it to acronym_exceptions in data/readability.yml with a reason."
    )
