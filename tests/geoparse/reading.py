"""Short texts read by the real spaCy model and resolved, as the geoparser's command line does."""
from parsing.read import read


def places(resolver, text):
    """The places a text names, in text order, with those named inside organisations' names (role
    "context"), as ``python -m events geoparse`` lists them (a short text is read whole)."""
    (reading,) = read([text], known=resolver.known, piece_chars=max(len(text), 1))
    found = resolver.resolve(text, reading.mentions)
    return sorted([p for p in found if p.role == "place"] + [p for p in found if p.role != "place"],
                  key=lambda p: p.start)


def admin1_of(resolver, text, names):
    """{name: the admin1 it resolved in} for the given names (None where not found)."""
    got = {p.name: p.admin1 for p in places(resolver, text)}
    return {name: got.get(name) for name in names}
