"""kg.nlp.loader: which backend a --model value / ZHKG_MODEL selects."""

from __future__ import annotations

import pytest

from kg.nlp import loader
from kg.nlp.base import ModelNotAvailable
from kg.nlp.model_dir import MODEL_ENV, shipped_model_dir
from kg.nlp.offline import OfflineHanLP


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)


def test_default_is_the_shipped_offline_model():
    backend = loader.load_backend(None)
    assert isinstance(backend, OfflineHanLP) and backend.path == shipped_model_dir()


def test_environment_variable_applies_when_no_model_is_given(monkeypatch, tmp_path):
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "absent"))
    with pytest.raises(ModelNotAvailable, match="absent"):
        loader.load_backend(None)


def test_a_directory_of_a_single_task_model_gives_the_offline_backend():
    backend = loader.load_backend(str(shipped_model_dir()))
    assert isinstance(backend, OfflineHanLP)


def test_a_directory_without_a_model_says_how_to_make_one(tmp_path):
    with pytest.raises(ModelNotAvailable, match="kg train-ner"):
        loader.load_backend(str(tmp_path))


def test_a_missing_path_fails_at_load_time(tmp_path):
    with pytest.raises(ModelNotAvailable, match="does not exist"):
        loader.load_backend(str(tmp_path / "models" / "gone"))


def test_a_name_goes_to_the_pretrained_backend(monkeypatch):
    from kg.nlp import pretrained

    calls = []

    class FakeBackend:
        def __init__(self, name):
            calls.append(name)

    monkeypatch.setattr(pretrained, "PretrainedHanLP", FakeBackend)
    loader.load_backend("CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH")
    assert calls == ["CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH"]


def test_a_multi_task_directory_gives_the_pretrained_backend(monkeypatch, tmp_path):
    from kg.nlp.pretrained import PretrainedHanLP

    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    stand_in = object()
    monkeypatch.setattr(loader, "_load_meta", lambda path: stand_in)
    monkeypatch.setattr(loader, "_is_multi_task", lambda component: component is stand_in)
    backend = loader.load_backend(str(tmp_path))
    assert isinstance(backend, PretrainedHanLP) and backend.model is stand_in
