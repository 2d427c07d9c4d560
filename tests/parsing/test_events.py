"""Event mentions on short texts of our own, through the real spaCy model."""
import random
from dataclasses import fields

import pytest

from parsing.events import (_DISTANCE_BEFORE, _FATAL, Actor, DistanceCue, EventMention, _undropped, distance_cues,
                            find_events)
from parsing.lexicon import ActorKind
from parsing.nlp import load
from parsing.places import PlaceFinder, mentions

KNOWN = {"kunduz", "kunduz city", "herat", "tajikistan", "brussels", "ankara", "mosul", "lviv", "lagos",
         "kabul", "taloqan", "takhar", "takhar province", "bangi", "khwaja ghar"}


@pytest.fixture(scope="module")
def nlp():
    return load()


def events(nlp, text):
    doc = PlaceFinder(lambda name: 10.0 if name.lower() in KNOWN else 0.0)(nlp(text))
    ms = mentions(doc)
    return [(e, [text[s:x] for s, x in e.places]) for e in find_events(doc, ms)], distance_cues(doc, ms)


@pytest.mark.parametrize("text, etype, sub", [
    ("Islamic State fighters seized the town of Mosul on Monday.", "Battles", "Non-state actor overtakes territory"),
    ("Government forces retook Taloqan from the militants.", "Battles", "Government regains territory"),
    ("Heavy fighting broke out in Kunduz overnight.", "Battles", "Armed clash"),
    ("A drone strike hit a compound near Herat.", "Explosions/Remote violence", "Air/drone strike"),
    ("Artillery shelling hit Lviv on Sunday.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded in Kabul.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a checkpoint in Kabul.", "Explosions/Remote violence", "Suicide bomb"),
    ("Gunmen abducted five teachers in Lagos.", "Violence against civilians", "Abduction/forced disappearance"),
    ("Hundreds of teachers protested in Lagos against unpaid wages.", "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters in Lagos.", "Protests", "Protest with intervention"),
    ("Rioters torched shops in Lagos.", "Riots", "Violent demonstration"),
    ("Police arrested two suspects in Kabul.", "Strategic developments", "Arrests"),
    ("Turkey agreed to guard the airport in Kabul.", "Strategic developments", "Agreement"),
    # air strikes together with ground fighting: ACLED codes the armed clash
    ("Afghan forces conducted raids and airstrikes on Taliban positions in Kunduz.", "Battles", "Armed clash"),
    ("Warplanes struck a market in Herat.", "Explosions/Remote violence", "Air/drone strike"),
    # harm done by gunmen, no security force or armed group in sight: an attack on civilians
    ("Gunmen shot and killed a shopkeeper in Lagos.", "Violence against civilians", "Attack"),
    ("Gunmen attacked a police checkpoint in Lagos.", "Battles", "Armed clash"),
    ("Taliban militants attacked a district centre in Kunduz.", "Battles", "Armed clash"),
    # a capitalised "No" is part of a name, not a denial
    ("People, including 'No Vax' supporters, took to the streets in Padua.", "Protests", "Peaceful protest"),
    ("Shoot-outs took place in the West Zone of Rio de Janeiro.", "Battles", "Armed clash"),
    ("The four people were physically assaulted in Kunduz.", "Violence against civilians", "Attack"),
])
def test_events_sentences_get_acleds_type_and_sub_type(nlp, text, etype, sub):
    found, _ = events(nlp, text)
    assert [(e.event_type, e.sub_event_type) for e, _ in found][:1] == [(etype, sub)]


@pytest.mark.parametrize("text", [
    "The army said it would soon launch an offensive to retake Kunduz.",
    "Officials warned that militants could attack Herat.",
    "The world will not accept the Taliban seizing Kabul.",
    "Residents returned to the captured area.",
    "No protest took place in Kunduz.",
])
def test_events_intentions_and_hypotheticals_are_not_events(nlp, text):
    assert events(nlp, text)[0] == []


@pytest.mark.parametrize("text", [
    "Police clashed with fighters, who are from Kabul, in the town of Kunduz on Monday.",
    "Migrant workers from Kabul threw stones at police in the town of Kunduz on Monday.",
])
def test_events_where_people_are_from_is_not_where_it_happened(nlp, text):
    (_, places), = events(nlp, text)[0]
    assert places == ["Kunduz"]


