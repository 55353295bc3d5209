"""Stories from rounds 34 and 35 about what failed and why: a chat author's surname, a depot's city and a status
page's component list are not products; partners introduced as "the 3PL" or "(our CA — ...)" are never named; a cause
told by a provider's suspension, a partner's changed data or a full volume gets the plain sentence of its kind, and a
ruled-out deploy or an e-mail that "went out" is no change of ours. The write-ups are invented for the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

TEAMS_CHAT = """\
Ferrybook Ops - Night Shift (Teams chat, copied for OPS-118)

--- Friday 7 March ---

[10:02 PM] Keanu Makoa
guys booking checkout says "Payment failed" for lots of people since 9:50

[10:04 PM] Keanu Makoa
web and app both

[10:09 PM] Hana Ito
seeing 3DS timeouts, checking the firewall rule from today

[10:31 PM] Keanu Makoa
ok recovering. 9:50 to 10:28 PM checkout failing, 214 failed checkouts.

[10:40 PM] Hana Ito
Keanu Makoa can you write the summary
"""


def test_a_chat_authors_surname_is_never_the_product():
    """Given a Teams paste whose messages are headed "[10:02 PM] Keanu Makoa", "Makoa" is a person, not the product."""
    sheet = build_sheet(TEAMS_CHAT)
    assert not any("Makoa" in p for p in sheet.texts("products"))


DEPOT_POSTMORTEM = """\
# Postmortem: No delivery slots for Otago postcodes at checkout

Incident date: 8 July 2025

On Tue 8 July from 7:45am to 10:20am (Auckland time) the slot picker showed no slots for every Otago postcode.
Cause: the overnight capacity file from our delivery partner changed the Dunedin depot code from `DUD1` to `DUD-01`;
our import treated that as a new depot and loaded zero capacity for Dunedin. Fixed by mapping the code and re-running the import.
Rivermark Haulage is the 3PL that does our big-item deliveries; they told us about the new codes by email.
Click & collect from the Dunedin store still worked. Zero capacity for Dunedin → zero slots.

## What customers saw
- Checkout → delivery step → "No delivery slots available"
- about 310 checkout sessions with an Otago postcode hit "no slots"
- 6 switched to click & collect

## Action items
| Action | Owner |
|---|---|
| Alert when any region has zero slots for the next 3 days | Mere |
| Ask Rivermark Haulage for 7 days notice before format changes | Sione |
"""


def test_a_depots_city_is_not_the_product_and_the_partner_is_never_named():
    """Given a depot city ("Dunedin") and "Rivermark Haulage is the 3PL that ...", the draft names neither as the
    product, never names the partner, and gives the cause as a partner's changed data, not overload."""
    sheet = build_sheet(DEPOT_POSTMORTEM)
    assert not any("Dunedin" in p for p in sheet.texts("products"))
    assert "partners changed part of the data" in str(sheet.cause_plain.value)
    text = draft(DEPOT_POSTMORTEM, "report", "general", "sev4").text
    assert "Rivermark" not in text and "Dunedin did not" not in text
    assert "could not keep up" not in text
    assert "Fixed by" not in text and "6 switched" not in text


STATUS_COMPONENTS = """\
# Retrospective: controllers offline after certificate renewal

**Services affected:** Rainmark Cloud – Device Connectivity, Rainmark Cloud – Remote Control API
**Customer impact:** 05:52–09:40 PDT, Tue Jul 15 2025

At 05:51 PDT the broker's server certificate was renewed. The renewal picked up the new intermediate from Trustwell
(our CA — not a Trustwell outage, the chain change was announced in May). Controllers on firmware 3.x ship with a
pinned trust bundle that lacks the new intermediate, so every 3.x controller that reconnected failed the handshake.

Because controllers keep their schedule locally, scheduled watering kept running. What broke for customers:

- controllers showed "Offline" in the app
"""


def test_components_under_one_product_are_that_product_and_the_ca_is_never_named():
    """Given two "Rainmark Cloud – ..." components, the product is "Rainmark Cloud"; the CA named "(our CA — ...)" stays
    out of drafts; "What broke for customers:" is no sentence; the cause is the replaced certificate, not what kept
    running."""
    sheet = build_sheet(STATUS_COMPONENTS)
    assert sheet.texts("products")[0] == "Rainmark Cloud"
    assert "certificate" in str(sheet.cause_plain.value)
    text = draft(STATUS_COMPONENTS, "report", "general", "sev2").text
    assert "Trustwell" not in text and "What broke for customers" not in text
    assert "kept running" not in text.split("## Why it happened")[1].split("##")[0]


PROVIDER_RETRO = """\
Retrospective - booking emails delayed (Thu 11/09)

**Summary**

On Thursday 11 September, confirmation emails sent on behalf of our customers were delayed from 14:20 until 20:35 UTC.
Booking itself was never down: bookings could be made and changed from the dashboard. The delay happened because our
email delivery provider, Mailfort, automatically suspended our sending domain after one customer's bulk send produced
a very high bounce rate.

*Correction (v2): the first version of this doc said the delay ended at 19:10. Rafael checked the worker logs and the
last delayed email went out at 20:35, so the window is 14:20–20:35.*

**What happened**

Our first guess was a problem in our own queue after that morning's deploy. That guess was wrong; the deploy had
nothing to do with it. Mailfort lifted the suspension at 19:10 and the backlog went out by 20:35.

**Impact**

- About 28,000 emails delayed.
- No emails lost, no duplicates (we checked because support was worried about double reminders — ruled out).
"""


def test_a_providers_suspension_is_its_own_cause_and_a_ruled_out_deploy_is_no_change_of_ours():
    """Given a provider's suspension as the cause and "the deploy had nothing to do with it", the draft never says "A
    change we made"; the correction note about "this doc" and the bracketed "we checked ..." aside stay out."""
    sheet = build_sheet(PROVIDER_RETRO)
    assert "outside provider" in str(sheet.cause_plain.value) and "suspended" in str(sheet.cause_plain.value)
    text = draft(PROVIDER_RETRO, "report", "general", "sev3").text
    assert "A change we made" not in text
    assert "this doc" not in text and "Correction" not in text and "we checked" not in text
    assert "Mailfort" not in text


FULL_VOLUME = """\
MAJOR INCIDENT REPORT - claim uploads failed
All times UTC.

1.4 Root cause is confirmed: the document gateway's staging volume reached 100% capacity because the scheduled job
that moves files to long-term storage had been failing for two days after its service password expired.
1.5 The incident was classified Priority 1 / Severity 1 owing to the customer impact.
1.6 Approximately 6,800 online claim submissions failed between 04:35 and 09:20.
"""


def test_a_volume_filled_to_capacity_is_storage_not_overload_and_the_classification_is_kept_out():
    """Given "the staging volume reached 100% capacity", the cause is storage running out, not "could not keep up";
    "The incident was classified Priority 1" is internal and never in a draft."""
    sheet = build_sheet(FULL_VOLUME)
    assert "storage space" in str(sheet.cause_plain.value)
    text = draft(FULL_VOLUME, "report", "general", "sev1").text
    assert "classified" not in text and "could not keep up" not in text
