"""What each page gave last time (its cleaned and linked HTML, its easy-read figures, its search sections), kept
on disk between builds, so a page whose HTML did not change is not cleaned, read and linked again.

Each result is filed under a key made from everything it was made from: the page's path, a hash of its HTML
as Markdown made it, the glossary words and readability settings (`words_key`), and the fingerprint of the
code that made it (every source file of `generator/`, nh3's files (the sanitiser), the syllable dictionaries,
inflect's files, Python's version). A result is only ever found under the key of the inputs it came from, so a changed page,
a changed glossary or changed code simply finds nothing and is worked out afresh. A result that cannot be read
is treated the same way. They are kept in one SQLite file, `pages.sqlite`, so a build reads and writes one
file, not thousands. Each result is written with `marshal` (strings, numbers, lists and tuples only): 50 times
faster than JSON, and half the bytes. marshal's bytes are only read back by the Python that wrote them (its
version is in the fingerprint), and the file is the build's own, like Python's own compiled files.

"Words on this page" and the search sections are kept with the HTML they were made from (the meanings
shown, a hash of the page's final content), and used again only when that is still the same.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import sqlite3
import sys
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from generator.easyread.readability import Figures, Sentence
from generator.easyread.syllables import dictionary_files
from generator.outputs.search_sections import Section

FORMAT = "page-results-2"  # change when what is kept changes shape
_BATCH = 20  # results written at a time: one statement for several rows, and little held (200 held 3 MiB at 30x)
_PAGE_SIZE = 16384  # bytes: see `_open`
GENERATOR = Path(__file__).resolve().parent.parent
_FIGURES = tuple(Figures.__dataclass_fields__)  # in the order Figures takes them
assert _FIGURES[-1] == "over_limit", "_encoded writes the sentences over the limit last"


@dataclass
class PageResult:
    html: str  # cleaned, glossary words linked
    used: list[str]  # the glossary words on it, in order
    figures: Figures
    capitals: list[str]  # words in capitals nobody has explained
    shows: list[tuple[str, str]] | None = None  # "Words on this page": each word and meaning shown...
    words_html: str = ""  # ... and the section's HTML
    content_hash: str = ""  # the page's final content, that `sections` were read from
    sections: list[Section] | None = None
    changed: bool = field(default=True, compare=False)  # not yet on disk as it is


@cache
def code_fingerprint() -> str:
    """Every source file of the generator, the sanitiser, the syllable dictionaries, inflect and Python."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(GENERATOR.rglob("*")):
        if path.suffix in {".py", ".j2"} and path.is_file():
            digest.update(path.relative_to(GENERATOR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    # nh3 cleans the pages and inflect makes the glossary's plurals: a new version of either is a new file.
    # Found, not imported: a build whose pages all come from the last build never loads them.
    for path in [*dictionary_files(), *_package_files("nh3"), *_package_files("inflect")]:
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    digest.update(f"{FORMAT}\0{sys.version}".encode())
    return digest.hexdigest()


def _package_files(package: str) -> list[Path]:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations)))
    return sorted(path for path in folder.iterdir() if path.suffix in {".py", ".so"} and path.is_file())


def _encoded(result: PageResult) -> bytes:
    figures: list[Any] = [getattr(result.figures, name) for name in _FIGURES[:-1]]
    figures.append(tuple(tuple(sentence) for sentence in result.figures.over_limit))
    sections = None if result.sections is None else [(s.anchor, s.title, s.text) for s in result.sections]
    return marshal.dumps((
        result.html, result.used, tuple(figures), result.capitals, result.shows, result.words_html,
        result.content_hash, sections,
    ))


def _decoded(value: bytes) -> PageResult:
    html, used, figures, capitals, shows, words_html, hashed, sections = marshal.loads(value)
    *fields, over = figures
    fields.append(tuple(Sentence(*sentence) for sentence in over))
    return PageResult(
        html=html, used=used, figures=Figures(*fields),
        capitals=capitals, shows=shows, words_html=words_html, content_hash=hashed,
        sections=None if sections is None else [Section(*section) for section in sections], changed=False,
    )


def content_hash(html: str) -> str:
    return hashlib.blake2b(html.encode(), digest_size=16).hexdigest()


