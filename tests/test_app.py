"""The Streamlit app, driven by Streamlit's own AppTest: each page's main flow as a liaison would use it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
BLAME_AND_STOCK = (
    "An engineer mistakenly deleted the production table. "
    "We apologize for any inconvenience this may have caused."
)


PAGES = {name: f"drafting/ui/pages/{name.lower()}.py" for name in ("Review", "Draft", "Batch", "Library")}


def start(page: str = "Review", **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return go(at, page) if page != "Review" else at


def go(at: AppTest, page: str) -> AppTest:
    """Switch pages as the navigation does: only the chosen page runs."""
    at.switch_page(PAGES[page]).run()
    assert not at.exception, at.exception
    return at


def tab(at: AppTest, label: str):
    """The running page's content (the page is the one last chosen with go())."""
    return at.main


def html_of(block) -> str:
    return "\n".join(h.value for h in block.get("html"))


def marked_categories(block) -> set[str]:
    cats = re.findall(r'<mark[^>]*data-categories="([^"]*)"', html_of(block))
    return {c for group in cats for c in group.split()}


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def review(at: AppTest, text: str, **context) -> AppTest:
    at.text_area(key="review_text").input(text)
    for name, value in context.items():
        at.selectbox(key=f"review_{name}").select(value)
    at.run()
    assert not at.exception, at.exception
    return at


# ------------------------------------------------------------------ Review
def test_review_marks_blame_and_a_stock_apology_and_sums_up():
    at = review(start(), BLAME_AND_STOCK, severity="sev2", audience="general", stage="report")
    page = tab(at, "Review")
    assert {"blame", "boilerplate"} <= marked_categories(page)
    assert int(metric(at, "Findings")) >= 2
    assert re.fullmatch(r"\d+/100", metric(at, "Score"))
    assert metric(at, "Grammar") in {"on", "off"}
    if metric(at, "Grammar") == "off":
        assert any("LANGUAGETOOL_URL" in c.value for c in at.caption)
    cards = html_of(page)
    assert 'class="finding-card" data-category="blame"' in cards
    assert re.search(r'<a class="finding-link" href="#finding-card-\d+"', cards)  # a mark opens its card
    assert any("Blame 1" in c.value and "Stock phrasing 1" in c.value for c in at.caption)


def test_a_clean_plain_sentence_has_no_inline_marks():
    at = review(start(), "A configuration change removed the production table at 09:12 UTC.", stage="internal")
    assert marked_categories(tab(at, "Review")) == set()


def test_a_draft_containing_script_is_shown_as_text():
    text = 'Update: <script>alert("owned")</script> <img src=x onerror=alert(1)> An engineer broke it.'
    at = review(start(), text)
    shown = html_of(tab(at, "Review"))
    assert "<script" not in shown and "<img" not in shown
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in shown
    assert "blame" in marked_categories(tab(at, "Review"))


def rules_shown(block) -> set[tuple[str, str]]:
    return set(re.findall(r'class="finding-card" data-category="([^"]*)" data-rule="([^"]*)"', html_of(block)))


def test_changing_the_severity_changes_the_verdict_and_an_unchanged_rerun_is_not_rechecked():
    text = "For two hours no payment went through. It was a minor hiccup."
    at = review(start(), text, severity="sev1", audience="general", stage="report")
    assert ("tone", "minimising") in rules_shown(tab(at, "Review"))  # plays down a full outage
    computed = at.session_state["_check_memo"].computed
    at.run()
    assert at.session_state["_check_memo"].computed == computed
    at.selectbox(key="review_severity").select("sev4").run()
    assert at.session_state["_check_memo"].computed == computed + 1
    assert ("tone", "minimising") not in rules_shown(tab(at, "Review"))


def test_an_empty_draft_asks_for_text_instead_of_failing():
    at = review(start(), "   ")
    assert any("Paste a draft" in i.value for i in at.info)
    assert not at.error


