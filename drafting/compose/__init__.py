"""Compose a draft for a stage (one small module each), then adapt it for the audience."""
from __future__ import annotations

from ..context import Stage
from . import followup, internal, preliminary, report
from .audience import adapt
from .document import Document, Unit
from .phrasing import Inputs, values

_STAGES = {
    Stage.PRELIMINARY: preliminary.compose,
    Stage.REPORT: report.compose,
    Stage.FOLLOWUP: followup.compose,
    Stage.INTERNAL: internal.compose,
}


def compose(inp: Inputs) -> Document:
    inp.values = values(inp)
    doc = _STAGES[inp.ctx.stage](inp)
    adapt(doc, inp)
    return doc


__all__ = ["compose", "Document", "Unit", "Inputs"]
