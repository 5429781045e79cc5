"""``kg train-ner``: train the offline HanLP NER model on MSRA, or evaluate it on msra_test.

Training uses HanLP's own trainer (:class:`kg.nlp.ner_model.BigramNerTagger`,
a subclass of ``RNNNamedEntityRecognizer``). The best epoch on a held-out dev
slice of msra_train is kept; msra_test is used only for the final figure.
The model directory is replaced atomically at the end (README.md kept).

Domain adaptation: ``--corpus corpus`` adds the annotated corpus's train
split (gold names projected onto the normalized text,
:mod:`kg.nlp.training.corpus_spans`), ``--corpus-copies`` times, to the
training data and its dev split to the dev data that picks the best epoch;
``--init DIR`` starts from a trained model (its vocabularies and weights)
instead of a random one; ``--blend W`` then keeps ``W`` x the fine-tuned
weights + ``1 - W`` x the initial ones (:func:`blend_weights`). With
``--corpus``, the final figures include the span F1 on the corpus dev split.
The corpus test split is never read.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from kg.nlp.model_dir import shipped_model_dir, train_threads

#: files that make up a trained model directory (everything else HanLP writes is dropped)
MODEL_FILES = ("config.json", "vocabs.json", "model.pt")
#: fine-tuning defaults (--init): epochs and Adam learning rate
FINETUNE_EPOCHS = 4
FINETUNE_LR = 0.0005


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
    #: annotated corpus folder whose train split is added (dev split: model selection and a figure)
    corpus: str | None = None
    #: copies of the corpus sentences in the training data (the corpus is small next to MSRA)
    corpus_copies: int = 3
    #: a trained model directory to fine-tune instead of starting from random weights
    init: str | None = None
    #: with ``init``: the kept weights are ``blend * fine-tuned + (1 - blend) * init`` (1: the fine-tuned ones)
    blend: float = 1.0
    #: torch threads; ZHKG_TRAIN_THREADS overrides (1 is faster when the cores are contended)
    threads: int = field(default_factory=lambda: train_threads(2))


def run_train_ner(
    save_dir: str | None,
    epochs: int | None,
    batch_size: int | None,
    max_sentences: int | None,
    seed: int | None,
    evaluate_only: bool,
    corpus: str | None = None,
    init: str | None = None,
    corpus_copies: int | None = None,
    lr: float | None = None,
    blend: float | None = None,
) -> int:
    if save_dir is None and not evaluate_only:
        print(f"kg train-ner: give --save-dir DIR for the new model (the shipped model in {shipped_model_dir()} "
              "is replaced only when --save-dir names it)", file=sys.stderr)
        return 2
    target = Path(save_dir) if save_dir else shipped_model_dir()
    settings = TrainSettings(corpus=corpus, init=init)
    if init is not None:  # fine-tuning: a few epochs at a lower rate unless told otherwise
        settings.epochs, settings.lr = FINETUNE_EPOCHS, FINETUNE_LR
    given = {"epochs": epochs, "batch_size": batch_size, "max_sentences": max_sentences, "seed": seed,
             "corpus_copies": corpus_copies, "lr": lr}
    settings = replace(settings, **{k: v for k, v in given.items() if v is not None})
    if blend is not None:
        if init is None or not 0 < blend <= 1:
            print("kg train-ner: --blend needs --init and a value in (0, 1]", file=sys.stderr)
            return 2
        settings.blend = blend
    if init is not None and not (Path(init) / "config.json").is_file():
        print(f"kg train-ner: --init {init}: no trained model there (config.json missing)", file=sys.stderr)
        return 2
    if corpus is not None and not (Path(corpus) / "manifest.tsv").is_file():
        print(f"kg train-ner: --corpus {corpus}: not an annotated corpus (manifest.tsv missing)", file=sys.stderr)
        return 2
    if settings.corpus_copies < 0 or settings.lr <= 0:
        print("kg train-ner: --corpus-copies must be >= 0 and --lr positive", file=sys.stderr)
        return 2
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
        from kg.nlp.training.evaluate import evaluate_on_corpus, evaluate_on_test

        f1 = evaluate_on_test(target, logger, threads=settings.threads)
        corpus_f1 = evaluate_on_corpus(target, Path(corpus), "dev", logger, threads=settings.threads) if corpus else None
    except FileNotFoundError as exc:
        print(f"kg train-ner: {exc}", file=sys.stderr)
        return 1
    print(f"msra_test_f1={f1:.4f}", flush=True)
    if corpus_f1 is not None:
        print(f"corpus_dev_span_f1={corpus_f1:.4f}", flush=True)
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
    if settings.corpus:
        from kg.nlp.training.corpus_spans import corpus_sentences

        corpus_train, stats = corpus_sentences(Path(settings.corpus), "train")
        logger.info(f"corpus train: {stats.summary()}; {settings.corpus_copies} copies added")
        corpus_dev, stats = corpus_sentences(Path(settings.corpus), "dev")
        logger.info(f"corpus dev: {stats.summary()}; added to the dev data")
        train_part = train_part + corpus_train * settings.corpus_copies
        dev_part = dev_part + corpus_dev

    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-train-", dir=target.parent))
    try:
        started = time.time()
        tagger = BigramNerTagger()
        # every new best epoch is installed at once, so an interrupted run leaves its best model;
        # the run is seeded and the learning-rate schedule ignores --epochs, hence stopping after
        # epoch N yields the model that `--epochs N` makes
        tagger.on_weights_saved = lambda _dir: (_install(work, target), logger.info(f"best so far installed in {target}"))
        if settings.init:
            _take_sizes(settings, Path(settings.init))
            # the weights to blend with, kept aside: --init may name the model directory being replaced
            shutil.copy2(Path(settings.init) / "model.pt", work / "init-model.pt")
            logger.info(f"fine-tuning {settings.init} (its vocabularies and weights)")
        tagger.fit(
            to_samples(train_part),
            to_samples(dev_part),
            str(work),
            batch_size=settings.batch_size,
            epochs=settings.epochs,
            embed=CharBigramEmbedding(
                "token", settings.char_dim, settings.bigram_dim, settings.bigram_min_freq
            ),
            finetune=str(settings.init) if settings.init else False,
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
        if settings.init and settings.blend < 1:
            blend_weights(work / "model.pt", work / "init-model.pt", settings.blend)
            logger.info(f"weights blended: {settings.blend} x fine-tuned + {1 - settings.blend:.2f} x {settings.init}")
        _install(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    logger.info(f"model written to {target}")


def blend_weights(tuned: Path, init: Path, weight: float) -> None:
    """Rewrite ``tuned`` (a model.pt) as ``weight * tuned + (1 - weight) * init``, parameter by parameter.

    Interpolating a fine-tuned model with the one it started from keeps much of
    the new domain while giving back little of the old one (weight-space
    ensembling, Wortsman et al. 2022, "WiSE-FT"); both must share vocabularies.
    """
    import torch

    new = torch.load(tuned, map_location="cpu")
    old = torch.load(init, map_location="cpu")
    if new.keys() != old.keys() or any(new[k].shape != old[k].shape for k in new):
        raise ValueError(f"cannot blend {tuned} with {init}: the parameters differ")
    mixed = {k: weight * v + (1 - weight) * old[k] if v.is_floating_point() else v for k, v in new.items()}
    torch.save(mixed, tuned)


def _take_sizes(settings: TrainSettings, init: Path) -> None:
    """Layer sizes of the model being fine-tuned (they must match its weights)."""
    import json

    config = json.loads((init / "config.json").read_text(encoding="utf-8"))
    embed = config.get("embed") or {}
    settings.char_dim = embed.get("char_dim", settings.char_dim)
    settings.bigram_dim = embed.get("bigram_dim", settings.bigram_dim)
    settings.bigram_min_freq = embed.get("bigram_min_freq", settings.bigram_min_freq)
    settings.rnn_hidden = config.get("rnn_hidden", settings.rnn_hidden)
    settings.drop = config.get("drop", settings.drop)


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
