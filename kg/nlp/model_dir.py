"""Where the shipped offline model lives."""

from __future__ import annotations

import os
from pathlib import Path

#: environment variable that selects the model when ``--model`` is not given
MODEL_ENV = "ZHKG_MODEL"


def shipped_model_dir() -> Path:
    """``kg/nlp/models/ner-msra``: the model ships as package data (an installed
    wheel has it too), found through ``importlib.resources``."""
    from importlib import resources

    return Path(str(resources.files("kg.nlp").joinpath("models", "ner-msra")))


def env_model() -> str | None:
    value = os.environ.get(MODEL_ENV, "").strip()
    return value or None


def env_flag(name: str, default: bool) -> bool:
    """A yes/no setting from the environment: unset or empty is ``default``;
    0, false, no, off are no."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value not in ("0", "false", "no", "off")


def ner_quantized() -> bool:
    """Whether the NER model tags with its int8 copy on CPU (``ZHKG_NER_QUANTIZE``,
    default yes): part of the model version that build records are keyed by."""
    return env_flag("ZHKG_NER_QUANTIZE", True)


def train_threads(default: int) -> int:
    """Torch threads for training: ``ZHKG_TRAIN_THREADS`` when it is a positive
    number, else ``default`` (1 is faster when the cores are contended)."""
    value = os.environ.get("ZHKG_TRAIN_THREADS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else default
