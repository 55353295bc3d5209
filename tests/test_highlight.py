"""The app's presentation helpers: findings marked inline, user text always escaped, rewrites applied in place."""
from __future__ import annotations

import re

import pytest

import drafting
from drafting.errors import InputError
from drafting.findings import Finding
from drafting.ui.cards import finding_card, omitted_html, rewrite_card
from drafting.ui.edit import replace_sentence, sentence_bounds
from drafting.ui.highlight import highlight_html, legend_html
from drafting.ui.settings import load_settings
from drafting.ui.state import Memo, review_key
from drafting.ui.uploads import TEXT_TYPES, read_upload

BLAME_AND_STOCK = (
    "An engineer mistakenly deleted the production table. "
    "We apologize for any inconvenience this may have caused."
)


def marks(html: str) -> list[tuple[str, str]]:
    """(categories, marked text) for each <mark> in the highlighted HTML."""
    return re.findall(r'<mark[^>]*data-categories="([^"]*)"[^>]*>(.*?)</mark>', html, re.S)


def test_blame_and_stock_apology_are_marked_in_their_own_colours():
    result = drafting.check(BLAME_AND_STOCK, "sev2", "general", "report", use_model=False)
    html = highlight_html(BLAME_AND_STOCK, result.findings)
    found = marks(html)
    blame = [t for cats, t in found if "blame" in cats.split()]
    stock = [t for cats, t in found if "boilerplate" in cats.split()]
    assert blame and "deleted" in "".join(blame)
    assert stock and "apologize" in "".join(stock)
    settings = load_settings()
    assert settings.colour("blame") in html and settings.colour("boilerplate") in html
    assert settings.colour("blame") != settings.colour("boilerplate")


def test_every_character_of_the_draft_survives_highlighting():
    result = drafting.check(BLAME_AND_STOCK, "sev2", "general", "report", use_model=False)
    html = highlight_html(BLAME_AND_STOCK, result.findings)
    labels = re.findall(r'<sup class="finding-tag"[^>]*>(.*?)</sup>', html)
    assert {"Blame", "Stock phrasing"} <= set(labels)  # each category named in words, not by colour alone
    visible = re.sub(r"<[^>]+>", "", re.sub(r'<sup class="finding-tag"[^>]*>.*?</sup>', "", html))
    assert visible == BLAME_AND_STOCK


def test_tooltip_carries_message_and_suggestion():
    f = Finding("blame", "agent", 3, 11, "engineer", "Names a person as at fault.", "Make the system the subject.")
    html = highlight_html("An engineer did it.", [f])
    title = re.search(r'title="([^"]*)"', html).group(1)
    assert "Names a person as at fault." in title and "Make the system the subject." in title


def test_a_script_in_the_draft_is_shown_as_text_never_as_markup():
    text = 'Hi <script>alert("x")</script> and <b onmouseover="steal()">bold</b> & more'
    f = Finding("tone", "x", 0, 2, "Hi", 'Message with <img src=x onerror=alert(1)>', "<i>try</i>")
    html = highlight_html(text, [f])
    assert "<script" not in html and "<b " not in html and "<img" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html and "&lt;b onmouseover=&quot;steal()&quot;&gt;" in html
    card = finding_card(f)
    assert "<img" not in card and "&lt;img" in card
    assert "<script" not in rewrite_card("<script>x</script>")
    assert "<script" not in omitted_html([{"item": "<script>", "reason": "<b>x</b>"}])


def test_overlapping_findings_split_the_text_and_name_both_categories():
    text = "We apologize for any inconvenience."
    stock = Finding("boilerplate", "default", 3, 34, text[3:34], "Stock phrase.", "")
    tone = Finding("tone", "minimising", 21, 34, text[21:34], "Plays it down.", "")
    found = marks(highlight_html(text, [stock, tone]))
    assert ("boilerplate", "apologize for any ") in found
    both = [cats for cats, t in found if t == "inconvenience"]
    assert both and set(both[0].split()) == {"boilerplate", "tone"}
    assert "<mark" not in "".join(t for _, t in found)  # never nested


def test_document_level_findings_are_not_marked_inline():
    missing = Finding("structure", "missing_part", 0, 0, "", "Missing a summary.", "Add one.")
    assert marks(highlight_html("Short text.", [missing])) == []


def test_legend_counts_only_categories_with_findings():
    html = legend_html({"blame": 2, "tone": 0, "leak": 1})
    assert "Blame: 2" in html and "Internal detail: 1" in html and "Tone" not in html


@pytest.mark.parametrize(
    "text, span_word, sentence",
    [
        ("All good. An engineer deleted the table! Then it came back.", "engineer", "An engineer deleted the table!"),
        ("First line\nJohn forgot the canary\nLast line", "John", "John forgot the canary"),
        ("Version 3.5 failed. We think the cache broke it.", "think", "We think the cache broke it."),
        ("Version 3.5 failed. Next.", "3.5", "Version 3.5 failed."),
    ],
)
def test_the_sentence_holding_a_finding_is_found(text, span_word, sentence):
    start = text.index(span_word)
    s, e = sentence_bounds(text, start, start + len(span_word))
    assert text[s:e] == sentence


def test_applying_a_rewrite_replaces_only_that_sentence():
    text = "Intro line.\n\nAn engineer mistakenly deleted the table. We restored it by 10:40 UTC.\n"
    start = text.index("engineer")
    new = replace_sentence(text, start, start + 8, "  A configuration change removed the table.  ")
    assert new == "Intro line.\n\nA configuration change removed the table. We restored it by 10:40 UTC.\n"


def test_upload_of_wrong_type_size_or_encoding_gets_a_plain_message():
    with pytest.raises(InputError, match=r"\.txt"):
        read_upload("photo.png", b"\x89PNG", TEXT_TYPES, 1024)
    with pytest.raises(InputError, match="limit is 1 MB"):
        read_upload("big.txt", b"a" * (1024 * 1024 + 1), TEXT_TYPES, 1024 * 1024)
    assert read_upload("latin.txt", "Le caf\u00e9 est ferm\u00e9 depuis ce matin.".encode("latin-1"), TEXT_TYPES, 1024) \
        == "Le caf\u00e9 est ferm\u00e9 depuis ce matin."  # another encoding is detected, not refused
    with pytest.raises(InputError, match="binary"):
        read_upload("fake.md", b"ab\x00cd", TEXT_TYPES, 1024)
    assert read_upload("Draft.MD", "Résumé ok".encode(), TEXT_TYPES, 1024) == "Résumé ok"


def test_memo_recomputes_only_when_text_or_context_changes():
    store: dict = {}
    calls = []

    def run(text: str, ctx: str) -> str:
        memo = Memo(store, "m", size=2)
        return memo.get(review_key(text, ctx, "cfg"), lambda: calls.append(text) or text.upper())

    assert run("a", "sev1") == "A"
    assert run("a", "sev1") == "A"
    run("a", "sev2")
    assert calls == ["a", "a"]
    run("b", "sev1")  # evicts the oldest (a, sev1)
    run("a", "sev1")
    assert len(calls) == 4 and Memo(store, "m").computed == 4


def test_a_list_item_is_replaced_as_the_rewrite_engine_cut_it():
    text = "- John forgot the canary.\n- The rollout went ahead."
    start = text.index("John")
    new = replace_sentence(text, start, start + 4, "The rollout skipped the canary.")
    assert new == "- The rollout skipped the canary.\n- The rollout went ahead."
