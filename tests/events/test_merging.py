"""One happening reported twice in an article is one event (real spaCy model, real gazetteer)."""
from tests.events.reading import events


def test_merging_one_happening_twice_is_one_event_with_both_claimants(resolver):
    text = ("Mariam Sadat, a council member, said militants captured Taloqan on Monday.\n\n"
            "Speaking on condition of anonymity, an army officer confirmed the takeover of Taloqan.")
    (event,) = [e for e in events(resolver, text) if e.sub_event_type == "Non-state actor overtakes territory"]
    assert event.corroborations == 2 and event.claimant.startswith("Mariam Sadat")
    assert event.claimant_role.startswith("council member")


def test_merging_a_town_and_its_airport_are_one_happening_at_the_airport(resolver):
    text = ("Taliban fighters shelled Kabul on Monday, officials said.\n\n"
            "A police spokesman said Taliban fighters shelled Kabul International Airport on Monday.")
    (event,) = events(resolver, text)
    assert event.location == "Kabul International Airport" and event.corroborations == 2


def test_merging_two_unknown_places_put_at_one_point_stay_two_events(resolver):
    text = ("On 3 May 2021, gunmen killed two farmers in Zzyxqabad. On 3 May 2021, gunmen killed two farmers "
            "in Qqyzzabad.\n\nOfficials in Kunduz and Taloqan condemned the killings.")
    found = events(resolver, text)
    assert len(found) == 2 and {e.geo_precision for e in found} == {3}
