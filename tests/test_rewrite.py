"""Story: the review flags a sentence; the app offers "try this" rewrites that fix it without a new finding of the same kind."""
from __future__ import annotations

import pytest

from drafting import check
from drafting.context import Context
from drafting.rewrite import rewrite

IMPACT = "From 09:12 to 10:47 UTC, card payments were declined for about 18% of attempts. "
ACTION = "We will add an alert when card errors pass 1% for two minutes. "

CASES = [
    # (category, sentence, context text around it, severity, audience, stage)
    ("blame", "Sam pushed the bad config to production.", "", "sev2", "general", "report"),
    ("blame", "John forgot to run the canary before the release.", "", "sev2", "technical", "internal"),
    ("blame", "The outage was due to human error.", "", "sev2", "general", "report"),
    ("conjecture", "We think a faulty disk caused the errors.", "", "sev2", "general", "preliminary"),
    ("conjecture", "This should be resolved within the hour.", "", "sev2", "general", "preliminary"),
    ("boilerplate", "We apologize for any inconvenience this may have caused.", IMPACT, "sev3", "general", "report"),
    ("boilerplate", "We take this matter very seriously.", ACTION, "sev2", "general", "report"),
    ("boilerplate", "Thank you for your patience and understanding.", "", "sev2", "general", "report"),
    ("tone", "We had a minor hiccup with payments this morning.", "", "sev1", "general", "report"),
    ("tone", "A catastrophic failure put the wrong date on some receipts.", "", "sev4", "general", "report"),
    ("jargon", "The p99 latency rose sharply during the incident.", "", "sev2", "general", "report"),
    ("jargon", "Our CDN stopped serving images.", "", "sev2", "general", "report"),
    ("overpromise", "This will never happen again.", ACTION, "sev2", "general", "report"),
    ("overpromise", "We guarantee 100% uptime from now on.", ACTION, "sev1", "executive", "report"),
    ("leak", "The errors came from db-prod-07.us-east.internal (10.2.14.7).", "", "sev2", "technical", "report"),
]


def _finding(text, category, ctx):
    result = check(text, ctx.severity, ctx.audience, ctx.stage, use_model=False, use_grammar=False)
    found = [f for f in result.findings if f.category == category]
    assert found, f"the check no longer flags {category} in: {text}"
    return found[0]


@pytest.mark.parametrize("category,sentence,around,severity,audience,stage", CASES, ids=[c[1][:30] for c in CASES])
def test_every_rewrite_clears_its_own_category(category, sentence, around, severity, audience, stage):
    ctx = Context.of(severity, audience, stage)
    text = around + sentence
    options = rewrite(_finding(text, category, ctx), text, ctx)
    assert options, "at least one rewrite is offered"
    for option in options:
        again = check(option, ctx.severity, ctx.audience, ctx.stage, use_grammar=False)
        assert not [f for f in again.findings if f.category == category], (option, [f.text for f in again.findings])


def test_blame_becomes_what_the_process_allowed():
    ctx = Context.of("sev2", "general", "report")
    text = "Sam pushed the bad config to production."
    options = rewrite(_finding(text, "blame", ctx), text, ctx)
    assert all("Sam" not in o for o in options)
    assert any("process" in o for o in options)


def test_conjecture_first_offers_an_honest_not_yet_confirmed():
    ctx = Context.of("sev2", "general", "preliminary")
    text = "We think a faulty disk caused the errors."
    options = rewrite(_finding(text, "conjecture", ctx), text, ctx)
    assert options[0].startswith("We are still confirming whether a faulty disk caused the errors")


def test_a_stock_apology_becomes_one_that_names_the_impact_in_the_draft():
    ctx = Context.of("sev2", "general", "report")
    text = IMPACT + "We apologize for any inconvenience this may have caused."
    options = rewrite(_finding(text, "boilerplate", ctx), text, ctx)
    assert any("09:12" in o and "declined" in o for o in options)


def test_jargon_becomes_the_glossary_plain_words():
    ctx = Context.of("sev2", "general", "report")
    text = "Our CDN stopped serving images."
    options = rewrite(_finding(text, "jargon", ctx), text, ctx)
    assert any("the network of servers that delivers our pages close to you" in o for o in options)


def test_an_overpromise_becomes_the_specific_action():
    ctx = Context.of("sev2", "general", "report")
    text = ACTION + "This will never happen again."
    options = rewrite(_finding(text, "overpromise", ctx), text, ctx)
    assert "alert when card errors pass 1%" in options[0]


@pytest.mark.parametrize("sentence,expected", [
    # cutting the phrase would take the main verb with it: "We this may have caused." is never offered
    ("We apologize for any inconvenience this may have caused.", None),
    # a stock clause joined by "and" goes with its "and"
    ("Card payments failed for 40 minutes, and we take this matter very seriously.", "Card payments failed for 40 minutes."),
    # a side phrase cut cleanly
    ("Rest assured, your card details were never exposed.", "Your card details were never exposed."),
])
def test_cutting_a_stock_phrase_leaves_a_whole_sentence(sentence, expected):
    ctx = Context.of("sev2", "general", "report")
    options = rewrite(_finding(sentence, "boilerplate", ctx), sentence, ctx, use_model=False)
    assert options and not any(o.startswith("We this") or o.rstrip(".").endswith(" and") for o in options)
    if expected:
        assert expected in options


def test_a_commitment_rewrite_quotes_the_drafts_own_change_as_a_clause():
    ctx = Context.of("sev2", "general", "report")
    text = "We take this matter very seriously. We will add an alert when card errors pass 1%."
    options = rewrite(_finding(text, "boilerplate", ctx), text, ctx, use_model=False)
    assert "Here is what we are changing: we will add an alert when card errors pass 1%." in options
