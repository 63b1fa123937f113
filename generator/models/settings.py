"""Site-wide settings: `data/site.yml`."""
from __future__ import annotations

from generator.models.common import Record, Text


class Contact(Record):
    email: Text
    phone: Text
    phone_hours: Text


class SiteSettings(Record):
    title: Text
    organisation: Text
    organisation_short: Text
    description: Text
    contact: Contact
