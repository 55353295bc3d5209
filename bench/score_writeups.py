"""Score drafting on a folder of write-ups with an answer sheet (index.json, schema of ../shared/writeups-dev).

    PYTHONPATH=. python bench/score_writeups.py ../shared/writeups-dev [--only w01,w02] [--no-model] [--show] [--facts-only]

For each write-up: the fact sheet against the answer sheet (window start and end to the minute,
duration, product named, cause status, customer numbers found, unconfirmed claims marked), then
every customer stage x audience draft (must-not-leak strings present, unconfirmed claims stated,
seams / pipes / log lines / placeholders, jargon left for general and executive readers, self-check
clean, confirmed cause stated in reports, time per draft). Totals at the end. The write-ups are read
from the folder at run time, never copied.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

STAGES = ("preliminary", "report", "followup")
AUDIENCES = ("technical", "general", "executive")
CONTACT = "Alex Morgan <support@example.com>"
_STOP = set("the a an and or of to in on for with at by from was were is are be been it its this that those these our their "
            "we you they them as not no so than then after before into over under up down out about all any some each".split())
_GENERIC = set("app apps web website site service services public api mobile ios android page pages system data users customers "
               "accounts product products feature features platform step".split())


def stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z0-9][a-z0-9'-]+", text.lower()) if w not in _STOP and len(w) > 2}


def overlap(claim: str, text: str) -> float:
    c = stems(claim)
    return len(c & stems(text)) / len(c) if c else 0.0


def figures(text: str) -> list[str]:
    out = []
    for m in re.finditer(r"(?<![\d:])\d[\d,.]*\d?%?k?(?![\d:])", text):
        tok = m.group(0).rstrip(".,")
        if re.fullmatch(r"(?:19|20)\d\d", tok) or re.fullmatch(r"\d{1,2}", tok):
            continue
        out.append(tok.replace(",", ""))
    return out


SEAMS = [
    ("seam", re.compile(r"(?i)\bthe our\b|\bour our\b|\bour team, all\b|\bon our team\b|\bfrom our service was\b|\s[,.;:]|,,|(?<!\.)\.\.(?!\.)|:\s*[,.]")),
    ("pipe", re.compile(r"\|")),
    ("log line", re.compile(r"(?m)^\s*(?:[-*]\s*)?\d{1,2}:\d{2}\s+\S+:|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\[(?!number\])[a-z-]+\]")),
    ("placeholder", re.compile(r"\[(?!number\]|Your name\])[^\]]{3,}\]")),
    ("lowercase start", re.compile(r"(?m)(?:^|[.!?]\s+)(?!(?:iOS|eBay|iPhone)\b)[a-z][a-z]+\s")),
]


def seams(text: str) -> list[str]:
    body = re.sub(r"(?m)^#.*$", "", text)
    body = re.sub(r"https?://\S+|[\w.+-]+@[\w.-]+", "", body)
    return [f"{name}: {m.group(0).strip()[:40]}" for name, pat in SEAMS for m in pat.finditer(body)]


def leaks(text: str, strings: list[str]) -> list[str]:
    found = []
    for s in strings:
        pat = r"(?<![\w@#.-])" + re.escape(s) + r"(?![\w-])"
        if re.search(pat, text):
            found.append(s)
    return found


def jargon_left(text: str, terms: list[str]) -> list[str]:
    out = []
    for t in terms:  # a term explained in place once ("failover (switching to a backup system)") counts as explained
        hits = list(re.finditer(r"(?i)(?<![\w-])" + re.escape(t) + r"(?![\w-])", text))
        if hits and not any(re.match(r"\s*\(", text[m.end(): m.end() + 3]) for m in hits):
            out.append(t)
    return out


def sentences_of(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def score_facts(sheet, ans: dict) -> dict:
    from drafting.facts import FactSheet  # noqa: F401

    f = ans["facts"]
    s = sheet.summary()

    def minute(v):
        return v[:16] if v else None

    out = {
        "start": minute(s["start"]) == minute(f["start"].replace("Z", "")),
        "end": minute(s["end"]) == minute(f["end"].replace("Z", "")),
        "duration": s["duration_minutes"] == f["duration_minutes"],
    }
    prods = " ".join(s["products"]).lower()
    words = {w for a in f["affected"] for w in re.findall(r"[a-z][a-z-]{3,}", a.lower()) if w not in _GENERIC}
    out["product"] = any(w in prods for w in words)
    out["cause_status"] = (s["cause_status"] == "confirmed") == (ans["confirmed_cause"] is not None)
    pool = " ".join(s["numbers"] + s["harm"] + s["unaffected"] + s["symptoms"] + s["remedy"])
    pool_figs = set(figures(pool))
    found = 0
    for n in f["numbers"]:
        figs = figures(n)
        ok = all(x in pool_figs for x in figs) if figs else any(overlap(n, p) >= 0.5 for p in s["numbers"] + s["unaffected"] + s["harm"])
        found += ok
    out["numbers"] = (found, len(f["numbers"]))
    marked = 0
    for c in ans["unconfirmed_claims"]:
        ok = any(overlap(c, u) >= 0.3 for u in s["unconfirmed"]) and overlap(c, s["cause"] or "") < 0.5
        marked += ok
    out["unconfirmed"] = (marked, len(ans["unconfirmed_claims"]))
    return out


def score_draft(d, ans: dict, stage: str, audience: str) -> dict:
    text = d.text
    out = {"leaks": leaks(text, ans["must_not_leak"])}
    out["unconfirmed_stated"] = [c for c in ans["unconfirmed_claims"] if any(overlap(c, s) >= 0.5 for s in sentences_of(text))]
    out["seams"] = seams(text)
    out["prompts"] = re.findall(r"\[(?:number|Your name)\]", text)  # a liaison prompt where the write-up has no fact (no review date)
    out["jargon"] = jargon_left(text, ans["jargon"]) if audience != "technical" else []
    out["clean"] = d.clean
    if stage == "report" and ans["confirmed_cause"]:
        why = re.split(r"(?m)^## (?:Why it happened|Cause)\s*$", text)
        section = re.split(r"(?m)^## ", why[1])[0] if len(why) > 1 else ""
        said = section.replace("We have confirmed the cause.", "").replace("Our engineers can walk you through the technical details if you ask.", "")
        said = re.sub(r"We are still confirming [^.]*\.", "", said)  # a deeper cause still open is not the cause itself
        out["cause_stated"] = bool(said.strip()) and "not yet confirmed" not in section and "[" not in section
    if stage != "followup":  # what customers saw and what they get: told somewhere in the draft, in any words
        out["symptoms_told"] = told(ans["facts"].get("symptoms", []), text)
        out["remedies_told"] = told(ans.get("remedies", []), text)
    return out


def told(items: list[str], text: str) -> tuple[int, int]:
    """How many answer-sheet items a draft tells: half of an item's content words in one sentence (a proxy, not a judge)."""
    sents = sentences_of(text)
    return sum(any(overlap(i, s) >= 0.5 for s in sents) for i in items), len(items)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--only", default="")
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--show", action="store_true", help="print every draft")
    ap.add_argument("--facts-only", action="store_true", help="score the fact sheets only (window, product, cause, ...), no drafts")
    ap.add_argument("--combos", default="", help="only these stage/audience drafts, e.g. report/general,preliminary/general")
    ap.add_argument("--json", default="", help="write the per-write-up results to this file")
    args = ap.parse_args(argv)
    from drafting import draft
    from drafting.facts import build_sheet

    folder = Path(args.folder)
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    only = {x for x in args.only.split(",") if x}
    totals: dict = {"facts": {}, "drafts": {"n": 0, "leaks": 0, "unconfirmed_stated": 0, "seams": 0, "jargon": 0, "clean": 0,
                                            "cause_reports": 0, "cause_stated": 0, "prompts": 0,
                                            "symptoms_told": [0, 0], "remedies_told": [0, 0]}}
    times: list[float] = []
    results = {}
    for ans in index:
        if only and ans["id"] not in only:
            continue
        writeup = (folder / ans["file"]).read_text(encoding="utf-8")
        sheet = build_sheet(writeup)
        fs = score_facts(sheet, ans)
        row = {"facts": fs, "drafts": {}}
        for stage in (() if args.facts_only else STAGES):
            for audience in AUDIENCES:
                if args.combos and f"{stage}/{audience}" not in args.combos.split(","):
                    continue
                t0 = time.perf_counter()
                d = draft(writeup, stage, audience, ans["severity"], contact=CONTACT, account="Northwind", use_model=not args.no_model)
                times.append(time.perf_counter() - t0)
                ds = score_draft(d, ans, stage, audience)
                row["drafts"][f"{stage}/{audience}"] = ds
                t = totals["drafts"]
                t["n"] += 1
                t["leaks"] += len(ds["leaks"])
                t["unconfirmed_stated"] += len(ds["unconfirmed_stated"])
                t["seams"] += len(ds["seams"])
                t["prompts"] += len(ds["prompts"])
                t["jargon"] += len(ds["jargon"])
                t["clean"] += ds["clean"]
                for k in ("symptoms_told", "remedies_told"):
                    if k in ds:
                        t[k][0] += ds[k][0]
                        t[k][1] += ds[k][1]
                if "cause_stated" in ds:
                    t["cause_reports"] += 1
                    t["cause_stated"] += ds["cause_stated"]
                if args.show:
                    print(f"\n===== {ans['id']} {stage}/{audience}\n{d.text}")
        results[ans["id"]] = row
        for k, v in fs.items():
            a, b = (v if isinstance(v, tuple) else (int(v), 1))
            ta = totals["facts"].setdefault(k, [0, 0])
            ta[0] += a
            ta[1] += b
        dr = row["drafts"].values()
        print(f"{ans['id']}: facts " + " ".join(f"{k}={'%d/%d' % v if isinstance(v, tuple) else ('ok' if v else 'MISS')}" for k, v in fs.items())
              + f" | drafts leaks={sum(len(x['leaks']) for x in dr)} unconfirmed={sum(len(x['unconfirmed_stated']) for x in dr)}"
              + f" seams={sum(len(x['seams']) for x in dr)} jargon={sum(len(x['jargon']) for x in dr)}"
              + f" symptoms={sum(x.get('symptoms_told', (0, 0))[0] for x in dr)}/{sum(x.get('symptoms_told', (0, 0))[1] for x in dr)}"
              + f" remedies={sum(x.get('remedies_told', (0, 0))[0] for x in dr)}/{sum(x.get('remedies_told', (0, 0))[1] for x in dr)}"
              + f" clean={sum(x['clean'] for x in dr)}/{len(dr)} cause_in_reports={sum(x.get('cause_stated', 0) for x in dr)}/{sum('cause_stated' in x for x in dr)}")
        for key, x in row["drafts"].items():
            bad = {k: v for k, v in x.items() if k in ("leaks", "unconfirmed_stated", "seams", "jargon") and v}
            if bad:
                print(f"    {key}: {bad}")
    print("\nTOTAL facts: " + " ".join(f"{k}={a}/{b} ({100 * a / b:.0f}%)" for k, (a, b) in totals["facts"].items() if b))
    t = totals["drafts"]
    if t["n"]:
        print(f"TOTAL drafts ({t['n']}): must-not-leak present={t['leaks']} unconfirmed stated={t['unconfirmed_stated']} "
              f"seams/pipes/log lines/placeholders={t['seams']} liaison prompts (no fact in the write-up)={t['prompts']} jargon left (general/executive)={t['jargon']} "
              f"self-check clean={t['clean']}/{t['n']} confirmed cause stated in reports={t['cause_stated']}/{t['cause_reports']} "
              f"symptoms told={t['symptoms_told'][0]}/{t['symptoms_told'][1]} remedies told={t['remedies_told'][0]}/{t['remedies_told'][1]}")
        print(f"time per draft: median {statistics.median(times):.2f} s, max {max(times):.2f} s (first includes loading)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
