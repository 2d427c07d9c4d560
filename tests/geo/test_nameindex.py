"""The in-memory name index answers exactly as the SQL it replaces, and never from stale arrays."""
import random
import sqlite3

import pytest

from geo import gazetteer as gz
from geo.gazetteer.schema import MATCH_COLUMNS
from geo import nameindex
from geo.exc import ImportFormatError
from geo.geonames import import_files
from geo.place import Place

KUNDUZ = Place(name="Kunduz", kind="populated place", country_code="AF", lat=36.729, lon=68.857,
               geonameid=1135689, alternate_names=("Kondoz", "Qunduz"), admin1_code="24",
               admin1="Kunduz", population=268893, source="test")
PROVINCE = Place(name="Kunduz Province", kind="admin1", country_code="AF", lat=36.8, lon=68.6,
                 admin1_code="24", admin1="Kunduz", population=1_000_000, source="test")
VILLAGE = Place(name="Kondoz", kind="populated place", country_code="AF", lat=36.0, lon=69.0,
                admin1_code="26", admin1="Takhār", admin2="Dašt-e Qalʿa", population=600, source="tést")


def sql_twin(path, tmp_path):
    """A copy of the gazetteer whose index is turned back into the SQL name tables and dropped,
    as an import does: the SQL path then answers."""
    copy = tmp_path / f"sql-{path.name}"
    copy.write_bytes(path.read_bytes())
    conn = sqlite3.connect(copy)
    with conn:
        nameindex.remove(conn)
    conn.close()
    twin = gz.Gazetteer(copy)
    assert twin._index is None
    return twin


def test_nameindex_is_written_by_create_and_used(tmp_path):
    path = gz.create(tmp_path / "g.sqlite", [KUNDUZ, PROVINCE, VILLAGE])
    with gz.Gazetteer(path) as g, sql_twin(path, tmp_path) as sql:
        assert g._index is not None and len(g._index) >= 4
        assert g._conn.execute("SELECT count(*) FROM names").fetchone() == (0,)  # only the index has them
        for key in ("kunduz", "kondoz", "qunduz", "kunduz province", "kunduz"):
            assert g.matches(key) == sql.matches(key) != []
            assert g.fuzzy(key) == sql.fuzzy(key) != []
        assert g.matches("nowhere") == [] and g.fuzzy("nowhere") == []
        # text fields in any script, and a place without a geonameid, come back whole
        (village, _), = [pair for pair in g.matches("kondoz") if pair[0].name == "Kondoz"]
        assert (village.admin1, village.admin2, village.source, village.geonameid) == (
            "Takhār", "Dašt-e Qalʿa", "tést", None)


def test_nameindex_matches_the_sql_tables_on_the_real_gazetteer(gazetteer_path, tmp_path):
    with gz.Gazetteer(gazetteer_path) as g, sql_twin(gazetteer_path, tmp_path) as sql:
        assert g._index is not None
        keys = [k for k, in sql._conn.execute("SELECT key FROM names ORDER BY random() LIMIT 3000")]
        keys += ["paris", "san jose", "springfield", "kunduz", "new york"]
        for key in keys:
            assert g.matches(key) == sql.matches(key), key
        for floor in (0, 1000, gz.REACH_ALWAYS):
            for key in keys[:500]:
                assert g.fuzzy(key, min_town_population=floor) == sql.fuzzy(key, min_town_population=floor)
        ids = random.Random(1).sample(range(1, 300_000), 200)
        by_sql = {r[0]: gz.Match._make(r) for r in g._conn.execute(
            f"SELECT {MATCH_COLUMNS} FROM places WHERE id IN ({','.join('?' * len(ids))})", ids)}
        assert g._index.rows(ids) == by_sql


def test_nameindex_leaves_out_deleted_places(tmp_path):
    path = gz.create(tmp_path / "g.sqlite", [KUNDUZ, PROVINCE, VILLAGE])
    conn = sqlite3.connect(path)
    with conn:
        nameindex.remove(conn)  # names back in SQL, as a writer that deletes needs them
        pid, = conn.execute("SELECT id FROM places WHERE name = 'Kondoz'").fetchone()
        conn.execute("DELETE FROM names WHERE place_id = ?", (pid,))
        conn.execute("DELETE FROM skeletons WHERE place_id = ?", (pid,))
        conn.execute("DELETE FROM places WHERE id = ?", (pid,))
        assert nameindex.write(conn)
    conn.close()
    with gz.Gazetteer(path) as g:
        assert g._index is not None
        assert [m.name for m, _ in g.matches("kondoz")] == ["Kunduz"]
        assert pid not in g._index.rows([pid, 1])


