"""Review page: paste a draft, see every finding marked in place, open its card beside the text, fix or dismiss it."""
from __future__ import annotations

import json

import streamlit as st

import drafting
from drafting.context import Context
from drafting.errors import DraftingError
from drafting.rewrite import rewrite
from drafting.ui import dismiss
from drafting.ui.cards import finding_card
from drafting.ui.edit import Undo, apply_fix
from drafting.ui.frame import UI, checked, company_config, context_pickers, file_into_text, library_for, summary_row, unexpected
from drafting.ui.highlight import highlight_html, legend_html
from drafting.ui.plain import plain
from drafting.ui.review_view import card_ids, category_summary, export_findings, shown_cards
from drafting.ui.state import Memo
from drafting.ui.uploads import TEXT_TYPES

KEY = "review_text"
EAGER_WORDS = 600  # drafts up to this long get their first cards' rewrites at once


def apply_rewrite(checked_text: str, start: int, end: int, option: str) -> None:
    """Replace the finding's sentence with the chosen rewrite, in the text it was computed for (or refuse)."""
    current = st.session_state.get(KEY, "")
    outcome = apply_fix(current, checked_text, start, end, option)
    if outcome.ok:
        Undo(st.session_state, KEY, UI.undo_levels).push(current)
        st.session_state[KEY] = outcome.text
        st.session_state["review_notice"] = ("success", outcome.message)
    else:
        st.session_state["review_notice"] = ("error", outcome.message)


def undo() -> None:
    if Undo(st.session_state, KEY, UI.undo_levels).undo():
        st.session_state["review_notice"] = ("success", "Undone: the text is back to how it was before the last fix.")


def dismiss_finding(key: str) -> None:
    st.session_state["review_dismissed"] = [*st.session_state.get("review_dismissed", []), key]
    st.session_state["review_notice"] = ("success", "Dismissed for this draft. It no longer counts in the score or the exports.")


def restore_dismissed() -> None:
    st.session_state["review_dismissed"] = []


def ask_disable(rule: str) -> None:
    st.session_state["review_disable_pending"] = rule


def disable_rule(rule: str) -> None:
    """Add the rule to the company config's disabled: list (the sidebar YAML), after the liaison confirmed."""
    st.session_state.pop("review_disable_pending", None)
    try:
        st.session_state["config_yaml"] = dismiss.with_disabled(st.session_state.get("config_yaml", ""), rule)
    except ValueError as exc:
        st.session_state["review_notice"] = ("error", str(exc))
        return
    st.session_state["review_notice"] = ("success", f"'{rule}' is now turned off in the company config (sidebar, "
                                                    "disabled:). Download or copy the config to keep it for the team.")


def cancel_disable() -> None:
    st.session_state.pop("review_disable_pending", None)


def open_card(key: str) -> None:
    st.session_state["review_open"] = [*st.session_state.get("review_open", []), key][-50:]


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


def card(f: drafting.Finding, n: int, card_id: str, text: str, ctx: Context, cfg, eager: bool) -> None:
    """One finding: why, what to write instead, its rewrites with Apply, and Dismiss."""
    key = dismiss.finding_key(f, text)
    st.html(finding_card(f, UI, card_id, n))
    if f.end > f.start:
        if eager or key in st.session_state.get("review_open", []):
            options = rewrites_for(f, text, ctx, cfg)
            for j, option in enumerate(options):
                st.code(option, language=None, wrap_lines=True)
                st.button("Apply this rewrite", key=f"review_apply_{n}_{j}", on_click=apply_rewrite,
                          args=(text, f.start, f.end, option))
            if not options:
                st.caption("No safe rewrite for this one: edit the sentence yourself.")
        else:
            st.button("Suggest rewrites", key=f"review_suggest_{n}", on_click=open_card, args=(key,))
    rule = dismiss.rule_id(f)
    c1, c2 = st.columns(2)
    c1.button("Dismiss: not this one", key=f"review_dismiss_{n}", on_click=dismiss_finding, args=(key,),
              help="Hide this finding for this draft; it no longer counts in the score or the exports.")
    c2.button("Never flag this rule", key=f"review_disable_{n}", on_click=ask_disable, args=(rule,),
              help=f"Turn '{rule}' off for the company: it is added to the config's disabled: list (asks first).")


