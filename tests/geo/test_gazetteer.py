import gzip
import json
import sqlite3

import pytest

from geo import gazetteer as gz
from geo import outlines, sources
from geo.gazetteer import builder
from geo.exc import GazetteerMissingError
from geo.place import Place

KUNDUZ = Place(name="Kunduz", kind="populated place", country_code="AF", lat=36.729, lon=68.857,
               geonameid=1135689, alternate_names=("Kondoz", "Qunduz"), admin1_code="24",
               admin1="Kunduz", population=268893, source="test")
AF = Place(name="Afghanistan", kind="country", country_code="AF", lat=33.9, lon=67.7,
           geonameid=1149361, population=37172386, source="test")


@pytest.fixture
def small_sources(monkeypatch):
    """Stand-in package readers so that a build takes milliseconds."""
    monkeypatch.setattr(sources, "countries", lambda: iter([AF]))
    monkeypatch.setattr(sources, "world_regions", lambda: iter([]))
    monkeypatch.setattr(sources, "demonyms", lambda: iter([("Afghan", "AF")]))
    monkeypatch.setattr(sources, "places_from_packages", lambda: iter([KUNDUZ]))
    monkeypatch.setattr(sources, "capitals", lambda: iter([("AF", "Kunduz")]))


def test_gazetteer_build_indexes_names_and_alternates(tmp_path, small_sources):
    path = gz.build(tmp_path / "g.sqlite")
    with gz.Gazetteer(path) as g:
        assert [(p.name, q) for p, q in g.lookup("kunduz")] == [("Kunduz", 0)]
        assert [(p.name, q) for p, q in g.lookup("kondoz")] == [("Kunduz", 1)]
        assert [p.name for p, _ in g.fuzzy("konduz")] == ["Kunduz"]
        assert g.demonym("afghan") == "AF"
        assert g.capitals() == {m.ref for m, _ in g.matches("kunduz")}
        assert g.info()["places_by_kind"] == {"country": 1, "populated place": 1}


def test_gazetteer_build_is_atomic_when_killed_midway(tmp_path, monkeypatch, small_sources):
    def broken():
        yield KUNDUZ
        raise KeyboardInterrupt  # what a Ctrl-C or a kill mid-build looks like to the writer

    monkeypatch.setattr(sources, "places_from_packages", broken)
    path = tmp_path / "g.sqlite"
    with pytest.raises(KeyboardInterrupt):
        gz.build(path)
    assert list(tmp_path.iterdir()) == []


def test_gazetteer_ensure_rebuilds_when_inputs_change(tmp_path, monkeypatch, small_sources):
    path = gz.ensure(tmp_path / "g.sqlite")
    first = path.stat().st_mtime_ns
    assert gz.ensure(path).stat().st_mtime_ns == first  # up to date: untouched
    monkeypatch.setattr(builder, "inputs_stamp", lambda: '{"schema": -1}')
    assert gz.ensure(path).stat().st_mtime_ns != first
    assert builder._file_stamp(path) == '{"schema": -1}'


def test_gazetteer_ensure_rebuilds_when_a_centroid_file_changes(tmp_path, monkeypatch, small_sources):
    centroids = tmp_path / "admin1_centroids.json.gz"
    centroids.write_bytes(outlines.CENTROIDS.read_bytes())
    monkeypatch.setattr(outlines, "CENTROIDS", centroids)
    path = gz.ensure(tmp_path / "g.sqlite")
    first = path.stat().st_mtime_ns
    content = gzip.decompress(centroids.read_bytes())
    centroids.write_bytes(gzip.compress(content, mtime=1))  # the same content, compressed again
    assert gz.ensure(path).stat().st_mtime_ns == first
    with gzip.open(centroids, "wt", encoding="utf-8") as f:
        json.dump({"source": "test", "centroids": {"AF": [["Kunduz", 36.7, 68.9]]}}, f)
    assert gz.ensure(path).stat().st_mtime_ns != first
    assert json.loads(builder._file_stamp(path))["admin1_centroids.json.gz"] == outlines.centroid_digests()[
        "admin1_centroids.json.gz"]


def test_gazetteer_rebuild_imports_again_and_keeps_the_packages_places(tmp_path, small_sources,
                                                                       import_border_post):
    path = gz.build(tmp_path / "g.sqlite")
    import_border_post(path)
    gz.build(path)  # a rebuild merges the recorded import in again
    with gz.Gazetteer(path) as g:
        assert g._index is not None
        assert [p.name for p, _ in g.lookup("kondoz")] == ["Kunduz"]  # from the packages
        assert [p.kind for p, _ in g.lookup("shir khan bandar")] == ["port or crossing"]  # imported
        assert [p.name for p in g.places_of_kind("country")] == ["Afghanistan"]


