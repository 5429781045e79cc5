"""Reading a graph file back (``kg validate``, ``kg query``, ``kg eval``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph


def one_line(exc: BaseException, limit: int = 200) -> str:
    """A parser's (often multi-line) message as one line of at most ``limit`` characters."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quiet_literals() -> None:
    """Keep rdflib from printing a traceback (or a warning) for each literal whose text does
    not fit its datatype (``"2024-13-45"^^xsd:date``, ``"maybe"^^xsd:boolean``) in a graph
    kg reads: such a literal is read as it is written, as any SPARQL engine reads it."""
    import logging
    import warnings

    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message="Parsing weird boolean", category=UserWarning)


def load_graph(path: str | Path) -> "Graph":
    """Parse an RDF file (format from its suffix, Turtle by default), or the graph.ttl
    of a ``kg build`` output folder.

    Raises ValueError with a readable message for a missing or unparsable file.
    """
    from rdflib.util import guess_format

    from kg.rdf.namespaces import new_graph

    path = Path(path)
    if path.is_dir():
        if not (path / "graph.ttl").is_file():
            raise ValueError(f"{path}: no graph.ttl in this folder (give a kg build output folder or a graph file)")
        path = path / "graph.ttl"
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    quiet_literals()
    graph = new_graph()
    try:  # from an open file: rdflib makes a path that is not UTF-8 into another (U+FFFD)
        with open(path, "rb") as fh:
            graph.parse(file=fh, format=guess_format(str(path)) or "turtle", publicID=path.absolute().as_uri())
    except Exception as exc:  # rdflib raises many parser-specific types
        raise ValueError(f"{path}: not a readable RDF graph: {one_line(exc)}") from exc
    if len(graph) == 0:  # report.json, an empty file: parsed, but no graph (kg query would answer from the ontology alone)
        raise ValueError(f"{path}: not an RDF graph: it holds no statement")
    return graph
