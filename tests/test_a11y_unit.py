"""The gate's own logic, without a browser: pages, pa11y-ci settings, reading results, the exceptions file."""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from generator import a11y


def write_site(root: Path, pages: list[str], site_url: str = "https://example.org/sub/") -> Path:
    locs = "".join(f"<url><loc>{site_url}{page}</loc></url>" for page in pages)
    root.mkdir(parents=True, exist_ok=True)
    (root / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    )
    for page in pages:
        target = root / page / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"<title>{page}</title>")
    return root


def test_page_paths_are_relative_to_the_site_root_and_include_404(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", ["", "forums/", "forums/east-surrey/"])
    (site / "404.html").write_text("<title>Not found</title>")
    assert a11y.page_paths(site) == ["/", "/forums/", "/forums/east-surrey/", "/404.html"]


def test_a_sitemap_page_that_was_not_built_is_an_error(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", ["", "forums/"])
    (site / "forums/index.html").unlink()
    with pytest.raises(FileNotFoundError, match="The sitemap lists pages that were not built: /forums/"):
        a11y.page_paths(site)


def test_no_sitemap_says_build_first(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"sitemap.xml is missing. Build the site first \(make site\)."):
        a11y.page_paths(tmp_path)


def test_the_server_serves_the_folder_on_a_free_local_port_and_stops(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", ["", "forums/"])
    with a11y.serve(site) as base:
        assert base.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{base}/forums/") as response:
            assert response.read() == b"<title>forums/</title>"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{base}/", timeout=2)


def test_pa11y_config_passes_urls_as_objects_one_per_page_and_pass() -> None:
    config = a11y.pa11y_config("http://127.0.0.1:9", ["/", "/forums/"])
    urls = config["urls"]
    assert all(isinstance(item, dict) for item in urls)
    assert len(urls) == 2 * len(a11y.PASSES)  # both pages are main pages, so even the sample pass has both
    by_pass = {a11y.split_url(item["url"])[1]: item for item in urls if item["url"].startswith("http://127.0.0.1:9/forums/")}
    assert by_pass["axe"]["runners"] == ["axe"] and by_pass["axe"]["rules"] == ["target-size"]
    assert by_pass["axe"]["standard"] == "WCAG2AA" and by_pass["axe"]["includeWarnings"] is True
    # htmlcs rejects every page when it is given the axe rule, so its passes must not have one.
    assert by_pass["htmlcs"] == {"url": "http://127.0.0.1:9/forums/?a11y-pass=htmlcs", "runners": ["htmlcs"], "standard": "WCAG2AA"}
    assert by_pass["htmlcs-aaa"]["standard"] == "WCAG2AAA" and "rules" not in by_pass["htmlcs-aaa"]
    assert by_pass["axe-dark"]["actions"] == [
        'click element label[for="__palette_1"]', 'wait for element body[data-md-color-scheme="slate"] to be added',
    ]
    assert by_pass["axe-dark"]["useIncognitoBrowserContext"] is True


def test_the_dark_scheme_pass_checks_a_sample_of_one_page_per_section() -> None:
    pages = ["/", "/forums/", "/forums/east/", "/forums/west/", "/take-part/", "/404.html"]
    config = a11y.pa11y_config("http://h", pages)
    dark = [a11y.split_url(item["url"])[0] for item in config["urls"] if item["url"].endswith("=axe-dark")]
    assert dark == ["/", "/forums/", "/take-part/", "/404.html"]
    assert len(config["urls"]) == 3 * len(pages) + len(dark)
    defaults = config["defaults"]
    assert defaults["concurrency"] == 2
    assert defaults["timeout"] > 0
    assert defaults["chromeLaunchConfig"]["executablePath"] == a11y.CHROMIUM
    for flag in ("--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"):
        assert flag in defaults["chromeLaunchConfig"]["args"]


def issue(code: str, runner: str = "axe", selector: str = "main > p") -> dict[str, object]:
    return {"code": code, "type": "error", "message": f"{code} broken", "context": "<p>x</p>", "selector": selector,
            "runner": runner, "runnerExtras": {"help": f"Fix {code}", "description": "Why", "helpUrl": "https://h/"}}


def test_a_result_without_a_runner_is_a_crashed_page_not_a_clean_one() -> None:
    report = {"results": {
        "http://h/?a11y-pass=axe": [],
        "http://h/?a11y-pass=htmlcs": [{"message": "Protocol error (Target.closeTarget): Target closed"}],
    }}
    passes = [one for one in a11y.PASSES if one.gate and not one.sample_only]
    result = a11y.read_report(report, ["/"], passes, [])
    assert result.crashed == [("/", "htmlcs", "Protocol error (Target.closeTarget): Target closed")]
    assert result.errors == [] and not result.ok


def test_a_page_missing_from_the_report_counts_as_not_checked() -> None:
    passes = [one for one in a11y.PASSES if one.gate and not one.sample_only]
    result = a11y.read_report({"results": {"http://h/?a11y-pass=axe": []}}, ["/"], passes, [])
    assert result.crashed == [("/", "htmlcs", "No result: the page was never checked.")]
    assert not result.ok


def test_aaa_findings_are_counted_but_do_not_fail_the_gate() -> None:
    report = {"results": {
        "http://h/?a11y-pass=axe": [], "http://h/?a11y-pass=htmlcs": [], "http://h/?a11y-pass=axe-dark": [],
        "http://h/?a11y-pass=htmlcs-aaa": [issue("WCAG2AAA.Principle1.Guideline1_4.1_4_6.G17.Fail", "htmlcs")],
    }}
    result = a11y.read_report(report, ["/"], a11y.PASSES, [])
    assert result.ok
    assert [f.rule for f in result.informational["htmlcs-aaa"]] == ["WCAG2AAA.Principle1.Guideline1_4.1_4_6.G17.Fail"]
    assert "For information, htmlcs-aaa: 1 findings (1_4_6.G17.Fail ×1)." in a11y.format_report(result)


def test_how_to_fix_points_at_axe_help_or_the_wcag_technique() -> None:
    assert a11y.how_to_fix(issue("image-alt")) == "Fix image-alt. Why. See https://h/"
    htmlcs = issue("WCAG2AA.Principle1.Guideline1_1.1_1_1.H37", "htmlcs")
    assert a11y.how_to_fix(htmlcs) == (
        "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37 broken See https://www.w3.org/WAI/WCAG22/Techniques/html/H37"
    )


def test_exceptions_match_rule_page_and_selector() -> None:
    exception = a11y.RuleException(rule="color-*", reason="Because.", pages=["/forums/*"], selector="main > p")
    assert exception.covers("/forums/east/", issue("color-contrast"))
    assert not exception.covers("/", issue("color-contrast"))
    assert not exception.covers("/forums/east/", issue("color-contrast", selector="footer"))
    assert not exception.covers("/forums/east/", issue("image-alt"))


def test_the_exceptions_file_needs_a_reason_for_each_entry(tmp_path: Path) -> None:
    path = tmp_path / "a11y-exceptions.yml"
    path.write_text("exceptions:\n  - rule: color-contrast\n    reason: \"\"\n  - rule: label\n    page: /x/\n")
    with pytest.raises(a11y.ExceptionsError) as caught:
        a11y.load_exceptions(path)
    assert [str(problem) for problem in caught.value.problems] == [
        "a11y-exceptions.yml:3:13: exceptions[1].reason: This is empty. Write some words here.",
        'a11y-exceptions.yml:4:5: exceptions[2].reason: "reason" is missing. Add a line "reason: ..." here.',
        'a11y-exceptions.yml:5:5: exceptions[2].page: "page" is not a field we know. Check the spelling, or delete it.'
        " Fields allowed here: rule, reason, pages, selector.",
    ]


def test_the_project_exceptions_file_is_valid_and_every_entry_has_a_reason() -> None:
    for exception in a11y.load_exceptions():
        assert exception.reason.strip()


def test_summary_counts_land_in_the_text_report() -> None:
    result = a11y.GateResult(pages=["/", "/a/"], probe_problems=[("/a/", "asked another host for https://x.example/f.css")])
    result.seconds = 3.0
    text = a11y.format_report(result)
    assert "/a/\n  [browser probe]\n    - asked another host for https://x.example/f.css" in text
    assert "how to fix: copy the file into the site" in text
    assert "2 pages; 0 errors; 0 page checks did not finish; 1 browser probe problems;" in text
    assert "Took 3.0s, 1.50s per page." in text
    assert text.endswith("FAILED: fix the problems above, then run `make a11y` again.")
    assert json.dumps(a11y.probe_visits(["/", "/a/", "/a/b/"], ["/"])) == json.dumps([
        {"page": "/", "width": 320, "reflow": True, "screenshot": True},
        {"page": "/a/", "width": 320, "reflow": True, "screenshot": False},
        {"page": "/a/b/", "width": 320, "reflow": True, "screenshot": False},
        {"page": "/", "width": 1280, "reflow": False, "screenshot": True},
        {"page": "/a/", "width": 1280, "reflow": False, "screenshot": False},
    ])
