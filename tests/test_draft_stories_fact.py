"""Story tests for the fact sheet's product, cause and jargon rules and for drafts without bracketed prompts.

The write-ups are small and invented; every rule they exercise has its cues in data files
(data/drafting/extract.yaml, data/drafting/templates.yaml, data/glossary.yaml)."""
from __future__ import annotations

import pytest

import drafting
from drafting.facts import build_sheet

CONTACT = "Sam Lee <help@example.com>"

# a confirmed cause told only with a change id, a setting and a rollback: no sentence a customer may read
INTERNAL_CAUSE = """Incident: Dunmore Parcels app tracking delayed, 3 Jun 2025
Severity: sev2

## Impact
From 09:10 UTC to 10:25 UTC, customers saw old delivery status in the Dunmore Parcels app. About 18,000 tracking updates were delayed and none were lost.

## Notes
Root cause confirmed: CHG-5512 went out at 09:05 (poll_interval_ms 300000 -> 30000 on notifier-svc) and every worker got evicted mid-batch (Priya).
Rolling back CHG-5512 at 10:10 fixed it.

## Action items
- Load test settings changes with real batches
"""

# an e-mail thread about a region: neither "From" nor the place is the product
EMAIL = """From: Dana Wu <dana.wu@example.org>
To: Lee Park <lee.park@example.org>
Subject: Fwd: login failures Singapore

Customers in Singapore could not log in to the Orbita Wallet app from 08:00 UTC to 08:50 UTC on 2 July 2025.
About 3,200 customers saw an error on login. Customers on the Orbita Wallet app in Singapore had to retry.
Root cause: a certificate on our login servers expired and was not renewed in time.
"""

# finance words general readers do not know
PAYROLL = """# Review: Corvel Payroll deposits late, 14 Mar 2025
Severity: sev1

## Impact
From 13:00 UTC to 21:00 UTC on 14 March 2025, 412 employers using Corvel Payroll saw employee deposits arrive late because our ACH file missed the bank's cutoff.

## Root cause
Our payment file was sent after the cutoff because the transfer server rejected our connection, and we did not get an acknowledgement file from the bank.

## Action items
- Alert when the bank's acknowledgement file has not arrived an hour before the deadline
"""


def test_a_preliminary_without_a_review_date_says_when_in_words_not_a_prompt():
    d = drafting.draft(INTERNAL_CAUSE, "preliminary", "general", "sev2", contact=CONTACT, use_model=False)
    assert "once our review is complete" in d.text
    assert "[" not in d.text
    assert not [f for f in d.findings if f.category in ("placeholder", "structure")], d.findings


@pytest.mark.parametrize("audience", ["technical", "general", "executive"])
def test_a_cause_told_only_in_internal_words_becomes_a_plain_summary_never_a_bracket(audience):
    sheet = build_sheet(INTERNAL_CAUSE)
    assert sheet.cause_status.value == "confirmed"
    assert "change" in str(sheet.cause.value).lower() and "CHG" not in str(sheet.cause.value)
    d = drafting.draft(INTERNAL_CAUSE, "report", audience, "sev2", contact=CONTACT, use_model=False)
    why = d.text.split("## Why it happened")[1].split("## ")[0] if "## Why it happened" in d.text else d.text.split("## Cause")[1].split("## ")[0]
    assert "[" not in d.text and "not yet confirmed" not in why
    assert "A change we made to our service caused the problem." in why
    for leak in ("CHG-5512", "poll_interval_ms", "notifier-svc", "Priya"):
        assert leak not in d.text


def test_an_email_header_or_a_place_is_never_the_product():
    names = build_sheet(EMAIL).texts("products")
    assert not any(n.split()[0] in ("From", "To", "Subject", "Singapore") for n in names), names
    assert any("Orbita Wallet" in n for n in names), names
    d = drafting.draft(EMAIL, "preliminary", "general", "sev2", contact=CONTACT, use_model=False)
    assert "Orbita Wallet" in d.text and "[" not in d.text


@pytest.mark.parametrize("audience", ["general", "executive"])
def test_finance_jargon_is_explained_for_general_and_executive_readers(audience):
    d = drafting.draft(PAYROLL, "report", audience, "sev1", contact=CONTACT, use_model=False)
    import re
    for term in ("ACH", "cutoff", "acknowledgement file"):
        hits = list(re.finditer(r"(?i)(?<![\w-])" + re.escape(term) + r"(?![\w-])", d.text))
        assert not hits or any(re.match(r"\s*\(", d.text[m.end(): m.end() + 3]) for m in hits), (term, d.text)


FIGURES = """# Review: Pellin Pay transfers late, 5 May 2025

## Impact
From 10:00 UTC to 12:30 UTC on 5 May 2025, transfers in the Pellin Pay app were late.
- **$48,200** in transfers in the delayed batch
- 730 households, 1,120 payees were paid a day late
"""


def test_every_figure_in_the_impact_section_reaches_the_fact_sheet():
    pool = " ".join(build_sheet(FIGURES).texts("numbers"))
    for fig in ("$48,200", "730 households", "1,120 payees"):
        assert fig in pool, pool


TICKET_FIELDS = """[OPS-12] Meter readings late in the Voltaro app
Status:       Resolved
Resolution:   Fixed
Component/s:  reading-pipeline, ingest-svc, meter-webhooks
Labels:       sev3

Description
Customers saw yesterday's meter readings in the Voltaro app from 08:00 UTC to 09:10 UTC on 3 March 2025.
"""


def test_a_ticket_field_list_is_never_told_as_how_it_was_fixed():
    assert not [r for r in build_sheet(TICKET_FIELDS).texts("resolution") if "pipeline" in r or "webhooks" in r]
    d = drafting.draft(TICKET_FIELDS, "report", "general", "sev3", contact=CONTACT, use_model=False)
    assert "reading-pipeline" not in d.text and "meter-webhooks" not in d.text
