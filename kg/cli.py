"""The ``kg`` command line. Thin: parse arguments, call one plain function.

Heavy modules (hanlp, torch, rdflib, jionlp) are imported inside the command
functions only, so ``kg --help`` stays instant.
"""

from __future__ import annotations

import argparse
import os
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


def _at_least_one(text: str) -> int:
    """A whole number of at least 1 (--workers, --max-bytes)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return n


def _path(text: str) -> str:
    """A path that is not empty (the training commands' --save-dir, --save, --init,
    --corpus): an empty one read as the current folder, or as no value at all, which
    for kg train-ner --save-dir "" meant the shipped model, replaced unasked."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path: name a folder or file")
    return text


def _seconds(text: str) -> float:
    """A finite number of seconds, 0 or more (--timeout; 0: no limit)."""
    import math

    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds, 0 or more (0: no limit)")
    return seconds


def _add_scale_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=_at_least_one, default=None, metavar="N",
                   help="worker processes for the per-article stages, each loading the model once "
                   "(default: one per core; 1: everything in this process)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where the per-article stages run: local processes (default) or a Dask cluster "
                   "(needs pip install 'zhkg[dask]' and --scheduler)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: the Dask scheduler's address, e.g. tcp://127.0.0.1:8786")


def _add_relation_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--relations", choices=["rules", "model", "hybrid"], default=None,
                   help="how the entity relations are decided: the trained relation model with the rules' "
                   "verdicts as features (hybrid, the default), the model alone, or the rules alone "
                   "(sets ZHKG_RELATIONS; docs/extraction.md compares them)")


def _version() -> str:
    from kg.version import version_string

    return version_string()


class _VersionAction(argparse.Action):
    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(_version())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    from kg.exitcodes import HELP

    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph from Chinese news articles.",
        epilog=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction, help="print the code and model versions and exit")
    parser.add_argument("--debug", action="store_true", help="show the Python traceback of an unexpected error")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="what reaches the terminal (default INFO; --quiet means WARNING)")
    parser.add_argument("--log-file", help="also write every log record, with time and level, to this file")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("normalize", help="read articles and print metadata and normalized text")
    p.add_argument("paths", nargs="+", help="files or folders ('-' for standard input)")
    p.add_argument("--json", action="store_true", help="one JSON object per article and line")
    p.add_argument("--max-bytes", type=_at_least_one, default=DEFAULT_MAX_BYTES, help="skip files larger than this")

    p = sub.add_parser("build", help="build the knowledge graph: graph.ttl, graph.html, report.json")
    p.add_argument("paths", nargs="+", help="files or folders ('-' for standard input)")
    p.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    p.add_argument("--max-bytes", type=_at_least_one, default=DEFAULT_MAX_BYTES, help="skip files larger than this")
    p.add_argument("--no-validate", action="store_true",
                   help="skip the SHACL check and its repair (faster; the graph may then break a shape)")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    _add_model_option(p)
    _add_scale_options(p)
    _add_relation_option(p)
    p.add_argument("--no-cache", action="store_true",
                   help="analyse every article again instead of reusing the records in OUT/cache/")
    p.add_argument("--no-html", action="store_true",
                   help="do not write graph.html (its page needs the whole graph in memory: for large corpora; "
                   "kg html OUT/graph.ttl writes it later)")

    p = sub.add_parser("add", help="add, replace or remove articles of an existing build and rewrite its graph")
    p.add_argument("paths", nargs="+", metavar="FILES",
                   help="files or folders to add (a file whose name is already in the graph replaces that "
                   "article); with --remove: the file names (or paths) of the articles to remove")
    p.add_argument("--to", required=True, metavar="OUT", help="the output folder of an earlier kg build")
    p.add_argument("--remove", action="store_true", help="remove the articles FILES (and their facts) instead")
    p.add_argument("--max-bytes", type=_at_least_one, default=DEFAULT_MAX_BYTES, help="skip files larger than this")
    p.add_argument("--no-validate", action="store_true",
                   help="skip the SHACL check and its repair (faster; the graph may then break a shape)")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.add_argument("--model", default=None,
                   help="NLP model (default: the one the build used); see kg build --help")
    html = p.add_mutually_exclusive_group()
    html.add_argument("--no-html", dest="html", action="store_false", default=None,
                      help="do not write graph.html (an old one is removed); kg html OUT/graph.ttl writes it later "
                      "(default: as the build did)")
    html.add_argument("--html", dest="html", action="store_true", default=None,
                      help="write graph.html, also when the build did not (--no-html)")
    _add_scale_options(p)
    p.add_argument("--relations", choices=["rules", "model", "hybrid"], default=None,
                   help="how the entity relations are decided (default: as the build did; another mode analyses "
                   "every article again; a ZHKG_RELATIONS other than the build's mode is refused); see kg build --help")

    p = sub.add_parser("train-ner", help="train (or evaluate) the offline HanLP NER model on MSRA")
    p.add_argument("--save-dir", type=_path, default=None, help="model directory to write (required for training; --evaluate-only defaults to the shipped model)")
    p.add_argument("--epochs", type=int, default=None, help="training epochs (default: the training settings' value)")
    p.add_argument("--batch-size", type=int, default=None, help="sentences per training batch")
    p.add_argument("--max-sentences", type=int, default=None, help="train on the first N sentences")
    p.add_argument("--seed", type=int, default=None, help="random seed for training")
    p.add_argument("--evaluate-only", action="store_true", help="evaluate the model on msra_test")
    p.add_argument("--corpus", type=_path, default=None, metavar="DIR",
                   help="annotated corpus (corpus/): add its train split to the training data, its dev split to the "
                        "dev data and the figures (the test split is never read)")
    p.add_argument("--corpus-copies", type=int, default=None, help="copies of the corpus sentences (default 3)")
    p.add_argument("--init", type=_path, default=None, metavar="DIR",
                   help="fine-tune this trained model instead of starting from random weights (default 4 epochs, lr 0.0005)")
    p.add_argument("--lr", type=float, default=None, help="Adam learning rate (default 0.001, 0.0005 with --init)")
    p.add_argument("--blend", type=float, default=None,
                   help="with --init: keep BLEND x the fine-tuned weights + (1 - BLEND) x the initial ones (default 1)")

    p = sub.add_parser("train-re", help="train the relation model on the annotated corpus (train split; dev picks the epoch and thresholds)")
    p.add_argument("corpus", nargs="?", default="corpus", help="the annotated corpus folder (default: corpus)")
    p.add_argument("--save-dir", type=_path, default=None, help="model folder to write (default: the shipped model of --mode, replaced)")
    p.add_argument("--mode", choices=["hybrid", "model"], default="hybrid",
                   help="hybrid: the rules' verdicts are features (default); model: without them (ablation)")
    p.add_argument("--fraction", type=float, default=1.0, help="train on this seeded share of the train articles (learning curve)")
    p.add_argument("--epochs", type=int, default=None, help="training epochs (default 12; the best on dev is kept)")
    p.add_argument("--seed", type=int, default=None, help="random seed (default 1)")
    p.add_argument("--model", default=None, help="NLP model for the analysis (default: the shipped offline model)")
    p.add_argument("--gpu", action="store_true", help="train on the first CUDA device")
    p.add_argument("--retune", choices=["all", "kinds", "lists"], default=None,
                   help="keep the trained weights and choose again on dev, after a rule change: the thresholds and the "
                        "kinds the model decides (all), or only the kinds, the thresholds kept (kinds), or the "
                        "thresholds of items listed with a kept one and the kinds, the other thresholds kept (lists)")

    for name, what in (("train-spans", "the acceptance of refused NER spans"),
                       ("train-orgs", "the verifier of recognized organization names"),
                       ("train-persons", "the verifier of recognized person names"),
                       ("train-destinations", "the reading of the place or organization after a visit verb"),
                       ("train-posts", "the choice of a body for a post the title names none of")):
        p = sub.add_parser(name, help=f"train {what} (train split; dev picks the threshold)")
        p.add_argument("corpus", nargs="?", default="corpus", help="the annotated corpus folder (default: corpus)")
        p.add_argument("--save", type=_path, default=None, help="weights file to write (default: the shipped one, replaced)")
        p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        p.add_argument("--model", default=None, help="NLP model for the analysis (default: the shipped offline model)")

    p = sub.add_parser("validate", help="validate a graph against ontology/shapes.ttl (SHACL)")
    p.add_argument("graph", help="a kg build output folder (its graph.ttl) or a graph file")

    p = sub.add_parser("query", help="run a read-only SPARQL query against a graph file (no network, no updates)")
    p.add_argument("graph", help="a kg build output folder (its graph.ttl) or a graph file")
    p.add_argument("sparql", nargs="?", help="the query text (or give -f FILE.rq)")
    p.add_argument("-f", "--file", help="read the query from a .rq file (see queries/); '-' for standard input")
    p.add_argument("--format", choices=["table", "csv", "json", "turtle"], default=None,
                   help="output format: table (default), csv or json for SELECT and ASK; turtle (default) for "
                   "CONSTRUCT and DESCRIBE")
    p.add_argument("--timeout", type=_seconds, default=60.0, help="stop the query after this many seconds (default 60; 0: no limit)")
    p.add_argument("--limit", type=int, default=None, help="print at most this many result rows")

    p = sub.add_parser("eval", help="score a graph against gold annotation files")
    p.add_argument("graph", help="a kg build output folder (its graph.ttl) or a graph file")
    p.add_argument("gold_dir", help="a folder of gold JSON files, or the corpus folder (corpus/, with --split)")
    p.add_argument("--split", choices=["train", "dev", "test"], help="with a corpus folder: score that split only")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")

    p = sub.add_parser("corpus", help="the annotated corpus: add an article, check gold files, statistics")
    csub = p.add_subparsers(dest="corpus_command", required=True)
    c = csub.add_parser("add", help="take an article (and its gold file) into the corpus under a new id")
    c.add_argument("file", help="the article text as published (UTF-8)")
    c.add_argument("--url", required=True, help="the address it was published at")
    c.add_argument("--gold", help="its gold annotation (JSON, annotation guide format); without it an empty skeleton, round 0")
    c.add_argument("--damage", default="none", help="comma-separated: none, pinyin, mojibake, garbled, chrome, related-news, spam, duplicated, truncated")
    c.add_argument("--split", default="train", choices=["train", "dev", "test"], help="default train: the test split stays frozen")
    c.add_argument("--round", type=int, default=1, help="annotation round")
    c.add_argument("--origin", default="", help="how it came in: a batch tag and the annotator's file (b1:003)")
    c.add_argument("--root", default="corpus", help="corpus folder (default: corpus)")
    c = csub.add_parser("check", help="validate every gold file and the manifest; counts by type and split")
    c.add_argument("--root", default="corpus", help="corpus folder (default: corpus)")
    c.add_argument("--no-review", action="store_true", help="do not list names to review")
    c.add_argument("--not-in", action="append", default=[], metavar="DIR",
                   help="a folder of articles the corpus must not contain (copies or excerpts); repeatable")
    c = csub.add_parser("stats", help="corpus statistics: splits, scripts, damage, entities and relations")
    c.add_argument("--root", default="corpus", help="corpus folder (default: corpus)")
    c = csub.add_parser("files", help="print the article paths of a split (for kg build $(kg corpus files --split dev))")
    c.add_argument("--split", choices=["train", "dev", "test"], help="only this split (default: all)")
    c.add_argument("--root", default="corpus", help="corpus folder (default: corpus)")
    c = csub.add_parser("agreement", help="inter-annotator agreement of the double-annotated articles")
    c.add_argument("--root", default="corpus", help="corpus folder (default: corpus)")

    p = sub.add_parser("export", help="write a graph as JSON-LD, GraphML, GEXF or CSV for other tools")
    p.add_argument("graph", help="a kg build output folder (holding graph.ttl) or a graph file")
    p.add_argument("--format", required=True, choices=["jsonld", "graphml", "gexf", "csv"],
                   help="jsonld: the whole RDF graph; graphml, gexf, csv: the entity graph (nodes.csv and edges.csv)")
    p.add_argument("-o", "--out", default=None,
                   help="output file (for csv: folder); default next to the graph: graph.jsonld, graph.graphml, graph.gexf, nodes.csv + edges.csv")

    p = sub.add_parser("serve", help="serve a built graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql")
    p.add_argument("out", help="a kg build output folder (holding store/) or its graph.ttl")
    p.add_argument("--port", type=int, default=7878, help="TCP port to listen on (default 7878; 0: any free port)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--timeout", type=_seconds, default=30.0, help="stop each query after this many seconds (default 30; 0: no limit)")
    p.add_argument("--cors", metavar="ORIGIN", default=None,
                   help="send Access-Control-Allow-Origin: ORIGIN (e.g. https://yasgui.triply.cc, or *) so web pages "
                   "from there can query it; default: no CORS header")

    p = sub.add_parser("explain", help="every relation candidate of one article: evidence, signals, kept or rejected and why")
    p.add_argument("article", nargs="?", help="the article file (.txt or .html)")
    p.add_argument("--only", choices=["kept", "rejected"], help="show only kept or only rejected candidates")
    p.add_argument("--stages", action="store_true", help="print the pipeline's stages with what each reads and writes")
    _add_model_option(p)

    p = sub.add_parser("html", help="write the interactive HTML view of a graph")
    p.add_argument("graph", help="a kg build output folder (its graph.ttl) or a graph file")
    p.add_argument("-o", "--out", default="graph.html", help="the page to write (default graph.html)")
    p.add_argument("--focus", help="centre on the entity with this name")
    p.add_argument("--hops", type=int, default=2, help="with --focus: how many relation steps around the entity to draw (default 2)")
    p.add_argument("--max-nodes", type=int, default=2000,
                   help="the most entities drawn at once (default 2000); above it an overview groups the rest, and search reaches every entity")
    return parser


def main(argv: list[str] | None = None) -> int:
    from kg import exitcodes
    from kg.logs import set_command, setup_logging, shown

    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and getattr(args, "command", None) == "query" and args.sparql is None and len(extra) == 1 \
            and not extra[0].startswith("-"):
        args.sparql = extra[0]  # kg query GRAPH --format csv QUERY: an option between the two positionals
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    level = "WARNING" if getattr(args, "quiet", False) and args.log_level == "INFO" else args.log_level
    try:
        setup_logging(level, args.log_file)
    except OSError as exc:
        print(shown(f"kg: cannot write the log file {args.log_file}: {exc.strerror or exc}"), file=sys.stderr)
        return exitcodes.IO_ERROR
    set_command(f"kg {args.command}")  # the prefix of lines code shared by commands writes
    try:
        return _dispatch(args)
    except KeyboardInterrupt as exc:  # "after the outputs were replaced" when a build's publishing held it
        print(f"kg {args.command}: interrupted {exc}" if str(exc) else "kg: interrupted", file=sys.stderr)
        return exitcodes.INTERRUPTED
    except BrokenPipeError:
        return exitcodes.OK
    except Exception as exc:  # a bug: one line, never the exit status of "an input failed"
        if args.debug:
            raise
        print(f"kg {args.command}: internal error: {_quoted(exc)} (run again with --debug for the traceback)",
              file=sys.stderr)
        return exitcodes.INTERNAL


#: the most characters of an unexpected error the one line quotes: an error can hold
#: a whole article's text (a UnicodeEncodeError quotes the string it failed on)
INTERNAL_ERROR_CHARS = 200


def _quoted(exc: BaseException) -> str:
    """The error in a few words: a codec's error by its reason (not the string it quotes), any
    other by its repr cut at :data:`INTERNAL_ERROR_CHARS`."""
    text = f"{type(exc).__name__}: {exc}" if isinstance(exc, UnicodeError) else repr(exc)
    return text if len(text) <= INTERNAL_ERROR_CHARS else text[:INTERNAL_ERROR_CHARS] + "…"


#: signals that end a command as Ctrl-C does (kill, a closed terminal): the command's
#: clean-up runs (staging folders removed, worker pools shut down), exit 130
STOP_SIGNALS = ("SIGTERM", "SIGHUP")


def _set_handlers(names, handler) -> None:
    import signal

    for name in names:
        sig = getattr(signal, name, None)
        if sig is None:
            continue  # not on this platform
        try:
            signal.signal(sig, handler)
        except (ValueError, OSError):  # not the main thread
            pass


def run() -> None:
    """The ``kg`` program (console script and ``python -m kg``): :func:`main`, then exit.

    While main runs, SIGTERM and SIGHUP end it as Ctrl-C does (a KeyboardInterrupt):
    killed by default, a build left its spawned workers running without a parent
    and its staging folders behind (found by a tester). Once main has returned the
    outputs are written: a Ctrl-C (or those signals) while the interpreter shuts the
    worker pools down ends the process at once, without the traceback Python prints
    for an interrupt inside its shutdown (found by a tester)."""
    import signal

    _set_handlers(STOP_SIGNALS, signal.default_int_handler)
    code = main()
    _set_handlers(("SIGINT", *STOP_SIGNALS), signal.SIG_DFL)
    sys.exit(code)


def _dispatch(args: argparse.Namespace) -> int:
    if getattr(args, "relations", None):
        os.environ["ZHKG_RELATIONS"] = args.relations  # read by the scoring stage, here and in the workers
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
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            use_cache=not args.no_cache,
            html=not args.no_html,
        )
    if args.command == "add":
        from kg.build.incremental import run_add

        return run_add(
            args.paths,
            out_dir=args.to,
            remove=args.remove,
            model=args.model,
            max_bytes=args.max_bytes,
            validate=not args.no_validate,
            progress=not args.quiet,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            html=args.html,
            relations=args.relations,
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
            corpus=args.corpus,
            init=args.init,
            corpus_copies=args.corpus_copies,
            lr=args.lr,
            blend=args.blend,
        )
    if args.command == "train-re":
        from kg.scoring.train import run_train_re

        return run_train_re(args.corpus, args.save_dir, mode=args.mode, fraction=args.fraction, model=args.model,
                            epochs=args.epochs, seed=args.seed, gpu=args.gpu, retune_only=args.retune)
    if args.command == "train-orgs":
        from kg.recognize.train_spans import run_train_orgs

        return run_train_orgs(args.corpus, args.save, seed=args.seed, model=args.model)
    if args.command == "train-persons":
        from kg.recognize.train_spans import run_train_persons

        return run_train_persons(args.corpus, args.save, seed=args.seed, model=args.model)
    if args.command == "train-spans":
        from kg.recognize.train_spans import run_train_spans

        return run_train_spans(args.corpus, args.save, seed=args.seed, model=args.model)
    if args.command == "train-destinations":
        from kg.recognize.train_destinations import run_train_destinations

        return run_train_destinations(args.corpus, args.save, seed=args.seed, model=args.model)
    if args.command == "train-posts":
        from kg.relations.train_posts import run_train_posts

        return run_train_posts(args.corpus, args.save, seed=args.seed, model=args.model)
    if args.command == "validate":
        from kg.rdf.validate import run_validate

        return run_validate(args.graph, out=sys.stdout)
    if args.command == "query":
        from kg.query import run_query

        return run_query(args.graph, text=args.sparql, file=args.file, fmt=args.format, out=sys.stdout,
                         timeout=args.timeout, limit=args.limit)
    if args.command == "eval":
        from kg.evaluation.command import run_eval

        return run_eval(args.graph, args.gold_dir, as_json=args.json, out=sys.stdout, split=args.split)
    if args.command == "corpus":
        from kg.corpus import command as corpus

        if args.corpus_command == "add":
            return corpus.run_add(args.root, args.file, args.url, args.gold, args.damage, args.split, args.round, sys.stdout,
                                  origin=args.origin)
        if args.corpus_command == "check":
            return corpus.run_check(args.root, sys.stdout, show_review=not args.no_review, not_in=args.not_in)
        if args.corpus_command == "stats":
            return corpus.run_stats(args.root, sys.stdout)
        if args.corpus_command == "files":
            return corpus.run_files(args.root, args.split, sys.stdout)
        return corpus.run_agreement(args.root, sys.stdout)
    if args.command == "export":
        from kg.export.formats import run_export

        return run_export(args.graph, args.format, args.out, err=sys.stderr)
    if args.command == "serve":
        from kg.serve import run_serve

        return run_serve(args.out, host=args.host, port=args.port, timeout=args.timeout, cors=args.cors)
    if args.command == "explain":
        if args.stages:
            from kg.stages import assemble, default_stages, describe

            print(describe(assemble(default_stages())))
            return 0
        if not args.article:
            print("kg explain: give an article file (or --stages)", file=sys.stderr)
            return 2
        from kg.explain import run_explain

        return run_explain(args.article, args.model, args.only, sys.stdout)
    if args.command == "html":
        from kg.export.html import run_html

        return run_html(args.graph, args.out, focus=args.focus, hops=args.hops, max_nodes=args.max_nodes)
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
