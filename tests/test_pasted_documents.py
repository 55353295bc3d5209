"""Stories: write-ups pasted from a document editor, a spreadsheet or a status-page history are read as well as
Markdown ones.

Editors found drafts of a Google Doc paste with no product ("our service"), its remedies and action table unread,
its comment anchors ("[b]") in the text, and another customer's impact passed off as the reader's own. They
found windows read in the wrong zone when an engineering annex keeps UTC, and an end taken from the first time
after "IMPACT END". These write-ups are invented for the tests.
"""
from __future__ import annotations

from drafting import draft
from drafting.facts.build import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

# A postmortem pasted from a document editor: bare-line headings, comment anchors and the comment thread at the
# end, an action table split by "|" with no Markdown rule under its header.
GDOC = """\
Postmortem: Payslips emailed twice via Payroll Mail — 3 Mar 2025
PM-INC-0211  |  Sev 2  |  Status: DRAFT v2  |  Author: Irene Calloway

All times UTC unless noted.

Summary
Between 07:10 and 09:25 UTC on Mon 3 Mar, Tallyport Payroll Mail sent the same payslip email two or three times to
employees of 2,140 companies. Payslip amounts were right; only the emails were repeated[a]. Clean-up of the queue
finished at 11:00.

Impact
- 2,140 companies had employees who got duplicate payslip emails
- 96,300 duplicate emails in total
- Payroll runs, bank payments and tax filings were not affected

Root cause
Confirmed.
The Wren mail worker was rolled to 100% of tenants at 07:02 (PAY-880). When the mail provider answered slowly, Wren resent the whole batch instead of the unsent part.

Remediation for customers
- Duplicate emails: removed from the employee portal inbox automatically (done 11:00, 3 Mar). Customer doesn't need to do anything.
- Companies that forwarded payslips themselves: customer needs to ask employees to delete the second copy.
- All 2,140 affected companies: one month's Payroll Mail fee credited on the next invoice.

Action items
Action | Owner | Ticket
Send only the unsent part of a batch after a slow reply | Irene | PAY-884
Alert when one batch sends more emails than it has payslips | Bo | OBS-91

Comms
Please don't use "Wren" outside eng.

[a]Bo Lindgren: are we sure amounts were right? checked 40 samples, all fine
"""


def test_a_pasted_document_is_read_by_its_bare_headings():
    sheet = build_sheet(GDOC)
    assert sheet.texts("products") == ["Tallyport Payroll Mail"]
    remedies = " ".join(sheet.texts("remedy"))
    assert "Duplicate emails were removed from the employee portal inbox automatically" in remedies
    assert "you need to ask employees to delete the second copy" in remedies
    actions = " ".join(sheet.texts("actions"))
    assert "Send only the unsent part of a batch" in actions and "Irene" not in actions and "PAY-884" not in actions


def test_its_drafts_name_the_product_and_say_what_customers_must_do_without_the_comments():
    d = draft(GDOC, "report", "general", "sev2", contact=CONTACT)
    assert "Tallyport Payroll Mail" in d.text
    assert "you need to ask employees to delete the second copy" in d.text
    assert "[a]" not in d.text and "Bo Lindgren" not in d.text and "40 samples" not in d.text
    assert "Wren" not in d.text
    assert "A change we made" in d.text  # "rolled to 100% of tenants": a change we made, said plainly


def test_another_customer_named_in_a_line_label_never_becomes_the_readers_impact():
    text = GDOC.replace("- Payroll runs, bank payments", "- Hollis Freight (enterprise) — 40 depot managers got six copies each\n- Payroll runs, bank payments") \
               .replace('Please don\'t use "Wren" outside eng.', 'Please don\'t use "Wren" outside eng, and never mention Hollis Freight.')
    for stage, audience in (("followup", "executive"), ("report", "general")):
        d = draft(text, stage, audience, "sev2", contact=CONTACT, account="Northwind")
        assert "depot managers" not in d.text and "Hollis" not in d.text, (stage, audience)


REGULATOR = """\
Major incident report — Fenwick Mutual — intermediate report
Drafting note — all times are Paris time (CEST, UTC+2) in sections 1-6; the Annex uses UTC.

1. The incident lasted from 23 September 2025, 10:15 CEST, to 25 September 2025, 16:40 CEST.
2. Policyholders using versions 5.0-5.2 of the Fenwick Mutual app could not submit claim declarations; 1,902 declarations were lost.
3. Root cause: a scheduled update to the claims platform introduced a stricter date format.

ANNEX A — ENGINEERING (INTERNAL) — times UTC
2025-09-23 08:15  claims-api v2025.38 deployed. old app versions get HTTP 422
2025-09-25 14:40  hotfix v2025.38.1: both formats accepted. IMPACT END
"""


