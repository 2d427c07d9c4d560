"""Points for places the gazetteer lacks from the text's distance cues: "50 kilometres north
of Kunduz City" puts the unresolved name of its sentence there, with kind "estimated"
(geoparse's own rough points come from the places named beside a name, :mod:`geoparse.estimates`)."""
from __future__ import annotations

import bisect
from dataclasses import replace

from events.analysis import TextAnalysis
from geo.geometry import BEARINGS, destination
from geo.names import normalize, split_designator
from geo.place import Kind
from geoparse import ResolvedPlace
from parsing.articles import Article


def _estimates(article: Article, analysis: TextAnalysis, by_span) -> dict[str, ResolvedPlace]:
    """Points for unresolved names from "N km (direction) from PLACE" in their sentence."""
    out: dict[str, ResolvedPlace] = {}
    # A name's point comes from the first cue (in order) that has one of its mentions before it in
    # its sentence, and from the first such mention. Each name is read once: once it has a point,
    # its mentions are skipped (``alive[i]``: the first mention from the i-th on whose name has
    # none), not read again for every later cue.
    unresolved = sorted((p for p in analysis.places if p.kind == Kind.UNRESOLVED), key=lambda p: p.start)
    starts = [p.start for p in unresolved]
    keys = [split_designator(normalize(p.name))[0] for p in unresolved]
    at_key: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        at_key.setdefault(key, []).append(i)
    alive = list(range(len(unresolved) + 1))

    def next_alive(i: int) -> int:
        root = i
        while alive[root] != root:
            root = alive[root]
        while alive[i] != root:
            alive[i], i = root, alive[i]
        return root

    for cue in analysis.cues:
        anchor = by_span.get(cue.anchor)
        if anchor is None or anchor.lat is None or cue.bearing not in BEARINGS:
            continue
        i = next_alive(bisect.bisect_left(starts, cue.sentence_start))
        while i < len(unresolved) and starts[i] < cue.anchor[0]:
            p = unresolved[i]
            lat, lon = destination(anchor.lat, anchor.lon, BEARINGS[cue.bearing], cue.km)
            out[keys[i]] = replace(
                p, lat=lat, lon=lon, kind=Kind.ESTIMATED, country_code=anchor.country_code,
                admin1=anchor.admin1, admin1_code=anchor.admin1_code, admin2=None, resolved_name=p.name,
                confidence=0.5, estimated_from=anchor.resolved_name or anchor.name,
                runner_up=f"{cue.km:g} km {cue.bearing} of {anchor.resolved_name}")
            for k in at_key[keys[i]]:
                alive[k] = k + 1
            i = next_alive(i)
    return out


def with_estimates(article: Article, analysis: TextAnalysis) -> TextAnalysis:
    """The analysis with unresolved places put where the text's distance cues say they are."""
    by_span = {(p.start, p.end): p for p in analysis.places}
    estimates = _estimates(article, analysis, by_span)
    if not estimates:
        return analysis
    places = []
    for p in analysis.places:
        est = estimates.get(split_designator(normalize(p.name))[0]) if p.kind == Kind.UNRESOLVED else None
        places.append(replace(est, start=p.start, end=p.end, name=p.name, sentence=p.sentence)
                      if est is not None else p)
    return replace(analysis, places=places)
