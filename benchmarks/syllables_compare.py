"""Flesch reading ease of every example page: textstat's own syllable count against ours.

    .venv/bin/python benchmarks/syllables_compare.py [--today 2026-11-23]

`generator/easyread/syllables.py` reads the CMU dictionary into one number per word instead of calling
`textstat.syllable_count` (which loads the whole dictionary as lists of sounds, about 1 s a build). This
builds the example site in-process, keeps each page's HTML as the checks read it, and measures every page
both ways. It prints the pages side by side and exits 1 if any page differs by more than 1 point.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import textstat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import build_in_process  # noqa: E402
from generator.commands import readability_check  # noqa: E402
from generator.easyread import readability  # noqa: E402
from generator.easyread.site_check import SiteCheck  # noqa: E402


def main() -> int:
    options = argparse.ArgumentParser()
    options.add_argument("--root", type=Path, default=ROOT)
    options.add_argument("--today", default="2026-11-23")
    args = options.parse_args()

    pages: list[tuple[str, str]] = []
    read_page = SiteCheck.read_page

    def keep(self: SiteCheck, page: str, html: str, *rest: object, **named: object) -> object:
        pages.append((page, html))
        return read_page(self, page, html, *rest, **named)  # type: ignore[arg-type]

    SiteCheck.read_page = keep  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as folder:
        # No results from earlier builds: every page must be read here.
        result = build_in_process(args.root, Path(folder) / "site", args.today, swap=False, keep_results=False)
    check = readability_check(result)
    if check is None:
        print("\n".join(result.errors), file=sys.stderr)
        return 1
    settings, explained = check.data.readability, check._explained

    ours = {page: readability.measure(page, html, settings, explained).reading_ease for page, html in pages}
    started = time.process_time()
    textstat.syllable_count("warm up")  # loads the CMU dictionary the way every build used to
    load = time.process_time() - started
    readability.syllables.cache_clear()
    readability.syllables = lambda word: max(1, int(textstat.syllable_count(word)))  # type: ignore[assignment]
    theirs = {page: readability.measure(page, html, settings, explained).reading_ease for page, html in pages}

    worst = 0.0
    print(f"{'page':48} {'textstat':>9} {'ours':>7} {'diff':>6}")
    for page, _ in pages:
        a, b = theirs[page], ours[page]
        diff = 0.0 if a is None or b is None else abs(a - b)
        worst = max(worst, diff)
        print(f"{page:48} {'-' if a is None else a:>9} {'-' if b is None else b:>7} {diff:>6.1f}")
    measured = sum(1 for v in ours.values() if v is not None)
    print(f"\n{len(pages)} pages, {measured} with a reading ease; largest difference {worst:.1f} points.")
    print(f"textstat's dictionary load: {load:.2f} s of CPU.")
    return 0 if worst <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
