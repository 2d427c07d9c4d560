"""Geoparsing: resolve the places an article names, each in the article's context.

Mentions come from :mod:`parsing.places`; each distinct name gets its gazetteer candidates
(:meth:`geo.GazetteerGeocoder.candidates`, :mod:`geoparse.candidates`), which are then re-ranked
(:mod:`geoparse.ranking`) with evidence from the whole article:

* the article's dominant country (votes of every mention, demonyms and
  organisations named after places; :mod:`geoparse.evidence`);
* containment cues: "Bangi in the northern Takhar Province", "Alexandria,
  Louisiana" make the following unit a hint for the preceding name (:mod:`geoparse.cues`);
* co-location: a town and a county (or district) named in one article,
  where a reading of the town lies in a reading of the county ("Paris and
  Henry County"), favour those readings of both;
* neighbours: readings of two names that lie within tens of kilometres of
  each other ("Alexandria and Pineville", in Louisiana) favour each other;
* lists: a name listed among provinces or states ("Oregon, Washington and
  California") is read as one;
* holders: the unit after a town ("Atlanta, Georgia") is read as the unit
  that holds it (the state, not the country);
* proximity to places already resolved with confidence.

Repeated mentions of one name resolve alike. A name the gazetteer lacks is
kept with kind "unresolved", at a rough point where the text gives one
(:mod:`geoparse.estimates`). :class:`Resolver` (:mod:`geoparse.resolver`) reads one article's
mentions; reading the text is :mod:`parsing`'s, and running both over articles is
:mod:`events.analysis`'s.
"""
from geoparse.records import ResolvedPlace
from geoparse.resolver import Resolver

__all__ = ["ResolvedPlace", "Resolver"]
