"""``kg train-re``: train the relation model on the annotated corpus.

The corpus's train split gives the training candidates, its dev split the
epoch; the per-kind thresholds (and, for hybrid, the kinds the model
decides) are chosen on the corpus dev split together with the shared dev
articles (``../shared/dev``), so that neither set's reading of the guide
alone sets them. The test split is never read. Both are
run through the per-article pipeline up to, not including, the scoring stage,
with the same NLP model ``kg build`` uses, so the features at training time
are the features at build time. ``--fraction`` trains on a seeded share of
the train articles (the learning curve in docs/extraction.md).
"""

from __future__ import annotations

import logging
import os
import random
import sys
import time
from pathlib import Path

#: the training settings of the shipped models
SETTINGS = {"epochs": 4, "batch_size": 128, "seed": 1, "min_freq": 25, "dim": 32, "hidden": 32,
            "dropout": 0.3, "lr": 0.003, "sparse_lr": 0.05, "pos_weight": 2.0, "members": 5}


def _logger() -> logging.Logger:
    log = logging.getLogger("kg.train-re")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


def prepared(corpus: Path, split: str, model: str | None = None, fraction: float = 1.0, seed: int = 1):
    """The split's articles (analysed up to the scoring stage) and their gold."""
    from kg.corpus.manifest import split_articles
    from kg.evaluation.command import load_gold
    from kg.nlp.loader import load_backend
    from kg.scoring.data import analyze_set

    if split == "test":
        raise ValueError("the test split is frozen: it is never used for training or tuning")
    paths = split_articles(corpus, split)
    if fraction < 1.0:
        rng = random.Random(seed)
        paths = sorted(rng.sample(paths, max(1, round(len(paths) * fraction))))
    gold = load_gold(corpus, split)
    return analyze_set(paths, gold, load_backend(model)), gold


def shared_dev(corpus: Path, model: str | None = None):
    """The shared dev articles (``../shared/dev`` beside the checkout) and their gold,
    or ``([], {})`` where they are not: real articles with gold written to the
    same guide, used with corpus dev to choose the thresholds."""
    from kg.evaluation.quality import set_inputs
    from kg.nlp.loader import load_backend
    from kg.scoring.data import analyze_set

    found = set_inputs("dev", corpus.resolve().parent)
    if not found or not found[0]:
        return [], {}
    paths, gold = found
    return analyze_set(paths, gold, load_backend(model)), gold


def samples(articles, gold, mode: str, keep: dict | None = None) -> list[tuple[list[str], int, str]]:
    """Labelled candidates of ``articles``; ``keep`` collects each article's candidates by source."""
    from kg.scoring.candidates import without_rules
    from kg.scoring.data import label

    out = []
    for a in articles:
        labelled = label(a, gold[a.source])
        if keep is not None:
            keep[a.source] = labelled.candidates
        for c, y in zip(labelled.candidates, labelled.labels):
            out.append((c.features if mode == "hybrid" else without_rules(c.features), y, c.kind))
    return out


#: thresholds tried per kind on dev
GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))
#: the least dev F1 gain for which a kind's items listed with a kept one get a lower
#: threshold: under it the gain is noise (corpus dev and the shared dev articles chose
#: metWith's at 0.10 for +0.001, which lost 0.006 on the train split)
LIST_MIN_GAIN = 0.002


