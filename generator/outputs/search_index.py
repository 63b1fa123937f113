"""The search index: small files, so a search fetches only what its words need.

    search/index.json             which word files there are, and how pages are split into files
    search/words/<prefix>.json    each word starting with that prefix → where it is, as pairs of numbers:
                                  (pages since the last place, section × 4 + 1 if in its heading + 2 if in its text)
    search/pages/<n>.json         the pages numbered n × G to n × G + G - 1 (`_page_numbers`), each as
                                  [address, title, its first K sections], a section being [anchor, heading, snippet]
    search/sections/<page>-<c>.json  a long page's sections c × K to c × K + K - 1: [address, title, sections]

A word file holds every word that starts with its prefix; a prefix whose words would make a file bigger than
`WORDS_BUDGET` is split by the next letter, so a search for "forum" fetches one small file even at 10,000 pages,
and the last word typed, with 3 letters or more, also finds longer words ("forum" finds "forums") from the
files below its own.
A result needs one small file of pages, or of sections for a long page (a glossary letter, "You said, we did"),
never a whole long page. theme/assets/javascripts/search.js reads these files; both sides fold words the same
way (`words`).

Pure: the caller gives each page's address, title and sections (`search_sections.page_sections`).
"""
from __future__ import annotations

import json
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TypeVar

from generator.outputs.search_sections import Section

T = TypeVar("T")

WORDS_BUDGET = 6_000  # bytes: a word file bigger than this is split by the next letter, while a letter is left
PAGES_BUDGET = 5_000  # bytes: a file of pages holds pages until the next would make it bigger than this
PAGES_PER_FILE = 64  # G: at most this many pages in a file; page number = file × G + place in the file
SECTIONS_PER_FILE = 8  # K: a page's first sections go with the page, the others in files of this many
# A small site (all its pages' records under this many bytes) has 4 bigger files of pages and 16 sections a
# page: a few requests cost less time than many small ones, and the whole is still smaller than one index.
SMALL_SITE = 128_000
SNIPPET = 160  # characters of a section's text shown under its link
MAX_PREFIX = 6  # a prefix never grows longer than this, so a very common word keeps one file of its own
_WORD = re.compile(r"[^\W_]+")
_SAFE = re.compile(r"[a-z0-9]")
TITLE, TEXT = 1, 2


@dataclass(frozen=True)
class SearchPage:
    url: str  # the page's address from the site's root, "forums/east-surrey/"
    title: str  # what the page calls itself at its top: its first heading, or else its title in the menu
    sections: Sequence[Section]  # the first is the top of the page


def fold(text: str) -> str:
    """Lower case, accents taken off: "Café" and "cafe" are the same word."""
    lower = text.lower()
    if lower.isascii():
        return lower  # most text: nothing to take off, and 20 times faster
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(ch for ch in decomposed if ch.isascii() or not unicodedata.category(ch).startswith("M"))


def words(text: str) -> list[str]:
    """The words of `text` as search compares them: letters and digits, folded; anything else splits them."""
    return _WORD.findall(fold(text))


def file_name(prefix: str) -> str:
    """A prefix as a file name: a-z and 0-9 as they are, any other letter as _ and its code point in hex."""
    return "".join(ch if _SAFE.fullmatch(ch) else f"_{ord(ch):x}" for ch in prefix)


