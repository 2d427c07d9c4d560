"""Benchmarks of ingest and the event store (issue #4); figures go in the README.

    python benchmarks/bench_store.py [--articles N] [--events N] [--jobs N]

Measures:
  * ingest: 600-word articles end to end into a fresh store (articles/s, wall
    time including model load), and peak memory of the ingest processes for
    N and 4N articles (flat memory means the two are close);
  * the events DataFrame: one filter (date range + admin1 + text) over
    100,000 events, median of 20;
  * a store of 1,000,000 events: load, filter, stats and exports.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "corpora" / "lgl.jsonl"

_FILLER = ("Officials said the situation remained tense as families left their homes and aid "
           "groups asked for access to the area, while local leaders called for calm. ").split()


def articles(n: int, words: int = 600):
    """n articles of about ``words`` words: LGL texts where present, padded with filler."""
    texts = []
    if SHARED.exists():
        texts = [json.loads(line)["text"] for line in SHARED.open(encoding="utf-8")]
    towns = ["Kunduz", "Taloqan", "Kabul", "Herat", "Kandahar", "Ghazni", "Aleppo", "Kharkiv"]
    for i in range(n):
        base = texts[i % len(texts)].split() if texts else [f"Clashes broke out in {towns[i % 8]}."]
        body = (base + _FILLER * (words // len(_FILLER) + 1))[:words]
        yield json.dumps({"id": f"bench-{i}", "text": " ".join(body), "published": "2021-06-22"})


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(d.name))
            rss[int(d.name)] = int(fields[21]) * resource.getpagesize()
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total / 1e6


def run_measured(cmd: list[str]) -> dict:
    """Run a command from the repository; its wall time and peak resident memory (all processes)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**_env(), "PYTHONPATH": str(REPO)})
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_mb(proc.pid))
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd[:4])} failed with exit code {proc.returncode}")
    return {"wall_s": time.perf_counter() - t, "peak_mb": peak}


def ingest_run(n: int, jobs: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("\n".join(articles(n)) + "\n", encoding="utf-8")
        cmd = [sys.executable, "-m", "events", "ingest", str(src), "--db", str(Path(tmp) / "e.sqlite")]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        run = run_measured(cmd)
        return {"articles": n, "wall_s": run["wall_s"], "articles_per_s": n / run["wall_s"],
                "peak_tree_rss_mb": run["peak_mb"]}


def _env() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def synthetic_events(n: int, seed: int = 1):
    from events.schema import Event

    rng = random.Random(seed)
    admin1 = [f"Province {k}" for k in range(34)]
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests",
             "Riots", "Strategic developments"]
    for i in range(n):
        day = 1 + i % 28
        yield Event(event_id=f"e{i}", article_id=f"a{i // 5}", event_date=f"2021-{1 + i % 12:02d}-{day:02d}",
                    time_precision=1, event_type=rng.choice(types), sub_event_type="Armed clash",
                    actor1=f"Actor {rng.randrange(50)}", actor2=f"Actor {rng.randrange(50)}",
                    country="Afghanistan", country_code="AF", admin1=rng.choice(admin1),
                    location=f"Town {rng.randrange(5000)}", latitude=30 + rng.random() * 8,
                    longitude=61 + rng.random() * 10, geo_precision=1, source="Wire",
                    claimant=f"Claimant {rng.randrange(200)}",
                    source_sentence=f"Fighting was reported in town {rng.randrange(5000)} on day {day}.",
                    confidence=0.8)


def fill(store, n: int) -> None:
    """Write n synthetic events into an open store, in one transaction."""
    with store._write():
        batch = []
        for e in synthetic_events(n):
            batch.append(e.as_dict())
            if len(batch) >= 50_000:
                store._insert("events", batch)
                batch = []
        store._insert("events", batch)


def filter_bench(n: int = 100_000) -> dict:
    import pandas as pd

    from events.table import typed
    from ui.filters import filter_events

    df = typed(pd.DataFrame([e.as_dict() for e in synthetic_events(n)]), "events")
    times = []
    for _ in range(20):
        t = time.perf_counter()
        out = filter_events(df, start="2021-03-01", end="2021-08-31", admin1=["Province 3", "Province 7"],
                            text="town 12")
        times.append(time.perf_counter() - t)
    return {"events": n, "median_ms": statistics.median(times) * 1000, "matched": len(out)}


def big_store(n: int) -> dict:
    from events.export import export
    from events.store import Store
    from events.table import load
    from ui.filters import filter_events, load_events

    res = {"events": n}
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "big.sqlite") as store:
            t = time.perf_counter()
            fill(store, n)
            res["insert_s"] = time.perf_counter() - t
            res["file_mb"] = (Path(tmp) / "big.sqlite").stat().st_size / 1e6
            t = time.perf_counter()
            narrowed = load_events(store, start="2021-06-01", end="2021-06-07", admin1="Province 3")
            res["load_narrowed_s"] = time.perf_counter() - t
            res["narrowed"] = len(narrowed)
            t = time.perf_counter()
            df = load(store)
            res["load_s"] = time.perf_counter() - t
            t = time.perf_counter()
            filter_events(df, start="2021-03-01", end="2021-08-31", admin1="Province 3", text="town 12")
            res["filter_ms"] = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            store.stats()
            res["stats_s"] = time.perf_counter() - t
            for fmt in ("csv", "parquet"):
                t = time.perf_counter()
                export(store, "events", fmt, Path(tmp) / f"out.{fmt}")
                res[f"export_{fmt}_s"] = time.perf_counter() - t
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--jobs", type=int, default=None)
    args = ap.parse_args()
    for n in (args.articles, args.articles * 4):
        r = ingest_run(n, args.jobs)
        print(f"ingest {n:,} x 600 words: {r['wall_s']:.1f} s wall incl. model load, "
              f"{r['articles_per_s']:.1f} articles/s; peak RSS of all its processes "
              f"{r['peak_tree_rss_mb']:.0f} MB")
    f = filter_bench()
    print(f"filter over {f['events']:,} events: {f['median_ms']:.0f} ms median ({f['matched']:,} matched)")
    b = big_store(args.events)
    print(f"store of {b['events']:,} events: insert {b['insert_s']:.1f} s, file {b['file_mb']:.0f} MB, "
          f"load narrowed in SQL ({b['narrowed']:,} rows) {b['load_narrowed_s']:.2f} s, "
          f"load all into pandas {b['load_s']:.1f} s, filter {b['filter_ms']:.0f} ms, stats {b['stats_s']:.1f} s, "
          f"export CSV {b['export_csv_s']:.1f} s, Parquet {b['export_parquet_s']:.1f} s; "
          f"peak RSS {b['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
