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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from generator.outputs.search_sections import Section

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


def _page_numbers(records: Sequence[str], budget: int) -> list[int]:
    """Each page's number: its file × G + its place in the file. Files fill up to the budget, in the pages' order.

    A page's own number says which file holds it, so the files can differ in how many pages they hold (a forum page
    is big, a story is small) without a list of where each file starts.
    """
    numbers = []
    file = used = count = 0
    for record in records:
        if count and (used + len(record) > budget or count == PAGES_PER_FILE):
            file, used, count = file + 1, 0, 0
        numbers.append(file * PAGES_PER_FILE + count)
        used, count = used + len(record) + 1, count + 1
    return numbers


def _postings(pages: Sequence[SearchPage], numbers: Sequence[int]) -> dict[str, list[int]]:
    """Each word → its places, as the word files store them (page gaps and section codes, in page order)."""
    # Gaps as each place is found, in the one list per word: turning page numbers into gaps at the end held
    # every word's places twice over, at the build's peak (1.2 MiB at 10x).
    postings: dict[str, list[int]] = {}  # word → page gap, code, page gap, code, ...
    last: dict[str, int] = {}  # word → the page it was last found on
    for number, page in zip(numbers, pages, strict=True):  # pages in order, each page's sections in order
        for index, section in enumerate(page.sections):
            in_title = set(words(page.title if index == 0 else section.title))
            in_text = set(words(section.text))
            for word in in_title | in_text:
                postings.setdefault(word, []).extend((
                    number - last.get(word, 0),
                    index * 4 + (TITLE if word in in_title else 0) + (TEXT if word in in_text else 0),
                ))
                last[word] = number
    return postings


def _shards(postings: dict[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    """Prefix → its words. Each word lives under the longest prefix of it that has a file."""
    sizes = {word: len(word) + len(_dumps(places)) + 4 for word, places in postings.items()}
    shards: dict[str, dict[str, list[int]]] = {}

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
    """Every file of the search index as (path in the site, text), one at a time.

    A caller that writes each one as it comes never holds the whole index: it is made at the end of the build,
    when everything else is still held too.
    """
    ordered = list(pages)
    sections = [_section_records(page) for page in ordered]
    whole = sum(len(_dumps(own)) + len(page.url) + len(page.title) for page, own in zip(ordered, sections, strict=True))
    budget, per_section = (max(PAGES_BUDGET, whole // 4 + 1), 16) if whole <= SMALL_SITE else (PAGES_BUDGET, SECTIONS_PER_FILE)
    records = [_dumps([page.url, page.title, own[:per_section]]) for page, own in zip(ordered, sections, strict=True)]
    numbers = _page_numbers(records, budget)
    shards = _shards(_postings(ordered, numbers))
    yield "search/index.json", _dumps({
        "version": 1, "pages": len(ordered), "pages_per_file": PAGES_PER_FILE, "sections_per_file": per_section,
        "prefix_min": 3, "words": sorted(shards),
    })
    for prefix, entries in shards.items():
        yield f"search/words/{file_name(prefix)}.json", _dumps(dict(sorted(entries.items())))
    in_file: dict[int, list[str]] = {}
    for number, record in zip(numbers, records, strict=True):
        in_file.setdefault(number // PAGES_PER_FILE, []).append(record)
    for file, held in in_file.items():
        yield f"search/pages/{file}.json", "[" + ",".join(held) + "]"
    for number, page, own in zip(numbers, ordered, sections, strict=True):
        for start in range(per_section, len(own), per_section):
            yield f"search/sections/{number}-{start // per_section}.json", _dumps(
                [page.url, page.title, own[start:start + per_section]],
            )
