"""Messages people send from their own email or text app: `mailto:` and `sms:` addresses with the words filled in.

The site has no server of its own. These addresses hand the message to the person's own app, where they
check it and press send. Pure: the same words always give the same address.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from generator.models.site import SiteData, needed


def _encode(text: str) -> str:
    # RFC 6068: every character outside the unreserved set is percent-encoded; line ends are CRLF.
    return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")


def mailto_url(address: str, subject: str, body: str) -> str:
    return f"mailto:{quote(address, safe='@')}?subject={_encode(subject)}&body={_encode(body)}"


def sms_number(number: str) -> str:
    """ "07700 900 123" → "07700900123": RFC 5724 allows digits and a leading +, no spaces."""
    return ("+" if number.strip().startswith("+") else "") + re.sub(r"\D", "", number)


def sms_url(number: str, body: str) -> str:
    return f"sms:{sms_number(number)}?body={_encode(body)}"


def tel_url(number: str) -> str:
    return f"tel:{sms_number(number)}"


@dataclass(frozen=True)
class Backing:
    """The 2 ways to say "I want this too" about one project or point."""

    email: str
    text: str | None


def backing(data: SiteData, what: str, where: str) -> Backing:
    """`what` names the project or point; `where` is its address on the site, so we know which one it is."""
    say = needed(data.say, "have-your-say.yml")
    body = "\n".join((say.backing.message, what, where, ""))
    subject = f"{say.backing.title}: {what}"
    return Backing(
        email=mailto_url(data.settings.contact.email, subject, body),
        text=sms_url(say.text_number, f"{subject}\n{where}") if say.text_number else None,
    )


def coming_links(data: SiteData, forum: str, when: str) -> Backing:
    """ "Tell us you are coming" to one online forum, with its name and date in the message."""
    say = needed(data.say, "have-your-say.yml")
    subject = f"{say.coming_subject}: {forum}, {when}"
    return Backing(
        email=mailto_url(data.settings.contact.email, subject, subject + "\n"),
        text=sms_url(say.text_number, subject) if say.text_number else None,
    )


def newsletter_links(data: SiteData) -> Backing:
    say = needed(data.say, "have-your-say.yml")
    body = say.newsletter_message + " "
    return Backing(
        email=mailto_url(data.settings.contact.email, say.newsletter_subject, body),
        text=sms_url(say.text_number, body) if say.text_number else None,
    )


def form_areas(data: SiteData) -> Sequence[str]:
    return [area.name for area in data.areas]
