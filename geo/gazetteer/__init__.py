"""The offline gazetteer: one SQLite file of places and the names they go by.

Built on first use from the packages in :mod:`geo.sources`, into
``$SITREP_GAZETTEER`` or the user cache directory; rebuilt when those
packages' versions or the bundled centroid files (:mod:`geo.outlines`)
change. GeoNames dump files merged in with ``python -m geo gazetteer import``
are recorded and merged in again on a rebuild. Custom places from CSV
overlays (:mod:`geo.overlay`) are held in memory beside the file.

Its modules: :mod:`~geo.gazetteer.schema` (the file's tables, where it lives, a place as its
row), :mod:`~geo.gazetteer.writer` (places and their names into the file),
:mod:`~geo.gazetteer.builder` (building it, and again when its inputs change) and
:mod:`~geo.gazetteer.reader` (read access).
"""
from geo.gazetteer.builder import build, build_lock, create, ensure, inputs_stamp
from geo.gazetteer.reader import MAX_TOWN_BOXES, Gazetteer, largest_towns
from geo.gazetteer.schema import ENV_PATH, REACH_ALWAYS, SCHEMA_VERSION, Match, Progress, default_path, reach
from geo.gazetteer.writer import GazetteerWriter, open_writable

__all__ = ["ENV_PATH", "MAX_TOWN_BOXES", "REACH_ALWAYS", "SCHEMA_VERSION", "Gazetteer", "GazetteerWriter", "Match",
           "Progress", "build", "build_lock", "create", "default_path", "ensure", "inputs_stamp", "largest_towns",
           "open_writable", "reach"]
