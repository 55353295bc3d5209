"""Write the model card (models/classifier/MODEL_CARD.md) from the training metadata."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from . import artifact


def _layers(n: int) -> str:
    return "1 layer stays" if n == 1 else f"{n} layers stay"


def write_card(meta: dict[str, Any], out: Path | None = None) -> Path:
    out = out or artifact.folder()
    m = meta["dev_metrics_model"]
    lines = [
        "# Sentence classifier: model card",
        "",
        f"- Base: {meta['base_model']}; the first {meta['config'].get('n_layers', 6)} encoder layers are used; of them the lowest"
        f" {_layers(meta['config'].get('n_layers', 6) - meta['config']['n_trainable_layers'])} frozen (loaded from the wheel), the top"
        f" {meta['config']['n_trainable_layers']} layers and a 2-layer head are fine-tuned and shipped here (safetensors, fp16).",
        ("- Input: the context as words (`severity sevN audience X stage Y`) paired with the sentence, plus a one-hot context vector beside the pooled sentence."
         if meta["config"].get("context_words", True) else
         "- Input: the sentence; the context (severity, audience, stage) as a one-hot vector beside the pooled sentence, so the head's verdict depends on it."),
        "- Output: one probability per category (multi-label); a category is reported when it passes its threshold below.",
        "- Prediction: `drafting/classifier/runtime.py` runs the same layers in plain torch with the wheel's tokenizer.json"
        " (training uses transformers; prediction never imports it); `tests/test_classifier_runtime.py` checks both agree to 1e-4.",
        f"- Training command: `incident-draft train` (or `./run train`); seed {meta['config']['seed']}, {meta['config']['epochs']} epochs,"
        f" batch {meta['config']['batch_size']}, CPU only; took {meta['train_seconds']} s on this machine.",
        f"- Training data: {meta['train_size']} sentences; dev: {meta['dev_size']} sentences (thresholds chosen on dev, per category, best F1).",
        "",
        "| file | lines | sha256 |",
        "| --- | --- | --- |",
    ]
    for name, info in {**meta["train_files"], **meta.get("dev_files", meta.get("dev_file", {}))}.items():
        lines.append(f"| {name} | {info['lines']} | `{info['sha256'][:16]}…` |")
    lines += ["", "## Dev metrics (model alone, at the thresholds)", "", "| category | threshold | precision | recall | F1 | support |",
              "| --- | --- | --- | --- | --- | --- |"]
    for c in meta["categories"]:
        r = m[c]
        lines.append(f"| {c} | {meta['thresholds'][c]:.2f} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {int(r['support'])} |")
    lines += ["", f"Macro F1 {m['_macro']['f1']:.3f}. Clean dev sentences flagged with anything: {m['_clean']['flagged_rate']:.1%}"
              f" of {int(m['_clean']['support'])}.", "",
              "Rules alone, model alone and combined: run `incident-draft eval data/dev/dev.jsonl`.",
              "A held-out test set, `data/test/test.jsonl`, written separately and never used for training or thresholds,"
              " gives the honest figures: run `incident-draft eval data/test/test.jsonl` (README lists the last run).",
              "The test `tests/test_classifier_quality.py` fails if the shipped model falls below these dev figures (tolerance 0.02).", ""]
    path = out / "MODEL_CARD.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
