"""The Streamlit app: Review, Draft, Batch and Library pages, and the company config in the sidebar.

Layout only: every check, draft, score and library call goes to the `drafting` engine;
the small presentation helpers (escaped highlighting, sentence replacement, upload reading,
per-session memory) live in drafting/ui/.  Run it with `./run app` or
`.venv/bin/streamlit run app.py`.
"""
from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import streamlit as st

import drafting
from drafting import config as config_mod
from drafting.context import Audience, Context, Severity, Stage
from drafting.errors import DraftingError
from drafting.resources import data_dir
from drafting.ui.batch_view import findings_over_time, findings_per_category, reused_table, rows_table
from drafting.ui.cards import finding_card, omitted_html, rewrite_card
from drafting.ui.edit import replace_sentence
from drafting.ui.facts import corrections_block, duration_text, editable_facts, with_corrections
from drafting.ui.features import Feature, optional
from drafting.ui.highlight import highlight_html, legend_html
from drafting.ui.plain import plain
from drafting.ui.settings import load_settings
from drafting.ui.state import Memo, review_key
from drafting.ui.uploads import CONFIG_TYPES, TEXT_TYPES, read_upload, upload_inputs

SEVERITIES = [s.value for s in Severity]
AUDIENCES = [a.value for a in Audience]
STAGES = [s.value for s in Stage]
UI = load_settings()


# ---------------------------------------------------------------- shared, once per process
@st.cache_resource(show_spinner="Loading the language models (once per server)...")
def engine_ready() -> bool:
    """Load spaCy and the classifier once per server process; the engine shares them across sessions."""
    drafting.check("A configuration change removed a table.", use_grammar=False)
    return True


@st.cache_resource
def features() -> dict[str, Feature]:
    """The optional engine parts this build has."""
    return {
        "rewrite": optional("rewrite", "rewrite"),
        "draft": optional("draft", "draft"),
        "batch": optional("batch", "score_reports"),
        "batch_report": optional("batch_report"),
        "corpus": optional("corpus", "Library"),
    }


@st.cache_resource
def open_library(path: str):
    """One Library object per database file, shared by every session (it locks its own connection)."""
    return features()["corpus"].module.Library(path)


def unexpected(what: str, exc: Exception) -> str:
    """One plain line for an engine failure that is not the user's fault; their text stays in the page."""
    return (f"{what} failed unexpectedly ({exc.__class__.__name__}: {exc}). Your text is kept; "
            "try again, and report this if it repeats.")


def accepts(func, name: str) -> bool:
    try:
        return name in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------- sidebar: company config
def load_upload(upload_key: str, target_key: str, types) -> None:
    """Put an uploaded file's text where its text box reads it; a bad file leaves the box alone and says why."""
    upload = st.session_state.get(upload_key)
    if upload is None:
        return
    try:
        st.session_state[target_key] = read_upload(upload.name, upload.getvalue(), types, UI.upload_bytes)
        st.session_state[upload_key + "_error"] = ""
    except DraftingError as exc:
        st.session_state[upload_key + "_error"] = str(exc)


def file_into_text(where: Any, label: str, upload_key: str, target_key: str, types: tuple[str, ...]) -> None:
    """A file picker whose file fills a text box; why a file was refused is shown under it."""
    where.file_uploader(label, key=upload_key, max_upload_size=UI.upload_mb, on_change=load_upload,
                        args=(upload_key, target_key, types))
    if st.session_state.get(upload_key + "_error"):
        where.error(st.session_state[upload_key + "_error"])


def use_example_config() -> None:
    st.session_state["config_yaml"] = config_mod.EXAMPLE


def sidebar_config() -> drafting.CompanyConfig:
    """Company config from the sidebar YAML; errors shown plainly, the empty default used meanwhile."""
    sb = st.sidebar
    sb.header("Company config")
    sb.caption("Glossary, banned phrases, product names, leak patterns and contact, as YAML. Every key is optional.")
    file_into_text(sb, f"Upload a config (.yaml, up to {UI.upload_mb} MB)", "config_upload", "config_yaml", CONFIG_TYPES)
    sb.text_area("Config YAML", key="config_yaml", height=220, placeholder="company: Example Pay\nbanned_phrases:\n  - world-class service")
    sb.button("Start from the example", on_click=use_example_config)
    text = st.session_state.get("config_yaml", "")
    if not text.strip():
        sb.caption("No company config: the built-in lists are used.")
        return drafting.CompanyConfig()
    try:
        cfg = config_mod.from_yaml(text, "Company config")
    except DraftingError as exc:
        sb.error(plain(f"{exc} Until it is fixed, the built-in lists are used."))
        return drafting.CompanyConfig()
    sb.success(plain(
        f"Config OK: {cfg.company or 'no company name'}; {len(cfg.glossary)} glossary term(s), "
        f"{len(cfg.banned_phrases)} banned phrase(s), {len(cfg.product_names)} product name(s), "
        f"{sum(len(v) for v in cfg.leak_patterns.values())} leak pattern(s)."
    ))
    return cfg


