"""The incident fact sheet: read from a write-up (build_sheet), reviewed by the liaison, composed from."""
from .build import build_sheet
from .sheet import CAUSE_STATUSES, Fact, FactSheet

__all__ = ["build_sheet", "Fact", "FactSheet", "CAUSE_STATUSES"]
