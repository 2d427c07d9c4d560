"""Fixtures shared by the geo tests."""
import pytest


@pytest.fixture
def import_border_post(tmp_path):
    """Merge one GeoNames row (the border post Sher Khan Bandar, also "Shir Khan Bandar") into a
    gazetteer file, as ``python -m geo gazetteer import`` does."""
    from geo import gazetteer as gz
    from geo.geonames import import_files

    def merge(path):
        dump = tmp_path / "AF.txt"
        dump.write_text("\t".join(map(str, [
            9000001, "Sher Khan Bandar", "Sher Khan Bandar", "Shir Khan Bandar", 37.19, 68.6, "S", "PSTB",
            "AF", "", "24", "", "", "", 0, "", "350", "Asia/Kabul", "2021-06-22"])) + "\n", encoding="utf-8")
        conn = gz.open_writable(path)
        try:
            return import_files(conn, [dump])
        finally:
            conn.close()

    return merge
