"""Subcommands of incident-draft; each module has register(subparsers) and sets func."""
