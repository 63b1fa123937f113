"""The one way data becomes a site's facts: load → validate. Both the plugin and the command line call it."""
from __future__ import annotations

from pathlib import Path

from generator.load.reader import read_site_data
from generator.models.problems import DataProblems
from generator.models.site import SiteData
from generator.validate import validate


def load_site_data(data_dir: Path, root: Path | None = None) -> SiteData:
    """Read and validate all of `data/`. Raises DataProblems listing every mistake found, in every file."""
    result = read_site_data(data_dir, root)
    problems = result.problems + validate(result.data, result.failed)
    if problems:
        raise DataProblems(problems)
    return result.data
