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
