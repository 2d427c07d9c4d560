import pytest

from geo import overlay
from geo.exc import OverlayError

HEADER = "name,aliases,lat,lon,kind,country,admin1\n"


def write(tmp_path, text, name="places.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_overlay_reads_places_with_aliases_and_kind_words(tmp_path):
    path = write(tmp_path, HEADER
                 + "Sher Khan Port,Shir Khan Bandar|Sherkhan Bandar,37.21,68.61,port,af,Kunduz\n"
                 + "Camp Alpha,,34.1,69.2,base,AF,\n")
    port, camp = overlay.read_places(path)
    assert port.kind == "port or crossing" and port.country_code == "AF"
    assert port.alternate_names == ("Shir Khan Bandar", "Sherkhan Bandar")
    assert port.admin1 == "Kunduz" and port.source == "overlay:places.csv"
    assert camp.kind == "landmark" and camp.admin1 is None


def test_overlay_accepts_semicolons_and_a_bom(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(("\ufeff" + HEADER + "X Town,A;B,1,2,town,FR,\n").encode("utf-8"))
    (place,) = overlay.read_places(path)
    assert place.alternate_names == ("A", "B")


@pytest.mark.parametrize("row, message", [
    (",,1,2,town,AF,", "line 2: name is empty"),
    ("X,,north,2,town,AF,", "line 2: lat/lon must be numbers"),
    ("X,,91,2,town,AF,", "line 2: lat/lon out of range"),
    ("X,,1,2,spaceport,AF,", "line 2: unknown kind 'spaceport'"),
    ("X,,1,2,town,Afghanistan,", "line 2: country must be a two-letter ISO code"),
])
def test_overlay_bad_row_names_file_and_line(tmp_path, row, message):
    path = write(tmp_path, HEADER + row + "\n")
    with pytest.raises(OverlayError, match=message) as err:
        list(overlay.read_places(path))
    assert "places.csv" in str(err.value)


def test_overlay_bad_header_lists_the_expected_columns(tmp_path):
    path = write(tmp_path, "place,latitude,longitude\nX,1,2\n")
    with pytest.raises(OverlayError, match="name,aliases,lat,lon,kind,country,admin1"):
        list(overlay.read_places(path))


def test_overlay_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(HEADER.encode() + b"K\xf6ln,,50.9,6.9,city,DE,\n")
    with pytest.raises(OverlayError, match="not UTF-8"):
        list(overlay.read_places(path))


def test_overlay_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(OverlayError, match="cannot read"):
        list(overlay.read_places(tmp_path / "nope.csv"))


def test_overlay_default_paths_come_from_the_environment(tmp_path, monkeypatch):
    a = write(tmp_path, HEADER + "A,,1,2,town,FR,\n", "a.csv")
    b = write(tmp_path, HEADER + "B,,1,2,town,FR,\n", "b.csv")
    monkeypatch.setenv(overlay.ENV_PLACES, f"{a}:{b}")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert [p.name for p in overlay.load()] == ["A", "B"]