def test_uploading_a_draft_fills_the_text_box():
    at = start()
    at.file_uploader(key="review_upload").set_value(("update.md", BLAME_AND_STOCK.encode(), "text/markdown")).run()
    assert at.text_area(key="review_text").value == BLAME_AND_STOCK
    assert "blame" in marked_categories(tab(at, "Review"))


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("notes.md", b"\xff\xfe\x00b\x00i\x00n", "binary"),
        ("notes.txt", b"   ", "empty"),
    ],
)
def test_an_unreadable_upload_gets_a_clear_message_and_keeps_the_text(name, data, expected):
    at = review(start(), BLAME_AND_STOCK)
    at.file_uploader(key="review_upload").set_value((name, data, "text/plain")).run()
    assert not at.exception
    assert any(expected in e.value for e in at.error)
    assert at.text_area(key="review_text").value == BLAME_AND_STOCK
    assert "blame" in marked_categories(tab(at, "Review"))


def test_the_upload_size_limit_is_stated_on_the_page():
    at = start()
    labels = [u.label for u in at.file_uploader]
    assert any(re.search(r"up to \d+ MB", label) for label in labels)


# ------------------------------------------------------------------ Sidebar: company config
def test_a_broken_config_is_reported_plainly_and_the_review_still_runs():
    at = start()
    at.sidebar.text_area(key="config_yaml").input("glossary: [not, a, mapping]\n").run()
    errors = [e.value for e in at.sidebar.error]
    assert errors and "glossary" in errors[0] and "Traceback" not in errors[0]
    review(at, BLAME_AND_STOCK)
    assert "blame" in marked_categories(tab(at, "Review"))


def test_invalid_yaml_names_the_line():
    at = start()
    at.sidebar.text_area(key="config_yaml").input("company: Acme\n  contact: [oops\n").run()
    assert any("line" in e.value and "YAML" in e.value for e in at.sidebar.error)


def test_a_banned_phrase_from_the_config_is_flagged_in_the_review():
    text = "Our world-class service was down for two hours on 4 March."
    at = review(start(), text, stage="internal")
    assert "boilerplate" not in marked_categories(tab(at, "Review"))
    at.sidebar.text_area(key="config_yaml").input("company: Example Pay\nbanned_phrases:\n  - world-class service\n").run()
    assert any("Config OK" in s.value for s in at.sidebar.success)
    assert "boilerplate" in marked_categories(tab(at, "Review"))


def test_the_example_config_loads_and_a_yaml_file_can_be_uploaded():
    at = start()
    at.sidebar.button[0].click().run()
    assert "company: Example Pay" in at.sidebar.text_area(key="config_yaml").value
    at.sidebar.file_uploader(key="config_upload").set_value(
        ("acme.yaml", b"company: Acme\ncontact: help@acme.test\n", "application/yaml")).run()
    assert at.sidebar.text_area(key="config_yaml").value.startswith("company: Acme")
    at.sidebar.file_uploader(key="config_upload").set_value(("acme.exe", b"MZ", "application/octet-stream")).run()
    assert any(".yaml" in e.value for e in at.sidebar.error)


# ------------------------------------------------------------------ Library
PAST_REPORT = (
    "# Checkout outage on 2 February 2025\n\n"
    "On 2 February card payments failed for forty minutes because a certificate expired on the payment gateway.\n\n"
    "We know how much you rely on us to keep your business running, and we are reviewing every part of our "
    "release process so that our customers can keep trusting the platform they build on every single day.\n"
)