def tune(scorer, articles, gold, cands: dict, mode: str, fixed: dict | None = None, lists: bool = False) -> dict:
    """Per kind, on the dev articles and scored as ``kg eval`` scores (the guide's
    measure): the rules' F1, the model's best F1 over :data:`GRID` and its
    threshold, then (``hybrid``) a threshold of its own for the candidates the
    rules proposed, then a lower one for the candidates listed with a kept item
    (:data:`kg.scoring.stage.LIST_SHARED`), each kept only where it raises the F1.
    The model decides a kind in ``hybrid`` mode only where it beats the rules on
    dev; in ``model`` mode it decides every kind. With ``fixed`` (a model's
    thresholds) the thresholds are kept and only measured; with ``lists`` too,
    the list thresholds are chosen again."""
    import copy

    from kg.evaluation.from_article import article_to_gold_shape
    from kg.evaluation.scoring import score_corpus
    from kg.scoring.candidates import KINDS
    from kg.scoring.stage import LIST_SHARED, RULE_BACKED, decide, score

    probs = {a.source: score(scorer, cands[a.source], mode) for a in articles}
    rules = score_corpus({a.source: article_to_gold_shape(a) for a in articles}, gold)
    table = {}

    def measured(kind: str, ts: dict):
        pred = {}
        for a in articles:
            b = copy.copy(a)
            decide(b, cands[a.source], probs[a.source], ts, [kind])
            pred[a.source] = article_to_gold_shape(b)
        return score_corpus(pred, gold).relation(kind)

    for kind in KINDS:
        if fixed is not None:
            t_new = float(fixed.get(kind, 0.5))
            t_rule = float(fixed.get(kind + RULE_BACKED, t_new))
            t_list = None if lists or kind + LIST_SHARED not in fixed else float(fixed[kind + LIST_SHARED])
            ts = {kind: t_new, kind + RULE_BACKED: t_rule}
            prf = measured(kind, ts if t_list is None else {**ts, kind + LIST_SHARED: t_list})
            f1 = prf.f1
        else:
            best = (0.5, -1.0, None)
            for t in GRID:
                prf = measured(kind, {kind: t})
                if prf.f1 > best[1]:
                    best = (t, prf.f1, prf)
            t_new, t_rule, f1, prf = best[0], best[0], best[1], best[2]
            if mode == "hybrid":  # then a threshold of its own for what the rules proposed
                for t in GRID:
                    got = measured(kind, {kind: t_new, kind + RULE_BACKED: t})
                    if got.f1 > f1 + 1e-9:
                        t_rule, f1, prf = t, got.f1, got
            t_list = None
        if fixed is None or lists:  # then one for what is listed with a kept item, under the others
            for t in GRID:
                if t >= t_new:
                    break
                got = measured(kind, {kind: t_new, kind + RULE_BACKED: t_rule, kind + LIST_SHARED: t})
                if got.f1 > (f1 if t_list is not None else f1 + LIST_MIN_GAIN) + 1e-9:
                    t_list, f1, prf = t, got.f1, got
        r = rules.relation(kind)
        table[kind] = {"threshold": t_new, "threshold_rule": t_rule, "threshold_list": t_list,
                       "model": {"p": round(prf.precision, 4), "r": round(prf.recall, 4), "f1": round(f1, 4)},
                       "rules": {"p": round(r.precision, 4), "r": round(r.recall, 4), "f1": round(r.f1, 4)}}
    return table


def train(corpus: Path, save_dir: Path, mode: str = "hybrid", fraction: float = 1.0, model: str | None = None,
          devices=-1, logger: logging.Logger | None = None, **overrides) -> dict:
    """Train and save a relation model; returns its config (thresholds, best epoch, dev score, seconds)."""
    import torch

    from kg.scoring.component import RelationScorer
    from kg.nlp.model_dir import train_threads

    logger = logger or _logger()
    settings = {**SETTINGS, **{k: v for k, v in overrides.items() if v is not None}}
    if devices == -1:
        torch.set_num_threads(train_threads(1))
    t0 = time.perf_counter()
    os.environ["ZHKG_RELATIONS"] = "rules"  # features come from the stages before scoring
    trn_articles, trn_gold = prepared(corpus, "train", model, fraction, settings["seed"])
    dev_articles, dev_gold = prepared(corpus, "dev", model)
    more_articles, more_gold = shared_dev(corpus, model)
    dev_cands: dict = {}
    trn, dev = samples(trn_articles, trn_gold, mode), samples(dev_articles, dev_gold, mode, dev_cands)
    logger.info(f"kg train-re: {len(trn_articles)} train articles ({len(trn)} candidates, "
                f"{sum(y for _f, y, _k in trn)} positive), {len(dev_articles)} dev articles ({len(dev)} candidates); "
                f"analysis {time.perf_counter() - t0:.1f} s")
    save_dir.mkdir(parents=True, exist_ok=True)
    scorer = RelationScorer()
    t1 = time.perf_counter()
    scorer.fit(trn, dev, str(save_dir), devices=devices, logger=logger, mode=mode, fraction=fraction,
               train_articles=len(trn_articles), **settings)
    scorer.config.train_seconds = round(time.perf_counter() - t1, 1)
    samples(more_articles, more_gold, mode, dev_cands)
    table = tune(scorer, dev_articles + more_articles, {**dev_gold, **more_gold}, dev_cands, mode)
    _adopt(scorer, table, mode)
    scorer.save_config(str(save_dir))
    logger.info(f"kg train-re: trained in {scorer.config.train_seconds} s (epoch {scorer.config.best_epoch}, "
                f"dev candidate F1 {scorer.config.dev_score})")
    _log_table(logger, table, scorer.config.kinds)
    return dict(scorer.config)


def _adopt(scorer, table: dict, mode: str) -> None:
    """Put :func:`tune`'s thresholds, the kinds the model decides (where it beats
    the rules on dev, every kind in ``model`` mode) and the dev figures into the
    model's config."""
    from kg.scoring.stage import LIST_SHARED, RULE_BACKED

    scorer.config.thresholds = {**{k: v["threshold"] for k, v in table.items()},
                                **{k + RULE_BACKED: v["threshold_rule"] for k, v in table.items()},
                                **{k + LIST_SHARED: v["threshold_list"] for k, v in table.items()
                                   if v.get("threshold_list") is not None}}
    scorer.config.kinds = [k for k, v in table.items() if mode == "model" or v["model"]["f1"] > v["rules"]["f1"]]
    scorer.config.dev = table


