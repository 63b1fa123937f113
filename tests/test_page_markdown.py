"""One Markdown converter for every page (generator/page_markdown.py): each page as from a converter of its own."""
from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from unittest import mock

import markdown
import pytest
from conftest import ROOT, copy_project, mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from generator.page_markdown import OneConverter

# Pages that leave something behind in a converter: headings for the table of contents (the same heading twice
# gets a numbered id), a link reference, raw HTML that is stashed, a Markdown block in HTML left open, a note
# left open at the end, icons, one that is not an icon, a table, code.
LEFT_BEHIND = [
    "# Forums\n\n## Where\n\n## Where\n",
    "[the forum page]: https://example.org/forums/\n\nRead [the forum page][].\n",
    "Read [the forum page][].\n",
    '<div markdown="1" id="open">\n\n## Inside\n\nNot closed',
    '<span id="raw">Raw HTML</span>\n\n<!-- a note -->\n',
    "!!! note\n    Still in the note",
    ":material-calendar: Dates :not-an-icon: here\n",
    "| Area | Day |\n|---|---|\n| East | Monday |\n",
    "    code &amp; <b>\n",
    "",
]


def _config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def test_a_page_comes_out_as_from_its_own_converter_after_any_page() -> None:
    config = _config()
    kept = OneConverter()
    for before, page in itertools.product(LEFT_BEHIND, repeat=2):
        own = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
        expected = (own.convert(page), own.toc_tokens)
        kept.converter(config).convert(before)
        again = kept.converter(config)
        assert (again.convert(page), again.toc_tokens) == expected, (before, page)


def test_the_converter_is_kept_for_one_config_and_made_again_for_another() -> None:
    first, second = _config(), _config()
    kept = OneConverter()
    made = kept.converter(first)
    assert kept.converter(first) is made
    assert kept.converter(second) is not made  # `mkdocs serve` reads mkdocs.yml again


def _example(name: str, tmp_path: Path) -> Path:
    if name == "surrey":
        return copy_project(tmp_path / "surrey")
    # Harrow's mkdocs.yml finds the theme 2 folders up.
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    shutil.copytree(ROOT / "examples/harrow", tmp_path / "examples/harrow", ignore=shutil.ignore_patterns("site", ".cache"))
    return tmp_path / "examples/harrow"


@pytest.mark.parametrize("name", ["surrey", "harrow"])
def test_every_file_of_the_site_is_the_same_with_one_converter_or_one_for_each_page(name: str, tmp_path: Path) -> None:
    root = _example(name, tmp_path)
    config_file = root / "mkdocs.yml"
    original = config_file.read_text(encoding="utf-8")
    assert original.count("      data_dir: data\n") == 1
    sites: dict[bool, dict[str, bytes]] = {}
    made: dict[bool, int] = {}
    for reuse in (True, False):
        # No page's results kept from the other build: every page is read and linked each time.
        config_file.write_text(original.replace(
            "      data_dir: data\n", f"      data_dir: data\n      cache_dir: ''\n      reuse_markdown: {str(reuse).lower()}\n",
        ), encoding="utf-8")
        with mock.patch.object(markdown, "Markdown", wraps=markdown.Markdown) as converters:
            site = mkdocs_build(root, site_dir=tmp_path / f"site-{reuse}")
        made[reuse] = converters.call_count
        sites[reuse] = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    pages = sum(1 for path in sites[False] if path.endswith("index.html"))
    assert made[True] < 5 < pages <= made[False]  # kept, not made for each page (the few others are not for pages)
    assert sites[True].keys() == sites[False].keys()
    differ = [path for path in sites[True] if sites[True][path] != sites[False][path]]
    assert differ == []
