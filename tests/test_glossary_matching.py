"""Finding and linking glossary words: plurals, capitals, overlaps, and places a link must never go."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.compute.plurals import number_forms
from generator.easyread.linking import Entry, Matcher, link_terms

ENTRIES = [
    Entry("co-production", ("Co-production", "coproduction")),
    Entry("production", ("Production",)),
    Entry("peer-support", ("Peer support",)),
    Entry("peer-support-worker", ("Peer support worker",)),
    Entry("carer", ("Carer",)),
    Entry("capacity", ("Capacity",)),
    Entry("nhs", ("NHS", "National Health Service")),
    Entry("ccg", ("CCG",)),
    Entry("trust", ("Trust",), match_case=True),
    Entry("minutes", ("Minutes",), not_after_number=True),
    Entry("forum", ("Forum",)),
    Entry("chair", ("Chair",), not_in=("rows of chairs", "a chair")),
]
MATCHER = Matcher(ENTRIES)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.term_id) for m in MATCHER.find(text)]


def href(term_id: str) -> str:
    return f"../glossary/{term_id}/"


def link(term_id: str, text: str) -> str:
    return f'<a class="glossary-link" href="../glossary/{term_id}/">{text}</a>'


def test_number_forms() -> None:
    assert number_forms("Carer") == ("Carers",)
    assert number_forms("Capacity") == ("Capacities",)
    assert number_forms("Access") == ("Accesses",)
    assert number_forms("Peer support worker") == ("Peer support workers",)
    assert number_forms("CCG") == ("CCGs",)
    assert number_forms("Care Act 2014") == ()
    # Plural terms get their singular, not a doubled plural ("Paperses").
    assert number_forms("Papers") == ("Paper",)
    assert number_forms("Stakeholders") == ("Stakeholder",)
    # Words ending in -is and -us are singular, whatever their last letter.
    assert number_forms("Analysis") == ("Analyses",)
    assert number_forms("Focus") == ("Focuses",)
    assert number_forms("news") == ()
    assert "Agendas" in number_forms("Agenda")


def test_a_plural_term_matches_its_singular() -> None:
    matcher = Matcher([Entry("papers", ("Papers",))])
    linked = link_terms("<p>Read the paper first.</p>", matcher, lambda i: f"../glossary/{i}/")
    assert linked.used == ["papers"]


def test_plurals_and_possessives_are_found() -> None:
    assert found("Carers, a carer's day, capacities and 3 CCGs.") == [
        ("Carers", "carer"), ("carer", "carer"), ("capacities", "capacity"), ("CCGs", "ccg"),
    ]


def test_capitals_follow_the_form() -> None:
    # "Forum" is an ordinary word: any capitals. "NHS" only as written. "Trust" asks for its capital.
    assert found("forum FORUM Forum") == [("forum", "forum"), ("FORUM", "forum"), ("Forum", "forum")]
    assert found("nhs Nhs NHS") == [("NHS", "nhs")]
    assert found("we trust the Trust") == [("Trust", "trust")]


def test_longer_word_wins_over_the_word_inside_it() -> None:
    assert found("Co-production is not production.") == [("Co-production", "co-production"), ("production", "production")]
    assert found("Ask a peer support worker about peer support.") == [
        ("peer support worker", "peer-support-worker"), ("peer support", "peer-support"),
    ]
    assert found("the co\u2011production way") == [("co\u2011production", "co-production")]


def test_a_phrase_never_spans_punctuation_but_may_span_a_line_break() -> None:
    assert found("a peer, support group") == []
    assert found("the National Health\nService") == [("National Health\nService", "nhs")]


def test_a_unit_after_a_number_is_not_the_glossary_word() -> None:
    assert found("It lasts 45 minutes. Read the minutes.") == [("minutes", "minutes")]
    assert [m.start for m in MATCHER.find("45 minutes then minutes")] == [16]


def test_phrases_where_the_word_means_something_else() -> None:
    assert found("Sit on a chair, not in rows of chairs. The chair leads.") == [("chair", "chair")]
    assert [m.start for m in MATCHER.find("Sit on a chair. The chair leads.")] == [20]


def test_only_the_first_use_is_linked_and_every_word_is_listed() -> None:
    result = link_terms("<p>A carer and a forum. Another carer.</p>", MATCHER, href)
    assert result.html == f"<p>A {link('carer', 'carer')} and a {link('forum', 'forum')}. Another carer.</p>"
    assert result.used == ["carer", "forum"]


def test_headings_and_links_are_not_linked_and_the_next_use_is() -> None:
    html = '<h2>Carers</h2>\n<p><a href="x/">Carer help</a> for a carer.</p>'
    result = link_terms(html, MATCHER, href)
    assert result.html == f'<h2>Carers</h2>\n<p><a href="x/">Carer help</a> for a {link("carer", "carer")}.</p>'
    assert result.used == ["carer"]


def test_code_scripts_styles_and_form_controls_are_left_alone() -> None:
    html = (
        '<p><code>carer</code></p><pre>forum</pre>'
        '<script type="application/ld+json">{"name": "Forum for carers", "x": "<p>forum</p>"}</script>'
        "<style>.forum::after { content: 'carer'; }</style>"
        '<form><label for="n">Your carer</label><textarea id="n">forum</textarea>'
        '<select><option>Forum</option></select><button>Join the forum</button></form>'
        '<div data-glossary="off"><p>carer</p></div>'
    )
    result = link_terms(html, MATCHER, href)
    assert result.html == html
    # Seen in a label or a switched-off part still counts as used; hidden text does not.
    assert result.used == ["carer"]


def test_the_words_own_page_neither_links_nor_lists_it() -> None:
    result = link_terms("<p>A carer goes to a forum.</p>", MATCHER, href, own="carer")
    assert result.html == f"<p>A carer goes to a {link('forum', 'forum')}.</p>"
    assert result.used == ["forum"]


def test_entities_and_attributes_are_kept_byte_for_byte() -> None:
    html = '<p title="carer">Carers &amp; the NHS&#39;s <em>forum</em></p>'
    result = link_terms(html, MATCHER, href)
    assert result.html == (
        f'<p title="carer">{link("carer", "Carers")} &amp; the {link("nhs", "NHS")}&#39;s '
        f'<em>{link("forum", "forum")}</em></p>'
    )


_TAGS = st.sampled_from(["<p>", "</p>", "<h2>", "</h2>", "<a href='x'>", "</a>", "<code>", "</code>", "<br>", "&amp;"])
_WORDS = st.sampled_from(["carer", "Carers", "co-production", "production", "peer", "support", "NHS", "45", "minutes", " ", "\n", ", ", "."])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_TAGS, _WORDS), max_size=40))
def test_linking_only_adds_links(parts: list[str]) -> None:
    html = "".join(parts)
    result = link_terms(html, MATCHER, href)
    unlinked = re.sub(r'<a class="glossary-link" href="[^"]*">(.*?)</a>', r"\1", result.html, flags=re.S)
    assert unlinked == html
    linked_ids = re.findall(r'class="glossary-link" href="\.\./glossary/([^/]+)/"', result.html)
    assert len(linked_ids) == len(set(linked_ids))
    assert set(linked_ids) <= set(result.used)


_ANY_WORDS = st.sampled_from([
    "carer", "Carers", "CO-PRODUCTION", "co‑production", "co‐Production", "production", "Peer", "support", "worker",
    "NHS", "nhs", "Trust", "trust", "45", "minutes", "chair", "rows", "of", "chairs", "FORUM", "Forüm", "İ", "ß", " ",
    "\n", ", ", ".", "-", "é",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ANY_WORDS, max_size=30))
def test_ascii_text_is_matched_as_any_text_is(parts: list[str]) -> None:
    """ASCII text takes a quicker way to its words: it must find what the way for any text finds.

    " é" at the end sends the same words the other way (é is no glossary word, and nothing joins it to them).
    """
    text = "".join(parts)
    assert MATCHER.find(text) == MATCHER.find(text + " é")


def test_words_on_this_page_escapes_meanings() -> None:
    from generator.easyread.linking import words_on_page
    from generator.models.glossary import Term

    term = Term(id="carer", term="Carer", meaning="Someone who helps <b>a</b> friend & family.")
    html = words_on_page([term], href)
    assert '<h2 id="words-on-this-page" data-search-exclude="repeated">Words on this page</h2>' in html
    assert '<dt><a href="../glossary/carer/">Carer</a></dt>' in html
    assert "<dd>Someone who helps &lt;b&gt;a&lt;/b&gt; friend &amp; family.</dd>" in html
    assert words_on_page([], href) == ""


def test_every_page_links_its_own_first_use_of_a_shared_text() -> None:
    # Matches are kept for a text many pages share: each page still links its first use, and only that.
    shared = "<p>Come to the forum. The forum meets monthly.</p>"
    for page in range(3):
        html = f"<h2>Page {page}</h2>{shared}"
        assert link_terms(html, MATCHER, href).html == (
            f"<h2>Page {page}</h2><p>Come to the {link('forum', 'forum')}. The forum meets monthly.</p>"
        )
    # A heading holding the same words is not linked; the first use after it is.
    html = "<h2>Come to the forum. The forum meets monthly.</h2>" + shared
    assert link_terms(html, MATCHER, href).html == (
        "<h2>Come to the forum. The forum meets monthly.</h2>"
        f"<p>Come to the {link('forum', 'forum')}. The forum meets monthly.</p>"
    )
    assert found("Come to the forum.") == [("forum", "forum")]