def _log_table(logger: logging.Logger, table: dict, kinds) -> None:
    for k, v in table.items():
        listed = f", {v['threshold_list']} listed with a kept item" if v.get("threshold_list") is not None else ""
        logger.info(f"  {k:15s} rules F1 {v['rules']['f1']:.3f}  model F1 {v['model']['f1']:.3f} "
                    f"(threshold {v['threshold']}, {v['threshold_rule']} where the rules had it{listed})"
                    f"{'  <- model' if k in kinds else ''}")


def retune(corpus: Path, save_dir: Path, model: str | None = None, logger: logging.Logger | None = None,
           what: str = "all") -> dict:
    """Keep a trained model's weights and choose again, on the dev articles (corpus
    dev and the shared dev articles) analysed by the current rules, its thresholds
    and the kinds it decides (those where it beats the rules), as :func:`train`
    does after training (``what="all"``), or only the kinds, its thresholds kept
    (``what="kinds"``), or the thresholds for listed items (:data:`kg.scoring.stage.LIST_SHARED`)
    and the kinds, its other thresholds kept (``what="lists"``). For after a rule change: the features are the rules'
    verdicts, so the best thresholds and the kinds may move."""
    from kg.scoring.component import RelationScorer

    logger = logger or _logger()
    scorer = RelationScorer()
    scorer.load(str(save_dir), devices=-1, verbose=False)
    mode = scorer.config.get("mode") or "hybrid"
    dev_articles, dev_gold = prepared(corpus, "dev", model)  # analysed up to the scoring stage
    more_articles, more_gold = shared_dev(corpus, model)
    dev_cands: dict = {}
    samples(dev_articles, dev_gold, mode, dev_cands)
    samples(more_articles, more_gold, mode, dev_cands)
    table = tune(scorer, dev_articles + more_articles, {**dev_gold, **more_gold}, dev_cands, mode,
                 fixed=dict(scorer.config.get("thresholds") or {}) if what in ("kinds", "lists") else None,
                 lists=what == "lists")
    _adopt(scorer, table, mode)
    scorer.config.retuned = what
    scorer.save_config(str(save_dir))
    _log_table(logger, table, scorer.config.kinds)
    return dict(scorer.config)


def run_train_re(corpus: str, save_dir: str | None, mode: str = "hybrid", fraction: float = 1.0,
                 model: str | None = None, epochs: int | None = None, seed: int | None = None,
                 gpu: bool = False, retune_only: str | None = None) -> int:
    """The ``kg train-re`` command: exit 0 when trained (or, ``retune_only`` "all",
    "kinds" or "lists", re-tuned), 2 on bad arguments."""
    from kg.scoring.stage import MODES, SHIPPED

    corpus_dir = Path(corpus)
    if not (corpus_dir / "manifest.tsv").is_file():
        print(f"kg train-re: {corpus}: not an annotated corpus (manifest.tsv missing)", file=sys.stderr)
        return 2
    if mode not in MODES or mode == "rules":
        print(f"kg train-re: --mode must be one of {', '.join(m for m in MODES if m != 'rules')}", file=sys.stderr)
        return 2
    if not 0 < fraction <= 1:
        print("kg train-re: --fraction must be in (0, 1]", file=sys.stderr)
        return 2
    if epochs is not None and epochs < 1:
        print("kg train-re: --epochs must be positive", file=sys.stderr)
        return 2
    if save_dir is None and mode not in SHIPPED:
        print(f"kg train-re: --mode {mode}: give --save-dir DIR (only the hybrid model ships)", file=sys.stderr)
        return 2
    if save_dir is None:
        from importlib import resources

        save_dir = str(resources.files("kg.scoring").joinpath("models", SHIPPED[mode]))
    if retune_only:
        if not (Path(save_dir) / "model.pt").is_file():
            print(f"kg train-re: --retune: no trained model in {save_dir}", file=sys.stderr)
            return 2
        retune(corpus_dir, Path(save_dir), model, what=retune_only)
        what = {"all": "thresholds and kinds", "lists": "list thresholds and kinds"}.get(retune_only, "kinds")
        print(f"kg train-re: {what} re-tuned in {save_dir}")
        return 0
    devices = 0 if gpu else -1
    train(corpus_dir, Path(save_dir), mode, fraction, model, devices, epochs=epochs, seed=seed)
    print(f"kg train-re: model written to {save_dir}")
    return 0
