"""Make sure nothing tries to reach a model hub at run time."""
import os

_VARS = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def enforce() -> None:
    for key, value in _VARS.items():
        os.environ.setdefault(key, value)


enforce()
