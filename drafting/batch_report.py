"""Render a BatchResult as a table (terminal), CSV, JSON, or one standalone HTML file.

The HTML opens offline: styles and the small sort script are inline, charts are inline SVG,
and nothing is fetched from the network.
"""
from __future__ import annotations

import csv
import html
import io
import json
from collections import defaultdict

from . import catalog, csvsafe
from .batch import BatchResult, ReportRow, score_formula
from .findings import CATEGORIES


def _short(category: str) -> str:
    return catalog.meta(category).short


def _colour(category: str) -> str:
    """A category's chart colour (data/rules/<category>.yaml)."""
    meta = catalog.all_meta().get(category)
    return meta.chart_colour if meta else "#30638e"


def _worst_text(row: ReportRow) -> str:
    return row.worst[0]["text"].replace("\n", " ") if row.worst else ""


# ---------------------------------------------------------------- CSV / JSON / table

def to_csv(result: BatchResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source", "title", "date", "severity", "audience", "stage", "words", "score", *CATEGORIES,
                "findings", "library_reuse", "batch_reuse", "worst_sentence"])
    for r in result.rows:
        w.writerow(csvsafe.row([r.source, r.title, r.date or "", r.severity, r.audience, r.stage, r.words, r.score,
                    *(r.counts.get(c, 0) for c in CATEGORIES), r.findings, len(r.library_reuse), len(r.batch_reuse),
                    _worst_text(r)]))
    return buf.getvalue()


