"""How much the glossary linking and the easy-read checks cost: `make bench`.

Figures only, never a pass or fail: speed targets belong here, not in timed tests.
The synthetic run uses 1,000 glossary words (a third of them 2 or 3 words long) over 1,000 pages
of about 600 words each, in paragraphs, lists, headings, links and a JSON-LD script.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.easyread.linking import Entry, Matcher, link_terms  # noqa: E402

WORDS = 1_000
PAGES = 1_000
SYLLABLES = ["ca", "re", "mo", "ti", "lu", "den", "sor", "pa", "vi", "no", "ke", "shu", "ram", "bel", "tor"]
FILLER = ["we", "you", "the", "a", "and", "to", "of", "in", "for", "on", "with", "people", "meet", "talk", "help", "come", "group", "time", "place", "day"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def synthetic_glossary(rng: random.Random) -> list[Entry]:
    entries: dict[str, Entry] = {}
    while len(entries) < WORDS:
        size = rng.choice([1, 1, 2, 3])
        form = " ".join(_word(rng) for _ in range(size)).capitalize()
        key = form.casefold()
        if key not in entries:
            entries[key] = Entry(f"w{len(entries)}", (form, form + "-alt"))
    return list(entries.values())


def synthetic_page(rng: random.Random, entries: list[Entry]) -> str:
    def sentence() -> str:
        parts = [rng.choice(FILLER) for _ in range(rng.randint(6, 12))]
        for _ in range(rng.randint(0, 3)):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(entries).forms[0].lower())
        return " ".join(parts).capitalize() + "."

    blocks = [f"<h1>{rng.choice(entries).forms[0]}</h1>"]
    for _ in range(12):
        blocks.append("<p>" + " ".join(sentence() for _ in range(4)) + "</p>")
        blocks.append("<ul>" + "".join(f"<li>{sentence()}</li>" for _ in range(2)) + "</ul>")
        blocks.append(f'<h2>{sentence()}</h2><p><a href="x/">{sentence()}</a></p>')
    blocks.append(f'<script type="application/ld+json">{{"@type": "Event", "name": "{sentence()}"}}</script>')
    return "\n".join(blocks)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_synthetic() -> None:
    rng = random.Random(20261122)
    entries = synthetic_glossary(rng)
    pages = [synthetic_page(rng, entries) for _ in range(PAGES)]
    words = sum(len(p.split()) for p in pages)

    started = time.perf_counter()
    matcher = Matcher(entries)
    built = time.perf_counter() - started

    timings = []
    links = 0
    for html in pages:
        started = time.perf_counter()
        result = link_terms(html, matcher, lambda term_id: f"../glossary/{term_id}/")
        timings.append(time.perf_counter() - started)
        links += len(result.used)
    total = sum(timings)
    print(f"Glossary linking: {WORDS:,} words ({WORDS * 2:,} forms, plus plurals) over {PAGES:,} pages, {words:,} words of HTML")
    print(f"  build the matcher once:   {_ms(built)}")
    print(f"  link all pages:           {total:.2f} s")
    print(f"  per page: mean {_ms(statistics.mean(timings))}, median {_ms(statistics.median(timings))}, "
          f"slowest {_ms(max(timings))}")
    print(f"  glossary words used per page: {links / PAGES:.1f}")


if __name__ == "__main__":
    bench_synthetic()
