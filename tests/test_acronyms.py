"""The acronym check: words in capitals must be explained, and the build says where they were written."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import TODAY, mkdocs_build, mkdocs_build_error, run_generator
from hypothesis import given
from hypothesis import strategies as st

from generator.easyread.acronyms import SourceLines, capital_words, is_capital_word, known_capital_words, unknown_capital_words


def test_what_counts_as_a_word_in_capitals() -> None:
    assert [w for w in ["NHS", "SaBP", "ImROC", "NDTi", "GPiMH", "CCGs", "QR"] if not is_capital_word(w)] == []
    assert [w for w in ["YouTube", "WhatsApp", "McDonald", "I", "A", "Forum", "GU21", "A4"] if is_capital_word(w)] == []


@given(st.text(alphabet=st.sampled_from("aZqQ09_- .'’\nÉéßİıǅⅫ²ΣσÅÆæ"), max_size=60) | st.text(max_size=40))
def test_the_quick_search_finds_what_checking_every_word_finds(text: str) -> None:
    # The module looks only at tokens with 2 letters that are not a to z: the same words as checking every token.
    every_token = [word for word in re.findall(r"[^\W_]+", text) if is_capital_word(word)]
    assert list(capital_words(text)) == every_token


def test_known_words_come_from_every_form_and_the_exceptions() -> None:
    known = known_capital_words(["CP Lead", "Surrey and Borders Partnership NHS Foundation Trust", "CCG"], ["UK"])
    assert known == {"CP", "NHS", "CCG", "CCGs", "UK"}


def test_unknown_words_in_visible_text_only() -> None:
    html = (
        "<p>The NHS and the CCGs. Ask PALS. It is OK. XYZ again.</p>"
        '<script type="application/ld+json">{"@type": "EventScheduled", "x": "JSON"}</script>'
        "<pre><code>HTML CSS</code></pre><h2>ABC heading</h2>"
    )
    assert unknown_capital_words(html, {"NHS", "CCG"}) == ["PALS", "OK", "XYZ", "ABC"]
    assert list(capital_words("PALS-led, the NHS's work")) == ["PALS", "NHS"]


def test_source_lines_point_at_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "content/take-part.md").write_text("# Take part\n\nAsk the XYZ team.\n", encoding="utf-8")
    (tmp_path / "data/forums.yml").write_text("# XYZ in a comment\nname: XYZ forum\nother: XYZW\n", encoding="utf-8")
    lines = SourceLines(tmp_path, [tmp_path / "content", tmp_path / "data"])
    assert [str(p) for p in lines.places("XYZ")] == ["content/take-part.md:3", "data/forums.yml:2"]
    assert [str(p) for p in lines.places("XYZ", prefer="data/forums.yml")] == ["data/forums.yml:2", "content/take-part.md:3"]


def _switch(project: Path, setting: str, value: str) -> None:
    settings = project / "data/readability.yml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    index = next(n for n, line in enumerate(lines) if line.startswith(f"{setting}:"))
    lines[index] = f"{setting}: {value}"
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_build_fails_on_an_unknown_acronym_naming_file_and_line(project: Path) -> None:
    _switch(project, "enforce_acronyms", "true")
    _switch(project, "enforce", "false")
    page = project / "content/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nAsk the QXZ team.\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    before = run_generator(project, "readability", "--today", TODAY)
    assert "QXZ" in before.stdout
    error = mkdocs_build_error(project)
    assert f'content/index.md:{line}: "QXZ" is in capitals but is not in the glossary (on index.md).' in error
    assert not (project / "site").exists()


def test_an_exception_with_a_reason_lets_the_word_through(project: Path) -> None:
    _switch(project, "enforce_acronyms", "true")
    _switch(project, "enforce", "false")
    page = project / "content/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAsk the QXZ team.\n", encoding="utf-8")
    settings = project / "data/readability.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "  - word: QXZ\n    reason: A made-up team for this test.\n", encoding="utf-8",
    )
    assert (mkdocs_build(project) / "index.html").is_file()
