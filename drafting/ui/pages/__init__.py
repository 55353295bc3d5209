"""The app's pages, one module each; app.py is the frame that picks one with st.navigation.

A page file is run by Streamlit as a script (only the chosen page runs on a click); the
helpers every page shares are in drafting/ui/frame.py.
"""
