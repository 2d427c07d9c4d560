"""End to end through the real command line, as acceptance checks run it."""
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow  # the real command line, in a process of its own

FIELDS = ["name", "lat", "lon", "kind", "country_code", "admin1", "admin2",
          "geonameid", "population", "source"]


def run(*args, env=None, input=None):
    return subprocess.run(
        [sys.executable, "-m", "geo", *args], cwd=REPO, capture_output=True,
        env={**os.environ, **(env or {})}, input=input, timeout=120,
    )


def test_cli_geocode_json_one_line_per_query_in_order(gazetteer_path):
    out = run("geocode", "Kunduz", "Qqzxqqzx", "Hyderabad", "Paris", "--country", "PK", "--json")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(lines) == 4
    kunduz, missing, hyderabad, _ = lines
    assert list(kunduz) == FIELDS
    assert (kunduz["name"], kunduz["country_code"], kunduz["kind"]) == ("Kunduz", "AF", "populated place")
    assert missing is None
    assert hyderabad["admin1"] == "Sindh"


def test_cli_geocode_bad_queries_print_null_and_a_reason(gazetteer_path):
    queries = ["", "   ", "x" * 10_000, "Kab\x01ul"]
    out = run("geocode", *queries, "Kabul", "--json")
    assert out.returncode == 0
    lines = out.stdout.decode().splitlines()
    assert lines[:4] == ["null"] * 4
    assert json.loads(lines[4])["name"] == "Kabul"
    err = out.stderr.decode()
    assert "query 3: query is 10,000 characters" in err and "control character" in err
    assert "Traceback" not in err


def test_cli_geocode_undecodable_argument_is_null(gazetteer_path):
    out = subprocess.run([sys.executable.encode(), b"-m", b"geo", b"geocode", b"\xff\xfe", b"--json"],
                         cwd=REPO, capture_output=True, timeout=120)
    assert out.returncode == 0 and out.stdout.decode().strip() == "null"
    assert b"Traceback" not in out.stderr


def test_cli_geocode_table_without_json(gazetteer_path):
    out = run("geocode", "Takhar Province", "Qqzxqqzx")
    text = out.stdout.decode()
    assert out.returncode == 0
    assert text.splitlines()[0].split()[:3] == ["query", "name", "kind"]
    assert "admin1" in text and "(not found)" in text


def test_cli_geocode_candidates_show_reasons(gazetteer_path):
    out = run("geocode", "Kunduz", "--candidates", "2", "--json")
    (line,) = out.stdout.decode().splitlines()
    cands = json.loads(line)
    assert len(cands) == 2 and cands[0]["score"] > cands[1]["score"]
    assert any("exact name" in r for r in cands[0]["reasons"])


def test_cli_geocode_uses_a_custom_places_file(gazetteer_path, tmp_path):
    csv = tmp_path / "places.csv"
    csv.write_text("name,aliases,lat,lon,kind,country,admin1\n"
                   "Zzyzx Forward Base,Zzyzx FOB,34.1,69.3,base,AF,Kabul\n", encoding="utf-8")
    out = run("geocode", "Zzyzx FOB", "--places", str(csv), "--json")
    rec = json.loads(out.stdout)
    assert (rec["name"], rec["kind"], rec["source"]) == ("Zzyzx Forward Base", "landmark", "overlay:places.csv")
    via_env = run("geocode", "Zzyzx FOB", "--json", env={"SITREP_PLACES": str(csv)})
    assert json.loads(via_env.stdout)["name"] == "Zzyzx Forward Base"


def test_cli_bad_places_file_is_a_message_not_a_traceback(gazetteer_path, tmp_path):
    csv = tmp_path / "places.csv"
    csv.write_text("name,lat\nX,1\n", encoding="utf-8")
    out = run("geocode", "Kabul", "--places", str(csv), "--json")
    assert out.returncode == 1
    assert b"header lacks column(s)" in out.stderr and b"Traceback" not in out.stderr


def test_cli_unbuildable_gazetteer_path_is_a_message(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a directory should be")
    out = run("geocode", "Kabul", "--gazetteer", str(blocker / "g.sqlite"), "--json")
    assert out.returncode == 1
    assert b"could not build the gazetteer" in out.stderr and b"Traceback" not in out.stderr


def test_cli_gazetteer_info(gazetteer_path):
    out = run("gazetteer", "info", "--json")
    info = json.loads(out.stdout)
    assert info["path"] == str(gazetteer_path)
    assert info["places_by_kind"]["populated place"] > 200_000


def test_cli_gazetteer_progress_is_one_line_of_stages_on_a_terminal(monkeypatch):
    import io

    from geo import cli

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with cli._Stages() as progress:
        progress("countries", 0, None)
        progress("places", 20_000, None)
        progress("places", 40_000, None)
        progress("alternateNamesV2.zip", 5, 10)
    shown = terminal.getvalue()
    assert "\rgazetteer: countries: 0 [" in shown and "\rgazetteer: places: " in shown  # (counts: once a second)
    assert shown.rstrip().rpartition("\r")[2].startswith("gazetteer: alternateNamesV2.zip: 5/10 [")
    assert shown.endswith("\n") and shown.count("\n") == 1


def test_cli_gazetteer_progress_is_not_shown_where_stderr_is_no_terminal(gazetteer_path):
    out = run("gazetteer", "info", "--gazetteer", str(gazetteer_path))
    assert out.returncode == 0 and out.stderr == b""
