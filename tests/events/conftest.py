"""The resolver over the real gazetteer, for the pipeline's tests."""
import pytest

from geoparse import Resolver


@pytest.fixture(scope="module")
def resolver(geocoder):
    return Resolver(geocoder)
