"""The load layer on its own: YAML 1.2 values, positions, and every hostile file refused with its line, never a traceback.

Data files are read by libyaml's event stream (generator/load/yamlbuild.py); values follow the YAML 1.2 core
schema by our own table (generator/load/yaml12.py), never PyYAML's YAML 1.1 resolvers.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load import yamlbuild
from generator.load.yaml12 import resolve_plain
from generator.load.yamlbuild import Builder
from generator.load.yamlfile import YamlDocument, load_yaml
from generator.models.problems import Problem


def load(tmp_path: Path, text: str) -> YamlDocument | Problem:
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8", newline="")
    return load_yaml(path, "f.yml")


def value_of(tmp_path: Path, text: str) -> Any:
    doc = load(tmp_path, text)
    assert isinstance(doc, YamlDocument), doc
    return doc.value


def refusal(tmp_path: Path, text: str) -> str:
    found = load(tmp_path, text)
    assert isinstance(found, Problem), f"accepted: {found}"
    return str(found)


# Every plain (unquoted) form an editor might type, and what it means. YAML 1.1 would read no/yes/on/off
# as booleans, 10:30 as 630 and dates as dates: here they stay text.
RESOLUTION = [
    *[(word, word) for word in ("no", "No", "NO", "yes", "Yes", "on", "off", "y", "n", "tRue", "nUll", "inf", "nan", "-.nan")],
    ("10:30", "10:30"), ("1:20:30", "1:20:30"), ("2026-03-04", "2026-03-04"), ("2026-03-04T10:00:00", "2026-03-04T10:00:00"),
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("False", False), ("FALSE", False),
    ("", None), ("~", None), ("null", None), ("Null", None), ("NULL", None),
    ("0", 0), ("7", 7), ("-1", -1), ("+1", 1), ("-0", 0), ("007", 7), ("0755", 755), ("09", 9),
    ("0o17", 15), ("-0o7", -7), ("0x1F", 31), ("0x1f", 31), ("-0x1F", -31), ("0b101", 5),
    ("1_000", 1000), ("+_1", 1), ("1__0", 10),
    ("0O17", "0O17"), ("0X1F", "0X1F"), ("0o8", "0o8"), ("0xg", "0xg"), ("0x_", "0x_"), ("-_", "-_"), ("_1", "_1"),
    ("1.5", 1.5), ("-1.5", -1.5), ("+1.5", 1.5), (".5", 0.5), ("-.5", -0.5), ("5.", 5.0), ("0.0", 0.0), ("1_0.5", 10.5),
    (".inf", math.inf), (".Inf", math.inf), (".INF", math.inf), ("+.inf", math.inf), ("-.inf", -math.inf), ("-.INF", -math.inf),
    ("1,000", "1,000"), ("1.2.3", "1.2.3"), ("12abc", "12abc"), ("._", "._"), ("+", "+"), (".", "."), ("1e", "1e"),
    ("=", "="), ("<<", "<<"), ("Surrey Downs", "Surrey Downs"),
]


@pytest.mark.parametrize(("plain", "expected"), RESOLUTION, ids=[repr(p) for p, _ in RESOLUTION])
def test_plain_scalars_follow_the_yaml_1_2_core_schema(plain: str, expected: Any) -> None:
    got = resolve_plain(plain)
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize("word", [".nan", ".NaN", ".NAN"])
def test_not_a_number(word: str) -> None:
    got = resolve_plain(word)
    assert isinstance(got, float) and math.isnan(got)


def test_the_table_is_used_for_whole_files(tmp_path: Path) -> None:
    text = "a: no\nb: 10:30\nc: 2026-03-04\nd: true\ne:\nf: 0x1F\ng: .inf\nh: [yes, 1.5, ~]\n10: ten\n"
    assert value_of(tmp_path, text) == {
        "a": "no", "b": "10:30", "c": "2026-03-04", "d": True, "e": None, "f": 31, "g": math.inf,
        "h": ["yes", 1.5, None], 10: "ten",
    }


def test_quoted_and_block_text_is_always_text(tmp_path: Path) -> None:
    text = "a: '12'\nb: \"true\"\nc: 'null'\nd: \"\"\ne: |\n  10\nf: >\n  no\n  yes\n"
    assert value_of(tmp_path, text) == {"a": "12", "b": "true", "c": "null", "d": "", "e": "10\n", "f": "no yes\n"}


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    doc = load(tmp_path, "title: Hello\nareas:\n  - id: a\n    name: A\n  - [x, y]\nempty:\n")
    assert isinstance(doc, YamlDocument)
    assert doc.keys[("title",)] == (1, 1) and doc.values[("title",)] == (1, 8)
    assert doc.values[("areas",)] == (3, 3) and doc.values[("areas", 0)] == (3, 5)
    assert doc.keys[("areas", 0, "name")] == (4, 5) and doc.values[("areas", 0, "name")] == (4, 11)
    assert doc.values[("areas", 1, 1)] == (5, 9)
    assert doc.position(("areas", 0, "missing")) == (3, 5)
    assert doc.position(("empty",), key=True) == (6, 1)


def test_an_alias_is_a_copy_that_points_at_the_original(tmp_path: Path) -> None:
    doc = load(tmp_path, "base: &b\n  p: 1\n  q: [2]\nx: *b\ny: *b\n")
    assert isinstance(doc, YamlDocument)
    assert doc.value == {"base": {"p": 1, "q": [2]}, "x": {"p": 1, "q": [2]}, "y": {"p": 1, "q": [2]}}
    doc.value["x"]["q"].append(3)
    assert doc.value["y"]["q"] == [2] and doc.value["base"]["q"] == [2]
    # A mistake inside a copy is fixed where the original is written.
    assert doc.values[("y", "q")] == doc.values[("base", "q")] == (3, 6)
    assert doc.keys[("x", "p")] == (2, 3)


def test_a_merge_key_is_an_ordinary_key(tmp_path: Path) -> None:
    # YAML 1.2 has no merge: the model then says "<<" is not a field it knows, at that line.
    assert value_of(tmp_path, "base: &b {p: 1}\nx:\n  <<: *b\n  q: 2\n") == {"base": {"p": 1}, "x": {"<<": {"p": 1}, "q": 2}}


def test_windows_line_ends_and_a_tab_after_a_value(tmp_path: Path) -> None:
    doc = load(tmp_path, "a: 1\t\r\nb:\r\n  - x\r\n")
    assert isinstance(doc, YamlDocument)
    assert doc.value == {"a": 1, "b": ["x"]} and doc.values[("b", 0)] == (3, 5)


def test_empty_and_comment_only_files_have_no_value(tmp_path: Path) -> None:
    assert value_of(tmp_path, "") is None
    assert value_of(tmp_path, "# nothing here\n") is None


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)
LAYOUT = "Check the indents, colons and quote marks."
TAGS = "Data files hold plain values only, with no tags starting with !."
DIRECTIVE = "Delete this line starting with %. The site reads every file as YAML 1.2, with no directives."
DEEP = "The lists and groups here go more than 40 levels deep. Check the indents."
HOSTILE = [
    ("alias bomb", BOMB, "f.yml:6:12: (file): This file would hold too many values once the copies marked with * are filled in. Write it out in full."),
    ("many aliases", "x: &x 1\nareas: [" + ", ".join(["*x"] * 60) + "]\n",
     "f.yml:2:209: (file): This file uses more than 50 copies marked with *. Write the values out in full."),
    ("alias inside what it copies", "a: &x [1, *x]\n",
     "f.yml:1:11: (file): This copy (*x) is inside the part it copies, so it would never end. Write the values out in full."),
    ("alias to nothing", "a: 1\nb: *nope\n",
     "f.yml:2:4: (file): Nothing above is marked &nope, so *nope has nothing to copy. Check the name after *, or write the value out in full."),
    ("5,000-deep flow nesting", "areas: " + "[" * 5000 + "]" * 5000 + "\n", f"f.yml:1:47: (file): {DEEP}"),
    # libyaml's own composer recurses in C and crashes the process on this (about 50,000 levels).
    ("300,000 opening brackets", "[" * 300_000, f"f.yml:1:41: (file): {DEEP}"),
    ("deep block lists", "".join(" " * n + "- \n" for n in range(100)), f"f.yml:41:41: (file): {DEEP}"),
    ("deep block groups", "".join(" " * n + "a:\n" for n in range(100)), f"f.yml:41:41: (file): {DEEP}"),
    ("python tag", "title: !!python/object/apply:os.system [echo hi]\n",
     f'f.yml:1:8: (file): Delete the tag "!!python/object/apply:os.system". {TAGS}'),
    ("python name tag", "a:\n  b: !!python/name:os.system\n", f'f.yml:2:6: (file): Delete the tag "!!python/name:os.system". {TAGS}'),
    ("str tag on a key", "!!str a: 1\n", f'f.yml:1:1: (file): Delete the tag "!!str". {TAGS}'),
    ("tag on a list", "a: !!seq [1]\n", f'f.yml:1:4: (file): Delete the tag "!!seq". {TAGS}'),
    ("local tag", "a:\n  b: !area x\n", f'f.yml:2:6: (file): Delete the tag "!area". {TAGS}'),
    ("non-specific tag", "a: ! 12\n", f'f.yml:1:4: (file): Delete the tag "!". {TAGS}'),
    ("YAML directive", "# settings\n%YAML 1.2\n---\na: 1\n", f"f.yml:2:1: (file): {DIRECTIVE}"),
    ("TAG directive", "%TAG !e! tag:example.com,2000:\n---\na: 1\n", f"f.yml:1:1: (file): {DIRECTIVE}"),
    ("key twice", "a: 1\nb:\n  c: 1\n  c: 2\n", 'f.yml:4:3: c: "c" is written twice in the same place. Keep one and delete the other.'),
    ("key twice in braces", "x: {a: 1, a: 2}\n", 'f.yml:1:11: a: "a" is written twice in the same place. Keep one and delete the other.'),
    ("key twice in a list item", "- a: 1\n  b: 2\n  a: 3\n", 'f.yml:3:3: a: "a" is written twice in the same place. Keep one and delete the other.'),
    ("true twice", "true: 1\nTrue: 2\n", 'f.yml:2:1: True: "True" is written twice in the same place. Keep one and delete the other.'),
    ("list as a key", "? [a, b]\n: c\n", "f.yml:1:3: (file): Put a plain word before the colon here, not a list or a group of fields."),
    ("list as a key in braces", "{[1]: 2}\n", "f.yml:1:2: (file): Put a plain word before the colon here, not a list or a group of fields."),
    ("hidden line break in a comment", "a: 1 # note\u2028b: 2\n",
     "f.yml:1:12: (file): This line has a hidden line break (U+2028). Delete it and type the text again."),
    ("next-line character", "a: x\n\nb: one\x85two\n",
     "f.yml:3:7: (file): This line has a hidden line break (U+0085). Delete it and type the text again."),
    ("number with 21 digits", "a: 100000000000000000000\n",
     "f.yml:1:4: (file): This number is too big to be right (10000000000000000000). Check it, or put it in quote marks if it is text."),
    ("number with an exponent", "a: 1e400\n",
     "f.yml:1:4: (file): This number is too big to be right (1e400). Check it, or put it in quote marks if it is text."),
    ("two documents", "a: 1\n---\nb: 2\n", f"f.yml:2:1: (file): The file layout is broken here (but found another document). {LAYOUT}"),
    # What plain data never needs is reported before a key written twice, wherever it stands.
    ("key twice, then a tag", "a: 1\na: 2\nb: !x 1\n", f'f.yml:3:4: (file): Delete the tag "!x". {TAGS}'),
    ("tab indent", "a:\n\tb: 1\n", f"f.yml:2:1: (file): The file layout is broken here (found character '\\t' that cannot start any token). {LAYOUT}"),
    ("tab indent in a list", "a:\n  - id: x\n\tname: y\n", f"f.yml:3:1: (file): The file layout is broken here (found a tab character that violates indentation). {LAYOUT}"),
    ("missing colon", "a: 1\nb\nc: 2\n", f"f.yml:3:1: (file): The file layout is broken here (could not find expected ':'). {LAYOUT}"),
    ("unknown escape", 'a: "\\q"\n', f"f.yml:1:5: (file): The file layout is broken here (found unknown escape character). {LAYOUT}"),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE])
def test_hostile_or_broken_files_are_refused_with_their_line(tmp_path: Path, text: str, expected: str) -> None:
    assert refusal(tmp_path, text) == expected


YAMLISH = st.lists(st.sampled_from([*"ab:-?[]{},&*!%|>'\"#~.0123456789 \t\n\\", "<<", "\u2028", "é", "\r\n", "- ", ": "]),
                   max_size=40).map("".join)


@settings(max_examples=300)
@given(text=YAMLISH)
def test_any_text_gives_a_document_or_one_problem(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    found = load(tmp_path_factory.mktemp("any"), text)
    assert isinstance(found, (YamlDocument, Problem))
    if isinstance(found, Problem):
        assert found.file == "f.yml" and found.line >= 1 and found.col >= 1 and found.message.endswith(".")


def test_without_libyaml_the_same_values_and_refusals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # PyYAML built without libyaml gives the same events from pure Python (plain style None, not "").
    monkeypatch.setattr(yamlbuild, "_PARSER", yaml.BaseLoader)
    text = "a: no\nb: 10:30\nc: true\nd:\ne: 0x1F\nf: ['7', 7, .5]\n"
    assert value_of(tmp_path, text) == {"a": "no", "b": "10:30", "c": True, "d": None, "e": 31, "f": ["7", 7, 0.5]}
    assert refusal(tmp_path, "[" * 300_000) == f"f.yml:1:41: (file): {DEEP}"
    assert refusal(tmp_path, "a: 1\na: 2\n") == 'f.yml:2:1: a: "a" is written twice in the same place. Keep one and delete the other.'
    assert refusal(tmp_path, BOMB).startswith("f.yml:6:12: (file): This file would hold too many values")


@given(st.recursive(
    st.one_of(st.integers(-5, 5), st.text("ab: -", max_size=4)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text("abc", min_size=1, max_size=3), inner, max_size=3)),
    max_leaves=12,
))
def test_positions_found_when_asked_are_the_ones_a_full_read_finds(value: object) -> None:
    # A file is read without its positions (9 MiB at 30× the example); a message that needs one reads them then.
    # Block style, flow style and anchors: they must come out exactly as reading them all at once gives them.
    for text in (yaml.safe_dump(value, default_flow_style=False), yaml.safe_dump(value, default_flow_style=True),
                 "base: &b\n" + "".join(f"  {line}\n" for line in yaml.safe_dump({"v": value}).splitlines()) + "copy: *b\n"):
        quick = Builder(text, "t.yml", positions=False)
        full = Builder(text, "t.yml")
        assert quick.build() == full.build()
        assert quick.values == {} and quick.keys == {}
        document = YamlDocument("t.yml", full.value, text=text)
        assert document.values == full.values and document.keys == full.keys
