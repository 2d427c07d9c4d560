"""``python -m events geoparse`` and ``evaluate`` through the real command line."""
import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, shared_path

pytestmark = pytest.mark.slow  # the real command line, in a process of its own

LINES = [
    json.dumps({"id": "a", "text": "Fighting was reported near the town of Taloqan in Takhar Province."}),
    "this is not json",
    "",
    json.dumps({"id": "b"}),
    json.dumps({"id": "c", "text": "Der Krieg in der Stadt wurde von den Truppen und der Regierung in "
                "den letzten Tagen sehr heftig geführt, und die Menschen sind aus ihren Häusern "
                "geflohen, weil die Lage so gefährlich war und niemand wusste, was passiert"}),
    json.dumps({"id": 7, "text": "\u0000\u0001 binary \ufffd bytes, then news from Kabul."}),
]


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "events", *args], cwd=REPO, capture_output=True,
                          text=True, input=input, timeout=600)


def test_cli_geoparse_one_line_per_input_in_order_despite_bad_lines(gazetteer_path, tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    out = run("geoparse", str(src), "-o", str(dst), "--jobs", "2")
    assert out.returncode == 0 and "Traceback" not in out.stderr
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "b", "c", 7]
    first = rows[0]["places"]
    assert [p["name"] for p in first] == ["Taloqan", "Takhar Province"]
    assert list(first[0]) == ["start", "end", "name", "lat", "lon", "geonameid", "kind",
                              "country_code", "admin1", "confidence"]
    assert first[0]["admin1"] == "Takhar" and first[1]["kind"] == "admin1"
    assert rows[2]["places"] == [] and rows[3]["places"] == []
    assert [p["name"] for p in rows[4]["places"]] == ["Kabul"]
    text = json.loads(LINES[5])["text"]
    p = rows[4]["places"][0]
    assert text[p["start"]:p["end"]] == "Kabul"
    for message in ("line 2: not valid JSON", "line 4 (id b): no text", "does not look like English"):
        assert message in out.stderr


def test_cli_geoparse_reads_stdin_and_writes_stdout(gazetteer_path):
    out = run("geoparse", "-", "-o", "-", "--jobs", "1", input=LINES[0] + "\n")
    assert out.returncode == 0
    assert json.loads(out.stdout)["places"][0]["name"] == "Taloqan"


def test_cli_geoparse_missing_input_is_a_message(tmp_path):
    out = run("geoparse", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "o.jsonl"))
    assert out.returncode == 1 and "no such file" in out.stderr and "Traceback" not in out.stderr


def test_cli_evaluate_prints_scores_beside_published_figures(gazetteer_path, tmp_path):
    corpus = shared_path("corpora", "geovirus.jsonl")
    sample = tmp_path / "geovirus-sample.jsonl"
    sample.write_text("".join(corpus.read_text(encoding="utf-8").splitlines(True)[:25]), encoding="utf-8")
    out = run("evaluate", str(sample), "--jobs", "2")
    assert out.returncode == 0, out.stderr
    assert "Sitrep" in out.stdout and "CLAVIN (published)" in out.stdout
    scores = json.loads(run("evaluate", str(sample), "--jobs", "1", "--json").stdout)
    assert scores["gold"] > 100 and 0.5 < scores["f1"] <= 1.0 and 0.0 <= scores["auc"] <= 1.0



def test_cli_evaluate_half_scores_one_fixed_half_and_the_halves_add_up(gazetteer_path, tmp_path):
    import re

    from events.evaluate import half

    with shared_path("corpora", "geovirus.jsonl").open(encoding="utf-8") as f:
        lines = [line for _, line in zip(range(12), f)]
    sample = tmp_path / "geovirus-sample.jsonl"
    sample.write_text("".join(lines), encoding="utf-8")
    gold = {h: sum(1 for line in lines for t in json.loads(line)["toponyms"]
                   if t["lat"] is not None and h in ("all", half(json.loads(line)["id"])))
            for h in ("rules", "check", "all")}
    assert 0 < gold["rules"] < gold["all"]
    scores = {h: json.loads(run("evaluate", str(sample), "--jobs", "2", "--half", h, "--json").stdout)
              for h in ("rules", "all")}
    out = run("evaluate", str(sample), "--jobs", "2", "--half", "check")  # the same table as without --half
    assert out.returncode == 0 and "CLAVIN (published)" in out.stdout
    counts = re.match(r"gold toponyms ([\d,]+)  predicted ([\d,]+)  matched ([\d,]+)\n", out.stdout)
    scores["check"] = dict(zip(("gold", "predicted", "matched"),
                               (int(n.replace(",", "")) for n in counts.groups())))
    for h in ("rules", "check", "all"):
        assert scores[h]["gold"] == gold[h]
    for key in ("gold", "predicted", "matched"):
        assert scores["rules"][key] + scores["check"][key] == scores["all"][key]
    bad = run("evaluate", str(sample), "--half", "test")
    assert bad.returncode == 2 and "invalid choice: 'test'" in bad.stderr


