"""The accessibility gate catches each kind of failure, in a real Chromium and the Nu HTML Checker.

One full run over every fixture page in tests/fixtures/a11y/, shared by the tests here. Each broken page breaks
one thing; the clean page (with a working menu button and switch) must come through with nothing to report.
Then incremental runs over a copy prove the cache: a changed page, a changed stylesheet or a changed gate is
checked again, never passed from the cache.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.a11y import cache as cache_module
from generator.a11y.exceptions import RuleException
from generator.a11y.findings import PageResult
from generator.a11y.gate import Options, run_gate
from generator.a11y.report import GateResult, sort_findings
from generator.a11y.settings import WIDTHS, Settings

FIXTURES = Path(__file__).parent / "fixtures" / "a11y"
PROJECT = Path(__file__).parent.parent
# The fixtures are plain pages: no dark scheme to switch to and no site menu, so those two extra looks are left out.
FIXTURE_OPTIONS = Options(full=True, screenshots=("/",), dark=False, no_script=False)
KEYBOARD = {f"keyboard-{width}" for width in WIDTHS}

needs_browser = pytest.mark.skipif(
    not (PROJECT / "node_modules" / "pa11y").is_dir() or not Path("/usr/bin/chromium").exists() or shutil.which("java") is None,
    reason="needs `make npm`, Debian's chromium and Java",
)
pytestmark = needs_browser


def settings_for(cache: Path) -> Settings:
    """The project's node_modules, with a cache of the test's own."""
    return Settings(root=PROJECT, jobs=2, cache=cache)


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> tuple[GateResult, Path]:
    reports = tmp_path_factory.mktemp("a11y-reports")
    settings = settings_for(tmp_path_factory.mktemp("a11y-cache"))
    return run_gate(FIXTURES, settings, [], FIXTURE_OPTIONS, reports=reports), reports


def checks_on(result: GateResult, page: str) -> set[tuple[str, str]]:
    return result.on(page)


def test_every_fixture_page_was_checked(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert result.crashed == []
    assert len(result.pages) == 17
    assert not result.ok


def test_the_clean_page_passes_everything(gate: tuple[GateResult, Path]) -> None:
    """Including the keyboard walk: skip link first, focus rings, its menu button and its switch work by keyboard."""
    result, _ = gate
    assert checks_on(result, "/") == set()


def test_low_contrast_is_caught_by_both_runners(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/low-contrast/") == {
        ("axe", "color-contrast"),
        ("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail"),
    }


def test_image_without_alt_text_is_caught_by_both_runners_and_the_nu_checker(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    found = checks_on(result, "/image-without-alt/")
    assert {("axe", "image-alt"), ("htmlcs", "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37")} <= found
    assert {check for check, _ in found} == {"axe", "htmlcs", "vnu"}


def test_target_smaller_than_24px_is_caught_by_axe_target_size(gate: tuple[GateResult, Path]) -> None:
    """Only because the gate turns on axe's WCAG 2.2 `target-size` rule; WCAG2AA alone leaves it out."""
    result, _ = gate
    assert checks_on(result, "/small-target/") == {("axe", "target-size"), ("targets", "target-44px")}
    selectors = sorted(f.selector for f in result.errors if f.page == "/small-target/" and f.check == "axe")
    assert selectors == ["#main > p:nth-child(3) > button:nth-child(1)", "#main > p:nth-child(3) > button:nth-child(2)"]


