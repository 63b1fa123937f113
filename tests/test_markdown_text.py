"""Data values in Markdown pages (the quick way for everyday text gives what the full escaping gives), and the sanitiser."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.models.common import MarkdownSource
from generator.render.jinja import _escaped, markdown_text

EVERYDAY = st.text(alphabet=st.sampled_from(list("Aab zé1:,.;!?'’()/%@£-–_*#<&\n\t\u00a0\u2028|[]{}`\\=+")), max_size=30)


NUMBERS = st.integers(min_value=-10, max_value=10**12).map(str) | st.text(alphabet=st.sampled_from(list("0123456789²٣")), max_size=8)


@given(EVERYDAY | NUMBERS | st.text(max_size=30))
def test_plain_text_is_left_as_the_full_escaping_leaves_it(text: str) -> None:
    assert markdown_text(text) == _escaped(text, markdown_field=False)
    assert markdown_text(MarkdownSource(text)) == _escaped(text, markdown_field=True)


def test_what_markdown_would_act_on_is_still_escaped() -> None:
    assert markdown_text("Meet at 10:30am, Room 2.") == "Meet at 10:30am, Room 2."
    assert markdown_text("Use :smile: here") == "Use &#58;smile: here"
    assert markdown_text("Tea  and\ncake") == "Tea and cake"
    assert markdown_text("A_b") == "A&#95;b"
    assert markdown_text("1. First") == "1&#46; First"
    assert markdown_text("Tom & Jerry <b>") == "Tom &amp; Jerry &lt;b&gt;"
    assert markdown_text(12) == "12" and markdown_text("-1") == "&#45;1"


def test_the_sanitiser_keeps_ammonia_s_own_list_of_elements_and_ours() -> None:
    # Written out so nh3 loads only when a page is cleaned; a new nh3 with another list must be looked at.
    import nh3

    from generator.render.sanitise import _DEFAULT_TAGS, sanitise_html

    assert set(nh3.ALLOWED_TAGS) == _DEFAULT_TAGS
    assert sanitise_html('<p onclick="x">Hi<script>alert(1)</script><iframe src="x"></iframe></p>') == "<p>Hi</p>"
