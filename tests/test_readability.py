"""The readability check: what counts as body text, the figures, the limits per kind of page, the messages."""
from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

import pytest
import textstat
from conftest import TODAY, Run, run_generator
from test_content import INFORMATION_PAGES

from generator.easyread.readability import flesch_reading_ease, limits_for, measure, page_sentences, problems, table
from generator.models.readability import Limits, PageKind, ReadabilitySettings
from generator.models.sentences import sentences, words

SETTINGS = ReadabilitySettings(
    enforce=True,
    limits=Limits(max_sentence_words=15, max_average_words=12, min_reading_ease=70),
    kinds=[PageKind(name="meeting", pages=["meetings/*"], limits=Limits(max_sentence_words=20, min_reading_ease=None))],
    min_words_for_reading_ease=5,
    enforce_acronyms=True,
)
LONG = "We meet in a big room in the town hall on the first Tuesday of every month at 10am."


def test_sentences_and_words() -> None:
    assert sentences("We meet at 10:30am. Come along! Is it free? Yes.") == ["We meet at 10:30am.", "Come along!", "Is it free?", "Yes."]
    assert sentences("A list item without a full stop") == ["A list item without a full stop"]
    assert words("co-production – 10:30am & more") == ["co-production", "10:30am", "more"]


def test_what_counts_as_body_text() -> None:
    html = (
        "<h1>A heading that is a label</h1><p>First sentence here. Second one.</p>"
        "<ul><li>a list item</li><li><p>A paragraph in an item.</p></li></ul>"
        "<table><tr><td>Tuesday 6 January 2026</td></tr></table>"
        '<script type="application/ld+json">{"name": "Not text. At all."}</script>'
        "<pre><code>code is not read</code></pre>"
        '<div data-readability="off"><p>Switched off.</p></div>'
        # An icon as the build writes it (generator/icons.py): an SVG, which is never read.
        '<p><span class="twemoji" aria-hidden="true"><svg viewBox="0 0 24 24"><path d="M1 1h2"/></svg></span> '
        "Icons are not words.</p>"
    )
    found = [(s.text, s.words, s.prose) for s in page_sentences(html)]
    assert found == [
        ("A heading that is a label", 6, False),
        ("First sentence here.", 3, True),
        ("Second one.", 2, True),
        ("a list item", 3, True),
        ("A paragraph in an item.", 5, True),
        ("Tuesday 6 January 2026", 4, False),
        ("Icons are not words.", 4, True),
    ]


def test_a_line_break_ends_a_line_and_inline_tags_do_not() -> None:
    found = [s.text for s in page_sentences("<p>8 Church Road<br>Epsom</p><p><strong>co</strong>-production <em>works</em></p>")]
    assert found == ["8 Church Road", "Epsom", "co-production works"]


def test_figures_for_a_page() -> None:
    html = f"<h1>Title</h1><p>{LONG} We have tea. You can come.</p>"
    figures = measure("index.md", html, SETTINGS)
    prose = [LONG, "We have tea.", "You can come."]
    count = sum(len(words(s)) for s in prose)
    letters = [w.strip(".") for s in prose for w in s.split() if any(c.isalpha() for c in w)]
    expected_ease = flesch_reading_ease(len(letters), 3, sum(max(1, textstat.syllable_count(w)) for w in letters))
    assert (figures.sentences, figures.words, figures.longest) == (3, count, len(words(LONG)))
    assert figures.longest_sentence == LONG
    assert figures.average == round(count / 3, 1)
    assert figures.reading_ease == round(expected_ease, 1)
    assert figures.kind == "easy read"


def test_the_first_longest_sentence_is_named_and_every_one_over_the_limit_in_page_order() -> None:
    """Headings and table cells count for the longest sentence and the limit, not for the average."""
    heading = "A heading of exactly sixteen words that runs on and past the limit we set here"
    other = "Another sentence of sixteen words that also runs on past the limit of fifteen words here."
    html = (
        f"<h2>{heading}</h2><p>We have tea. {other}</p><table><tr><td>{other}</td></tr></table>"
        f"<p>{other}</p><p>We have tea.</p>"
    )
    assert len(words(heading)) == len(words(other)) == 16
    figures = measure("index.md", html, SETTINGS)
    assert (figures.longest, figures.longest_sentence) == (16, heading)
    assert [(s.text, s.prose) for s in figures.over_limit] == [(heading, False), (other, True), (other, False), (other, True)]
    assert (figures.sentences, figures.words) == (4, 3 + 16 + 16 + 3)
    # The same blocks again, on another page: the figures kept for them give the same answer.
    assert measure("index.md", html, SETTINGS) == figures