def snippet(text: str, limit: int = SNIPPET) -> str:
    """The start of a section's text, cut at the end of a word."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"


def _dumps(value: object) -> str:
    # Not ASCII-escaped: the build's privacy scan reads every built file as text, and must see names as written.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _add_places(postings: dict[str, array[int]], last: dict[str, int], number: int, page: SearchPage) -> None:
    """Add one page's words to `postings`: each word → page gap, section code, page gap, code, ... in page order.

    Gaps as each place is found, in one array a word: turning page numbers into gaps at the end held every
    word's places twice over. Arrays of 4-byte numbers, not lists: 1.5 million places at 10,000 pages took
    16 MiB as lists of Python numbers, the most the build held at any time. `last`: word → the page it was
    last found on.
    """
    for index, section in enumerate(page.sections):
        in_title = set(words(page.title if index == 0 else section.title))
        in_text = set(words(section.text))
        code = index * 4
        # Each word once, with where it is: in both the heading and the text, in the heading only, in the text only.
        for found, where in ((in_title & in_text, TITLE + TEXT), (in_title - in_text, TITLE), (in_text - in_title, TEXT)):
            for word in found:
                places = postings.get(word)
                if places is None:
                    places = postings[word] = array("i")
                places.extend((number - last.get(word, 0), code + where))
                last[word] = number


def _shards(postings: dict[str, array[int]]) -> dict[str, dict[str, array[int]]]:
    """Prefix → its words. Each word lives under the longest prefix of it that has a file."""
    sizes = {word: len(word) + len(_dumps(places.tolist())) + 4 for word, places in postings.items()}
    shards: dict[str, dict[str, array[int]]] = {}

    def place(prefix: str, group: list[str]) -> None:
        if sum(sizes[w] for w in group) <= WORDS_BUDGET or len(prefix) >= MAX_PREFIX:
            shards[prefix] = {w: postings[w] for w in group}
            return
        here = [w for w in group if len(w) == len(prefix)]
        if here:
            shards[prefix] = {w: postings[w] for w in here}
        longer: dict[str, list[str]] = {}
        for word in group:
            if len(word) > len(prefix):
                longer.setdefault(word[: len(prefix) + 1], []).append(word)
        for child, members in longer.items():
            place(child, members)

    by_letter: dict[str, list[str]] = {}
    for word in sorted(postings):
        by_letter.setdefault(word[0], []).append(word)
    for letter, group in by_letter.items():
        place(letter, group)
    return shards


def _section_records(page: SearchPage) -> list[list[str]]:
    records = [["", "", snippet(page.sections[0].text)] if page.sections else ["", "", ""]]
    return records + [[s.anchor or "", s.title, snippet(s.text)] for s in page.sections[1:]]


def search_files(pages: Iterable[SearchPage]) -> dict[str, str]:
    """Path in the site → text, for every file of the search index."""
    return dict(each_search_file(pages))


def each_search_file(pages: Iterable[SearchPage]) -> Iterator[tuple[str, str]]:
    """Every file of the search index as (path in the site, text), one at a time, from one pass over `pages`.

    Made at the end of the build, when everything else is still held too, so nothing is held longer than it
    must be: each file of pages is given as soon as it is full, a long page's own files as soon as it is read,
    and a page is let go once its words are counted (a caller may hand the pages over one by one and keep none).
    Only the words' places are held to the end, for the word files and the index.
    """
    source = iter(pages)
    # A small site (all its pages' records under SMALL_SITE bytes) gets bigger files: read on until that is known.
    ahead: list[SearchPage] = []
    whole = 0
    for page in source:
        ahead.append(page)
        whole += len(_dumps(_section_records(page))) + len(page.url) + len(page.title)
        if whole > SMALL_SITE:
            break
    small = whole <= SMALL_SITE
    budget, per_section = (max(PAGES_BUDGET, whole // 4 + 1), 16) if small else (PAGES_BUDGET, SECTIONS_PER_FILE)
    # Each page's number is its file × G + its place in the file. Files fill up to the budget, in the pages'
    # order, so a page's own number says which file holds it: the files can differ in how many pages they hold
    # (a forum page is big, a story is small) without a list of where each file starts.
    postings: dict[str, array[int]] = {}
    last: dict[str, int] = {}
    held: list[str] = []  # the records of the file being filled
    file = used = count = 0
    for page in chain(handed_over(ahead), source):
        own = _section_records(page)
        record = _dumps([page.url, page.title, own[:per_section]])
        if held and (used + len(record) > budget or len(held) == PAGES_PER_FILE):
            yield f"search/pages/{file}.json", "[" + ",".join(held) + "]"
            file, used, held = file + 1, 0, []
        number = file * PAGES_PER_FILE + len(held)
        held.append(record)
        used += len(record) + 1
        count += 1
        for start in range(per_section, len(own), per_section):
            yield f"search/sections/{number}-{start // per_section}.json", _dumps(
                [page.url, page.title, own[start:start + per_section]],
            )
        _add_places(postings, last, number, page)
    if held:
        yield f"search/pages/{file}.json", "[" + ",".join(held) + "]"
    shards = _shards(postings)
    for prefix, entries in shards.items():
        yield f"search/words/{file_name(prefix)}.json", _dumps({word: entries[word].tolist() for word in sorted(entries)})
    yield "search/index.json", _dumps({
        "version": 1, "pages": count, "pages_per_file": PAGES_PER_FILE, "sections_per_file": per_section,
        "prefix_min": 3, "words": sorted(shards),
    })


def handed_over(items: list[T]) -> Iterator[T]:
    """Each item of `items` in order, emptying the list as it goes: once given, an item is held only by its taker."""
    items.reverse()
    while items:
        yield items.pop()
