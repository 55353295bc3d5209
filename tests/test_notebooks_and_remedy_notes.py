"""Stories: an analyst's notebook summary whose parts are bold numbered titles, and remedies written as notes.

Editors of round 12 found a notebook's remedies left out of every draft ("PHP 50 bonus credit to each of the
21,774 players ..., credited 24 Feb, expires 31 Mar" has no verb, so it was dropped as a fragment), its
follow-ups never read as changes (the "**[10]** Follow-ups" title was not a heading), "The data in [2]
shows ..." pasted in, and "our service" where the write-up calls it "the live scoring incident". These
write-ups are invented for the tests.
"""
from __future__ import annotations

from drafting import draft
from drafting.facts.build import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

NOTEBOOK = """\
# meal_kit_slots_0611.ipynb - exported summary
_Author: Tamsin Hollow (Analytics) · Reviewed: Dev Anand (Eng) · Last run: 2025-06-12 09:30 AEST_

> Purpose: pin down the numbers for the Wed 11 Jun delivery slot booking incident so Care can send the update.

**[1]**
```python
slots = pd.read_parquet("s3://crateful-analytics/0611/slot_events.parquet")
```

**[2]** Failed slot bookings per minute, 17:00-21:00 AEST
Failures start at **18:05 AEST** and stop at 19:50 AEST.

**[3] CORRECTION to the window**
Care used 18:30-19:50 from the first call. The data in [2] shows customers could not pick a slot from 18:05. Please use:

| | AEST | UTC |
|---|---|---|
| Impact start | 11 Jun 18:05 | 11 Jun 08:05 |
| Impact end | 11 Jun 19:50 | 11 Jun 09:50 |

**[4]** Who was hit
2,318 customers could not book a delivery slot for this week's box.

**[5]** Remedies agreed (Care to send)
- AUD 15 credit to each of the 2,318 customers, credited 12 Jun, expires 31 Jul.
- Delivery fee waived on the next order for everyone affected.
- Customers don't need to do anything.

**[6]** Notes, don't forward
- Dev Anand has the vendor ticket; @tamsin.h is on the numbers.

**[7]** Follow-ups
- Alert when slot booking failures pass 2% for five minutes.
- Hold back automatic slot release while booking errors are high.
"""


def test_a_notebook_s_bold_numbered_titles_open_its_parts():
    sheet = build_sheet(NOTEBOOK)
    actions = " ".join(sheet.texts("actions"))
    assert "slot booking failures" in actions and "slot release" in actions
    remedies = " ".join(sheet.texts("remedy"))
    assert "We are giving an AUD 15 credit to each of the 2,318 customers" in remedies
    assert "expires on 31 Jul" in remedies
    assert "fee was waived on the next order for everyone affected." in remedies
    assert not any("Remedies" in f["reason"] and f["item"] == "internal details" for f in sheet.flags)


def test_a_general_report_from_the_notebook_tells_the_remedies_and_names_the_feature():
    text = draft(NOTEBOOK, "report", "general", "sev2", contact=CONTACT).text
    assert "AUD 15 credit" in text and "31 Jul" in text
    assert "fee was waived on the next order" in text
    assert "delivery slot booking" in text  # "the Wed 11 Jun delivery slot booking incident": what customers used
    assert "[2]" not in text  # a reference to another cell is not for customers
    assert "Dev Anand" not in text and "Tamsin" not in text and "tamsin" not in text


def test_a_currency_code_beside_an_amount_is_not_jargon_for_a_general_reader():
    text = draft(NOTEBOOK, "preliminary", "general", "sev2", contact=CONTACT).text
    assert "AUD 15 credit" in text


REMEDY_NOTES = """\
Incident review: bill payments failed in the Riverside Water app, Tuesday 3 June 2025, 07:40-09:10 UTC.

## Impact
1,126 customers could not pay their bill in the app.

## Remedies
- Late fees waived for June for every customer who tried to pay in the window.
- Duplicate card charges refunded 4 June.
- $10 credit to every customer who could not pay, applied to the July bill.

## Root cause
A certificate on the payment page expired; it was renewed at 09:08 UTC.
"""


def test_remedies_written_as_past_participle_notes_are_said_as_sentences_with_their_dates():
    text = draft(REMEDY_NOTES, "report", "general", "sev2", contact=CONTACT).text
    assert "Late fees were waived for June for every customer who tried to pay in the window." in text
    assert "Duplicate card charges were refunded on 4 June." in text
    assert "We are giving a $10 credit to every customer who could not pay" in text and "applied to the July bill" in text


TICKETS = """\
# Duplicate charges on ticket orders - incident notes

## Impact
- Between 7:12pm and 8:03pm Eastern on Saturday 5 April 2025, 2,318 orders were charged twice.

## Remedies
- Refunds for every duplicate went out this morning automatically. Buyers don't need to do anything.

## Cause
A retry setting in the payment step sent some charges twice; it was rolled back at 8:03pm.
"""


def test_a_remedy_that_is_already_a_sentence_is_kept_as_written():
    text = draft(TICKETS, "report", "general", "sev2", contact=CONTACT).text
    assert "Refunds for every duplicate went out automatically." in text  # kept, without the writer's "this morning"
    assert "We are giving refunds" not in text and ".." not in text


def test_a_time_written_with_pm_and_a_zone_name_gets_no_second_zone_word():
    text = draft(TICKETS, "report", "general", "sev2", contact=CONTACT).text
    assert "ETpm" not in text and "pm ET" not in text.replace("pm ET)", "")
