"""Jinja2 set-up for turning models into Markdown pages, with every data value escaped by construction.

Autoescape is on for every template. Each `{{ value }}` goes through `finalize`, which makes the
value plain text in a Markdown page: HTML characters become entities, newlines become spaces, and
the characters Markdown acts on (`|` splits a table, `#` starts a heading, `*` and `_` make
emphasis, `[` starts a link, `:name:` makes an icon) become numeric entities, which Markdown leaves
alone and the browser shows as the character. A value that must reach the page as written (a URL,
or HTML a template made itself) is marked with `Markup` by a filter here (`url`), never by `|safe`.
"""
from __future__ import annotations

import hashlib
import re
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from generator.models.common import MarkdownSource, format_date, format_time

# Markdown acts on these anywhere in a line (tables, emphasis, links, code, attribute lists, escapes).
_INLINE = {"\\": "&#92;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
           "|": "&#124;", "{": "&#123;", "}": "&#125;"}
_INLINE_RE = re.compile(r"[\\`*_\[\]|{}]")
# An icon shortcode like :material-home:
_SHORTCODE = re.compile(r":(?=[+\-\w]+:)")
# At the start of a line: headings, lists, rules, setext underlines and numbered lists.
_LINE_START = re.compile(r"^(?:[#+\-=]|\d+(?=[.)]))")
_LINE_START_ENTITY = {"#": "&#35;", "+": "&#43;", "-": "&#45;", "=": "&#61;"}
# Characters no page may hold: controls other than tab and newline, and the Unicode line separators.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_SPACES = re.compile(r"\s+")
# Schemes a link from data may use. Anything else (javascript:, data:, vbscript:) is refused.
SAFE_SCHEMES = ("https:", "http:", "mailto:", "tel:", "sms:")


# In a field declared Markdown, links and emphasis stay: only the characters that make tables,
# attribute lists and escapes are neutralised, and "]:" (a link definition) is broken up.
_MARKDOWN_FIELD_RE = re.compile(r"[\\|{}]|\](?=:)")


# Text that comes out of `markdown_text` as it went in: letters, digits, single spaces and everyday punctuation,
# starting with a letter (not a heading, list or number), with at most 1 colon (an icon needs 2).
_PLAIN = re.compile(r"(?:[^\W_]|[ ,.;:!?'’()/%@£$€–—-])*")


def markdown_text(value: Any) -> Markup:
    """Any value as plain text for a Markdown page: it can add no element, link, column or heading.

    A `MarkdownSource` (a field declared Markdown, its links checked when the data was read) keeps
    its links and emphasis, but still cannot add HTML, a table column, a heading or a list.
    """
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = str(value)
    if text[:1].isalpha() and _PLAIN.fullmatch(text) and "  " not in text and text.count(":") < 2:
        return Markup(text)  # most values (names, places, sentences): nothing to change
    if text.isdigit() and text.isascii():
        return Markup(text)  # a number (a score, a count): no digit alone starts anything in Markdown
    return _escaped(text, isinstance(value, MarkdownSource))


def _escaped(text: str, markdown_field: bool) -> Markup:
    text = _SPACES.sub(" ", _CONTROLS.sub(" ", text))
    text = str(escape(text)).replace("&#39;", "'")
    if markdown_field:
        text = _MARKDOWN_FIELD_RE.sub(lambda m: _INLINE.get(m.group(0), "&#93;"), text)
    else:
        text = _INLINE_RE.sub(lambda m: _INLINE[m.group(0)], text)
    text = _SHORTCODE.sub("&#58;", text)
    match = _LINE_START.match(text)
    if match:
        first = match.group(0)
        # A number followed by "." or ")" would start a numbered list: the entity goes on the dot.
        if first[0].isdigit():
            text = first + text[len(first):].replace(text[len(first)], "&#46;" if text[len(first)] == "." else "&#41;", 1)
        else:
            text = _LINE_START_ENTITY[first] + text[1:]
    return Markup(text)


class UnsafeUrl(ValueError):
    """A URL with a scheme we do not allow, or with characters that could end the link."""


def safe_url(value: Any) -> Markup:
    """A link target for `[text](...)`: relative, or https/http/mailto/tel, percent-encoded so it cannot end the link."""
    text = str(value).strip()
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", text)
    if scheme and not text.lower().startswith(SAFE_SCHEMES):
        raise UnsafeUrl(f"Links may only start with https:, http:, mailto:, tel: or sms: (this one is {text[:40]!r}).")
    if _CONTROLS.search(text) or text.lower().startswith(("//", "\\")):
        raise UnsafeUrl(f"This link is not allowed: {text[:40]!r}.")
    return Markup(quote(text, safe="/:@?&=#%~+-._!$,;"))


def join_text(values: Any, separator: str = "") -> Markup:
    """Jinja's `join`, but each item is escaped for Markdown (the built-in one only escapes HTML)."""
    return markdown_text(separator).join(markdown_text(value) for value in values)


class _CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates kept on disk, as Python keeps compiled modules in `__pycache__`.

    Compiling our templates costs more than rendering every page from them (0.15 s a build). Jinja stores each
    template's compiled code with a checksum of its source and compiles it again when the source changes; the
    file name also holds the Jinja version and our settings, which change the compiled code too. A folder that
    cannot be written (a read-only install) only means no cache.
    """

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def _compiled_templates(env: Environment) -> BytecodeCache | None:
    settings = repr((
        jinja2.__version__, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence,
        env.autoescape, getattr(env.finalize, "__qualname__", None), env.optimized, sorted(env.extensions),
        sorted(env.filters), sorted(env.tests),
    ))
    folder = Path(__file__).parent / "templates" / "__pycache__"
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(folder), f"%s-{hashlib.blake2b(settings.encode(), digest_size=8).hexdigest()}.cache")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
        finalize=markdown_text,
        # Our templates are part of the program, as its modules are: loaded once a process, not looked at on
        # disk again for every page made from them (a thousand glossary pages asked for 2,000 file dates).
        auto_reload=False,
    )
    env.filters["long_date"] = format_date
    env.filters["clock"] = format_time
    env.filters["url"] = safe_url
    env.filters["join"] = join_text
    # "the Trust" → "The Trust" at the start of a sentence (str.capitalize would give "The trust").
    env.filters["capitalize_first"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    env.bytecode_cache = _compiled_templates(env)
    return env


def render(template: str, **context: Any) -> str:
    text = environment().get_template(template).render(**context)
    # Jinja blocks leave runs of blank lines behind; Markdown needs at most one.
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
