"""The classifier's view of the shared sentence encoder (drafting.encoder): the same model, loaded once."""
from __future__ import annotations

from ..encoder import encode, limit_threads, load, model_path

__all__ = ["encode", "limit_threads", "load", "model_path"]