def to_json(result: BatchResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def to_table(result: BatchResult, width: int | None = None) -> str:
    """A plain-text table rendered with rich (wide terminals show more of the worst sentence)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold")
    for col, just in (("title", "left"), ("date", "left"), ("score", "right")):
        table.add_column(col, justify=just, no_wrap=col != "title", max_width=40 if col == "title" else None)
    for c in CATEGORIES:
        table.add_column(_short(c), justify="right")
    table.add_column("reuse lib/batch", justify="right")
    table.add_column("worst sentence", overflow="ellipsis", no_wrap=True, max_width=60)
    for r in result.rows:  # user text as Text: '[/bold]' or '[link=...]' in a title is shown, never read as markup
        table.add_row(Text(r.title), Text(r.date or ""), str(r.score), *(str(r.counts.get(c, 0) or "·") for c in CATEGORIES),
                      f"{len(r.library_reuse)}/{len(r.batch_reuse)}", Text(_worst_text(r)))
    console = Console(file=io.StringIO(), width=width or 200, force_terminal=False, color_system=None)
    console.print(table)
    return console.file.getvalue()


# ---------------------------------------------------------------- HTML

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2330;max-width:1400px}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e2e5ea;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f6f9;cursor:pointer;position:sticky;top:0;user-select:none}
th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.low{color:#a4161a;font-weight:600}.mid{color:#9a6700}.high{color:#1a7f37}
.muted{color:#6b7280}.chart{margin:.5rem 0 1rem}
.passage{background:#f8f9fb;border-left:3px solid #c9ced6;padding:.5rem .8rem;margin:.6rem 0}
details summary{cursor:pointer}
"""

_SORT_JS = """
document.querySelectorAll('table.sortable').forEach(function(table){
  var heads = table.querySelectorAll('th');
  heads.forEach(function(th, col){
    th.addEventListener('click', function(){
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var asc = !th.classList.contains('sorted-asc');
      heads.forEach(function(h){ h.classList.remove('sorted-asc','sorted-desc'); });
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      rows.sort(function(a, b){
        var x = a.cells[col].getAttribute('data-v'), y = b.cells[col].getAttribute('data-v');
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
        return asc ? c : -c;
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
});
"""

def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _bar_chart(values: dict[str, float], title: str, unit: str = "") -> str:
    """Horizontal bars, one per label, as inline SVG."""
    items = list(values.items())
    if not items:
        return ""
    top = max(v for _, v in items) or 1
    row_h, label_w, bar_w = 24, 120, 420
    height = row_h * len(items) + 10
    parts = [f'<svg class="chart" role="img" aria-label="{_e(title)}" width="{label_w + bar_w + 80}" '
             f'height="{height}"><title>{_e(title)}</title>']
    for i, (label, v) in enumerate(items):
        y = 5 + i * row_h
        w = bar_w * v / top
        color = _colour(label)
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">{_e(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{color}"/>'
                     f'<text x="{label_w + w + 5:.1f}" y="{y + 15}" font-size="12">{v:g}{unit}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _over_time_chart(rows: list[ReportRow]) -> str:
    """Stacked columns: findings per report, per month, by category (reports with a date only)."""
    months: dict[str, list[ReportRow]] = defaultdict(list)
    for r in rows:
        if r.date and len(r.date) >= 7 and r.date[:4].isdigit():
            months[r.date[:7]].append(r)
    if not months:
        return '<p class="muted">No report has a date, so there is no chart over time.</p>'
    keys = sorted(months)
    per = {m: {c: sum(r.counts.get(c, 0) for r in months[m]) / len(months[m]) for c in CATEGORIES} for m in keys}
    top = max(sum(v.values()) for v in per.values()) or 1
    col_w, plot_h, left = max(14, min(48, 900 // len(keys))), 220, 40
    width = left + col_w * len(keys) + 20
    parts = [f'<svg class="chart" role="img" aria-label="Findings per report over time" width="{width}" '
             f'height="{plot_h + 70}"><title>Findings per report, by month</title>',
             f'<text x="4" y="14" font-size="11">{top:.1f}</text><text x="4" y="{plot_h + 10}" font-size="11">0</text>']
    for i, m in enumerate(keys):
        x = left + i * col_w
        y = plot_h + 10
        for c in CATEGORIES:
            h = plot_h * per[m][c] / top
            if h <= 0:
                continue
            y -= h
            parts.append(f'<rect x="{x + 2}" y="{y:.1f}" width="{col_w - 4}" height="{h:.1f}" fill="{_colour(c)}">'
                         f'<title>{_e(m)} {c}: {per[m][c]:.2f} per report ({len(months[m])} reports)</title></rect>')
        parts.append(f'<text x="{x + col_w / 2:.1f}" y="{plot_h + 26}" font-size="10" text-anchor="end" '
                     f'transform="rotate(-45 {x + col_w / 2:.1f} {plot_h + 26})">{_e(m)}</text>')
    parts.append("</svg>")
    legend = " ".join(f'<span style="color:{_colour(c)}">■</span> {c}' for c in CATEGORIES)
    return "".join(parts) + f'<p class="muted">{legend}</p>'


def _score_class(score: int) -> str:
    return "low" if score < 60 else "mid" if score < 80 else "high"


def _row_html(r: ReportRow) -> str:
    cells = [f'<td data-v="{_e(r.title.lower())}">{_e(r.title)}<br><span class="muted">{_e(r.source)}</span></td>',
             f'<td data-v="{_e(r.date or "")}">{_e(r.date or "—")}</td>',
             f'<td data-v="{_e(r.severity + r.audience + r.stage)}">{_e(r.severity)} · {_e(r.audience)} · {_e(r.stage)}</td>',
             f'<td class="n {_score_class(r.score)}" data-v="{r.score}">{r.score}</td>']
    cells += [f'<td class="n" data-v="{r.counts.get(c, 0)}">{r.counts.get(c, 0) or ""}</td>' for c in CATEGORIES]
    cells.append(f'<td class="n" data-v="{len(r.library_reuse)}">{len(r.library_reuse) or ""}</td>')
    cells.append(f'<td class="n" data-v="{len(r.batch_reuse)}">{len(r.batch_reuse) or ""}</td>')
    worst = "".join(f'<li>{_e(w["text"])} <span class="muted">({_e(", ".join(w["categories"]))})</span></li>'
                    for w in r.worst)
    cells.append(f'<td data-v="{_e(-(r.worst[0]["penalty"] if r.worst else 0))}">'
                 f'{"<ol>" + worst + "</ol>" if worst else ""}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def to_html(result: BatchResult, title: str = "Incident report scores") -> str:
    """One self-contained HTML page: summary, charts, sortable table, most reused passages, skipped inputs."""
    s = result.summary()
    totals = {c: s["findings_per_category"][c] for c in CATEGORIES}
    head = "".join(f"<th>{_e(h)}</th>" for h in ["report", "date", "context", "score", *CATEGORIES,
                                                     "reuse (library)", "reuse (batch)", "worst sentences"])
    body = "".join(_row_html(r) for r in result.rows)
    passages = []
    for p in result.reused_passages:
        reports = ", ".join(f'{_e(x["title"])}{" (" + _e(x["date"]) + ")" if x.get("date") else ""}' for x in p["reports"])
        passages.append(f'<div class="passage"><p>{_e(p["text"])}</p><p class="muted">In {p["count"]} reports: '
                        f'{reports}</p></div>')
    lib_passages: dict[str, list[str]] = defaultdict(list)
    for r in result.rows:
        for m in r.library_reuse:
            lib_passages[m["text"]].append(r.title)
    lib_html = "".join(
        f'<div class="passage"><p>{_e(t)}</p><p class="muted">Repeats a library report; found in: {_e(", ".join(v))}</p></div>'
        for t, v in sorted(lib_passages.items(), key=lambda kv: -len(kv[1]))[:20])
    skipped = "".join(f"<li><b>{_e(x.source)}</b>: {_e(x.reason)}</li>" for x in result.skipped)
    mean = s["mean_score"] if s["mean_score"] is not None else "—"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{_CSS}</style></head>
<body>
<h1>{_e(title)}</h1>
<p>{s["reports"]} reports scored, mean score <b>{mean}</b>/100; {s["skipped"]} input(s) skipped.
{s["reports_reusing_library"]} report(s) repeat a passage from the library{f" ({_e(s['library'])})" if s["library"] else ""};
{s["reports_reusing_batch"]} share a passage with another report of this batch.</p>
<p class="muted">{_e(score_formula())}</p>
<h2>Findings per category</h2>
{_bar_chart(totals, "Findings per category, all reports")}
<h2>Findings over time</h2>
{_over_time_chart(result.rows)}
<h2>Reports</h2>
<p class="muted">Click a column heading to sort.</p>
<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
<h2>Most reused passages in this batch</h2>
{"".join(passages) or '<p class="muted">No passage appears in more than one report.</p>'}
<h2>Passages repeated from the library</h2>
{lib_html or '<p class="muted">None (or no library was used).</p>'}
<h2>Skipped inputs</h2>
{"<ul>" + skipped + "</ul>" if skipped else '<p class="muted">None.</p>'}
<script>{_SORT_JS}</script>
</body></html>
"""


RENDERERS = {"csv": to_csv, "json": to_json, "html": to_html, "table": to_table}
