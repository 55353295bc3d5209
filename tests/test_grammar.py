"""Grammar through LanguageTool: off (and saying how to turn it on) without a server; mapping of its JSON answer."""
import os

import pytest

import drafting
from drafting.checks import grammar

# A match in LanguageTool's documented /v2/check response format.
LT_MATCH = {
    "message": "Possible spelling mistake found.",
    "shortMessage": "Spelling mistake",
    "replacements": [{"value": "received"}],
    "offset": 0, "length": 0,
    "context": {"text": "", "offset": 0, "length": 8},
    "sentence": "",
    "type": {"typeName": "Other"},
    "rule": {"id": "MORFOLOGIK_RULE_EN_US", "description": "Possible spelling mistake", "issueType": "misspelling",
             "category": {"id": "TYPOS", "name": "Possible Typo"}},
}


def test_without_a_server_grammar_is_off_and_says_how_to_turn_it_on():
    result = drafting.check("We recieved your message.", use_model=False)
    assert not result.grammar.enabled
    assert "LANGUAGETOOL_URL" in result.grammar.message
    assert not [f for f in result.findings if f.category == "grammar"]


def test_languagetool_matches_become_grammar_findings_with_offsets():
    text = "We recieved your message."
    match = dict(LT_MATCH, offset=3, length=8, context={"text": text, "offset": 3, "length": 8}, sentence=text)
    [f] = grammar.findings_from_matches([match], text)
    assert (f.category, f.start, f.end, f.text) == ("grammar", 3, 11, "recieved")
    assert "received" in f.suggestion and f.message == "Possible spelling mistake found."


def test_offsets_after_emoji_are_corrected():
    text = "🎉 We recieved it."
    # LanguageTool counts the emoji as two UTF-16 units, so it reports offset 5
    match = dict(LT_MATCH, offset=6, length=8, context={"text": text, "offset": 6, "length": 8}, sentence=text)
    [f] = grammar.findings_from_matches([match], text)
    assert f.text == "recieved"


def test_an_unreachable_server_turns_grammar_off_without_crashing():
    findings, status = grammar.check("Hello there.", "http://127.0.0.1:9")
    assert findings == [] and not status.enabled and "did not answer" in status.message and "skipped" in status.message


@pytest.mark.skipif(not os.environ.get("LANGUAGETOOL_URL"), reason="set LANGUAGETOOL_URL to test against a live LanguageTool server")
def test_live_languagetool_server():
    result = drafting.check("We recieved you message yesterday.", use_model=False)
    assert result.grammar.enabled and any(f.category == "grammar" for f in result.findings)
