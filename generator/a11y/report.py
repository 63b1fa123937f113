"""What a run found, sorted and written down: `reports/a11y/report.txt`, `summary.json`, `results.json`, screenshots."""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .exceptions import RuleException
from .findings import Finding, PageResult

# What each check is, for the summary that the accessibility statement can cite.
CHECKS = {
    "axe": "axe-core through pa11y: WCAG 2.1 A and AA rules, plus the WCAG 2.2 target-size rule (2.5.8)",
    "htmlcs": "HTML_CodeSniffer through pa11y: WCAG2AA",
    "axe-dark": "axe again with the device set to dark colours (main pages and the first page of each section)",
    "vnu": "the Nu HTML Checker: valid HTML",
    "keyboard": "a keyboard walk at 1280px and 320px: skip link first, every stop visible with a focus indicator,"
    " no trap, every control reached, menu buttons work with Enter",
    "text-spacing": "WCAG 1.4.12 text spacing: no text cut off",
    "probe": "at 320px no sideways scrolling; 44px targets; 18px text; nothing from other hosts;"
    " with JavaScript off the text shows and the menu can be reached",
    "htmlcs-aaa": "HTML_CodeSniffer at WCAG2AAA, for information only",
}


@dataclass
class GateResult:
    pages: list[str]
    errors: list[Finding] = field(default_factory=list)
    excepted: list[Finding] = field(default_factory=list)
    informational: list[Finding] = field(default_factory=list)
    crashed: list[tuple[str, str]] = field(default_factory=list)  # (page, why)
    from_cache: int = 0
    checked: list[str] = field(default_factory=list)  # the pages checked in this run (the rest came from the cache)
    seconds: float = 0.0
    versions: dict[str, str] = field(default_factory=dict)
    shard: str = "1/1"

    @property
    def ok(self) -> bool:
        return not (self.errors or self.crashed)

    def on(self, page: str) -> set[tuple[str, str]]:
        """(check, rule) of every error on a page."""
        return {(finding.check, finding.rule) for finding in self.errors if finding.page == page}


def sort_findings(results: Sequence[PageResult], exceptions: Sequence[RuleException], pages: Sequence[str]) -> GateResult:
    """Split every page's findings into errors, accepted exceptions and information; note pages not checked."""
    result = GateResult(pages=list(pages))
    by_page = {one.page: one for one in results}
    for page in pages:
        one = by_page.get(page)
        if one is None:
            result.crashed.append((page, "No result: the page was never checked."))
            continue
        if one.crashed:
            result.crashed.append((page, one.crashed))
        for finding in one.findings:
            if finding.informational:
                result.informational.append(finding)
            elif any(exception.covers(page, finding.rule, finding.selector) for exception in exceptions):
                result.excepted.append(finding)
            else:
                result.errors.append(finding)
    return result


