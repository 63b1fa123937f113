"""The accessibility gate: every page of the built site, checked in a real Chromium by axe and HTML_CodeSniffer.

`python -m generator.a11y site` (or `make a11y`) serves the folder on 127.0.0.1, runs pa11y-ci over every page
of its sitemap, and prints what is wrong as page → rule → element → how to fix it. It exits 1 on any error,
and on any page that did not finish: a crashed check must never look like a clean page.

Why the run looks the way it does (see ARCHITECTURE.md, "Traps"):
- URLs go to pa11y-ci as `{"url": ...}` objects. Plain strings with concurrency above 1 lose a third of the
  pages to `Protocol error (Target.closeTarget)` while the run still looks fine.
- axe and htmlcs run as separate passes. The axe `target-size` rule (WCAG 2.2) is off under WCAG2AA unless we
  name it, and htmlcs rejects every page when it is named. Each pass gets its own `?a11y-pass=` query, so
  the passes share one browser and one queue but keep their own results (pa11y-ci keys results by URL).
- A result without a `runner` field is pa11y-ci's way of reporting a crash, so it counts as a failure.
- Over http, not file://, because Material behaves differently on file:// (no search, folder listings).

Besides pa11y-ci, a small browser probe (`a11y_probe.mjs`) looks at each page the way a person would:
at 320px wide nothing may scroll sideways, targets are at least 44px, text is at least 18px, no page may
ask another host for anything, the menu opens with JavaScript off, and the main pages are photographed
at 320px and 1280px wide for a person to look at.
"""
from __future__ import annotations

import argparse
import fnmatch
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from os.path import commonpath
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pydantic import Field, ValidationError

from generator.load.messages import describe_validation_error
from generator.load.yamlfile import load_yaml
from generator.models.common import Record, Text
from generator.models.problems import Problem
from generator.models.site import dotted

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PA11Y_CI = PROJECT_ROOT / "node_modules" / ".bin" / "pa11y-ci"
PROBE_SCRIPT = Path(__file__).resolve().with_name("a11y_probe.mjs")
EXCEPTIONS_FILE = PROJECT_ROOT / "a11y-exceptions.yml"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# Root needs --no-sandbox; the rest stop Chromium from calling home, which fails (and leaks) on these machines.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
CONCURRENCY = 2
PAGE_TIMEOUT_MS = 60_000
PASS_QUERY = "a11y-pass"
# The pages a person should look at: one of each kind, photographed at these widths.
SCREENSHOT_WIDTHS = (320, 1280)
MAIN_PAGES = ("/", "/forums/", "/meetings/", "/toolkits/", "/glossary/")


@dataclass(frozen=True)
class Pass:
    """One look at every page with one runner. `gate=False` passes are counted and shown, never fatal."""

    name: str
    runner: str
    standard: str
    rules: tuple[str, ...] = ()
    include_warnings: bool = False
    gate: bool = True
    actions: tuple[str, ...] = ()  # pa11y actions run before the check, like switching the colour scheme
    sample_only: bool = False  # only the main pages and the first page of each section

    def options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"runners": [self.runner], "standard": self.standard}
        if self.rules:
            options["rules"] = list(self.rules)
        if self.include_warnings:
            options["includeWarnings"] = True
        if self.actions:
            options["actions"] = list(self.actions)
            # A fresh browser context, so no page starts in the scheme a page before it chose (Material keeps
            # the choice in localStorage), and the other passes never see a choice made here.
            options["useIncognitoBrowserContext"] = True
        return options

    def pages(self, pages: Sequence[str]) -> list[str]:
        return sample_pages(pages) if self.sample_only else list(pages)


# The colour button shown in the light scheme is the label of the dark scheme's radio button (partials/palette.html).
TO_DARK_SCHEME = (
    'click element label[for="__palette_1"]',
    'wait for element body[data-md-color-scheme="slate"] to be added',
)
PASSES = (
    # axe calls "moderate" problems (a skipped heading level, content outside landmarks) warnings; we fix those too.
    Pass("axe", "axe", "WCAG2AA", rules=("target-size",), include_warnings=True),
    Pass("htmlcs", "htmlcs", "WCAG2AA"),
    # The dark scheme has its own colours; the theme is the same on every page, so a sample shows them all.
    Pass("axe-dark", "axe", "WCAG2AA", rules=("target-size",), include_warnings=True,
         actions=TO_DARK_SCHEME, sample_only=True),
    Pass("htmlcs-aaa", "htmlcs", "WCAG2AAA", gate=False),
)


