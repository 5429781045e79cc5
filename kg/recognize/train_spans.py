"""``kg train-spans``, ``kg train-orgs`` and ``kg train-persons``: train the acceptance
of refused NER spans (kg.recognize.span_acceptor) and the verifiers of chosen
organization and person names (kg.recognize.org_verifier, kg.recognize.person_verifier).

The pipeline reads the corpus train and dev articles up to the context stage
while :mod:`kg.recognize.span_acceptor` records every model span the checks
refused; each is labelled against the article's gold (a name it would add, no
name, or a name found anyway); a logistic regression is fitted on train and
its threshold chosen on dev. The test split is never read.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.recognize import span_acceptor as SA
from kg.recognize.span_acceptor import SHIPPED, SpanAcceptor, choose_threshold, fit


def recorded(paths, gold: dict, backend, component, until: str):
    """(article, what ``component`` recorded) for each article with gold, read by the
    pipeline up to stage ``until`` while the component records instead of judging."""
    from kg.pipeline import analyze_article
    from kg.reading.reader import read_inputs

    for item in read_inputs([str(p) for p in paths], max_bytes=5_000_000):
        if not hasattr(item, "raw") or item.source not in gold:
            continue
        component._RECORD = []
        try:
            analyze_article(item, backend, until=until)
            seen = component._RECORD
        finally:
            component._RECORD = None
        yield item, seen


def refused_spans(paths, gold: dict, backend) -> list[tuple[list[str], int]]:
    """(features, label) of every refused model span of the articles. The label is
    1 when the span's text names a gold entity of its type that nothing else
    extracted from the article matches (a name the span would add), 0 when it
    names no gold entity, and -1 when it names one found anyway (neutral: not
    trained on, not counted when the threshold is chosen)."""
    from kg.evaluation.scoring import _norm
    from kg.scoring.data import match_entities

    out: list[tuple[list[str], int]] = []
    for item, seen in recorded(paths, gold, backend, SA, "context"):
        g = gold[item.source]
        found = set(match_entities(item, g).values())
        names = {}
        for e in g.get("entities", []):
            for n in {e["name"], *(e.get("aliases") or [])}:
                names[(e["type"], _norm(n))] = e["name"]
        for name, typ, features in seen:
            gold_name = names.get((typ, _norm(name)))
            out.append((features, 0 if gold_name is None else -1 if gold_name in found else 1))
    return out


def train_spans(corpus: str | os.PathLike = "corpus", save: str | os.PathLike | None = None,
                model: str | None = None, seed: int = 1, log=print) -> SpanAcceptor:
    """``kg train-spans``: fit on the train split's refused spans, the threshold on dev."""
    data = corpus_samples(corpus, model, refused_spans)
    for split in ("train", "dev"):
        new = sum(1 for _, y in data[split] if y == 1)
        found = sum(1 for _, y in data[split] if y < 0)
        log(f"kg train-spans: {split}: {len(data[split])} refused model spans: {new} name a gold entity "
            f"nothing else extracted, {found} one found anyway")
    acceptor = SpanAcceptor(fit(data["train"], seed=seed))
    threshold, right, wrong = choose_threshold(acceptor, data["dev"])
    acceptor.threshold = threshold
    acceptor.meta = {"seed": seed, "train_spans": len(data["train"]), "dev_right": right, "dev_wrong": wrong}
    return finish("kg train-spans", acceptor, save, log, f"threshold {threshold} (on dev it accepts {right} "
                  f"spans that add a gold entity and {wrong} that name none)")


def finish(command: str, weights, save: str | os.PathLike | None, log, chosen: str):
    """Report what dev chose, write the weights to ``save`` when given, and return them."""
    log(f"{command}: {chosen}")
    if save is not None:
        weights.save(save)
        log(f"{command}: written to {save}")
    return weights


def corpus_samples(corpus: str | os.PathLike, model: str | None, collect) -> dict[str, list]:
    """``collect(paths, gold, backend)`` on the corpus train and dev splits (never test)."""
    from kg.corpus.manifest import split_articles
    from kg.evaluation.command import load_gold
    from kg.nlp.loader import load_backend

    corpus, backend = Path(corpus), load_backend(model)
    return {split: collect(split_articles(corpus, split), load_gold(corpus, split), backend)
            for split in ("train", "dev")}


