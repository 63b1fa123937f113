"""An Atom feed of agendas, minutes and newsletters, written as text (no XML library to load for one small file).

Every time in the feed comes from the data, never the clock, so the same data and the same
"today" give the same file. Entry ids are tag URIs (RFC 4151) built from the contact email and
the start year: they stay the same if the site moves to a new address, so readers do not
show old entries as new. An agenda and the minutes of the same meeting are 2 entries.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.compute import Computed, computed_for
from generator.compute.meetings import MeetingView
from generator.compute.newsletters import Newsletter
from generator.compute.projects import ProjectView, stage_changes
from generator.models.projects import StageChange, StageName
from generator.models.site import SiteData

# Agendas and papers go out this many days before a meeting; the feed dates an agenda by it.
AGENDA_NOTICE_DAYS = 7
# Newsletters are dated 9am on the 1st of their month.
NEWSLETTER_TIME = time(9, 0)

FEED_PATH = "feeds/meetings.xml"


def _zone(data: SiteData) -> ZoneInfo:
    return ZoneInfo(data.schedule.timezone)


def _tag(data: SiteData, path: str) -> str:
    return f"tag:{data.settings.contact.email},{data.schedule.first_round.year}:{path}"


def _page_url(base: str, page: str) -> str:
    # Pages are built with use_directory_urls: meetings/x.md is served at meetings/x/, meetings/index.md at meetings/.
    path = page.removesuffix(".md").removesuffix("index")
    return f"{base}{path.rstrip('/')}/" if path else base


def _meeting_entry(data: SiteData, view: MeetingView, today: date) -> tuple[datetime, str, str, str, str]:
    m = view.meeting
    zone = _zone(data)
    if view.held:
        updated = datetime.combine(m.date, m.end, zone)
        title = f"Minutes: {view.body.name}, {m.date:%A} {m.date.day} {m.date:%B %Y}"
        points = (m.summary.talked_about if m.summary else []) + [f"We decided: {d}" for d in m.decisions]
        if view.quorum and not view.quorum.quorate:
            points.insert(0, "Not enough members came to make decisions.")
    else:
        notice = min(m.date - timedelta(days=AGENDA_NOTICE_DAYS), today)
        updated = datetime.combine(notice, time(9, 0), zone)
        title = f"Agenda: {view.body.name}, {m.date:%A} {m.date.day} {m.date:%B %Y}"
        points = [item.title for item in m.agenda]
    return updated, title, " ".join(p if p.endswith(".") else p + "." for p in points), f"meetings/{m.id}.md", f"{view.kind}/{m.id}"


def _newsletter_entry(data: SiteData, issue: Newsletter) -> tuple[datetime, str, str, str, str]:
    updated = datetime.combine(issue.month, NEWSLETTER_TIME, _zone(data))
    themes = [theme.name for theme, _ in issue.raised]
    summary = f"What you told us after round {issue.round.number} of the forums, and what we did."
    if themes:
        summary += " Themes: " + ", ".join(themes) + "."
    return updated, f"Newsletter for {issue.month:%B %Y}", summary, f"newsletters/{issue.slug}.md", f"newsletter/{issue.slug}"


def _stage_entry(data: SiteData, view: ProjectView, change: StageChange, name: StageName) -> tuple[datetime, str, str, str, str]:
    """A project reached a stage: dated 9am that day, like newsletters, so the file stays the same for the same data."""
    updated = datetime.combine(change.date, NEWSLETTER_TIME, _zone(data))
    p = view.project
    return updated, f"{p.title}: {name.name}", f"{name.meaning} {p.doing}", f"projects/{p.id}.md", f"project/{p.id}/{change.stage}"


def atom_feed(data: SiteData, today: date, site_url: str | None = None, computed: Computed | None = None) -> str:
    """The feed as text. With no `site_url`, links are relative to the feed's own folder."""
    base = site_url.rstrip("/") + "/" if site_url else "../"
    done = computed_for(data, today, computed)
    entries = [_meeting_entry(data, view, today) for view in done.meetings]
    entries += [_newsletter_entry(data, issue) for issue in done.newsletters]
    entries += [_stage_entry(data, *change) for change in stage_changes(done.projects)]
    entries.sort(key=lambda e: (e[0], e[4]))
    # The newest entry's time, not the clock, keeps the file the same for the same data.
    newest = entries[-1][0] if entries else datetime.combine(today, time(0, 0), _zone(data))
    self_link = f"{base}{FEED_PATH}" if site_url else FEED_PATH.rsplit("/", 1)[-1]
    lines = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
        _text("id", _tag(data, "feeds/meetings")),
        _text("title", f"{data.settings.title}: agendas, minutes and newsletters"),
        _text("updated", newest.isoformat()),
        "  <author>",
        _text("name", data.settings.organisation, 2),
        _text("email", data.settings.contact.email, 2),
        "  </author>",
        _link(self_link, rel="self", type="application/atom+xml"),
        _link(_page_url(base, "meetings/index.md"), rel="alternate", type="text/html"),
        _text("subtitle", "New agendas, minutes and newsletters, in easy read."),
    ]
    for updated, title, summary, page, key in entries:
        lines += [
            "  <entry>",
            _text("id", _tag(data, key), 2),
            _text("title", title, 2),
            _text("updated", updated.isoformat(), 2),
            _link(_page_url(base, page), 2),  # a link without `rel` is the entry's page (rel="alternate")
            _text("summary", summary, 2),
            _text("published", updated.isoformat(), 2),
            "  </entry>",
        ]
    return "\n".join([*lines, "</feed>", ""])


# Characters XML 1.0 cannot hold at all, even escaped. Validation keeps them out of the data; this is the last guard.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE_ESCAPES = _TEXT_ESCAPES | {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"}


def _escape(value: str, escapes: dict[str, str]) -> str:
    if _NOT_XML.search(value):
        raise ValueError(f"The feed cannot hold this text, which has a control character: {value[:40]!r}")
    return "".join(escapes.get(character, character) for character in value)


def _text(name: str, value: str, depth: int = 1) -> str:
    """An element holding text, on its own line; an empty one is written `<name/>`."""
    indent = "  " * depth
    return f"{indent}<{name}>{_escape(value, _TEXT_ESCAPES)}</{name}>" if value else f"{indent}<{name}/>"


def _link(href: str, depth: int = 1, **attributes: str) -> str:
    written = "".join(f' {key}="{_escape(value, _ATTRIBUTE_ESCAPES)}"' for key, value in {"href": href, **attributes}.items())
    return f"{'  ' * depth}<link{written}/>"


def feed_documents(
    data: SiteData, today: date, site_url: str | None = None, computed: Computed | None = None,
) -> dict[str, str]:
    """Feed path in the site → its text."""
    return {FEED_PATH: atom_feed(data, today, site_url, computed)}