def test_gazetteer_missing_file_names_the_fix(tmp_path):
    with pytest.raises(GazetteerMissingError, match="python -m geo gazetteer build"):
        gz.Gazetteer(tmp_path / "absent.sqlite")


def test_gazetteer_missing_package_names_the_fix(monkeypatch):
    monkeypatch.setattr(sources, "PACKAGES", ("sitrep-no-such-package",))
    with pytest.raises(GazetteerMissingError, match="pip install -r requirements.txt"):
        sources.package_versions()


def test_gazetteer_file_is_read_only(tmp_path):
    path = gz.create(tmp_path / "g.sqlite", [KUNDUZ])
    with gz.Gazetteer(path) as g, pytest.raises(sqlite3.OperationalError):
        g._conn.execute("DELETE FROM places")


def test_gazetteer_real_build_has_every_kind(gazetteer_path):
    info = gz.Gazetteer(gazetteer_path).info()
    kinds = info["places_by_kind"]
    assert kinds["country"] > 200
    assert kinds["admin1"] > 3000
    assert kinds["admin2"] > 20000
    assert kinds["populated place"] > 200_000
    assert kinds["airport"] > 10_000
    assert set(info["inputs"]) >= set(sources.PACKAGES)


def test_gazetteer_overlay_places_are_found(tmp_path):
    path = gz.create(tmp_path / "g.sqlite", [KUNDUZ])
    port = Place(name="Sher Khan Port", kind="port or crossing", country_code="AF", lat=37.2,
                 lon=68.6, alternate_names=("Shir Khan Bandar",), source="overlay:test.csv")
    with gz.Gazetteer(path, overlay=[port]) as g:
        assert [p.name for p, _ in g.lookup("shir khan bandar")] == ["Sher Khan Port"]
        assert [p.name for p in g.places_of_kind("port or crossing")] == ["Sher Khan Port"]


def test_gazetteer_fuzzy_filters_before_reading_records(tmp_path):
    village = Place(name="Konduz", kind="populated place", country_code="AF", lat=36.0, lon=69.0,
                    population=600, source="test")
    province = Place(name="Kundoz", kind="admin1", country_code="AF", lat=36.5, lon=68.5,
                     population=600, source="test")
    with gz.Gazetteer(gz.create(tmp_path / "g.sqlite", [KUNDUZ, village, province])) as g:
        assert {p.name for p, _ in g.fuzzy("kunduz")} == {"Kunduz", "Konduz", "Kundoz"}
        # Other kinds pass a town-population floor; small towns do not.
        assert {p.name for p, _ in g.fuzzy("kunduz", min_town_population=1000)} == {"Kunduz", "Kundoz"}
        spelled = {sp for _, sp in g.fuzzy("kunduz")}
        keep = sorted(spelled)[0]
        assert {sp for _, sp in g.fuzzy("kunduz", keep=lambda sp: sp == keep)} == {keep}


def test_gazetteer_a_capital_is_the_most_populous_town_of_its_name_in_its_country(tmp_path):
    def town(name, cc, population, kind="populated place"):
        return Place(name=name, kind=kind, country_code=cc, lat=0.0, lon=0.0, population=population,
                     source="test")

    places = [town("Washington", "US", 689545), town("Washington", "US", 9000), town("Washington", "GB", 67000),
              town("Washington", "US", 7000000, kind="admin1")]
    path = gz.create(tmp_path / "g.sqlite", places, capitals=[("US", "Washington"), ("ZZ", "Nowhere")])
    with gz.Gazetteer(path) as g:
        assert {m.population for m, _ in g.matches("washington") if m.ref in g.capitals()} == {689545}


@pytest.mark.parametrize("overlay", [False, True])
def test_gazetteer_match_raw_is_the_whole_record_as_a_dict(tmp_path, overlay):
    port = Place(name="Sher Khan Port", kind="port or crossing", country_code="AF", lat=37.2, lon=68.6,
                 alternate_names=("Shir Khan Bandar", "Sherkhan"), source="overlay:test.csv")
    path = gz.create(tmp_path / "g.sqlite", [KUNDUZ, AF])
    with gz.Gazetteer(path, overlay=[port] if overlay else []) as g:
        key = "shir khan bandar" if overlay else "kondoz"
        (match, _), = g.matches(key)
        assert match.raw() == match.place().as_dict()
        assert match.raw()["alternate_names"] == list(match.place().alternate_names) != []
