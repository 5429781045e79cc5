"""Choose and load the NLP backend: ``--model`` / ``ZHKG_MODEL`` -> an NlpBackend."""

from __future__ import annotations

from pathlib import Path

from kg.nlp.base import ModelNotAvailable, NlpBackend
from kg.nlp.model_dir import env_model, shipped_model_dir

OFFLINE = "offline"


def load_backend(model: str | None = None) -> NlpBackend:
    """``None``/"offline": the shipped model (``ZHKG_MODEL`` overrides None); a directory: that HanLP
    model (single-task NER or multi-task, detected); anything else: a ``hanlp.pretrained`` name.

    Raises ModelNotAvailable, with a message saying how to get the model, when it cannot be loaded.
    """
    from kg.nlp.offline import OfflineHanLP

    if model is None:
        model = env_model() or OFFLINE
    model = model.strip()
    if model == OFFLINE:
        return OfflineHanLP(shipped_model_dir())
    path = Path(model).expanduser()
    if path.is_dir():
        return _load_directory(path)
    if path.exists() or "/" in model or "\\" in model or model.startswith("."):
        raise ModelNotAvailable(f"model directory {model!r} does not exist (or is not a directory)")
    from kg.nlp.pretrained import PretrainedHanLP

    return PretrainedHanLP(model)


def _load_directory(path: Path) -> NlpBackend:
    from kg.nlp.offline import OfflineHanLP, load_hanlp_model
    from kg.nlp.pretrained import PretrainedHanLP, is_model_dir

    if not is_model_dir(path):
        raise ModelNotAvailable(
            f"{path} is not a HanLP model directory (no config.json/meta.json); "
            f"the offline model is made by `kg train-ner --save-dir {path}`"
        )
    component = load_hanlp_model(path) if (path / "config.json").is_file() else _load_meta(path)
    if _is_multi_task(component):
        return PretrainedHanLP(str(path), model=component)
    return OfflineHanLP(path, model=component)


def _load_meta(path: Path):
    import hanlp

    try:
        return hanlp.load(str(path))
    except Exception as exc:
        raise ModelNotAvailable(f"cannot load the HanLP model in {path}: {exc!r}") from exc


def _is_multi_task(component) -> bool:
    from hanlp.components.mtl.multi_task_learning import MultiTaskLearning

    return isinstance(component, MultiTaskLearning)
