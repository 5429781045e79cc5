"""The graph in an Oxigraph triple store (``OUT/store/``), for fast SPARQL.

``kg build`` bulk-loads ``graph.ttl`` (which carries the ontology) into a
fresh store built in a staging folder inside OUT and swapped in, so a crash
leaves the previous store intact (:func:`write_store`; the build does it in a
background thread while it writes graph.html: :class:`StoreLoad`, which starts with
the articles' statements before graph.ttl is written). The store records
which graph.ttl it was made from (``kg-store.json``: size, mtime, SHA-256);
:func:`find_store` only returns a store that matches the graph.ttl next to
it, so a stale store (a build whose store step failed) is never queried.

``kg add`` updates rather than reloads: the store keeps its state beside the
marker (``kg-store-state.pkl``: a digest of each ontology and entity subject's
Turtle, and the subjects of each article's rendered block, by block key).
The published store is backed up into the staging folder (hard links to its
immutable files; the published one is only opened read-only), the
statements of the subjects that changed or left are removed there and the
new subjects' Turtle is inserted, and the copy is swapped in as a load would
be (:func:`update_store`, :func:`store_changes`). The subjects of graph.ttl's
groups (ontology, entities, each article's nodes) are disjoint and it has no
blank nodes, so this gives the statements a load of the new graph.ttl gives.
Without a state that matches the published graph.ttl, with more than
:data:`UPDATE_MAX_SHARE` of the subjects changed, or when the update fails,
the new graph.ttl is loaded.

:func:`query_store` answers ``kg query`` and ``kg serve``. The query text is
checked with :func:`kg.sparql.prepare` first (updates, SERVICE and FROM are
refused, as for rdflib), then run in a worker process that opens the store
read-only; the worker is killed at the deadline. pyoxigraph evaluates a query
without returning to the interpreter, so a signal (``SIGALRM``) cannot stop
it: only a separate process can be stopped. The worker costs a fresh
interpreter and a store opening per query (about 0.1 s on the seeds).

Readers open the store read-only, and nothing ever writes into a published
store (a new one is built beside it and swapped in), so any number of
``kg query`` and ``kg serve`` workers can read it at once, also during a build.

Known differences from rdflib on the same graph.ttl: Oxigraph keeps numbers
by value, so a derived integer type such as ``xsd:nonNegativeInteger``
(``kg:sentenceIndex``) comes back as ``xsd:integer`` (matching by value works
the same); rows that tie under ORDER BY may come in another order. GROUP_CONCAT
is made to return a simple literal as rdflib does (:func:`plain_group_concat`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: the store folder inside a ``kg build`` output folder
STORE_NAME = "store"
#: written into the store folder: the graph.ttl it was loaded from
MARKER = "kg-store.json"
#: the previous store while a new one is swapped in
PREVIOUS = ".store-previous"
#: written into the store folder: what it holds, subject by subject (``kg add`` updates from it)
STATE = "kg-store-state.pkl"
STATE_FORMAT = 1
#: ``kg add`` loads the whole graph.ttl again when more than this share of its subjects changed
UPDATE_MAX_SHARE = 0.3
#: the largest graph.ttl the build loads into the store while it writes graph.html (the
#: page's graph and the store's load would otherwise hold memory at once: at 10,000
#: articles, 190 MB of Turtle, about 1.1 GB each); larger ones load after the page
BACKGROUND_MAX_BYTES = 64 * 1024 * 1024
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: result formats of :func:`query_store_serialized`: name -> media type
RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "xml": "application/sparql-results+xml",
}
#: graph formats (CONSTRUCT, DESCRIBE): name -> media type
GRAPH_FORMATS = {
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}


class StoreError(ValueError):
    """The store cannot be written or read; the message says why."""


# ------------------------------------------------------------------ which graph.ttl
def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def graph_fingerprint(graph_ttl: Path, sha256: str | None = None) -> dict:
    """What the store's marker and the build cache's manifest record of the graph.ttl
    they were made from: name, size, modification time (a rename keeps both) and
    SHA-256 (a copied folder has new times). ``sha256``: the digest when the caller
    has it (a build takes it as it writes graph.ttl), else the file is read."""
    st = graph_ttl.stat()
    return {"graph": graph_ttl.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "sha256": sha256 or file_sha256(graph_ttl)}


def fingerprint_matches(recorded: dict, graph_ttl: Path) -> bool:
    """Whether ``graph_ttl`` is the file ``recorded`` (:func:`graph_fingerprint`) was
    taken of: the same size and modification time, or the same size and SHA-256."""
    st = graph_ttl.stat()
    if st.st_size != recorded.get("size"):
        return False
    if st.st_mtime_ns == recorded.get("mtime_ns"):
        return True
    return file_sha256(graph_ttl) == recorded.get("sha256")


# ------------------------------------------------------------------ writing


def _recover(store_dir: Path) -> None:
    """A crash between the two renames of a swap left only the previous store: put it back."""
    previous = store_dir.parent / PREVIOUS
    if not store_dir.exists() and previous.is_dir():
        os.rename(previous, store_dir)


def write_store(graph_ttl_path: str | os.PathLike, store_dir: str | os.PathLike, state: dict | None = None) -> Path:
    """Bulk-load ``graph_ttl_path`` into a new Oxigraph store at ``store_dir``.

    The store is built in a staging folder next to ``store_dir`` (``.staging-store-*``,
    removed by the next ``kg build`` if this process dies) and then swapped in by two
    renames; until then the previous store stays in place. The ontology is added
    when the graph does not carry it (``rdf:type/rdfs:subClassOf*`` must work).
    Raises StoreError (pyoxigraph missing, unreadable graph, disk full).
    """
    graph_ttl, store_dir = Path(graph_ttl_path), Path(store_dir)
    if not graph_ttl.is_file():
        raise StoreError(f"{graph_ttl}: no such file")
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-store-", dir=store_dir.parent))
    try:
        load_store(graph_ttl, staging, state)
        swap_store(staging, store_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return store_dir


def load_store(graph_ttl: Path, staging: Path, state: dict | None = None, fingerprint: dict | None = None) -> dict:
    """Bulk-load ``graph_ttl`` (and the ontology when it lacks it) into a new store in the
    empty folder ``staging`` and write its marker; the marker. The marker names
    ``graph_ttl``'s size, modification time and SHA-256, which a rename keeps: a
    store loaded from a build's staged graph.ttl matches it once published. ``state``
    (:func:`store_state`, what graph.ttl holds by subject) is written beside it for
    the next ``kg add`` (:func:`update_store`). ``fingerprint``: graph.ttl's, when the
    build has it (:func:`graph_fingerprint`)."""
    ox = _pyoxigraph()
    fingerprint = fingerprint or graph_fingerprint(graph_ttl)
    store = ox.Store(str(staging))
    try:
        store.bulk_load(path=str(graph_ttl), format=ox.RdfFormat.TURTLE)
        triples, added_ontology = _finish_loading(store)
    except SyntaxError as exc:
        raise StoreError(f"{graph_ttl}: not readable Turtle: {exc}") from exc
    finally:
        del store  # closes the database (CPython frees it here)
    return _write_marker(staging, fingerprint, triples, added_ontology, state)


def _pyoxigraph():
    try:
        import pyoxigraph as ox
    except ImportError as exc:
        raise StoreError("pyoxigraph is not installed (python3 -m pip install 'pyoxigraph>=0.4')") from exc
    return ox


def _finish_loading(store) -> tuple[int, bool]:
    """After the bulk load of a graph's statements into ``store``: the ontology added when
    the graph lacks it (``rdf:type/rdfs:subClassOf*`` must work), the store compacted;
    (its triples, whether the ontology was added)."""
    import pyoxigraph as ox

    from kg.rdf.namespaces import ONTOLOGY_IRI

    ontology = f"ASK {{ <{ONTOLOGY_IRI}> a <http://www.w3.org/2002/07/owl#Ontology> }}"
    added_ontology = False
    if not bool(store.query(ontology)):
        from kg.rdf.ontology import OntologyNotFound, ontology_path

        try:
            store.bulk_load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
            added_ontology = True
        except OntologyNotFound:
            pass
    triples = len(store)
    store.optimize()
    store.flush()
    return triples, added_ontology


def _write_marker(staging: Path, fingerprint: dict, triples: int, added_ontology: bool,
                  state: dict | None) -> dict:
    """The marker (and the state, for a graph that carries the ontology) of a closed store."""
    import pyoxigraph as ox

    marker = {**fingerprint, "triples": triples, "ontology_added": added_ontology,
              "pyoxigraph": ox.__version__}
    if state is not None and not added_ontology:
        _write_state(staging, state, fingerprint["sha256"])
    (staging / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return marker


# ------------------------------------------------------------------ updating in place (kg add)
def subject_digest(text: bytes) -> bytes:
    return hashlib.blake2b(text, digest_size=16).digest()


def store_state(texts: dict, articles: dict) -> dict:
    """What a graph.ttl holds, by subject: ``texts`` (subject -> its Turtle text, the
    ontology's and the entities') kept as digests, ``articles`` (rendered block key ->
    the article's subjects; the block's text is in the build cache under that key)."""
    return {"format": STATE_FORMAT, "subjects": {s: subject_digest(t) for s, t in texts.items()},
            "articles": articles}


def _write_state(folder: Path, state: dict, sha256: str) -> None:
    import pickle

    data = pickle.dumps({**state, "sha256": sha256}, protocol=pickle.HIGHEST_PROTOCOL)
    (folder / STATE).write_bytes(data)


def read_state(store_dir: Path) -> dict | None:
    """The state the store was written with, or None (missing, damaged, another format)."""
    import pickle

    try:
        state = pickle.loads((Path(store_dir) / STATE).read_bytes())
    except Exception:
        return None
    ok = (isinstance(state, dict) and state.get("format") == STATE_FORMAT
          and isinstance(state.get("subjects"), dict) and isinstance(state.get("articles"), dict)
          and isinstance(state.get("sha256"), str))
    return state if ok else None


def current_state(out_dir: str | os.PathLike) -> dict | None:
    """The state of ``OUT/store`` when the store matches ``OUT/graph.ttl`` and was
    written with a state for that graph.ttl; None otherwise (then a new store is loaded)."""
    out_dir = Path(out_dir)
    store_dir, graph_ttl = out_dir / STORE_NAME, out_dir / "graph.ttl"
    try:
        if not is_current(store_dir, graph_ttl):
            return None
    except OSError:
        return None
    marker = store_marker(store_dir) or {}
    state = read_state(store_dir)
    if state is None or state["sha256"] != marker.get("sha256") or marker.get("ontology_added"):
        return None
    return state


@dataclass
class StoreChanges:
    """What turns a store of one state into the store of another: the subjects whose
    statements go (all of them) and the Turtle texts whose statements come in."""

    remove: list
    insert: list
    subjects: int  # subjects of the new state (for the share that changed)

    def share(self) -> float:
        return (len(self.remove) + len(self.insert)) / max(1, self.subjects)


def store_changes(old: dict, new: dict, texts: dict, article_texts) -> StoreChanges:
    """The changes from ``old`` to ``new`` (:func:`store_state`); ``texts`` as given to
    ``store_state``; ``article_texts(key)`` the Turtle texts of an article's subjects."""
    remove, insert = [], []
    old_subjects, new_subjects = old["subjects"], new["subjects"]
    for s, digest in old_subjects.items():
        if new_subjects.get(s) != digest:
            remove.append(s)
    for s, digest in new_subjects.items():
        if old_subjects.get(s) != digest:
            insert.append(texts[s])
    old_articles, new_articles = old["articles"], new["articles"]
    for key, subjects in old_articles.items():
        if key not in new_articles:
            remove.extend(subjects)
    n = len(new_subjects)
    for key, subjects in new_articles.items():
        n += len(subjects)
        if key not in old_articles:
            insert.extend(article_texts(key))
    return StoreChanges(remove, insert, n)


