"""Structure: what each stage must contain, and change items a reader could verify later."""
import drafting


def parts_missing(text: str, stage: str) -> list[str]:
    r = drafting.check(text, "sev2", "general", stage)
    return [f.message for f in r.findings if f.category == "structure" and f.rule == "missing_part"]


GOOD_PRELIMINARY = (
    "Between 14:02 and 15:10 UTC on 3 June, customers could not upload documents; uploads failed with an error.\n"
    "Uploads are working again. We are still confirming the cause and will publish a full review by Friday 6 June."
)


def test_a_complete_preliminary_update_has_no_missing_parts():
    assert parts_missing(GOOD_PRELIMINARY, "preliminary") == []


def test_a_preliminary_update_without_a_review_date_names_the_missing_part():
    missing = parts_missing("Between 14:02 and 15:10 UTC customers could not upload documents.", "preliminary")
    assert len(missing) == 1 and "full review" in missing[0]


def test_a_report_missing_its_invitation_and_changes():
    text = ("On 3 June from 14:02 to 15:10 UTC, customers could not upload documents. A storage change filled a disk. "
            "Uploads failed with an error. The disk was expanded and uploads resumed at 15:10.")
    missing = " ".join(parts_missing(text, "report"))
    assert "invitation to ask questions" in missing
    assert "what is changing" in missing


def test_vague_change_items_are_flagged_and_concrete_ones_are_not():
    text = (
        "On 3 June from 14:02 to 15:10 UTC, customers could not upload documents. A storage change filled a disk. "
        "Uploads failed with an error. The disk was expanded and uploads resumed.\n\n"
        "What we are changing\n"
        "- Improve our monitoring.\n"
        "- Add an alert when disk use passes 80% on any storage node.\n\n"
        "If you have questions, reply to this email or write to support@example.com."
    )
    r = drafting.check(text, "sev2", "general", "report")
    vague = [f.text for f in r.findings if f.rule == "vague_action"]
    assert vague == ["Improve our monitoring."]


def test_a_followup_needs_a_named_person_to_reply_to():
    text = ("Hi Marta,\n\nYour team could not send invoices for 40 minutes on Tuesday. "
            "The full incident report is at https://status.example.com/r/118.\n\nThe Support Team")
    missing = parts_missing(text, "followup")
    assert len(missing) == 1 and "named person" in missing[0]
    signed = text.replace("The Support Team", "Dana Whitfield, your account manager")
    assert parts_missing(signed, "followup") == []
