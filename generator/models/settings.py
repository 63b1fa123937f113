"""Site-wide settings: `data/site.yml`."""
from __future__ import annotations

from generator.models.common import Email, Name, Phone, Record, Text


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
