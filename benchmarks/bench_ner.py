"""NER throughput of an NLP backend (default: the shipped offline HanLP model).

A script, not a test:

    python3 benchmarks/bench_ner.py [--model offline] [--megabytes 1] [--threads 2] [--batch-size 128]

The seed articles are normalized and split into sentences once, the sentences
are repeated until their UTF-8 size reaches ``--megabytes`` MiB, and the
backend analyses them in calls of ``--sentences-per-call`` sentences (batching
inside the backend matters: the model tags ``--batch-size`` chunks at a time).
Model loading and one warm-up call are excluded. Prints characters per second.

``--compare`` measures the offline model's inference paths against each other
in one process, the way ``kg build`` calls it (one ``analyze`` call per article
of ``--articles``, default corpus/articles): HanLP's own pipeline
(``ZHKG_NER_FAST=0``), the fast path with the float model
(``ZHKG_NER_QUANTIZE=0``, the same tags) and the fast path with the int8 LSTM
(the default). Characters per CPU-second
(``time.process_time``), best of ``--rounds`` interleaved rounds, the ratio to
HanLP's pipeline, and the number of sentences whose entities differ from it:

    python3 benchmarks/bench_ner.py --compare --threads 1 --rounds 5
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg.doc import Article, Sentence

ROOT = Path(__file__).resolve().parent.parent


def seed_sentences(folder: Path) -> list[str]:
    from kg.normalize.pipeline import normalize

    texts: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        article = normalize(Article(source=path.name, raw=path.read_text(encoding="utf-8")))
        texts.extend(s.text for s in article.sentences if s.text.strip())
    if not texts:
        sys.exit(f"no sentences in {folder}/*.txt")
    return texts


def corpus(texts: list[str], megabytes: float) -> list[Sentence]:
    """Sentences with running article offsets, repeated to at least ``megabytes`` MiB of UTF-8."""
    limit = int(megabytes * 1024 * 1024)
    sentences: list[Sentence] = []
    size = offset = 0
    while size < limit:
        for text in texts:
            sentences.append(Sentence(offset, offset + len(text), text))
            offset += len(text) + 1
            size += len(text.encode("utf-8"))
            if size >= limit:
                break
    return sentences


VARIANTS = {"hanlp": ("0", "0"), "fast": ("1", "0"), "fast+int8": ("1", "1")}


def article_sentences(folder: Path) -> list[list[Sentence]]:
    from kg.normalize.pipeline import normalize

    return [
        [s for s in normalize(Article(source=p.name, raw=p.read_text(encoding="utf-8"))).sentences if s.text.strip()]
        for p in sorted(folder.glob("*.txt"))
    ]


def compare(args) -> int:
    import os

    from kg.nlp.loader import load_backend

    articles = article_sentences(args.articles)
    chars = sum(len(s.text) for a in articles for s in a)
    backend = load_backend(args.model)
    backend.batch_size = args.batch_size

    def run(name: str):
        os.environ["ZHKG_NER_FAST"], os.environ["ZHKG_NER_QUANTIZE"] = VARIANTS[name]
        started = time.process_time()
        out = [[sorted((e.start, e.end, e.label) for e in a.entities) for a in backend.analyze(s)] for s in articles]
        return time.process_time() - started, out

    outputs, best = {}, {}
    for name in VARIANTS:
        run(name)  # warm-up (and the int8 copy is made once)
    for _ in range(args.rounds):
        for name in VARIANTS:
            seconds, outputs[name] = run(name)
            best[name] = min(best.get(name, seconds), seconds)
    base = chars / best["hanlp"]
    flat = {name: [s for a in out for s in a] for name, out in outputs.items()}
    print(f"backend={backend.name} threads={args.threads} batch_size={args.batch_size} "
          f"articles={len(articles)} sentences={len(flat['hanlp'])} chars={chars} rounds={args.rounds}")
    for name in VARIANTS:
        rate = chars / best[name]
        differ = sum(x != y for x, y in zip(flat[name], flat["hanlp"]))
        print(f"{name:10s} cpu_seconds={best[name]:.3f} chars_per_cpu_second={rate:,.0f} "
              f"ratio={rate / base:.2f} sentences_differing={differ}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="offline")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=128, help="chunks per model batch")
    parser.add_argument("--sentences-per-call", type=int, default=2000)
    parser.add_argument("--compare", action="store_true", help="HanLP pipeline vs fast path vs int8, CPU seconds")
    parser.add_argument("--articles", type=Path, default=ROOT / "corpus" / "articles")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    import torch

    from kg.nlp.loader import load_backend

    torch.set_num_threads(args.threads)
    if args.compare:
        return compare(args)
    sentences = corpus(seed_sentences(args.seeds), args.megabytes)
    chars = sum(len(s.text) for s in sentences)
    nbytes = sum(len(s.text.encode("utf-8")) for s in sentences)
    backend = load_backend(args.model)
    if hasattr(backend, "batch_size"):
        backend.batch_size = args.batch_size
    backend.analyze(sentences[:200])  # warm-up

    started = time.perf_counter()
    entities = 0
    step = args.sentences_per_call
    for i in range(0, len(sentences), step):
        entities += sum(len(a.entities) for a in backend.analyze(sentences[i : i + step]))
    elapsed = time.perf_counter() - started
    print(
        f"backend={backend.name} threads={args.threads} batch_size={args.batch_size} "
        f"sentences={len(sentences)} chars={chars} bytes={nbytes} entities={entities} seconds={elapsed:.2f}"
    )
    print(f"ner_chars_per_second={chars / elapsed:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