def test_events_one_sentence_lists_its_places_but_not_references(nlp):
    text = ("Militants captured the town, about 50 kilometers north of Kunduz City, and fighters "
            "crossed the border into Tajikistan, officials told a meeting in Brussels.")
    (_, places), cues = events(nlp, text)[0][0], events(nlp, text)[1]
    assert places == []  # a distance reference, the far side of a border, a meeting place
    assert [(c.km, c.bearing, text[c.anchor[0]:c.anchor[1]]) for c in cues] == [(50.0, "north", "Kunduz City")]


def test_events_actors_before_and_after_the_trigger(nlp):
    (event, places), = events(nlp, "On Monday, Afghan government forces retook the two districts of "
                                   "Bangi and Khwaja Ghar in the northern Takhar Province from Taliban militants.")[0]
    assert (event.actor1.kind, event.actor1.adjective) == ("military", "Afghan")
    assert event.actor2.text == "Taliban"
    assert event.actor1.kind is ActorKind.MILITARY and event.actor2.kind is ActorKind.NAMED_GROUP
    assert places == ["Bangi", "Khwaja Ghar", "Takhar Province"]
    assert event.date_text == "Monday"


@pytest.mark.parametrize("text, n", [
    ("Clashes in Kunduz left 14 soldiers dead.", 14),
    ("A bomb in Kabul killed three people.", 3),
    ("Fighting continued in Kunduz.", None),
])
def test_events_fatalities_where_the_text_states_them(nlp, text, n):
    (event, _), = events(nlp, text)[0]
    assert event.fatalities == n


@pytest.mark.parametrize("text, sub", [
    ("Russian forces fired on Ukrainian positions near Lviv.", "Armed clash"),
    ("Residents blocked the road in Lagos to demand water.", "Peaceful protest"),
    ("The body of a man was found in Lagos.", "Attack"),
    ("Soldiers were deployed in Herat on Monday.", "Change to group/activity"),
    ("A shoot-out between gunmen broke out in Lagos.", "Armed clash"),        # hyphenated triggers
    ("Fighters fired a rocket-propelled grenade at a checkpoint in Herat.", "Shelling/artillery/missile attack"),
    ("Youths petrol bombed two buses in Lagos.", "Violent demonstration"),
    ("A suspected thief was beaten up by a crowd in Lagos.", "Mob violence"),
    ("Troops broke into a farm near Herat and set fire to the crops.", "Looting/property destruction"),
    ("Government forces thwarted an incursion near Kunduz.", "Armed clash"),
    ("Gunmen shot a teacher in Lagos on Monday.", "Attack"),  # harm by gunmen alone
    ("Soldiers targeted the village with machine guns near Herat.", "Armed clash"),
])
def test_events_more_of_acleds_wording(nlp, text, sub):
    found, _ = events(nlp, text)
    assert [e.sub_event_type for e, _ in found][:1] == [sub]


def test_events_a_dismissal_is_not_gunfire(nlp):
    assert events(nlp, "The minister was fired in Kabul on Monday.")[0] == []


@pytest.mark.parametrize("text, attributive, places", [
    ("US forces shelled positions in Kunduz.", ["US"], ["US", "Kunduz"]),
    # whose something is that acts abroad: never where it happened
    ("The Tajikistan-backed militia attacked a post in Kunduz.", [], ["Kunduz"]),
    ("Protesters marched in Lagos against the high US dollar rate.", [], ["Lagos"]),
    ("Rioters angry at the US dollar rate blocked roads.", [], []),
    ("Protesters gathered outside the Turkish embassy.", [], []),
    ("Militants attacked a checkpoint in Kunduz on Monday.", [], ["Kunduz"]),
])
def test_events_places_named_as_modifiers_are_marked(nlp, text, attributive, places):
    (event, _), = events(nlp, text)[0]
    assert [text[s:e] for s, e in event.attributive] == attributive
    assert [text[s:e] for s, e in event.places] == places


def test_events_a_sentence_without_a_date_takes_its_paragraphs_latest(nlp):
    text = ("On 3 May 2021, fighters planned an assault on Kunduz. Two soldiers were killed in Kunduz.\n\n"
            "Three civilians were wounded in Herat.")
    found, _ = events(nlp, text)
    assert [e.date_texts[:1] for e, _ in found] == [("3 May 2021",), ()]


def test_events_a_full_date_with_its_day_comes_before_a_month(nlp):
    (event, _), = events(nlp, "Around 22 April 2022, rebels shelled Kunduz, as in April 2022 before.")[0]
    assert event.date_texts[0] == "22 April 2022"


