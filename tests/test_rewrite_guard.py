"""Story: a liaison is never offered a rewrite that makes the text worse than the finding it fixes (issue 14)."""
from __future__ import annotations

from drafting import check
from drafting.findings import Finding
from drafting.nlp import parse
from drafting.rewrite import rewrite
from drafting.rewrite_guard import disagreements, refusal


def offered(sentence: str, severity: str, category: str) -> list[str]:
    result = check(sentence, severity, "general", "report", use_grammar=False)
    found = [f for f in result.findings if f.category == category and f.end > f.start]
    assert found, f"expected a {category} finding in {sentence!r}"
    return [option for f in found for option in rewrite(f, sentence, (severity, "general", "report"))]


def test_some_users_is_unable_is_never_offered():
    options = offered("Only a small number of users is unable to sign in since the outage began at 09:10 UTC.", "sev1", "tone")
    assert not any("users is" in o for o in options), options


def test_a_swap_landing_inside_a_word_is_never_offered():
    options = offered("It was a catastrophically bad morning for the dashboard.", "sev4", "tone")
    assert not any("seriousally" in o for o in options), options


def test_a_word_inside_a_technical_term_is_left_alone():
    options = offered("We moved traffic to our disaster recovery facility in Frankfurt at 09:40 UTC.", "sev4", "tone")
    assert not any("problem recovery" in o for o in options), options


def test_two_flagged_words_do_not_trade_the_whole_sentence_for_a_placeholder():
    options = offered("To our valued customers, we want to share what happened on Tuesday morning with card payments.",
                      "sev2", "boilerplate")
    assert not any("[" in o for o in options), options


def test_the_guard_says_why_in_plain_words():
    sentence = "A small number of users is unable to sign in."
    f = Finding("tone", "minimising", 0, 19, "A small number", "", "")
    assert "agreement" in refusal(f, sentence, "Some users is unable to sign in.", sentence)
    f = Finding("tone", "alarmist", 9, 25, "catastrophically", "", "")
    sentence = "It was a catastrophically bad day."
    assert "not a word" in refusal(f, sentence, "It was a seriousally bad day.", sentence)
    f = Finding("tone", "alarmist", 7, 15, "disaster", "", "")
    sentence = "We used disaster recovery facility B."
    assert "term" in refusal(f, sentence, "We used problem recovery facility B.", sentence)


def test_a_good_rewrite_is_still_offered():
    assert offered("We had a minor hiccup with payments this morning.", "sev1", "tone")
    assert offered("An engineer mistakenly deleted the production table.", "sev2", "blame")
    assert disagreements(parse("Some users are unable to sign in.")) == 0
    assert disagreements(parse("Some users is unable to sign in.")) == 1
