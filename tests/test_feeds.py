"""The Atom feed: parse it back and check what RFC 4287 requires, plus our own promises."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import TODAY
from hypothesis import given
from hypothesis import strategies as st

from generator.compute.newsletters import newsletters
from generator.models.site import SiteData
from generator.outputs.feeds import atom_feed

ATOM = "{http://www.w3.org/2005/Atom}"
DAY = date.fromisoformat(TODAY)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture
def data(example_data: SiteData) -> SiteData:
    """The example data, loaded once and shared: a test that changes data loads its own from `project`."""
    return example_data


def parse(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def one(element: ET.Element, name: str) -> ET.Element:
    found = element.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"expected 1 <{name}>, found {len(found)}"
    return found[0]


def test_feed_has_every_required_atom_element(data: SiteData) -> None:
    feed = parse(atom_feed(data, DAY, "https://example.org/"))
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert one(feed, name).text
    assert RFC3339.match(one(feed, "updated").text or "")
    # Feed-level author, so entries may leave theirs out (RFC 4287 4.1.1).
    assert one(one(feed, "author"), "name").text
    links = {(link.get("rel"), link.get("href")) for link in feed.findall(f"{ATOM}link")}
    assert ("self", "https://example.org/feeds/meetings.xml") in links
    assert ("alternate", "https://example.org/meetings/") in links
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert (one(entry, name).text or "").strip(), name
        assert RFC3339.match(one(entry, "updated").text or "")
        # A link without rel is an alternate link (RFC 4287 4.2.7.2).
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternate) == 1 and (alternate[0].get("href") or "").startswith("https://example.org/")
    ids = [one(e, "id").text for e in entries]
    assert len(ids) == len(set(ids))
    assert all((i or "").startswith("tag:coproduction@example.org,2026:") for i in ids)


def test_entries_are_minutes_agendas_and_newsletters(data: SiteData) -> None:
    feed = parse(atom_feed(data, DAY))
    titles = [one(e, "title").text or "" for e in feed.findall(f"{ATOM}entry")]
    held = [m for m in data.meetings if m.attended or m.date < DAY]
    coming = [m for m in data.meetings if m not in held]
    assert sum(t.startswith("Minutes: ") for t in titles) == len(held)
    assert sum(t.startswith("Agenda: ") for t in titles) == len(coming)
    assert sum(t.startswith("Newsletter for ") for t in titles) == len(newsletters(data, DAY))
    assert "Agenda: Trust Communities Development Group, Thursday 26 November 2026" in titles


def test_feed_updated_is_the_newest_entry_and_the_same_every_build(data: SiteData) -> None:
    first = atom_feed(data, DAY, "https://example.org/")
    assert first == atom_feed(data, DAY, "https://example.org/")
    feed = parse(first)
    times = [datetime.fromisoformat(one(e, "updated").text or "") for e in feed.findall(f"{ATOM}entry")]
    assert datetime.fromisoformat(one(feed, "updated").text or "") == max(times)


def test_without_a_site_address_links_are_relative_to_the_feed(data: SiteData) -> None:
    feed = parse(atom_feed(data, DAY))
    hrefs = [link.get("href") or "" for e in feed.findall(f"{ATOM}entry") for link in e.findall(f"{ATOM}link")]
    assert "../meetings/2026-02-26-development-group/" in hrefs
    assert "../newsletters/2026-03/" in hrefs


def test_built_feed_links_to_real_pages_and_pages_link_to_it(built_site: Path) -> None:
    text = (built_site / "feeds/meetings.xml").read_text(encoding="utf-8")
    feed = parse(text)
    base = "https://coproduction-surrey.example.org/"
    for entry in feed.findall(f"{ATOM}entry"):
        href = next(link.get("href") for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate") or ""
        assert href.startswith(base)
        assert (built_site / href[len(base):] / "index.html").is_file(), href
    assert 'href="../feeds/meetings.xml"' in (built_site / "meetings/index.html").read_text(encoding="utf-8")
    assert 'href="../feeds/meetings.xml"' in (built_site / "newsletters/index.html").read_text(encoding="utf-8")


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x0b\x0c\ufffe\uffff"
                             + "".join(map(chr, range(1, 9))) + "".join(map(chr, range(14, 32))))))
def test_any_text_reaches_the_feed_as_written(value: str) -> None:
    """The feed is written as text: whatever a field holds (&, <, quotes, line breaks), an XML reader gets it back."""
    from generator.outputs.feeds import _link, _text

    element = parse(f"<feed>{_text('title', value)}{_link(value, rel=value)}</feed>")
    assert (element.find("title").text or "") == value  # type: ignore[union-attr]
    link = element.find("link")
    assert link is not None and link.get("href") == value and link.get("rel") == value


def test_a_character_xml_cannot_hold_stops_the_feed() -> None:
    from generator.outputs.feeds import _text

    with pytest.raises(ValueError, match="control character"):
        _text("title", "A bell\x07")
