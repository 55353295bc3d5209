"""Stories from rounds 34 and 35 about sentences and figures in drafts: a table's lengths of time are no counts, a
remedy keeps the plan it is for, a ticket's requester's own words are never ours, the team's lost time and its
to-dos about the customer e-mail stay out, and a code word keeps its capitals. The write-ups are invented."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

ENCODE_POSTMORTEM = """\
# Postmortem: INC-3310 - thumbnail jobs failing in eu-west-1

**Start time corrected in v2.** The first failure is `2025-04-08T09:02:11Z`.

## Overview

On Tuesday, April 8, thumbnail jobs that asked for AVIF outputs failed between 09:02 and 10:40 UTC.

We first chased 502s from our CDN partner; that was a red herring. ~20 min lost there.

```
2025-04-08T09:02:11Z thumb-07 worker: job=j_81 format=avif THUMB_INIT_FAILED
```

## Impact

| | |
|---|---|
| Customer impact window | 98 min — 09:02–10:40 UTC, Tue Apr 8 |
| Time in SEV-2 | 71 min |
| Jobs failed (terminal `THUMB_INIT_FAILED`) | **5,118** |
| Jobs delayed > 10 min but completed | ~12,400 |
| Peak p95 queue time | 33 min (normal ~4 s) |
| Accounts affected (≥1 failed job) | **402**, of which 21 Enterprise |
| `job.failed` webhooks sent | 5,118 |

## Customer remedy

- **Enterprise:** SLA credit of 10% of the April platform fee, applied automatically to the May invoice.
- **Accounts without auto-retry:** must resubmit failed jobs from the dashboard.
"""


def test_a_tables_lengths_of_time_are_not_counts_and_its_labels_keep_no_code():
    """Given "Time in SEV-2 | 71 min" and "Peak p95 queue time | 33 min", the sheet never says "There were 71 min.";
    "402, of which 21 Enterprise" is "402 accounts were affected."; "> 10 min" is "more than 10 min"; a code word in
    backticks is never run together ("THUMBINITFAILED")."""
    numbers = build_sheet(ENCODE_POSTMORTEM).texts("numbers")
    assert not any("There were 71" in n or "There were 33" in n or "webhooks" in n for n in numbers)
    assert "402 accounts were affected." in numbers
    assert any("were delayed more than 10 min" in n for n in numbers)
    assert not any("INITFAILED" in n or "THUMB" in n for n in numbers)


def test_a_remedy_keeps_the_plan_it_is_for_and_what_a_group_must_do():
    """Given "**Enterprise:** SLA credit of 10% ..." and "**Accounts without auto-retry:** must resubmit ...", the credit
    is told for Enterprise customers only and the group keeps its subject."""
    remedies = build_sheet(ENCODE_POSTMORTEM).texts("remedy")
    assert any(r.startswith("For Enterprise customers, we are giving an SLA credit of 10%") for r in remedies)
    assert "Accounts without auto-retry must resubmit failed jobs from the dashboard." in remedies


def test_the_teams_lost_time_is_never_harm_and_a_code_word_keeps_its_capitals():
    """Given "~20 min lost there." after a red herring, no draft tells it; "AVIF", written "format=avif" in a log line,
    stays in capitals."""
    sheet = build_sheet(ENCODE_POSTMORTEM)
    assert not any("lost there" in h for h in sheet.texts("harm"))
    text = draft(ENCODE_POSTMORTEM, "report", "technical", "sev2").text
    assert "lost there" not in text and "avif" not in text


TICKET = """\
Ticket #77120   Messages not sent!! paying for Summit plan
Status: Solved   Priority: High
Requester: Ingrid Solberg <ingrid.solberg@example.no>

----------------------------------------------------------------------
Ingrid Solberg                                       Jul 5, 2025 16:48
From 14:20 none of my check-ins arrived to my husband. The app say "Sending..." for hours. I want a refund.

----------------------------------------------------------------------
[Internal note] Moray Grant                          Jul 5, 2025 18:20
Ops window for comms: 13:20 – 17:05. About 3,900 devices had at least one message delayed.
"""


def test_a_tickets_requester_is_never_quoted_in_our_voice():
    """Given the requester's own message ("The app say "Sending..." for hours."), no draft uses a sentence of it."""
    sheet = build_sheet(TICKET)
    assert not any("Sending" in s for s in sheet.texts("symptoms"))
    text = draft(TICKET, "report", "general", "sev3").text
    assert "The app say" not in text and "husband" not in text


GITLAB_ISSUE = """\
giftly / platform / Issues / #4410

# Gift cards issued since ~3pm can't be redeemed at the till ("Card not recognised")

**Summary**

Today's release switched gift card issuance to the new number range and the till connector rejected the new cards.
Impact window: 3:10pm – 6:25pm ET, Fri Feb 14.

**Jeanne Laurier** · Feb 15, 2025 9:30am
Customer follow-up, agreed with Kate (Head of CS) this morning:
- Giftly waives all transaction fees for Feb 14 for the 96 affected restaurants. Applied automatically on the Feb statement.
- Restaurants who wrote down card numbers should redeem them by Feb 28; after that they need to contact support.

**Kwame Asante** · Feb 15, 2025 10:00am
Follow-ups:
- Figure out whether to mention the till vendor by name in the customer email - consensus was no.
- Add a contract test for every card number range the connector accepts.
"""


def test_a_customer_follow_up_list_is_remedies_and_a_to_do_about_the_email_is_no_change():
    """Given "Customer follow-up, agreed with ... :" over a list, its items are remedies; "Applied automatically on the
    Feb statement." leans on the line before and is no change; "Figure out whether to mention ... in the customer
    email" is the team's to-do; a tracker's breadcrumb is not the title."""
    sheet = build_sheet(GITLAB_ISSUE)
    assert any("should redeem them by Feb 28" in r for r in sheet.texts("remedy"))
    actions = sheet.texts("actions")
    assert not any("Applied automatically" in a or "customer email" in a for a in actions)
    assert "platform / Issues" not in str(sheet.title.value)
