"""End-to-end geoparsing scores, computed as the EUPEG benchmark does.

A predicted toponym matches a gold one when their span midpoints are less
than 10 characters apart and their surface strings are equal ignoring case;
only gold toponyms with coordinates count. Over matched pairs: accuracy
within 161 km, mean and median error, and the AUC of the error curve
(errors mapped to log(1 + km) / log(20039), trapezoidal area; lower is better).

Each gold corpus splits into two fixed halves by document id (:func:`half`):
"rules", where the geoparser's rules may be read and written, and "check", the
figure that counts. Both are development data: neither is held out.
"""
from __future__ import annotations

import hashlib
import json
import math
import statistics
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from geo.geocoder import distance_km

MAX_KM = 20039.0

#: The development halves of a gold corpus; "all" is both.
HALVES = ("rules", "check")

#: Published end-to-end figures (F1, acc@161, AUC), from ../shared/corpora/README.md.
PUBLISHED = {
    "lgl": {
        "Edinburgh Geoparser": (0.501, 0.819, 0.172),
        "CLAVIN": (0.573, 0.701, 0.262),
        "CamCoder": (0.654, 0.717, 0.248),
        "DBpedia Spotlight (best F1)": (0.713, None, None),
        "Stanford NER + population": (0.677, 0.590, 0.367),
        "spaCy NER + population": (0.423, 0.561, 0.381),
    },
    "geovirus": {
        "Edinburgh Geoparser": (0.678, 0.807, 0.319),
        "CLAVIN": (0.750, 0.786, 0.320),
        "CamCoder": (0.866, 0.770, 0.336),
        "Stanford NER + population": (0.915, 0.655, 0.378),
    },
}


def half(doc_id) -> str | None:
    """The half a gold document belongs to, fixed by its id alone: "check" where the first
    byte of the SHA-256 of ``str(doc_id)`` (UTF-8) is odd, else "rules"; None without an id.

    Stable across machines, Python versions and file order, and no list of ids is kept:
    LGL splits 279 rules / 309 check documents, GeoVirus 111 / 118.
    """
    if doc_id is None:
        return None
    return "check" if hashlib.sha256(str(doc_id).encode("utf-8")).digest()[0] & 1 else "rules"


@dataclass
class Scores:
    """Running totals over documents; :meth:`summary` gives the figures."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    errors: list[float] = field(default_factory=list)

    def add(self, gold: list[dict], predicted: list[dict]) -> None:
        """Score one document: gold toponyms and predicted places (start, end, name, lat, lon)."""
        gold = [g for g in gold if g.get("lat") is not None and g.get("lon") is not None]
        self.gold += len(gold)
        self.predicted += len(predicted)
        used = set()
        for p in predicted:
            mid = (p["start"] + p["end"]) / 2
            surface = p["name"].lower()
            for k, g in enumerate(gold):
                if k in used or g["name"].lower() != surface:
                    continue
                if abs((g["start"] + g["end"]) / 2 - mid) < 10:
                    used.add(k)
                    self.matched += 1
                    if p.get("lat") is None:
                        self.errors.append(MAX_KM)
                    else:
                        self.errors.append(distance_km(g["lat"], g["lon"], p["lat"], p["lon"]))
                    break

    def summary(self) -> dict:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        errs = sorted(self.errors)
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": precision, "recall": recall, "f1": f1,
            "acc161": sum(e < 161 for e in errs) / len(errs) if errs else 0.0,
            "auc": auc(errs),
            "mean_km": statistics.fmean(errs) if errs else 0.0,
            "median_km": statistics.median(errs) if errs else 0.0,
        }


def auc(errors: list[float]) -> float:
    """Area under the curve of sorted, log-scaled errors (0 perfect, 1 worst)."""
    if not errors:
        return 0.0
    scaled = [math.log(1 + min(e, MAX_KM)) / math.log(MAX_KM) for e in sorted(errors)]
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:]))
    return area / (len(scaled) - 1)


def report(summary: dict, *, corpus: str | None = None) -> str:
    """The scores beside the published figures for the corpus, as a text table."""
    lines = [
        f"gold toponyms {summary['gold']:,}  predicted {summary['predicted']:,}  "
        f"matched {summary['matched']:,}",
        f"{'system':32} {'P':>6} {'R':>6} {'F1':>6} {'acc@161':>8} {'AUC':>6} {'mean km':>8} {'median km':>9}",
        f"{'Sitrep':32} {summary['precision']:6.3f} {summary['recall']:6.3f} {summary['f1']:6.3f} "
        f"{summary['acc161']:8.3f} {summary['auc']:6.3f} {summary['mean_km']:8.0f} {summary['median_km']:9.1f}",
    ]
    for name, (f1, acc, a) in PUBLISHED.get(corpus or "", {}).items():
        fmt = lambda v, w: f"{v:{w}.3f}" if v is not None else " " * (w - 1) + "-"
        lines.append(f"{name + ' (published)':32} {'':>6} {'':>6} {fmt(f1, 6)} {fmt(acc, 8)} {fmt(a, 6)}")
    return "\n".join(lines)


def gold_lines(lines: Iterable[bytes | str], golds: dict[int, list], *,
               which: str = "all") -> Iterator[bytes | str]:
    """The lines to geoparse from gold JSON Lines, each ``{"id", "text"}`` only, keeping each
    one's gold toponyms in ``golds`` under its number among the lines yielded (from 1, as
    :func:`events.runner.geoparse_lines` numbers them). ``which``: "all", or one of
    :data:`HALVES`, which skips the other half's documents and every line without an id.
    With "all" a line that is not a JSON object (a blank one too) goes on as it is, for the
    geoparser to report (or pass over) under its number in the file."""
    from events import jsonl
    from parsing.exc import ArticleError

    if which != "all" and which not in HALVES:
        raise ValueError(f"no such half: {which!r} (all, {', '.join(HALVES)})")
    number = 0
    for line in lines:
        try:
            rec = jsonl.value(line)
            if which != "all" and half(rec.get("id")) != which:
                continue
            number += 1
            golds[number] = rec.get("toponyms") or []
            # Keep only what scoring needs from each gold line; the text goes to the workers.
            yield json.dumps({"id": rec.get("id"), "text": rec.get("text", "")})
        except (ArticleError, AttributeError):
            if which != "all":
                continue
            number += 1
            golds[number] = []
            yield line


def evaluate(lines: Iterable[str], *, which: str = "all", jobs: int | None = None,
             gazetteer_path: str | None = None,
             progress: Callable[[int], None] | None = None) -> Scores:
    """Geoparse gold JSON Lines (``../shared/corpora/`` format) and score them end to end;
    ``which`` chooses a half (see :func:`gold_lines`). ``progress(words)`` after each article."""
    from events.runner import geoparse_lines

    golds: dict[int, list] = {}
    scores = Scores()
    for outcome in geoparse_lines(gold_lines(lines, golds, which=which), jobs=jobs,
                                  gazetteer_path=gazetteer_path):
        if outcome.record is None:
            continue
        scores.add(golds.pop(outcome.line, []), outcome.record["places"])
        if progress is not None:
            progress(outcome.words)
    return scores
