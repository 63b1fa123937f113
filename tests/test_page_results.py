"""Each page's results kept between builds (generator/easyread/page_results.py): a later build reads only the
pages whose HTML, glossary words, settings or code changed, and makes exactly the site a first build makes."""
from __future__ import annotations

import contextlib
import filecmp
import marshal
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import edit, mkdocs_build, mkdocs_build_error

from generator.easyread import page_results
from generator.easyread.site_check import SiteCheck


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages the easy-read checks read (not taken from an earlier build), in order."""
    read: list[str] = []
    original = SiteCheck.read_page

    def spy(self: SiteCheck, page: str, *rest: object, **named: object) -> object:
        read.append(page)
        return original(self, page, *rest, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(SiteCheck, "read_page", spy)
    return read


def same_sites(a: Path, b: Path) -> list[str]:
    """Files that differ, or are only in one of the 2 sites."""
    found: list[str] = []

    def walk(compare: filecmp.dircmp[str], where: str) -> None:
        found.extend(f"{where}{name}" for name in compare.left_only + compare.right_only + compare.diff_files)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{where}{name}/")

    walk(filecmp.dircmp(a, b), "")
    # dircmp compares only size and times unless told: compare every common file's bytes.
    for path in a.rglob("*"):
        other = b / path.relative_to(a)
        if path.is_file() and other.is_file() and path.read_bytes() != other.read_bytes():
            found.append(str(path.relative_to(a)))
    return sorted(set(found))


def cached(project: Path) -> list[str]:
    """The keys of the results kept."""
    with contextlib.closing(sqlite3.connect(project / ".cache/pages/pages.sqlite")) as db:
        return [key for (key,) in db.execute("SELECT key FROM results ORDER BY key")]


def test_a_second_build_reads_no_page_and_makes_the_same_site(project: Path, tmp_path: Path, reads: list[str]) -> None:
    first = mkdocs_build(project, site_dir=tmp_path / "first")
    pages = len(reads)
    assert pages > 100 and len(cached(project)) == pages
    reads.clear()
    second = mkdocs_build(project, site_dir=tmp_path / "second")
    assert reads == []
    assert same_sites(first, second) == []


def test_only_the_edited_page_is_read_again(project: Path, tmp_path: Path, reads: list[str]) -> None:
    mkdocs_build(project, site_dir=tmp_path / "first")
    reads.clear()
    edit(project / "content/privacy.md", "The short answer is nothing.", "The short answer is nothing. We care about access.")
    site = mkdocs_build(project, site_dir=tmp_path / "second")
    assert reads == ["privacy.md"]
    html = (site / "privacy/index.html").read_text(encoding="utf-8")
    assert 'class="glossary-link" href="../glossary/access/">access</a>' in html
    # The old result of the page is gone: the folder holds one result for each page of the last build.
    assert len(cached(project)) == len(list(site.rglob("index.html")))


def test_a_new_glossary_form_makes_every_page_be_read_again(project: Path, tmp_path: Path, reads: list[str]) -> None:
    mkdocs_build(project, site_dir=tmp_path / "first")
    pages = len(reads)
    reads.clear()
    edit(project / "data/glossary.yml", "other_forms: [accessible, accessibility]",
         "other_forms: [accessible, accessibility, short answer]")
    site = mkdocs_build(project, site_dir=tmp_path / "second")
    assert len(reads) == pages
    assert 'class="glossary-link" href="../glossary/access/">short answer</a>' in (site / "privacy/index.html").read_text(encoding="utf-8")


def test_a_new_meaning_reaches_pages_read_before(project: Path, tmp_path: Path, reads: list[str]) -> None:
    edit(project / "content/privacy.md", "The short answer is nothing.", "The short answer is nothing. We care about access.")
    mkdocs_build(project, site_dir=tmp_path / "first")
    reads.clear()
    edit(project / "data/glossary.yml", "Being able to use, get or take part in something.", "Being able to use a thing.")
    site = mkdocs_build(project, site_dir=tmp_path / "second")
    assert "privacy.md" not in reads  # a meaning is not what the checks read
    assert "Being able to use a thing." in (site / "privacy/index.html").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    shutil.rmtree(project / ".cache")
    assert same_sites(site, mkdocs_build(project, site_dir=fresh)) == []


def test_changed_code_finds_nothing_from_before(
    project: Path, tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    mkdocs_build(project, site_dir=tmp_path / "first")
    pages = len(reads)
    reads.clear()
    monkeypatch.setattr(page_results, "code_fingerprint", lambda: "another version of the generator")
    mkdocs_build(project, site_dir=tmp_path / "second")
    assert len(reads) == pages


def test_the_fingerprint_follows_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "generator"
    shutil.copytree(page_results.GENERATOR, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(page_results, "GENERATOR", code)
    page_results.code_fingerprint.cache_clear()
    before = page_results.code_fingerprint()
    page_results.code_fingerprint.cache_clear()
    assert page_results.code_fingerprint() == before
    edit(code / "easyread/readability.py", "return 206.835", "return 206.836")
    page_results.code_fingerprint.cache_clear()
    assert page_results.code_fingerprint() != before
    page_results.code_fingerprint.cache_clear()


def test_a_page_that_fails_fails_again_on_the_next_build(project: Path, tmp_path: Path, reads: list[str]) -> None:
    long = " ".join(["We"] + ["really"] * 20 + ["care."])
    edit(project / "content/privacy.md", "The short answer is nothing.", long)
    first = mkdocs_build_error(project)
    assert "content/privacy.md: this sentence has 22 words" in first
    reads.clear()
    assert mkdocs_build_error(project) == first
    assert reads == []  # the results were kept, and still stop the build


def test_unreadable_results_are_worked_out_again(project: Path, tmp_path: Path, reads: list[str]) -> None:
    first = mkdocs_build(project, site_dir=tmp_path / "first")
    pages = len(reads)
    with contextlib.closing(sqlite3.connect(project / ".cache/pages/pages.sqlite")) as db, db:
        for number, (key, value) in enumerate(db.execute("SELECT key, value FROM results").fetchall()):
            damaged = [
                b"", value[: len(value) // 2], value[:-1], b"\xff" + value, marshal.dumps(None), marshal.dumps(()),
                marshal.dumps(tuple(range(8))), marshal.dumps(("", [], (), [], None, "", "", None)),
                marshal.dumps(marshal.loads(value)[:-1]), "{", '{"html": 1}', "[]",
            ]
            db.execute("UPDATE results SET value = ? WHERE key = ?", (damaged[number % len(damaged)], key))
    reads.clear()
    second = mkdocs_build(project, site_dir=tmp_path / "second")
    assert len(reads) == pages
    assert same_sites(first, second) == []


def test_a_file_that_is_not_a_database_is_started_again(project: Path, tmp_path: Path, reads: list[str]) -> None:
    first = mkdocs_build(project, site_dir=tmp_path / "first")
    pages = len(reads)
    for name in ("pages.sqlite-wal", "pages.sqlite-shm"):
        (project / ".cache/pages" / name).unlink(missing_ok=True)
    (project / ".cache/pages/pages.sqlite").write_bytes(b"not a database at all" * 100)
    reads.clear()
    second = mkdocs_build(project, site_dir=tmp_path / "second")
    assert len(reads) == pages and len(cached(project)) == pages
    assert same_sites(first, second) == []


def test_a_file_laid_out_by_an_older_version_is_started_again(project: Path, tmp_path: Path, reads: list[str]) -> None:
    # Before: SQLite's usual 4 KiB pages and a WITHOUT ROWID table, which cost 3 times the CPU to write.
    folder = project / ".cache/pages"
    folder.mkdir(parents=True)
    with contextlib.closing(sqlite3.connect(folder / "pages.sqlite", isolation_level=None)) as old:
        old.execute("PRAGMA page_size = 4096")
        old.execute("PRAGMA journal_mode = WAL")
        old.execute("CREATE TABLE results (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
        old.execute("INSERT INTO results VALUES ('left over', 'from an older version')")
    first = mkdocs_build(project, site_dir=tmp_path / "first")
    pages = len(reads)
    with contextlib.closing(sqlite3.connect(folder / "pages.sqlite")) as db:
        assert db.execute("PRAGMA page_size").fetchone()[0] == 16384
        layout = db.execute("SELECT sql FROM sqlite_master WHERE name = 'results'").fetchone()[0]
    assert "WITHOUT ROWID" not in layout.upper()
    assert len(cached(project)) == pages and "left over" not in cached(project)
    reads.clear()
    second = mkdocs_build(project, site_dir=tmp_path / "second")
    assert reads == []  # kept in the new file, and read from it
    assert same_sites(first, second) == []


def test_a_build_beside_another_keeps_nothing_and_waits_for_nothing(
    project: Path, tmp_path: Path, reads: list[str],
) -> None:
    mkdocs_build(project, site_dir=tmp_path / "first")
    edit(project / "content/privacy.md", "The short answer is nothing.", "The short answer is nothing at all.")
    # Another build of the same project is writing its results (a lock held all along).
    with contextlib.closing(sqlite3.connect(project / ".cache/pages/pages.sqlite", isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        reads.clear()
        site = mkdocs_build(project, site_dir=tmp_path / "second")
        other.execute("ROLLBACK")
    assert reads == ["privacy.md"]  # the other pages still read from the file
    assert "nothing at all" in (site / "privacy/index.html").read_text(encoding="utf-8")
    reads.clear()
    mkdocs_build(project, site_dir=tmp_path / "third")
    assert reads == ["privacy.md"]  # nothing was kept while the file was locked


def test_an_empty_cache_dir_keeps_nothing(project: Path, tmp_path: Path, reads: list[str]) -> None:
    edit(project / "mkdocs.yml", "      data_dir: data\n", "      data_dir: data\n      cache_dir: ''\n")
    mkdocs_build(project, site_dir=tmp_path / "first")
    pages = len(reads)
    mkdocs_build(project, site_dir=tmp_path / "second")
    assert len(reads) == 2 * pages
    assert not (project / ".cache/pages").exists()
