"""Where the shipped offline model lives."""

from __future__ import annotations

import os
from pathlib import Path

#: environment variable that selects the model when ``--model`` is not given
MODEL_ENV = "ZHKG_MODEL"


def shipped_model_dir() -> Path:
    """``models/ner-msra`` at the repository root (next to the ``kg`` package)."""
    return Path(__file__).resolve().parents[2] / "models" / "ner-msra"


def env_model() -> str | None:
    value = os.environ.get(MODEL_ENV, "").strip()
    return value or None