@pytest.fixture
def library_file(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    monkeypatch.setenv("INCIDENT_DRAFT_DB", str(path))
    return path


def test_library_add_files_list_and_remove(library_file):
    at = start("Library")
    page = tab(at, "Library")
    assert any("library is empty" in i.value for i in page.info)
    at.file_uploader(key="library_upload").set_value([
        ("checkout-outage.md", PAST_REPORT.encode(), "text/markdown"),
        ("logo.png", b"\x89PNG\r\n", "image/png"),
        ("broken.txt", b"\x00\x01\x02", "text/plain"),
    ]).run()
    at.button(key="library_add_files").click().run()
    assert not at.exception
    assert any("Added 1 report(s)" in s.value for s in at.success)
    warnings = " ".join(w.value for w in at.warning)
    assert "logo.png" in warnings and "broken.txt" in warnings and "binary" in warnings
    table = at.dataframe[0].value
    assert list(table["title"]) == ["Checkout outage on 2 February 2025"]
    assert list(table["source"]) == ["checkout-outage.md"]

    at.file_uploader(key="library_upload").set_value(("again.md", PAST_REPORT.encode(), "text/markdown")).run()
    at.button(key="library_add_files").click().run()
    assert any("1 already in the library" in s.value for s in at.success)

    at.button(key="library_remove").click().run()
    assert any("cannot be undone" in w.value for w in at.warning)  # asks first
    assert not any("Removed report" in s.value for s in at.success)
    at.button(key="library_remove_yes").click().run()
    assert any("Removed report" in s.value for s in at.success)
    assert any("library is empty" in i.value for i in tab(at, "Library").info)


def test_a_paragraph_reused_from_a_past_report_is_flagged_in_the_review(library_file):
    at = start("Library")
    at.toggle(key="library_paste_open").set_value(True).run()
    at.text_input(key="library_title").input("Checkout outage")
    at.text_area(key="library_text").input(PAST_REPORT).run()
    at.button(key="library_add_text").click().run()
    assert any("Added report" in s.value for s in at.success)
    draft = "Payments failed on 9 March for an hour.\n\n" + PAST_REPORT.split("\n\n")[2]
    review(go(at, "Review"), draft, stage="report")
    cards = html_of(tab(at, "Review"))
    assert 'data-category="boilerplate" data-rule="reuse"' in cards
    assert "Checkout outage" in cards


# ------------------------------------------------------------------ Batch
SHARED_CLOSE = (
    "Thank you for your patience and understanding while our engineers worked around the clock "
    "to restore service for every one of our valued customers."
)


def archive() -> list[tuple[str, bytes, str]]:
    """Three past reports that end with the same pasted paragraph, a CSV row, and two files that cannot be read."""
    files = [
        (f"2025-0{m}-report.md",
         f"# {title}\n\nDate: 2025-0{m}-10\n\n{body}\n\n{SHARED_CLOSE}\n".encode(), "text/markdown")
        for m, title, body in [
            (1, "Login outage", "An engineer mistakenly deleted the session table and nobody could log in for 40 minutes."),
            (2, "Slow dashboards", "Dashboards loaded slowly for two hours while a database index was rebuilt."),
            (3, "Checkout errors", "Card payments failed for 25 minutes after a certificate expired."),
        ]
    ]
    files.append(("more.csv", b"title,date,text\nSync delay,2025-04-02,We think the queue was probably overloaded.\n", "text/csv"))
    files.append(("diagram.png", b"\x89PNG\r\n", "image/png"))
    files.append(("corrupt.md", b"\x00\x00\x00", "text/markdown"))
    return files


def test_batch_scores_an_archive_and_finds_the_pasted_closing(library_file):
    at = start("Batch")
    at.file_uploader(key="batch_upload").set_value(archive()).run()
    at.button(key="batch_run").click().run()
    assert not at.exception, at.exception
    page = tab(at, "Batch")
    assert next(m.value for m in page.metric if m.label == "Reports scored") == "4"
    table = page.dataframe[0].value
    assert sorted(table["title"]) == ["Checkout errors", "Login outage", "Slow dashboards", "Sync delay"]
    login = table[table["title"] == "Login outage"].iloc[0]
    assert login["Blame"] >= 1 and login["shared in batch"] >= 1
    reused = page.dataframe[1].value
    assert reused.iloc[0]["reports"] == 3 and "patience" in reused.iloc[0]["passage"]
    warnings = " ".join(w.value for w in page.warning)
    assert "diagram.png" in warnings and "corrupt.md" in warnings
    assert {b.label for b in page.get("download_button")} >= {"Download CSV", "Download JSON", "Download HTML report"}


def test_batch_with_nothing_readable_says_so():
    at = start("Batch")
    at.button(key="batch_run").click().run()
    assert any("Choose one or more files" in w.value for w in tab(at, "Batch").warning)
    at.file_uploader(key="batch_upload").set_value(("notes.docx", b"PK\x03\x04", "application/msword")).run()
    at.button(key="batch_run").click().run()
    assert not at.exception
    warnings = " ".join(w.value for w in tab(at, "Batch").warning)
    assert "notes.docx" in warnings and "No readable report" in warnings


# ------------------------------------------------------------------ Review: rewrites
def card_number(at: AppTest, category: str) -> int:
    """The number of the first card of this category beside the text."""
    m = re.search(r'class="finding-card" data-category="%s"[^>]*id="finding-card-(\d+)"' % category, html_of(at.main))
    assert m, f"no {category} card"
    return int(m.group(1))


def test_applying_a_rewrite_replaces_the_blaming_sentence_rechecks_and_can_be_undone():
    draft = ("Between 09:10 and 10:40 UTC on 4 March, card payments failed for most customers.\n\n"
             "An engineer mistakenly deleted the production table during maintenance.")
    at = review(start(), draft, severity="sev2", audience="general", stage="report")
    before = int(metric(at, "Findings"))
    assert "blame" in marked_categories(tab(at, "Review"))
    n = card_number(at, "blame")
    at.button(key=f"review_apply_{n}_0").click().run()
    assert not at.exception, at.exception
    new_text = at.text_area(key="review_text").value
    assert "An engineer mistakenly deleted" not in new_text
    assert new_text.startswith("Between 09:10 and 10:40 UTC on 4 March")  # the rest is untouched
    assert "blame" not in marked_categories(tab(at, "Review"))
    assert int(metric(at, "Findings")) < before
    assert any("Rewrite applied" in s.value for s in at.success)

    at.button(key="review_undo").click().run()
    assert at.text_area(key="review_text").value == draft
    assert "blame" in marked_categories(tab(at, "Review"))


# ------------------------------------------------------------------ Draft
def write_sample_drafts(at: AppTest, sample: str, stages: list[str]) -> AppTest:
    at.selectbox(key="draft_sample").select(sample).run()
    at.button(key="draft_load_sample").click().run()
    at.multiselect(key="draft_stages").set_value(stages)
    at.selectbox(key="draft_audience").select("general")
    at.selectbox(key="draft_severity").select("sev1")
    at.text_input(key="draft_company").input("Ledgerly")
    at.text_input(key="draft_contact").input("support@ledgerly.example").run()
    at.button(key="draft_run").click().run()
    assert not at.exception, at.exception
    return at


def test_drafts_per_stage_are_editable_reviewed_and_say_what_was_left_out():
    at = write_sample_drafts(start("Draft"), "payments sre template", ["preliminary", "report"])
    stage_tabs = {t.label: t for t in at.tabs if t.label.endswith(" draft")}
    assert set(stage_tabs) == {"preliminary draft", "report draft"}
    report = at.text_area(key="draft_text_report").value
    assert report.startswith("#") and "Ledgerly Checkout" in report
    for internal in ("Priya", "pay-db-prod-03", "10.4.12.31", "#inc-4821"):
        assert internal not in report
    omitted = html_of(stage_tabs["report draft"])
    assert 'class="omitted-list"' in omitted and "internal detail" in omitted
    assert [b.label for b in stage_tabs["report draft"].get("download_button")] == ["Download as Markdown"]

    # the liaison edits the draft: the edit is reviewed in that tab at once
    edited = report + "\n\nPriya on the SRE team forgot to check the pool size.\n"
    at.text_area(key="draft_text_report").input(edited).run()
    marked = marked_categories(next(t for t in at.tabs if t.label == "report draft"))
    assert {"blame", "leak"} & marked


def test_a_corrected_fact_flows_into_the_draft():
    at = write_sample_drafts(start("Draft"), "payments sre template", ["report"])
    assert at.text_input(key="fact_start").value == "2025-03-04 09:12 UTC"
    assert at.text_input(key="fact_end").value == "2025-03-04 10:47 UTC"
    assert "10:47" in at.text_area(key="draft_text_report").value
    at.text_input(key="fact_end").input("2025-03-04 11:55 UTC").run()
    at.button(key="draft_redraft").click().run()
    assert not at.exception, at.exception
    draft = at.text_area(key="draft_text_report").value
    assert "11:55" in draft and "10:47 UTC on" not in draft
    assert any("2 h 43 min" in c.value for c in at.caption)


def test_a_too_short_write_up_gets_the_engines_plain_message():
    at = start("Draft")
    at.text_area(key="draft_writeup").input("db broke, fixed").run()
    at.button(key="draft_run").click().run()
    assert not at.exception
    assert any("too short" in e.value for e in at.error)
