"""Email addresses in the data: an everyday address is checked without email_validator, and must be judged
exactly as email_validator judges it; any other address is left to email_validator."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from generator.models.common import _SPECIAL_USE, _check_email

ROOT = Path(__file__).resolve().parent.parent


def library(value: str) -> str | None:
    try:
        return str(validate_email(value, check_deliverability=False).normalized)
    except EmailNotValidError:
        return None


def ours(value: str) -> str | None:
    try:
        return _check_email(value)
    except PydanticCustomError:
        return None


PIECES = st.sampled_from([
    "a", "Z", "0", "9", "_", "+", "-", ".", "--", "xn--", ".com", ".ORG", ".test", ".Local", ".co.uk", ".c0m", ".x",
    "@", "a" * 63, "b" * 64, "é", " ", "'", "\"", "<", "!",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=10), st.lists(PIECES, min_size=1, max_size=10))
def test_every_address_is_judged_as_email_validator_judges_it(local: list[str], domain: list[str]) -> None:
    value = "".join(local) + "@" + "".join(domain)
    assert ours(value) == library(value)


@pytest.mark.parametrize("value", [
    "co-production@surreyheartlands.nhs.uk", "Name.Surname+forum@Example.ORG", "a@b.co", "x_y@a-b.example.com",
    "a..b@example.org", ".a@example.org", "a.@example.org", "a@-example.org", "a@example-.org", "a@example.o",
    "a@example.test", "a@localhost", "a@ab--cd.org", "a@example.c0m", "a@" + "a" * 64 + ".org",
    "a" * 65 + "@example.org", "a@" + ".".join(["abcdefghi"] * 25) + ".org", "café@example.org", "a@exämple.org",
    "name@example.org\n", " name@example.org", "name@@example.org", "",
])
def test_addresses_near_the_edges(value: str) -> None:
    assert ours(value) == library(value)


def test_the_special_use_domains_are_email_validator_s_own() -> None:
    # A new version of email_validator that refuses another special-use domain must not be passed by the quick way.
    import email_validator

    assert set(email_validator.SPECIAL_USE_DOMAIN_NAMES) == _SPECIAL_USE


def test_the_example_data_is_checked_without_importing_email_validator() -> None:
    # Its patterns for all of Unicode take 20 ms to compile: a build of everyday addresses never pays for them.
    script = (
        "import sys; from pathlib import Path; from generator.pipeline import load_site_data; "
        f"load_site_data(Path({str(ROOT / 'data')!r}), Path({str(ROOT)!r})); "
        "print('email_validator' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert found.stdout.strip() == "False"
