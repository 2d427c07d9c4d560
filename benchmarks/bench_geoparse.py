"""Geoparsing speed and memory end to end (issue #3); figures go in the README.

    python benchmarks/bench_geoparse.py [--copies K] [--repeat R] [--jobs N]

Input: the LGL and GeoVirus texts of ../shared/corpora, K times over (K=3:
746,715 words). Measures, R times each and alternately:
  * ``python -m events geoparse IN -o OUT``: wall time including model and
    gazetteer load, words a second, and peak memory of all its processes;
  * spaCy's small NER alone on the same texts, as its documentation runs it
    (``spacy.load(model, disable=[everything else])``, ``nlp.pipe(texts,
    n_process=N)``), including its load.
Then memory once more on one copy, for flatness in input size. Timings on a
shared machine vary run to run: the best is the code's speed (timeit's
convention), every run is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from benchmarks.bench_store import run_measured as timed  # noqa: E402

CORPORA = [REPO.parent / "shared" / "corpora" / name for name in ("lgl.jsonl", "geovirus.jsonl")]

NER_ALONE = """
import json, sys, spacy
from parsing.nlp import MODEL
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(MODEL, disable=[p for p in spacy.load(MODEL).pipe_names if p != "ner"])
print(sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=32)))
"""


def write_input(path: Path, copies: int) -> int:
    """The corpora's texts ``copies`` times over as geoparse input; returns the word count."""
    texts = [json.loads(line)["text"] for corpus in CORPORA for line in corpus.open(encoding="utf-8")]
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            for i, text in enumerate(texts):
                out.write(json.dumps({"id": f"{k}-{i}", "text": text}) + "\n")
                words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    if not all(c.exists() for c in CORPORA):
        raise SystemExit(f"needs {' and '.join(map(str, CORPORA))} (the shared data directory)")
    with tempfile.TemporaryDirectory() as tmp:
        src, one = Path(tmp) / "in.jsonl", Path(tmp) / "one.jsonl"
        words = write_input(src, args.copies)
        words_one = write_input(one, 1)
        geoparse = [sys.executable, "-m", "events", "geoparse", "-o", str(Path(tmp) / "out.jsonl"),
                    "--jobs", str(args.jobs)]
        ner = [sys.executable, "-c", NER_ALONE, str(src), str(args.jobs)]
        ours, theirs = [], []
        for _ in range(args.repeat):
            ours.append(timed(geoparse + [str(src)]))
            theirs.append(timed(ner))
        small = timed(geoparse + [str(one)])

    def rates(runs: list[dict]) -> str:
        return ", ".join(f"{words / r['wall_s']:,.0f}" for r in runs)

    best = min(r["wall_s"] for r in ours)
    print(f"input: {words:,} words ({args.copies} copies of LGL + GeoVirus), {args.jobs} workers")
    print(f"geoparse end to end: best {words / best:,.0f} words/s ({best:.1f} s); "
          f"every run, words/s: {rates(ours)}")
    print(f"spaCy's small NER alone: best {words / min(r['wall_s'] for r in theirs):,.0f} words/s; "
          f"every run: {rates(theirs)}")
    print(f"geoparse peak memory, all processes: {max(r['peak_mb'] for r in ours):,.0f} MB for "
          f"{words:,} words, {small['peak_mb']:,.0f} MB for {words_one:,}")


if __name__ == "__main__":
    main()
