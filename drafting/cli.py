"""incident-draft: the command line. Each subcommand lives in drafting/commands/<name>.py with register()."""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import DraftingError
from .exits import ExitStatus

COMMANDS = ("check", "config_example", "train", "evaluate", "draft", "facts", "library", "score", "rules")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line, as argparse does
        self.print_usage(sys.stderr)
        self.exit(ExitStatus.USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="incident-draft", description="Review and draft customer-facing incident communications, offline.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f".commands.{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"commands.{name}"):
                continue  # that command is not part of this build
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or ExitStatus.OK)
    except DraftingError as exc:
        print(f"incident-draft: {exc}", file=sys.stderr)
        return ExitStatus.USAGE
    except KeyboardInterrupt:
        print("incident-draft: interrupted", file=sys.stderr)
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        return ExitStatus.OK


if __name__ == "__main__":
    sys.exit(main())