# -- ingest, export, stats ------------------------------------------------------------

def _articles(n):
    towns = ["Kunduz", "Taloqan", "Kabul", "Herat", "Kandahar", "Mazar-i-Sharif", "Ghazni", "Faizabad"]
    for i in range(n):
        a, b = towns[i % len(towns)], towns[(i * 3 + 1) % len(towns)]
        yield json.dumps({"id": f"art-{i}", "published": f"2021-06-{1 + i % 28:02d}", "source": "Test Wire",
                          "text": f"Report {i}. Clashes broke out in {a} on Monday, officials said. "
                                  f"Residents of {b} fled as fighting spread, a local elder told reporters. "
                                  "The situation remained tense, and more families left their homes. " * 2})


def test_cli_ingest_export_stats_end_to_end(tmp_path, gazetteer_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "e.sqlite"
    src.write_text("\n".join(list(_articles(3)) + ["{broken"]), encoding="utf-8")
    (tmp_path / "note.txt").write_text("Fighting was reported near Kunduz city.", encoding="utf-8")
    out = run("ingest", str(src), str(tmp_path / "note.txt"), "--db", str(db), "--published", "2021-06-22",
              "--jobs", "1")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "4 stored" in out.stdout and "1 rejected" in out.stdout and "in.jsonl:4" in out.stdout
    csv_out = tmp_path / "e.csv"
    out = run("export", "--db", str(db), "--format", "csv", "-o", str(csv_out))
    assert out.returncode == 0 and csv_out.read_text(encoding="utf-8").startswith("event_date,time_precision,")
    out = run("export", "--db", str(db), "--table", "articles", "--format", "jsonl", "-o", str(tmp_path / "a.jsonl"))
    ids = [json.loads(x)["id"] for x in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert "art-0" in ids and len(ids) == 4
    out = run("stats", "--db", str(db), "--json")
    stats = json.loads(out.stdout)
    assert stats["counts"]["articles"] == 4 and stats["counts"]["ingest_errors"] == 1
    assert stats["events_by_country"].get("Afghanistan", 0) >= 4
    assert stats["event_dates"]["first"] <= stats["event_dates"]["last"]


def test_cli_ingest_reads_stdin_and_reports_an_unwritable_store(tmp_path, gazetteer_path):
    out = run("ingest", "-", "--db", str(tmp_path / "e.sqlite"), "--jobs", "1", input=next(_articles(1)))
    assert out.returncode == 0 and "1 stored" in out.stdout
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = run("ingest", "-", "--db", str(blocker / "e.sqlite"), input=next(_articles(1)))
    assert out.returncode == 2 and "cannot open the store" in out.stderr and "Traceback" not in out.stderr


def _content(db):
    import sqlite3

    conn = sqlite3.connect(db)
    return {
        "articles": sorted(conn.execute("SELECT id, content_hash, text, published FROM articles")),
        "events": sorted(conn.execute("SELECT * FROM events")),
        "places": sorted(conn.execute("SELECT * FROM places")),
        "errors": sorted(conn.execute("SELECT input, line, reason FROM ingest_errors")),
    }


def test_cli_ingest_killed_and_run_again_equals_a_clean_run(tmp_path, gazetteer_path):
    import signal
    import sqlite3
    import time

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(list(_articles(300)) + ["{broken"]), encoding="utf-8")
    clean, killed = tmp_path / "clean.sqlite", tmp_path / "killed.sqlite"
    args = [sys.executable, "-m", "events", "ingest", str(src), "--jobs", "1", "--db"]
    proc = subprocess.Popen(args + [str(killed)], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    stored, deadline = 0, time.monotonic() + 300
    while stored < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if killed.exists():
            try:
                with sqlite3.connect(killed, timeout=1) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                pass  # the schema is not there yet
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 20 <= stored < 300, "the kill must land midway for this test to mean anything"
    assert run("ingest", str(src), "--jobs", "1", "--db", str(killed)).returncode == 0
    assert run("ingest", str(src), "--jobs", "1", "--db", str(clean)).returncode == 0
    assert _content(killed) == _content(clean)
    assert len(_content(clean)["articles"]) == 300


def _hostile_batch():
    """The hostile batch of issue #21, between good lines."""
    good = list(_articles(3))
    return [good[0],
            "[" * 100_000,                                                          # deep nesting
            '{"id": "big", "text": "Fighting in Herat.", "n": ' + "9" * 5000 + "}",   # a huge number
            json.dumps({"id": "y1", "published": "0001-01-01",                       # year 1, and "yesterday"
                        "text": "Clashes broke out in Ghazni yesterday, officials said."}),
            good[1],
            json.dumps({"id": "blanks", "published": "2021-06-22",                   # 3,000 blanks between places
                        "text": "Taliban fighters attacked Kunduz" + " " * 3000 + "Takhar on Monday, "
                                "officials said. Clashes near" + " " * 3000 + "Taloqan went on."}),
            json.dumps({"id": "formula", "title": '=HYPERLINK("http://example.org/x","Click")',
                        "published": "2021-06-22",                                 # a formula title and sentence
                        "text": "=1+2 Taliban fighters attacked a checkpoint in Kunduz on Monday, officials said."}),
            good[2]]


def test_cli_ingest_hostile_batch_rejects_each_bad_line_and_stores_every_good_one(tmp_path, gazetteer_path):
    import csv

    src, db = tmp_path / "hostile.jsonl", tmp_path / "e.sqlite"
    src.write_text("\n".join(_hostile_batch()) + "\n", encoding="utf-8")
    out = run("ingest", str(src), "--db", str(db), "--jobs", "2", "--json")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    summary = json.loads(out.stdout)
    assert (summary["stored"], summary["rejected"]) == (5, 3)
    reasons = {r["line"]: r["reason"] for r in summary["rejections"]}
    assert reasons[2] == "not valid JSON here (nested too deeply)"
    assert reasons[3].startswith("not valid JSON here (Exceeds the limit (4300 digits)")
    assert reasons[4].startswith("published 0001-01-01 is not a plausible publication date")
    out = run("stats", "--db", str(db), "--json")
    assert json.loads(out.stdout)["counts"]["articles"] == 5  # the blanks article too: not "took too long"
    for table in ("events", "articles"):
        dst = tmp_path / f"{table}.csv"
        assert run("export", "--db", str(db), "--table", table, "--format", "csv", "-o", str(dst)).returncode == 0
        cells = [c for row in list(csv.reader(dst.open(encoding="utf-8", newline="")))[1:] for c in row]
        assert cells and not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
        assert not [c for c in cells if c.startswith("-") and not c[1:].replace(".", "", 1).isdigit()]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)  # the title, shown as text


def test_cli_geoparse_hostile_lines_are_messages_and_the_rest_are_read(tmp_path, gazetteer_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(_hostile_batch()) + "\n", encoding="utf-8")
    out = run("geoparse", str(src), "-o", str(dst), "--jobs", "2")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["art-0", None, None, "y1", "art-1", "blanks", "formula", "art-2"]
    assert "line 2: not valid JSON here (nested too deeply); skipped" in out.stderr
    assert {"Kunduz", "Takhar", "Taloqan"} <= {p["name"] for p in rows[5]["places"]}


class _Terminal:
    """A stand-in stderr that says it is a terminal, for the progress line to show."""

    def __init__(self):
        import io

        self.buffer = io.StringIO()
        self.write, self.flush = self.buffer.write, self.buffer.flush

    def isatty(self):
        return True


def test_cli_progress_line_shows_counts_and_rates_on_a_terminal(monkeypatch):
    from events import cli

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with cli._reading("geoparse") as progress:
        progress.add(words=120)
        progress.write("geoparse: line 2: not valid JSON; skipped", file=sys.stderr)
        progress.add(words=30)
    shown = terminal.buffer.getvalue()
    assert "geoparse: line 2: not valid JSON; skipped\n" in shown
    assert shown.rstrip().rpartition("\r")[2].startswith("geoparse: 2 articles, 150 words, ")
    assert shown.endswith("\n")  # the last count stays on the screen


def test_cli_ingest_progress_line_counts_inputs_by_outcome(monkeypatch):
    from events import cli
    from events.ingest import Summary

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    progress = cli._IngestProgress(style="line")
    progress(Summary(stored=1200, replaced=3, unchanged=40, rejected=5, seconds=2.0))
    progress.done()
    assert "ingest: 1,248 inputs (1,203 stored, 40 unchanged, 5 rejected), " in terminal.buffer.getvalue()


def test_cli_progress_is_not_shown_where_stderr_is_no_terminal(tmp_path, gazetteer_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(list(_articles(2)) + ["{broken"]) + "\n", encoding="utf-8")
    out = run("geoparse", str(src), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1")
    assert out.returncode == 0 and out.stderr == "geoparse: line 3: not valid JSON (Expecting property name " \
                                                 "enclosed in double quotes at column 2); skipped\n"
    out = run("ingest", str(src), "--db", str(tmp_path / "e.sqlite"), "--jobs", "1")
    assert out.returncode == 0 and out.stderr == "" and "2 stored" in out.stdout
    out = run("ingest", str(src), "--db", str(tmp_path / "f.sqlite"), "--jobs", "1", "--progress", "jsonl")
    lines = [json.loads(line) for line in out.stderr.splitlines()]  # the protocol events/jobs.py reads
    assert lines and set(lines[0]) == {"inputs", "stored", "unchanged", "rejected"}
