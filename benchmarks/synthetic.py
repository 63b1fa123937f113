"""A bigger copy of the example project, in easy read, so every build gate still passes.

    .venv/bin/python benchmarks/synthetic.py --scale 10 --out /tmp/site-10x
    .venv/bin/python benchmarks/synthetic.py --scale 30 --pages 10000 --out /tmp/site-10k

`--scale N` multiplies what editors add over the years: feedback points, toolkits and glossary words
(and 1 more year of meetings, with their papers, each copy 52 weeks earlier). Areas, forums and people
stay as they are, as they would in real life. `--pages` then adds short hand-written story pages
(`content/stories/`, not in the menu) until the site has about that many pages.
Every sentence is made from the example's own easy-read text or from short, common words.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "content", "data", "theme")
TODAY = date(2026, 11, 23)
_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# Short, common words for new glossary entries. Each entry is "<Colour> <thing> <number>".
COLOURS = ["Blue", "Green", "Red", "Gold", "Pink", "Grey", "Brown", "White", "Black", "Orange", "Purple", "Silver"]
THINGS = [
    "bench", "garden", "kettle", "lamp", "map", "mug", "path", "rug", "shelf", "table", "tent", "van",
    "boat", "bell", "book", "box", "chair", "cup", "desk", "door", "flag", "gate", "hat", "kite",
]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    # Copies share their dates and responses with the original item: write each one out in full, as an editor
    # would, not as anchors and `*id001` aliases (the loader refuses more than 50 of those).
    yaml.representer.ignore_aliases = lambda data: True
    return yaml


def copy_project(target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)


def _shift(text: str, days: int) -> str:
    def move(match: re.Match[str]) -> str:
        day = date(int(match[1]), int(match[2]), int(match[3])) - timedelta(days=days)
        return day.isoformat()

    return _DAY.sub(move, text)


def add_meetings(root: Path, copies: int) -> int:
    """Each held meeting again, 52 weeks earlier per copy (same weekday), with its papers."""
    made = 0
    for path in sorted((root / "data/meetings").glob("*.yml")):
        if date.fromisoformat(path.stem[:10]) >= TODAY:
            continue
        text = path.read_text(encoding="utf-8")
        for copy in range(1, copies):
            days = 364 * copy
            new_stem = _shift(path.stem, days)
            (path.parent / f"{new_stem}.yml").write_text(_shift(text, days), encoding="utf-8")
            papers = root / "content/papers" / path.stem
            if papers.is_dir():
                shutil.copytree(papers, root / "content/papers" / new_stem)
            made += 1
    return made


def add_feedback(root: Path, copies: int) -> int:
    yaml = _yaml()
    path = root / "data/feedback.yml"
    document = yaml.load(path.read_text(encoding="utf-8"))
    items = list(document["items"])
    for copy in range(1, copies):
        for item in items:
            new = dict(item)
            new["id"] = f"{item['id']}-{copy}"
            new["votes"] = int(item.get("votes", 0)) + copy
            document["items"].append(new)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(document, out)
    return len(items) * (copies - 1)


def add_toolkits(root: Path, copies: int) -> int:
    folder = root / "data/toolkits"
    originals = sorted(folder.glob("*.yml"))
    number = len(originals)
    for _ in range(1, copies):
        for path in originals:
            number += 1
            text = re.sub(r"(?m)^number: \d+$", f"number: {number}", path.read_text(encoding="utf-8"), count=1)
            slug = path.stem.split("-", 1)[1]
            (folder / f"{number:02d}-{slug}.yml").write_text(text, encoding="utf-8")
    return len(originals) * (copies - 1)


def add_glossary(root: Path, copies: int) -> int:
    yaml = _yaml()
    path = root / "data/glossary.yml"
    document = yaml.load(path.read_text(encoding="utf-8"))
    wanted = len(document["terms"]) * (copies - 1)
    for n in range(wanted):
        colour, thing = COLOURS[n % len(COLOURS)], THINGS[(n // len(COLOURS)) % len(THINGS)]
        number = n // (len(COLOURS) * len(THINGS)) + 1
        term = f"{colour} {thing} {number}"
        document["terms"].append({
            "id": f"{colour}-{thing}-{number}".lower(),
            "term": term,
            "meaning": f"A {thing} we keep in room {number}. You can use it when you come to a forum.",
            "example": f"Ask us if you want to use the {colour.lower()} {thing}.",
        })
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(document, out)
    return wanted


PLACES = ["library", "café", "park", "hall", "garden", "church room", "sports club", "bus station", "market", "town hall"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
FEELINGS = ["glad", "calm", "proud", "safe", "happy", "welcome"]
STORY = """# Story {n}: a day at the {place}

We met at the {place} on a {day}.
{people} people came to talk.
We had tea and cake first.

## What we did

We sat in a circle.
Each person said how they felt.
Some people felt {feeling}.
Some people wanted to say nothing, and that was fine.

We talked about how to get help.
You can ask your doctor.
You can ask a friend to come with you.

## What we learned

Small steps help a lot.
It is good to talk to people who know how you feel.
We will meet at the {place} again next month.
You are welcome to come.
"""


def add_stories(root: Path, count: int) -> int:
    """Hand-written pages, as editors add them over the years: short, and in easy read."""
    folder = root / "content/stories"
    folder.mkdir(exist_ok=True)
    for n in range(1, count + 1):
        text = STORY.format(
            n=n, place=PLACES[n % len(PLACES)], day=DAYS[n % len(DAYS)], people=3 + n % 17,
            feeling=FEELINGS[n % len(FEELINGS)],
        )
        (folder / f"{n:05d}.md").write_text(text, encoding="utf-8")
    return count


# The meeting list is 1 page (until it is grouped by year), so history stays 2 years long.
MEETING_YEARS = 2
PAGES_AT_1 = 147
PAGES_PER_STEP = 113  # glossary words and toolkits


def make(target: Path, scale: int, pages: int | None = None) -> dict[str, int]:
    """Scale the data by `scale`; then, if `pages` is given, add hand-written stories up to about that many pages."""
    copy_project(target)
    added = {
        "meetings": add_meetings(target, min(scale, MEETING_YEARS)),
        "feedback": add_feedback(target, scale),
        "toolkits": add_toolkits(target, scale),
        "glossary": add_glossary(target, scale),
    }
    expected = PAGES_AT_1 + PAGES_PER_STEP * (scale - 1) + 6 * (min(scale, MEETING_YEARS) - 1)
    added["stories"] = add_stories(target, pages - expected) if pages and pages > expected else 0
    return added


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--scale", type=int, default=1)
    options.add_argument("--pages", type=int, help="add hand-written stories up to about this many pages")
    options.add_argument("--out", type=Path, required=True)
    args = options.parse_args()
    scale = args.scale
    added = make(args.out, scale, args.pages)
    print(f"Scale {scale}: added " + ", ".join(f"{v} {k}" for k, v in added.items()) + f" in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
