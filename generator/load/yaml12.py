"""What a plain (unquoted) scalar means under the YAML 1.2 core schema.

PyYAML's own resolvers follow YAML 1.1, where `no` is False and `10:30` is 630, so they are never used:
the parser hands over every scalar as text and this table decides. Only `true`/`false` (three spellings
each) are booleans; `null`, `~` and nothing at all are null; whole numbers may be decimal, `0o` octal,
`0x` hex or `0b` binary; decimals include `.inf` and `.nan`. Everything else stays text: `no`, `yes`,
`on`, `10:30` and dates too, so the models can check a date and say "Enter a date like 2026-03-04".

Digits may be grouped with `_` (`1_000`), and a leading zero does not make octal (`0755` is 755):
both as ruamel.yaml read them before, so no file changes meaning.
"""
from __future__ import annotations

import re

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_SPECIAL = {
    **{f"{sign}.{word}": float(f"{sign}inf") for sign in ("", "+", "-") for word in ("inf", "Inf", "INF")},
    **{f".{word}": float("nan") for word in ("nan", "NaN", "NAN")},
}
_INT = re.compile(r"[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9_]+)")
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
    r"|[0-9][0-9_]*[eE][-+]?[0-9]+"
    r"|\.[0-9_]+(?:[eE][-+][0-9]+)?)"
)
_BASES = {"0b": 2, "0o": 8, "0x": 16}
# Only these can start a number: a quick test that lets most words skip the patterns.
_NUMBER_START = frozenset("-+.0123456789")


def resolve_plain(text: str) -> object:
    """The value of an unquoted scalar: None, a bool, an int, a float, or the text itself."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if text[0] not in _NUMBER_START:
        return text
    if text in _SPECIAL:
        return _SPECIAL[text]
    if text[0] != "." and _INT.fullmatch(text):
        return _whole_number(text)
    if _FLOAT.fullmatch(text):
        try:
            return float(text.replace("_", ""))
        except ValueError:  # only underscores after the point, like "._": words, not a number
            return text
    return text


def _whole_number(text: str) -> int | str:
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    base = _BASES.get(digits[:2], 10)
    if base != 10:
        digits = digits[2:]
    if not digits:  # "0x_" or "-_": underscores only, so words, not a number
        return text
    return sign * int(digits, base)
