"""The glossary file: easy-read meanings, matchable words, one owner per form; and the pages made from it."""
from __future__ import annotations

from pathlib import Path

from conftest import edit, problems_for

from generator.models.glossary import MAX_SENTENCES, MAX_WORDS
from generator.models.sentences import sentences, words
from generator.pipeline import load_site_data

# The terms of FACTS.md §4 and the acronyms the source documents never explain.
SOURCE_TERMS = [
    "Access", "Accountability", "Acronym", "Active listening", "Active participation", "Assets", "Asset-mapping",
    "Autonomy", "Benchmark", "Capacity", "Care Act 2014", "Carer", "Clinical Commissioning Group", "Clinical governance",
    "Co-commissioning", "Co-design", "Cognitive dissonance", "Collaboration", "Commissioner", "Continuity of care",
    "Coordinated care", "Co-production", "Culture", "Diversity", "Early intervention", "Engagement method",
    "Facilitator", "Forum", "Inclusion", "Integrated Care", "Jargon", "Lived experience", "Mapping", "Outcomes",
    "Outputs", "Panel", "Participation", "Peer support", "People who use services", "Performance indicators",
    "Person-centred care", "Practitioner", "Service user", "Stakeholders", "Statutory guidance", "Tokenism",
    "Triangle of care", "User involvement", "Voluntary sector", "Workshops", "Young carer",
]
ACRONYMS = [
    "SaBP", "FoCUS", "PALS", "CMHRS", "CP Lead", "GPiMH", "MHICS", "IMHN", "SMEF", "FFT", "CPA", "MCA", "EbE", "CCG",
    "CNWL", "VCS", "BACS", "NHS", "NEF", "SCIE", "NDTi", "ImROC",
]
ROOT = Path(__file__).resolve().parent.parent


def test_every_source_term_and_acronym_is_explained() -> None:
    data = load_site_data(ROOT / "data", ROOT)
    written = {form for term in data.glossary for form in (term.term, *term.other_forms)}
    assert len(SOURCE_TERMS) == 51
    assert [t for t in SOURCE_TERMS if t not in written] == []
    assert [a for a in ACRONYMS if a not in written] == []


def test_every_meaning_is_easy_read() -> None:
    data = load_site_data(ROOT / "data", ROOT)
    for term in data.glossary:
        for text in filter(None, (term.meaning, term.example)):
            found = sentences(text)
            assert 1 <= len(found) <= MAX_SENTENCES, (term.id, text)
            assert all(len(words(s)) <= MAX_WORDS for s in found), (term.id, text)


def test_the_site_says_which_young_carer_age_it_uses() -> None:
    data = load_site_data(ROOT / "data", ROOT)
    young = next(t for t in data.glossary if t.id == "young-carer")
    assert "18 or under" in young.meaning and "On this site" in (young.example or "")


def test_a_meaning_with_too_many_sentences(project: Path) -> None:
    edit(project / "data/glossary.yml", "get full access.\n", "get full access. Ramps help. So do lifts.\n")
    assert problems_for(project) == [
        "data/glossary.yml:8:14: terms[1].meaning: This has 4 sentences. Use 2 at most: keep the main idea and cut the rest.",
    ]


def test_a_meaning_with_a_long_sentence(project: Path) -> None:
    edit(
        project / "data/glossary.yml", "Some people need changes to get full access.",
        "Some people need lots of small and large changes to get full and equal access to it.",
    )
    assert problems_for(project) == [
        'data/glossary.yml:8:14: terms[1].meaning: This sentence has 17 words: "Some people need lots of small and '
        'large changes to get full and equal access to it." Use 15 words or fewer, or split it in 2.',
    ]


def test_a_form_the_site_cannot_find(project: Path) -> None:
    edit(project / "data/glossary.yml", "    other_forms: [accountable]\n", "    other_forms: [accountable, \"ask & answer\"]\n")
    found = problems_for(project)
    assert len(found) == 1
    assert found[0].endswith(
        'other_forms[2]: The site cannot find "ask & answer" in pages. Use only letters, digits, spaces and dashes.'
    )
    assert found[0].startswith("data/glossary.yml:")


def test_a_form_that_belongs_to_two_words(project: Path) -> None:
    glossary = project / "data/glossary.yml"
    edit(glossary, "    other_forms: [accountable]\n", "    other_forms: [accountable, Inclusive]\n")
    lines = glossary.read_text(encoding="utf-8").splitlines()
    # The later word is told: "inclusive" is listed under Inclusion, after Accountability took it.
    start = lines.index("  - id: inclusion")
    line = next(n for n in range(start, len(lines)) if lines[n].startswith("    other_forms:")) + 1
    number = sum(1 for text in lines[:start + 1] if text.startswith("  - id: "))
    assert problems_for(project) == [
        f'data/glossary.yml:{line}:19: terms[{number}].other_forms[1]: "inclusive" is already a form of the glossary '
        'word "Accountability". Each form can belong to 1 word only: delete it here or there.'
    ]


def test_glossary_pages_have_letters_anchors_and_own_pages(built_site: Path) -> None:
    # The A to Z page lists the letters; each letter has a page with its words; each word has a page.
    index = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    data = load_site_data(ROOT / "data", ROOT)
    for term in data.glossary:
        letter = term.term[0].lower()
        assert f'href="letter-{letter}/"' in index
        letter_page = (built_site / "glossary" / f"letter-{letter}" / "index.html").read_text(encoding="utf-8")
        assert f'id="{term.id}"' in letter_page
        assert (built_site / "glossary" / term.id / "index.html").is_file()
    # The A to Z and letter pages are the glossary itself: no automatic links, no "Words on this page".
    assert "glossary-link" not in index and "words-on-this-page" not in index
    assert "glossary-link" not in letter_page and "words-on-this-page" not in letter_page


def test_glossary_words_are_in_the_search_index(built_site: Path) -> None:
    import json

    pages = [r for p in (built_site / "search/pages").glob("*.json") for r in json.loads(p.read_text(encoding="utf-8"))]
    pages += [json.loads(p.read_text(encoding="utf-8")) for p in (built_site / "search/sections").glob("*.json")]
    found = [(url, anchor) for url, _, sections in pages for anchor, *_ in sections if anchor == "tokenism"]
    assert found == [("glossary/letter-t/", "tokenism")]
    words = [word for p in (built_site / "search/words").glob("t*.json") for word in json.loads(p.read_text(encoding="utf-8"))]
    assert "tokenism" in words
