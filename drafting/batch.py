"""Score a whole archive of reports: per-report counts, 0-100 score, worst sentences, and reuse.

    from drafting.batch import score_reports
    result = score_reports(["reports/"], severity="sev2", jobs=2, library="library.sqlite3")
    for row in result: print(row.title, row.score, row.counts)

Reports are checked with drafting.check_many (one streamed spaCy pass per chunk) in N worker
processes. Reuse is looked for twice: against the library (the boilerplate check's
`reuse` findings) and between the reports of the batch itself (computed here, in the
parent, while the workers check).
"""
from __future__ import annotations

import bisect
import multiprocessing
import os
import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import score as scoring
from .catalog import penalty
from .config import CompanyConfig
from .context import Context
from .corpus.index import ReuseIndex
from .corpus.ingest import ReportInput, Skipped, read_inputs
from .corpus.text import Fingerprint, jaccard, paragraph_spans, passages, sentence_spans, settings, shingles
from .errors import DraftingError
from .findings import CATEGORIES, CheckResult

Progress = Callable[[int, int], None]
WORST_SENTENCES = 3


@dataclass
class ReportRow:
    """One scored report: what it is, its score, its counts, its worst sentences and its reuse."""

    index: int
    source: str
    title: str
    date: str | None
    severity: str
    audience: str
    stage: str
    words: int
    score: int
    counts: dict[str, int]
    worst: list[dict[str, Any]] = field(default_factory=list)          # {text, categories, penalty}
    library_reuse: list[dict[str, Any]] = field(default_factory=list)  # {text, message, confidence}
    batch_reuse: list[dict[str, Any]] = field(default_factory=list)    # {text, similarity, reports}

    @property
    def findings(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["findings"] = self.findings
        return data


@dataclass
class BatchResult:
    """All rows (in input order), what was skipped and why, and the passages reused most across the batch."""

    rows: list[ReportRow]
    skipped: list[Skipped]
    reused_passages: list[dict[str, Any]]
    seconds: float
    jobs: int
    library: str | None = None

    def __iter__(self) -> Iterator[ReportRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def summary(self) -> dict[str, Any]:
        n = len(self.rows)
        totals = {c: sum(r.counts.get(c, 0) for r in self.rows) for c in CATEGORIES}
        return {
            "reports": n,
            "skipped": len(self.skipped),
            "seconds": round(self.seconds, 2),
            "reports_per_second": round(n / self.seconds, 2) if self.seconds > 0 else None,
            "mean_score": round(sum(r.score for r in self.rows) / n, 1) if n else None,
            "findings_per_category": totals,
            "reports_reusing_library": sum(1 for r in self.rows if r.library_reuse),
            "reports_reusing_batch": sum(1 for r in self.rows if r.batch_reuse),
            "jobs": self.jobs,
            "library": self.library,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "reports": [r.to_dict() for r in self.rows],
            "reused_passages": self.reused_passages,
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "score_formula": score_formula(),
        }


def score_formula() -> str:
    """The score's definition as exports state it: the same one the review page uses (drafting/score.py)."""
    return scoring.formula()


# ---------------------------------------------------------------- worker side

_state: dict[str, Any] = {}
_inherited: dict[str, Any] = {}  # what the parent loaded just before forking: the workers reuse it


def _prepare_workers(library: Any, db_path: str | None, semantic: bool, use_model: bool) -> None:
    """Load, once and in the parent, what every worker needs: forked workers inherit it.

    Without this each worker spends seconds before its first report: building the library's
    reuse index (about 1 s for 1,000 reports), the checks' phrase lists and the parser.
    library: the caller's Library, whose index may already be built; a path is opened here.
    """
    from .engine import warm_up

    warm_up(use_model=use_model)
    _inherited.clear()
    if not db_path:
        return
    given = library is not None and not isinstance(library, (str, os.PathLike))
    opened = library if given else _open_library(db_path, semantic)
    try:
        _inherited["library"] = (db_path, semantic, opened.index_snapshot())
    finally:
        if not given:
            opened.close()


def _init_worker(db_path: str | None, semantic: bool, config: CompanyConfig | None, use_model: bool,
                 use_grammar: bool) -> None:
    if use_model and multiprocessing.parent_process() is not None:
        _one_thread_per_worker()
    library = _open_library(db_path, semantic)
    _state.update(library=library, config=config, use_model=use_model, use_grammar=use_grammar)


def _open_library(db_path: str | None, semantic: bool):
    if not db_path:
        return None
    from .corpus import Library

    library = Library(db_path, semantic=semantic)
    inherited = _inherited.get("library")
    if inherited is not None and inherited[:2] == (db_path, semantic):
        library.adopt_index(*inherited[2])
    return library


def _one_thread_per_worker() -> None:
    """N worker processes on N cores: each uses one thread, instead of all fighting for every core."""
    os.environ["OMP_NUM_THREADS"] = "1"
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass


def _worst_sentences(result: CheckResult) -> list[dict[str, Any]]:
    """The sentences that cost the most score (sum of weight x confidence of their findings)."""
    text = result.text
    spans = [s for ps, pe in paragraph_spans(text) for s in sentence_spans(text, ps, pe)]
    starts = [s for s, _ in spans]
    cost: dict[int, float] = {}
    cats: dict[int, set[str]] = {}
    for f in result.findings:
        if f.end <= f.start or f.category == "structure":
            continue
        i = bisect.bisect_right(starts, f.start) - 1
        if i < 0 or f.start >= spans[i][1]:
            continue
        cost[i] = cost.get(i, 0.0) + penalty([f])
        cats.setdefault(i, set()).add(f.category)
    top = sorted(cost, key=lambda i: -cost[i])[:WORST_SENTENCES]
    return [{"text": text[spans[i][0]:spans[i][1]], "categories": sorted(cats[i]), "penalty": round(cost[i], 1)}
            for i in top]


def _row(index: int, item: ReportInput, ctx: Context, result: CheckResult) -> ReportRow:
    return ReportRow(
        index=index, source=item.source, title=item.title, date=item.date,
        severity=ctx.severity.value, audience=ctx.audience.value, stage=ctx.stage.value,
        words=int(result.stats.get("words", 0)), score=result.score, counts=result.counts(),
        worst=_worst_sentences(result),
        library_reuse=[{"text": f.text, "message": f.message, "confidence": round(f.confidence, 3)}
                       for f in result.findings if f.source == "library"],
    )


def _check_chunk(chunk: list[tuple[int, ReportInput, Context]],
                 state: dict[str, Any] | None = None) -> list[ReportRow | tuple[int, Skipped]]:
    """Check a chunk in one spaCy stream; if one item breaks the stream, check the rest one by one.

    state: the settings for this run; a worker process uses the module's, set once by its initializer.
    """
    from .engine import check_many

    state = _state if state is None else state
    kwargs = dict(config=state.get("config"), library=state.get("library"),
                  use_model=state.get("use_model", True), use_grammar=state.get("use_grammar", True))
    try:
        results = list(check_many([(item.text, ctx) for _, item, ctx in chunk], **kwargs))
        return [_row(i, item, ctx, res) for (i, item, ctx), res in zip(chunk, results)]
    except Exception:  # noqa: BLE001 - find the one bad report; the others still count
        out: list[ReportRow | tuple[int, Skipped]] = []
        for i, item, ctx in chunk:
            try:
                res = next(check_many([(item.text, ctx)], **kwargs))
                out.append(_row(i, item, ctx, res))
            except DraftingError as exc:
                out.append((i, Skipped(item.source, str(exc))))
            except Exception as exc:  # noqa: BLE001
                out.append((i, Skipped(item.source, f"could not be checked ({exc.__class__.__name__}: {exc}).")))
        return out


# ---------------------------------------------------------------- batch-internal reuse

def batch_reuse(items: list[ReportInput]) -> tuple[list[list[dict[str, Any]]], list[dict[str, Any]]]:
    """Passages each report shares with other reports of the batch, and the most reused passages overall."""
    index = ReuseIndex()
    units = [passages(it.text) for it in items]
    prints = [[Fingerprint.of(p.text) for p in ps] for ps in units]  # once per passage: add, then query
    for i, ps in enumerate(units):
        for p, fp in zip(ps, prints[i]):
            index.add(p.text, i, fp=fp)
    per_report: list[list[dict[str, Any]]] = [[] for _ in items]
    min_cover = float(settings()["paragraph_min_coverage"])
    clusters: list[tuple[frozenset[int], str]] = []
    for i, ps in enumerate(units):
        covered: list[tuple[int, int]] = []
        for p, fp in zip(ps, prints[i]):  # paragraphs come before their sentences
            if any(s <= p.start and p.end <= e for s, e in covered):
                continue
            matches = index.matches(p.text, exclude=i, min_coverage=min_cover if p.kind == "para" else 0.0, fp=fp)
            if not matches:
                continue
            refs: set[Hashable] = set()
            for m in matches:
                refs |= m.refs
            covered.append((p.start, p.end))
            per_report[i].append({
                "text": p.text, "similarity": round(matches[0].similarity, 3),
                "reports": [items[int(r)].title for r in sorted(refs)],
            })
            clusters.append((frozenset(refs | {i}), p.text))
    return per_report, _most_reused(clusters, items)


def _most_reused(clusters: list[tuple[frozenset[int], str]], items: list[ReportInput], top: int = 20) -> list[dict]:
    threshold = float(settings()["similarity_threshold"])
    chosen: list[tuple[frozenset[int], str, frozenset[str]]] = []
    for refs, text in sorted(clusters, key=lambda c: (-len(c[0]), len(c[1]))):
        sh = shingles(text)
        if any(jaccard(sh, other) >= threshold for _, _, other in chosen):
            continue
        chosen.append((refs, text, sh))
        if len(chosen) >= top:
            break
    return [{"text": text, "count": len(refs),
             "reports": [{"title": items[r].title, "date": items[r].date, "source": items[r].source} for r in sorted(refs)]}
            for refs, text, _ in chosen]


# ---------------------------------------------------------------- the batch

def _context_for(item: ReportInput, default: Context) -> Context:
    return Context.of(item.severity or default.severity, item.audience or default.audience, item.stage or default.stage)


def _chunks(seq: list, size: int, jobs: int = 1) -> Iterator[list]:
    """Chunks of at most `size`, shrinking towards the end (to a quarter of what is left per worker).

    Big chunks keep the classifier's batches full; small last ones keep every worker busy until
    the end instead of one finishing a 32-report chunk while the other waits.
    """
    i = 0
    while i < len(seq):
        step = max(4, min(size, (len(seq) - i) // (jobs * 4)))
        yield seq[i: i + step]
        i += step


def score_reports(
    inputs: Iterable[str | os.PathLike | ReportInput],
    severity: Any = "sev2",
    audience: Any = "general",
    stage: Any = "report",
    *,
    library: Any = None,
    config: CompanyConfig | None = None,
    jobs: int = 1,
    use_model: bool = True,
    use_grammar: bool = True,
    progress: Progress | None = None,
) -> BatchResult:
    """Score every report under the given paths (or given ReportInputs); rows come back in input order.

    library: a Library, a path to its file, or None. Per-row severity/audience/stage override the defaults.
    """
    started = time.perf_counter()
    default = Context.of(severity, audience, stage)
    items: list[ReportInput] = []
    skipped: list[Skipped] = []
    given = list(inputs)
    items = [x for x in given if isinstance(x, ReportInput)]
    for entry in read_inputs([x for x in given if not isinstance(x, ReportInput)]):
        (skipped if isinstance(entry, Skipped) else items).append(entry)
    work: list[tuple[int, ReportInput, Context]] = []
    for item in items:
        try:
            work.append((len(work), item, _context_for(item, default)))
        except DraftingError as exc:
            skipped.append(Skipped(item.source, str(exc)))
    items = [w[1] for w in work]
    db_path, semantic = _library_spec(library)
    jobs = max(1, min(int(jobs or 1), os.cpu_count() or 1, max(1, len(work))))
    size = max(4, min(32, len(work) // (jobs * 4) or 4))
    init_args = (db_path, semantic, config, use_model, use_grammar)
    results: dict[int, ReportRow] = {}
    done = 0
    if progress:
        progress(0, len(work))

    def collect(batch: list[ReportRow | tuple[int, Skipped]]) -> None:
        nonlocal done
        for r in batch:
            if isinstance(r, ReportRow):
                results[r.index] = r
            else:
                skipped.append(r[1])
        done += len(batch)
        if progress:
            progress(done, len(work))

    if jobs == 1:
        # in this process (the app's sessions are threads of one process): settings stay local to this run
        own_library = isinstance(library, (str, os.PathLike))
        state = {"library": _open_library(db_path, semantic) if own_library else library, "config": config,
                 "use_model": use_model, "use_grammar": use_grammar}
        per_report, most = batch_reuse(items)
        for chunk in _chunks(work, size):
            collect(_check_chunk(chunk, state))
    else:
        forking = "fork" in multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if forking else "spawn")
        if forking:
            _prepare_workers(library, db_path, semantic, use_model)
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                     initargs=init_args) as pool:
                pending = {pool.submit(_check_chunk, chunk) for chunk in _chunks(work, size, jobs)}
                per_report, most = batch_reuse(items)  # the parent's share of the work, while workers check
                while pending:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in finished:
                        collect(fut.result())
        finally:
            _inherited.clear()  # the workers have their copies; the parent need not keep the index
    rows = [results[i] for i in sorted(results)]
    for row in rows:
        row.batch_reuse = per_report[row.index]
    return BatchResult(rows=rows, skipped=skipped, reused_passages=most, seconds=time.perf_counter() - started,
                       jobs=jobs, library=db_path)


def _library_spec(library: Any) -> tuple[str | None, bool]:
    """Workers open their own connection: pass the file path (and whether semantic matching is on)."""
    if library is None:
        return None, False
    if isinstance(library, (str, os.PathLike)):
        return str(Path(library)), False
    return str(library.path), bool(getattr(library, "semantic", False))