class PageResults:
    """The results of one build's pages: found by key in one SQLite file, written back when new or changed.

    One file, not a file a page: creating thousands of small files cost more than working some pages out.
    Writes go into one transaction, committed by `finish` after the build; a second build of the same project
    at the same time reads what is there and keeps nothing new. `folder` None keeps nothing (every page is
    worked out, as on a first build). Any SQLite error only turns the keeping off: it never fails a build.
    """

    def __init__(self, folder: Path | None, words_key: str) -> None:
        self.path = None if folder is None else folder / "pages.sqlite"
        self.prefix = f"{code_fingerprint()}\0{words_key}\0"
        self.used: set[str] = set()  # the keys this build asked for
        self._db: sqlite3.Connection | None = None
        self._writing = False  # in the transaction that `finish` commits
        self._off = self.path is None
        self._read_only = False  # another build holds the file: read what is there, keep nothing new
        self._empty = False  # the file held no result when opened (a fresh clone, CI): nothing to look up
        self._rows: list[tuple[str, bytes]] = []  # results to write, written a batch at a time

    def key(self, page: str, html_digest: bytes) -> str:
        return hashlib.blake2b(f"{self.prefix}{page}\0".encode() + html_digest, digest_size=20).hexdigest()

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._off:
            assert self.path is not None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db, self._empty = _open(self.path)
            except (OSError, sqlite3.Error):
                try:  # not a database (a half-written or foreign file), or laid out as an older version did: start again, once
                    for name in (self.path.name, f"{self.path.name}-wal", f"{self.path.name}-shm"):
                        self.path.with_name(name).unlink(missing_ok=True)
                    self._db, self._empty = _open(self.path)
                except (OSError, sqlite3.Error):
                    self._off = True
        return self._db

    def _stop(self) -> None:
        """Keep nothing more in this build (a locked or broken file): what was there stays as it was."""
        self._off = True
        if self._db is not None:
            with suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _stop_writing(self) -> None:
        """Keep nothing more in this build (the file is locked by another build, or full), but go on reading it."""
        self._read_only = True
        if self._writing and self._db is not None:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")  # nothing half kept
        self._writing = False

    def get(self, key: str) -> PageResult | None:
        self.used.add(key)
        db = self._connect()
        if db is None or self._empty:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            self._stop()
            return None
        try:
            return None if row is None else _decoded(row[0])
        except (ValueError, EOFError, TypeError):
            return None  # written by another version, or damaged: work it out again

    def put(self, key: str, result: PageResult) -> None:
        """Keep `result` if it is new or changed."""
        self.used.add(key)
        if not result.changed or self._read_only:
            return
        db = self._connect()
        if db is None:
            return
        self._rows.append((key, _encoded(result)))
        result.changed = False
        if len(self._rows) >= _BATCH:
            self._write()

    def _write(self) -> None:
        """Write the results waiting, in the build's one transaction."""
        rows, self._rows = self._rows, []
        db = self._db
        if not rows or db is None or self._read_only:
            return
        try:
            if not self._writing:
                db.execute("BEGIN IMMEDIATE")  # waits a moment for another build, then gives up (below)
                self._writing = True
            db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", rows)
        except sqlite3.Error:
            self._stop_writing()

    def finish(self, forget_others: bool = True) -> None:
        """Commit what was kept; with `forget_others` (a whole build), remove every result the build did not use."""
        db = self._connect() if forget_others or self._writing else self._db
        self._write()
        if db is None or self._read_only:
            self._stop()
            return
        try:
            if forget_others:
                if not self._writing:
                    db.execute("BEGIN IMMEDIATE")
                    self._writing = True
                db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                db.execute("DELETE FROM used")
                db.executemany("INSERT OR IGNORE INTO used (key) VALUES (?)", ((key,) for key in self.used))
                db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM used)")
            if self._writing:
                db.execute("COMMIT")
                self._writing = False
        except sqlite3.Error:
            pass
        self._stop()


def _open(path: Path) -> tuple[sqlite3.Connection, bool]:
    """The file, opened for this build, and whether it holds no result yet."""
    # Autocommit, with our own BEGIN; a short wait for a lock, as builds must not wait on each other.
    db = sqlite3.connect(path, timeout=0.2, isolation_level=None)
    # A result is a few kilobytes of HTML: pages of 16 KiB hold several, where SQLite's usual 4 KiB spread each
    # over overflow pages (writing 30x the example's results cost 3 times the CPU, and the file was twice as big).
    # It only takes for a new file, so the file is started again when it was laid out any other way.
    db.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
    # Write-ahead log: readers never wait for a writer. Not synced to disk: it is a cache, and a lost
    # or damaged file only means pages are worked out again.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    # A table with row numbers, not WITHOUT ROWID: that keeps whole rows in the key's tree, which suits small rows only.
    db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
    layout = db.execute("SELECT sql FROM sqlite_master WHERE name = 'results'").fetchone()
    if db.execute("PRAGMA page_size").fetchone()[0] != _PAGE_SIZE or "WITHOUT ROWID" in layout[0].upper():
        db.close()
        raise sqlite3.DatabaseError("laid out by an older version")
    empty = db.execute("SELECT 1 FROM results LIMIT 1").fetchone() is None  # a file that is not a database fails here
    return db, empty
