"""Event extraction scored against ACLED-coded descriptions (``python -m events evaluate-events``).

Each line of the gold file is one description with ACLED's coding
(``text``, ``event_date``, ``event_type``, ``sub_event_type``, ``actor1``,
``admin1``, ``latitude``, ``longitude``, optional ``published``). The primary
event of a description is the first event Sitrep extracts from it (in text
order). Measures, per description: the primary event within 25 km of the
coded location, admin1 equal (compared loosely: case, accents, "Province"),
event date equal, event type and sub-event type equal, actor1 equal to the
coded actor1 or its part before a colon.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from geo.geocoder import distance_km
from geo.names import normalize

TARGETS = {"within_25km": 0.75, "admin1": 0.92, "event_date": 0.95, "event_type": 0.85,
           "sub_event_type": 0.70}
#: Measured here: spaCy NER plus the most populous match for the first place.
BASELINE = {"within_25km": 0.33}
_UNIT_WORDS = {"province", "region", "state", "governorate", "oblast", "district", "county", "department",
               "city", "special", "prefecture", "division", "municipality"}


def loose(name: str | None) -> str:
    """A name compared loosely: folded, without unit words ("Kunar Province" = "kunar")."""
    words = [w for w in normalize(name or "").split() if w not in _UNIT_WORDS]
    return " ".join(words)


@dataclass
class EventScores:
    n: int = 0
    hits: dict = field(default_factory=lambda: {k: 0 for k in
                                                 ("within_25km", "admin1", "event_date", "event_type",
                                                  "sub_event_type", "actor1", "found")})

    def add(self, gold: dict, event: dict | None) -> None:
        self.n += 1
        if event is None:
            return
        h = self.hits
        h["found"] += 1
        if event.get("latitude") is not None and gold.get("latitude") is not None:
            h["within_25km"] += distance_km(gold["latitude"], gold["longitude"],
                                            event["latitude"], event["longitude"]) <= 25
        h["admin1"] += bool(gold.get("admin1")) and loose(event.get("admin1")) == loose(gold["admin1"])
        h["event_date"] += event.get("event_date") == gold.get("event_date")
        h["event_type"] += event.get("event_type") == gold.get("event_type")
        h["sub_event_type"] += event.get("sub_event_type") == gold.get("sub_event_type")
        coded = (gold.get("actor1") or "")
        h["actor1"] += bool(event.get("actor1")) and loose(event["actor1"]) in (
            loose(coded), loose(coded.split(":")[0]), loose(coded.split(" (")[0]))

    def summary(self) -> dict:
        return {k: v / self.n if self.n else 0.0 for k, v in self.hits.items()} | {"descriptions": self.n}


def report(summary: dict) -> str:
    lines = [f"descriptions {summary['descriptions']:,}; an event extracted from {summary['found']:.0%}",
             f"{'measure':18} {'Sitrep':>7} {'target':>7} {'baseline':>9}"]
    for key in ("within_25km", "admin1", "event_date", "event_type", "sub_event_type", "actor1"):
        target = TARGETS.get(key)
        base = BASELINE.get(key)
        lines.append(f"{key:18} {summary[key]:7.3f} {(f'{target:.2f}' if target else '-'):>7} "
                     f"{(f'{base:.2f}' if base else '-'):>9}")
    return "\n".join(lines)


def _chunk(lines: list[tuple[int, bytes]]) -> list[tuple[int, dict | None, dict | None]]:
    from events import jsonl
    from events.pipeline import analyse
    from events.runner import worker
    from parsing.articles import ArticleError, from_record

    resolver, nlp = worker()
    out, arts = [], []
    for number, line in lines:
        try:
            gold = jsonl.value(line)
            arts.append((number, gold, from_record({"id": str(number), **gold})))
        except (ArticleError, TypeError):
            out.append((number, None, None))
    for (number, gold, _), a in zip(arts, analyse([a for _, _, a in arts], resolver=resolver, nlp=nlp)):
        primary = a.events[0].as_dict() if a.events else None
        out.append((number, gold, primary))
    return out


def evaluate(lines, *, jobs: int | None = None, gazetteer_path: str | None = None,
             progress=None) -> EventScores:
    """Scores over an iterable of gold JSON lines."""
    from events.runner import numbered_chunks, ordered_map

    scores = EventScores()
    for results in ordered_map(_chunk, numbered_chunks(lines, 8), jobs=jobs, gazetteer_path=gazetteer_path):
        for _, gold, event in results:
            if gold is not None:
                scores.add(gold, event)
                if progress:
                    progress(len(gold.get("text", "").split()))
    return scores
