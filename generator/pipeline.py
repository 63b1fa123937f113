"""The one way data becomes a site's facts: load → validate. Both the plugin and the command line call it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.load.reader import read_site_data
from generator.models.meetings import CONTENT_DIR
from generator.models.problems import DataProblems, Problem
from generator.models.site import SiteData
from generator.render.blocks import BLOCKS
from generator.validate import validate
from generator.validate.files import content_page_problems
from generator.validate.meetings import future_meetings_hold_no_record


def content_problems(root: Path | None) -> list[Problem]:
    """Every page in content/: generated-block markers that name a real block, and no raw HTML that can run."""
    content = (root or Path(".")) / CONTENT_DIR
    if not content.is_dir():
        return []
    problems: list[Problem] = []
    for path in sorted(content.rglob("*.md")):
        if path.is_file() and not path.is_symlink():
            shown = path.relative_to(root or Path(".")).as_posix()
            problems.extend(content_page_problems(shown, path.read_text(encoding="utf-8", errors="replace"), set(BLOCKS)))
    return problems


def load_site_data(data_dir: Path, root: Path | None = None, today: date | None = None) -> SiteData:
    """Read and validate all of `data/`. Raises DataProblems listing every mistake found, in every file."""
    result = read_site_data(data_dir, root)
    problems = result.problems + validate(result.data, result.failed) + content_problems(result.data.root)
    if today is not None and "meetings" not in result.failed:
        problems += future_meetings_hold_no_record(result.data, today)
    if problems:
        raise DataProblems(problems)
    return result.data