def library_for(cfg: drafting.CompanyConfig):
    """The past-reports library used for reuse detection, or None when this build has none."""
    if not features()["corpus"].available:
        return None
    try:
        st.session_state.pop("library_error", None)
        return open_library(str(Path(cfg.library).expanduser() if cfg.library else features()["corpus"].module.default_path()))
    except DraftingError as exc:
        st.session_state["library_error"] = str(exc)
    except Exception as exc:  # an unreadable database must not stop reviews
        st.session_state["library_error"] = f"The library could not be opened ({exc.__class__.__name__}: {exc})."
    return None


def checked(text: str, ctx: Context, cfg: drafting.CompanyConfig, library) -> drafting.CheckResult:
    """drafting.check, remembered per session by text + context + config, so unchanged reruns are free."""
    memo = Memo(st.session_state, "_check_memo", UI.results_kept)
    key = review_key(text, ctx.key(), cfg.fingerprint(), str(id(library)) if library is not None else "")
    return memo.get(key, lambda: drafting.check(
        text, ctx.severity, ctx.audience, ctx.stage, config=cfg, library=library))


def show_review(result: drafting.CheckResult, text: str) -> None:
    """Summary row, legend and the draft with findings highlighted inline."""
    counts = result.counts()
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Findings", len(result.findings))
    c2.metric("Score", f"{result.score}/100")
    c3.metric("Readability grade", result.stats.get("readability_grade", "n/a"))
    c4.metric("Grammar", "on" if result.grammar.enabled else "off")
    if not result.grammar.enabled:
        st.caption(plain(result.grammar.message))
    st.html(legend_html(counts, UI))
    st.html(highlight_html(text, result.findings, UI))


def context_pickers(prefix: str, stage_default: str = "report") -> Context:
    c1, c2, c3 = st.columns(3)
    severity = c1.selectbox("Severity", SEVERITIES, index=1, key=f"{prefix}_severity",
                            help="sev1 = full outage or data loss; sev4 = cosmetic, few users")
    audience = c2.selectbox("Audience", AUDIENCES, index=1, key=f"{prefix}_audience",
                            help="technical: engineers; general: business users; executive: leadership of a key account")
    stage = c3.selectbox("Stage", STAGES, index=STAGES.index(stage_default), key=f"{prefix}_stage",
                         help="preliminary update, full report, personal follow-up, or internal review")
    return Context.of(severity, audience, stage)


# ---------------------------------------------------------------- Review
def apply_rewrite(state_key: str, start: int, end: int, option: str) -> None:
    """Replace the finding's sentence with the chosen rewrite; keep the old text for undo."""
    text = st.session_state.get(state_key, "")
    st.session_state.setdefault(f"{state_key}_undo", []).append(text)
    rewrite_mod = features()["rewrite"].module
    st.session_state[state_key] = replace_sentence(text, start, end, option,
                                                   getattr(rewrite_mod, "sentence_bounds", None))
    st.session_state[f"{state_key}_applied"] = option


def undo_rewrite(state_key: str) -> None:
    stack = st.session_state.get(f"{state_key}_undo") or []
    if stack:
        st.session_state[state_key] = stack.pop()
    st.session_state[f"{state_key}_applied"] = ""


def rewrites_for(f: drafting.Finding, text: str, ctx: Context, cfg: drafting.CompanyConfig) -> list[str]:
    """The engine's replacement sentences for one finding, remembered per session."""
    feature = features()["rewrite"]
    if not feature.available or f.end <= f.start:
        return []
    func = feature.module.rewrite
    memo = Memo(st.session_state, "_rewrite_memo", UI.results_kept * 8)
    key = (text, ctx.key(), cfg.fingerprint(), f.category, f.rule, f.start, f.end)

    def compute() -> list[str]:
        kwargs = {"config": cfg} if accepts(func, "config") else {}
        try:
            options = func(f, text, ctx, **kwargs) or []
        except DraftingError:
            return []
        return [o for o in options if isinstance(o, str) and o.strip()][: UI.rewrites_shown]

    return memo.get(key, compute)


