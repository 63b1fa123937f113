"""Any programme, not only Surrey: 2 shipped examples, a new project from `generator new`, schemas, cadence settings."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, TODAY, edit, problems_for, run_generator
from ruamel.yaml import YAML

from generator.compute.schedule import make_round, rotation_of, site_occurrences
from generator.load.reader import SOURCES
from generator.load.schema import MARKER, all_schemas, schema_name
from generator.pipeline import load_site_data

HARROW = ROOT / "examples" / "harrow"
# Words that belong to 1 programme only. Neither site may show the other's.
SURREY_WORDS = ("Surrey", "the Trust", "Development Group", "SaBP", "coproduction-surrey", "Farnham")
HARROW_WORDS = ("Co-production in Harrow", "Harrow Co-Production Board", "Mind in Harrow", "Healthwatch Harrow", "coproduction-harrow")


def site_text(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*") if path.is_file() and path.suffix in {".html", ".xml", ".json", ".ics", ".txt"}
    }


@pytest.fixture(scope="module")
def harrow_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("harrow") / "site"
    result = run_generator(HARROW, "build", "--today", TODAY, "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_harrow_site_has_none_of_surreys_words(harrow_site: Path) -> None:
    found = {
        (path, word) for path, text in site_text(harrow_site).items() for word in SURREY_WORDS if word.lower() in text.lower()
    }
    assert found == set()


def test_harrow_site_shows_the_board_from_the_source(harrow_site: Path) -> None:
    board = (harrow_site / "meetings/co-production-board/index.html").read_text(encoding="utf-8")
    for organisation in ("Mind in Harrow", "Healthwatch Harrow", "Harrow Council", "Rethink", "Harrow Carers centre",
                         "Adult Social Care", "Public Health", "Harrow Clinical Commissioning Group",
                         "Central and North West London"):
        assert organisation in board, organisation
    assert "At least 4 organisation representatives must come." in board
    # The chair moves between the organisations' sectors only: 3 turns, not the advisers.
    assert "Experts by experience and carers</li>" not in board.split("Who chairs meetings")[1].split("</ol>")[0]
    evaluation = (harrow_site / "evaluation/index.html").read_text(encoding="utf-8")
    assert "After 6 months." in evaluation


def test_surrey_site_has_none_of_harrows_names(built_site: Path) -> None:
    found = {
        (path, word) for path, text in site_text(built_site).items() for word in HARROW_WORDS if word in text
    }
    assert found == set()


def test_nothing_published_points_at_a_local_machine(built_site: Path, harrow_site: Path) -> None:
    for site in (built_site, harrow_site):
        assert [path for path, text in site_text(site).items() if "127.0.0.1" in text or "localhost:" in text] == []


def test_a_new_project_builds_on_its_own(tmp_path: Path) -> None:
    target = tmp_path / "new-programme"
    made = run_generator(ROOT, "new", str(target))
    assert made.returncode == 0, made.stderr
    assert (target / "README.md").is_file() and (target / "schemas/site.schema.json").is_file()
    built = run_generator(target, "build", "--today", TODAY)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (target / "site/forums/our-town/index.html").is_file()
    # What the build makes and remembers is kept out of the new programme's git.
    ignored = (target / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"site/", ".cache/"} <= set(ignored) and (target / ".cache/pages").is_dir()
    # It will not write over someone's work.
    again = run_generator(ROOT, "new", str(target))
    assert again.returncode == 1 and "not empty" in again.stderr


def _data_files(root: Path) -> list[tuple[Path, str]]:
    return [
        (path, schema_name(source))
        for source in SOURCES for path in sorted((root / "data").glob(source.pattern)) if path.is_file()
    ]


@pytest.mark.parametrize("root", [ROOT, HARROW], ids=["surrey", "harrow"])
def test_every_data_file_names_and_passes_its_schema(root: Path) -> None:
    schemas = {Path(path).name: json.loads(text) for path, text in all_schemas().items()}
    files = _data_files(root)
    assert len(files) >= 10
    for path, name in files:
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith(MARKER) and first.endswith(f"schemas/{name}"), path
        assert (path.parent / first.removeprefix(MARKER)).resolve().is_file(), path
        value = YAML(typ="safe").load(text)
        jsonschema.validate(json.loads(json.dumps(value, default=str)), schemas[name])


def test_the_schemas_in_the_repository_are_up_to_date() -> None:
    for path, text in all_schemas().items():
        assert (ROOT / path).read_text(encoding="utf-8") == text, f"Run python -m generator schema: {path} is old."


def test_a_schema_catches_a_mistake() -> None:
    schemas = {Path(path).name: json.loads(text) for path, text in all_schemas().items()}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"areas": [{"id": "East Surrey", "name": "East Surrey"}]}, schemas["areas.schema.json"])


class TestFormatGaps:
    def test_feedback_may_be_raised_on_the_day_a_moved_forum_met(self, project: Path) -> None:
        # East Surrey's round 5 forum moved from 5 to 12 January 2027; a point raised on the 12th is fine,
        # and one raised on a day it did not meet, out of the month, is still refused.
        feedback = project / "data/feedback.yml"
        text = feedback.read_text(encoding="utf-8")
        feedback.write_text(text + (
            "  - id: raised-at-moved-forum\n    forum: east-surrey\n    round: 5\n    raised: 2027-01-12\n"
            "    theme: waiting-times\n    said: A point.\n"
            "  - id: raised-on-a-wrong-day\n    forum: east-surrey\n    round: 5\n    raised: 2027-02-12\n"
            "    theme: waiting-times\n    said: A point.\n"
        ), encoding="utf-8")
        found = problems_for(project)
        assert len(found) == 1 and "raised" in found[0] and "2027-02-12" in found[0]

    def test_a_forum_for_everyone_with_a_venue_meets_in_person(self, project: Path) -> None:
        forums = project / "data/forums.yml"
        text = forums.read_text(encoding="utf-8")
        venue = text.split("  - id: east-surrey\n")[1].split("    venue:\n")[1].split("  - id:")[0]
        forums.write_text(text.rstrip("\n") + "\n    venue:\n" + venue, encoding="utf-8")
        edit(project / "data/schedule.yml", "always_online: [surrey-wide-evening]", "always_online: []")
        data = load_site_data(project / "data", project)
        evening = [o for o in site_occurrences(data, date(2026, 11, 23)) if o.forum == "surrey-wide-evening"]
        assert evening and {o.mode for o in evening} == {"in-person"}

    def test_a_forum_for_everyone_needs_a_venue_or_always_online(self, project: Path) -> None:
        edit(project / "data/schedule.yml", "always_online: [surrey-wide-evening]", "always_online: []")
        found = problems_for(project)
        assert len(found) == 1 and "no area and no venue" in found[0]

    def test_cadence_is_a_setting(self, project: Path) -> None:
        schedule = project / "data/schedule.yml"
        for old, new in (("rounds_per_year: 4", "rounds_per_year: 3"), ("months_per_round: 3", "months_per_round: 4"),
                         ("group_month: 2", "group_month: 3"), ("newsletter_month: 3", "newsletter_month: 4")):
            edit(schedule, old, new)
        # The settings are accepted; the example's dated records no longer fit the new cycle, and say so.
        found = problems_for(project)
        assert found and all("items[" in p or "changes[" in p for p in found)
        data = load_site_data(ROOT / "data", ROOT)
        rotation = replace(rotation_of(data), rounds_per_year=3, months_per_round=4, group_month=3, newsletter_month=4)
        second = make_round(rotation, 2)
        assert (second.forums_month, second.group_month, second.newsletter_month) == (
            date(2026, 5, 1), date(2026, 7, 1), date(2026, 8, 1),
        )
        assert second.last_day == date(2026, 8, 31)

    def test_a_cycle_that_is_not_a_year_is_refused(self, project: Path) -> None:
        edit(project / "data/schedule.yml", "rounds_per_year: 4", "rounds_per_year: 5")
        found = problems_for(project)
        assert len(found) == 1 and "is not 1 year" in found[0] and found[0].startswith("data/schedule.yml:")

    def test_the_group_that_meets_in_month_2_must_exist(self, project: Path) -> None:
        edit(project / "data/schedule.yml", "group: development-group", "group: developmnt-group")
        found = problems_for(project)
        assert len(found) == 1 and 'There is no group with the id "developmnt-group"' in found[0]


def test_the_harrow_example_is_its_own_project() -> None:
    # Only its own data/, content/ and mkdocs.yml: the theme is shared, nothing else is.
    assert sorted(p.name for p in HARROW.iterdir() if not p.name.startswith(".") and p.name != "site") == [
        "content", "data", "mkdocs.yml",
    ]
