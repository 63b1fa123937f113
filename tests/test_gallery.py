"""Run the gallery of broken and hostile inputs (tests/gallery/cases.py).

Every refused input must give its exact message at its file and line, and nothing else may go
wrong (no traceback: any exception other than the data-problems report fails the test). Every
accepted hostile input must come out inert: no output gains an element, attribute, URL scheme,
table column, heading, calendar event, feed entry or JSON key, and no page holds live script.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from gallery.cases import INERT, REFUSED, Case
from gallery.harness import clean_shapes, copy_inputs, examine, gained, injected, outputs, problems, shapes


def _apply(case: Case, tmp_path: Path) -> Path:
    root = copy_inputs(tmp_path / "project")
    for edit in case.edits:
        edit(root)
    return root


def test_the_gallery_is_big_enough() -> None:
    assert len(REFUSED) + len(INERT) >= 80
    assert len({c.name for c in (*REFUSED, *INERT)}) == len(REFUSED) + len(INERT)


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_refused_with_its_file_line_and_words(case: Case, tmp_path: Path) -> None:
    assert case.expect, "every refused input says what must be reported"
    found = problems(_apply(case, tmp_path))
    assert found, "the input was accepted"
    missing = [line for line in case.expect if line not in found]
    assert missing == [], "\n".join(["missing:", *missing, "found:", *found])


@pytest.mark.parametrize("case", INERT, ids=lambda c: c.name)
def test_hostile_words_are_accepted_as_words(case: Case, tmp_path: Path) -> None:
    assert problems(_apply(case, tmp_path)) == []


def test_hostile_words_come_out_inert(tmp_path: Path) -> None:
    root = copy_inputs(tmp_path / "hostile")
    for case in INERT:
        for edit in case.edits:
            edit(root)
    hostile = outputs(root)
    shaped, live = examine(hostile)
    assert live == []
    assert gained(clean_shapes(), shaped) == []
    # The hostile words are really there, as words.
    text = "\n".join(hostile.values())
    assert "onerror=alert(1)&gt;" in text or "onerror=alert(1)>" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile["forums/east-surrey.md"]


def test_the_detectors_catch_an_injection() -> None:
    # Controls: the same checks must fail on a page that does gain a script, a handler, a column and a heading.
    before = {"page.md": "<h1>Title</h1><table><tr><td>a</td><td>b</td></tr></table><p>Words</p>"}
    after = {"page.md": "<h1>Title</h1><table><tr><td>a</td><td>b</td><td>c</td></tr></table>"
             "<h1>Second</h1><p><img src=x onerror=alert(1)><a href='javascript:x'>x</a></p><script>alert(1)</script>"}
    found = gained(shapes(before), shapes(after))
    assert any("new elements" in f for f in found)
    assert any("table shapes" in f for f in found)
    assert any("more headings" in f for f in found)
    assert any("schemes" in f for f in found)
    live = injected(after)
    assert any("<script>" in f for f in live) and any("onerror" in f for f in live) and any("javascript" in f for f in live)
    # The one-parse path the gallery and the property test use finds exactly the same.
    assert examine(after) == (shapes(after), live)


def test_a_markdown_field_keeps_its_safe_links(tmp_path: Path) -> None:
    root = copy_inputs(tmp_path / "project")
    edit = "Use this form with [the ladder"
    path = root / "data/toolkits/01-evaluation-tool.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(edit, "Read [the guide](https://example.org/guide). " + edit), encoding="utf-8")
    assert problems(root) == []
    page = outputs(root)["toolkits/01-evaluation-tool.md"]
    assert '<a href="https://example.org/guide">the guide</a>' in page
    assert '<a href="../about-co-production.md#the-ladder-of-co-production">the ladder of co-production</a>' in page
