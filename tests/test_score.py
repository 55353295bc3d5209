"""The 0-100 score means what docs/score.md says: a liaison can trust a high number and read why it is low."""
from __future__ import annotations

from pathlib import Path

import pytest

import drafting

ROOT = Path(__file__).resolve().parent.parent
GOOD_UPDATE = (
    "Between 09:10 and 10:40 UTC on Tuesday 4 March, card payments through Checkout failed for about 18% of "
    "attempts, and merchants saw declined orders. No card was charged twice and no payment was lost.\n\n"
    "A database change reduced the number of connections the payment service could open, so requests waited "
    "and failed. We restored the previous setting at 10:40 UTC and payments have worked normally since.\n\n"
    "We have added an alert when payment errors pass 1% for five minutes, and every database change now needs "
    "a second reviewer and a load test before release. We will publish the full report by Friday 7 March.\n\n"
    "We are sorry: for 90 minutes many of you could not take card payments. If you have questions, reply to "
    "this email or write to support@ledgerly.example.\n\nDana Whitfield, Head of Support"
)


def score(text: str, stage: str = "report", severity: str = "sev2") -> int:
    return drafting.check(text, severity, "general", stage, use_grammar=False).score


def test_a_draft_that_is_just_a_full_stop_scores_near_zero_not_81():
    assert score(".") <= 5
    assert score(". ") <= 5
    assert score("Update.") <= 5


def test_a_complete_careful_update_scores_high():
    assert score(GOOD_UPDATE) >= 70


def test_the_same_draft_missing_the_parts_its_stage_needs_scores_lower():
    without_changes_and_contact = GOOD_UPDATE.split("\n\nWe have added")[0]
    assert score(without_changes_and_contact) < score(GOOD_UPDATE) - 10


def test_placeholders_block_a_high_score_and_adding_them_never_raises_it():
    steps = [GOOD_UPDATE]
    steps.append(steps[-1].replace("We are sorry: for 90 minutes many of you could not take card payments.",
                                   "We are sorry that [say what customers lost, for example: for 2 hours you could not take card payments]."))
    steps.append(steps[-1].replace("Dana Whitfield", "[Your name]"))
    steps.append(steps[-1].replace("between 09:10", "between XX:XX"))
    steps.append(steps[-1] + "\n\nNext steps: TBD.")
    scores = [score(s) for s in steps]
    assert scores[0] >= 70
    assert all(later <= earlier for earlier, later in zip(scores, scores[1:])), scores
    assert max(scores[1:]) <= 40, scores


def test_a_template_full_of_prompts_scores_low():
    template = ("[Summary of the incident]\n\nImpact: [describe the impact]\nStart: XX:XX UTC\nEnd: XX:XX UTC\n\n"
                "Cause: TBD\n\nNext steps: <insert action items>\n\nRegards,\n[Your name]")
    assert score(template) <= 10


def test_a_long_careful_postmortem_is_not_sunk_by_its_length():
    report = drafting.draft((ROOT / "data/samples/payments_sre_template.md").read_text(encoding="utf-8"), "report",
                            "general", "sev1", company="Ledgerly", contact="support@ledgerly.example").text
    detail = (" The connection pool is the set of database connections the payment service shares. "
              "Our monitoring showed the p99 latency rising at 09:12 UTC, and the service's 5xx errors rose with it. "
              "Engineers compared the new setting with the old one and confirmed the change as the cause at 10:05 UTC.")
    long_report = report + "\n\n## Timeline in detail\n\n" + "\n\n".join(detail.strip() for _ in range(12))
    assert len(long_report.split()) > 800
    result = drafting.check(long_report, "sev1", "general", "report", use_grammar=False)
    assert len([f for f in result.findings if f.category == "jargon"]) >= 10  # plenty flagged...
    assert result.score >= 55, result.score_detail().explain()  # ...but the report is still a good one


def test_the_score_explains_itself_and_its_settings_live_in_data():
    result = drafting.check("An engineer mistakenly deleted the table.", "sev2", "general", "report", use_grammar=False)
    text = result.score_detail().explain()
    assert text.startswith("Starts at 100") and "Blame" in text and "words" in text
    assert (ROOT / "data/score.yaml").is_file()


@pytest.mark.parametrize("dismissed", ["blame"])
def test_a_dismissed_finding_no_longer_costs_the_score(dismissed):
    result = drafting.check(GOOD_UPDATE + "\n\nAn engineer mistakenly deleted the table.", "sev2", "general", "report",
                            use_grammar=False)
    assert any(f.category == dismissed for f in result.findings)
    assert result.without(lambda f: f.category == dismissed).score > result.score
