"""incident-draft train: reproduce the shipped models from data/ in one seeded command (the finding
classifier from data/train, the sentence-role model from data/roles)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..exits import ExitStatus


def register(sub) -> None:
    p = sub.add_parser("train", help="retrain the sentence classifier from data/train and data/dev (seeded)")
    p.add_argument("--epochs", type=int, default=None, help="training epochs (default from the model card)")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--out", metavar="DIR", help="write the model here instead of models/classifier/")
    p.add_argument("--layers", type=int, default=None, help="encoder layers to use (default from training defaults)")
    p.add_argument("--no-context-words", action="store_true", help="give the context to the head only, not as words")
    p.add_argument("--only", choices=("classifier", "roles"), help="train one model (default: both)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..classifier.card import write_card
    from ..classifier.train import train

    out = Path(args.out) if args.out else None
    if args.only != "classifier":
        from ..reading.train_roles import train as train_roles

        roles = train_roles(out=(out / "roles") if out else None, **({"seed": args.seed} if args.seed is not None else {}))
        held = roles["held_out"]
        print(f"role model: {roles['train_sentences']} sentences, held-out accuracy {held['accuracy']}, macro F1 {held['macro_f1']}")
        if args.only == "roles":
            return ExitStatus.OK
    overrides = {}
    if args.layers:
        overrides["n_layers"] = args.layers
    if args.no_context_words:
        overrides["context_words"] = False
    meta = train(epochs=args.epochs, seed=args.seed, out=out, **overrides)
    card = write_card(meta, out)
    print(f"model card: {card}")
    return ExitStatus.OK