def confirm_disable() -> None:
    rule = st.session_state.get("review_disable_pending")
    if not rule:
        return
    with st.container(border=True):
        st.warning(plain(f"Turn '{rule}' off for everyone who uses this company config? It goes into the config's "
                         "disabled: list, and no draft will be flagged for it until it is removed."))
        c1, c2 = st.columns(2)
        c1.button(f"Yes, turn {rule} off", key="review_disable_yes", on_click=disable_rule, args=(rule,), type="primary")
        c2.button("Cancel", key="review_disable_no", on_click=cancel_disable)


def findings_panel(result: drafting.CheckResult, shown: list, text: str, ctx: Context, cfg) -> None:
    """The cards beside the text: a summary by category, then up to cards_shown cards (or all)."""
    if not result.findings:
        st.success("No findings: this draft reads well for its severity, audience and stage.")
        return
    total = len(shown)
    show_all = st.toggle(f"Show all {total} findings", key="review_show_all") if total > UI.cards_shown else True
    st.caption(plain(category_summary(result.findings, UI)))
    ids = card_ids(shown)
    # a rewrite is re-checked in full before it is offered (~0.5 s each): a long draft's cards ask for them
    eager = UI.rewrites_eager if len(text.split()) <= EAGER_WORDS else 0
    with st.container(height=640, border=True):
        for n, f in enumerate(shown if show_all else shown[: UI.cards_shown], start=1):
            card(f, n, ids[id(f)], text, ctx, cfg, eager=n <= eager)
        if not show_all:
            st.caption(plain(f"{total - UI.cards_shown} more finding(s): use 'Show all' above."))


def notice() -> None:
    kind, message = st.session_state.pop("review_notice", ("", ""))
    if message:
        (st.success if kind == "success" else st.error)(plain(message))


def render() -> None:
    cfg = company_config()
    st.subheader("Review a draft")
    st.caption("Paste your update, report or email. Findings are marked in the text: click a mark (or Tab to it and "
               "press Enter) to open its card beside the text, with why, what to write instead, Apply and Dismiss.")
    file_into_text(st, f"Or open a file (.txt, .md, .html, .docx; up to {UI.upload_mb} MB)", "review_upload", KEY, TEXT_TYPES)
    text = st.text_area("Draft", key=KEY, height=220, placeholder="We are investigating an issue with payments...")
    c1, c2, c3 = st.columns([4, 1, 1], vertical_alignment="center")
    c1.caption("Press Ctrl+Enter (⌘+Enter on a Mac) in the box, or the Check button, to check the text.")
    c2.button("Check", key="review_check", type="primary")
    steps = len(Undo(st.session_state, KEY, UI.undo_levels))
    c3.button(f"Undo ({steps})", key="review_undo", on_click=undo, disabled=not steps,
              help="Take back the last applied fix; press again to go further back.")
    ctx = context_pickers("review")
    notice()
    confirm_disable()
    if not text.strip():
        st.info("Paste a draft above to review it.")
        return
    library = library_for(cfg)
    words = len(text.split())
    try:
        if words > 400:
            with st.spinner(f"Checking {words:,} words..."):
                result = checked(text, ctx, cfg, library)
        else:
            result = checked(text, ctx, cfg, library)
    except DraftingError as exc:
        st.error(plain(str(exc)))
        return
    except Exception as exc:  # an engine bug must not take the page (or the user's text) down
        st.error(plain(unexpected("The review", exc)))
        return
    dismissed = st.session_state.get("review_dismissed", [])
    kept = result.without(lambda f: dismiss.is_dismissed(f, text, dismissed))
    summary_row(kept)
    if len(kept.findings) < len(result.findings):
        c1, c2 = st.columns([4, 1])
        c1.caption(plain(f"{len(result.findings) - len(kept.findings)} finding(s) dismissed for this draft."))
        c2.button("Bring them back", key="review_undismiss", on_click=restore_dismissed)
    st.html(legend_html(kept.counts(), UI))
    shown = shown_cards(kept.findings, len(text))
    limit = len(shown) if st.session_state.get("review_show_all") else UI.cards_shown
    left, right = st.columns([3, 2])
    with left:
        st.html(highlight_html(text, kept.findings, UI, cards={k: v for k, v in card_ids(shown[:limit]).items()}))
        c1, c2 = st.columns(2)
        c1.download_button("Download this draft (.md)", data=text, file_name="draft.md", mime="text/markdown",
                           key="review_download")
        c2.download_button("Download findings (.json)", key="review_download_findings", mime="application/json",
                           file_name="findings.json",
                           data=json.dumps(export_findings(kept, result, text, dismissed), indent=2, ensure_ascii=False))
    with right:
        findings_panel(kept, shown, text, ctx, cfg)


render()
