"""Site-wide settings: `data/site.yml`. Every word that belongs to one programme is here, not in code."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from generator.models.common import Email, Name, Phone, Record, Text

_DOMAIN = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


def _check_domain(value: str) -> str:
    if not _DOMAIN.match(value):
        raise PydanticCustomError(
            "domain_text", 'Enter a web address without "https://", like "coproduction.example.org".'
        )
    return value


Domain = Annotated[str, AfterValidator(_check_domain)]


class Contact(Record):
    email: Email
    phone: Phone
    phone_hours: Text


class SiteSettings(Record):
    title: Name
    organisation: Name
    organisation_short: Name
    description: Text
    contact: Contact
    # The place the whole programme covers, like "Surrey". Forums for everyone say "for people all over Surrey".
    region: Text
    # Who answers the points raised at forums, as it reads inside a sentence, like "the Trust".
    answered_by: Text
    # The name of the calendar with every forum in it, as phones show it.
    calendar_name: Text
    # Makes each calendar event's id unique to this programme, so 2 programmes never clash on one phone.
    uid_domain: Domain
    # Lines under the list of toolkits: where their facts come from. Leave out if you have none.
    toolkits_note: list[Text] = []
