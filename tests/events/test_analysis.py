"""The driver: texts read by parsing and resolved by geoparse (real spaCy model, real gazetteer)."""
from events.analysis import analyse_docs, geoparse_docs


def places(resolver, text):
    (found,) = geoparse_docs([text], resolver=resolver)
    return found


def test_analysis_long_text_is_read_in_pieces_with_right_offsets(resolver):
    filler = "Nothing happened here today. " * 5000
    text = filler + "Fighting erupted in Kunduz on Monday."
    found = places(resolver, text)
    (kunduz,) = [p for p in found if p.name == "Kunduz"]
    assert text[kunduz.start:kunduz.end] == "Kunduz" and kunduz.start > 100_000


def test_analysis_context_toponyms_are_never_event_places(resolver):
    (analysis,) = analyse_docs(["A spokesman for the California Department of Public Health said "
                                "cases rose in Fresno."], resolver=resolver)
    assert [p.name for p in analysis.places] == ["Fresno"]
    assert [(p.name, p.kind) for p in analysis.named_after] == [("California", "admin1")]
