"""Stories: a meeting chat saved from a video call, the way Zoom writes it ("19:04:12 From Ana Duarte To
Everyone:" with the words indented on the next line), pasted as the write-up of a boat-rental booking outage.
The liaison expects the window read from the chat in the zone it declares, on the day the recording's file name
gives, the figures and the remedies said in the chat, and none of the names. These write-ups are invented for
the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts.build import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

CHAT = """\
meeting_saved_chat.txt
Zoom meeting: "P1 bridge | HarbourHop bookings"   Meeting ID: 811 0042 7719
Cloud recording: GMT20250614-162205_Recording_1280x720.mp4
Chat timestamps are the host's clock (AEST, UTC+10). No dates in the export.
----------------------------------------------------------------
02:22:31 From Ana Duarte To Everyone:
\tTaking IC. HarbourHop app is failing to confirm boat bookings, customers get "Payment pending" forever.
02:23:05 From Ravi Kapoor To Everyone:
\tlooking. booking-svc 500s since about 02:05
02:25:40 From Ana Duarte To Everyone:
\tReplying to "looking. booking-svc 500s..."
\tfirst failed confirmation in the logs is 01:58:20, not 02:05. Using 01:58 as start
02:26:02 From Ravi Kapoor To Everyone:
\tReacted to "first failed confirmation..." with 👍
02:41:17 From Ravi Kapoor To Everyone:
\tI don't think it's the card processor, their status is green. checking our release from yesterday
03:02:44 From Ravi Kapoor To Everyone:
\tconfirmed: yesterday's release sent the confirmation step to an old address. rolled back
03:15:09 From Ana Duarte To Everyone:
\tconfirmations flowing again, last failure at 03:11:52. calling impact end 03:12
03:20:30 From Mei Tanaka To Everyone:
\tnumbers for the doc: 1,318 bookings stuck on pending; 412 customers charged twice after retrying; 97 trips missed
03:24:11 From Mei Tanaka To Everyone:
\tRemedies agreed by Lena + finance:
\t- duplicate charges refunded automatically, 3-5 business days
\t- full refund (A$120) for anyone whose trip was missed
\t- rebooking fee waived until 30 June
03:26:40 From Ana Duarte To Everyone:
\tthanks all. follow-ups: alert on confirmation failures; release checks cover the confirmation step
"""


def test_a_zoom_chat_export_gives_the_window_in_its_zone_on_the_day_of_its_recording():
    sheet = build_sheet(CHAT)
    # 01:58 to 03:12 AEST on 15 June (the recording started 16:22 GMT on 14 June, 02:22 AEST on the 15th)
    assert f"{sheet.start.value:%Y-%m-%d %H:%M}" == "2025-06-14 15:58"
    assert f"{sheet.end.value:%Y-%m-%d %H:%M}" == "2025-06-14 17:12"
    assert sheet.shape == "chat"


def test_the_chat_s_remedies_reach_the_report_and_its_people_do_not():
    d = draft(CHAT, "report", "general", "sev2", contact=CONTACT)
    text = d.text
    assert "waived" in text and "refund" in text.lower()
    for name in ("Ana Duarte", "Ravi Kapoor", "Mei Tanaka", "Lena", "811 0042 7719", "GMT20250614"):
        assert name not in text
    assert "Replying to" not in text and "Reacted to" not in text


def test_a_reaction_and_a_reply_s_quote_carry_no_message_of_their_own():
    from drafting.reading.chat_export import joined_messages
    joined = joined_messages(CHAT)
    assert len(joined) == len(CHAT)  # offsets kept: every source span the app highlights stays true
    assert "Reacted to" not in joined and "Replying to" not in joined
    assert "02:25:40 From Ana Duarte To Everyone:" in joined
    line = next(ln for ln in joined.split("\n") if ln.startswith("02:25:40"))
    assert line.rstrip().endswith("Using 01:58 as start")
