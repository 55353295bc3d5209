"""incident-draft config-example: print a commented company configuration to start from."""
from ..config import EXAMPLE


def register(sub) -> None:
    p = sub.add_parser("config-example", help="print an example company configuration (YAML)")
    p.set_defaults(func=lambda args: print(EXAMPLE, end="") or 0)