def findings_list(result: drafting.CheckResult, text: str, ctx: Context, cfg, state_key: str) -> None:
    """Findings grouped by category, each with its rewrites and a one-click apply."""
    if not result.findings:
        st.success("No findings: this draft reads well for its severity, audience and stage.")
        return
    if not features()["rewrite"].available:
        st.caption(features()["rewrite"].message("Suggested rewrites"))
    for category, items in result.by_category().items():
        if not items:
            continue
        with st.expander(f"{UI.label(category)} ({len(items)})", expanded=category != "structure"):
            for i, f in enumerate(items):
                st.html(finding_card(f, UI))
                for j, option in enumerate(rewrites_for(f, text, ctx, cfg)):
                    st.html(rewrite_card(option))
                    st.button(
                        "Apply this rewrite", key=f"{state_key}_apply_{category}_{i}_{j}",
                        on_click=apply_rewrite, args=(state_key, f.start, f.end, option),
                    )


def review_page(cfg: drafting.CompanyConfig) -> None:
    st.subheader("Review a draft")
    st.caption("Paste your update, report or email. Findings are marked in the text; hover a mark for why and what to write instead.")
    file_into_text(st, f"Or open a file (.txt, .md, .html; up to {UI.upload_mb} MB)", "review_upload", "review_text", TEXT_TYPES)
    text = st.text_area("Draft", key="review_text", height=220,
                        placeholder="We are investigating an issue with payments...")
    ctx = context_pickers("review")
    applied = st.session_state.get("review_text_applied")
    if applied:
        c1, c2 = st.columns([4, 1])
        c1.caption(plain(f"Rewrite applied and re-checked: {applied}"))
        c2.button("Undo rewrite", on_click=undo_rewrite, args=("review_text",))
    if not text.strip():
        st.info("Paste a draft above to review it.")
        return
    library = library_for(cfg)
    try:
        result = checked(text, ctx, cfg, library)
    except DraftingError as exc:
        st.error(plain(exc))
        return
    except Exception as exc:  # an engine bug must not take the page (or the user's text) down
        st.error(plain(unexpected("The review", exc)))
        return
    show_review(result, text)
    st.download_button("Download this draft (.md)", data=text, file_name="draft.md", mime="text/markdown",
                       key="review_download")
    st.markdown("#### Findings")
    findings_list(result, text, ctx, cfg, "review_text")


# ---------------------------------------------------------------- pages not yet in this build
def unavailable(feature: Feature, what: str) -> bool:
    if feature.available:
        return False
    st.warning(feature.message(what))
    return True


def sample_writeups() -> dict[str, str]:
    """The sample write-ups shipped in data/samples/ (name -> path), for trying the page."""
    folder = data_dir() / "samples"
    return {p.stem.replace("_", " "): str(p) for p in sorted(folder.glob("*")) if p.suffix in (".md", ".txt")}


def load_sample() -> None:
    path = sample_writeups().get(st.session_state.get("draft_sample") or "")
    if path:
        st.session_state["draft_writeup"] = Path(path).read_text(encoding="utf-8")


def write_drafts(cfg: drafting.CompanyConfig, writeup: str, corrections: str = "") -> None:
    """Call drafting.draft once per chosen stage; keep the drafts and make each one editable."""
    stages = st.session_state.get("draft_stages") or []
    if not stages:
        st.session_state["draft_error"] = "Choose at least one stage."
        return
    draft_fn = features()["draft"].module.draft
    drafts = {}
    try:
        for stage in stages:
            drafts[stage] = draft_fn(
                with_corrections(writeup, corrections), stage, st.session_state["draft_audience"],
                st.session_state["draft_severity"], company=st.session_state.get("draft_company", ""),
                contact=st.session_state.get("draft_contact", ""), config=cfg)
    except DraftingError as exc:
        st.session_state["draft_error"] = str(exc)
        return
    except Exception as exc:  # noqa: BLE001
        st.session_state["draft_error"] = unexpected("Drafting", exc)
        return
    st.session_state["draft_error"] = ""
    st.session_state["drafts"] = drafts
    st.session_state["draft_corrections"] = corrections
    first = next(iter(drafts.values()))
    if not corrections:
        st.session_state["draft_facts_original"] = editable_facts(first.facts)
    for key, value in editable_facts(first.facts).items():
        st.session_state[f"fact_{key}"] = value
    for stage, d in drafts.items():
        st.session_state[f"draft_text_{stage}"] = d.text