def test_a_long_sentence_is_named_with_its_figure() -> None:
    figures = measure("index.md", f"<p>{LONG}</p><p>Short one.</p>", SETTINGS)
    assert problems(figures, SETTINGS, "content/index.md")[0] == (
        f'content/index.md: this sentence has {len(words(LONG))} words (the limit is 15): "{LONG}" Split it in 2, or cut words.'
    )


def test_a_high_average_is_reported() -> None:
    first, second = "We all meet in the big hall on the first day.", "We have tea and cake after the talk."
    figures = measure("index.md", f"<p>{first} {second}</p>", SETTINGS)
    assert (figures.longest, figures.average) == (11, 9.5)
    strict = SETTINGS.model_copy(update={"limits": Limits(max_average_words=9)})
    assert problems(figures, strict) == [
        f'index.md: sentences have 9.5 words on average (the limit is 9). The longest has 11: "{first}" Split long sentences.'
    ]


def test_low_reading_ease_names_the_long_words() -> None:
    hard = "<p>Organisational accountability necessitates comprehensive evaluation. Institutional governance mechanisms facilitate transparency.</p>"
    figures = measure("index.md", hard, SETTINGS)
    assert figures.reading_ease is not None and figures.reading_ease < 70
    message = problems(figures, SETTINGS)[0]
    assert message.startswith(f"index.md: reading ease is {figures.reading_ease} (it must be 70 or more).")
    assert "Long words here: organisational, accountability, necessitates" in message


def test_a_page_is_of_the_first_kind_whose_pattern_fits_as_fnmatch_reads_it() -> None:
    """The patterns are made into one expression per kind, once: it must fit exactly the pages fnmatch fits."""
    patterns = ["meetings/*", "index.md", "glossary/?.md", "news/[0-9]*", "a*b/*.md", "[!x]y.md", "*.md"]
    settings = SETTINGS.model_copy(update={"kinds": [
        PageKind(name=f"kind {number}", pages=[pattern], limits=Limits(max_sentence_words=number))
        for number, pattern in enumerate(patterns, start=1)
    ] + [PageKind(name="no pattern", pages=[], limits=Limits())]})
    pages = ["meetings/2026-a.md", "meetings/a/b.md", "index.md", "x/index.md", "glossary/a.md", "glossary/ab.md",
             "news/2026.md", "news/x.md", "ab/c.md", "a-b/c.md", "ay.md", "xy.md", "about", "Index.md", ""]
    for page in pages:
        expected = next((f"kind {n}" for n, p in enumerate(patterns, start=1) if fnmatchcase(page, p)), "easy read")
        assert limits_for(page, settings)[0] == expected, page
    # New settings (the next build of `mkdocs serve`) are read afresh, not served from the last ones.
    other = settings.model_copy(update={"kinds": [PageKind(name="all", pages=["*"], limits=Limits())]})
    assert limits_for("index.md", other)[0] == "all"
    assert limits_for("index.md", settings)[0] == "kind 2"


def test_glossary_words_are_not_counted_as_long() -> None:
    html = "<p>We believe in co-production. Accountability matters a lot.</p>"
    assert "accountability" in measure("index.md", html, SETTINGS).long_words
    assert "accountability" not in measure("index.md", html, SETTINGS, explained={"accountability"}).long_words


def test_kinds_of_page_have_their_own_limits() -> None:
    assert limits_for("meetings/2026-02-26-development-group.md", SETTINGS) == (
        "meeting", Limits(max_sentence_words=20, max_average_words=12, min_reading_ease=None),
    )
    assert limits_for("index.md", SETTINGS) == ("easy read", SETTINGS.limits)
    figures = measure("meetings/x.md", f"<p>{LONG}</p>", SETTINGS)
    # 19 words is within the meeting limit of 20; the average limit of 12 still comes from the defaults.
    assert figures.kind == "meeting"
    found = problems(figures, SETTINGS)
    assert len(found) == 1 and found[0].startswith("meetings/x.md: sentences have 19.0 words on average (the limit is 12).")


