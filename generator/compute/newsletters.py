"""The quarterly newsletter, worked out from the data: nobody types its facts in.

Each round of forums has a newsletter in its third month. It says what people raised in that
round, which answers came since the last newsletter, what the groups decided, and when the next
2 rounds of forums are. Pure: "today" is passed in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.compute.feedback import FeedbackView, by_theme, feedback_views
from generator.compute.meetings import MeetingView, meeting_views
from generator.compute.schedule import Occurrence, Round, add_months, forum_occurrences, rounds_between
from generator.models.feedback import Theme
from generator.models.site import SiteData


@dataclass(frozen=True)
class Newsletter:
    round: Round
    since: date | None  # the month the last newsletter went out; None for the first one
    raised: list[tuple[Theme, list[FeedbackView]]]  # points from this round's forums, by theme
    answers: list[FeedbackView]  # answers given since the last newsletter
    meetings: list[MeetingView]  # meetings held since the last newsletter
    next_rounds: list[tuple[Round, list[Occurrence]]]

    @property
    def month(self) -> date:
        return self.round.newsletter_month

    @property
    def slug(self) -> str:
        return f"{self.month:%Y-%m}"


def published_rounds(data: SiteData, today: date) -> list[Round]:
    """Rounds whose newsletter month has begun by `today`, oldest first."""
    rounds = rounds_between(data, data.schedule.first_round, today)
    return [r for r in rounds if r.newsletter_month <= today]


def newsletters(
    data: SiteData, today: date,
    feedback: list[FeedbackView] | None = None, meetings: list[MeetingView] | None = None,
) -> list[Newsletter]:
    """Every newsletter out by `today`, newest first. Pass the views when they were worked out already."""
    if not data.forums:
        return []  # the newsletter is the round-up of a round of forums
    feedback = feedback_views(data, today) if feedback is None else feedback
    meetings = meeting_views(data, today) if meetings is None else meetings
    made: list[Newsletter] = []
    since: date | None = None
    for round_ in published_rounds(data, today):
        until = round_.newsletter_month
        # How many rounds ahead (the source asks for 2) and how long a round is are settings in data/schedule.yml.
        ahead, months = data.schedule.newsletter_rounds_ahead, data.schedule.months_per_round
        coming = rounds_between(data, add_months(round_.forums_month, months), add_months(round_.forums_month, months * ahead))
        coming = [r for r in coming if round_.number < r.number <= round_.number + ahead]
        occurrences = forum_occurrences(data, coming[0].forums_month, add_months(coming[-1].newsletter_month, 1)) if coming else []
        made.append(Newsletter(
            round=round_,
            since=since,
            raised=by_theme([v for v in feedback if v.item.round == round_.number]),
            answers=[
                v for v in feedback
                if v.item.response and v.item.response.date < until and (since is None or v.item.response.date >= since)
            ],
            meetings=sorted(
                (m for m in meetings if m.held and m.meeting.date < until and (since is None or m.meeting.date >= since)),
                key=lambda m: m.meeting.date,
            ),
            next_rounds=[(r, [o for o in occurrences if o.round == r.number]) for r in coming],
        ))
        since = until
    return list(reversed(made))
