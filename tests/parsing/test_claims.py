"""Claims on short texts of our own, through the real spaCy model."""
from dataclasses import replace

import pytest

from parsing.claims import Claim, find_claims
from parsing.lexicon import ClaimantKind
from parsing.nlp import load


@pytest.fixture(scope="module")
def nlp():
    return load()


def claims(nlp, text):
    return [(c.claimant, c.role, c.anonymous, c.verb) for c in find_claims(nlp(text))]


@pytest.mark.parametrize("text, expected", [
    ("Mariam Sadat, a Herat city council member, said on Monday that the market had burned.",
     ("Mariam Sadat", "Herat city council member", False, "said")),
    ("The bridge was destroyed overnight, Sadat told reporters.", ("Sadat", None, False, "told")),
    ("Speaking on condition of anonymity, a police officer confirmed the attack.",
     ("a police officer", None, True, "confirmed")),
    ("The ministry's spokesman Omar Khalid denied the report.", ("Omar Khalid", None, False, "denied")),
    ("Border Guard Commander Ilyas Noori told reporters that the crossing was closed.",
     ("Ilyas Noori", "Border Guard Commander", False, "told")),
])
def test_claims_speaker_role_and_verb(nlp, text, expected):
    found = claims(nlp, text)
    assert found and found[0][0].endswith(expected[0]) and found[0][2:] == expected[2:]
    if expected[1]:
        assert found[0][1] == expected[1]


def test_claims_surnames_and_pronouns_take_the_full_name_and_role(nlp):
    text = ("Ilyas Noori, the border guard commander, said the crossing was closed. "
            "\"We had no choice,\" Noori said. The situation is calm now, he added.")
    found = claims(nlp, text)
    assert [c[0] for c in found] == ["Ilyas Noori"] * 3
    assert {c[1] for c in found} == {"border guard commander"}


def test_claims_a_quotation_over_sentences_belongs_to_its_speaker(nlp):
    text = ("“The road is open. Trucks are moving again,” said Ilyas Noori, the border guard commander.")
    found = find_claims(nlp(text))
    assert found and all(c.claimant == "Ilyas Noori" for c in found)


@pytest.mark.parametrize("text, kind", [
    ("Mariam Sadat, a council member, said on Monday that the market had burned.", ClaimantKind.PERSON),
    ("The Pentagon announced that the base had closed.", ClaimantKind.GROUP),
    ("Speaking on condition of anonymity, a police officer confirmed the attack.", ClaimantKind.SOURCE),
])
def test_claims_who_makes_a_claim_is_a_claimant_kind(nlp, text, kind):
    (c,) = find_claims(nlp(text))
    assert c.kind is kind and c.anonymous is (kind is ClaimantKind.SOURCE)


def test_claims_statement_offsets_point_into_the_text(nlp):
    text = "Mariam Sadat, a council member, said on Monday that the market had burned."
    (c,) = find_claims(nlp(text))
    assert text[c.start:c.end] == c.statement == "the market had burned."
    assert c.date_text == "Monday"


def test_claims_shifting_a_claim_moves_every_offset():
    c = Claim(claimant="Ahmad", role=None, anonymous=False, verb="said", statement="x", start=10, end=20,
              sentence_start=5, sentence_end=30, date_text="Monday")
    moved = c.shifted(100)
    assert moved == replace(c, start=110, end=120, sentence_start=105, sentence_end=130)
    assert c.shifted(0) is c
