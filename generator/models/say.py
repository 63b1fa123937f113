"""Have your say, travel money, the accessibility statement and the evaluation of co-production.

Files: `data/have-your-say.yml`, `data/travel.yml`, `data/accessibility.yml`, `data/evaluation.yml`.
Every sentence in them is shown on the site, so write it in easy read.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Id, IsoDate, Record, Text


class Choice(Record):
    id: Id
    label: Text


class FormWords(Record):
    """The words of the form. Each question's words are also the name its answer has in the message."""

    about: Text
    area: Text
    any_area: Text
    happened: Text
    help: Text
    name: Text
    reach: Text
    optional: Text
    send_by: Text
    by_email: Text
    by_text: Text
    button: Text
    after: Text


class BackingWords(Record):
    """The words of "I want this too" on open projects and points."""

    title: Text
    by_email: Text
    by_text: Text
    # The first line of the message; the project or point follows it.
    message: Text


class HaveYourSay(Record):
    # The subject line of every message the form or "I want this too" starts.
    subject: Text
    # What people can tell us about: the choices of the form's first question.
    topics: list[Choice] = Field(min_length=1)
    # A mobile number that takes text messages. Leave it out and the text message choice is not shown.
    text_number: Text | None = None
    # Where to send the paper form.
    post_address: list[Text] = Field(min_length=1)
    # The organisation's own online form, if it has one. A link people choose to follow: nothing loads from it first.
    online_form: Text | None = None
    # What happens to what you tell us, in order.
    what_happens: list[Text] = Field(min_length=1)
    form: FormWords
    backing: BackingWords
    # "Tell us you are coming" to an online forum: the subject line, and the words of the 2 links.
    coming_subject: Text
    coming_by_email: Text
    coming_by_text: Text
    # The message that asks for the newsletter.
    newsletter_subject: Text
    newsletter_message: Text


class TravelStep(Record):
    title: Text
    text: Text


class Travel(Record):
    # Keep these to claim: tickets, receipts, and so on.
    keep: list[Text] = Field(min_length=1)
    # The claim form: its name, and where to get it.
    form_name: Text
    form_where: Text
    steps: list[TravelStep] = Field(min_length=1)
    how_paid: Text
    paid_within_days: int = Field(ge=1)
    taxi: Text


class NotAccessible(Record):
    what: Text
    why: Text
    fix_by: IsoDate | None = None


class Accessibility(Record):
    status: Literal["fully", "partially", "not"]
    # What the status means, in easy read.
    status_meaning: Text
    standard: Text
    not_accessible: list[NotAccessible] = []
    # How the site is tested when the gate's report (reports/a11y/summary.json) is not there.
    tested_with: list[Text] = Field(min_length=1)
    tested_on: IsoDate
    prepared_on: IsoDate
    reviewed_on: IsoDate
    answer_days: int = Field(ge=1)


class EvaluationStep(Record):
    id: Id
    name: Text
    when: Text
    who: Text
    what: Text


class EvaluationResult(Record):
    step: Id
    date: IsoDate
    # What we found, in easy read.
    found: list[Text] = Field(min_length=1)
    # What we changed because of it.
    changed: list[Text] = []


class Evaluation(Record):
    steps: list[EvaluationStep] = Field(min_length=1)
    results: list[EvaluationResult] = []
