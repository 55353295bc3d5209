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
from drafting.ui.uploads import TEXT_TYPES


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


def redraft_with_facts(cfg: drafting.CompanyConfig) -> None:
    original = st.session_state.get("draft_facts_original") or {}
    edited = {key: st.session_state.get(f"fact_{key}", "") for key in original}
    write_drafts(cfg, st.session_state.get("draft_writeup", ""), corrections_block(original, edited))


def facts_panel(cfg: drafting.CompanyConfig, first) -> None:
    """The fact sheet the drafts rest on, as a form the liaison checks and corrects (drafting/ui/facts.py)."""
    facts_form(st, first.facts, st.session_state.get("draft_writeup", ""), redraft_with_facts, (cfg,))


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
                    st.error(plain(str(exc)))
                except Exception as exc:  # an engine bug must not take the page (or the user's text) down
                    st.error(plain(unexpected("The review", exc)))
            st.markdown("**Left out on purpose, and why**")
            st.html(omitted_html(d.omitted))
            st.download_button("Download as Markdown", data=text, file_name=f"{stage}-draft.md",
                               mime="text/markdown", key=f"draft_download_{stage}")


def render() -> None:
    cfg = company_config()
    st.subheader("Draft from an internal write-up")
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


render()
