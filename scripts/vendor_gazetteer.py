"""Regenerate the gazetteer data that zhkg ships (``kg/lexicons/data/``).

zhkg never reads another package's files at run time: JioNLP unpacks its
dictionaries only when it is first imported, so a fresh install that read
them by path lost its first article (and concurrent first runs lost more).
This maintainer script copies the two place lists the gazetteer needs into
the project's own package data, once, after importing JioNLP through its API
(which guarantees the files are unpacked):

- ``china_location.tsv``: JioNLP's ``china_location.txt`` cut to the province,
  city and county levels (tab depth 0-2; towns and villages are not used);
- ``world_location.tsv``: JioNLP's ``world_location.txt`` unchanged.

Both are JioNLP's data (Apache License 2.0, https://github.com/dongrixinyu/JioNLP);
the header line of each file says so.

    python3 scripts/vendor_gazetteer.py
"""

from __future__ import annotations

import contextlib
import io
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "lexicons" / "data"
HEADER = "# from JioNLP {version} dictionary/{name} (Apache License 2.0, github.com/dongrixinyu/JioNLP){note}\n"


def main() -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp  # importing unpacks the dictionaries
    src = resources.files("jionlp").joinpath("dictionary")
    china = src.joinpath("china_location.txt").read_text(encoding="utf-8")
    kept = [line.rstrip("\r\n") for line in china.splitlines()
            if len(line) - len(line.lstrip("\t")) <= 2]
    (OUT / "china_location.tsv").write_text(
        HEADER.format(version=jionlp.__version__, name="china_location.txt",
                      note="; province, city and county levels only")
        + "\n".join(kept) + "\n", encoding="utf-8")
    world = src.joinpath("world_location.txt").read_text(encoding="utf-8")
    (OUT / "world_location.tsv").write_text(
        HEADER.format(version=jionlp.__version__, name="world_location.txt", note="")
        + "\n".join(line.rstrip("\r\n") for line in world.splitlines()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
