"""Train the sentence-role model (drafting.reading.role_model) from data/roles/*.jsonl, seeded.

Only a linear layer is trained; the encoder stays frozen, so a run takes about a minute on 2 cores.
Every sixth sentence (by a hash of its text, so the split is stable when files grow) is held out,
and the held-out accuracy and per-role F1 are written to models/roles/roles.json with the weights.
"""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from ..resources import data_dir
from .role_model import META, ROLE_NAMES, WEIGHTS, features, folder

DEFAULTS: dict[str, Any] = {"seed": 13, "epochs": 400, "lr": 0.05, "weight_decay": 1e-3}


def role_files() -> list[Path]:
    return sorted((data_dir() / "roles").glob("*.jsonl"))


def read_rows() -> list[dict[str, str]]:
    """Labelled sentences; a line with an unknown role is a data error and stops training with its place."""
    rows = []
    for path in role_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("role") not in ROLE_NAMES:
                raise ValueError(f"{path}:{n}: role {row.get('role')!r} is not one of {', '.join(ROLE_NAMES)}")
            rows.append({"text": row["text"], "role": row["role"]})
    return rows


def held_out(text: str) -> bool:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 6 == 0


def _fit(x, y, n_classes: int, cfg: dict[str, Any]):
    import numpy as np
    import torch

    torch.manual_seed(cfg["seed"])
    xt, yt = torch.from_numpy(x), torch.from_numpy(y).long()
    counts = np.bincount(y, minlength=n_classes).astype("float32")
    weight = torch.from_numpy(np.where(counts > 0, counts.sum() / np.maximum(counts, 1) / n_classes, 0.0).astype("float32"))
    layer = torch.nn.Linear(x.shape[1], n_classes)
    opt = torch.optim.Adam(layer.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
    for _ in range(cfg["epochs"]):
        opt.zero_grad()
        loss = loss_fn(layer(xt) * 8.0, yt)  # unit-length vectors need a wider logit scale
        loss.backward()
        opt.step()
    return (layer.weight.detach() * 8.0).numpy(), (layer.bias.detach() * 8.0).numpy()


def _report(w, b, x, y) -> dict[str, Any]:
    import numpy as np

    pred = (x @ w.T + b).argmax(axis=1)
    out: dict[str, Any] = {"n": int(len(y)), "accuracy": round(float((pred == y).mean()), 3) if len(y) else None, "f1": {}}
    for i, name in enumerate(ROLE_NAMES):
        tp = int(((pred == i) & (y == i)).sum())
        fp = int(((pred == i) & (y != i)).sum())
        fn = int(((pred != i) & (y == i)).sum())
        if tp + fn:
            out["f1"][name] = round(2 * tp / max(1, 2 * tp + fp + fn), 3)
    out["macro_f1"] = round(float(np.mean(list(out["f1"].values()))), 3) if out["f1"] else None
    return out


def train(out: Path | None = None, **overrides: Any) -> dict[str, Any]:
    """Fit on the training part, report on the held-out part, save weights and figures."""
    import numpy as np
    from safetensors.numpy import save_file

    cfg = {**DEFAULTS, **overrides}
    t0 = time.perf_counter()
    rows = read_rows()
    if not rows:
        raise ValueError(f"no labelled sentences under {data_dir() / 'roles'}")
    x = features([r["text"] for r in rows])
    y = np.asarray([ROLE_NAMES.index(r["role"]) for r in rows])
    test = np.asarray([held_out(r["text"]) for r in rows])
    w, b = _fit(x[~test], y[~test], len(ROLE_NAMES), cfg)
    held = _report(w, b, x[test], y[test])
    out = out or folder()
    out.mkdir(parents=True, exist_ok=True)
    save_file({"weight": w.astype("float32"), "bias": b.astype("float32")}, str(out / WEIGHTS))
    meta = {"roles": list(ROLE_NAMES), "config": cfg, "files": [p.name for p in role_files()],
            "train_sentences": int((~test).sum()), "held_out": held, "seconds": round(time.perf_counter() - t0, 1)}
    (out / META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return meta
