"""Stories from the third and fourth unseen rounds: what editors found in drafts of write-ups no one had tuned on,
each turned into a general rule (invented text here, not the write-ups themselves)."""
from __future__ import annotations

from drafting import draft
from drafting.config import CompanyConfig
from drafting.facts.build import build_sheet
from drafting.redact import Redactor, code_names

CONTACT = "Ana Silva <help@example.com>"


def test_an_unticked_root_cause_checkbox_is_still_to_do_and_the_draft_never_claims_the_cause():
    writeup = """# Listing photos missing (Tessel marketplace) — PRELIMINARY

> Root cause is **NOT known yet**; everything under Theories is a guess.

From 09:10 to 10:25 UTC on 3 June 2025, buyers on the Tessel marketplace saw grey boxes instead of listing photos.
About 41% of listing pages were affected.

## Theories
- The image cache may have been evicted by the new deploy.

## Checklist
- [x] Mitigated
- [ ] Root cause identified
- [ ] Public review posted
"""
    sheet = build_sheet(writeup)
    assert sheet.cause_status.value != "confirmed"
    for stage in ("preliminary", "report"):
        text = draft(writeup, stage, "general", "sev2", contact=CONTACT).text
        assert "We have identified the cause" not in text and "We have confirmed the cause" not in text
        assert "not yet confirmed the cause" in text
        assert "image cache" not in text


def test_notes_to_the_team_never_reach_a_customer():
    writeup = """# Duplicate reminder emails (Clinicly)

From 07:00 to 08:15 UTC on 9 April 2025, patients of Clinicly received the same appointment reminder two or three times.
About 12,400 duplicate reminders were sent.

## Customer remedy
- Support will reply to each complaint personally; please don't mention the affected clinics in any public notice.
- Account team to confirm the credit amounts before Friday.
- No action is needed from patients or clinics.
"""
    for audience in ("general", "technical"):
        text = draft(writeup, "report", audience, "sev2", contact=CONTACT).text
        assert "public notice" not in text and "Account team" not in text


def test_section_numbers_and_labels_stay_out_of_sentences():
    writeup = """Incident report — Ferrow Bank mobile app

1. Summary

1.1 Between 06:00 and 08:30 UTC on Friday 4 July 2025, customers using the Ferrow Bank mobile app saw their card payments listed twice.
1.2 No money was taken twice.

2. Remedy

2.1 Any overdraft fees charged on 4 July will be refunded automatically by 11 July 2025.
"""
    text = draft(writeup, "report", "general", "sev1", contact=CONTACT).text
    assert "1.1 " not in text and "2.1 " not in text
    assert "refunded automatically" in text


def test_a_payment_provider_is_never_the_product():
    writeup = """# Deposits taken twice — Casavia booking engine

Our payment provider Quorra was slow that morning (their status page shows it). When Quorra was slow, the Casavia
booking engine retried the charge with a new key each time, so guests were charged twice.
From 08:00 to 09:40 UTC on 12 July 2025, 900 guests had a deposit taken twice. All duplicates were refunded automatically.
"""
    sheet = build_sheet(writeup)
    assert not any("Quorra" in p for p in sheet.texts("products"))
    assert "Quorra" not in draft(writeup, "preliminary", "general", "sev2", contact=CONTACT).text.splitlines()[0]


def test_people_who_act_and_project_code_names_are_internal_details():
    writeup = """Enrolment pages were slow on Friday. The pages run on the new front end (the Tūī project).
Around 13:30 Mereana restarted the front-end servers and the pages came back for a while.
Automatic retries had been switched off during the "Harbour" ledger migration.
"""
    red = Redactor.build(writeup, CompanyConfig())
    assert "Mereana" in red.staff
    names = code_names(writeup)
    assert "Tūī" in names and "Harbour" in names
    assert "Postgres" not in code_names("The Postgres migration ran overnight and our Ledger migration too.")


def test_a_line_labelled_unconfirmed_never_reaches_a_draft():
    writeup = """# Status pages slow (Beaconly) — SRE note

- impact 14:03-14:51 UTC, 24 June 2025: hosted status pages loaded slowly or timed out for about 30% of visitors.
- unconfirmed: some custom domains showed certificate errors too. not reproduced, don't state.
- cause confirmed: a cache node ran out of memory after a config change.
"""
    for stage in ("preliminary", "report"):
        text = draft(writeup, stage, "technical", "sev3", contact=CONTACT).text
        assert "certificate errors" not in text