# ── Rule exceptions ────────────────────────────────────────────────────────────────────────────────────────


class RuleException(Record):
    """One rule we accept breaking, where, and why. The reason is required: an exception nobody can explain is a bug."""

    rule: Text = Field(description="The rule code as the report shows it, like `color-contrast`. `*` and `?` match.")
    reason: Text
    pages: list[Text] = Field(default_factory=lambda: ["*"], description="Page paths like `/forums/*`.")
    selector: Text | None = None

    def covers(self, page: str, issue: dict[str, Any]) -> bool:
        return (
            fnmatch.fnmatchcase(str(issue.get("code", "")), self.rule)
            and any(fnmatch.fnmatchcase(page, pattern) for pattern in self.pages)
            and (self.selector is None or self.selector == issue.get("selector"))
        )


class ExceptionsFile(Record):
    exceptions: list[RuleException] = Field(default_factory=list)


class ExceptionsError(Exception):
    """The exceptions file has mistakes; each is a `file:line:col: field: message` problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load_exceptions(path: Path = EXCEPTIONS_FILE) -> list[RuleException]:
    """Read the exceptions file. No file means no exceptions."""
    if not path.is_file():
        return []
    shown = path.name
    doc = load_yaml(path, shown)
    if isinstance(doc, Problem):
        raise ExceptionsError([doc])
    try:
        return list(ExceptionsFile.model_validate(doc.value or {}).exceptions)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            loc = tuple(detail["loc"])
            line, col = doc.position(loc, key=detail["type"] == "extra_forbidden")
            problems.append(Problem(shown, line, col, dotted(loc), describe_validation_error(detail, ExceptionsFile)))
        raise ExceptionsError(problems) from None


# ── Pages and the local server ─────────────────────────────────────────────────────────────────────────────


def page_paths(site: Path) -> list[str]:
    """Every page of the sitemap as a path from the site root (`/`, `/forums/`), plus the 404 page.

    The sitemap holds `site_url` addresses; we keep only the part below the site's root so the pages can be
    served from anywhere. A sitemap entry with no file behind it is an error, not a page to skip.
    """
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        raise FileNotFoundError(f"{sitemap} is missing. Build the site first (make site).")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text.strip() for loc in ET.parse(sitemap).getroot().iterfind("s:url/s:loc", namespace) if loc.text]
    if not locs:
        raise ValueError(f"{sitemap} lists no pages.")
    paths = [urlsplit(loc).path for loc in locs]
    root = commonpath(paths)
    root = root[: root.rfind("/") + 1]
    pages = ["/" + path[len(root):] for path in paths]
    missing = [page for page in pages if not _file_for(site, page).is_file()]
    if missing:
        raise FileNotFoundError(f"The sitemap lists pages that were not built: {', '.join(missing)}")
    if (site / "404.html").is_file():
        pages.append("/404.html")
    return list(dict.fromkeys(pages))


def _file_for(site: Path, page: str) -> Path:
    relative = page.lstrip("/")
    return site / relative / "index.html" if relative == "" or relative.endswith("/") else site / relative


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 on a free port (the OS picks it) for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="a11y-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# ── Running pa11y-ci ───────────────────────────────────────────────────────────────────────────────────────


def pa11y_config(base: str, pages: Sequence[str], passes: Sequence[Pass] = PASSES) -> dict[str, Any]:
    """The pa11y-ci configuration: one URL object per page and pass, all in one queue."""
    return {
        "defaults": {
            "concurrency": CONCURRENCY,
            "timeout": PAGE_TIMEOUT_MS,
            # One browser context for all pages: a fresh one per page costs time and the pages keep no state we test.
            "useIncognitoBrowserContext": False,
            "chromeLaunchConfig": {"executablePath": CHROMIUM, "args": list(CHROMIUM_FLAGS)},
        },
        "urls": [
            {"url": f"{base}{page}?{PASS_QUERY}={one.name}", **one.options()}
            for one in passes
            for page in one.pages(pages)
        ],
    }


class GateCrashed(Exception):
    """pa11y-ci itself failed: no report to read."""


def run_pa11y_ci(config: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Run pa11y-ci with `config` and return its JSON report."""
    if not PA11Y_CI.exists():
        raise GateCrashed(f"{PA11Y_CI} is missing. Run `make npm` (PUPPETEER_SKIP_DOWNLOAD=1 npm ci).")
    if not Path(CHROMIUM).exists():
        raise GateCrashed(f"{CHROMIUM} is missing. Run `make chromium`.")
    with tempfile.TemporaryDirectory(prefix="a11y-") as folder:
        config_path = Path(folder) / "pa11y-ci.json"
        report_path = Path(folder) / "report.json"
        # pa11y-ci's own JSON report, written to a file: `--json` prints to a pipe and then calls process.exit(),
        # which cuts a large report short.
        reporters = {"reporters": [["json", {"fileName": str(report_path)}]]}
        config = {**config, "defaults": {**config["defaults"], **reporters}}
        config_path.write_text(json.dumps(config), encoding="utf-8")
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "NO_COLOR": "1"}
        try:
            result = subprocess.run(
                [str(PA11Y_CI), "--config", str(config_path)],
                capture_output=True, text=True, timeout=timeout, env=env, cwd=PROJECT_ROOT,
            )
        except subprocess.TimeoutExpired:
            raise GateCrashed(f"pa11y-ci did not finish within {timeout:.0f} seconds.") from None
        if not report_path.is_file():
            raise GateCrashed(f"pa11y-ci gave no report (exit {result.returncode}).\n{result.stderr.strip()[-2000:]}")
        return json.loads(report_path.read_text(encoding="utf-8"))