@pytest.mark.parametrize("text, sub", [
    ("Hundreds of teachers protested in Lagos. Police dispersed the crowd with batons.", "Protest with intervention"),
    ("Teachers protested in Lagos on Monday; 26 were arrested.", "Protest with intervention"),
    ("Journalists protested in Lagos against the arrest of an editor who was detained last week.",
     "Peaceful protest"),
    ("Hundreds of teachers protested in Lagos.\n\nPolice arrested two robbers in Kabul.", "Peaceful protest"),
])
def test_events_a_protest_the_authorities_broke_up_is_one_with_intervention(nlp, text, sub):
    found, _ = events(nlp, text)
    assert found[0][0].sub_event_type == sub


@pytest.mark.parametrize("text, number", [
    ("At least 12 people were killed in the attack.", "12"),
    ("Some 1,200 civilians have been killed since May.", "1,200"),
    ("five soldiers and two police officers died", "five"),
    ("The clashes left 30 dead.", "30"),
    ("3 people lost their lives", "3"),
    ("No one was hurt.", None),
    ("Route 12 was closed; 3 people were injured.", None),
])
def test_events_fatalities_are_the_number_before_killed_or_dead(text, number):
    found = _FATAL.search(text)
    assert (found.group(1) if found else None) == number


@pytest.mark.parametrize("before, km, bearing", [
    ("about 50 km north of ", "50", "north"),
    ("some 12.5 kilometres from the ", "12.5", None),
    ("a village 5km south-east of ", "5", "south-east"),
    ("50 km (31 miles) west of the ", "50", "west"),
    ("80 kilometers (50mi) from ", "80", None),
    ("about 120  km  north  of ", "120", "north"),
    ("7 miles (11.3) east of ", "7", "east"),
    ("50 km (31) north of ", "50", "north"),
])
def test_events_a_distance_before_a_place_reads_its_number_and_bearing(before, km, bearing):
    found = _DISTANCE_BEFORE.search(before)
    assert found and (found.group(1), found.group(2)) == (km, bearing)


@pytest.mark.parametrize("before", ["50 km in ", "km north of ", "50 km (north of ", "in 2021 north of "])
def test_events_no_distance_without_a_number_and_a_unit(before):
    assert _DISTANCE_BEFORE.search(before) is None


def test_events_a_group_named_again_by_its_fighters_is_one_actor():
    # _undropped gives what dropping from the list as each drop comes gave
    rnd = random.Random(21)
    for _ in range(300):
        found, kept = [], []
        for p in range(rnd.randint(0, 30)):
            if rnd.random() < 0.3:
                j, group = rnd.randint(0, p), rnd.choice(["Taliban", "ISIS"])
                found.append((None, (j, group)))
                kept = [(q, a) for q, a in kept if not (a.kind == "named group" and a.text == group and q >= j)]
            else:
                actor = Actor(rnd.choice(["Taliban", "ISIS", "troops"]), rnd.choice(["named group", "military"]))
                found.append((p, actor))
                kept.append((p, actor))
        assert _undropped(found) == kept


def _moved(record, shifted) -> set[str]:
    return {f.name for f in fields(record) if getattr(record, f.name) != getattr(shifted, f.name)}


def test_events_shifting_an_event_moves_every_offset_and_every_place():
    e = EventMention(event_type="Battles", sub_event_type="Armed clash", trigger="clashes", trigger_start=12,
                     sentence_start=5, sentence_end=40, actor1=Actor("troops", "military"), places=((20, 26),),
                     near=((20, 26),), attributive=((30, 32),), date_texts=("Monday",), fatalities=3)
    moved = e.shifted(100)
    assert (moved.trigger_start, moved.sentence_start, moved.sentence_end, moved.places, moved.near,
            moved.attributive) == (112, 105, 140, ((120, 126),), ((120, 126),), ((130, 132),))
    # every field but the words, the actors, the dates and the count is an offset
    assert {f.name for f in fields(e)} - _moved(e, moved) == {
        "event_type", "sub_event_type", "trigger", "actor1", "actor2", "date_texts", "fatalities"}
    assert e.shifted(0) is e


def test_events_shifting_a_distance_cue_moves_its_sentence_and_anchor():
    cue = DistanceCue(sentence_start=5, km=50.0, bearing="north", anchor=(20, 26))
    assert cue.shifted(100) == DistanceCue(sentence_start=105, km=50.0, bearing="north", anchor=(120, 126))
    assert _moved(cue, cue.shifted(100)) == {"sentence_start", "anchor"} and cue.shifted(0) is cue