def redraft_with_facts(cfg: drafting.CompanyConfig) -> None:
    original = st.session_state.get("draft_facts_original") or {}
    edited = {key: st.session_state.get(f"fact_{key}", "") for key in original}
    write_drafts(cfg, st.session_state.get("draft_writeup", ""), corrections_block(original, edited))


def draft_page(cfg: drafting.CompanyConfig) -> None:
    st.subheader("Draft from an internal write-up")
    if unavailable(features()["draft"], "Drafting"):
        return
    st.caption("Paste the engineers' write-up. You get customer drafts per stage, with nothing guessed and nothing "
               "internal; confirm the facts, edit the text, and each draft is re-checked as you go.")
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.selectbox("Sample write-ups", [""] + list(sample_writeups()), key="draft_sample",
                 format_func=lambda name: name or "(choose a sample to try)")
    c2.button("Load sample", key="draft_load_sample", on_click=load_sample)
    file_into_text(st, f"Or open a write-up (.txt, .md, .html; up to {UI.upload_mb} MB)", "draft_upload", "draft_writeup",
                   TEXT_TYPES)
    writeup = st.text_area("Internal write-up", key="draft_writeup", height=220,
                           placeholder="Timeline, impact, cause, action items...")
    c1, c2, c3 = st.columns([2, 1, 1])
    c1.multiselect("Stages", STAGES, default=["preliminary", "report"], key="draft_stages")
    c2.selectbox("Audience", AUDIENCES, index=1, key="draft_audience")
    c3.selectbox("Severity", SEVERITIES, index=1, key="draft_severity")
    c1, c2 = st.columns(2)
    c1.text_input("Company name", value=cfg.company, key="draft_company")
    c2.text_input("Contact (name <address> or address)", value=cfg.contact, key="draft_contact")
    if st.button("Write drafts", key="draft_run", type="primary", disabled=not writeup.strip()):
        with st.spinner("Drafting..."):
            write_drafts(cfg, writeup)
    if st.session_state.get("draft_error"):
        st.error(plain(st.session_state["draft_error"]))
    drafts = st.session_state.get("drafts")
    if drafts:
        facts_panel(cfg, next(iter(drafts.values())))
        show_drafts(cfg, drafts)


def facts_panel(cfg: drafting.CompanyConfig, first) -> None:
    """The facts the drafts rest on, for the liaison to confirm or correct."""
    st.markdown("#### Facts from the write-up: confirm or correct")
    c1, c2, c3 = st.columns([1, 1, 2])
    c1.text_input(f"Impact start ({first.facts.timezone})", key="fact_start", placeholder="YYYY-MM-DD HH:MM")
    c2.text_input(f"Impact end ({first.facts.timezone})", key="fact_end", placeholder="YYYY-MM-DD HH:MM")
    c3.text_input("Affected products (comma-separated)", key="fact_products")
    cause = " ".join(first.facts.cause.text.split()) if first.facts.cause else "not stated"
    cause = cause if len(cause) <= 220 else cause[:219] + "…"
    st.caption(plain(f"Duration: {duration_text(first.facts)}. Cause ({first.facts.cause_status}): {cause}"))
    if st.session_state.get("draft_corrections"):
        st.caption(plain("Drafted with your corrections: " + st.session_state["draft_corrections"].replace("\n", "; ")))
    st.button("Redraft with these facts", key="draft_redraft", on_click=redraft_with_facts, args=(cfg,))


