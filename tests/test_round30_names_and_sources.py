"""Stories from round 30's editors: suppliers and other customers named in pasted lines, a greeting run into a
support reply, approved customer wording the drafts left out, and an e-mail thread whose window is only in the
replies it quotes. The write-ups are invented for the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

SUPPLIER_CHAT = """\
#inc-0733-invoices-missing
09:02 Ravi: invoices page empty for a lot of firms since ~08:40 UTC on Tuesday 4 March 2025
09:10 Ines: Ledgerbird is slow right now, their status page says degraded exports since 08:30
09:14 Ravi: opened ticket with Quaywise support too, they front our API (our CDN)
09:20 Ines: Ledgerbird being slow is the trigger but missing invoices is our bug: our importer treated a timeout as an empty list.
09:55 Ravi: importer fixed and re-run, invoices back for everyone at 09:50 UTC
09:58 Ines: Harrow & Pike are already on the phone about their month-end close, I will call them back.
"""


def test_a_supplier_a_cdn_and_another_customer_are_never_named_in_any_draft():
    """Given a chat that names the export supplier, the CDN in front of us and a customer on the phone, no draft
    names any of them, and the CDN is never taken for the product."""
    sheet = build_sheet(SUPPLIER_CHAT)
    assert not any("Quaywise" in p or "Ledgerbird" in p for p in sheet.texts("products"))
    for stage, audience in (("preliminary", "general"), ("report", "general"), ("report", "technical"), ("followup", "executive")):
        text = draft(SUPPLIER_CHAT, stage, audience, "sev2", contact="Sam Rivera <support@example.com>", account="Northwind").text
        for name in ("Ledgerbird", "Quaywise", "Harrow & Pike", "Harrow"):
            assert name not in text, (stage, audience, name)


def test_a_channel_slug_titles_the_draft_in_words():
    """Given a Slack export titled by its channel, "#inc-0733-invoices-missing", the heading says "Invoices missing"."""
    sheet = build_sheet(SUPPLIER_CHAT)
    assert sheet.headline.value.lower() == "invoices missing"
    report = draft(SUPPLIER_CHAT, "report", "general", "sev2")
    assert report.text.splitlines()[0].startswith("# Incident report: Invoices missing")
    assert "sorry for the invoices missing" not in report.text


TICKET_REPLY = """\
Ticket #40411   members charged the booking fee TWICE??
Status: Solved   Priority: High

Jordan (Support) - Jun 3, 2025, 2:40 PM
Hi Casey,
We'll send you the list of affected bookings once our engineers finish checking, and any duplicate fee is refunded in full.
Jordan

Internal note - Jordan - Jun 3, 2025, 3:15 PM
Between 1:05 PM and 2:35 PM Pacific a change we released retried slow payments without the duplicate guard, so some booking fees were charged twice. We undid that change at 2:35 PM.
"""


def test_a_greeting_is_never_part_of_a_sentence_a_draft_uses():
    """Given a support reply that opens "Hi Casey," on its own line, no fact of the sheet starts with the greeting."""
    sheet = build_sheet(TICKET_REPLY)
    values = [str(f.value) for name in ("symptoms", "numbers", "harm", "remedy", "resolution") for f in getattr(sheet, name)]
    values.append(str(sheet.cause.value))
    assert not any(v.startswith("Hi ") or "Hi Casey" in v for v in values)


def test_a_shouted_word_in_a_ticket_title_is_told_in_lower_case():
    """Given the title "members charged the booking fee TWICE??", the headline reads "... the booking fee twice"."""
    assert build_sheet(TICKET_REPLY).headline.value.endswith("booking fee twice")


ROADMAP_WITH_COMMS = """\
# Band sync failing with code 4410 - 12 May 2025

All times UTC.

## Summary
Between 06:10 and 11:40 UTC watch data did not sync to the app; people saw "Sync failed (4410)".

## Customer communication
Approved support wording (do not mention the gateway):
- Your readings stay safe on the watch for up to 5 days and upload on their own.
- Do not unpair your watch, because that removes readings that have not synced yet.

