"""Bad or unusual input: a result or one clear line, never a traceback; offsets stay true."""
import pytest

import drafting
from drafting.errors import InputError


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_drafts_get_a_clear_message(text):
    with pytest.raises(InputError, match="empty"):
        drafting.check(text)


def test_a_huge_paste_is_refused_with_what_to_do():
    with pytest.raises(InputError, match="Split it"):
        drafting.check("word " * 1_100_000)


def test_binary_text_is_refused():
    with pytest.raises(InputError, match="binary"):
        drafting.check("abc\x00def")


def test_offsets_survive_emoji_and_crlf():
    text = "Update 🎉🎉\r\nOur on-call engineer ignored the alert.\r\nWe think the disk failed 😬."
    result = drafting.check(text, "sev2", "general", "report", use_model=False)
    assert result.findings, "expected findings"
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    blame = [f for f in result.findings if f.category == "blame"]
    assert blame and "ignored" in blame[0].text


def test_html_is_read_as_prose_and_offsets_point_into_the_original():
    text = "<p>We think the <b>cache</b> failed.</p><script>alert('x')</script>"
    result = drafting.check(text, "sev2", "general", "preliminary", use_model=False)
    conj = [f for f in result.findings if f.category == "conjecture"]
    assert conj and text[conj[0].start:conj[0].end] == "We think"


def test_markdown_link_to_an_internal_wiki_is_a_leak():
    text = "See [the runbook](https://wiki.corp.example.net/runbooks/payments) for what changed."
    result = drafting.check(text, "sev2", "technical", "report", use_model=False)
    assert any(f.category == "leak" for f in result.findings)


def test_a_600_word_sentence_with_no_full_stop_gets_a_result():
    text = " ".join(["customers could not reach the dashboard and"] * 85) + " we think the disk failed"
    result = drafting.check(text, "sev2", "general", "report")
    assert any(f.category == "conjecture" for f in result.findings)


def test_unknown_context_values_say_what_is_allowed():
    with pytest.raises(drafting.ContextError, match="sev1, sev2, sev3, sev4"):
        drafting.check("Fine text.", severity="critical")
