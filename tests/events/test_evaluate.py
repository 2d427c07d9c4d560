import math

import pytest

from events.evaluate import MAX_KM, Scores, auc


def test_evaluate_matches_by_midpoint_and_surface():
    gold = [{"start": 0, "end": 5, "name": "Kabul", "lat": 34.53, "lon": 69.17},
            {"start": 20, "end": 26, "name": "Kunduz", "lat": 36.73, "lon": 68.86},
            {"start": 40, "end": 45, "name": "Herat", "lat": None, "lon": None}]
    predicted = [{"start": 0, "end": 5, "name": "KABUL", "lat": 34.53, "lon": 69.17},
                 {"start": 20, "end": 33, "name": "Kunduz City", "lat": 36.73, "lon": 68.86},
                 {"start": 60, "end": 65, "name": "Paris", "lat": 48.85, "lon": 2.35}]
    s = Scores()
    s.add(gold, predicted)
    out = s.summary()
    assert (out["gold"], out["predicted"], out["matched"]) == (2, 3, 1)
    assert out["precision"] == pytest.approx(1 / 3) and out["recall"] == pytest.approx(1 / 2)
    assert out["acc161"] == 1.0 and out["median_km"] == pytest.approx(0.0, abs=0.01)


def test_evaluate_unresolved_match_counts_as_the_worst_error():
    s = Scores()
    s.add([{"start": 0, "end": 5, "name": "Kabul", "lat": 34.5, "lon": 69.2}],
          [{"start": 0, "end": 5, "name": "Kabul", "lat": None, "lon": None}])
    assert s.errors == [MAX_KM]


@pytest.mark.parametrize("errors, expected", [
    ([0.0, 0.0], 0.0),
    ([MAX_KM, MAX_KM], 1.0),
    ([0.0, MAX_KM], 0.5),
    ([160.0], math.log(161) / math.log(MAX_KM)),
])
def test_evaluate_auc(errors, expected):
    assert auc(errors) == pytest.approx(expected, rel=1e-4)
