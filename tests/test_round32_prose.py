"""Stories from round 32's and 33's editors about sentences lifted from the write-up: a customer's own comment told
in our voice, "those candidates" with nothing before it, words to support agents, log-book notes, the writer's
"early this morning", ticket counts and clock times told as figures, and section headings taken for the title. The
write-ups are invented for the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

ISSUE_THREAD = """\
# Fonts not loading since this morning, CORS error on fonts.example.net #1437

**kestrel-dev** commented on Sep 16, 2025

Hi, since about 8:20am PT our storefront is rendering everything in Times New Roman and our icon font shows empty boxes.

---

**rsuleiman** (Member) commented on Sep 16, 2025

Summary for anyone who lands here later:

- **Impact:** 15:04 to 17:05 UTC on Tue 16 Sep. Roughly 4,100 customer domains served at least one failed font to visitors.
- **Credit:** Business and Agency plan accounts get a 15% credit on the September invoice, applied automatically, no ticket needed.
- **What we're changing:**
  - edge rule changes go to one location first for 30 minutes before all of them

---

**kestrel-dev** commented on Sep 17, 2025

Two of our clients are on Starter.
"""


def test_a_customers_comment_is_never_told_in_our_voice_and_the_title_keeps_no_dangling_since():
    sheet = build_sheet(ISSUE_THREAD)
    assert not any("storefront" in s for s in sheet.texts("symptoms"))
    assert str(sheet.headline.value).lower() == "fonts not loading"


def test_a_labelled_credit_line_is_a_remedy_and_later_comments_are_not_changes():
    """Given "- **Credit:** Business and Agency plan accounts get a 15% credit ...", the credit is a remedy; after "---"
    another person's comment ("Two of our clients are on Starter.") is not a change, nor is the list's label."""
    sheet = build_sheet(ISSUE_THREAD)
    assert any("15% credit" in r for r in sheet.texts("remedy"))
    actions = sheet.texts("actions")
    assert not any("Starter" in a or "changing" in a.lower() for a in actions)


CHAT_REMEDY = """\
#inc-219-resume-uploads (Thu 12 June 2025, times UTC)
16:52 dani: uploads failing with an error since 16:52
18:38 marek: all upload servers on the current key, uploads working since 18:38
19:05 dani: 742 applications saved with no resume, across 413 employer accounts
19:21 bot: Update: We will email those candidates asking them to re-upload; employers can also use the "Request missing documents" action.
"""


def test_those_with_nothing_before_it_becomes_the_affected_and_them_stays_them():
    """Given "We will email those candidates asking them to re-upload", the draft says "the affected candidates" and
    never "asking you to re-upload"; a figure note becomes a sentence."""
    sheet = build_sheet(CHAT_REMEDY)
    remedies = " ".join(sheet.texts("remedy"))
    assert "the affected candidates asking them to re-upload" in remedies
    assert "742 applications were saved with no resume" in " ".join(sheet.texts("numbers") + sheet.texts("harm"))
    assert "asking you to re-upload" not in draft(CHAT_REMEDY, "report", "general", "sev2").text


AGENT_BRIEF = """\
**INTERNAL - agent brief - use the macro**

### 1. What happened (known facts)

- Early this morning some annual subscribers who pay by card on our website were charged twice for their yearly renewal, between 2:00am and 4:30am UTC on Thursday 3 July 2025.
- Cause is **confirmed by engineering**: our renewal job was started twice after one of our servers swapped over to a backup during the night.
- Fixed at 4:30am - the second copy was stopped.
- Support has 38 tickets so far, 9 tickets in the last hour.

### 2. Who is affected

- Anyone who subscribed through an app store is not affected; if they see two charges from the store, send them to the store with the usual macro.

### 5. What not to say

