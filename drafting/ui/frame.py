"""What every page of the app shares: settings, the company config from the sidebar, the cached
engine and library, the review display, and the small upload and context widgets.

Layout only: every check, draft, score and library call goes to the `drafting` engine.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

import drafting
from drafting import config as config_mod
from drafting.context import Audience, Context, Severity, Stage
from drafting.corpus import Library, default_path
from drafting.errors import DraftingError
from drafting.ui.highlight import highlight_html, legend_html
from drafting.ui.plain import plain
from drafting.ui.settings import load_settings
from drafting.ui.state import Memo, review_key
from drafting.ui.store import SessionStore, new_id, restore_into, snapshot, valid_id
from drafting.ui.uploads import CONFIG_TYPES, read_upload

SEVERITIES = [s.value for s in Severity]
AUDIENCES = [a.value for a in Audience]
STAGES = [s.value for s in Stage]
UI = load_settings()
CONFIG_KEY = "_company_config"


@st.cache_resource(show_spinner="Loading the language models (once per server)...")
def engine_ready() -> bool:
    """Load spaCy and the classifier once per server process; the engine shares them across sessions."""
    drafting.check("A configuration change removed a table.", use_grammar=False)
    return True


@st.cache_resource
def open_library(path: str) -> Library:
    """One Library object per database file, shared by every session (it locks its own connection)."""
    return Library(path)


def unexpected(what: str, exc: Exception) -> str:
    """One plain line for an engine failure that is not the user's fault; their text stays in the page."""
    return (f"{what} failed unexpectedly ({exc.__class__.__name__}: {exc}). Your text is kept; "
            "try again, and report this if it repeats.")


# The session-state keys each page's widgets use (the frame keeps them while another page runs).
PAGE_KEYS = {"review": ("review_",), "draft": ("draft_", "fact_"), "batch": ("batch_",), "library": ("library_",)}


def keep_other_pages_state(current: str) -> None:
    """Keep what the user typed on the other pages: Streamlit drops the state of widgets a run does not draw.

    Text and choices only (buttons and uploads cannot be set), and never the running page's own
    keys, whose widgets are drawn in this run.
    """
    others = tuple(p for page, prefixes in PAGE_KEYS.items() if page != current for p in prefixes)
    for key in list(st.session_state.keys()):
        value = st.session_state[key]
        if isinstance(key, str) and key.startswith(others) and (
                isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            st.session_state[key] = value


# ---------------------------------------------------------------- uploads and the sidebar config
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


def company_config() -> drafting.CompanyConfig:
    """The config the frame read from the sidebar in this run."""
    return st.session_state.get(CONFIG_KEY) or drafting.CompanyConfig()


def library_for(cfg: drafting.CompanyConfig) -> Library | None:
    """The past-reports library used for reuse detection, or None when it cannot be opened."""
    try:
        st.session_state.pop("library_error", None)
        return open_library(str(Path(cfg.library).expanduser() if cfg.library else default_path()))
    except DraftingError as exc:
        st.session_state["library_error"] = str(exc)
    except Exception as exc:  # an unreadable database must not stop reviews
        st.session_state["library_error"] = f"The library could not be opened ({exc.__class__.__name__}: {exc})."
    return None


# ---------------------------------------------------------------- reviewing
def checked(text: str, ctx: Context, cfg: drafting.CompanyConfig, library) -> drafting.CheckResult:
    """drafting.check, remembered per session by text + context + config, so unchanged reruns are free."""
    memo = Memo(st.session_state, "_check_memo", UI.results_kept)
    key = review_key(text, ctx.key(), cfg.fingerprint(), str(id(library)) if library is not None else "")
    return memo.get(key, lambda: drafting.check(
        text, ctx.severity, ctx.audience, ctx.stage, config=cfg, library=library))


def summary_row(result: drafting.CheckResult) -> None:
    """Findings, score (with what it means), readability and grammar; how to turn grammar on is in the sidebar, once."""
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Findings", len(result.findings))
    c2.metric("Score", f"{result.score}/100", help="What the score means: docs/score.md. 100 is a complete draft of a "
              "sensible length for its stage with nothing flagged.")
    c3.metric("Readability grade", result.stats.get("readability_grade", "n/a"))
    c4.metric("Grammar", "on" if result.grammar.enabled else "off",
              help=None if result.grammar.enabled else "How to turn it on: see 'Grammar checking' in the sidebar.")
    st.caption(plain("Score: " + result.score_detail().explain()))
    if not result.grammar.enabled:
        st.session_state["_grammar_help"] = result.grammar.message


def show_review(result: drafting.CheckResult, text: str) -> None:
    """Summary row, legend and the draft with findings highlighted inline."""
    summary_row(result)
    st.html(legend_html(result.counts(), UI))
    st.html(highlight_html(text, result.findings, UI))


def grammar_help() -> None:
    """How to turn grammar checking on: once, in the sidebar, not in every result."""
    message = st.session_state.get("_grammar_help")
    if message:
        with st.sidebar.expander("Grammar checking is off"):
            st.caption(plain(message))


# ---------------------------------------------------------------- kept across a page reload
SESSION_PARAM = "s"


@st.cache_resource
def session_store() -> SessionStore:
    store = SessionStore()
    store.prune()
    return store


def restore_session() -> None:
    """Give this browser session an id in the address (?s=...) and put back what it had before a reload."""
    sid = st.session_state.get("_sid")
    if not sid:
        asked = st.query_params.get(SESSION_PARAM, "")
        sid = asked if valid_id(asked) else new_id()
        st.session_state["_sid"] = sid
        restore_into(st.session_state, session_store().load(sid))
    if st.query_params.get(SESSION_PARAM) != sid:
        st.query_params[SESSION_PARAM] = sid


def save_session() -> None:
    sid = st.session_state.get("_sid")
    if sid:
        session_store().save(sid, snapshot(st.session_state))


def context_pickers(prefix: str, stage_default: str = "report") -> Context:
    c1, c2, c3 = st.columns(3)
    severity = c1.selectbox("Severity", SEVERITIES, index=1, key=f"{prefix}_severity",
                            help="sev1 = full outage or data loss; sev4 = cosmetic, few users")
    audience = c2.selectbox("Audience", AUDIENCES, index=1, key=f"{prefix}_audience",
                            help="technical: engineers; general: business users; executive: leadership of a key account")
    stage = c3.selectbox("Stage", STAGES, index=STAGES.index(stage_default), key=f"{prefix}_stage",
                         help="preliminary update, full report, personal follow-up, or internal review")
    return Context.of(severity, audience, stage)
