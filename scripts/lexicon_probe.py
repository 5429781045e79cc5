"""Try a lexicon example: what the pipeline makes of it with the entry, and
without it (the mutation test's view). For writing examples that matter.

    python3 scripts/lexicon_probe.py CONCEPT WORD 'EXAMPLE' 'EXPECT'
    python3 scripts/lexicon_probe.py --all CONCEPT     # every entry of a file
"""

from __future__ import annotations

import json
import sys

from kg.doc import Article
from kg.evaluation.from_article import article_to_gold_shape
from kg.lexicons import load
from kg.lexicons.expect import check
from kg.pipeline import analyze_article


def run(backend, concept, word, example, expect) -> tuple[list, list, dict]:
    art = analyze_article(Article(source="x.txt", raw=example), backend)
    with_entry = check(expect, article_to_gold_shape(art), art.text)
    load.drop(concept, word)
    try:
        art2 = analyze_article(Article(source="x.txt", raw=example), backend)
        without = check(expect, article_to_gold_shape(art2), art2.text)
    finally:
        load.restore()
    return with_entry, without, article_to_gold_shape(art)


def main(argv: list[str]) -> int:
    from kg.nlp.loader import load_backend

    backend = load_backend(None)
    if argv[0] == "--all":
        bad = 0
        for e in load.entries(argv[1]):
            w, wo, _ = run(backend, e.concept, e.word, e.example, e.expect)
            status = "ok" if not w and wo else ("FAILS" if w else "NO-EFFECT")
            bad += status != "ok"
            print(f"{status:9s} {e.word}\t{e.example}\t{e.expect}" + (f"\t{w}" if w else ""))
        return 1 if bad else 0
    concept, word, example, expect = argv
    w, wo, doc = run(backend, concept, word, example, expect)
    print(json.dumps({k: v for k, v in doc.items() if v}, ensure_ascii=False))
    print("with the entry:   ", "holds" if not w else f"fails {w}")
    print("without the entry:", "fails (the entry matters)" if wo else "still holds (the entry does not matter here)")
    return 0 if not w and wo else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
