"""Merging GeoNames dump files, written here in GeoNames' exact tab-separated format."""
import zipfile

import pytest

from geo import gazetteer as gz
from geo.exc import ImportFormatError
from geo.geonames import import_files, kind_for
from geo.names import normalize
from geo.place import Place


def row(gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, a1, a2="", pop=0):
    return "\t".join(map(str, [gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, "", a1, a2, "", "",
                               pop, "", "350", "Asia/Kabul", "2021-06-22"])) + "\n"


AF_ROWS = [
    row(9000001, "Sher Khan Bandar", "Sher Khan Bandar", "Shir Khan Bandar,Sherkhan Bandar",
        37.19, 68.6, "S", "PSTB", "AF", "24", "1401"),
    row(9000002, "Qalʿa-ye Kohna", "Qal'a-ye Kohna", "", 36.9, 68.9, "P", "PPL", "AF", "24", pop=1200),
    row(9000003, "Old Fortress Town", "Old Fortress Town", "", 36.8, 68.8, "P", "PPLH", "AF", "24"),
    row(9000004, "Koh-e Sangi", "Koh-e Sangi", "", 36.5, 69.0, "T", "MT", "AF", "26"),
    row(1135689, "Kunduz City", "Kunduz City", "Kunduz,Kondoz", 36.72896, 68.857, "P", "PPLA", "AF", "24",
        pop=268893),
]


@pytest.fixture
def gaz(tmp_path):
    kunduz = Place(name="Kunduz", kind="populated place", country_code="AF", lat=36.7, lon=68.8,
                   geonameid=1135689, alternate_names=("Qunduz",), population=100, source="package")
    return gz.create(tmp_path / "g.sqlite", [kunduz])


def files(tmp_path):
    (tmp_path / "admin1CodesASCII.txt").write_text("AF.24\tKunduz\tKunduz\t1135690\nAF.26\tTakhar\tTakhar\t1123230\n")
    (tmp_path / "admin2Codes.txt").write_text("AF.24.1401\tImam Sahib\tImam Sahib\t9000100\n")
    (tmp_path / "AF.txt").write_text("".join(AF_ROWS), encoding="utf-8")
    return [tmp_path / "AF.txt", tmp_path / "admin2Codes.txt", tmp_path / "admin1CodesASCII.txt"]


def lookup(path, name):
    return gz.Gazetteer(path).lookup(normalize(name))


def test_geonames_import_adds_places_with_admin_names(gaz, tmp_path):
    conn = gz.open_writable(gaz)
    counts = import_files(conn, files(tmp_path))
    conn.close()
    assert counts["AF.txt"] == 4 and counts["admin1CodesASCII.txt"] == 2
    (post, quality), = lookup(gaz, "Shir Khan Bandar")
    assert quality == 1
    assert (post.kind, post.admin1, post.admin2, post.source) == (
        "port or crossing", "Kunduz", "Imam Sahib", "geonames:AF.txt")
    assert lookup(gaz, "Qala-ye Kohna")[0][0].population == 1200
    assert lookup(gaz, "Koh-e Sangi")[0][0].kind == "landmark"
    assert lookup(gaz, "Old Fortress Town") == []  # historical: skipped


def test_geonames_record_replaces_the_package_record(gaz, tmp_path):
    conn = gz.open_writable(gaz)
    import_files(conn, files(tmp_path))
    conn.close()
    (city, _), = lookup(gaz, "Kunduz City")
    assert (city.source, city.population, city.lat) == ("geonames:AF.txt", 268893, 36.72896)
    assert lookup(gaz, "Qunduz") == []  # the old record's names went with it
    info = gz.Gazetteer(gaz).info()
    assert info["places_by_kind"]["populated place"] == 2
    assert {i["path"].rsplit("/", 1)[-1] for i in info["imports"]} == {"AF.txt", "admin1CodesASCII.txt", "admin2Codes.txt"}


