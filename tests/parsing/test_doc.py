"""Doc helpers on hand-built Docs."""
import spacy
from spacy.tokens import Doc

from parsing.doc import entities_in, entity_at

VOCAB = spacy.blank("en").vocab


def doc(words, ents=()):
    """A Doc from words and (start, end, label) token-index entities."""
    d = Doc(VOCAB, words=words)
    d.ents = [d.char_span(d[s].idx, d[e - 1].idx + len(d[e - 1]), label=l) for s, e, l in ents]
    return d


def test_doc_entities_are_looked_up_as_spacy_lists_them():
    d = doc("On Monday the Taliban attacked Kunduz and Takhar , officials in Kabul said".split(),
            [(0, 2, "DATE"), (3, 4, "ORG"), (5, 6, "GPE"), (7, 8, "GPE"), (11, 12, "GPE")])
    for a in range(len(d) + 1):
        for b in range(a, len(d) + 1):
            assert list(entities_in(d[a:b])) == list(d[a:b].ents)
    assert [entity_at(d, i) for i in range(len(d))] == [
        next((e for e in d.ents if e.start <= i < e.end), None) for i in range(len(d))]
