"""Tools for the gallery of bad inputs and the property test: break a copy of the project, read it,
turn every page into HTML the way the build does (in-process, no MkDocs run), and describe each
output's shape so a test can say whether hostile text added anything to it."""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import markdown
from bs4 import BeautifulSoup
from icalendar import Calendar
from mkdocs.config import load_config

from generator.models.problems import DataProblems
from generator.models.site import SiteData
from generator.outputs import extra_files
from generator.pipeline import load_site_data
from generator.render.blocks import fill_blocks
from generator.render.pages import all_pages
from generator.render.sanitise import sanitise_html

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 22)


def copy_inputs(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in ("data", "content"):
        shutil.copytree(ROOT / part, target / part)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@cache
def _markdown_settings() -> tuple[list[Any], dict[str, Any]]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def to_html(text: str) -> str:
    extensions, configs = _markdown_settings()
    return sanitise_html(markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text))


def read(project: Path) -> SiteData:
    return load_site_data(project / "data", project, TODAY)


def problems(project: Path) -> list[str]:
    """Every problem line; an empty list when the data is accepted. Any other exception fails the test."""
    try:
        read(project)
    except DataProblems as caught:
        return [str(p) for p in caught.problems]
    return []


def outputs(project: Path, data: SiteData | None = None) -> dict[str, str]:
    """Every page as HTML (generated and hand-written, blocks filled) and every other output file."""
    data = data or read(project)
    files: dict[str, str] = {}
    for page in all_pages(data, TODAY):
        files[page.path] = to_html(fill_blocks(page.markdown, data, TODAY, page.path))
    for path in sorted((project / "content").rglob("*.md")):
        src = path.relative_to(project / "content").as_posix()
        files[src] = to_html(fill_blocks(path.read_text(encoding="utf-8"), data, TODAY, src))
    files.update(extra_files(data, TODAY, "https://example.org/"))
    return files


_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):")


@dataclass
class Shape:
    """What a file is made of, leaving its words out."""

    tags: Counter[str] = field(default_factory=Counter)
    attributes: set[str] = field(default_factory=set)
    schemes: set[str] = field(default_factory=set)
    columns: set[tuple[int, ...]] = field(default_factory=set)
    headings: int = 0
    events: int = 0
    entries: int = 0
    keys: set[str] = field(default_factory=set)


def _json_keys(value: Any, path: str = "") -> set[str]:
    if isinstance(value, dict):
        found = {path}
        for key, item in value.items():
            found |= _json_keys(item, f"{path}.{key}")
        return found
    if isinstance(value, list):
        found = {path + "[]"}
        for item in value:
            found |= _json_keys(item, path + "[]")
        return found
    return {f"{path}:{type(value).__name__}"}


