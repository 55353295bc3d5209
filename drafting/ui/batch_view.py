"""Tables and chart data for the Batch page, from a drafting.batch BatchResult (plain lists of dicts)."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..findings import CATEGORIES
from .settings import UISettings, load_settings


def rows_table(result: Any, settings: UISettings | None = None) -> list[dict[str, Any]]:
    """One row per report: what it is, its score, findings per category, and reuse counts (sortable)."""
    settings = settings or load_settings()
    table = []
    for r in result.rows:
        row: dict[str, Any] = {
            "title": r.title, "date": r.date or "", "score": r.score, "findings": r.findings,
        }
        for c in CATEGORIES:
            row[settings.label(c)] = r.counts.get(c, 0)
        row["reused from library"] = len(r.library_reuse)
        row["shared in batch"] = len(r.batch_reuse)
        row.update({"severity": r.severity, "audience": r.audience, "stage": r.stage, "words": r.words,
                    "worst sentence": r.worst[0]["text"] if r.worst else "", "source": r.source})
        table.append(row)
    return table


def findings_per_category(result: Any, settings: UISettings | None = None) -> dict[str, int]:
    """Total findings per category over the batch, labelled for the chart."""
    settings = settings or load_settings()
    totals = {c: 0 for c in CATEGORIES}
    for r in result.rows:
        for c, n in r.counts.items():
            totals[c] = totals.get(c, 0) + n
    return {settings.label(c): n for c, n in totals.items()}


def findings_over_time(result: Any) -> list[dict[str, Any]]:
    """Mean findings and score per report date (YYYY-MM-DD), for reports that have a date; oldest first."""
    by_date: dict[str, list[Any]] = defaultdict(list)
    for r in result.rows:
        if r.date:
            by_date[str(r.date)[:10]].append(r)
    return [
        {"date": d, "reports": len(rs), "findings per report": round(sum(r.findings for r in rs) / len(rs), 2),
         "mean score": round(sum(r.score for r in rs) / len(rs), 1)}
        for d, rs in sorted(by_date.items())
    ]


def reused_table(result: Any) -> list[dict[str, Any]]:
    """The passages reused most across the batch, with the reports they appear in."""
    return [
        {"reports": p["count"], "passage": p["text"],
         "appears in": "; ".join(f"{x['title']} ({x['date']})" if x.get("date") else x["title"] for x in p["reports"])}
        for p in result.reused_passages
    ]