def test_too_few_words_give_no_reading_ease() -> None:
    assert measure("index.md", "<p>Hi there.</p>", SETTINGS).reading_ease is None


def test_table_lists_every_page() -> None:
    pages = [measure("index.md", f"<p>{LONG}</p>", SETTINGS), measure("take-part.md", "<p>Come along. It is free.</p>", SETTINGS)]
    lines = table(pages, SETTINGS).splitlines()
    assert lines[0].split() == ["page", "kind", "sentences", "words", "longest", "average", "ease", "long", "%", "result"]
    assert lines[2].startswith("index.md") and lines[2].endswith("OVER")
    assert lines[3].startswith("take-part.md") and lines[3].endswith("ok")


@pytest.mark.parametrize("bad, message", [
    ("enforce: true", "enforce: Write true or false here"),
    ("max_sentence_words: 15", "limits.max_sentence_words: Enter a whole number here"),
])
def test_bad_settings_are_named(project: Path, bad: str, message: str) -> None:
    settings = project / "data/readability.yml"
    text = settings.read_text(encoding="utf-8")
    assert bad in text
    broken = bad.split(":")[0] + (': "maybe"' if bad.startswith("enforce") else ": fifteen")
    settings.write_text(text.replace(bad, broken, 1), encoding="utf-8")
    result = run_generator(project, "check")
    assert result.returncode == 1
    assert "data/readability.yml:" in result.stderr and message in result.stderr


@pytest.fixture(scope="module")
def example_readability(example_project: Path) -> Run:
    """`readability` over the unchanged example (it builds the whole site), once for the tests that read its table."""
    return run_generator(example_project, "readability", "--today", TODAY)


def test_readability_command_prints_every_page(example_readability: Run, example_project: Path) -> None:
    result = example_readability
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["page", "kind", "sentences"]
    pages = {line.split()[0] for line in lines[2:] if line and not line.startswith(" ") and line.split()[0].endswith(".md")}
    content = {p.relative_to(example_project / "content").as_posix() for p in (example_project / "content").rglob("*.md")}
    assert content <= pages
    assert {"glossary/index.md", "glossary/co-production.md", "forums/index.md"} <= pages
    assert result.returncode == (1 if "things to fix:" in result.stdout else 0)


def test_information_and_toolkit_pages_are_easy_read(example_readability: Run) -> None:
    """Each of these pages is within the easy-read limits (15 words a sentence, 12 on average, reading ease 70)."""
    rows = {}
    for line in example_readability.stdout.splitlines():
        cells = line.split()
        if cells and (cells[0] in INFORMATION_PAGES or cells[0].startswith("toolkits/")):
            rows[cells[0]] = cells[-1]
    assert set(INFORMATION_PAGES) <= set(rows)
    assert len([page for page in rows if page.startswith("toolkits/")]) == 9
    assert {page: verdict for page, verdict in rows.items() if verdict != "ok"} == {}


def test_text_shared_by_pages_gives_each_page_its_own_figures() -> None:
    # Sentences are worked out once for a text that many pages share: a page must read the same whatever came before.
    shared = "<p>We meet every month in the big room. Everybody is welcome to come along.</p>"
    own = "<p>Bring a friend or a carer with you. It is accessible for wheelchairs.</p>"
    alone = measure("a.md", shared + own, SETTINGS)
    for _ in range(3):
        measure("b.md", shared + "<p>Something else entirely happens on this page.</p>", SETTINGS)
    assert measure("a.md", shared + own, SETTINGS) == alone
    # The same text in a heading is a label, not prose: the kind of block is the page's, not the text's.
    as_heading = measure("c.md", "<h2>We meet every month in the big room.</h2>" + own, SETTINGS)
    assert (as_heading.sentences, alone.sentences) == (2, 4)
    # A new limit for long words is honoured for a text seen before with another limit.
    stricter = SETTINGS.model_copy(update={"long_word_syllables": 2})
    assert set(measure("a.md", shared + own, stricter).long_words) > set(alone.long_words)
    assert "accessible" in alone.long_words and "welcome" not in alone.long_words
    assert "welcome" in measure("a.md", shared + own, stricter).long_words
