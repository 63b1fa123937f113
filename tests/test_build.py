"""The whole build: pages and open data appear, and a failed build never harms the last good site."""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import TODAY, edit, mkdocs_build, mkdocs_build_error, run_generator


def test_index_pages_exist(built_site: Path) -> None:
    for page in ("index.html", "forums/index.html", "glossary/index.html", "meetings/index.html", "toolkits/index.html"):
        assert (built_site / page).is_file(), page


def test_a_page_per_item(built_site: Path) -> None:
    assert (built_site / "forums/east-surrey/index.html").is_file()
    assert (built_site / "forums/surrey-wide-evening/index.html").is_file()
    assert (built_site / "glossary/co-production/index.html").is_file()
    assert (built_site / "meetings/2026-02-26-development-group/index.html").is_file()
    assert (built_site / "toolkits/06-feedback-survey/index.html").is_file()


def test_home_lists_every_forum(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "<!-- generated" not in home
    for name in ("East Surrey forum", "Surrey-wide evening forum", "Farnham and Northeast Hants forum"):
        assert name in home


def test_open_data_for_each_kind(built_site: Path) -> None:
    for kind in ("areas", "forums", "glossary", "meetings", "toolkits"):
        document = json.loads((built_site / f"api/{kind}.json").read_text(encoding="utf-8"))
        assert document, kind
    areas = json.loads((built_site / "api/areas.json").read_text(encoding="utf-8"))["areas"]
    assert [a["id"] for a in areas] == [
        "east-surrey", "northwest-surrey", "surrey-downs", "guildford-waverley", "farnham-northeast-hants",
    ]


def _last_good_site(project: Path, built_site: Path) -> Path:
    """The example site, as a build before this one left it."""
    shutil.copytree(built_site, project / "site")
    return project / "site"


def test_a_good_build_swaps_the_new_site_in(project: Path, built_site: Path) -> None:
    """Through the command line, as editors run it: the whole build, then the swap."""
    site = _last_good_site(project, built_site)
    (site / "index.html").write_text("old", encoding="utf-8")
    result = run_generator(project, "build", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Built site/ in ")
    assert (site / "index.html").read_bytes() == (built_site / "index.html").read_bytes()
    assert not list(project.glob("site.new-*")) and not list(project.glob("site.old-*"))


def test_failed_build_leaves_old_site_untouched(project: Path, built_site: Path) -> None:
    site = _last_good_site(project, built_site)
    before = {p.relative_to(site): (p.read_bytes(), p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}

    areas = project / "data/areas.yml"
    areas.write_text(areas.read_text().replace("name: Surrey Downs", "name: 12"), encoding="utf-8")
    second = run_generator(project, "build", "--today", TODAY)

    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert 'data/areas.yml:11:11: areas[3].name: This must be text. Put it in quote marks, like "12".' in second.stderr
    assert "The site folder was not changed." in second.stderr
    after = {p.relative_to(site): (p.read_bytes(), p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(project.glob("site.new-*")) and not list(project.glob("site.old-*"))


def test_strict_mkdocs_failure_also_keeps_old_site(project: Path, built_site: Path) -> None:
    _last_good_site(project, built_site)
    marker = (project / "site/index.html").read_bytes()
    (project / "content/broken.md").write_text("# Broken\n\nA [link to nowhere](nowhere.md).\n", encoding="utf-8")
    result = run_generator(project, "build", "--today", TODAY)
    assert result.returncode == 1
    assert "nowhere.md" in result.stderr
    assert (project / "site/index.html").read_bytes() == marker
    assert not (project / "site/broken").exists()


def test_plain_mkdocs_build_with_bad_data_keeps_site(project: Path, built_site: Path) -> None:
    """Even `mkdocs build` without our wrapper stops before it empties site/."""
    _last_good_site(project, built_site)
    (project / "data/stray.yml").write_text("x: 1\n", encoding="utf-8")
    assert "data/stray.yml:1:1: (file): Nothing reads this file" in mkdocs_build_error(project)
    assert (project / "site/index.html").is_file()


def test_generated_files_wait_in_a_temporary_folder_that_every_build_removes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Open data, calendars and feeds wait on disk until MkDocs copies them (not in memory while pages are read);
    # the folder goes once they are copied, and when the build fails part way too.
    waiting = tmp_path / "tmp"
    waiting.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(waiting))
    site = mkdocs_build(project, site_dir=tmp_path / "site")
    assert json.loads((site / "api/areas.json").read_text(encoding="utf-8"))["areas"]
    assert (site / "calendars/forums.ics").read_bytes().count(b"\r\n") > 10  # the calendar's CRLF kept
    assert list(waiting.iterdir()) == []
    edit(project / "content/privacy.md", "The short answer is nothing.", " ".join(["We"] + ["really"] * 20 + ["care."]))
    assert "this sentence has 22 words" in mkdocs_build_error(project)  # stops after the files were made
    assert list(waiting.iterdir()) == []


def test_a_build_with_no_temporary_folder_to_write_to_makes_the_same_site(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = mkdocs_build(project, site_dir=tmp_path / "first")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "not-there"))  # every write there fails
    second = mkdocs_build(project, site_dir=tmp_path / "second")
    made = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert made == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / p).read_bytes() == (second / p).read_bytes() for p in made if p.parts[0] in {"api", "calendars", "feeds"})