def run_training(command: str, train, corpus: str, save: str | os.PathLike, seed: int, model: str | None) -> int:
    """A training command: exit status 0, or 2 with a one-line message when the corpus
    or the NLP model is missing."""
    import sys

    from kg.nlp.base import ModelNotAvailable

    if not (Path(corpus) / "manifest.tsv").is_file():
        print(f"{command}: {corpus} is not an annotated corpus (no manifest.tsv)", file=sys.stderr)
        return 2
    try:
        train(corpus, save=save, model=model, seed=seed, log=lambda m: print(m, file=sys.stderr))
    except ModelNotAvailable as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return 2
    return 0


def run_train_spans(corpus: str = "corpus", save: str | None = None, seed: int = 1, model: str | None = None) -> int:
    """``kg train-spans``: exit status 0, or 2 with a one-line message when the corpus is missing."""
    return run_training("kg train-spans", train_spans, corpus, save or SHIPPED, seed, model)


# ------------------------------------------------------------------ kg train-orgs, kg train-persons
# (kg.recognize.org_verifier, kg.recognize.person_verifier)

def chosen_names(component, typ: str):
    """A collector of (features, label) of every name of type ``typ`` recognition
    chose in the articles, as ``component`` records them: 1 when the name (or
    one of its written forms) names a gold entity of that type, -1 when it names
    an optional gold entry (neutral), else 0."""
    def collect(paths, gold: dict, backend) -> list[tuple[list[str], int]]:
        from kg.evaluation.scoring import _norm

        out: list[tuple[list[str], int]] = []
        for item, seen in recorded(paths, gold, backend, component, "coreference"):
            same, others, optional = set(), set(), set()
            for e in gold[item.source].get("entities", []):
                kind = optional if e.get("optional") else same if e["type"] == typ else others
                kind.update(_norm(n) for n in {e["name"], *(e.get("aliases") or [])})

            def label(form: str) -> int | None:
                # a name of a gold entity of the type, of another gold entity, of an optional entry only
                return 1 if form in same else 0 if form in others else -1 if form in optional else None

            for name, forms, features in seen:
                labels = {label(_norm(f)) for f in (name, *forms)}
                out.append((features, 1 if 1 in labels else -1 if -1 in labels else 0))
        return out

    return collect


def chosen_orgs(paths, gold: dict, backend) -> list[tuple[list[str], int]]:
    """(features, label) of every organization name recognition chose (:func:`chosen_names`)."""
    from kg.recognize import org_verifier as OV

    return chosen_names(OV, "Organization")(paths, gold, backend)


#: what dropping a gold name costs against dropping a phrase: the entity and
#: its relations go with it (on corpus dev, 20 gold names dropped cost 20 relation
#: pairs found and added 19 spurious ones: about three errors each)
NAME_COST = 3.0


def choose_reject_threshold(model: SpanAcceptor, samples: list[tuple[list[str], int]],
                            cap: float = 0.5, name_cost: float = NAME_COST) -> tuple[float, int, int]:
    """The threshold under which dropping names most raises the phrases dropped
    less ``name_cost`` times the gold names dropped: (threshold, names dropped,
    phrases dropped)."""
    best = (0.0, 0, 0)
    scored = sorted((model.probability(f), y) for f, y in samples if y >= 0)
    right = wrong = 0
    for p, y in scored:
        if p >= cap:
            break
        right, wrong = right + y, wrong + (1 - y)
        if wrong - name_cost * right > best[2] - name_cost * best[1]:
            best = (round(p + 1e-4, 4), right, wrong)
    return best


#: the gated real articles besides corpus dev (kg.evaluation.quality): a verifier with
#: ``keep_gated`` drops none of their gold names
GATED_SETS = ("seeds", "dev")