def test_an_annex_that_keeps_its_own_zone_does_not_move_the_window():
    sheet = build_sheet(REGULATOR)
    assert f"{sheet.start.value:%Y-%m-%d %H:%M}" == "2025-09-23 08:15"
    assert f"{sheet.end.value:%Y-%m-%d %H:%M}" == "2025-09-25 14:40"
    d = draft(REGULATOR, "report", "general", "sev1", contact=CONTACT)
    assert "10:15" in d.text and "08:15 UTC" in d.text


STATUS_HISTORY = """\
Status page admin — incident draft history
Incident: "Delays sending repeat prescriptions"   internal ref RX-INC-77 (SEV2)
Page: status.pillbarn.com   Components: Repeat prescriptions, Home delivery
(copied out of the status page admin, 8/12/2025)

REVISION 3 — PUBLISHED 1:52 PM MDT
Body:
  From 5:52 AM to 1:18 PM MDT today, repeat prescriptions placed on Pillbarn were not sent to pharmacies.
  About 2,900 orders are affected and most will ship 1-2 business days later than usual.

ENG NOTES — times UTC
- 11:52Z first 403 from the pharmacy network API
- 19:18Z switched to the fallback route, requests going out. IMPACT END (5:52 AM–1:18 PM MDT)
"""


def test_a_status_page_history_gives_its_components_and_the_end_of_its_stated_range():
    sheet = build_sheet(STATUS_HISTORY)
    assert sheet.texts("products") == ["Repeat prescriptions", "Home delivery"]
    assert f"{sheet.start.value:%H:%M}" == "11:52" and f"{sheet.end.value:%H:%M}" == "19:18"


CSV_LOG = """\
INC-0412 event log (exported from the night ops sheet) — all times AEDT
date,time_aedt,who,system,event
2025-11-21,23:45,auto,db,"Failover done"
2025-11-22,02:31,mei.t,ingest,"Queued returns replayed. IMPACT END"

Summary

Between 11:47 PM Fri 21 Nov and 2:31 AM Sat 22 Nov (AEDT), scooters parked at Quaywheel bays weren't registered as
returned. 1,071 rides stayed open and 688 riders were charged overtime they didn't owe.

Cause (confirmed): the planned database upgrade moved to a new primary, but the bay event service kept writing to the old one.
"""


def test_a_summary_range_across_midnight_in_local_time_is_the_window():
    sheet = build_sheet(CSV_LOG)
    assert f"{sheet.start.value:%Y-%m-%d %H:%M}" == "2025-11-21 12:47"
    assert f"{sheet.end.value:%Y-%m-%d %H:%M}" == "2025-11-21 15:31"


CERT = """\
# Remote start failing for Voltbay chargers (sev2)

Friday 18 July 2025, times CDT.

From 16:40 to 19:05 CDT drivers could not start or stop charging from the Voltbay app. 11,380 start attempts failed.

Cause (confirmed): the quarterly rotation job replaced the client certificate we use to send commands to the
charger network, and the network's gateway did not trust the new one. Rollback attempt fails: the old certificate
was revoked at rotation. We issued a new certificate from the old chain at 19:05.

## Actions
- Check partner trust stores before any certificate rotation.
"""


def test_a_replaced_certificate_whose_rollback_failed_is_told_as_it_was():
    d = draft(CERT, "report", "general", "sev2", contact=CONTACT)
    assert "A security certificate that our service relies on was replaced" in d.text
    assert "We have since undone that change" not in d.text
    assert "expired" not in d.text


THEORY = """\
# Award bookings failed after points were deducted

Tuesday 3 June 2025, times JST. From 19:20 to 22:05 JST, 4,385 award bookings failed after points were deducted.

## Root cause

**Status: working theory, not validated.** Partner log review is outstanding and we have not reproduced it in staging.

Working theory: the partner's seat-hold endpoint slowed down and our booking service retried the whole booking,
including the points debit.

## Actions
- Add an idempotency key to the points debit.
"""


def test_a_working_theory_that_is_not_validated_is_never_told_as_the_cause():
    sheet = build_sheet(THEORY)
    assert sheet.cause_status.value == "suspected"
    d = draft(THEORY, "report", "general", "sev2", contact=CONTACT)
    assert "We have confirmed the cause" not in d.text and "retried" not in d.text