def show_drafts(cfg: drafting.CompanyConfig, drafts: dict) -> None:
    """One tab per stage: the editable draft, its live review, and what was left out and why."""
    for tab, (stage, d) in zip(st.tabs([f"{s} draft" for s in drafts]), drafts.items()):
        with tab:
            text = st.text_area(f"{stage} draft (Markdown, editable)", key=f"draft_text_{stage}", height=320)
            ctx = Context.of(st.session_state["draft_severity"], st.session_state["draft_audience"], stage)
            if text.strip():
                try:
                    show_review(checked(text, ctx, cfg, library_for(cfg)), text)
                except DraftingError as exc:
                    st.error(plain(exc))
                except Exception as exc:  # noqa: BLE001
                    st.error(plain(unexpected("The review", exc)))
            st.markdown("**Left out on purpose, and why**")
            st.html(omitted_html(d.omitted))
            st.download_button("Download as Markdown", data=text, file_name=f"{stage}-draft.md",
                               mime="text/markdown", key=f"draft_download_{stage}")


def batch_page(cfg: drafting.CompanyConfig) -> None:
    st.subheader("Score many reports")
    if unavailable(features()["batch"], "Batch scoring"):
        return
    st.caption("Score a folder's worth of past reports: where the team's writing goes wrong, and which passages "
               "are pasted into report after report. Per-row severity/audience/stage columns in a CSV or JSONL "
               "override the defaults below.")
    st.file_uploader(
        f"Reports (.md, .txt, .html, or .csv/.jsonl with a text column; up to {UI.upload_mb} MB each, "
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
    if not inputs:
        st.session_state["batch_problems"] = problems + ["No readable report was found in the files chosen."]
        st.session_state.pop("batch_result", None)
        return
    bar = st.progress(0.0, text=f"Scoring {len(inputs)} report(s)...")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Scored {done} of {total} report(s)")

    try:
        result = features()["batch"].module.score_reports(
            inputs, ctx.severity, ctx.audience, ctx.stage, library=library_for(cfg), config=cfg, jobs=1,
            progress=progress)
    except DraftingError as exc:
        st.session_state["batch_problems"] = problems + [str(exc)]
        return
    except Exception as exc:  # noqa: BLE001
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
    c4.metric("Skipped", summary["skipped"])
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
    exporters = features()["batch_report"].module
    if exporters is None:
        st.caption(features()["batch_report"].message("CSV and HTML export"))
    columns = st.columns(3)
    for column, name, mime, label in ((columns[0], "csv", "text/csv", "Download CSV"),
                                      (columns[1], "json", "application/json", "Download JSON"),
                                      (columns[2], "html", "text/html", "Download HTML report")):
        func = getattr(exporters, f"to_{name}", None)
        if func is None and name == "json":
            func = lambda r: json.dumps(r.to_dict(), ensure_ascii=False, indent=2)  # noqa: E731
        if func is None:
            continue
        column.download_button(label, data=func(result), file_name=f"scores.{name}", mime=mime, key=f"batch_{name}")


def library_page(cfg: drafting.CompanyConfig) -> None:
    st.subheader("Past-reports library")
    if unavailable(features()["corpus"], "The past-reports library"):
        return
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
        f"Files (.md, .txt, .html, or .csv/.jsonl with a text column; up to {UI.upload_mb} MB each)",
        accept_multiple_files=True, key="library_upload", max_upload_size=UI.upload_mb,
    )
    st.button("Add files to the library", key="library_add_files", on_click=add_library_files, args=(lib,))
    with st.expander("Or paste one report"):
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
    c2.button("Remove", key="library_remove", on_click=remove_library_report, args=(lib, chosen))
    c1, c2 = st.columns(2)
    c1.download_button("Export (JSONL)", data=lib.export("jsonl"), file_name="library.jsonl",
                       mime="application/jsonl", key="library_export_jsonl")
    c2.download_button("Export (CSV)", data=lib.export("csv"), file_name="library.csv", mime="text/csv",
                       key="library_export_csv")


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


def remove_library_report(lib, report_id: int | None) -> None:
    if report_id is None:
        return
    try:
        record = lib.remove(report_id)
    except DraftingError as exc:
        st.session_state["library_problems"] = [str(exc)]
        return
    st.session_state["library_notice"] = f"Removed report {record.id}: {record.title}."


# ---------------------------------------------------------------- layout
def main() -> None:
    st.set_page_config(page_title="Incident drafting", page_icon="📝", layout="wide")
    st.title("Incident communications: review and draft")
    cfg = sidebar_config()
    engine_ready()
    review, draft, batch, library = st.tabs(["Review", "Draft", "Batch", "Library"])
    with review:
        review_page(cfg)
    with draft:
        draft_page(cfg)
    with batch:
        batch_page(cfg)
    with library:
        library_page(cfg)


main()
