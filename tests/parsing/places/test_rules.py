"""Which rule found a mention: the typed record and the labels it is written as."""
import pytest

from parsing.places import PlaceFinder, mentions
from parsing.places.rules import Reason, Rule, Source
from tests.parsing.places.handmade import doc, known

# Every label the finder writes (NER's labels with and without ">part", each pass's).
LABELS = ["GPE", "LOC", "GPE>part", "LOC>part", "FAC", "NORP>unit", "NORP>cue", "DEMONYM", "NAMED-ORG",
          "NAMED-ORG>part", "PERSON>designator", "ORG>designator", "PERSON>cue", "ORG>cue", "PERSON>town-name",
          "ORG>town-name", "ORG>place-named", "ORG>place-named>part", "PROPAGATED", "LIST>designator",
          "LIST>paired", "LIST>coordinated", "LIST>districts of", "LIST>towns of>part", "GAZETTEER",
          "GAZETTEER>part", "GAZETTEER>major", "ASIDE>head", "ASIDE>unit", "CHAIN", "PARTY-HOME", "DATELINE",
          "JOINED", "NAMED-DISEASE", "MAYBE>PERSON", "MAYBE>ORG"]


@pytest.mark.parametrize("label", LABELS)
def test_rules_a_label_reads_back_as_the_rule_that_writes_it(label):
    rule = Rule.from_label(label)
    assert rule.label == label and isinstance(rule.source, Source)
    assert rule.part == label.endswith(">part")


@pytest.mark.parametrize("label, rule", [
    ("GPE", Rule(Source.GPE)),
    ("GPE>part", Rule(Source.GPE, part=True)),
    ("PERSON>cue", Rule(Source.PERSON, Reason.CUE)),
    ("ORG>place-named>part", Rule(Source.ORG, Reason.PLACE_NAMED, part=True)),
    ("LIST>districts of", Rule(Source.LIST, of_cue="districts of")),
    ("LIST>designator", Rule(Source.LIST, Reason.DESIGNATOR)),
    ("MAYBE>ORG", Rule(Source.MAYBE, entity=Source.ORG)),
    ("PARTY-HOME", Rule(Source.PARTY_HOME)),
])
def test_rules_a_label_is_read_into_its_fields(label, rule):
    assert Rule.from_label(label) == rule


def test_rules_a_mention_says_which_rule_found_it():
    d = doc("retook the districts of Bangi and Khwaja Ghar".split(), [(6, 8, "PERSON")])
    assert [m.rule for m in mentions(PlaceFinder(known)(d))] == [
        Rule(Source.GAZETTEER), Rule(Source.LIST, of_cue="districts of")]
