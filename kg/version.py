"""Code and model versions: ``kg --version`` prints them and ``report.json`` records them."""

from __future__ import annotations

import hashlib
from functools import lru_cache


@lru_cache(maxsize=1)
def code_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zhkg")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


@lru_cache(maxsize=4)
def model_version(model_dir: str | None = None) -> str:
    """``ner-msra@<first 12 hex of sha256(model.pt)>`` for the shipped (or given) model folder."""
    from pathlib import Path

    from kg.nlp.model_dir import shipped_model_dir

    folder = Path(model_dir) if model_dir else shipped_model_dir()
    weights = folder / "model.pt"
    if not weights.is_file():
        return f"{folder.name}@missing"
    h = hashlib.sha256()
    with weights.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return f"{folder.name}@{h.hexdigest()[:12]}"


def versions() -> dict[str, str]:
    return {"zhkg": code_version(), "model": model_version()}


def version_string() -> str:
    v = versions()
    return f"zhkg {v['zhkg']} (model {v['model']})"
