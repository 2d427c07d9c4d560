"""The pipeline's own sentence rules, on a blank English pipeline (no model needed)."""
import time

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


TEXTS = [
    "Taliban fighters attacked Shir Khan port in Kunduz province on Monday, a provincial council "
    "member said. Fighting also reached Taloqan, the capital of Takhar, and Kabul sent troops.",
    "",
    "Floods hit Dhaka.",
    " \n ",
    "Officials in Ohio and Kentucky said on Friday that the storm had moved east from Columbus toward "
    "Pittsburgh, Pennsylvania, while the National Weather Service warned residents of Lexington. " * 3,
]


def test_nlp_load_keeps_only_ner_and_finds_what_the_full_model_finds():
    from thinc.api import NumpyOps

    from parsing.nlp import MODEL, load

    nlp = load()
    assert nlp.pipe_names == ["sentencizer", "abbreviations", "paragraphs", "stepwise_ner"]
    assert nlp.disabled == ["ner"]  # its model, stepped by stepwise_ner
    ops = nlp.get_pipe("ner").model.ops
    assert isinstance(ops, NumpyOps) and not ops.use_blis
    full = spacy.load(MODEL)  # every component, thinc's default BLIS, spaCy's compiled parse

    def ents(docs):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]

    expected = ents(full.pipe(TEXTS))
    assert ents(nlp.pipe(TEXTS, batch_size=3)) == expected  # batches mixing lengths, empty docs
    assert ents(nlp(text) for text in TEXTS) == expected
    assert {"Kabul", "Takhar"} <= {e.text for e in nlp(TEXTS[0]).ents}


@pytest.mark.parametrize("text", [
    "Fighting hit Kabul, officials said.  (Reuters)\n\nhttps://example.org/a/b?c=d “Quote,” he said.",
    "x" * 999 + " Kunduz",
])
def test_nlp_tokenizer_reads_text_without_long_runs_as_spacy_does(text):
    tokenizer = parsing.nlp.BoundedTokenizer(spacy.blank("en").tokenizer)
    assert [t.text_with_ws for t in tokenizer(text)] == [t.text_with_ws for t in tokenizer.tokenizer(text)]


@pytest.mark.parametrize("run", [",", "\u201c", "(", "—", "'s", "x"])
def test_nlp_tokenizer_reads_a_long_run_without_blanks_in_pieces(run):
    # spaCy strips a run's punctuation a character at a time, reading the rest each time: 20,000
    # commas took a minute (a bound far from both)
    tokenizer = parsing.nlp.BoundedTokenizer(spacy.blank("en").tokenizer)
    text = "Clashes in Kunduz " + run * (20_000 // len(run)) + " Takhar."
    start = time.perf_counter()
    doc = tokenizer(text)
    assert doc.text == text and time.perf_counter() - start < 5
    assert [t.text for t in doc[:3]] == ["Clashes", "in", "Kunduz"] and doc[-2].text == "Takhar"
    assert max(len(t) for t in doc) <= parsing.nlp.LONG_RUN
