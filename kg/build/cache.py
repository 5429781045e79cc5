"""The build cache under ``OUT/cache/``: one record per analysed article, one
rendered block per article, and the manifest of the graph's articles.

    OUT/cache/manifest.json          the articles of the graph, in build order
    OUT/cache/articles/ab/<key>.pkl  an analysed Article (one per article)
    OUT/cache/rdf/cd/<key>.pkl       its RDF: Turtle block, entity triples, SHACL results
    OUT/cache/page/cd/<key>.pkl      its statements as plain tuples, for graph.html (marshal)
    OUT/cache/communities.bin        the page's last communities, by a digest of their graph

An article record's key is the SHA-256 of its source name, its raw text, the
model version and the code version (:func:`code_id`: the package version of
:mod:`kg.version` plus a digest of the package's code and data files, so an
edited rule or lexicon invalidates the cache as a new release does). A record
holds two pickles: a *slim* Article (what resolution reads: entities,
positions, relations, events and agreements without text or evidence) and
the full analysed Article (what the RDF mapping reads). Reading the slim part
does not unpickle the full one.

Records are written into the build's staging folder first and moved under
``OUT/cache/`` when the outputs are published, so a failed build leaves the
cache as it was (and no new folder in OUT). The manifest is moved in last,
after graph.ttl, graph.html, report.json and the store
(:meth:`kg.build.run.Built.publish`), and records the size, modification time
and SHA-256 of the graph.ttl it describes: a run killed between the two leaves
a manifest that ``kg add`` sees is not of the graph.ttl there
(:func:`describes`), and refuses to act on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import pickle
import struct
from functools import lru_cache
from pathlib import Path

from kg.doc import Article

CACHE = "cache"
MANIFEST = "manifest.json"
ARTICLES = "articles"
RDF = "rdf"
PAGE = "page"
#: the page's communities and the digest of the graph they were found in (kg.analytics.communities)
COMMUNITIES = "communities.bin"
#: bump when the record layout changes
RECORD_FORMAT = 1
MANIFEST_FORMAT = 1
_LEN = struct.Struct("<Q")
#: package folders whose files do not change what the build computes
_NOT_CODE = {"__pycache__", "models"}


# --------------------------------------------------------------------- versions
@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """First 16 hex of the SHA-256 of every code and data file of the installed
    ``kg`` package (the NLP model excluded: it has its own version)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part in _NOT_CODE or part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix in (".pyc", ".pyo"):
            continue
        digest.update(rel.as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    try:  # the ontology and shapes (in the repository, a link out of the package)
        from kg.rdf.ontology import ontology_path, shapes_path

        for path in (ontology_path(), shapes_path()):
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        pass
    return digest.hexdigest()[:16]


def code_id() -> str:
    """The code version records are keyed by: ``kg.version.code_version()`` + code digest."""
    from kg.version import code_version

    return f"{code_version()}+{code_fingerprint()}"


def model_id(model: str | None) -> str:
    """The model versions records are keyed by, without loading the models:
    the NLP model's (:func:`nlp_model_id`) and the relation model's with its
    mode (:func:`kg.scoring.stage.model_id`)."""
    from kg.nlp.model_dir import env_flag, ner_quantized
    from kg.scoring.stage import model_id as relation_model_id

    nlp = nlp_model_id(model)
    # the int8 copy (the project's NER model on its fast path) tags a few sentences otherwise;
    # a HanLP pretrained model by name never uses it. On a GPU the float model tags although
    # the key says +int8: a cache is not meant to be shared between CPU and GPU builds.
    int8 = "+int8" if ner_quantized() and env_flag("ZHKG_NER_FAST", True) and not nlp.startswith("name:") else ""
    from kg.recognize.destinations import version as dest_version
    from kg.recognize.org_verifier import version as org_version
    from kg.recognize.person_verifier import version as person_version
    from kg.recognize.span_acceptor import version as span_version
    from kg.relations.post_bodies import version as posts_version

    return f"{nlp}{int8}{span_version()}{org_version()}{person_version()}{dest_version()}{posts_version()}|re:{relation_model_id()}"


def nlp_model_id(model: str | None) -> str:
    """The shipped NLP model's ``kg.version.model_version()``, a model folder's
    weights digest, or a ``hanlp.pretrained`` name as given."""
    from kg.nlp.loader import OFFLINE
    from kg.nlp.model_dir import env_model
    from kg.version import model_version

    spec = (model if model is not None else env_model() or OFFLINE).strip()
    if spec == OFFLINE:
        return f"offline:{model_version()}"
    path = Path(spec).expanduser()
    if path.is_dir():
        weights = sorted(p for p in path.rglob("*") if p.is_file())
        digest = hashlib.sha256()
        for p in weights:
            st = p.stat()
            digest.update(f"{p.relative_to(path).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
        return f"dir:{path.resolve()}@{model_version(str(path))}:{digest.hexdigest()[:12]}"
    return f"name:{spec}"


def model_name(model: str | None) -> str:
    """The report's model name, as the backend would give it (``offline:<folder>``), without loading it."""
    from kg.nlp.loader import OFFLINE
    from kg.nlp.model_dir import env_model, shipped_model_dir

    spec = (model if model is not None else env_model() or OFFLINE).strip()
    if spec == OFFLINE:
        return f"offline:{shipped_model_dir()}"
    return spec


def record_key(source: str, raw: str, model: str, code: str) -> str:
    """The cache key of one article: its source name and raw text under a model and code version."""
    payload = json.dumps([RECORD_FORMAT, code, model, source, raw], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def describes(manifest: dict, graph_ttl: Path) -> bool:
    """False when ``graph_ttl`` is there and is not the graph ``manifest`` was written with
    (:func:`kg.store.graph_fingerprint`, as the store records it: a run killed after it
    replaced graph.ttl and before its manifest); True otherwise (also for a manifest of
    an older build, which recorded no graph)."""
    from kg.store import fingerprint_matches

    recorded = manifest.get("graph")
    if not isinstance(recorded, dict) or not graph_ttl.is_file():
        return True
    return fingerprint_matches(recorded, graph_ttl)


# ----------------------------------------------------------------- the records
#: Article fields that resolution never reads (large): emptied in the slim view
_HEAVY = {"raw": "", "text": "", "path": None}
_HEAVY_FACTORIES = ("offsets", "sentences", "mentions", "decisions")


def slim(article: Article) -> Article:
    """A copy of ``article`` with what resolution and the report read: source,
    meta, entities, positions, relations, events, agreements, errors. Text,
    offsets, sentences, mentions (and the entities' lists of them) and evidence
    strings are left out."""
    changes: dict = {k: v for k, v in _HEAVY.items() if hasattr(article, k)}
    fields = {f.name: f for f in dataclasses.fields(article)}
    for name in _HEAVY_FACTORIES:
        if name in fields and fields[name].default_factory is not dataclasses.MISSING:
            changes[name] = fields[name].default_factory()
    if "context" in fields:
        changes["context"] = None
    changes["entities"] = [dataclasses.replace(e, mentions=[]) for e in article.entities]
    changes["positions"] = [dataclasses.replace(p, evidence="") for p in article.positions]
    changes["relations"] = [dataclasses.replace(r, evidence="") for r in article.relations]
    changes["events"] = [dataclasses.replace(e, evidence="") for e in article.events]
    changes["agreements"] = [dataclasses.replace(a, evidence="") for a in article.agreements]
    out = dataclasses.replace(article, **changes)
    out.__dict__.pop("_sentence_starts", None)
    return out


def _dumps(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def encode_record(article: Article) -> bytes:
    """Record bytes: the slim pickle (length-prefixed), then the full Article."""
    article.__dict__.pop("_sentence_starts", None)  # a derived cache, rebuilt on demand
    small = _dumps(slim(article))
    try:
        full = _dumps(article)
    except Exception:  # a stage left something unpicklable in its working state
        full = _dumps(dataclasses.replace(article, context=None)) if hasattr(article, "context") else None
        if full is None:
            raise
    return _LEN.pack(len(small)) + small + full


def decode_slim(data: bytes) -> Article:
    (n,) = _LEN.unpack_from(data, 0)
    return pickle.loads(data[_LEN.size:_LEN.size + n])


def read_checked(path: Path) -> Article | None:
    """The slim Article of a record file, or None when the file is damaged (cut
    short, not a record): its slim pickle does not load or its full one does not
    end where a pickle ends (its STOP opcode)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_LEN.size)
            if len(head) < _LEN.size:
                return None
            (n,) = _LEN.unpack(head)
            small = fh.read(n)
            if len(small) < n:
                return None
            article = pickle.loads(small)
            fh.seek(-1, io.SEEK_END)
            if fh.tell() <= _LEN.size + n or fh.read(1) != pickle.STOP:
                return None
    except Exception:  # unpickling a damaged file can raise almost anything
        return None
    return article if isinstance(article, Article) else None


def read_full(path) -> Article:
    """The full Article of a record file (a path or an open binary file)."""
    if not isinstance(path, (str, os.PathLike)):
        return _full_from(path)
    with open(path, "rb") as fh:
        return _full_from(fh)


def _full_from(fh) -> Article:
    (n,) = _LEN.unpack(fh.read(_LEN.size))
    fh.seek(n, io.SEEK_CUR)
    return pickle.load(fh)


def _sharded(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.pkl"


class Cache:
    """``OUT/cache``: published records, plus the staging folder a build writes new ones into."""

    def __init__(self, out_dir: str | os.PathLike, staging: Path | None = None):
        self.root = Path(out_dir) / CACHE
        self.staging = staging / CACHE if staging is not None else None
        self._folders: set[Path] = set()  # shard folders made by this object (one mkdir each)

    # paths --------------------------------------------------------------
    def _find(self, kind: str, key: str) -> Path | None:
        """Where the ``kind`` record of ``key`` is (staged or published), or None."""
        for base in (self.staging, self.root):
            if base is not None:
                p = _sharded(base / kind, key)
                if p.is_file():
                    return p
        return None

    def article_path(self, key: str) -> Path | None:
        """Where the article record of ``key`` is (staged or published), or None."""
        return self._find(ARTICLES, key)

    def rdf_path(self, key: str) -> Path | None:
        """Where the rendered RDF of ``key`` is (staged or published), or None."""
        return self._find(RDF, key)

    # writing (into staging) ----------------------------------------------
    def _write(self, kind: str, key: str, data: bytes) -> Path:
        base = self.staging if self.staging is not None else self.root
        path = _sharded(base / kind, key)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        tmp = path.with_suffix(".tmp")
        try:
            tmp.write_bytes(data)
        except FileNotFoundError:  # the folder went away since: make it again
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
        os.replace(tmp, path)
        return path

    def put_article(self, key: str, data: bytes) -> Path:
        return self._write(ARTICLES, key, data)

    def put_rdf(self, key: str, data: bytes) -> Path:
        """Store an encoded :class:`kg.build.render.Rendered` (:func:`kg.build.render.encode_rendered`)."""
        return self._write(RDF, key, data)

    def put_page(self, key: str, data: bytes) -> Path:
        """Store an article's statements for the page (:func:`kg.export.page_graph.encode_page`), keyed as its RDF."""
        return self._write(PAGE, key, data)

    def get_page(self, key: str) -> tuple[list, dict] | None:
        """The cached page statements of ``key`` and their evidence, or None (missing,
        damaged or of an older format: a miss)."""
        from kg.export.page_graph import decode_page

        path = self._find(PAGE, key)
        if path is None:
            return None
        try:
            return decode_page(path.read_bytes())
        except Exception:
            return None

    def rdf_ready(self, key: str, validated: bool) -> bool:
        """True when the rendered article of ``key`` is cached (and validated, if asked)."""
        from kg.build.render import rendered_validated

        path = self.rdf_path(key)
        if path is None:
            return False
        try:
            with open(path, "rb") as fh:
                flag = rendered_validated(fh.read(5))
        except OSError:
            return False
        return flag is not None and (flag or not validated)

    def get_rdf(self, key: str, triples: bool = True):
        """The cached :class:`kg.build.render.Rendered` of ``key`` (with its statements if ``triples``), or None."""
        from kg.build.render import decode_rendered

        path = self.rdf_path(key)
        if path is None:
            return None
        try:
            return decode_rendered(path.read_bytes(), triples=triples)
        except Exception:  # a damaged file is a miss
            return None

    def staged_communities(self) -> Path:
        """Where the page reads and writes its communities in this build (a copy of the
        published file, moved back by :meth:`publish_records`)."""
        import shutil

        base = self.staging if self.staging is not None else self.root
        base.mkdir(parents=True, exist_ok=True)
        target = base / COMMUNITIES
        if self.staging is not None and (self.root / COMMUNITIES).is_file() and not target.exists():
            try:
                shutil.copyfile(self.root / COMMUNITIES, target)
            except OSError:
                pass
        return target

    # the manifest -------------------------------------------------------
    def read_manifest(self) -> dict | None:
        path = self.root / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
            return None
        return data

    def stage_manifest(self, manifest: dict) -> None:
        """Write the manifest into the staging folder (:meth:`commit_manifest` moves it in)."""
        base = self.staging if self.staging is not None else self.root
        base.mkdir(parents=True, exist_ok=True)
        (base / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    # publishing (kg.build.run.Built.publish: the records, the outputs, the manifest, then prune)
    def publish_records(self) -> None:
        """Move staged records under ``OUT/cache`` (keyed by content: harmless to a graph
        whose manifest does not name them), and the page's communities."""
        if self.staging is None or not self.staging.is_dir():
            return
        for kind in (ARTICLES, RDF, PAGE):
            staged = self.staging / kind
            if not staged.is_dir():
                continue
            (self.root / kind).mkdir(parents=True, exist_ok=True)
            for shard in sorted(staged.iterdir()):
                target = self.root / kind / shard.name
                try:  # a shard new to the cache moves whole (one rename, not one per record)
                    os.rename(shard, target)
                    continue
                except OSError:  # the cache has that shard already: record by record
                    pass
                for path in sorted(shard.glob("*.pkl")):
                    os.replace(path, target / path.name)
        if (self.staging / COMMUNITIES).is_file():
            self.root.mkdir(parents=True, exist_ok=True)
            os.replace(self.staging / COMMUNITIES, self.root / COMMUNITIES)

    def commit_manifest(self) -> None:
        """Move the staged manifest in place (one rename): the build's last step, once
        the outputs it describes are in place."""
        if self.staging is not None and (self.staging / MANIFEST).is_file():
            os.replace(self.staging / MANIFEST, self.root / MANIFEST)

    def prune(self, keep_articles: set[str], keep_rdf: set[str]) -> None:
        """Drop records no article of the (committed) manifest uses any more."""
        for kind, keep in ((ARTICLES, keep_articles), (RDF, keep_rdf), (PAGE, keep_rdf)):
            for path in (self.root / kind).glob("*/*.pkl"):
                if path.stem not in keep:
                    try:
                        path.unlink()
                    except OSError:
                        pass
