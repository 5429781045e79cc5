"""The ``kg`` command line. Thin: parse arguments, call one plain function.

Heavy modules (hanlp, torch, rdflib, jionlp) are imported inside the command
functions only, so ``kg --help`` stays instant.
"""

from __future__ import annotations

import argparse
import sys

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def _add_model_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--model",
        default=None,
        help="NLP model: 'offline' (default, the model shipped in models/), a hanlp.pretrained "
        "name such as CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH, or a local model "
        "directory. Environment variable: ZHKG_MODEL.",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph from Chinese news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("normalize", help="read articles and print metadata and normalized text")
    p.add_argument("paths", nargs="+", help="files or folders ('-' for standard input)")
    p.add_argument("--json", action="store_true", help="one JSON object per article and line")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="skip files larger than this")

    p = sub.add_parser("build", help="build the knowledge graph: graph.ttl, graph.html, report.json")
    p.add_argument("paths", nargs="+", help="files or folders ('-' for standard input)")
    p.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="skip files larger than this")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    _add_model_option(p)

    p = sub.add_parser("train-ner", help="train (or evaluate) the offline HanLP NER model on MSRA")
    p.add_argument("--save-dir", default=None, help="model directory to write (required for training; --evaluate-only defaults to the shipped model)")
    p.add_argument("--epochs", type=int, default=None)
    p.add_argument("--batch-size", type=int, default=None)
    p.add_argument("--max-sentences", type=int, default=None, help="train on the first N sentences")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--evaluate-only", action="store_true", help="evaluate the model on msra_test")

    p = sub.add_parser("validate", help="validate a graph against ontology/shapes.ttl (SHACL)")
    p.add_argument("graph")

    p = sub.add_parser("query", help="run a SPARQL query against a graph")
    p.add_argument("graph")
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("-f", "--file", help="read the query from a .rq file")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")

    p = sub.add_parser("eval", help="score a graph against gold annotation files")
    p.add_argument("graph")
    p.add_argument("gold_dir")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")

    p = sub.add_parser("html", help="write the interactive HTML view of a graph")
    p.add_argument("graph")
    p.add_argument("-o", "--out", default="graph.html")
    p.add_argument("--focus", help="centre on the entity with this name")
    p.add_argument("--hops", type=int, default=2)
    p.add_argument("--max-nodes", type=int, default=2000)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "normalize":
        from kg.normalize.command import run_normalize

        return run_normalize(args.paths, as_json=args.json, max_bytes=args.max_bytes, out=sys.stdout)
    if args.command == "build":
        from kg.pipeline import run_build

        return run_build(
            args.paths,
            out_dir=args.out,
            model=args.model,
            max_bytes=args.max_bytes,
            validate=not args.no_validate,
            progress=not args.quiet,
        )
    if args.command == "train-ner":
        from kg.nlp.training.command import run_train_ner

        return run_train_ner(
            save_dir=args.save_dir,
            epochs=args.epochs,
            batch_size=args.batch_size,
            max_sentences=args.max_sentences,
            seed=args.seed,
            evaluate_only=args.evaluate_only,
        )
    if args.command == "validate":
        from kg.rdf.validate import run_validate

        return run_validate(args.graph, out=sys.stdout)
    if args.command == "query":
        from kg.query import run_query

        return run_query(args.graph, text=args.sparql, file=args.file, fmt=args.format, out=sys.stdout)
    if args.command == "eval":
        from kg.evaluation.command import run_eval

        return run_eval(args.graph, args.gold_dir, as_json=args.json, out=sys.stdout)
    if args.command == "html":
        from kg.export.html import run_html

        return run_html(args.graph, args.out, focus=args.focus, hops=args.hops, max_nodes=args.max_nodes)
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
