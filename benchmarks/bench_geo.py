"""Benchmarks of the offline geocoder (issue #2); figures go in the README.

    python benchmarks/bench_geo.py [--skip-build] [--repeat N]

Measures, each in a fresh process so that numbers are not flattered by
warm caches in this one:
  * first build of the gazetteer from the data packages (wall time, peak RSS);
  * warm load: open the built file and answer one query;
  * lookups per second on one core over distinct random place names, and
    (in another process) over the gold toponyms of ../shared/corpora in text
    order, if present;
  * peak resident memory of the lookup process.

The lookup workloads run ``--repeat`` times, each in a fresh process with
another sample of names, and the best and every rate are printed: as with
:mod:`timeit`, other processes can only slow a run down, so the best is the
code's own speed and the spread is the machine's.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def child(code: str, *env_pairs: tuple[str, str]) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON dict as its last line."""

    env = {**os.environ, "PYTHONPATH": str(REPO), **dict(env_pairs)}
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=REPO,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


BUILD = """
import json, resource, time
from pathlib import Path
from geo import gazetteer
t = time.perf_counter()
gazetteer.build(Path({path!r}))
print(json.dumps({{"seconds": time.perf_counter() - t,
                   "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "size_mb": Path({path!r}).stat().st_size / 1e6}}))
"""

LOOKUPS = """
import json, random, resource, time
from pathlib import Path
t = time.perf_counter()
from geo.gazetteer import Gazetteer
from geo.geocoder import GazetteerGeocoder
g = GazetteerGeocoder(Gazetteer(Path({path!r})))
g.geocode("Kunduz")
load = time.perf_counter() - t
workload = {workload!r}
if workload == "distinct":
    names = [n for n, in g.gazetteer._conn.execute(
        "SELECT name FROM places WHERE kind = 'populated place' ORDER BY random() LIMIT 30000")]
else:
    names = []
    for corpus in ("lgl.jsonl", "geovirus.jsonl"):
        path = Path({shared!r}) / corpus
        if path.exists():
            for line in path.open(encoding="utf-8"):
                names += [t["name"] for t in json.loads(line)["toponyms"]]
t = time.perf_counter()
found = sum(1 for n in names if g.geocode(n) is not None)
rate = len(names) / (time.perf_counter() - t) if names else 0.0
print(json.dumps({{"warm_load_seconds": load, "queries": len(names), "found": found,
                   "lookups_per_s": rate,
                   "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-build", action="store_true",
                    help="measure lookups on the default gazetteer without timing a fresh build")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="runs of each lookup workload, in fresh processes (default 3)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.skip_build:
            from geo.gazetteer import ensure

            path = str(ensure())
        else:
            path = str(Path(tmp) / "gazetteer.sqlite")
            build = child(BUILD.format(path=path))
            print(f"first build:      {build['seconds']:.1f} s, peak RSS {build['peak_rss_mb']:.0f} MB, "
                  f"file {build['size_mb']:.0f} MB")
            # The new file's pages are still being written back to disk; lookups timed meanwhile
            # ran a quarter slower. Wait for the disk, as a later session would.
            os.sync()
        shared = str(REPO.parent / "shared" / "corpora")
        looks, newses = [], []
        for _ in range(max(1, args.repeat)):
            looks.append(child(LOOKUPS.format(path=path, shared=shared, workload="distinct")))
            newses.append(child(LOOKUPS.format(path=path, shared=shared, workload="news")))
    look, news = looks[0], newses[0]

    def rates(runs: list[dict]) -> str:
        every = ", ".join(f"{r['lookups_per_s']:,.0f}" for r in runs)
        return f"{max(r['lookups_per_s'] for r in runs):,.0f}/s (runs: {every})"

    loads = [r["warm_load_seconds"] for r in looks]
    print(f"warm load:        {min(loads):.2f} s (open + first answer; runs: "
          f"{', '.join(f'{t:.2f}' for t in loads)})")
    print(f"lookups, 1 core:  {rates(looks)} over {look['queries']:,} distinct "
          f"random gazetteer names ({look['found']:,} found; no name repeats: the worst case)")
    if news["queries"]:
        print(f"lookups, 1 core:  {rates(newses)} over the {news['queries']:,} toponyms of "
              "LGL + GeoVirus in text order (news repeats names)")
    print(f"lookup process:   peak RSS {max(r['peak_rss_mb'] for r in looks + newses):.0f} MB")


if __name__ == "__main__":
    main()
