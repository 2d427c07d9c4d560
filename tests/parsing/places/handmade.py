"""Hand-built Docs for the place finder's tests: the entities are given, so only our rules are tested;
a made-up gazetteer (KNOWN, SCORES) says how plausible each name is."""
import spacy
from spacy.tokens import Doc

from parsing.places import PlaceFinder, mentions

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, stop words), no model

KNOWN = {"shir khan", "khwaja ghar", "bangi", "kunduz", "takhar", "takhar province", "alexandria",
         "august", "kabul international airport", "kabul", "mazar-i-sharif", "tacna", "djugu", "ituri", "sydney", "lake mary", "highway"}
# A sizeable city, below a country's score
SCORES = {"thessaloniki": 6.5, "wnv": 5.0, "drc": 9.0, "ludhiana": 8.2, "punjab": 7.7, "isi uzo": 6.0,
          "eha amufu": 5.9, "kctu": 5.0, "foz": 5.4, "foz do iguacu": 7.8, "ward": 5.4, "siliguri": 7.0,
          "santa rosa": 6.0, "prakasam": 6.0, "ap": 3.0, "ebola": 5.0, "marburg": 6.0, "west nile": 5.0,
          "democratic republic of the congo": 9.0, "route": 3.0, "congo": 9.0, "torun": 5.0, "botswana": 9.0,
          "guinea": 9.0, "guinea-bissau": 9.0, "mashonaland west": 7.0, "mashonaland": 2.0,
          "georgia": 9.0, "north carolina": 7.5, "city": 5.0, "county": 5.0, "senate": 6.0, "an takhar": 7.0,
          "kristina": 4.0, "tanya": 4.0, "bemidji": 5.0, "moscow": 9.0, "valladolid": 8.0,
          "castilla": 5.0, "castilla y leon": 7.5, "east texas": 2.2, "texas": 7.6}


def known(name):
    return SCORES.get(name.lower(), 10.0 if name.lower() in KNOWN else 0.0)


def doc(words, ents=(), sent_starts=None):
    """A Doc from words and (start, end, label) token-index entities."""
    d = Doc(VOCAB, words=words, sent_starts=sent_starts or [True] + [False] * (len(words) - 1))
    d.ents = [d.char_span(d[s].idx, d[e - 1].idx + len(d[e - 1]), label=l) for s, e, l in ents]
    return d


def found(d):
    return [(m.text, m.role, m.label, m.kind_hint) for m in mentions(PlaceFinder(known)(d))]