def gated_samples(corpus: str | os.PathLike, model: str | None, collect) -> list[tuple[list[str], int]]:
    """``collect``'s samples of the seeds and the shared dev articles (those present)."""
    from kg.evaluation.quality import set_inputs
    from kg.nlp.loader import load_backend

    backend, out = load_backend(model), []
    for name in GATED_SETS:
        inputs = set_inputs(name, Path(corpus).resolve().parent)
        if inputs is not None:
            out.extend(collect(*inputs, backend))
    return out


def train_verifier(command: str, collect, what: str, corpus: str | os.PathLike = "corpus",
                   save: str | os.PathLike | None = None, model: str | None = None, seed: int = 1,
                   log=print, keep_gated: bool = False) -> SpanAcceptor:
    """Fit a name verifier on the train split's chosen names (``collect``), its
    threshold on dev; ``what``: the names' kind, for the log. With ``keep_gated``
    the threshold stays under the probability of every gold name of the seeds and
    the shared dev articles (their quality gates forbid losing one)."""
    data = corpus_samples(corpus, model, collect)
    for split in ("train", "dev"):
        log(f"{command}: {split}: {len(data[split])} {what} names chosen: "
            f"{sum(1 for _, y in data[split] if y == 1)} name a gold {what}, "
            f"{sum(1 for _, y in data[split] if y == 0)} none")
    verifier = SpanAcceptor(fit(data["train"], seed=seed))
    threshold, right, wrong = choose_reject_threshold(verifier, data["dev"])
    meta = {}
    if keep_gated:
        gated = [verifier.probability(f) for f, y in gated_samples(corpus, model, collect) if y == 1]
        cap = round(min(gated) - 1e-4, 4) if gated else 1.0
        if cap < threshold:
            threshold = cap
            right = sum(1 for f, y in data["dev"] if y == 1 and verifier.probability(f) < cap)
            wrong = sum(1 for f, y in data["dev"] if y == 0 and verifier.probability(f) < cap)
        meta = {"gated_names": len(gated), "gated_cap": cap}
        log(f"{command}: the seeds' and shared dev's {len(gated)} gold {what} names: the lowest at p={cap:.4f}")
    verifier.threshold = threshold
    verifier.meta = {"seed": seed, "train_names": len(data["train"]), "dev_names_dropped": right,
                     "dev_phrases_dropped": wrong, **meta}
    return finish(command, verifier, save, log,
                  f"threshold {threshold} (on dev it drops {wrong} phrases and {right} gold names)")


def train_orgs(corpus: str | os.PathLike = "corpus", save: str | os.PathLike | None = None,
               model: str | None = None, seed: int = 1, log=print) -> SpanAcceptor:
    """``kg train-orgs``: fit the organization verifier on the train split's chosen
    names, its threshold on dev."""
    return train_verifier("kg train-orgs", chosen_orgs, "organization", corpus, save, model, seed, log)


def train_persons(corpus: str | os.PathLike = "corpus", save: str | os.PathLike | None = None,
                  model: str | None = None, seed: int = 1, log=print) -> SpanAcceptor:
    """``kg train-persons``: fit the person verifier on the train split's chosen
    names, its threshold on dev."""
    from kg.recognize import person_verifier as PV

    return train_verifier("kg train-persons", chosen_names(PV, "Person"), "person", corpus, save, model, seed, log,
                          keep_gated=True)


def run_train_orgs(corpus: str = "corpus", save: str | None = None, seed: int = 1, model: str | None = None) -> int:
    """``kg train-orgs``: exit status 0, or 2 with a one-line message when the corpus is missing."""
    from kg.recognize.org_verifier import SHIPPED as ORGS_SHIPPED

    return run_training("kg train-orgs", train_orgs, corpus, save or ORGS_SHIPPED, seed, model)


def run_train_persons(corpus: str = "corpus", save: str | None = None, seed: int = 1, model: str | None = None) -> int:
    """``kg train-persons``: exit status 0, or 2 with a one-line message when the corpus is missing."""
    from kg.recognize.person_verifier import SHIPPED as PERSONS_SHIPPED

    return run_training("kg train-persons", train_persons, corpus, save or PERSONS_SHIPPED, seed, model)
