"""Blocks for the Have your say, Take part, accessibility and evaluation pages (see blocks.py for how blocks work).

Each block takes the data, the build date, and `root`: the relative link from the page to the site root.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from generator.compute.say import form_areas, mailto_url, newsletter_links, sms_number, tel_url
from generator.load.gate_report import read_gate_summary
from generator.models.site import SiteData, needed
from generator.render.jinja import markdown_text, render


def _in_words(items: list[str]) -> str:
    """["A", "B", "C"] → "A, B and C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def feedback_form(data: SiteData, today: date, root: str) -> str:
    """The form. Without JavaScript it hands the answers to the person's email app as `mailto:` (POST, text/plain
    puts every answer in the body); with JavaScript (theme/assets/have-your-say/) it writes a tidier message and can
    use a text message instead. No server of ours is involved."""
    say = needed(data.say, "have-your-say.yml")
    email = data.settings.contact.email
    html = render(
        "say/form.html.j2", say=say, email=email, areas=form_areas(data),
        action=mailto_url(email, say.subject, "").removesuffix("&body="),
        sms=sms_number(say.text_number) if say.text_number else None,
    )
    # One raw HTML block for Markdown: no blank lines inside it.
    return "\n".join(line for line in html.splitlines() if line.strip())


def what_happens(data: SiteData, today: date, root: str) -> str:
    return render("say/what-happens.md.j2", say=needed(data.say, "have-your-say.yml"), response_days=data.feedback.response_days, root=root)


def other_ways(data: SiteData, today: date, root: str) -> str:
    say = needed(data.say, "have-your-say.yml")
    return render(
        "say/other-ways.md.j2", say=say, contact=data.settings.contact, root=root,
        tel=tel_url(data.settings.contact.phone), sms=f"sms:{sms_number(say.text_number)}" if say.text_number else "",
    )


def post_address(data: SiteData, today: date, root: str) -> str:
    return render("say/post-address.md.j2", say=needed(data.say, "have-your-say.yml"))


def paper_topics(data: SiteData, today: date, root: str) -> str:
    """The form's first question on paper: an empty box to tick before each choice."""
    # Through markdown_text like every template value: a label is plain text, never Markdown or HTML.
    return "\n".join(f"- \u2610 {markdown_text(topic.label)}" for topic in needed(data.say, "have-your-say.yml").topics)


def news_signup(data: SiteData, today: date, root: str) -> str:
    return render("say/news.md.j2", say=needed(data.say, "have-your-say.yml"), links=newsletter_links(data))


def travel_money(data: SiteData, today: date, root: str) -> str:
    return render("say/travel.md.j2", travel=needed(data.travel, "travel.yml"))


def accessibility_status(data: SiteData, today: date, root: str) -> str:
    gate = read_gate_summary(data.root)
    statement = needed(data.accessibility, "accessibility.yml")
    return render(
        "say/accessibility.md.j2", accessibility=statement, gate=gate, tools=_in_words(list(statement.tested_with)),
    )


def evaluation(data: SiteData, today: date, root: str) -> str:
    return render("say/evaluation.md.j2", evaluation=needed(data.evaluation, "evaluation.yml"))


SAY_BLOCKS: dict[str, Callable[[SiteData, date, str], str]] = {
    "feedback-form": feedback_form,
    "what-happens": what_happens,
    "other-ways": other_ways,
    "post-address": post_address,
    "paper-topics": paper_topics,
    "news-signup": news_signup,
    "travel-money": travel_money,
    "accessibility-status": accessibility_status,
    "evaluation": evaluation,
}
