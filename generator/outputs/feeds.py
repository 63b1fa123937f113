"""An Atom feed of agendas, minutes and newsletters, made with feedgen.

Every time in the feed comes from the data, never the clock, so the same data and the same
"today" give the same file. Entry ids are tag URIs (RFC 4151) built from the contact email and
the start year: they stay the same if the site moves to a new address, so readers do not
show old entries as new. An agenda and the minutes of the same meeting are 2 entries.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

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

    feed = FeedGenerator()
    feed.id(_tag(data, "feeds/meetings"))
    feed.title(f"{data.settings.title}: agendas, minutes and newsletters")
    feed.subtitle("New agendas, minutes and newsletters, in easy read.")
    feed.author({"name": data.settings.organisation, "email": data.settings.contact.email})
    feed.link(href=f"{base}{FEED_PATH}" if site_url else FEED_PATH.rsplit("/", 1)[-1], rel="self", type="application/atom+xml")
    feed.link(href=_page_url(base, "meetings/index.md"), rel="alternate", type="text/html")
    feed.language("en-GB")
    # feedgen would stamp "now"; the newest entry's time keeps the file reproducible.
    feed.updated(entries[-1][0] if entries else datetime.combine(today, time(0, 0), _zone(data)))
    for updated, title, summary, page, key in entries:
        entry = feed.add_entry(order="append")
        entry.id(_tag(data, key))
        entry.title(title)
        entry.updated(updated)
        entry.published(updated)
        entry.link(href=_page_url(base, page), rel="alternate", type="text/html")
        entry.summary(summary)
    return str(feed.atom_str(pretty=True).decode("utf-8"))


def feed_documents(
    data: SiteData, today: date, site_url: str | None = None, computed: Computed | None = None,
) -> dict[str, str]:
    """Feed path in the site → its text."""
    return {FEED_PATH: atom_feed(data, today, site_url, computed)}
