"""What forums said and what was done about it: answer due dates, lateness and status in easy words.

Pure: "today" is passed in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.models.feedback import FeedbackFile, FeedbackItem, Theme
from generator.models.site import SiteData

STATUS_WORDS: dict[str, str] = {
    "waiting": "We have not answered yet.",
    "answered": "We have answered.",
    "doing": "We are doing this now.",
    "done": "We have done this.",
    "cannot": "We cannot do this. We have said why.",
}


@dataclass(frozen=True)
class FeedbackView:
    item: FeedbackItem
    theme: Theme
    forum_name: str
    due: date  # when the answer is due, from the agreed response time
    status: str  # waiting, answered, doing, done or cannot
    late: bool  # no answer and the due date has passed, or the answer came after it
    days_late: int

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]


def due_date(item: FeedbackItem, response_days: int) -> date:
    return item.raised + timedelta(days=response_days)


def days_late(item: FeedbackItem, response_days: int, today: date) -> int:
    """How many days after the due date the answer came, or has not come by `today`. 0 when on time."""
    due = due_date(item, response_days)
    answered = item.response.date if item.response and item.response.date <= today else today
    return max(0, (answered - due).days)


def feedback_views(data: SiteData, today: date) -> list[FeedbackView]:
    """Every item, most votes first within the order of themes in the data."""
    feedback: FeedbackFile = data.feedback
    themes = {t.id: t for t in feedback.themes}
    order = {t.id: i for i, t in enumerate(feedback.themes)}
    forums = {f.id: f.name for f in data.forums}
    views = []
    for item in feedback.items:
        # Answers given in the future (a date after today) are not shown as given yet.
        answered = item.response is not None and item.response.date <= today
        late_by = days_late(item, feedback.response_days, today)
        views.append(FeedbackView(
            item=item,
            theme=themes[item.theme],
            forum_name=forums[item.forum],  # validation refuses a forum id that is not in data/forums.yml
            due=due_date(item, feedback.response_days),
            status=item.response.status if answered and item.response else "waiting",
            late=late_by > 0,
            days_late=late_by,
        ))
    return sorted(views, key=lambda v: (order[v.item.theme], -v.item.votes, v.item.raised))


def by_theme(views: list[FeedbackView]) -> list[tuple[Theme, list[FeedbackView]]]:
    groups: dict[str, tuple[Theme, list[FeedbackView]]] = {}
    for view in views:
        groups.setdefault(view.theme.id, (view.theme, []))[1].append(view)
    return list(groups.values())


# Points that are finished: done, or we said why we cannot do them.
CLOSED = ("done", "cannot")


def feedback_page(view: FeedbackView, today: date) -> str:
    """The page that shows this point: closed points from past years move to a page per year."""
    if view.status in CLOSED and view.item.raised.year < today.year:
        return f"feedback/years/{view.item.raised.year}.md"
    return "feedback/index.md"
