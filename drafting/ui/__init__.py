"""Presentation helpers for the Streamlit app (app.py): pure functions, testable without Streamlit.

Nothing here checks or drafts text; it turns engine results into safe HTML, edits text
where the user asked for a rewrite, validates uploads and remembers results per session.
"""
