"""Review page: paste a draft, see every finding marked in place, apply a rewrite with one click."""
from __future__ import annotations

import streamlit as st

import drafting
from drafting.context import Context
from drafting.errors import DraftingError
from drafting.rewrite import rewrite
from drafting.ui.cards import finding_card, rewrite_card
from drafting.ui.edit import replace_sentence
from drafting.ui.frame import UI, checked, company_config, context_pickers, file_into_text, library_for, show_review, unexpected
from drafting.ui.plain import plain
from drafting.ui.state import Memo
from drafting.ui.uploads import TEXT_TYPES


def apply_rewrite(state_key: str, start: int, end: int, option: str) -> None:
    """Replace the finding's sentence with the chosen rewrite; keep the old text for undo."""
    text = st.session_state.get(state_key, "")
    st.session_state.setdefault(f"{state_key}_undo", []).append(text)
    st.session_state[state_key] = replace_sentence(text, start, end, option)
    st.session_state[f"{state_key}_applied"] = option


def undo_rewrite(state_key: str) -> None:
    stack = st.session_state.get(f"{state_key}_undo") or []
    if stack:
        st.session_state[state_key] = stack.pop()
    st.session_state[f"{state_key}_applied"] = ""


def rewrites_for(f: drafting.Finding, text: str, ctx: Context, cfg: drafting.CompanyConfig) -> list[str]:
    """The engine's replacement sentences for one finding, remembered per session."""
    if f.end <= f.start:
        return []
    memo = Memo(st.session_state, "_rewrite_memo", UI.results_kept * 8)
    key = (text, ctx.key(), cfg.fingerprint(), f.category, f.rule, f.start, f.end)

    def compute() -> list[str]:
        try:
            options = rewrite(f, text, ctx, config=cfg) or []
        except DraftingError:
            return []
        return [o for o in options if isinstance(o, str) and o.strip()][: UI.rewrites_shown]

    return memo.get(key, compute)


def findings_list(result: drafting.CheckResult, text: str, ctx: Context, cfg, state_key: str) -> None:
    """Findings grouped by category, each with its rewrites and a one-click apply."""
    if not result.findings:
        st.success("No findings: this draft reads well for its severity, audience and stage.")
        return
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


def render() -> None:
    cfg = company_config()
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
        st.error(plain(str(exc)))
        return
    except Exception as exc:  # an engine bug must not take the page (or the user's text) down
        st.error(plain(unexpected("The review", exc)))
        return
    show_review(result, text)
    st.download_button("Download this draft (.md)", data=text, file_name="draft.md", mime="text/markdown",
                       key="review_download")
    st.markdown("#### Findings")
    findings_list(result, text, ctx, cfg, "review_text")


render()
