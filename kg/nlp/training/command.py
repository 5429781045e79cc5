"""``kg train-ner``: train the offline HanLP NER model on MSRA, or evaluate it on msra_test.

Training uses HanLP's own trainer (:class:`kg.nlp.ner_model.BigramNerTagger`,
a subclass of ``RNNNamedEntityRecognizer``). The best epoch on a held-out dev
slice of msra_train is kept; msra_test is used only for the final figure.
The model directory is replaced atomically at the end (README.md kept).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.nlp.model_dir import shipped_model_dir

#: files that make up a trained model directory (everything else HanLP writes is dropped)
MODEL_FILES = ("config.json", "vocabs.json", "model.pt")


@dataclass
class TrainSettings:
    epochs: int = 20
    batch_size: int = 32
    max_sentences: int | None = None
    seed: int = 1234
    dev_size: int = 2000
    char_dim: int = 100
    bigram_dim: int = 50
    bigram_min_freq: int = 5
    rnn_hidden: int = 128
    drop: float = 0.33
    lr: float = 0.001
    #: add copies of sentences with person lists whose separators are dropped (see msra.separator_variants)
    augment_lists: bool = True
    #: torch threads; ZHKG_TRAIN_THREADS overrides (1 is faster when the cores are contended)
    threads: int = field(default_factory=lambda: _env_threads())


def _env_threads(default: int = 2) -> int:
    value = os.environ.get("ZHKG_TRAIN_THREADS", "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def run_train_ner(
    save_dir: str | None,
    epochs: int | None,
    batch_size: int | None,
    max_sentences: int | None,
    seed: int | None,
    evaluate_only: bool,
) -> int:
    if save_dir is None and not evaluate_only:
        print(f"kg train-ner: give --save-dir DIR for the new model (the shipped model in {shipped_model_dir()} "
              "is replaced only when --save-dir names it)", file=sys.stderr)
        return 2
    target = Path(save_dir) if save_dir else shipped_model_dir()
    settings = TrainSettings()
    if epochs is not None:
        settings.epochs = epochs
    if batch_size is not None:
        settings.batch_size = batch_size
    if max_sentences is not None:
        settings.max_sentences = max_sentences
    if seed is not None:
        settings.seed = seed
    if settings.epochs < 1 or settings.batch_size < 1 or (settings.max_sentences is not None and settings.max_sentences < 1):
        print("kg train-ner: --epochs, --batch-size and --max-sentences must be positive", file=sys.stderr)
        return 2
    logger = _logger()
    try:
        if not evaluate_only:
            train(target, settings, logger)
        elif not (target / "config.json").is_file():
            print(f"kg train-ner: no model in {target}; train one with `kg train-ner --save-dir {target}`", file=sys.stderr)
            return 1
        from kg.nlp.training.evaluate import evaluate_on_test

        f1 = evaluate_on_test(target, logger, threads=settings.threads)
    except FileNotFoundError as exc:
        print(f"kg train-ner: {exc}", file=sys.stderr)
        return 1
    print(f"msra_test_f1={f1:.4f}", flush=True)
    return 0


def train(target: Path, settings: TrainSettings, logger: logging.Logger) -> None:
    import torch

    from kg.nlp.bigram_embedding import CharBigramEmbedding
    from kg.nlp.ner_model import BigramNerTagger
    from kg.nlp.training.msra import (
        corpus_file,
        read_sentences,
        separator_variants,
        split_at_sentence_ends,
        to_samples,
        train_dev_split,
    )

    torch.set_num_threads(settings.threads)
    logger.info(f"settings: {asdict(settings)}")
    sentences = read_sentences(corpus_file("msra_train.txt"))
    train_part, dev_part = train_dev_split(sentences, settings.dev_size, settings.seed)
    if settings.max_sentences:
        train_part = train_part[: settings.max_sentences]
    if settings.augment_lists:
        extra = [variant for s in train_part for variant in separator_variants(s)]
        logger.info(f"{len(extra)} augmented copies of sentences with person lists")
        train_part = train_part + extra
    train_part = [piece for s in train_part for piece in split_at_sentence_ends(s)]
    logger.info(f"{len(train_part)} training pieces, {len(dev_part)} dev sentences (held out from msra_train)")

    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-train-", dir=target.parent))
    try:
        started = time.time()
        tagger = BigramNerTagger()
        # every new best epoch is installed at once, so an interrupted run leaves its best model;
        # the run is seeded and the learning-rate schedule ignores --epochs, hence stopping after
        # epoch N yields the model that `--epochs N` makes
        tagger.on_weights_saved = lambda _dir: (_install(work, target), logger.info(f"best so far installed in {target}"))
        tagger.fit(
            to_samples(train_part),
            to_samples(dev_part),
            str(work),
            batch_size=settings.batch_size,
            epochs=settings.epochs,
            embed=CharBigramEmbedding(
                "token", settings.char_dim, settings.bigram_dim, settings.bigram_min_freq
            ),
            rnn_hidden=settings.rnn_hidden,
            drop=settings.drop,
            lr=settings.lr,
            crf=True,
            tagging_scheme="IOBES",
            token_delimiter="",
            seed=settings.seed,
            devices=-1,
            logger=logger,
            patience=settings.epochs,
        )
        elapsed = time.time() - started
        logger.info(f"training took {elapsed:.0f}s, {elapsed / settings.epochs:.0f}s per epoch (incl. dev evaluation)")
        _install(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    logger.info(f"model written to {target}")


def _install(work: Path, target: Path) -> None:
    """Replace ``target`` by the model files in ``work``, keeping a README.md that is there."""
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    staged.chmod(0o755)  # mkdtemp makes it private; a model directory is ordinary shared data
    for name in MODEL_FILES:
        shutil.copy2(work / name, staged / name)
    readme = target / "README.md"
    if readme.is_file():
        shutil.copy2(readme, staged / "README.md")
    old = None
    if target.exists():
        old = target.parent / f".{target.name}-old-{os.getpid()}"
        os.replace(target, old)
    os.replace(staged, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _logger() -> logging.Logger:
    logger = logging.getLogger("kg.train_ner")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger
