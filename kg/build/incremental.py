"""``kg add``: add, replace or remove articles of an existing build.

The build's articles are the rows of ``OUT/cache/manifest.json`` (file,
source, the file's resolved path, record key), in build order. ``kg add FILES --to OUT`` reads the
files; a file whose name is already in the graph replaces that article in
place (a changed file is analysed again, an unchanged one keeps its record),
a new one is appended. ``kg add --remove NAMES --to OUT`` drops the articles
of those files (by file name as in ``kg:sourceFile``, or by path). Then the
whole graph is resolved and written again from the records, as ``kg build``
does: only the new or changed articles are analysed, and only the articles
whose resolved entities changed are mapped to RDF again. graph.html is
computed from the articles' cached plain statements (``OUT/cache/page/``, no
rdflib graph: :mod:`kg.export.page_graph`), and ``OUT/store`` is updated in
place from the subjects that changed (:mod:`kg.store`), unless its saved
state does not match (then graph.ttl is loaded).

The NLP model, the relation mode and whether graph.html is written are the
build's (recorded in the manifest) unless ``--model``, ``--relations``
(or ``ZHKG_RELATIONS``), ``--html`` or ``--no-html`` say otherwise; another
model or relation mode analyses every article again.

A manifest that is not of the graph.ttl beside it (a run killed while it
replaced its outputs: the manifest is moved in last) is refused: kg build puts
the folder right.

When the model or the code changed since the build, every record is stale:
the articles are analysed again from the raw text their records keep (the
input files are not needed).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from kg.build.cache import Cache, code_id, describes, model_id, read_full, record_key
from kg.build.run import BuildOptions, Input, build_outputs, read_items, refuse_blocked_output
from kg.doc import Article
from kg.scoring.stage import MODES


def _rows(cache: Cache, manifest: dict, model: str | None) -> list[Input]:
    """The manifest's articles as inputs, re-keyed (from the records' raw text) if the versions changed."""
    mid, cid = model_id(model), code_id()
    same = manifest.get("model_id") == mid and manifest.get("code") == cid
    rows = []
    for row in manifest.get("articles", []):
        item = Input(row["file"], row["source"], row.get("path"), key=row["key"])
        if not same:
            old = cache.article_path(row["key"])
            if old is None:
                item.error = "its cached record is missing: add the file again"
            else:
                try:
                    raw = read_full(old).raw
                except Exception:  # a damaged record: unpickling it can raise almost anything
                    item.error = "its cached record is damaged: add the file again"
                else:
                    item.key = record_key(item.source, raw, mid, cid)
                    item.article = Article(source=item.source, raw=raw, path=item.path)
        rows.append(item)
    return rows


def _relation_mode(manifest: dict) -> str | None:
    """The relation mode the build used: recorded, or (an older build) read from its model id."""
    mode = manifest.get("relations")
    if not mode:
        mid = str(manifest.get("model_id", ""))
        mode = mid.rpartition("|re:")[2].split(":")[0] if "|re:" in mid else None
    return mode or None


@contextmanager
def _relations(mode: str | None):
    """``ZHKG_RELATIONS`` set to ``mode`` (when given) while the block runs."""
    saved = os.environ.get("ZHKG_RELATIONS")
    if mode:
        os.environ["ZHKG_RELATIONS"] = mode
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("ZHKG_RELATIONS", None)
        else:
            os.environ["ZHKG_RELATIONS"] = saved


def _matches(name: str, item: Input) -> bool:
    """Whether ``name`` (as given: bytes that are not UTF-8 as surrogates) names ``item``,
    whose names hold such bytes escaped (:func:`kg.reading.encoding.escaped`)."""
    from kg.reading.encoding import escaped

    name = escaped(name, name=True)
    return name in (item.file, item.source) or Path(name).name == item.file


def plan_add(rows: list[Input], paths: list[str], max_bytes: int, model: str | None) -> tuple[list[Input], dict]:
    """The new article list: ``rows`` with the files of ``paths`` replaced in place or appended.

    The files are named as ``kg build`` names them (:func:`kg.reading.reader.read_inputs`),
    except that a file an article was read from keeps that article's name: a file
    replaces the article read from the same path. Another file replaces an article
    by name only when that article's file is no longer there (a moved file);
    otherwise it takes a longer name, as ``kg build`` gives (two files of one name in
    different folders are two articles, ``a.txt`` and ``b/a.txt``), whatever else the
    command line holds. A file that cannot be read replaces nothing: the article it
    would replace stays, and it is reported as failed, not added."""
    from kg.reading.reader import gone

    mid, cid = model_id(model), code_id()
    new = read_items(paths, max_bytes, known={r.path: r.file for r in rows if r.path is not None},
                     taken={r.file for r in rows if not gone(r.path)})
    for item in new:
        if item.article is not None:
            item.key = record_key(item.source, item.article.raw, mid, cid)
    by_file: dict[str, list[Input]] = {}
    for item in new:
        by_file.setdefault(item.file, []).append(item)
    old_keys: dict[str, list[str]] = {}
    for row in rows:
        old_keys.setdefault(row.file, []).append(row.key)
    changes = {"added": [], "changed": [], "unchanged": [], "removed": []}
    out: list[Input] = []
    placed: set[str] = set()
    for row in rows:
        if row.file in by_file:
            if row.file not in placed:
                placed.add(row.file)
                items = by_file[row.file]
                if all(i.error is not None for i in items):
                    out.extend(r for r in rows if r.file == row.file)  # unreadable: the old article stays
                    out.extend(items)  # reported as failed
                    continue
                out.extend(items)
                new_keys = [i.key for i in items]
                changes["unchanged" if new_keys == old_keys[row.file] else "changed"].append(row.file)
            continue
        out.append(row)
    for file, items in by_file.items():
        if file not in placed:
            out.extend(items)
            if any(i.error is None for i in items):
                changes["added"].append(file)
    return out, changes


def plan_remove(rows: list[Input], names: list[str]) -> tuple[list[Input], dict, list[str]]:
    """``rows`` without the files named; (rows, changes, names that matched nothing).
    A name that is the path of an article's file removes that article only (not
    another of the same file name in another folder)."""
    from kg.reading.reader import file_key, same_file

    def hits(n: str) -> list[Input]:
        key = file_key(n)
        by_path = [r for r in rows if same_file(r.path, key)]
        return by_path or [r for r in rows if _matches(n, r)]

    unknown = [n for n in names if not hits(n)]
    removed = list(dict.fromkeys(r.file for n in names for r in hits(n)))
    keep = [r for r in rows if r.file not in removed]
    return keep, {"added": [], "changed": [], "unchanged": [], "removed": removed}, unknown


def run_add(
    paths: list[str],
    out_dir: str,
    remove: bool = False,
    model: str | None = None,
    max_bytes: int = 5 * 1024 * 1024,
    validate: bool = True,
    progress: bool = True,
    workers: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    html: bool | None = None,
    relations: str | None = None,
) -> int:
    """``kg add FILES --to OUT`` / ``kg add --remove NAMES --to OUT``; exit status as ``kg build``.

    ``model``, ``html`` (write graph.html) and ``relations`` (the relation mode) default
    to what the build recorded; a ``relations`` other than the build's analyses every
    article again, and says so. A ``ZHKG_RELATIONS`` other than the build's mode, with
    no ``relations``, is refused (exit 2): left in the environment, it would switch the
    graph's mode unasked."""
    from kg import exitcodes
    from kg.build.engines import EngineUnavailable
    from kg.export.outdir import OutputError, claim_output
    from kg.logs import logger, set_command, setup_logging, shown
    from kg.nlp.base import ModelNotAvailable
    from kg.build.report import BuildReport, _skip_summary, usage_problem
    from kg.reading.encoding import escaped

    set_command("kg add")
    log = logger()
    if not log.handlers:
        setup_logging("INFO" if progress else "WARNING")
    problem = usage_problem(paths, out_dir, "--to", "name the folder of an earlier kg build", names=remove)
    if problem:
        log.error(f"kg add: {problem}")
        return exitcodes.USAGE
    if not Path(out_dir).is_dir():
        log.error(f"kg add: {out_dir} is not a kg build output folder: run kg build FILES -o {out_dir} first")
        return exitcodes.USAGE
    try:
        out = claim_output(out_dir, "--to")
    except OutputError as exc:
        log.error(f"kg add: {exc}")
        return exitcodes.IO_ERROR
    refused = refuse_blocked_output(out)  # before the analysis, not after it
    if refused is not None:
        return refused
    with out:
        cache = Cache(out.path)
        manifest = cache.read_manifest()
        if manifest is None:
            log.error(f"kg add: {out.path} has no build cache (cache/manifest.json): "
                      f"build it with kg build FILES -o {out.path} first")
            return exitcodes.USAGE
        if not describes(manifest, out.path / "graph.ttl"):
            log.error(f"kg add: {out.path / 'graph.ttl'} is not the graph its build cache describes (a kg build or "
                      "kg add was killed while it replaced its outputs, or graph.ttl was edited): build it again "
                      f"with kg build FILES -o {out.path}; nothing changed")
            return exitcodes.USAGE
        if model is None:
            model = manifest.get("model")
        if html is None:  # an older build recorded no choice: its page is there or not
            html = manifest.get("html", (out.path / "graph.html").is_file()) is not False
        built_mode = _relation_mode(manifest)
        env_mode = os.environ.get("ZHKG_RELATIONS", "").strip()
        if relations is None and env_mode and built_mode and env_mode != built_mode:
            # a variable left in the environment would switch the graph's mode and analyse every article again
            log.error(f"kg add: ZHKG_RELATIONS={env_mode} is set, but the build in {out.path} decided relations "
                      f"with {built_mode}: unset ZHKG_RELATIONS to add in the build's mode, or give --relations "
                      f"{env_mode if env_mode in MODES else 'MODE'} to analyse every article again in that mode; "
                      "nothing changed")
            return exitcodes.USAGE
        mode = relations or env_mode or built_mode
        if mode in MODES and built_mode and mode != built_mode:
            log.warning(f"kg add: relation mode {mode}, the build's was {built_mode}: "
                        "every article is analysed again in that mode")
        options = BuildOptions(model=model, max_bytes=max_bytes, validate=validate, workers=workers,
                               engine=engine, scheduler=scheduler, progress=progress, html=html)
        report = BuildReport()
        try:
            with _relations(mode):  # read by the scoring stage, here and in the workers
                rows = _rows(cache, manifest, model)
                if remove:
                    items, changes, unknown = plan_remove(rows, paths)
                    for name in unknown:
                        log.warning(f"kg add: {escaped(name, name=True)}: no such article in {out.path}")
                    if not changes["removed"]:
                        log.error("kg add: nothing to remove")
                        return exitcodes.USAGE
                else:
                    items, changes = plan_add(rows, paths, max_bytes, model)
                built = build_outputs(items, out, options, report, extra={"incremental": changes})
        except (ModelNotAvailable, EngineUnavailable) as exc:
            log.error(f"kg add: {exc}")
            return exitcodes.USAGE
        except OSError as exc:
            log.error(f"kg add: cannot write the outputs into {out.path}: {exc.strerror or exc}; "
                      "previous outputs left intact")
            return exitcodes.IO_ERROR
        kept = {id(i) for i in items}
        lost = [r.source for r in rows if id(r) in kept and r.error is not None]
        if lost:  # articles of the graph whose records are damaged or missing: nothing built is lost
            built.discard()
            log.error(f"kg add: {len(lost)} article(s) of the graph have damaged or missing cache records "
                      f"({', '.join(lost[:3])}{' …' if len(lost) > 3 else ''}): add their files again, or build "
                      "the graph again with kg build; previous outputs left untouched")
            return exitcodes.INPUTS_SKIPPED
        if not report.read:
            built.discard()
            log.error("kg add: the graph would have no article left; previous outputs left untouched "
                      "(remove the folder to start again)")
            return exitcodes.USAGE
        failed = built.publish_outputs(out)
        if failed is not None:
            return failed

    for f in report.failed:
        log.warning(f"kg add: {f['file']}: {f['reason']}")
    stats = built.extra.get("build", {})
    skipped = f"; {_skip_summary(report.failed)}" if report.failed else ""  # as kg build's summary says them
    print(shown(f"kg add: {len(changes['added'])} added, {len(changes['changed'])} changed, "
                f"{len(changes['unchanged'])} unchanged, {len(changes['removed'])} removed, "
                f"{len(report.failed)} failed "
                f"({stats.get('analysed', 0)} analysed, {stats.get('from_cache', 0)} from the cache); "
                f"{report.articles_read()} articles{report.parts_summary()}, {sum(report.entities.values())} entities, {report.triples} triples"
                f"{skipped}{report.dropped_summary()} -> {out.path}"))
    ok = not report.failed
    if report.validation is not None and not report.validation["conforms"]:
        log.warning(f"kg add: SHACL: {len(report.validation['violations'])} violation(s) could not be repaired "
                    "(a bug: please report it), see report.json")
        ok = False
    return exitcodes.OK if ok else exitcodes.INPUTS_SKIPPED