def test_nameindex_stale_or_missing_arrays_fall_back_to_sql(tmp_path):
    path = gz.create(tmp_path / "g.sqlite", [KUNDUZ])
    conn = sqlite3.connect(path)
    with conn:  # a place added behind the index's back: the arrays no longer fit the file
        gz.GazetteerWriter(conn).add([VILLAGE])
    conn.close()
    with gz.Gazetteer(path) as g:
        assert g._index is None
        assert [m.name for m, _ in g.matches("kondoz")] == ["Kondoz"]  # what the SQL tables hold
    with sql_twin(gz.create(tmp_path / "h.sqlite", [KUNDUZ]), tmp_path) as g:
        assert len(g.matches("kunduz")) == 1


def test_nameindex_is_not_held_for_a_gazetteer_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(nameindex, "MAX_PLACES", 2)
    with gz.Gazetteer(gz.create(tmp_path / "g.sqlite", [KUNDUZ, PROVINCE, VILLAGE])) as g:
        assert g._index is None
        assert {m.name for m, _ in g.matches("kondoz")} == {"Kunduz", "Kondoz"}


def test_nameindex_geonames_import_rewrites_it(tmp_path, import_border_post):
    path = gz.create(tmp_path / "g.sqlite", [KUNDUZ])
    import_border_post(path)
    with gz.Gazetteer(path) as g:
        assert g._index is not None
        assert [m.kind for m, _ in g.matches("shir khan bandar")] == ["port or crossing"]


def test_nameindex_an_import_that_fails_leaves_no_stale_arrays(tmp_path):
    path = gz.create(tmp_path / "g.sqlite", [KUNDUZ])
    (tmp_path / "AF.txt").write_text("not\ta\tgeonames\trow\n", encoding="utf-8")
    conn = gz.open_writable(path)
    with pytest.raises(ImportFormatError):
        import_files(conn, [tmp_path / "AF.txt"])
    conn.close()
    with gz.Gazetteer(path) as g:
        assert g._index is None and len(g.matches("kunduz")) == 1


def test_nameindex_fed_while_building_equals_the_one_read_back(tmp_path):
    places = [KUNDUZ, PROVINCE, VILLAGE,
              Place(name="Kunduz", kind="admin2", country_code="AF", lat=36.7, lon=68.9, admin1_code="24",
                    admin2_code="2401", admin2="Kunduz", population=0, source="test")]
    path = gz.create(tmp_path / "g.sqlite", places)
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(path.read_bytes())
    conn = sqlite3.connect(copy)
    with conn:  # as an import does: to the SQL tables, then read back from them
        nameindex.remove(conn)
        assert nameindex.write(conn)
    conn.close()
    with gz.Gazetteer(path) as fed, gz.Gazetteer(copy) as read:
        assert set(fed._index._keys) == set(read._index._keys)
        for key in fed._index._keys:
            assert fed._index.matches(key) == read._index.matches(key), key
        bounds, blob = fed._index._skeleton_key_starts, fed._index._skeleton_keys
        assert sorted(fed._index._skeleton_hashes) == sorted(read._index._skeleton_hashes)
        for i in range(len(bounds) - 1):
            key = blob[bounds[i]:bounds[i + 1]].decode()
            for floor in (0, 1000):
                assert fed._index.skeleton_refs(key, floor) == read._index.skeleton_refs(key, floor) != [], key
        assert (fed._index._records, fed._index._own, fed._index._strings) == (
            read._index._records, read._index._own, read._index._strings)


def test_nameindex_a_writer_that_replaces_cannot_feed_it(tmp_path):
    conn = sqlite3.connect(gz.create(tmp_path / "g.sqlite", [KUNDUZ]))
    with pytest.raises(ValueError):
        gz.GazetteerWriter(conn, index=nameindex.Builder()).add([KUNDUZ], replace=True)
    conn.close()


def index_of_skeletons(*rows):
    """An index of two bare places and the skeleton rows (key, reach, place id, spelling) given."""
    builder = nameindex.Builder()
    for pid in (1, 2):
        builder.place(pid, 0.0, 0.0, 0, None, "AB"[pid - 1], "",
                      ("populated place", "AF", None, None, None, "test", None))
    for row in rows:
        builder.skeleton(*row)
    return nameindex.NameIndex(builder.parts(2), row=gz.Match)


def test_nameindex_skeletons_with_one_checksum_stay_apart():
    # "plumless" and "buckeroo" have the same CRC-32
    index = index_of_skeletons(("plumless", 10, 1, "pl*mless"), ("buckeroo", 20, 2, "b*ck*r*"))
    assert index.skeleton_refs("plumless", 0) == [(1, "pl*mless")]
    assert index.skeleton_refs("buckeroo", 0) == [(2, "b*ck*r*")]
    assert index.skeleton_refs("buckeroo", 21) == [] and index.skeleton_refs("plumles", 0) == []


def test_nameindex_spellings_outside_ascii_keep_their_bytes():
    index = index_of_skeletons(("kndz", 20, 2, "k*ndüz"), ("kndz", 10, 1, "k*nd*z"))
    assert index.skeleton_refs("kndz", 0) == [(1, "k*nd*z"), (2, "k*ndüz")]  # by reach, as SQL orders them
    assert index.skeleton_refs("kndz", 11) == [(2, "k*ndüz")]