def update_store(source: Path, graph_ttl: Path, staging: Path, changes: StoreChanges, head: bytes,
                 state: dict, fingerprint: dict | None = None) -> dict:
    """A copy of the store ``source`` (hard links to its immutable files) into the folder
    ``staging`` (which must not exist), with ``changes`` applied, and its marker and
    state for ``graph_ttl`` (its ``fingerprint`` when the build has it); the marker.
    The published store is only read."""
    import pyoxigraph as ox

    fingerprint = fingerprint or graph_fingerprint(graph_ttl)
    old_marker = store_marker(source) or {}
    reader = ox.Store.read_only(str(source))
    try:
        reader.backup(str(staging))
    finally:
        del reader
    store = ox.Store(str(staging))
    try:
        gone = []
        for s in changes.remove:
            gone.extend(store.quads_for_pattern(ox.NamedNode(s), None, None, ox.DefaultGraph()))
        for quad in gone:
            store.remove(quad)
        new = list(ox.parse(input=head + b"".join(changes.insert), format=ox.RdfFormat.TURTLE))
        for quad in new:
            if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
                raise StoreError("the graph has blank nodes: the store cannot be updated subject by subject")
        store.extend(new)
        triples = len(store)
        store.flush()
    finally:
        del store
    marker = {**fingerprint, "triples": triples, "ontology_added": False,
              "pyoxigraph": old_marker.get("pyoxigraph", ox.__version__), "updated": True}
    _write_state(staging, state, fingerprint["sha256"])
    (staging / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return marker


def swap_store(staging: Path, store_dir: Path) -> None:
    """Put the loaded store ``staging`` in place of ``store_dir`` by two renames
    (a crash between them is repaired by the next swap or reader)."""
    _recover(store_dir)
    previous = store_dir.parent / PREVIOUS
    if store_dir.exists():
        shutil.rmtree(previous, ignore_errors=True)
        os.rename(store_dir, previous)
    os.rename(staging, store_dir)
    shutil.rmtree(previous, ignore_errors=True)


class StoreLoad:
    """A store loaded in a background thread while the build writes its other outputs.

    pyoxigraph's bulk load runs without the interpreter lock, so on a machine with a
    free core the store costs the build (nearly) no wall time. :meth:`start` begins
    loading a staged graph.ttl into ``.staging-store-*`` beside the store (graphs up to
    :data:`BACKGROUND_MAX_BYTES` when the build writes graph.html); :meth:`begin`
    starts earlier, before graph.ttl is written, from its articles' statements, and
    :meth:`complete` gives it the rest once graph.ttl is written;
    :meth:`wait` waits for it (before graph.ttl is moved out of the staging folder);
    :meth:`finish` swaps it in (after graph.ttl is published: the marker matches the
    published file, a rename keeps its size and time); :meth:`cancel` removes it."""

    def __init__(self, graph_ttl: Path | None, parent: Path, state: dict | None = None,
                 update: tuple | None = None, first: bytes | None = None, fingerprint: dict | None = None) -> None:
        import threading

        self.staging = Path(tempfile.mkdtemp(prefix=".staging-store-", dir=parent))
        self.error: BaseException | None = None
        #: "updated" (the old store with the changes) or "loaded" (graph.ttl bulk-loaded)
        self.how = ""
        self._graph_ttl, self._state, self._update, self._first = graph_ttl, state, update, first
        #: graph.ttl's :func:`graph_fingerprint` when the build gives it (else taken here)
        self._fingerprint = fingerprint
        #: an early load's remaining statements: (graph.ttl, Turtle bytes, state), or None: cancelled
        self._rest: tuple | None = None
        self._given = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kg-store-load", daemon=True)
        self._thread.start()

    @classmethod
    def start(cls, graph_ttl: str | os.PathLike, parent: str | os.PathLike, state: dict | None = None,
              update: tuple | None = None, fingerprint: dict | None = None) -> "StoreLoad":
        """Load ``graph_ttl`` (with ``state``, :func:`store_state`), or with ``update``
        (``(published store folder, StoreChanges, Turtle prefix lines as bytes)``) copy
        the published store and apply the changes, loading graph.ttl if that fails."""
        return cls(Path(graph_ttl), Path(parent), state, update, fingerprint=fingerprint)

    @classmethod
    def begin(cls, parent: str | os.PathLike, first: bytes) -> "StoreLoad":
        """Start loading a new store from ``first`` (Turtle with its prefix lines: the
        statements of graph.ttl's articles, known before graph.ttl is written) while
        the build writes graph.ttl; :meth:`complete` gives it the rest. The store
        then holds the statements a load of graph.ttl gives (a set: the order in
        which they come does not matter, and graph.ttl has no blank nodes)."""
        return cls(None, Path(parent), first=first)

    def complete(self, graph_ttl: str | os.PathLike, rest: bytes, state: dict | None = None,
                 fingerprint: dict | None = None) -> None:
        """The statements of the finished ``graph_ttl`` that :meth:`begin` was not given
        (Turtle with its prefix lines), and its ``state``: the load goes on with them and
        takes graph.ttl's fingerprint for the marker."""
        self._rest = (Path(graph_ttl), rest, state)
        self._fingerprint = fingerprint
        self._given.set()

    def _run(self) -> None:
        try:
            if self._first is not None:
                self._load_early()
                return
            if self._update is not None:
                source, changes, head = self._update
                try:
                    os.rmdir(self.staging)  # the backup makes the folder
                    update_store(source, self._graph_ttl, self.staging, changes, head, self._state,
                                 self._fingerprint)
                    self.how = "updated"
                    return
                except Exception as exc:  # the full load below is always right
                    from kg.logs import logger

                    logger().debug(f"kg: the store could not be updated in place ({exc}); loading graph.ttl")
                    shutil.rmtree(self.staging, ignore_errors=True)
                    self.staging.mkdir()
            load_store(self._graph_ttl, self.staging, self._state, self._fingerprint)
            self.how = "loaded"
        except BaseException as exc:  # reported by finish()
            self.error = exc

    def _load_early(self) -> None:
        ox = _pyoxigraph()
        store = ox.Store(str(self.staging))
        try:
            store.bulk_load(input=self._first, format=ox.RdfFormat.TURTLE)
            self._first = None
            self._given.wait()
            if self._rest is None:
                raise StoreError("the build stopped before graph.ttl was written")
            graph_ttl, rest, state = self._rest
            store.bulk_load(input=rest, format=ox.RdfFormat.TURTLE)
            triples, added_ontology = _finish_loading(store)
        except SyntaxError as exc:
            raise StoreError(f"the staged graph.ttl is not readable Turtle: {exc}") from exc
        finally:
            del store
        _write_marker(self.staging, self._fingerprint or graph_fingerprint(graph_ttl), triples, added_ontology, state)
        self.how = "loaded"

    def finish(self, store_dir: str | os.PathLike) -> Path:
        """Wait for the load and swap the store in at ``store_dir``; StoreError (or the
        load's own error) when it failed, the staging folder removed."""
        self.wait()
        try:
            if self.error is not None:
                raise self.error
            swap_store(self.staging, Path(store_dir))
        except BaseException:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise
        return Path(store_dir)

    def wait(self) -> None:
        """Wait for the load (an early one never completed stops with an error)."""
        self._given.set()
        self._thread.join()

    def cancel(self) -> None:
        self._given.set()
        self._thread.join()
        shutil.rmtree(self.staging, ignore_errors=True)


# ------------------------------------------------------------------ finding and opening
def store_marker(store_dir: str | os.PathLike) -> dict | None:
    try:
        return json.loads((Path(store_dir) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_current(store_dir: Path, graph_ttl: Path) -> bool:
    """True when ``store_dir`` was loaded from ``graph_ttl`` as it is now (same size and
    modification time, or same SHA-256 when the file was copied)."""
    marker = store_marker(store_dir)
    if not marker or not graph_ttl.is_file():
        return False
    return fingerprint_matches(marker, graph_ttl)


def locate(path: str | os.PathLike) -> tuple[Path | None, Path | None, str | None]:
    """``(store, graph_ttl, note)`` for a ``kg query`` / ``kg serve`` argument.

    ``path`` is a build output folder or a graph file. ``store`` is the folder's
    store when it exists and matches its graph.ttl, else None; ``note`` then says
    why a store that is there is not used.
    """
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    graph_ttl = folder / "graph.ttl" if path.is_dir() else path
    if graph_ttl.name != "graph.ttl":  # another file: rdflib reads it
        return None, graph_ttl, None
    for candidate in (folder / STORE_NAME, folder / PREVIOUS):
        if (candidate / MARKER).is_file():
            if is_current(candidate, graph_ttl):
                return candidate, graph_ttl, None
            if candidate.name == STORE_NAME:
                note = f"{candidate} does not match {graph_ttl} (run kg build again to refresh it)"
                return None, graph_ttl, note
    return None, graph_ttl, None


def find_store(path: str | os.PathLike) -> Path | None:
    """The current store of a build output folder or of its graph.ttl, or None."""
    return locate(path)[0]


def open_store(out_dir: str | os.PathLike):
    """The store of ``out_dir`` (a build output folder, or the store folder itself),
    opened read-only. Raises StoreError when there is none."""
    try:
        import pyoxigraph as ox
    except ImportError as exc:
        raise StoreError("pyoxigraph is not installed (python3 -m pip install 'pyoxigraph>=0.4')") from exc
    path = Path(out_dir)
    store_dir = path if (path / MARKER).is_file() else path / STORE_NAME
    if not (store_dir / MARKER).is_file():
        raise StoreError(f"{path}: no Oxigraph store here (kg build writes OUT/{STORE_NAME}/)")
    try:
        if hasattr(ox.Store, "read_only"):
            return ox.Store.read_only(str(store_dir))
        return ox.Store(str(store_dir))
    except OSError as exc:
        raise StoreError(f"{store_dir}: cannot open the store: {exc}") from exc


# ------------------------------------------------------------------ terms
def _plain(term):
    """An Oxigraph term as a picklable tuple (kind, value, datatype, language)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return ("literal", term.value, None, term.language)
        datatype = term.datatype.value
        return ("literal", term.value, None if datatype == XSD_STRING else datatype, None)
    return ("literal", str(term), None, None)  # an RDF-star triple term


def _rdflib(plain):
    from rdflib import BNode, Literal, URIRef

    if plain is None:
        return None
    kind, value = plain[0], plain[1]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    _, _, datatype, language = plain
    if language:
        return Literal(value, lang=language)
    return Literal(value, datatype=URIRef(datatype) if datatype else None)


def to_rdflib(term):
    """An Oxigraph term (NamedNode, BlankNode, Literal) as the equal rdflib term."""
    return _rdflib(_plain(term))


# ------------------------------------------------------------------ GROUP_CONCAT
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(
    r"'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"
    r'|"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|"(?:[^"\\\n\r]|\\.)*"',
    re.S,
)
_GROUP_CONCAT = re.compile(r"(?<![\w:?$.\-])GROUP_CONCAT\s*\(", re.I)


def _masked(text: str) -> str:
    """``text`` with its strings, IRIs and comments blanked out (same length)."""
    out, i, n = list(text), 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif c in "'\"" and (m := _STRING.match(text, i)):
            end = m.end()
        elif c == "<" and (m := _IRI.match(text, i)):
            end = m.end()
        else:
            i += 1
            continue
        out[i:end] = " " * (end - i)
        i = end
    return "".join(out)


def plain_group_concat(text: str) -> str:
    """``text`` with every ``GROUP_CONCAT(...)`` wrapped in ``STR(...)``.

    pyoxigraph up to 0.5.13 gives GROUP_CONCAT the language tag its inputs share
    ("甲、乙"@zh); rdflib gives a simple literal, as does Oxigraph after its fix
    "GROUP_CONCAT never outputs language tags" (oxigraph/oxigraph#1717). STR() of a
    simple literal is that literal, so the rewrite changes nothing once Oxigraph
    agrees.
    """
    masked = _masked(text)
    spans = []
    for m in _GROUP_CONCAT.finditer(masked):
        depth, j = 0, m.end() - 1
        while j < len(masked):
            if masked[j] == "(":
                depth += 1
            elif masked[j] == ")":
                depth -= 1
                if depth == 0:
                    spans.append((m.start(), j + 1))
                    break
            j += 1
    for start, end in reversed(spans):  # aggregates never nest: the spans are disjoint
        text = f"{text[:start]}STR({text[start:end]}){text[end:]}"
    return text


# ------------------------------------------------------------------ the worker
def _evaluate(store_dir: str, text: str, limit: int | None, result_format: str | None):
    """Run in the worker process: the answer as picklable data."""
    from itertools import islice

    import pyoxigraph as ox

    from kg.rdf.namespaces import PREFIXES

    store = open_store(store_dir)
    result = store.query(plain_group_concat(text), prefixes=dict(PREFIXES))
    if isinstance(result, ox.QueryBoolean):
        if result_format:
            return ("bytes", result.serialize(format=_results_format(result_format)), "ASK")
        return ("ASK", bool(result))
    if isinstance(result, ox.QueryTriples):
        triples = islice(result, limit) if limit is not None else result
        if result_format:
            fmt = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                   "rdfxml": ox.RdfFormat.RDF_XML}[result_format]
            triples = list(triples)
            try:  # prefixes: pyoxigraph >= 0.4.? only
                body = ox.serialize(triples, format=fmt, prefixes=dict(PREFIXES))
            except TypeError:
                body = ox.serialize(triples, format=fmt)
            return ("bytes", body, "GRAPH")
        return ("GRAPH", [(_plain(t.subject), _plain(t.predicate), _plain(t.object)) for t in triples])
    if result_format:
        return ("bytes", result.serialize(format=_results_format(result_format)), "SELECT")
    names = [v.value for v in result.variables]
    rows = [[_plain(sol[i]) for i in range(len(names))]
            for sol in (islice(result, limit) if limit is not None else result)]
    return ("SELECT", names, rows)


def _results_format(name: str):
    import pyoxigraph as ox

    return {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}[name]


def _worker_main() -> int:
    """``python -m kg.store``: read one pickled job on stdin, write one pickled answer on stdout."""
    import pickle

    store_dir, text, limit, result_format = pickle.load(sys.stdin.buffer)
    try:
        message = ("ok", _evaluate(store_dir, text, limit, result_format))
    except SyntaxError as exc:
        message = ("syntax", " ".join(str(exc).split()))
    except StoreError as exc:
        message = ("store", str(exc))
    except Exception as exc:  # evaluation errors, OSError reading the store
        message = ("failed", " ".join(f"{type(exc).__name__}: {exc}".split()))
    sys.stdout.buffer.write(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return 0


def _run(store_dir, text: str, timeout: float | None, limit: int | None, result_format: str | None,
         graph_format: str | None = None):
    """``(algebra name, answer)``; ``result_format`` / ``graph_format`` ask for bytes.

    The worker is a fresh interpreter (``python -m kg.store``), not a fork: ``kg
    serve`` has threads, and a fork of a threaded process is unsafe; multiprocessing
    would also re-run the caller's main script.
    """
    import pickle
    import subprocess

    from kg.sparql import QueryError, QueryTimeout, prepare

    kind = prepare(text).algebra.name  # refuses updates, SERVICE, FROM: nothing else reaches Oxigraph
    store_dir = Path(store_dir)
    if not (store_dir / MARKER).is_file():
        raise StoreError(f"{store_dir}: no Oxigraph store here (kg build writes OUT/{STORE_NAME}/)")
    fmt = graph_format if kind in ("ConstructQuery", "DescribeQuery") else result_format
    job = pickle.dumps((str(store_dir), text, limit, fmt), protocol=pickle.HIGHEST_PROTOCOL)
    # -P and PYTHONPATH: the worker imports this very kg package, never one in the current folder
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, *filter(None, [os.environ.get("PYTHONPATH")])])}
    proc = subprocess.Popen([sys.executable, "-P", "-m", "kg.store"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        out, err = proc.communicate(job, timeout=timeout or None)
    except subprocess.TimeoutExpired:
        raise QueryTimeout(f"the query ran past {timeout:g} s and was stopped (raise --timeout, or add LIMIT)") from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    try:
        status, *payload = pickle.loads(out)
    except Exception:
        last = (err.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
        raise QueryError(f"the query worker failed (exit status {proc.returncode}"
                         f"{'; ' + last if last else ''}); the query may need more memory than there is") from None
    if status == "ok":
        return kind, payload[0]
    if status == "syntax":
        raise QueryError(f"SPARQL syntax error: {payload[0]}")
    if status == "store":
        raise StoreError(payload[0])
    raise QueryError(f"query failed: {payload[0]}")


def query_store(store_dir: str | os.PathLike, text: str, timeout: float | None = 60.0,
                limit: int | None = None):
    """Answer ``text`` from the store at ``store_dir`` as a :class:`kg.sparql.QueryAnswer`
    holding rdflib terms (the same as :func:`kg.query.execute` gives).

    The query is checked with :func:`kg.sparql.prepare` (QueryRefused, QueryError),
    then evaluated in a worker process that is killed after ``timeout`` seconds
    (QueryTimeout; None or 0: no limit). ``limit`` caps SELECT rows (and triples).
    """
    from kg.rdf.loading import quiet_literals
    from kg.sparql import QueryAnswer

    kind, answer = _run(store_dir, text, timeout, limit, None)
    quiet_literals()  # the answer's terms become rdflib terms
    if answer[0] == "ASK":
        return QueryAnswer("ASK", boolean=answer[1])
    if answer[0] == "GRAPH":
        from kg.rdf.namespaces import new_graph

        graph = new_graph()
        for s, p, o in answer[1]:
            graph.add((_rdflib(s), _rdflib(p), _rdflib(o)))
        return QueryAnswer("DESCRIBE" if kind == "DescribeQuery" else "CONSTRUCT", graph=graph)
    _, names, rows = answer
    return QueryAnswer("SELECT", variables=names, rows=[[_rdflib(v) for v in row] for row in rows])


def query_store_serialized(store_dir: str | os.PathLike, text: str, result_format: str = "json",
                           graph_format: str = "turtle", timeout: float | None = 60.0) -> tuple[bytes, str]:
    """``(body, media type)``: the answer serialized by Oxigraph, for ``kg serve``.

    ``result_format`` (json, csv, tsv, xml) is used for SELECT and ASK,
    ``graph_format`` (turtle, ntriples, rdfxml) for CONSTRUCT and DESCRIBE.
    """
    if result_format not in RESULT_FORMATS or graph_format not in GRAPH_FORMATS:
        raise ValueError(f"unknown format {result_format!r} / {graph_format!r}")
    kind, answer = _run(store_dir, text, timeout, None, result_format, graph_format)
    if kind in ("ConstructQuery", "DescribeQuery"):
        return answer[1], GRAPH_FORMATS[graph_format]
    return answer[1], RESULT_FORMATS[result_format]


if __name__ == "__main__":
    sys.exit(_worker_main())
