"""The accessibility gate's last summary (`reports/a11y/summary.json`), for the accessibility statement.

The gate runs after a build, so its report may be missing or old: then the statement uses data/accessibility.yml.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

SUMMARY = Path("reports") / "a11y" / "summary.json"


@dataclass(frozen=True)
class GateSummary:
    pages: int
    errors: int
    passed: bool
    day: date  # when the report was written


def read_gate_summary(root: Path | None) -> GateSummary | None:
    """The summary, or None when there is none or it cannot be read (the statement then falls back to data)."""
    if root is None:
        return None
    path = root / SUMMARY
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        day = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()
        pages, errors, passed = raw["pages"], raw["errors"], raw["passed"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (isinstance(pages, int) and isinstance(errors, int) and isinstance(passed, bool)):
        return None
    return GateSummary(pages, errors, passed, day)