def test_target_smaller_than_44px_is_caught_by_the_probe_at_both_widths(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    messages = sorted(f.message for f in result.errors if f.page == "/small-target/" and f.check == "targets")
    assert messages == sorted(
        f'button "{name}" is 10×10px (at {width}px wide)' for width in WIDTHS for name in ("Yes", "No")
    )


def test_unlabelled_form_field_is_caught_by_both_runners(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/unlabelled-field/") == {
        ("axe", "label"),
        ("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.F68"),
        ("htmlcs", "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputText.Name"),
    }


def test_skipped_heading_level_is_caught(gate: tuple[GateResult, Path]) -> None:
    """axe calls this a 'moderate' problem, which pa11y files as a warning; the gate counts warnings from axe."""
    result, _ = gate
    assert ("axe", "heading-order") in checks_on(result, "/skipped-heading/")


def test_sideways_scrolling_at_320px_is_caught(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    found = [f for f in result.errors if f.page == "/too-wide/"]
    assert [(f.check, f.rule, f.selector) for f in found] == [("reflow", "reflow-320px", "main#main > p")]
    assert found[0].message == "the page scrolls sideways (it is 620px wide) (at 320px wide)"


def test_a_request_to_another_host_is_caught_and_blocked(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert [f.message for f in result.errors if f.page == "/other-host/"] == [
        "asked another host for https://images.example.invalid/photo.png"
    ]


def test_text_smaller_than_18px_is_caught(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/small-text/") == {("text-size", "text-18px")}


def test_invalid_html_is_caught_by_the_nu_checker(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/nu-error/") == {("vnu", "Duplicate attribute “class”.")}
    (finding,) = [f for f in result.errors if f.page == "/nu-error/"]
    assert finding.selector == "line 20, column 1"


def test_a_tab_stop_off_the_screen_is_caught(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/focus-off-screen/") == {(check, "focus-visible") for check in KEYBOARD}
    messages = {f.message for f in result.errors if f.page == "/focus-off-screen/"}
    assert messages == {f'the Tab key stops on a "Back to the start", but it is outside the screen (at {w}px wide)' for w in WIDTHS}


def test_a_link_without_a_focus_indicator_is_caught(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/no-focus-style/") == {(check, "focus-indicator") for check in KEYBOARD}
    assert "main#main > p > a" in {f.selector for f in result.errors if f.page == "/no-focus-style/"}


def test_a_first_tab_stop_that_is_not_a_skip_link_is_caught(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/no-skip-link/") == {(check, "skip-link-first") for check in KEYBOARD}


def test_a_keyboard_trap_is_caught(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/keyboard-trap/") == {(check, "keyboard-trap") for check in KEYBOARD}


def test_a_menu_button_that_only_a_mouse_can_open_is_caught(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/menu-mouse-only/") == {(check, "menu-keyboard") for check in KEYBOARD}
    assert {f.message for f in result.errors if f.page == "/menu-mouse-only/"} == {
        f'button "Menu": pressing Enter does not change aria-expanded (still "false") (at {w}px wide)' for w in WIDTHS
    }


def test_a_second_keyboard_walk_starts_from_a_fresh_page_when_the_first_changed_it(gate: tuple[GateResult, Path]) -> None:
    """The page hides its faulty link once the Tab key reaches its last link: each width must still see the link."""
    result, _ = gate
    assert checks_on(result, "/changes-when-walked/") == {(check, "focus-indicator") for check in KEYBOARD}


def test_text_cut_off_under_wcag_text_spacing_is_caught(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    assert checks_on(result, "/text-spacing/") == {("text-spacing", "text-spacing")}
    found = {(f.selector, f.message.split(" (at ")[0]) for f in result.errors if f.page == "/text-spacing/"}
    assert found == {
        ("main#main > p:nth-child(3)", '"Opening times are here" is cut off when text spacing is increased'),
        ("main#main > p:nth-child(4)", '"Closing times are here" is spilling out of its box when text spacing is increased'),
    }


def test_the_report_reads_page_then_rule_then_element_then_fix(gate: tuple[GateResult, Path]) -> None:
    _, reports = gate
    text = (reports / "report.txt").read_text(encoding="utf-8")
    block = text[text.index("\n/image-without-alt/\n"):]
    lines = block.splitlines()[2:5]
    assert lines[0] == "  [axe] image-alt"
    assert lines[1].startswith("      how to fix: Images must have alternative text.")
    assert "https://dequeuniversity.com/rules/axe/" in lines[1]
    assert lines[2] == "    - #main > img"
    assert text.rstrip().endswith("FAILED: fix the problems above, then run `make a11y` again.")


def test_summary_results_and_screenshots_are_kept(gate: tuple[GateResult, Path]) -> None:
    result, reports = gate
    summary = json.loads((reports / "summary.json").read_text(encoding="utf-8"))
    assert summary["pages"] == 17 and summary["passed"] is False and summary["checked_now"] == 17
    assert summary["errors"] == len(result.errors) > 0
    assert {"vnu", "keyboard", "text-spacing", "axe", "htmlcs"} <= set(summary["errors_by_check"])
    assert {"chromium", "axe-core", "pa11y", "vnu-jar"} <= set(summary["tools"])
    assert summary["standard"] == "WCAG 2.2 level AA" and summary["date"]
    results = json.loads((reports / "results.json").read_text(encoding="utf-8"))
    assert len(results["errors"]) == len(result.errors)
    for width in WIDTHS:
        shot = reports / "screenshots" / f"home-{width}.png"
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_exception_with_a_reason_lets_a_rule_through(gate: tuple[GateResult, Path]) -> None:
    result, _ = gate
    exception = RuleException(rule="heading-order", reason="A test of the exceptions file.", pages=["/skipped-*"])
    pages = result.pages
    by_page: dict[str, PageResult] = {page: PageResult(page=page) for page in pages}
    for finding in result.errors:
        by_page[finding.page].findings.append(finding)
    again = sort_findings(list(by_page.values()), [exception], pages)
    assert [(f.page, f.rule) for f in again.excepted] == [("/skipped-heading/", "heading-order")]
    assert len(again.errors) == len(result.errors) - 1


# ── Incremental runs: what changed is checked again, never passed from the cache ────────────────────────────────


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Settings]:
    """Three fixture pages and a shared stylesheet, in a folder the tests may change."""
    site = tmp_path_factory.mktemp("site")
    for page in ("", "low-contrast/", "nu-error/"):
        (site / page).mkdir(parents=True, exist_ok=True)
        html = (FIXTURES / page / "index.html").read_text(encoding="utf-8")
        html = html.replace("</head>", '<link rel="stylesheet" href="/shared.css">\n</head>')
        (site / page / "index.html").write_text(html, encoding="utf-8")
    (site / "shared.css").write_text("p { margin: 0 0 1rem; }\n", encoding="utf-8")
    locs = "".join(f"<url><loc>https://x.invalid/{page}</loc></url>" for page in ("", "low-contrast/", "nu-error/"))
    (site / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>', encoding="utf-8"
    )
    return site, settings_for(tmp_path_factory.mktemp("cache"))


INCREMENTAL = Options(full=False, screenshots=("/",), dark=False, no_script=False)


def test_incremental_runs_check_only_what_changed(small_site: tuple[Path, Settings]) -> None:
    site, settings = small_site
    first = run_gate(site, settings, [], INCREMENTAL)
    assert first.from_cache == 0 and first.on("/") == set()
    assert ("vnu", "Duplicate attribute “class”.") in first.on("/nu-error/")

    again = run_gate(site, settings, [], INCREMENTAL)
    assert again.from_cache == 3
    assert sorted((f.page, f.check, f.rule) for f in again.errors) == sorted((f.page, f.check, f.rule) for f in first.errors)

    # The page's HTML changes: it breaks, and the gate sees it (the other two come from the cache).
    home = site / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("<h1>", '<p class="a" class="b">x</p>\n<h1>'), encoding="utf-8")
    changed = run_gate(site, settings, [], INCREMENTAL)
    assert changed.from_cache == 2
    assert ("vnu", "Duplicate attribute “class”.") in changed.on("/")


def test_a_changed_stylesheet_checks_every_page_that_loads_it_again(small_site: tuple[Path, Settings]) -> None:
    site, settings = small_site
    run_gate(site, settings, [], INCREMENTAL)
    (site / "shared.css").write_text("p { margin: 0 0 1rem; } main p { color: #aaa; }\n", encoding="utf-8")
    result = run_gate(site, settings, [], INCREMENTAL)
    assert result.from_cache == 0
    assert ("axe", "color-contrast") in result.on("/")


def test_a_changed_gate_checks_every_page_again(small_site: tuple[Path, Settings], monkeypatch: pytest.MonkeyPatch) -> None:
    site, settings = small_site
    run_gate(site, settings, [], INCREMENTAL)
    assert run_gate(site, settings, [], INCREMENTAL).from_cache == 3
    monkeypatch.setattr(cache_module, "CACHE_FORMAT", "a changed gate")
    assert run_gate(site, settings, [], INCREMENTAL).from_cache == 0


def test_a_run_over_another_site_keeps_this_sites_results(small_site: tuple[Path, Settings], tmp_path: Path) -> None:
    """`make test` gates Surrey, then Harrow, with one cache folder: the second run must not forget the first's."""
    site, settings = small_site
    run_gate(site, settings, [], INCREMENTAL)
    other = tmp_path / "other-site"
    shutil.copytree(site, other)
    assert run_gate(other, settings, [], INCREMENTAL).from_cache == 0
    assert run_gate(site, settings, [], INCREMENTAL).from_cache == 3


def test_full_checks_every_page_whatever_the_cache_holds(small_site: tuple[Path, Settings]) -> None:
    site, settings = small_site
    run_gate(site, settings, [], INCREMENTAL)
    assert run_gate(site, settings, [], Options(full=True, screenshots=("/",), dark=False, no_script=False)).from_cache == 0
