"""Library page: the reports the company has already published, so reused paragraphs are caught."""
from __future__ import annotations

import streamlit as st

from drafting.errors import DraftingError
from drafting.ui.frame import UI, company_config, library_for
from drafting.ui.plain import plain
from drafting.ui.uploads import upload_inputs


def add_library_files(lib) -> None:
    files = st.session_state.get("library_upload") or []
    if not files:
        st.session_state["library_problems"] = ["Choose one or more files first."]
        return
    inputs, problems = upload_inputs([(f.name, f.getvalue()) for f in files], UI.upload_bytes)
    added = duplicates = 0
    for item in inputs:
        try:
            record = lib.add_text(item.text, title=item.title, date=item.date, source=item.source,
                                  severity=item.severity, audience=item.audience, stage=item.stage)
        except DraftingError as exc:
            problems.append(f"{item.source}: {exc}")
            continue
        duplicates += record.duplicate
        added += not record.duplicate
    st.session_state["library_notice"] = f"Added {added} report(s); {duplicates} already in the library."
    st.session_state["library_problems"] = problems


def add_library_text(lib) -> None:
    try:
        record = lib.add_text(st.session_state.get("library_text", ""), title=st.session_state.get("library_title") or None,
                              date=st.session_state.get("library_date") or None, source="pasted in the app")
    except DraftingError as exc:
        st.session_state["library_problems"] = [str(exc)]
        return
    if record.duplicate:
        st.session_state["library_notice"] = f"That report is already in the library (id {record.id})."
    else:
        st.session_state["library_notice"] = f"Added report {record.id}: {record.title}."
        st.session_state["library_text"] = ""


def ask_remove(report_id: int | None) -> None:
    st.session_state["library_remove_pending"] = report_id


def cancel_remove() -> None:
    st.session_state.pop("library_remove_pending", None)


def remove_library_report(lib, report_id: int | None) -> None:
    st.session_state.pop("library_remove_pending", None)
    if report_id is None:
        return
    try:
        record = lib.remove(report_id)
    except DraftingError as exc:
        st.session_state["library_problems"] = [str(exc)]
        return
    st.session_state["library_notice"] = f"Removed report {record.id}: {record.title}."


def render() -> None:
    cfg = company_config()
    st.subheader("Past-reports library")
    st.caption("Reports your company has already published. The review flags a paragraph that repeats one of them.")
    lib = library_for(cfg)
    if lib is None:
        st.error(plain(st.session_state.get("library_error") or "The library could not be opened."))
        return
    if st.session_state.get("library_notice"):
        st.success(plain(st.session_state.pop("library_notice")))
    for problem in st.session_state.pop("library_problems", []):
        st.warning(plain(problem))
    st.caption(plain(f"Library file: {lib.path}"))
    records = lib.list()
    c1, c2 = st.columns(2)
    c1.metric("Reports", len(records))
    c2.metric("Passages indexed", lib.passage_count())

    st.markdown("#### Add reports")
    st.file_uploader(
        f"Files (.md, .txt, .html, .docx, or .csv/.jsonl with a text column; up to {UI.upload_mb} MB each)",
        accept_multiple_files=True, key="library_upload", max_upload_size=UI.upload_mb,
    )
    st.button("Add files to the library", key="library_add_files", on_click=add_library_files, args=(lib,))
    if st.toggle("Or paste one report", key="library_paste_open"):  # a toggle stays open while you type
        with st.container(border=True):
            st.text_input("Title", key="library_title")
            st.text_input("Date (YYYY-MM-DD, optional)", key="library_date")
            st.text_area("Report text", key="library_text", height=150)
            st.button("Add this report", key="library_add_text", on_click=add_library_text, args=(lib,))

    st.markdown("#### Stored reports")
    if not records:
        st.info("The library is empty. Add the reports your team has published to catch reused paragraphs.")
        return
    st.dataframe(
        [{"id": r.id, "title": r.title, "date": r.date or "", "severity": r.severity or "", "words": r.words,
          "added": r.added_at, "source": r.source or ""} for r in records],
        hide_index=True, width="stretch",
    )
    labels = {r.id: f"{r.id}: {r.title}" for r in records}
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    chosen = c1.selectbox("Report to remove", list(labels), format_func=labels.get, key="library_remove_id")
    c2.button("Remove", key="library_remove", on_click=ask_remove, args=(chosen,))
    pending = st.session_state.get("library_remove_pending")
    if pending is not None and pending in labels:
        with st.container(border=True):
            st.warning(plain(f"Remove report {labels[pending]} from the library? Reviews will no longer catch a paragraph "
                             "reused from it. This cannot be undone (export the library first to keep a copy)."))
            c1, c2 = st.columns(2)
            c1.button("Yes, remove it", key="library_remove_yes", on_click=remove_library_report, args=(lib, pending),
                      type="primary")
            c2.button("Cancel", key="library_remove_no", on_click=cancel_remove)
    c1, c2 = st.columns(2)
    c1.download_button("Export (JSONL)", data=lib.export("jsonl"), file_name="library.jsonl",
                       mime="application/jsonl", key="library_export_jsonl")
    c2.download_button("Export (CSV)", data=lib.export("csv"), file_name="library.csv", mime="text/csv",
                       key="library_export_csv")


render()
