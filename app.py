"""The Streamlit app: the frame (title, company config in the sidebar, navigation) around four pages.

Each page is its own module in drafting/ui/pages/ and only the chosen page runs on a click
(st.navigation), so the library's exports are not rebuilt while someone reviews a draft.
Layout only: every check, draft, score and library call goes to the `drafting` engine.
Run it with `./run app` or `.venv/bin/streamlit run app.py`.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from drafting.ui.frame import CONFIG_KEY, engine_ready, grammar_help, keep_other_pages_state, restore_session, save_session, sidebar_config

PAGES = Path(__file__).resolve().parent / "drafting" / "ui" / "pages"


def main() -> None:
    st.set_page_config(page_title="Incident drafting", page_icon="📝", layout="wide")
    st.title("Incident communications: review and draft")
    page = st.navigation([
        st.Page(PAGES / "review.py", title="Review", url_path="review", default=True),
        st.Page(PAGES / "draft.py", title="Draft", url_path="draft"),
        st.Page(PAGES / "batch.py", title="Batch", url_path="batch"),
        st.Page(PAGES / "library.py", title="Library", url_path="library"),
    ], position="top")
    restore_session()
    st.session_state[CONFIG_KEY] = sidebar_config()
    keep_other_pages_state(page.url_path)
    engine_ready()
    page.run()
    grammar_help()
    save_session()


main()
