"""The whole gate: which pages need a check, one browser run and one Nu checker run for those, then the reports."""
from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .browser import Visit, run_browser
from .cache import AssetHasher, Cache, chromium_version, gate_fingerprint, page_key
from .exceptions import RuleException
from .findings import PageResult
from .pages import page_paths, sample_pages, shard, shot_name
from .report import GateResult, sort_findings, write_reports
from .server import serve
from .settings import MAIN_PAGES, Settings
from .vnu import finish_vnu, start_vnu


@dataclass(frozen=True)
class Options:
    full: bool = False  # check every page, whatever the cache holds
    screenshots: Sequence[str] = MAIN_PAGES  # photographed at each width; also checked with JavaScript off
    dark: bool = True  # an axe pass in the dark scheme on a sample of pages
    no_script: bool = True  # the main pages with JavaScript off
    shard: tuple[int, int] = (1, 1)


def _tool_versions(settings: Settings, browser: dict[str, str]) -> dict[str, str]:
    """The versions of every tool, for the summary. Kept with the cache for runs that start no browser."""
    remembered = settings.cache_dir / "versions.json"
    versions = dict(browser)
    if not versions and remembered.is_file():
        versions = json.loads(remembered.read_text(encoding="utf-8"))
    try:
        package = json.loads((settings.node_modules / "vnu-jar" / "package.json").read_text(encoding="utf-8"))
        versions["vnu-jar"] = str(package.get("version", "unknown"))
    except (OSError, ValueError):
        versions["vnu-jar"] = "missing"
    if browser:
        remembered.parent.mkdir(parents=True, exist_ok=True)
        remembered.write_text(json.dumps(versions, indent=1), encoding="utf-8")
    return versions


def run_gate(
    site: Path, settings: Settings, exceptions: Sequence[RuleException], options: Options = Options(),
    reports: Path | None = None,
) -> GateResult:
    """Check the pages of `site` that changed since their last check (all of them with `full`); write reports."""
    started = time.perf_counter()
    every_page = page_paths(site)
    pages = shard(every_page, *options.shard)
    sample = set(sample_pages(every_page)) if options.dark else set()
    fingerprint = gate_fingerprint(settings, browser_version=chromium_version(settings))
    hasher = AssetHasher(site)
    cache = Cache.for_site(settings, site)
    keys: dict[str, str] = {}
    results: dict[str, PageResult] = {}
    visits: list[Visit] = []
    for page in pages:
        shots = page in options.screenshots
        plan = {"shots": shots, "dark": page in sample,
                "no_script": options.no_script and shots and not page.endswith("404.html")}
        key = keys[page] = page_key(fingerprint, page, hasher.page_hash(page), plan)
        cached = None if options.full else cache.get(key)
        if cached is not None:
            results[page] = cached
        else:
            visits.append(Visit(page, shots=f"{shot_name(page)}-{key[:16]}" if shots else None,
                                dark=bool(plan["dark"]), no_script=bool(plan["no_script"])))
    from_cache = len(results)
    checked: dict[str, PageResult] = {}

    def keep(one: PageResult) -> None:
        checked[one.page] = one
        cache.put(keys[one.page], "browser", one)

    names = [visit.page for visit in visits]
    vnu = start_vnu(settings, site, names)
    try:
        with serve(site) as base:
            run = run_browser(settings, base, visits, cache.shots, keep)
        valid = finish_vnu(vnu, site, names, timeout=600)
    finally:
        if vnu is not None and vnu.poll() is None:
            vnu.kill()
    for page, one in checked.items():
        cache.put(keys[page], "vnu", PageResult(page=page, findings=valid.get(page, [])))
        one.findings.extend(valid.get(page, []))
        results[page] = one
    if options.shard == (1, 1):
        cache.keep_only(keys.values())
    result = sort_findings([results[page] for page in pages if page in results], exceptions, pages)
    result.from_cache = from_cache
    result.checked = [visit.page for visit in visits]
    result.shard = "{}/{}".format(*options.shard)
    result.versions = _tool_versions(settings, run.versions)
    result.seconds = time.perf_counter() - started
    if reports is not None:
        write_reports(result, [results[page] for page in pages if page in results], cache.shots, reports)
    return result
