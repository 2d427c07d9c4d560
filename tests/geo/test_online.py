"""The opt-in online fallback, against a loopback server speaking Nominatim's JSON."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geo import gazetteer as gz
from geo.exc import ConfigError, OnlineGeocoderError
from geo.geocoder import GazetteerGeocoder
from geo.online import OnlineFallback, from_env, make_provider
from geo.place import Place

HAMLET = {
    "place_id": 1, "lat": "37.19", "lon": "68.60", "display_name": "Hamletabad, Kunduz, Afghanistan",
    "name": "Hamletabad", "class": "place", "type": "village", "addresstype": "village",
    "address": {"village": "Hamletabad", "state": "Kunduz", "country_code": "af"},
}


class Nominatim(BaseHTTPRequestHandler):
    requests: list = []
    fail = False

    def do_GET(self):
        url = urlparse(self.path)
        q = parse_qs(url.query)
        type(self).requests.append((q, self.headers.get("User-Agent"), time.monotonic()))
        if type(self).fail:
            self.send_response(500)
            self.end_headers()
            return
        body = [HAMLET] if q.get("q", [""])[0].lower() == "hamletabad" else []
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Nominatim.requests = []
    Nominatim.fail = False
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Nominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()


@pytest.fixture
def fallback(server, tmp_path):
    provider = make_provider("nominatim", user_agent="sitrep-tests",
                             domain=f"127.0.0.1:{server.server_port}", scheme="http")
    return OnlineFallback(provider, cache_path=tmp_path / "online.sqlite", provider_name="nominatim")


def test_online_answer_becomes_a_place_and_sends_the_user_agent(fallback):
    place = fallback.geocode("Hamletabad", country="AF")
    assert (place.name, place.kind, place.country_code, place.admin1) == ("Hamletabad", "populated place", "AF", "Kunduz")
    assert (place.lat, place.lon, place.source) == (37.19, 68.6, "online:nominatim")
    (query, agent, _), = Nominatim.requests
    assert agent == "sitrep-tests"
    assert query["countrycodes"] == ["af"]


def test_online_answers_are_cached_across_instances(fallback, tmp_path, server):
    assert fallback.geocode("Hamletabad") is not None
    assert fallback.geocode("hamletabad") is not None
    assert fallback.calls == 1 and len(Nominatim.requests) == 1
    again = OnlineFallback(fallback.provider, cache_path=tmp_path / "online.sqlite", provider_name="nominatim")
    assert again.geocode("Hamletabad").name == "Hamletabad"
    assert again.calls == 0 and len(Nominatim.requests) == 1


def test_online_not_found_is_cached_too(fallback):
    assert fallback.geocode("Nowhere At All") is None
    assert fallback.geocode("Nowhere At All") is None
    assert len(Nominatim.requests) == 1


def test_online_errors_are_raised_not_cached(fallback):
    Nominatim.fail = True
    with pytest.raises(OnlineGeocoderError, match="nominatim failed for 'Hamletabad'"):
        fallback.geocode("Hamletabad")
    Nominatim.fail = False
    assert fallback.geocode("Hamletabad") is not None  # asked again: the failure was not cached


def test_online_calls_are_at_least_a_second_apart(server, tmp_path):
    # timed where the calls leave, not where the server's threads get to them (late under load)
    provider = make_provider("nominatim", user_agent="sitrep-tests",
                             domain=f"127.0.0.1:{server.server_port}", scheme="http")
    starts, real = [], provider.geocode

    def timed(*args, **kwargs):
        starts.append(time.monotonic())
        return real(*args, **kwargs)

    provider.geocode = timed
    fallback = OnlineFallback(provider, cache_path=tmp_path / "online.sqlite", provider_name="nominatim")
    fallback.geocode("Hamletabad")
    fallback.geocode("Elsewhere")
    assert len(Nominatim.requests) == 2  # both reached the server
    assert starts[1] - starts[0] >= 0.99


class _Stub:
    def geocode(self, *args, **kwargs):
        return None


@pytest.mark.parametrize("make, message", [
    (lambda: make_provider("nominatim", user_agent=""), "needs a user agent"),
    (lambda: make_provider("no-such-service", user_agent="x"), "unknown online geocoder"),
    (lambda: OnlineFallback(_Stub(), cache_path="unused", min_delay_seconds=0.1),
     "at most once a second"),
])
def test_online_misconfiguration_is_a_clear_error(make, message):
    with pytest.raises(ConfigError, match=message):
        make()


def test_online_is_off_unless_configured(monkeypatch, tmp_path, server):
    monkeypatch.delenv("SITREP_ONLINE_GEOCODER", raising=False)
    assert from_env(cache_path=tmp_path / "c.sqlite") is None
    monkeypatch.setenv("SITREP_ONLINE_GEOCODER", "nominatim")
    monkeypatch.setenv("SITREP_USER_AGENT", "sitrep-tests")
    monkeypatch.setenv("SITREP_ONLINE_DOMAIN", f"127.0.0.1:{server.server_port}")
    monkeypatch.setenv("SITREP_ONLINE_SCHEME", "http")
    fb = from_env(cache_path=tmp_path / "c.sqlite")
    assert fb.geocode("Hamletabad").country_code == "AF"


def test_online_fallback_answers_only_what_the_gazetteer_lacks(fallback, tmp_path):
    kabul = Place(name="Kabul", kind="populated place", country_code="AF", lat=34.53, lon=69.17,
                  population=3_000_000, source="test")
    geocoder = GazetteerGeocoder(gz.Gazetteer(gz.create(tmp_path / "g.sqlite", [kabul])), fallback=fallback)
    assert geocoder.geocode("Kabul").raw["source"] == "test"
    assert Nominatim.requests == []
    loc = geocoder.geocode("Hamletabad")
    assert loc.raw["source"] == "online:nominatim" and loc.raw["admin1"] == "Kunduz"


@pytest.mark.slow
def test_online_through_the_cli(server, tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    gaz = gz.create(tmp_path / "g.sqlite", [])
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-m", "geo", "geocode", "Hamletabad", "--json", "--gazetteer", str(gaz),
         "--online", "nominatim", "--user-agent", "sitrep-tests",
         "--online-domain", f"127.0.0.1:{server.server_port}", "--online-scheme", "http"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["source"] == "online:nominatim"
    no_agent = subprocess.run(
        [sys.executable, "-m", "geo", "geocode", "Hamletabad", "--gazetteer", str(gaz), "--online", "nominatim"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert no_agent.returncode == 1 and "needs a user agent" in no_agent.stderr
