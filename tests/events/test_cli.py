"""``python -m events geoparse`` and ``evaluate`` through the real command line."""
import json
import subprocess
import sys

from tests.conftest import REPO, shared_path

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
