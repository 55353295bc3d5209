"""Story: a liaison opens the draft they wrote in Word, a saved web page, or a file in an old encoding."""
from __future__ import annotations

import io

import pytest

from drafting.errors import InputError
from drafting.ui.uploads import TEXT_TYPES, read_upload, upload_inputs

MB = 1024 * 1024


def word_file(*paragraphs: str, heading: str = "") -> bytes:
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for p in paragraphs:
        document.add_paragraph(p)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Impact start"
    table.rows[0].cells[1].text = "09:10 UTC"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_document_opens_as_its_text_with_headings_and_tables():
    data = word_file("An engineer mistakenly deleted the production table.", "We are sorry.", heading="Payments outage")
    text = read_upload("update.docx", data, TEXT_TYPES, 5 * MB)
    assert text.startswith("# Payments outage")
    assert "An engineer mistakenly deleted the production table." in text and "Impact start | 09:10 UTC" in text


def test_a_saved_web_page_opens_as_text_not_markup():
    page = (b"<html><head><title>x</title><style>p{color:red}</style></head><body><h1>Update</h1>"
            b"<p>Card payments failed.</p><script>alert(1)</script><!-- note --><p>We are sorry.</p></body></html>")
    text = read_upload("status.html", page, TEXT_TYPES, 5 * MB)
    assert "<" not in text and "alert" not in text and "color" not in text and "note" not in text
    assert text.split() == ["Update", "Card", "payments", "failed.", "We", "are", "sorry."]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "latin-1"])
def test_text_in_another_encoding_is_detected(encoding):
    original = "Between 09:10 and 10:40 UTC our café terminals could not take payments — we are sorry."
    if encoding != "utf-16":
        original = original.replace("—", "-") if encoding == "latin-1" else original
    assert read_upload("notes.txt", original.encode(encoding), TEXT_TYPES, 5 * MB) == original


def test_a_broken_word_file_gets_one_plain_line():
    with pytest.raises(InputError, match="Word document"):
        read_upload("notes.docx", b"PK\x03\x04 not really a zip", TEXT_TYPES, 5 * MB)


def test_word_files_reach_batch_and_library_under_their_own_name():
    inputs, problems = upload_inputs([("march.docx", word_file("Card payments failed for 40 minutes on 4 March.",
                                                                heading="Checkout outage"))], 5 * MB)
    assert not problems
    assert inputs[0].source == "march.docx" and "Card payments failed" in inputs[0].text