def _last_json_line(text: str) -> dict[str, Any] | None:
    for line in reversed(text.splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    return None


# ── Reading the report ─────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Finding:
    """One problem on one page, found by one pass."""

    page: str
    pass_name: str
    rule: str
    selector: str
    context: str
    message: str
    how_to_fix: str


@dataclass
class GateResult:
    pages: list[str]
    errors: list[Finding] = field(default_factory=list)
    excepted: list[Finding] = field(default_factory=list)
    informational: dict[str, list[Finding]] = field(default_factory=dict)
    crashed: list[tuple[str, str, str]] = field(default_factory=list)  # (page, pass, message)
    probe_problems: list[tuple[str, str]] = field(default_factory=list)  # (page, what is wrong)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.errors or self.crashed or self.probe_problems)


_TECHNIQUE = re.compile(r"\.((?:ARIA|SCR|G|H|F|C)\d+)")
_TECHNIQUE_FOLDERS = {"ARIA": "aria", "SCR": "client-side-script", "G": "general", "H": "html", "F": "failures", "C": "css"}


def how_to_fix(issue: dict[str, Any]) -> str:
    """A pointer a person can act on: axe's help text and page, or the WCAG technique behind an htmlcs code."""
    extras = issue.get("runnerExtras") or {}
    if issue.get("runner") == "axe":
        return f"{extras.get('help', '')}. {extras.get('description', '')}. See {extras.get('helpUrl', '')}"
    techniques = _TECHNIQUE.findall(str(issue.get("code", "")))
    links = []
    for technique in techniques:
        prefix = re.match(r"[A-Z]+", technique)
        folder = _TECHNIQUE_FOLDERS.get(prefix.group(0) if prefix else "", "general")
        links.append(f"https://www.w3.org/WAI/WCAG22/Techniques/{folder}/{technique}")
    return str(issue.get("message", "")) + (f" See {' '.join(links)}" if links else "")


def split_url(url: str) -> tuple[str, str]:
    """`http://127.0.0.1:5/forums/?a11y-pass=axe` → (`/forums/`, `axe`)."""
    parts = urlsplit(url)
    return parts.path, parse_qs(parts.query).get(PASS_QUERY, ["?"])[0]


def read_report(
    report: dict[str, Any], pages: Sequence[str], passes: Sequence[Pass], exceptions: Sequence[RuleException],
) -> GateResult:
    """Turn pa11y-ci's JSON into findings, sorting each into errors, accepted exceptions and information."""
    by_name = {one.name: one for one in passes}
    result = GateResult(pages=list(pages), informational={one.name: [] for one in passes if not one.gate})
    seen: set[tuple[str, str]] = set()
    for url, issues in sorted(report.get("results", {}).items()):
        page, pass_name = split_url(url)
        seen.add((page, pass_name))
        one = by_name.get(pass_name)
        for issue in issues:
            if "runner" not in issue:
                result.crashed.append((page, pass_name, str(issue.get("message", issue))))
                continue
            finding = Finding(
                page=page, pass_name=pass_name, rule=str(issue.get("code", "")),
                selector=str(issue.get("selector") or "(the whole page)"),
                context=" ".join(str(issue.get("context") or "").split())[:200],
                message=str(issue.get("message", "")), how_to_fix=how_to_fix(issue),
            )
            if one is not None and not one.gate:
                result.informational[pass_name].append(finding)
            elif any(exception.covers(page, issue) for exception in exceptions):
                result.excepted.append(finding)
            else:
                result.errors.append(finding)
    for one in passes:
        for page in one.pages(pages):
            if (page, one.name) not in seen:
                result.crashed.append((page, one.name, "No result: the page was never checked."))
    return result


PROBE_HINTS = {
    "scrolls sideways": "let it shrink or wrap (max-width: 100%, overflow-wrap) so the page fits 320px.",
    "target smaller": "give it min-width and min-height 44px, or padding, in the theme's CSS.",
    "text smaller": "set its font-size to 0.9rem (18px) or more in theme/assets/stylesheets/easy-read.css.",
    "asked another host": "copy the file into the site (theme/ or content/) and link to that copy.",
    "could not be opened": "check that the page was built and its address in the sitemap is right.",
}


def format_report(result: GateResult) -> str:
    """Page → rule → element → how to fix, then the totals."""
    lines: list[str] = []
    grouped: dict[str, dict[tuple[str, str], list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in result.errors:
        grouped[finding.page][(finding.pass_name, finding.rule)].append(finding)
    crashed: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for page, pass_name, message in result.crashed:
        crashed[page].append((pass_name, message))
    probed: dict[str, list[str]] = defaultdict(list)
    for page, problem in result.probe_problems:
        probed[page].append(problem)
    for page in sorted(set(grouped) | set(crashed) | set(probed)):
        lines.append(f"\n{page}")
        for (pass_name, rule), findings in sorted(grouped[page].items()):
            lines.append(f"  [{pass_name}] {rule}")
            lines.append(f"      how to fix: {findings[0].how_to_fix}")
            for finding in findings:
                lines.append(f"    - {finding.selector}")
                if finding.context:
                    lines.append(f"        {finding.context}")
        for pass_name, message in crashed[page]:
            lines.append(f"  [{pass_name}] NOT CHECKED: {message}")
        if probed[page]:
            lines.append("  [browser probe]")
            for problem in probed[page]:
                hint = next((fix for start, fix in PROBE_HINTS.items() if problem.startswith(start)), "")
                lines.append(f"    - {problem}" + (f"\n      how to fix: {hint}" if hint else ""))
    lines.append("")
    passes = len({f.pass_name for f in result.errors} | {c[1] for c in result.crashed})
    lines.append(
        f"{len(result.pages)} pages; {len(result.errors)} errors"
        + (f" in {passes} pass(es)" if result.errors else "")
        + f"; {len(result.crashed)} page checks did not finish; {len(result.probe_problems)} browser probe problems;"
        + f" {len(result.excepted)} findings covered by a11y-exceptions.yml."
    )
    for name, findings in result.informational.items():
        rules = defaultdict(int)
        for finding in findings:
            rules[finding.rule] += 1
        top = ", ".join(f"{rule.split('.', 3)[-1]} ×{count}" for rule, count in sorted(rules.items(), key=lambda x: -x[1])[:5])
        lines.append(f"For information, {name}: {len(findings)} findings" + (f" ({top})" if top else "") + ".")
    if result.pages:
        lines.append(f"Took {result.seconds:.1f}s, {result.seconds / len(result.pages):.2f}s per page.")
    lines.append("PASSED: no accessibility errors." if result.ok else "FAILED: fix the problems above, then run `make a11y` again.")
    return "\n".join(lines)


# ── The browser probe: reflow, other hosts, screenshots ────────────────────────────────────────────────────


def sample_pages(pages: Sequence[str], main: Sequence[str] = MAIN_PAGES) -> list[str]:
    """The main pages and the first page of each section: one of each layout, for checks of the theme."""
    sections: dict[str, str] = {}
    for page in pages:
        sections.setdefault(page.strip("/").split("/")[0], page)
    return [page for page in pages if page in main or page in sections.values()]


def probe_visits(pages: Sequence[str], shots: Sequence[str]) -> list[dict[str, Any]]:
    """Every page at the narrowest width; at the wider widths, a sample (see `sample_pages`).

    Reflow and 44px targets depend on the theme more than on the page, so a sample is enough for the wide
    layout, and it keeps the probe fast as the site grows.
    """
    narrow, *wider = sorted(SCREENSHOT_WIDTHS)
    sample = sample_pages(pages, shots)
    visits = [{"page": page, "width": narrow, "reflow": True, "screenshot": page in shots} for page in pages]
    for width in wider:
        visits += [{"page": page, "width": width, "reflow": False, "screenshot": page in shots} for page in sample]
    return visits


def run_probe(
    base: str, pages: Sequence[str], shots: Sequence[str], out: Path, timeout: float, *, menu_without_script: bool = True,
) -> list[tuple[str, str]]:
    """Open the pages as a person would and report sideways scrolling, small targets and other hosts."""
    plan = {
        "base": base,
        "visits": probe_visits(pages, shots),
        "no_script": [page for page in shots if page in pages and page != "/404.html"] if menu_without_script else [],
        "out": str(out),
        "chromium": CHROMIUM,
        "args": list(CHROMIUM_FLAGS),
    }
    try:
        result = subprocess.run(
            ["node", str(PROBE_SCRIPT)], input=json.dumps(plan), capture_output=True, text=True,
            timeout=timeout, cwd=PROJECT_ROOT,
        )
    except subprocess.TimeoutExpired:
        return [("(all pages)", f"The browser probe did not finish within {timeout:.0f} seconds.")]
    findings = _last_json_line(result.stdout)
    if result.returncode != 0 or findings is None:
        return [("(all pages)", f"The browser probe failed (exit {result.returncode}): {result.stderr.strip()[-1500:]}")]
    return [(item["page"], item["problem"]) for item in findings.get("problems", [])]


# ── The whole gate ─────────────────────────────────────────────────────────────────────────────────────────


def run_gate(
    site: Path,
    reports: Path,
    *,
    passes: Sequence[Pass] = PASSES,
    exceptions: Sequence[RuleException] | None = None,
    probe: bool = True,
    screenshots: Sequence[str] = MAIN_PAGES,
    menu_without_script: bool = True,
) -> GateResult:
    """Check every page of `site`; write the JSON report, the text report and screenshots into `reports`."""
    started = time.perf_counter()
    exceptions = load_exceptions() if exceptions is None else exceptions
    pages = page_paths(site)
    if reports.exists():
        shutil.rmtree(reports)
    reports.mkdir(parents=True)
    # Generous: every page of every pass, CONCURRENCY pages at a time, each at most PAGE_TIMEOUT_MS.
    budget = 120 + sum(len(one.pages(pages)) for one in passes) * PAGE_TIMEOUT_MS / 1000 / CONCURRENCY
    with serve(site) as base:
        report = run_pa11y_ci(pa11y_config(base, pages, passes), timeout=budget)
        pa11y_seconds = time.perf_counter() - started
        (reports / "pa11y-ci.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        result = read_report(report, pages, passes, exceptions)
        if probe:
            result.probe_problems = run_probe(
                base, pages, screenshots, reports / "screenshots", timeout=budget, menu_without_script=menu_without_script,
            )
    result.seconds = time.perf_counter() - started
    text = format_report(result)
    (reports / "report.txt").write_text(text + "\n", encoding="utf-8")
    summary = {
        "pages": len(pages),
        "errors": len(result.errors),
        "not_finished": len(result.crashed),
        "probe_problems": len(result.probe_problems),
        "excepted": len(result.excepted),
        "informational": {name: len(findings) for name, findings in result.informational.items()},
        "seconds": round(result.seconds, 2),
        "seconds_per_page": round(result.seconds / len(pages), 3),
        "pa11y_ci_seconds": round(pa11y_seconds, 2),
        "probe_seconds": round(result.seconds - pa11y_seconds, 2),
        "passed": result.ok,
    }
    (reports / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.a11y", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=PROJECT_ROOT / "site", help="the built site folder")
    parser.add_argument("--reports", type=Path, default=PROJECT_ROOT / "reports" / "a11y", help="where reports go")
    parser.add_argument("--exceptions", type=Path, default=EXCEPTIONS_FILE, help="the rule exceptions file")
    parser.add_argument("--no-probe", action="store_true", help="skip the reflow/other-host probe and screenshots")
    args = parser.parse_args(argv)
    try:
        exceptions = load_exceptions(args.exceptions)
        result = run_gate(args.site, args.reports, exceptions=exceptions, probe=not args.no_probe)
    except ExceptionsError as error:
        print(error, file=sys.stderr)
        print("Fix the exceptions file; nothing was checked.", file=sys.stderr)
        return 1
    except (GateCrashed, FileNotFoundError, ValueError) as error:
        print(f"The accessibility check could not run: {error}", file=sys.stderr)
        return 1
    print(format_report(result))
    print(f"Reports: {args.reports}/report.txt, pa11y-ci.json, summary.json, screenshots/")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
