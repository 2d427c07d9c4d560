"""Shared fixtures: one real gazetteer built from the installed packages, reused across runs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Subprocesses (the real CLI) inherit this, so they use the same file.
os.environ.setdefault("SITREP_GAZETTEER", str(REPO / ".cache" / "gazetteer.sqlite"))


@pytest.fixture(scope="session")
def gazetteer_path() -> Path:
    """The real gazetteer file, built on first use (about 20 s) and reused while up to date."""
    from geo.gazetteer import ensure

    return ensure(Path(os.environ["SITREP_GAZETTEER"]))


@pytest.fixture(scope="session")
def geocoder(gazetteer_path):
    from geo.gazetteer import Gazetteer
    from geo.geocoder import GazetteerGeocoder

    return GazetteerGeocoder(Gazetteer(gazetteer_path))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip that says it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data directory is not checked out here)")
    return path
