"""The whole build: pages and open data appear, and a failed build never harms the last good site."""
from __future__ import annotations

import json
from pathlib import Path

from conftest import TODAY, run_generator


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


def test_private_names_stay_private(built_site: Path, project: Path) -> None:
    hidden = [line.split(":", 1)[1].strip() for line in (project / "data/people.yml").read_text().splitlines() if line.strip().startswith("name:")]
    people = (project / "data/people.yml").read_text()
    private = [name for name in hidden if f"name: {name}\n    role: Expert by experience adviser\n    show_name: false" in people]
    assert "Jo Bright" in private
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".ics"}:
            for name in private:
                assert name not in path.read_text(encoding="utf-8", errors="ignore"), path


def test_failed_build_leaves_old_site_untouched(project: Path) -> None:
    first = run_generator(project, "build", "--today", TODAY)
    assert first.returncode == 0, first.stderr
    site = project / "site"
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


def test_strict_mkdocs_failure_also_keeps_old_site(project: Path) -> None:
    assert run_generator(project, "build", "--today", TODAY).returncode == 0
    marker = (project / "site/index.html").read_bytes()
    (project / "content/broken.md").write_text("# Broken\n\nA [link to nowhere](nowhere.md).\n", encoding="utf-8")
    result = run_generator(project, "build", "--today", TODAY)
    assert result.returncode == 1
    assert "nowhere.md" in result.stderr
    assert (project / "site/index.html").read_bytes() == marker
    assert not (project / "site/broken").exists()


def test_plain_mkdocs_build_with_bad_data_keeps_site(project: Path) -> None:
    """Even `mkdocs build` without our wrapper stops before it empties site/."""
    import subprocess
    import sys

    assert run_generator(project, "build", "--today", TODAY).returncode == 0
    (project / "data/stray.yml").write_text("x: 1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert "data/stray.yml:1:1: (file): Nothing reads this file" in result.stderr
    assert "Traceback" not in result.stderr
    assert (project / "site/index.html").is_file()
