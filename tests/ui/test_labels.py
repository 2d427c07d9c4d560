"""What a map without tiles still says: labels of the event places and the towns near them."""
from tests.ui.frames import HOSTILE, frame, placed
from ui.basemap import build_map
from ui.escape import safe
from ui.labels import TOWNS_PER_CELL, labels, town_boxes, towns_near


def test_labels_labels_escape_place_and_town_names():
    out = labels(placed([(HOSTILE, 36.7, 68.8), ("Ghazni\n\n", 33.55, 68.42)]),
                 [("<b>${x}</b> {{ 7*7 }}", 35.0, 69.0, 10_000)])
    texts = [text for *_, text, _ in out]
    assert texts[0] == safe(" ".join(HOSTILE.split())) and "Ghazni" in texts  # one line, not three
    assert texts[-1] == safe("<b>${x}</b> {{ 7*7 }}")
    for text in texts:
        assert not any(c in text for c in "<>`${}\n") and "{{" not in text
    html = build_map(placed([(HOSTILE, 36.7, 68.8)]), towns=[("<img src=x onerror=alert(9)>", 35.0, 69.0, 10_000)],
                     outlines=False).get_root().render()
    assert "<img src=x" not in html and "${alert" not in html and "{{ 7*7 }}" not in html


def test_labels_labels_are_bounded_and_put_the_events_places_first():
    events = placed([(f"Place {i}", 30 + i / 100, 60 + i / 100) for i in range(300)] + [("Busy", 35.0, 65.0)] * 5)
    towns = [(f"Town {i}", 20 + i / 100, 50, 1000 + i) for i in range(500)]
    out = labels(events, towns, max_places=40, max_towns=30)
    kinds = [kind for *_, kind in out]
    assert kinds == ["place"] * 40 + ["town"] * 30
    assert out[0][2] == "Busy"  # the place with the most events
    assert out[40][2] == "Town 499"  # the most populous town


def test_labels_labels_name_a_place_once():
    events = placed([("Herat", 34.348, 62.2), ("Kandahar", 31.05, 65.71), ("Kandahar", 31.05, 65.71),
                     ("Kunduz", 36.73, 68.86)])
    towns = [("Herāt", 34.35, 62.2, 574_300),      # the event place, spelt otherwise
             ("Kandahār", 31.61, 65.71, 523_300),  # the same name, elsewhere: the event place's label stands
             ("Kunduz City", 36.73, 68.86, 161_000),  # at an event place's point
             ("Baghlān", 36.13, 68.71, 108_000)]
    assert [(text, kind) for *_, text, kind in labels(events, towns)] == [
        ("Kandahar", "place"), ("Herat", "place"), ("Kunduz", "place"), ("Baghlān", "town")]


def test_labels_towns_near_the_events_come_from_the_gazetteer_in_one_bounded_read(gazetteer_path):
    events = placed([("Kunduz", 36.73, 68.86), ("Kabul", 34.53, 69.17), ("Cali", 3.43, -76.52)])
    boxes = town_boxes(events)
    assert len(boxes) == 3
    towns = towns_near(events, gazetteer=gazetteer_path, limit=12)
    assert 0 < len(towns) <= min(12, 3 * TOWNS_PER_CELL)
    names = [name for name, *_ in towns]
    assert "Kabul" in names and len(set(names)) == len(names)
    assert [t[3] for t in towns] == sorted((t[3] for t in towns), reverse=True)
    assert all(any(s <= lat <= n and w <= lon <= e for s, w, n, e in boxes) for _, lat, lon, _ in towns)
    assert towns_near(events, gazetteer=gazetteer_path.with_name("absent.sqlite")) == []  # no gazetteer: no towns


def test_labels_largest_towns_reads_a_bounded_number_of_boxes_and_rows(gazetteer_path):
    from geo.gazetteer import MAX_TOWN_BOXES, largest_towns

    world = [(-90.0, -180.0, 90.0, 180.0)]
    assert len(largest_towns(world, path=gazetteer_path, per_box=500, limit=7)) == 7
    assert len(largest_towns(world, path=gazetteer_path, per_box=3)) == 3
    # boxes beyond the cap are not read: only the first (empty) ones are
    empty_then_world = [(0.0, 0.0, 0.001, 0.001)] * MAX_TOWN_BOXES + world
    assert largest_towns(empty_then_world, path=gazetteer_path) == []


def test_labels_town_boxes_cover_the_busiest_cells_widened():
    events = placed([("A", 36.73, 68.86)] * 3 + [("B", 3.43, -76.52)] + [("C", 89.9, 179.9)])
    assert town_boxes(events, cell=2.0) == [(35.0, 67.0, 39.0, 71.0), (1.0, -79.0, 5.0, -75.0),
                                            (87.0, 177.0, 90.0, 180.0)]
    assert len(town_boxes(events, cell=2.0, max_cells=1)) == 1
    assert town_boxes(frame(0)) == []
