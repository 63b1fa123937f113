"""The search index writer (generator/outputs/search_index.py) and the page sections it reads.

`lookup` below reads the files the way theme/assets/javascripts/search.js does, so these tests hold the
format both sides rely on; tests/test_search_browser.py runs the real script.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.outputs import search_index
from generator.outputs.search_index import SearchPage, file_name, search_files, snippet, words
from generator.outputs.search_sections import Section, page_sections


def lookup(files: dict[str, str], query: str) -> list[tuple[str, str, int]]:
    """(address, link text, score) of each page found, best first, as search.js finds them."""
    meta = json.loads(files["search/index.json"])
    known = set(meta["words"])
    maps = []
    typed = words(query)
    for at, word in enumerate(typed):
        prefix = at == len(typed) - 1 and len(word) >= meta["prefix_min"]
        shards = [p for p in (word[:n] for n in range(len(word), 0, -1)) if p in known][:1]
        if prefix:
            shards += [p for p in meta["words"] if len(p) > len(word) and p.startswith(word)]
        seen: dict[tuple[int, int], int] = {}
        for shard in shards:
            for indexed, places in json.loads(files[f"search/words/{file_name(shard)}.json"]).items():
                if indexed.startswith(word) if prefix else indexed == word:
                    page = 0
                    for gap, code in zip(places[::2], places[1::2], strict=True):
                        page += gap
                        seen[(page, code >> 2)] = seen.get((page, code >> 2), 0) | (code & 3)
        maps.append(seen)
    if not maps:
        return []
    best: dict[int, tuple[int, int]] = {}
    for place in maps[0]:
        if all(place in m for m in maps):
            score = sum((10 if m[place] & 1 else 0) + (1 if m[place] & 2 else 0) for m in maps) + (2 if place[1] == 0 else 0)
            kept = best.get(place[0])
            if kept is None or score > kept[0] or (score == kept[0] and place[1] < kept[1]):
                best[place[0]] = (score, place[1])
    found = []
    per, per_section = meta["pages_per_file"], meta["sections_per_file"]
    for page, (score, section) in sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:25]:
        part = section // per_section
        if part == 0:
            url, title, sections = json.loads(files[f"search/pages/{page // per}.json"])[page % per]
        else:
            url, title, sections = json.loads(files[f"search/sections/{page}-{part}.json"])
        anchor, heading, _ = sections[section % per_section]
        found.append((url + (f"#{anchor}" if anchor else ""), title if section == 0 else f"{title}: {heading}", score))
    return found


def page(url: str, title: str, *sections: tuple[str, str, str]) -> SearchPage:
    return SearchPage(url, title, [Section(None, title, sections[0][2] if sections else "")]
                      + [Section(a, t, x) for a, t, x in sections[1:]])


# ── Words ─────────────────────────────────────────────────────────────────────────────────────────────

def test_words_are_folded_and_split_like_the_script_splits_them() -> None:
    assert words("Café CO-PRODUCTION, don’t: 12 Station Road") == ["cafe", "co", "production", "don", "t", "12", "station", "road"]
    assert words("Ünïcödé naïve") == ["unicode", "naive"]
    assert words("— … !!") == []


def test_prefixes_make_safe_file_names() -> None:
    assert file_name("forum") == "forum"
    assert file_name("ca") == "ca"
    assert file_name("ça") == "_e7a"  # never happens after folding, but a letter from another alphabet can
    assert file_name("жи") == "_436_438"


def test_a_snippet_ends_at_a_whole_word() -> None:
    text = "We meet online on Microsoft Teams. " * 10
    cut = snippet(text)
    assert len(cut) <= 162 and cut.endswith(" …") and text.startswith(cut[:-2])
    assert cut[:-2].split()[-1] in text.split()
    assert snippet("Short.") == "Short."


# ── Sections of a page ────────────────────────────────────────────────────────────────────────────────

def test_sections_follow_headings_with_an_id_and_the_h1_names_the_top() -> None:
    html = (
        '<h1 id="east-surrey">East Surrey <em>forum</em></h1><p>A friendly group.</p>'
        '<h2 id="venue">Getting to the venue</h2><p>Redhill Community&nbsp;Centre</p><ul><li>Step-free</li><li>Loop</li></ul>'
        '<h3>No id</h3><p>Still the venue.</p>'
        '<h2 id="questions">Questions</h2><p>Email us.</p>'
    )
    assert page_sections(html) == [
        Section(None, "East Surrey forum", "A friendly group."),
        Section("venue", "Getting to the venue", "Redhill Community Centre Step-free Loop No id Still the venue."),
        Section("questions", "Questions", "Email us."),
    ]


def test_every_kind_of_white_space_reads_as_one_space() -> None:
    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())  # tabs, line ends, Unicode's spaces
    assert page_sections(f"<p>{spaces}Travel{spaces}money&#x2003;&nbsp; back{spaces}</p>") == [
        Section(None, "", "Travel money back"),
    ]


def test_a_page_without_h1_keeps_its_opening_words_at_the_top() -> None:
    assert page_sections('<p>Opening.</p><h2 id="more">More</h2><p>Text.</p>') == [
        Section(None, "", "Opening."), Section("more", "More", "Text."),
    ]


def test_repeated_and_unseen_blocks_are_left_out() -> None:
    html = (
        '<h1 id="t">Title</h1><p>Seen.</p>'
        '<script type="application/ld+json">{"name": "secret"}</script>'
        '<style>p { color: red }</style>'
        '<p hidden>Hidden words.</p><span aria-hidden="true">icon words</span>'
        '<svg><title>Icon</title></svg>'
        '<section class="glossary-words" data-search-exclude="repeated">'
        '<h2 id="words-on-this-page" data-search-exclude="repeated">Words on this page</h2>'
        '<section><p>Forum: a meeting.</p></section><p>Still left out.</p></section>'
        '<!-- a comment --><p>Also seen.</p>'
    )
    assert page_sections(html) == [Section(None, "Title", "Seen. Also seen.")]


# ── The index files ───────────────────────────────────────────────────────────────────────────────────

PAGES = [
    page("", "Co-production in Surrey", ("", "", "Come to a community forum near you.")),
    page("forums/", "Community forums", ("", "", "There is a forum for each area."),
         ("travel", "Travel money", "We pay back what you spend on travel.")),
    page("forums/east-surrey/", "East Surrey forum", ("", "", "A friendly group."),
         ("travel", "Getting your travel money back", "Keep your bus tickets."),
         ("questions", "Questions", "Email us about the forums.")),
    page("glossary/letter-t/", "Words that start with T", ("", "", ""),
         ("tokenism", "Tokenism", "Asking people to take part just for show.")),
]


def test_a_word_on_two_pages_finds_both_and_titles_come_first() -> None:
    files = search_files(PAGES)
    found = lookup(files, "forum")
    # Title hits first (the two forum pages), then the home page's text; the whole page before its parts.
    assert found == [("forums/", "Community forums", 13), ("forums/east-surrey/", "East Surrey forum", 12),
                     ("", "Co-production in Surrey", 3)]


def test_every_word_must_be_in_one_section() -> None:
    files = search_files(PAGES)
    assert lookup(files, "travel money") == [
        ("forums/#travel", "Community forums: Travel money", 21),
        ("forums/east-surrey/#travel", "East Surrey forum: Getting your travel money back", 20),
    ]
    assert lookup(files, "tickets email") == []  # on the same page, but not in the same section
    assert lookup(files, "tokenism") == [("glossary/letter-t/#tokenism", "Words that start with T: Tokenism", 10)]


def test_the_last_word_finds_longer_words() -> None:
    files = search_files(PAGES)
    assert [f[0] for f in lookup(files, "foru")] == ["forums/", "forums/east-surrey/", ""]
    assert [f[0] for f in lookup(files, "TOKEN")] == ["glossary/letter-t/#tokenism"]
    assert lookup(files, "fo") == []  # 2 letters: the whole word only
    assert lookup(files, "ar") == [] and [f[0] for f in lookup(files, "are")] == ["forums/"]
    # A longer word does not find a shorter one: the home page says "forum" only.
    assert [f[0] for f in lookup(files, "forums")] == ["forums/", "forums/east-surrey/#questions"]
    # Only the last word: "forum" before another word is the whole word.
    assert [f[0] for f in lookup(files, "email forum")] == ["forums/east-surrey/#questions"]
    assert lookup(files, "forum email") == []


def test_big_prefixes_are_split_and_each_word_is_in_its_longest_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "WORDS_BUDGET", 60)
    many = [page(f"stories/{n}/", f"Story {n}", ("", "", f"forum forums format the them then {n}")) for n in range(30)]
    files = search_files(many)
    meta = json.loads(files["search/index.json"])
    assert {"f", "fo", "for", "form", "forum", "th", "the", "them", "then"} & set(meta["words"]) > {"forum", "the"}
    for prefix in meta["words"]:
        shard = json.loads(files[f"search/words/{file_name(prefix)}.json"])
        for word in shard:
            longest = max((p for p in meta["words"] if word.startswith(p)), key=len)
            assert longest == prefix, word
    assert len(lookup(files, "forum")) == 25 and lookup(files, "forums")[0][0] == "stories/0/"
    assert len(lookup(files, "the")) == 25 and lookup(files, "them 7") == [("stories/7/", "Story 7", 14)]
    assert max(len(text) for path, text in files.items() if path.startswith("search/words/")) < 1000


def test_pages_are_written_in_small_files_and_names_are_not_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "PAGES_BUDGET", 1000)
    monkeypatch.setattr(search_index, "SMALL_SITE", 0)  # the layout of a big site
    many = [page(f"stories/{n}/", f"Zoë's story {n}", ("", "", "We met at the café. " * 20)) for n in range(50)]
    big = page("feedback/", "You said, we did", *[(f"point-{n}", f"Point {n}", "We changed it. " * 20) for n in range(8)])
    files = search_files([*many[:25], big, *many[25:]])
    blocks = sorted((p for p in files if p.startswith("search/pages/")), key=lambda p: int(Path(p).stem))
    assert [Path(p).stem for p in blocks] == [str(n) for n in range(len(blocks))]
    held = [json.loads(files[p]) for p in blocks]
    assert sum(len(h) for h in held) == 51 and 5 < len(held) < 25
    # Files fill up to the budget; a page bigger than the budget has a file of its own.
    assert all(len(files[p].encode()) <= search_index.PAGES_BUDGET for p, h in zip(blocks, held, strict=True) if len(h) > 1)
    assert [len(h) for h in held if h[0][0] == "feedback/"] == [1]
    assert "Zoë's story 49" in files[blocks[-1]]  # as written, so the build's privacy scan reads it
    assert lookup(files, "story 49") == [("stories/49/", "Zoë's story 49", 22)]
    assert lookup(files, "point 7") == [("feedback/#point-7", "You said, we did: Point 7", 20)]


def test_a_small_site_has_a_few_bigger_files_of_pages() -> None:
    many = [page(f"stories/{n}/", f"Story {n}", ("", "", "We met at the café. " * 20)) for n in range(50)]
    files = search_files(many)
    assert 1 < len([p for p in files if p.startswith("search/pages/")]) <= 4
    assert json.loads(files["search/index.json"])["sections_per_file"] == 16
    assert len(lookup(files, "story")) == 25


def test_no_pages_make_an_empty_index() -> None:
    files = search_files([])
    assert json.loads(files["search/index.json"])["pages"] == 0
    assert lookup(files, "forum") == []


def test_a_long_page_keeps_its_later_sections_in_files_of_their_own() -> None:
    terms = [(f"term-{n}", f"Term {n}", f"Meaning of word {n}.") for n in range(20)]
    long = page("glossary/letter-t/", "Words that start with T", ("", "", ""), *terms)
    files = search_files([PAGES[0], long, PAGES[1]])
    per_section = json.loads(files["search/index.json"])["sections_per_file"]
    assert sorted(p for p in files if p.startswith("search/sections/")) == [
        f"search/sections/1-{n}.json" for n in range(1, 21 // per_section + 1)
    ]
    page_file = json.loads(files["search/pages/0.json"])
    assert all(len(record[2]) <= per_section for record in page_file)
    assert lookup(files, "word 17") == [("glossary/letter-t/#term-17", "Words that start with T: Term 17", 12)]
    assert lookup(files, "term 3")[0][0] == "glossary/letter-t/#term-3"
