"""Acceptance: the reference article through the real CLI, checked against ../shared/seed/expected.json."""
import json
import re

import pytest

from geo.geocoder import distance_km
from tests.conftest import shared_path
from tests.events.test_cli import run


def loose(text):
    return " ".join(re.sub(r"[^a-z0-9]+", " ", (text or "").lower().replace("’s", "").replace("'s", "")).split())


@pytest.fixture(scope="module")
def seed(tmp_path_factory, gazetteer_path):
    expected = json.loads(shared_path("seed", "expected.json").read_text(encoding="utf-8"))
    article = shared_path("seed", expected["article"])
    tmp = tmp_path_factory.mktemp("seed")
    db = tmp / "e.sqlite"
    out = run("ingest", str(article), "--db", str(db), "--published", expected["published"], "--jobs", "1")
    assert out.returncode == 0, out.stderr
    tables = {}
    for table in ("events", "claims", "places"):
        path = tmp / f"{table}.jsonl"
        assert run("export", "--db", str(db), "--table", table, "--format", "jsonl", "-o", str(path)).returncode == 0
        tables[table] = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    return expected, tables


def test_seed_places_are_found_where_expected(seed):
    expected, tables = seed
    for place in expected["places"]:
        names = {loose(n) for n in [place["mention"], *place.get("also", [])]}
        rows = [p for p in tables["places"] if loose(p["name"]) in names and p["lat"] is not None]
        assert rows, f"{place['mention']} not found"
        best = min(distance_km(place["lat"], place["lon"], p["lat"], p["lon"]) for p in rows)
        assert best <= place["within_km"], f"{place['mention']} is {best:.0f} km off"


def test_seed_claims_name_their_speakers_roles_and_dates(seed):
    expected, tables = seed
    claims = tables["claims"]
    for want in expected["claims"]:
        mine = [c for c in claims if loose(c["claimant"]) == loose(want["claimant"])]
        assert mine, f"no claim by {want['claimant']}"
        if want.get("role"):
            words = set(loose(want["role"]).split())
            assert any(len(words & set(loose(c["role"]).split())) >= 0.6 * len(words) for c in mine), \
                (want["claimant"], [c["role"] for c in mine])
        if want.get("anonymous"):
            assert any(c["anonymous"] for c in mine)
        if want.get("when"):
            assert any(c["date"] == want["when"] for c in mine), (want["claimant"], [c["date"] for c in mine])


def test_seed_events_have_type_place_date_actors_and_claimants(seed):
    expected, tables = seed
    for want in expected["events"]:
        matches = [e for e in tables["events"]
                   if (e["event_type"], e["sub_event_type"]) == (want["event_type"], want["sub_event_type"])
                   and loose(e["location"]).startswith(loose(want["location"]))]
        assert matches, f"missing: {want['what']}"
        e = matches[0]
        assert loose(e["admin1"]) == loose(want["admin1"]) and e["event_date"] == want["event_date"], e
        assert loose(e["actor1"]) in {loose(a) for a in [want["actor1"], *want.get("actor1_also", [])]} | {
            "military forces of afghanistan"}, e["actor1"]
        claimants = {loose(c) for c in (e["claimant"] or "").split(";")}
        if want.get("claimant"):
            assert loose(want["claimant"]) in claimants, e["claimant"]
        for other in want.get("corroborated_by", []):
            assert loose(other) in claimants and e["corroborations"] >= 2, e["claimant"]


def test_seed_nothing_on_the_must_not_list(seed):
    expected, tables = seed
    events = tables["events"]
    armed = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    assert not [e for e in events if e["event_type"] in armed and e["country_code"] != "AF"]
    # A capture is not placed at the city the text names only as a distance reference.
    city = next(p for p in expected["places"] if "Kunduz City" in p.get("also", []))
    assert not [e for e in events if e["sub_event_type"] == "Non-state actor overtakes territory"
                and distance_km(e["latitude"], e["longitude"], city["lat"], city["lon"]) < 15]
    # One date per happening, and never the processing date.
    dates = {(w["event_type"], w["sub_event_type"], loose(w["location"])): w["event_date"] for w in expected["events"]}
    for e in events:
        key = (e["event_type"], e["sub_event_type"], loose(e["location"]))
        if key in dates:
            assert e["event_date"] == dates[key], e
        assert e["event_date"] is None or e["event_date"] <= expected["published"]
