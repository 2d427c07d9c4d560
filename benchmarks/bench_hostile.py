"""Hostile input through the real command line (issue #21); figures go in the README.

    python benchmarks/bench_hostile.py [--runs N] [--jobs N]

Writes a JSON Lines batch of good articles with hostile lines among them (deep
nesting, a number of 5,000 digits, a year-1 publication date with "yesterday",
3,000 blanks between place names in several places, a formula title, a 1 MB
line of blanks and digits, random Unicode), runs ``python -m events ingest`` on
it into a fresh store, and reports the wall time of the whole command (model
load included, best and worst of N), what was stored and rejected, and whether
any CSV cell of the export starts a formula. The target: at most 20 s.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GAP = " " * 3000


def batch(good: int = 40) -> tuple[list[str], int]:
    """The lines, and how many of them are hostile in a way that must be rejected."""
    rnd = random.Random(21)
    towns = ["Kunduz", "Takhar", "Taloqan", "Kabul", "Herat", "Ghazni", "Baghlan", "Kandahar"]
    lines = [json.dumps({"id": f"good-{i}", "published": "2021-06-22", "source": "Bench Wire",
                         "text": f"Clashes broke out in {towns[i % 8]} on Monday, officials said. "
                                 f"Residents of {towns[(i + 3) % 8]} fled as fighting spread. " * 6})
             for i in range(good)]
    hostile = [
        json.dumps({"id": "blanks", "published": "2021-06-22",
                    "text": f"Taliban fighters attacked Kunduz{GAP}Takhar on Monday, officials said. "
                            f"Clashes near{GAP}Taloqan and{GAP},{GAP}Baghlan went on over the{GAP}past week, "
                            f"killing 1,{GAP}2 people 50 km{GAP}north of Kabul."}),
        json.dumps({"id": "formula", "title": '=HYPERLINK("http://example.org/x","Click")',
                    "published": "2021-06-22", "text": "=1+2 Taliban fighters attacked Kunduz, officials said."}),
        json.dumps({"id": "runs", "text": ("1," * 5000 + " " * 5000 + "Kunduz ") * 60}),
        json.dumps({"id": "unicode", "text": "".join(chr(rnd.randrange(32, 0x2FFF)) for _ in range(20_000))}),
    ]
    rejected = ["[" * 100_000, '{"id": "big", "text": "Fighting in Herat.", "n": ' + "9" * 5000 + "}",
                json.dumps({"id": "y1", "published": "0001-01-01", "text": "Clashes in Ghazni yesterday."})]
    for i, line in enumerate(hostile + rejected):
        lines.insert(3 + i * 5, line)
    return lines, len(rejected)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    lines, must_reject = batch()
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "hostile.jsonl"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for run in range(args.runs):
            db = Path(tmp) / f"run{run}.sqlite"
            started = time.monotonic()
            out = subprocess.run([sys.executable, "-m", "events", "ingest", str(src), "--db", str(db),
                                  "--jobs", str(args.jobs), "--json"], cwd=REPO, capture_output=True, text=True)
            times.append(time.monotonic() - started)
            if out.returncode != 0 or "Traceback" in out.stderr:
                print(out.stderr[-2000:], file=sys.stderr)
                return 1
            summary = json.loads(out.stdout)
        csv_path = Path(tmp) / "events.csv"
        subprocess.run([sys.executable, "-m", "events", "export", "--db", str(db), "--format", "csv",
                        "-o", str(csv_path)], cwd=REPO, check=True, capture_output=True)
        cells = [c for row in list(csv.reader(csv_path.open(encoding="utf-8", newline="")))[1:] for c in row]
    formulas = [c for c in cells if c[:1] in "=+@\t\r" and c]
    print(f"lines {len(lines)} ({must_reject} malformed, to reject; the random Unicode may be too); stored {summary['stored']}, rejected "
          f"{summary['rejected']}: {sorted({r['reason'].split(' (')[0] for r in summary['rejections']})}")
    print(f"whole command, {args.jobs} jobs, model load included: best {min(times):.1f} s, "
          f"worst {max(times):.1f} s of {len(times)} (target <= 20 s)")
    print(f"CSV cells starting a formula: {len(formulas)} of {len(cells):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
