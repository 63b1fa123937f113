"""A newsletter page for each round of forums, and a list of them."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.compute import Computed, computed_for
from generator.compute.newsletters import Newsletter
from generator.models.site import SiteData
from generator.render.jinja import render
from generator.render.page import Page


def pages(data: SiteData, today: date, computed: Computed | None = None) -> Iterator[Page]:
    issues = computed_for(data, today, computed).newsletters
    forums = {f.id: f.name for f in data.forums}
    before: dict[int, list[Newsletter]] = {}
    for issue in issues:
        if issue.month.year < today.year:
            before.setdefault(issue.month.year, []).append(issue)
    yield Page("newsletters/index.md", render(
        "newsletters/index.md.j2", issues=issues, today=today, past_years=sorted(before, reverse=True),
    ))
    for year, earlier in before.items():
        yield Page(f"newsletters/years/{year}.md", render("newsletters/year.md.j2", year=year, issues=earlier))
    for issue in issues:
        yield Page(f"newsletters/{issue.slug}.md", render("newsletters/newsletter.md.j2", issue=issue, forums=forums))
