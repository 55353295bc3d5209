"""Draft page: an internal write-up in, customer drafts per stage out, each editable and re-checked live."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

import drafting
from drafting.context import Context
from drafting.errors import DraftingError
from drafting.resources import data_dir
from drafting.ui.cards import omitted_html
from drafting.ui.facts import corrections_block, editable_facts, facts_form, with_corrections
from drafting.ui.frame import AUDIENCES, SEVERITIES, STAGES, UI, checked, company_config, file_into_text, library_for, show_review, unexpected
from drafting.ui.plain import plain
from drafting.ui.prefill import prefill_from_config
from drafting.ui.uploads import TEXT_TYPES


def sample_writeups() -> dict[str, str]:
    """The sample write-ups shipped in data/samples/ (name -> path), for trying the page."""
    folder = data_dir() / "samples"
    return {p.stem.replace("_", " "): str(p) for p in sorted(folder.glob("*")) if p.suffix in (".md", ".txt")}


def load_sample() -> None:
    path = sample_writeups().get(st.session_state.get("draft_sample") or "")
    if path:
        st.session_state["draft_writeup"] = Path(path).read_text(encoding="utf-8")


def hand_edited() -> list[str]:
    """Stages whose draft text the liaison changed since it was written."""
    saved = st.session_state.get("draft_saved") or {}
    return [stage for stage, d in saved.items()
            if isinstance(d, dict) and st.session_state.get(f"draft_text_{stage}", d.get("text")) != d.get("text")]


def request_drafts(cfg: drafting.CompanyConfig, writeup: str, corrections: str = "") -> None:
    """Write the drafts, unless that would replace hand edits: then ask first."""
    if hand_edited():
        st.session_state["draft_confirm"] = {"corrections": corrections}
        return
    write_drafts(cfg, writeup, corrections)


def confirm_replace(cfg: drafting.CompanyConfig) -> None:
    pending = st.session_state.pop("draft_confirm", None)
    if pending is not None:
        write_drafts(cfg, st.session_state.get("draft_writeup", ""), pending.get("corrections", ""))


def keep_edits() -> None:
    st.session_state.pop("draft_confirm", None)


def write_drafts(cfg: drafting.CompanyConfig, writeup: str, corrections: str = "") -> None:
    """Call drafting.draft once per chosen stage; keep the drafts and make each one editable."""
    stages = st.session_state.get("draft_stages") or []
    if not stages:
        st.session_state["draft_error"] = "Choose at least one stage."
        return
    drafts = {}
    try:
        for stage in stages:
            drafts[stage] = drafting.draft(
                with_corrections(writeup, corrections), stage, st.session_state["draft_audience"],
                st.session_state["draft_severity"], company=st.session_state.get("draft_company", ""),
                contact=st.session_state.get("draft_contact", ""), config=cfg)
    except DraftingError as exc:
        st.session_state["draft_error"] = str(exc)
        return
    except Exception as exc:  # an engine bug must not take the page (or the user's text) down
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
    # what each draft said when written (kept across a reload; edits are measured against it)
    st.session_state["draft_saved"] = {stage: {"text": d.text, "omitted": list(d.omitted)} for stage, d in drafts.items()}


def redraft_with_facts(cfg: drafting.CompanyConfig) -> None:
    original = st.session_state.get("draft_facts_original") or {}
    edited = {key: st.session_state.get(f"fact_{key}", "") for key in original}
    request_drafts(cfg, st.session_state.get("draft_writeup", ""), corrections_block(original, edited))


def facts_panel(cfg: drafting.CompanyConfig, first) -> None:
    """The fact sheet the drafts rest on, as a form the liaison checks and corrects (drafting/ui/facts.py)."""
    facts_form(st, first.facts, st.session_state.get("draft_writeup", ""), redraft_with_facts, (cfg,))


def show_drafts(cfg: drafting.CompanyConfig, drafts: dict) -> None:
    """One tab per stage: the editable draft, its live review, and what was left out and why.

    ``drafts`` maps a stage to {"text", "omitted"} as written (kept across a page reload).
    """
    for tab, (stage, d) in zip(st.tabs([f"{s} draft" for s in drafts]), drafts.items()):
        with tab:
            text = st.text_area(f"{stage} draft (Markdown, editable)", key=f"draft_text_{stage}", height=320)
            ctx = Context.of(st.session_state["draft_severity"], st.session_state["draft_audience"], stage)
            if text.strip():
                try:
                    show_review(checked(text, ctx, cfg, library_for(cfg)), text)
                except DraftingError as exc:
                    st.error(plain(str(exc)))
                except Exception as exc:  # an engine bug must not take the page (or the user's text) down
                    st.error(plain(unexpected("The review", exc)))
            st.markdown("**Left out on purpose, and why**")
            st.html(omitted_html(d.get("omitted") or []))
            c1, c2 = st.columns([1, 3])
            c1.download_button("Download as Markdown", data=text, file_name=f"{stage}-draft.md",
                               mime="text/markdown", key=f"draft_download_{stage}")
            with c2.expander("Copy this draft"):
                st.code(text, language=None, wrap_lines=True)  # the code block's copy button copies it exactly


def render() -> None:
    cfg = company_config()
    st.subheader("Draft from an internal write-up")
    st.caption("Paste the engineers' write-up. You get customer drafts per stage, with nothing guessed and nothing "
               "internal; confirm the facts, edit the text, and each draft is re-checked as you go.")
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.selectbox("Sample write-ups", [""] + list(sample_writeups()), key="draft_sample",
                 format_func=lambda name: name or "(choose a sample to try)")
    c2.button("Load sample", key="draft_load_sample", on_click=load_sample)
    file_into_text(st, f"Or open a write-up (.txt, .md, .html, .docx; up to {UI.upload_mb} MB)", "draft_upload", "draft_writeup",
                   TEXT_TYPES)
    writeup = st.text_area("Internal write-up", key="draft_writeup", height=220,
                           placeholder="Timeline, impact, cause, action items...")
    c1, c2, c3 = st.columns([2, 1, 1])
    c1.multiselect("Stages", STAGES, default=["preliminary", "report"], key="draft_stages")
    c2.selectbox("Audience", AUDIENCES, index=1, key="draft_audience")
    c3.selectbox("Severity", SEVERITIES, index=1, key="draft_severity")
    prefill_from_config(st.session_state, cfg)
    c1, c2 = st.columns(2)
    c1.text_input("Company name", key="draft_company", help="Filled from the company config's company: when it has one.")
    c2.text_input("Contact (name <address> or address)", key="draft_contact",
                  help="Filled from the company config's contact: when it has one.")
    if st.button("Write drafts", key="draft_run", type="primary", disabled=not writeup.strip()):
        with st.spinner("Drafting..."):
            request_drafts(cfg, writeup)
    if st.session_state.get("draft_confirm") is not None:
        with st.container(border=True):
            st.warning(plain("You edited the " + ", ".join(hand_edited()) + " draft(s). Writing the drafts again replaces "
                             "your edits. Copy or download them first if you want to keep them."))
            c1, c2 = st.columns(2)
            c1.button("Replace my edits", key="draft_confirm_yes", on_click=confirm_replace, args=(cfg,), type="primary")
            c2.button("Keep my edits", key="draft_confirm_no", on_click=keep_edits)
    if st.session_state.get("draft_error"):
        st.error(plain(st.session_state["draft_error"]))
    drafts = st.session_state.get("drafts")
    saved = st.session_state.get("draft_saved") or {}
    if drafts:
        facts_panel(cfg, next(iter(drafts.values())))
    elif saved:
        st.caption("Your drafts are back after the page reload. Press Write drafts for the fact sheet again.")
    if saved:
        show_drafts(cfg, saved)


render()
