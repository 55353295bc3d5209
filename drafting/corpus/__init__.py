"""The past-reports library (SQLite) and its reuse index; see docs/library-and-batch.md.

    from drafting.corpus import Library
"""
from .index import Match, ReuseIndex
from .ingest import ReportInput, Skipped, read_inputs
from .library import AddReport, Library, ReportRecord
from .store import SCHEMA_VERSION, default_path

__all__ = ["Library", "AddReport", "ReportRecord", "ReportInput", "Skipped", "read_inputs", "ReuseIndex", "Match",
           "SCHEMA_VERSION", "default_path"]
