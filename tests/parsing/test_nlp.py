"""The pipeline's own sentence rules, on a blank English pipeline (no model needed)."""
import pytest
import spacy

import parsing.nlp  # noqa: F401  (registers the components)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("abbreviations")
    nlp.add_pipe("paragraphs")
    return nlp


@pytest.mark.parametrize("text, sentences", [
    ("A protest in Ward No. 10 of Siliguri town began.", 1),
    ("Troops of Col. Ahmad and Lt. Gen. Sami left the town.", 1),
    ("Fighting hit Kabul. Col. Ahmad said so.", 2),
    ("The answer was no. 10 people left.", 2),        # a lower-case "no" is the word
    ("Fighting hit Kabul.\nCol. Ahmad said so.", 2),  # a line break still ends a sentence
    ("Clashes in Kunduz\nTaliban fighters attacked the city.", 2),
])
def test_nlp_sentences_do_not_end_at_abbreviations(nlp, text, sentences):
    assert len([s for s in nlp(text).sents if not s.text.isspace()]) == sentences


TEXT = ("Taliban fighters attacked Shir Khan port in Kunduz province on Monday, a provincial council "
        "member said. Fighting also reached Taloqan, the capital of Takhar, and Kabul sent troops.")


def test_nlp_load_keeps_only_ner_and_finds_what_the_full_model_finds():
    from thinc.api import NumpyOps

    from parsing.nlp import MODEL, load

    nlp = load()
    assert nlp.pipe_names == ["sentencizer", "abbreviations", "paragraphs", "ner"]
    ops = nlp.get_pipe("ner").model.ops
    assert isinstance(ops, NumpyOps) and not ops.use_blis
    full = spacy.load(MODEL)  # every component, thinc's default BLIS
    assert [(e.start_char, e.end_char, e.label_) for e in nlp(TEXT).ents] == \
        [(e.start_char, e.end_char, e.label_) for e in full(TEXT).ents]
    assert {"Kabul", "Takhar"} <= {e.text for e in nlp(TEXT).ents}