def test_geonames_zip_and_alternate_names(gaz, tmp_path):
    with zipfile.ZipFile(tmp_path / "AF.zip", "w") as z:
        z.writestr("readme.txt", "GeoNames readme")
        z.writestr("AF.txt", "".join(AF_ROWS))
    with zipfile.ZipFile(tmp_path / "alternateNamesV2.zip", "w") as z:
        z.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\n")
        z.writestr("alternateNamesV2.txt",
                   "1\t9000001\ten\tSherkhan Port\t\t\t\t\t\t\n"
                   "2\t9000001\tfa\tشیرخان بندر\t\t\t\t\t\t\n"
                   "3\t9000001\tlink\tHttps://En.Wikipedia.Org/Wiki/Sher_Khan_Bandar\t\t\t\t\t\t\n"
                   "4\t9000001\ten\tOld Sherkhan\t\t\t\t1\t\t\n")
    conn = gz.open_writable(gaz)
    counts = import_files(conn, [tmp_path / "alternateNamesV2.zip", tmp_path / "AF.zip"])
    conn.close()
    assert counts == {"AF.zip": 4, "alternateNamesV2.zip": 1}
    assert lookup(gaz, "Sherkhan Port")[0][0].name == "Sher Khan Bandar"
    assert lookup(gaz, "Old Sherkhan") == []
    # an imported alternate name is indexed for spelling variants too
    with gz.Gazetteer(gaz) as g:
        assert [m.name for m, spelt in g.fuzzy(normalize("Shirkhan Port"))] == ["Sher Khan Bandar"]


def test_geonames_bad_first_line_is_a_format_error(gaz, tmp_path):
    bad = tmp_path / "XX.txt"
    bad.write_text("this is not\ta geonames file\n")
    conn = gz.open_writable(gaz)
    with pytest.raises(ImportFormatError, match="XX.txt: line 1"):
        import_files(conn, [bad])
    conn.close()


def test_geonames_later_bad_lines_are_skipped_and_counted(gaz, tmp_path):
    path = tmp_path / "AF.txt"
    path.write_text(AF_ROWS[0] + "garbage\tline\n" + AF_ROWS[1], encoding="utf-8")
    conn = gz.open_writable(gaz)
    counts = import_files(conn, [path])
    conn.close()
    assert counts["AF.txt"] == 2 and counts["AF.txt:skipped"] == 1


@pytest.mark.parametrize("path, error", [("places.csv", ImportFormatError), ("absent.txt", FileNotFoundError)])
def test_geonames_unusable_paths_are_clear_errors(gaz, tmp_path, path, error):
    (tmp_path / "places.csv").write_text("x")
    conn = gz.open_writable(gaz)
    with pytest.raises(error):
        import_files(conn, [tmp_path / path])
    conn.close()


@pytest.mark.parametrize("fclass, fcode, kind", [
    ("A", "PCLI", "country"), ("A", "ADM1", "admin1"), ("A", "ADM2", "admin2"), ("A", "ADM3", None),
    ("A", "ADM1H", None), ("P", "PPL", "populated place"), ("P", "PPLA2", "populated place"),
    ("P", "PPLQ", None), ("P", "PPLH", None), ("S", "AIRP", "airport"), ("S", "PSTB", "port or crossing"),
    ("L", "PRT", "port or crossing"), ("T", "PASS", "port or crossing"), ("S", "MLTB", "landmark"),
    ("H", "STM", "landmark"), ("S", "AIRQ", None),
])
def test_geonames_kind_for_feature_codes(fclass, fcode, kind):
    assert kind_for(fclass, fcode) == kind


@pytest.mark.slow
def test_geonames_cli_import(gazetteer_path, tmp_path):
    import shutil
    import subprocess
    import sys

    from tests.conftest import REPO

    copy = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer_path, copy)
    out = subprocess.run([sys.executable, "-m", "geo", "gazetteer", "import", *map(str, files(tmp_path)),
                          "--gazetteer", str(copy)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "AF.txt: 4" in out.stdout
    look = subprocess.run([sys.executable, "-m", "geo", "geocode", "Sher Khan Bandar", "--json",
                           "--gazetteer", str(copy)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert '"kind": "port or crossing"' in look.stdout


def test_geonames_a_countrys_capital_is_marked(gaz, tmp_path):
    (tmp_path / "AF.txt").write_text(row(1138958, "Kabul", "Kabul", "Kabol", 34.52813, 69.17233, "P", "PPLC",
                                         "AF", "13", pop=4434550), encoding="utf-8")
    conn = gz.open_writable(gaz)
    import_files(conn, [tmp_path / "AF.txt"])
    conn.close()
    g = gz.Gazetteer(gaz)
    assert g.capitals() == {m.ref for m, _ in g.matches("kabul")} != set()
