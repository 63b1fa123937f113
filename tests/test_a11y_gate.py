"""The accessibility gate catches each kind of failure, in a real Chromium.

One pa11y-ci run (and one probe run) over every fixture page in tests/fixtures/a11y/, shared by all tests here.
Each broken page breaks one thing; the clean page must come through with nothing to report.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import a11y

FIXTURES = Path(__file__).parent / "fixtures" / "a11y"
# The fixtures are plain pages without Material's colour button, so the dark-scheme pass has nothing to click.
GATE_PASSES = tuple(one for one in a11y.PASSES if one.gate and not one.actions)


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> tuple[a11y.GateResult, Path]:
    reports = tmp_path_factory.mktemp("a11y-reports")
    # The fixtures have no menu, so the check that Material's menu opens without JavaScript is left out here.
    result = a11y.run_gate(
        FIXTURES, reports, passes=GATE_PASSES, exceptions=[], screenshots=("/",), menu_without_script=False,
    )
    return result, reports


def rules_on(result: a11y.GateResult, page: str) -> set[tuple[str, str]]:
    return {(finding.pass_name, finding.rule) for finding in result.errors if finding.page == page}


def probe_on(result: a11y.GateResult, page: str) -> list[str]:
    return [problem for where, problem in result.probe_problems if where == page]


def test_every_fixture_page_was_checked_by_both_runners(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert result.crashed == []
    assert len(result.pages) == 9
    assert not result.ok


def test_the_clean_page_passes_everything(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert rules_on(result, "/") == set()
    assert probe_on(result, "/") == []


def test_low_contrast_is_caught_by_both_runners(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert rules_on(result, "/low-contrast/") == {
        ("axe", "color-contrast"),
        ("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail"),
    }


def test_image_without_alt_text_is_caught_by_both_runners(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert rules_on(result, "/image-without-alt/") == {
        ("axe", "image-alt"),
        ("htmlcs", "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"),
    }


def test_target_smaller_than_24px_is_caught_by_axe_target_size(gate: tuple[a11y.GateResult, Path]) -> None:
    """Only because the gate turns on axe's WCAG 2.2 `target-size` rule; WCAG2AA alone leaves it out."""
    result, _ = gate
    assert rules_on(result, "/small-target/") == {("axe", "target-size")}
    selectors = sorted(f.selector for f in result.errors if f.page == "/small-target/")
    assert selectors == [
        "html > body > main > p:nth-child(3) > button:nth-child(1)",
        "html > body > main > p:nth-child(3) > button:nth-child(2)",
    ]


def test_target_smaller_than_44px_is_caught_by_the_probe(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert probe_on(result, "/small-target/") == [
        f'target smaller than 44×44px at {width}px wide: button "{name}" is 10×10px'
        for width in (320, 1280) for name in ("Yes", "No")
    ]


def test_unlabelled_form_field_is_caught_by_both_runners(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert rules_on(result, "/unlabelled-field/") == {
        ("axe", "label"),
        ("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.F68"),
        ("htmlcs", "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputText.Name"),
    }


def test_skipped_heading_level_is_caught(gate: tuple[a11y.GateResult, Path]) -> None:
    """axe calls this a 'moderate' problem, which pa11y files as a warning; the gate counts warnings from axe."""
    result, _ = gate
    assert rules_on(result, "/skipped-heading/") == {("axe", "heading-order")}


def test_sideways_scrolling_at_320px_is_caught(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert probe_on(result, "/too-wide/") == ["scrolls sideways at 320px wide (page is 620px): p.wide"]


def test_a_request_to_another_host_is_caught_and_blocked(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert "asked another host for https://images.example.invalid/photo.png" in probe_on(result, "/other-host/")


def test_text_smaller_than_18px_is_caught(gate: tuple[a11y.GateResult, Path]) -> None:
    result, _ = gate
    assert probe_on(result, "/small-text/") == [
        f'text smaller than 18px: p.small "This text is too small for eas" is 12px at {width}px wide' for width in (320, 1280)
    ]
    assert rules_on(result, "/small-text/") == set()


def test_the_report_reads_page_then_rule_then_element_then_fix(gate: tuple[a11y.GateResult, Path]) -> None:
    _result, reports = gate
    text = (reports / "report.txt").read_text(encoding="utf-8")
    block = text[text.index("\n/image-without-alt/\n"):]
    lines = block.splitlines()[2:6]
    assert lines[0] == "  [axe] image-alt"
    assert lines[1].startswith("      how to fix: Images must have alternative text.")
    assert "https://dequeuniversity.com/rules/axe/" in lines[1]
    assert lines[2] == "    - html > body > main > img"
    assert text.rstrip().endswith("FAILED: fix the problems above, then run `make a11y` again.")


def test_reports_and_screenshots_are_kept(gate: tuple[a11y.GateResult, Path]) -> None:
    result, reports = gate
    raw = json.loads((reports / "pa11y-ci.json").read_text(encoding="utf-8"))
    assert raw["total"] == len(result.pages) * len(GATE_PASSES)
    summary = json.loads((reports / "summary.json").read_text(encoding="utf-8"))
    assert summary["pages"] == 9 and summary["passed"] is False
    assert summary["errors"] == len(result.errors) > 0
    for width in a11y.SCREENSHOT_WIDTHS:
        shot = reports / "screenshots" / f"home-{width}.png"
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_exception_with_a_reason_lets_a_rule_through(gate: tuple[a11y.GateResult, Path]) -> None:
    """Re-reading the same pa11y-ci report with an exception moves those findings aside, and only those."""
    result, reports = gate
    raw = json.loads((reports / "pa11y-ci.json").read_text(encoding="utf-8"))
    exception = a11y.RuleException(rule="heading-order", reason="A test of the exceptions file.", pages=["/skipped-*"])
    again = a11y.read_report(raw, result.pages, GATE_PASSES, [exception])
    assert [(f.page, f.rule) for f in again.excepted] == [("/skipped-heading/", "heading-order")]
    assert len(again.errors) == len(result.errors) - 1
