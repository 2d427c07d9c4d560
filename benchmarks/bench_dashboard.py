"""Dashboard speed in headless Chromium (issue #6); figures go in the README.

    python benchmarks/bench_dashboard.py [--sizes 1000,20000,100000] [--repeat 5]

For stores of N synthetic events: first paint (page load until the first
marker or cluster is drawn), and a filter change (a search typed in the
sidebar until the map is drawn again), typed at once and typed 3 s later;
each the median (and range) of --repeat page loads after one to warm the server.
Needs Debian's chromium and playwright (`make test` installs both).
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

MARKS = ".marker-cluster, path.leaflet-interactive[stroke-width='2']"  # markers, never outlines


def build_store(path: Path, n: int) -> None:
    from bench_store import fill

    from events.store import Store

    with Store(path) as store:
        fill(store, n)


def serve(db: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1", "--", "--db", str(db)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("streamlit did not start")


def measure(url: str, browser) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    t = time.perf_counter()
    page.goto(url)
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    frame.locator(MARKS).first.wait_for(timeout=60_000)
    first = time.perf_counter() - t
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    change = _search(page, frame, "town 12")  # at once, while the browser may still be clustering
    page.wait_for_timeout(3000)
    settled = _search(page, frame, "town 3")  # as an analyst would, a few seconds later
    page.close()
    return {"first_paint_s": first, "filter_change_s": change, "settled_change_s": settled}


def _search(page, frame, text: str) -> float:
    """Seconds from typing a search in the sidebar until the map is drawn again."""
    box = page.get_by_label("Search source sentences")
    t = time.perf_counter()
    box.fill(text)
    box.press("Enter")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='running']", timeout=30_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    frame.locator(MARKS).first.wait_for(timeout=60_000)
    return time.perf_counter() - t


def _spread(runs: list[dict], key: str) -> str:
    """Median and range of one measure over the runs: this machine's browser work varies a lot."""
    values = sorted(r[key] for r in runs)
    if len(values) == 1:
        return f"{values[0]:.1f} s"
    return f"{statistics.median(values):.2f} s ({values[0]:.1f}-{values[-1]:.1f})"


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,20000,100000")
    ap.add_argument("--repeat", type=int, default=5,
                    help="page loads per size, each in a fresh browser context (median and range shown)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        for n in (int(x) for x in args.sizes.split(",")):
            db = Path(tmp) / f"e{n}.sqlite"
            build_store(db, n)
            proc, url = serve(db)
            try:
                measure(url, browser)  # warm: the server's first run loads and caches the table
                runs = [measure(url, browser) for _ in range(max(1, args.repeat))]
            finally:
                proc.terminate()
                proc.wait(timeout=30)
            print(f"{n:>7,} events: first paint {_spread(runs, 'first_paint_s')}, "
                  f"filter change {_spread(runs, 'filter_change_s')} "
                  f"(3 s later: {_spread(runs, 'settled_change_s')})")
        browser.close()


if __name__ == "__main__":
    main()