def _parse(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def shape(name: str, text: str, soup: BeautifulSoup | None = None) -> Shape:
    """The shape of one output file; `soup` is the page already parsed, when the caller has it."""
    result = Shape()
    if name.endswith(".ics"):
        calendar = Calendar.from_ical(text)
        result.events = len(calendar.walk("VEVENT"))
        result.keys = {f"{c.name}.{k}" for c in calendar.walk() for k in c}
        return result
    if name.endswith(".json"):
        result.keys = _json_keys(json.loads(text))
        return result
    if name.endswith(".xml"):
        tree = ElementTree.fromstring(text)
        result.entries = len(tree.findall("{http://www.w3.org/2005/Atom}entry"))
        result.tags = Counter(el.tag for el in tree.iter())
        result.schemes = {m.group(1).lower() for el in tree.iter() for v in el.attrib.values() if (m := _SCHEME.match(v))}
        return result
    if soup is None:
        soup = _parse(text)
    for element in soup.find_all(True):
        result.tags[element.name] += 1
        for attribute, value in element.attrs.items():
            result.attributes.add(f"{element.name}@{attribute}")
            if attribute in ("href", "src", "action", "formaction", "xlink:href"):
                match = _SCHEME.match(str(value))
                if match:
                    result.schemes.add(match.group(1).lower())
        if element.name == "script" and element.get("type") == "application/ld+json":
            result.keys |= _json_keys(json.loads(element.string or "null"))
    result.headings = sum(result.tags[f"h{n}"] for n in range(1, 7))
    for table in soup.find_all("table"):
        result.columns.add(tuple(len(row.find_all(["td", "th"])) for row in table.find_all("tr")))
    return result


def shapes(files: dict[str, str]) -> dict[str, Shape]:
    return {name: shape(name, text) for name, text in files.items()}


def _is_page(name: str) -> bool:
    return not name.endswith((".ics", ".json", ".xml"))


def examine(files: dict[str, str]) -> tuple[dict[str, Shape], list[str]]:
    """`shapes(files)` and `injected(files)` at once, parsing each page once for both (the same parser, the same answers)."""
    soups = {name: _parse(text) for name, text in files.items() if _is_page(name)}
    return {name: shape(name, text, soups.get(name)) for name, text in files.items()}, injected(files, soups)


@cache
def clean_shapes() -> dict[str, Shape]:
    """The shapes of the unchanged example's outputs: worked out once per process, for every test that compares."""
    return shapes(outputs(ROOT))


def gained(before: dict[str, Shape], after: dict[str, Shape]) -> list[str]:
    """Everything the hostile build has that the clean build did not: new files, elements, attributes,
    URL schemes, table columns, headings, calendar events, feed entries or JSON keys."""
    found = [f"new file {name}" for name in sorted(after.keys() - before.keys())]
    for name in sorted(after.keys() & before.keys()):
        a, b = after[name], before[name]
        extra = a.tags - b.tags
        if extra:
            found.append(f"{name}: new elements {dict(extra)}")
        for label, more in (("attributes", a.attributes - b.attributes), ("schemes", a.schemes - b.schemes),
                            ("table shapes", a.columns - b.columns), ("keys", a.keys - b.keys)):
            if more:
                found.append(f"{name}: new {label} {sorted(map(str, more))[:5]}")
        for label, x, y in (("headings", a.headings, b.headings), ("events", a.events, b.events), ("entries", a.entries, b.entries)):
            if x > y:
                found.append(f"{name}: {x - y} more {label}")
    return found


_LIVE_SCHEMES = {"javascript", "vbscript", "data", "file"}


def _live_in_html(soup: BeautifulSoup) -> list[str]:
    found = []
    for element in soup.find_all(True):
        if element.name in ("script", "iframe", "object", "embed", "base", "meta", "style", "link") and not (
            element.name == "script" and element.get("type") == "application/ld+json"
        ):
            found.append(f"<{element.name}>")
        for attribute, value in element.attrs.items():
            if attribute.lower().startswith("on"):
                found.append(f"{element.name}@{attribute}")
            match = _SCHEME.match(str(value)) if attribute in ("href", "src", "action", "formaction") else None
            if match and match.group(1).lower() in _LIVE_SCHEMES:
                found.append(f"{element.name}@{attribute}={value!r}")
    return found


def injected(files: dict[str, str], soups: dict[str, BeautifulSoup] | None = None) -> list[str]:
    """Live script anywhere in an HTML page or a feed's HTML: a script element, an on...= handler, a javascript: link.

    `soups` holds pages already parsed (by `examine`); any other page is parsed here.
    """
    found = []
    for name, text in files.items():
        if name.endswith(".xml"):
            # Atom text is plain text unless the element says type="html": only that is read as HTML.
            for element in ElementTree.fromstring(text).iter():
                if element.text and element.get("type") in ("html", "xhtml"):
                    found += [f"{name}: {hit}" for hit in _live_in_html(_parse(element.text))]
        elif _is_page(name):
            page = (soups or {}).get(name)
            found += [f"{name}: {hit}" for hit in _live_in_html(_parse(text) if page is None else page)]
    return found
