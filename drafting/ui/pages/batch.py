"""Batch page: score a folder's worth of past reports, with tables, charts and exports."""
from __future__ import annotations

import streamlit as st

import drafting
from drafting import batch_report
from drafting.batch import score_reports
from drafting.context import Context
from drafting.errors import DraftingError
from drafting.ui.batch_view import findings_over_time, findings_per_category, reused_table, rows_table
from drafting.ui.frame import UI, company_config, context_pickers, library_for, unexpected
from drafting.ui.plain import plain
from drafting.ui.uploads import upload_inputs


def run_batch(cfg: drafting.CompanyConfig, ctx: Context) -> None:
    """Read the uploads, score them with a progress bar, keep the result for this session."""
    files = st.session_state.get("batch_upload") or []
    if not files:
        st.session_state["batch_problems"] = ["Choose one or more files first."]
        return
    problems: list[str] = []
    if len(files) > UI.batch_files:
        problems.append(f"{len(files)} files were chosen; only the first {UI.batch_files} are scored.")
        files = files[: UI.batch_files]
    inputs, refused = upload_inputs([(f.name, f.getvalue()) for f in files], UI.upload_bytes)
    problems += refused
    st.session_state["batch_refused"] = len(refused)
    if not inputs:
        st.session_state["batch_problems"] = problems + ["No readable report was found in the files chosen."]
        st.session_state.pop("batch_result", None)
        return
    bar = st.progress(0.0, text=f"Scoring {len(inputs)} report(s)...")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Scored {done} of {total} report(s)")

    try:
        result = score_reports(inputs, ctx.severity, ctx.audience, ctx.stage, library=library_for(cfg), config=cfg,
                               jobs=1, progress=progress)
    except DraftingError as exc:
        st.session_state["batch_problems"] = problems + [str(exc)]
        return
    except Exception as exc:  # an engine bug must not take the page down
        st.session_state["batch_problems"] = problems + [unexpected("Batch scoring", exc)]
        return
    bar.empty()
    problems += [f"Skipped {s.source}: {s.reason}" for s in result.skipped]
    st.session_state["batch_problems"] = problems
    st.session_state["batch_result"] = result


def show_batch(result) -> None:
    summary = result.summary()
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Reports scored", summary["reports"])
    c2.metric("Mean score", "n/a" if summary["mean_score"] is None else f"{summary['mean_score']}/100")
    c3.metric("Reusing the library", summary["reports_reusing_library"])
    c4.metric("Skipped", summary["skipped"] + int(st.session_state.get("batch_refused", 0)),
              help="Files refused for their type, size or encoding, and rows or reports with no text (listed above).")
    st.markdown("#### Reports (click a column to sort)")
    st.dataframe(rows_table(result, UI), hide_index=True, width="stretch", key="batch_table")
    c1, c2 = st.columns(2)
    with c1:
        st.markdown("#### Findings per category")
        per_cat = findings_per_category(result, UI)
        st.bar_chart({"category": list(per_cat), "findings": list(per_cat.values())}, x="category", y="findings",
                     horizontal=True)
    with c2:
        st.markdown("#### Over time")
        over_time = findings_over_time(result)
        if len(over_time) >= 2:
            st.line_chart(over_time, x="date", y="findings per report")
        else:
            st.caption("Needs reports from at least two dates (taken from the file or a date column).")
    st.markdown("#### Most reused passages")
    reused = reused_table(result)
    if reused:
        st.dataframe(reused, hide_index=True, width="stretch")
    else:
        st.caption("No passage appears in more than one report of this batch.")
    downloads(result)


def downloads(result) -> None:
    """CSV, JSON and a stand-alone HTML report, from the engine's exporters (drafting.batch_report)."""
    columns = st.columns(3)
    for column, name, mime, label in ((columns[0], "csv", "text/csv", "Download CSV"),
                                      (columns[1], "json", "application/json", "Download JSON"),
                                      (columns[2], "html", "text/html", "Download HTML report")):
        column.download_button(label, data=batch_report.RENDERERS[name](result), file_name=f"scores.{name}", mime=mime,
                               key=f"batch_{name}")


def render() -> None:
    cfg = company_config()
    st.subheader("Score many reports")
    st.caption("Score a folder's worth of past reports: where the team's writing goes wrong, and which passages "
               "are pasted into report after report. Per-row severity/audience/stage columns in a CSV or JSONL "
               "override the defaults below.")
    st.file_uploader(
        f"Reports (.md, .txt, .html, .docx, or .csv/.jsonl with a text column; up to {UI.upload_mb} MB each, "
        f"{UI.batch_files} files at most)",
        accept_multiple_files=True, key="batch_upload", max_upload_size=UI.upload_mb,
    )
    ctx = context_pickers("batch")
    if st.button("Score these reports", key="batch_run", type="primary"):
        run_batch(cfg, ctx)
    for problem in st.session_state.get("batch_problems", []):
        st.warning(plain(problem))
    result = st.session_state.get("batch_result")
    if result is not None:
        show_batch(result)


render()
