"""Walking a page's text: the quick tokeniser for plainly written HTML cuts every page where the standard
library's parser cuts it, and leaves every other page to that parser."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.easyread.htmltext import TextRun, _Parser, _plain_walk, _Runs, text_runs

NAMES = ["p", "P", "a", "li", "h2", "br", "hr", "img", "script", "style", "code", "div", "table", "td", "svg:path", "x-y"]
ATTRIBUTES = [
    ' class="x"', " hidden", ' data-glossary="off"', " data-readability='data'", ' data-readability="off"',
    ' title="a > b < c"', ' href="?a=1&amp;b=2"', ' data-glossary=""', " DATA-GLOSSARY='off'", ' alt = "x"',
    " href=bare", ' a"b="c"', ' data-readability="o&#102;f"', "\n  id='n'",
]
TEXT = ["Words", " ", "\n", "Tom &amp; Jerry", "&#169;", "&#x2014;", "&nbsp;", "&", "&#", "&#;", "a < b", "&amp",
        "café", "x>y", "}{", "'", '"']
PIECES = st.one_of(
    st.sampled_from(TEXT),
    st.builds(lambda n, a, slash: f"<{n}{''.join(a)}{slash}>", st.sampled_from(NAMES),
              st.lists(st.sampled_from(ATTRIBUTES), max_size=3), st.sampled_from(["", "/", " /", " "])),
    st.builds(lambda n: f"</{n}>", st.sampled_from(NAMES)),
    st.sampled_from(["</ p>", "</p >", "<!-- note -->", "<!DOCTYPE html>", "<?pi?>", "<", "</", "<3", "</script >",
                     '<script type="application/ld+json">{"a": "</p>"}</script>', "<style>p { }</STYLE>"]),
)


def parsed(html: str) -> list[TextRun]:
    found = _Runs(html)
    parser = _Parser(found)
    parser.feed(html)
    parser.close()
    return found.runs


@settings(max_examples=3000)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_the_quick_walk_matches_the_parser_on_any_html(html: str) -> None:
    quick = _plain_walk(html)
    if quick is not None:
        assert quick.runs == parsed(html)
    assert list(text_runs(html)) == parsed(html)


def test_the_sanitisers_html_takes_the_quick_walk() -> None:
    html = ('<h2 id="x">Words</h2>\n<p>A <a href="../glossary/x/" class="glossary-link">link</a> &amp; more.<br>Next</p>'
            '\n<script type="application/ld+json">{"@type": "Event"}</script>')
    quick = _plain_walk(html)
    assert quick is not None and quick.runs == parsed(html)
    assert [run.raw for run in quick.runs if not run.hidden] == ["Words", "\n", "A ", "link", " &amp; more.", "Next", "\n"]