## Action items
| Action | Owner | Status |
|---|---|---|
| Staging replay test 7.2 vs 7.3 | Dana | open |
| Check gateway latency on the sync endpoint | Lee | open |
"""


def test_approved_customer_wording_reaches_the_drafts_as_what_customers_should_know():
    """Given a "Customer communication" part with approved wording, the report tells readers not to unpair their
    watch, and a staging replay or a check is never told as a change."""
    sheet = build_sheet(ROADMAP_WITH_COMMS)
    assert any("unpair" in r for r in sheet.texts("remedy"))
    report = draft(ROADMAP_WITH_COMMS, "report", "general", "sev2")
    assert "Do not unpair your watch" in report.text
    assert "adding tests" not in report.text


THREAD = """\
From: Ana Ortiz <ana@gazetteco.example>
Subject: RE: Paywall shown to subscribers this morning

Thanks, refunds approved. Sending the reader email at 3.

Ana

-----Original Message-----
From: Lee Park <lee@gazetteco.example>
Sent: Sunday, October 5, 2025 11:20 AM
Subject: Paywall shown to subscribers this morning

Fixed as of 10:55 a.m. ADT. Since about 7:10 a.m. ADT on Sunday 5 October paid subscribers were shown the paywall on the site and in the app.
"""


def test_a_window_told_only_in_the_quoted_reply_is_read_in_its_zone():
    """Given an e-mail whose latest message never restates the window, the quoted reply's "since about 7:10 a.m.
    ADT" to "10:55 a.m. ADT" is the window, in Atlantic daylight time (UTC-3)."""
    sheet = build_sheet(THREAD)
    assert sheet.start.value is not None and sheet.start.value.strftime("%Y-%m-%d %H:%M") == "2025-10-05 10:10"
    assert sheet.end.value.strftime("%H:%M") == "13:55"


OFFICE_CHAT = """\
Slack export #ops, Zagreb office
Fri 7 March 2025
9:40 PM Rui: card top-ups failing for everyone, "Top-up failed" in the app
11:05 PM Rui: top-ups working again since 11:00 PM, watching
"""


def test_a_write_up_that_writes_no_zone_is_read_on_the_clock_of_the_office_it_names():
    """Given a Slack export from the "Zagreb office" that writes no zone, its bare times are Zagreb's clock (CET,
    UTC+1 in March), so the window is 20:40 to 22:00 UTC, and the draft names the zone rather than "local time"."""
    sheet = build_sheet(OFFICE_CHAT)
    assert sheet.start.value is not None and sheet.start.value.strftime("%H:%M") == "20:40"
    assert sheet.end.value.strftime("%H:%M") == "22:00"
    assert "local time" not in draft(OFFICE_CHAT, "preliminary", "general", "sev2").text


def test_a_support_reply_that_says_an_update_we_released_caused_it_confirms_a_change_of_ours():
    """Given an internal note "a change we released retried slow payments ..." and a customer reply "a problem in
    an update we released caused some fees to be charged twice", the cause is a change we made, since undone."""
    text = TICKET_REPLY + """
Jordan (Support) - Jun 3, 2025, 4:00 PM
Hi Casey,
Good news, this is fixed. A problem in an update we released caused some booking fees to be charged twice. We've undone that update.
Jordan
"""
    sheet = build_sheet(text)
    assert sheet.cause_status.value == "confirmed"
    assert "A change we made" in str(sheet.cause_plain.value)


EXPLAINED = """\
# Paywall shown to paid subscribers - Sunday 5 October 2025

All times UTC.

## Summary
From 10:10 to 13:55 UTC paid subscribers were asked to subscribe again on the site and in the app.

## Root cause
Every morning our entitlement system (Lighthouse) pulls the subscriber list from billing. Today the list arrived empty and Lighthouse accepted it, so every subscriber was marked as lapsed.
"""


def test_a_name_the_write_up_explains_once_is_told_as_its_explanation():
    """Given "our entitlement system (Lighthouse)", the cause is told with "our entitlement system" and never names
    Lighthouse."""
    sheet = build_sheet(EXPLAINED)
    assert "Lighthouse" not in str(sheet.cause.value)
    assert "entitlement system accepted it" in str(sheet.cause.value)
    report = draft(EXPLAINED, "report", "general", "sev2")
    assert "Lighthouse" not in report.text and "entitlement system" in report.text