- Don't name the payment processor.
"""


def test_an_agent_brief_keeps_its_words_to_agents_headings_and_log_notes_out():
    """Given an agent brief, the draft says "Some annual subscribers ..." (no "Early"), states the cause without its
    label, and leaves out "send them to the store with the usual macro", "Fixed at 4:30am ..." and ticket counts; a
    section heading ("5. What not to say") is never the title."""
    sheet = build_sheet(AGENT_BRIEF)
    assert "what not to say" not in str(sheet.headline.value).lower()
    assert str(sheet.cause.value).startswith("Our renewal job was started twice")
    text = draft(AGENT_BRIEF, "report", "general", "sev2").text
    assert "Some annual subscribers who pay by card" in text and "Early some" not in text
    for never in ("usual macro", "Fixed at 4:30am", "tickets", "What not to say", "What was not to say"):
        assert never not in text, never


CLOCK_ONLY_NOTES = """\
[10:02 AM] Farhan
- Impact window 6:50 AM to 1:05 PM IST. First missed completion 6:50 AM, release itself was 6:30.
- 14,870 completions not recorded, 96 client organisations
"""


def test_a_note_whose_only_figures_are_clock_times_is_not_a_customer_figure():
    numbers = build_sheet(CLOCK_ONLY_NOTES).texts("numbers")
    assert not any("Impact window" in n or "release itself" in n for n in numbers)
    assert any("14,870 completions" in n for n in numbers)


NIGHT_OPS_CHAT = """\
Channel: ops-night (times UTC)

[19/02/2025 01:05] obs-bot
T3 session ABORTED: SAFETY_UNSAFE (cloud). Roof closing.

[19/02/2025 01:20] mateo
the safety gate is refusing, so it's the input from the cloud sensor.

[19/02/2025 03:05] mateo
honestly I don't know it's the firmware. could be the sensor itself dying, could be the cable.

[19/02/2025 04:31] pablo
yes: full credit for every aborted hour. Ines can you do the credits in the booking admin before they wake up

[21/02/2025 14:12] mateo
swapped the sensors yesterday, neither unit showed the jump, so we still don't know.

[21/02/2025 14:15] ines
credits all sent on wednesday btw, 9/9.
"""


def test_we_still_dont_know_keeps_the_cause_open_and_requests_to_colleagues_are_not_remedies():
    """Given "so it's the input from the cloud sensor" and later "honestly I don't know ..." and "so we still don't
    know", the cause is not confirmed; "Ines can you do the credits ..." and "... btw, 9/9" are never remedies."""
    sheet = build_sheet(NIGHT_OPS_CHAT)
    assert sheet.cause_status.value != "confirmed"
    assert not any("can you" in r or "btw" in r for r in sheet.texts("remedy"))
    assert "cloud sensor" not in draft(NIGHT_OPS_CHAT, "report", "general", "sev4").text


PARTS_AFTER_THE_SUMMARY = """\
# Post-incident review: primary database failover and lost writes, 22 January 2025

## Summary
From 10:41 to 11:52 UTC some saved changes were lost after the database switched to a copy that was behind.

## Recovering the lost window
We restored 5,980 of the 6,212 lost changes from the old primary's logs.
"""


def test_a_part_of_the_document_is_never_its_title():
    """Given "## Recovering the lost window" after "## Summary", the draft is never headed "Recovering the lost window"."""
    sheet = build_sheet(PARTS_AFTER_THE_SUMMARY)
    assert "recovering" not in str(sheet.headline.value).lower()


TRACKER_COMMENTS = """\
Drawing viewer shows blank sheets - SSH-4488

Rahul Menon added a comment - 11/Sep/25 3:14 PM
Customer impact 9:20 AM - 12:45 PM IST on Thursday 11 September 2025: the drawing viewer showed blank or old sheets.
Queue cleared by 10:50 IST but sheets still blank. Edgecache purged again at 12:46 IST.

Kiran Deshpande added a comment - 11/Sep/25 5:40 PM
Actions:
1. Viewer: never fall back to an older revision silently; show "Sheet is being prepared" instead
2. Alert on tile error rate above 1%

Ananya Kulkarni added a comment: 12/Sep/25 4:37 PM IST.
Sent the list of affected sheets to account owners.
"""


def test_a_trackers_comment_headers_and_log_notes_never_reach_a_draft():
    text = draft(TRACKER_COMMENTS, "report", "technical", "sev2").text
    for never in ("added a comment", "Ananya", "purged again", "Queue cleared by"):
        assert never not in text, never
