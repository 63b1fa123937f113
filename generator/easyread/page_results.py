"""What each page gave last time (its cleaned and linked HTML, its easy-read figures, its search sections), kept
on disk between builds, so a page whose HTML did not change is not cleaned, read and linked again.

Each result is filed under a key made from everything it was made from: the page's path, a hash of its HTML
as Markdown made it, the glossary words and readability settings (`words_key`), and the fingerprint of the
code that made it (every source file of `generator/`, the sanitiser's version, the syllable dictionaries,
Python's version). A result is only ever found under the key of the inputs it came from, so a changed page,
a changed glossary or changed code simply finds nothing and is worked out afresh. A file that cannot be read
is treated the same way. Results are written atomically, so two builds of one project at the same time only
ever see whole files.

"Words on this page" and the search sections are kept with the HTML they were made from (the meanings
shown, a hash of the page's final content), and used again only when that is still the same.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from generator.easyread.readability import Figures, Sentence
from generator.easyread.syllables import dictionary_files
from generator.outputs.search_sections import Section

FORMAT = "page-results-1"  # change when what is kept changes shape
GENERATOR = Path(__file__).resolve().parent.parent


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
    """Every source file of the generator, the sanitiser's version, the syllable dictionaries and Python."""
    import nh3  # already loaded by the sanitiser

    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(GENERATOR.rglob("*")):
        if path.suffix in {".py", ".j2"} and path.is_file():
            digest.update(path.relative_to(GENERATOR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for path in dictionary_files():
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    version = getattr(nh3, "__version__", "")  # not in nh3's type stubs
    digest.update(f"{FORMAT}\0{version}\0{sys.version}".encode())
    return digest.hexdigest()


def _figures_from(value: dict[str, Any]) -> Figures:
    over = tuple(Sentence(*sentence) for sentence in value.pop("over_limit"))
    value["long_words"] = tuple(value["long_words"])
    return Figures(**value, over_limit=over)


def _to_json(result: PageResult) -> str:
    figures = {name: getattr(result.figures, name) for name in Figures.__dataclass_fields__}
    return json.dumps({
        "html": result.html, "used": result.used, "figures": figures, "capitals": result.capitals,
        "shows": result.shows, "words_html": result.words_html, "content_hash": result.content_hash,
        "sections": None if result.sections is None else [[s.anchor, s.title, s.text] for s in result.sections],
    }, ensure_ascii=False, separators=(",", ":"))


def _from_json(text: str) -> PageResult:
    value = json.loads(text)
    sections = value["sections"]
    return PageResult(
        html=value["html"], used=value["used"], figures=_figures_from(value["figures"]), capitals=value["capitals"],
        shows=None if value["shows"] is None else [(word, meaning) for word, meaning in value["shows"]],
        words_html=value["words_html"], content_hash=value["content_hash"],
        sections=None if sections is None else [Section(*section) for section in sections], changed=False,
    )


def content_hash(html: str) -> str:
    return hashlib.blake2b(html.encode(), digest_size=16).hexdigest()


class PageResults:
    """The results of one build's pages: found on disk by key, written back when new or changed.

    `folder` None keeps nothing on disk (every page is worked out, as on a first build).
    """

    def __init__(self, folder: Path | None, words_key: str) -> None:
        self.folder = folder
        self.prefix = f"{code_fingerprint()}\0{words_key}\0"
        self.used: set[str] = set()  # the keys this build asked for

    def key(self, page: str, html_digest: bytes) -> str:
        return hashlib.blake2b(f"{self.prefix}{page}\0".encode() + html_digest, digest_size=20).hexdigest()

    def _file(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> PageResult | None:
        self.used.add(key)
        if self.folder is None:
            return None
        try:
            return _from_json(self._file(key).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # not there, half a file from an old version, or anything else: work it out again

    def put(self, key: str, result: PageResult) -> None:
        """Keep `result` on disk if it is new or changed. Never fails the build: the cache only saves time."""
        self.used.add(key)
        if self.folder is None or not result.changed:
            return
        target = self._file(key)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(_to_json(result), encoding="utf-8")
            os.replace(temporary, target)
            result.changed = False
        except OSError:
            temporary.unlink(missing_ok=True)

    def forget_others(self, keep: Iterable[str] | None = None) -> int:
        """After a whole build: remove every result it did not use, so the folder holds one site's pages."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        wanted = self.used if keep is None else set(keep)
        removed = 0
        for path in self.folder.glob("*/*.json"):
            if path.stem not in wanted:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
