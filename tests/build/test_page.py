"""kg.build.page: graph.html from the cached page blocks."""

from __future__ import annotations

import json
from pathlib import Path

from kg.build.cache import Cache
from kg.build.page import page_block


def _keys(out: Path) -> list[str]:
    """The articles' render keys of a build (the page blocks' names)."""
    return sorted(p.stem for p in (out / "cache" / "page").rglob("*.pkl"))


def test_a_missing_or_stale_page_block_is_made_again_from_the_rendered_block(three, tmp_path):
    """The page job reads each article's page block; one that is missing or of another
    format is made again from the article's rendered block, the same statements and
    evidence, and cached again; a rebuild then writes the same graph.html."""
    from kg.pipeline import run_build

    out = tmp_path / "out"
    assert run_build([str(three)], str(out), progress=False) in (0, 1)
    page = (out / "graph.html").read_bytes()
    cache = Cache(out)
    keys = _keys(out)
    assert len(keys) == 3
    blocks = {k: page_block(cache, k) for k in keys}
    first = next((out / "cache" / "page").rglob(f"{keys[0]}.pkl"))
    first.unlink()
    second = next((out / "cache" / "page").rglob(f"{keys[1]}.pkl"))
    second.write_bytes(b"an older format")
    assert page_block(cache, keys[0]) == blocks[keys[0]] and first.is_file()
    assert page_block(cache, keys[1]) == blocks[keys[1]]
    assert page_block(cache, keys[1]) == blocks[keys[1]]  # cached again: read back
    first.unlink()
    (out / "graph.html").unlink()
    assert run_build([str(three)], str(out), progress=False) in (0, 1)
    assert (out / "graph.html").read_bytes() == page
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["seconds_by_stage"]["html"] > 0
