"""The one way data becomes a site's facts: load → validate → compute. Both the plugin and the command line call it.

`prepare` runs the whole pipeline once per build. It remembers its last answer, keyed by the bytes of every
input file: when the command line has just checked the data, the plugin gets the same result without reading
it again, and `mkdocs serve` skips the work when only a hand-written page changed.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.compute import Computed, compute
from generator.load.folders import Entry, entries_in
from generator.load.reader import read_site_data
from generator.models.meetings import CONTENT_DIR
from generator.models.problems import DataProblems, Problem
from generator.models.site import SiteData
from generator.render.block_names import BLOCK_NAMES
from generator.validate import validate
from generator.validate.files import content_page_problems
from generator.validate.meetings import future_meetings_hold_no_record
from generator.validate.warnings import governance_warnings

# Hand-written pages are not data; papers and pictures beside them are (a paper's size shows on its meeting page).
_NOT_DATA = frozenset({".md"})


# content/ folder → a hash of every page's path and bytes, and the problems found in them. The command line checks
# the pages, then the plugin checks them again in the same build: pages that did not change at all are not read
# through again. One hash for them all, not one a page: 10,000 kept to the end of a build cost 1.5 MiB.
_checked_pages: dict[str, tuple[bytes, list[Problem]]] = {}


def _pages_in(content: Path) -> Iterator[Entry]:
    return (entry for entry in entries_in(content) if entry.relative.endswith(".md") and entry.is_file and not entry.is_link)


def content_problems(root: Path | None) -> list[Problem]:
    """Every page in content/: generated-block markers that name a real block, and no raw HTML that can run."""
    content = (root or Path(".")) / CONTENT_DIR
    if not content.is_dir():
        return []
    digest = hashlib.blake2b(digest_size=16)
    # Each page read once for the hash, and again only if a page changed: no page is held meanwhile.
    for entry in _pages_in(content):
        with open(entry.path, "rb") as file:
            raw = file.read()
        digest.update(f"{entry.relative}\0{len(raw)}\0".encode() + raw)
    kept = _checked_pages.get(str(content))
    if kept is not None and kept[0] == digest.digest():
        return list(kept[1])
    problems: list[Problem] = []
    blocks = set(BLOCK_NAMES)
    for entry in _pages_in(content):
        with open(entry.path, "rb") as file:
            # As read_text reads it: any line ending becomes a newline.
            text = file.read().decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        problems.extend(content_page_problems(f"{CONTENT_DIR}/{entry.relative}", text, blocks))
    _checked_pages[str(content)] = (digest.digest(), problems)
    return list(problems)


def load_site_data(data_dir: Path, root: Path | None = None, today: date | None = None) -> SiteData:
    """Read and validate all of `data/`. Raises DataProblems listing every mistake found, in every file."""
    result = read_site_data(data_dir, root)
    problems = result.problems + validate(result.data, result.failed) + content_problems(result.data.root)
    if today is not None and "meetings" not in result.failed:
        problems += future_meetings_hold_no_record(result.data, today)
    if problems:
        raise DataProblems(problems)
    return result.data


@dataclass(frozen=True)
class Prepared:
    """The checked data, what was computed from it, and the warnings an editor should see."""

    data: SiteData
    computed: Computed
    warnings: list[Problem]


def input_fingerprint(data_dir: Path, content_dir: Path | None = None) -> str:
    """A hash of every data file and every non-page file in `content_dir`, by path and bytes."""
    digest = hashlib.blake2b(digest_size=16)
    folders = [(data_dir, frozenset[str]())] + ([(content_dir, _NOT_DATA)] if content_dir else [])
    for folder, skipped in folders:
        if not folder.is_dir():
            continue
        for entry in entries_in(folder):
            if entry.is_file and entry.suffix.lower() not in skipped:
                digest.update(entry.relative.encode() + b"\0")
                with open(entry.path, "rb") as file:
                    digest.update(file.read())
                digest.update(b"\0")
    return digest.hexdigest()


_last: tuple[tuple[str, str, str, date], Prepared] | None = None


def prepare(data_dir: Path, root: Path, today: date, content_dir: Path | None = None) -> Prepared:
    """Load, validate and compute, once per build. Raises DataProblems listing every mistake.

    The same inputs (every data file's bytes, the papers in `content_dir`, the same day) give the same result,
    so the last one is reused rather than worked out again.
    """
    global _last
    key = (str(data_dir.resolve()), str(root.resolve()), input_fingerprint(data_dir, content_dir), today)
    if _last is not None and _last[0] == key:
        # Hand-written pages are not in the key (editing one must not cost a recompute), so check them again.
        problems = content_problems(root)
        if problems:
            raise DataProblems(problems)
        return _last[1]
    data = load_site_data(data_dir, root, today)
    prepared = Prepared(data, compute(data, today), governance_warnings(data))
    data.release_positions()  # every message that needs a line number has been made
    _last = (key, prepared)
    return prepared