def group(findings: Sequence[Finding]) -> dict[str, dict[tuple[str, str], list[Finding]]]:
    """Page → (check, rule) → the elements, in page order as given and rules sorted."""
    grouped: dict[str, dict[tuple[str, str], list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in findings:
        grouped[finding.page][(finding.check, finding.rule)].append(finding)
    return {page: dict(sorted(rules.items())) for page, rules in sorted(grouped.items())}


def format_report(result: GateResult) -> str:
    """Page → rule → element → how to fix, then the totals."""
    lines: list[str] = []
    grouped = group(result.errors)
    crashed: dict[str, list[str]] = defaultdict(list)
    for page, why in result.crashed:
        crashed[page].append(why)
    for page in sorted(set(grouped) | set(crashed)):
        lines.append(f"\n{page}")
        for (check, rule), findings in grouped.get(page, {}).items():
            lines.append(f"  [{check}] {rule}")
            if findings[0].how_to_fix:
                lines.append(f"      how to fix: {findings[0].how_to_fix}")
            for finding in findings:
                lines.append(f"    - {finding.selector}")
                if finding.message and finding.message != rule:
                    lines.append(f"        {finding.message}")
                if finding.context:
                    lines.append(f"        {finding.context}")
        for why in crashed[page]:
            lines.append(f"  NOT CHECKED: {why}")
    lines.append("")
    by_check = Counter(_check_group(f.check) for f in result.errors)
    counts = ", ".join(f"{check} {count}" for check, count in sorted(by_check.items()))
    lines.append(
        f"{len(result.pages)} pages ({len(result.pages) - result.from_cache} checked now, {result.from_cache} unchanged"
        f" since their last check); {len(result.errors)} errors" + (f" ({counts})" if counts else "")
        + f"; {len(result.crashed)} pages not checked; {len(result.excepted)} findings covered by a11y-exceptions.yml."
    )
    if 0 < len(result.checked) <= 20 and result.from_cache:
        lines.append(f"Checked now: {', '.join(result.checked)}.")
    rules = Counter(finding.rule for finding in result.informational)
    if result.informational:
        top = ", ".join(f"{rule.split('.', 3)[-1]} ×{count}" for rule, count in rules.most_common(5))
        lines.append(f"For information, htmlcs-aaa: {len(result.informational)} findings ({top}).")
    if result.pages:
        rates = speed(result)
        also = f" ({len(result.checked)} checked now, {rates['checked_per_second']:.2f} a second)" if result.from_cache else ""
        lines.append(f"Took {result.seconds:.1f}s, {rates['pages_per_second']:.2f} pages a second{also}.")
    lines.append("PASSED: no accessibility errors." if result.ok else "FAILED: fix the problems above, then run `make a11y` again.")
    return "\n".join(lines)


def speed(result: GateResult) -> dict[str, float]:
    """Pages a second: all the run's pages (those from the cache too), and those checked now."""
    seconds = max(result.seconds, 0.001)
    return {"pages_per_second": round(len(result.pages) / seconds, 2),
            "checked_per_second": round(len(result.checked) / seconds, 2)}


def _check_group(check: str) -> str:
    return "keyboard" if check.startswith("keyboard") else check


def summary(result: GateResult, today: datetime | None = None) -> dict[str, Any]:
    """The machine-readable summary the accessibility statement can cite."""
    when = today or datetime.now(UTC)
    by_check = Counter(_check_group(f.check) for f in result.errors)
    return {
        "date": when.date().isoformat(),
        "passed": result.ok,
        "pages": len(result.pages),
        "checked_now": len(result.pages) - result.from_cache,
        "from_cache": result.from_cache,
        "shard": result.shard,
        "errors": len(result.errors),
        "errors_by_check": dict(sorted(by_check.items())),
        "pages_with_errors": len({f.page for f in result.errors}),
        "not_checked": len(result.crashed),
        "excepted": len(result.excepted),
        "informational": {"htmlcs-aaa": len(result.informational)},
        "standard": "WCAG 2.2 level AA",
        "checks": CHECKS,
        "tools": dict(sorted(result.versions.items())),
        "seconds": round(result.seconds, 2),
        **speed(result),
    }


def write_reports(result: GateResult, results: Sequence[PageResult], shots_from: Path, reports: Path) -> None:
    """Write everything into `reports` (emptied first)."""
    if reports.exists():
        shutil.rmtree(reports)
    (reports / "screenshots").mkdir(parents=True)
    (reports / "report.txt").write_text(format_report(result) + "\n", encoding="utf-8")
    (reports / "summary.json").write_text(json.dumps(summary(result), indent=1) + "\n", encoding="utf-8")
    findings = {
        "errors": [asdict(f) for f in result.errors],
        "excepted": [asdict(f) for f in result.excepted],
        "informational": [asdict(f) for f in result.informational],
        "not_checked": [{"page": page, "why": why} for page, why in result.crashed],
    }
    (reports / "results.json").write_text(json.dumps(findings, indent=1) + "\n", encoding="utf-8")
    for one in results:
        for shot in one.screenshots:
            # `forums-<key>-320.png` in the cache → `forums-320.png` in the report.
            name = re.sub(r"-[0-9a-f]{16}-(\d+)\.png$", r"-\1.png", shot)
            source = shots_from / shot
            if source.is_file():
                shutil.copyfile(source, reports / "screenshots" / name)
