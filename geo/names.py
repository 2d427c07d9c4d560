"""Name keys: how a place name in news text is matched to gazetteer names.

Two keys per name:

* :func:`normalize` folds case, diacritics, apostrophes and ‘ayn marks,
  hyphens and punctuation (``Khwājah Ghār`` -> ``khwajah ghar``).
* :func:`skeleton` is a looser key for transliteration variants
  (``Kondoz``/``Kunduz``, ``Qandahar``/``Kandahar``,
  ``Mazar-i-Sharif``/``Mazar-e Sharif``): consonants only, with the letters
  that romanisations of Arabic, Persian and Russian swap folded together.

:func:`split_designator` separates a trailing "Province", "District", "City",
"Port"... which tells the kind of place rather than its name.
"""
from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

from geo.memo import memo
from geo.place import Kind

# Marks that romanisations use for ‘ayn, hamza and glottal stops, and
# apostrophes of all shapes: news text drops or swaps them freely.
_MARKS = dict.fromkeys(map(ord, "'`´ʹʻʼʽʾʿˈ‘’‛′"), None)
_NON_WORD = re.compile(r"[^0-9a-z]+")
# Words that names write out or shorten ("St. Petersburg" is Saint Petersburg, "Ft. Worth" Fort
# Worth): one key for both, the short form (normalize() drops the full stop).
_SHORT_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
# Letters unidecode renders as symbols: the schwa (Azerbaijani Tərtər) as "@".
_ROMAN_FIXES = str.maketrans({"ə": "a", "Ə": "A", "ǝ": "a", "Ǝ": "A"})

#: Words that end the English names of provinces ("Western Province", "Paktia Governorate").
ADMIN1_WORDS = frozenset({"province", "region", "state", "governorate", "oblast", "prefecture", "department"})

#: Words after (or before, with "of") a name that give its kind, mapped to
#: the gazetteer kind they point at.
DESIGNATORS = {
    "province": Kind.ADMIN1,
    "provinces": Kind.ADMIN1,
    "governorate": Kind.ADMIN1,
    "state": Kind.ADMIN1,
    "region": Kind.ADMIN1,
    "oblast": Kind.ADMIN1,
    "prefecture": Kind.ADMIN1,
    "district": Kind.ADMIN2,
    "districts": Kind.ADMIN2,
    "regency": Kind.ADMIN2,
    "county": Kind.ADMIN2,
    "lga": Kind.ADMIN2,
    "municipality": Kind.POPULATED_PLACE,
    "city": Kind.POPULATED_PLACE,
    "town": Kind.POPULATED_PLACE,
    "village": Kind.POPULATED_PLACE,
    "airport": Kind.AIRPORT,
    "airbase": Kind.AIRPORT,
    "port": Kind.PORT,
    "crossing": Kind.PORT,
}

# Connector words that romanisations write in several ways (-i-, -e-, al-,
# el-, ul-) or not at all; the skeleton drops them.
_CONNECTORS = {"i", "e", "a", "al", "el", "ul", "ol", "ad", "ash", "as", "az", "ar", "an"}
# Ordered: longer sequences first.
_FOLDS = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("khw", "kh"),
    ("khv", "kh"),
    ("kw", "k"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("w", "v"),
    ("x", "ks"),
)
_TAIL_VOWELS = re.compile(r"\B[aeiouyh]")
_DOUBLES = re.compile(r"(.)\1+")
_VOWEL_RUNS = re.compile(r"[aeiouy]+")


# Cached: a gazetteer build meets each name at least twice, and news repeats names.
@memo(1 << 18)
def normalize(text: str) -> str:
    """Fold case, diacritics, apostrophes and punctuation; words joined by one space."""
    if text.isascii() and text.replace(" ", "").isalpha():  # most names: nothing to fold but case
        words = [_SHORT_WORDS.get(w, w) for w in text.lower().split()]
    else:
        text = unicodedata.normalize("NFKC", text).translate(_MARKS).casefold()
        if not text.isascii():
            text = romanize(text)
        words = [_SHORT_WORDS.get(w, w) for w in _NON_WORD.sub(" ", text).split()]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


@memo(1 << 18)
def skeleton(key: str) -> str:
    """A loose key of a :func:`normalize`d name for transliteration variants.

    Returns "" where too little is left to match on safely.
    """
    words = [w for w in key.split() if w not in _CONNECTORS] or key.split()
    # No fold spans a space, so the words are folded at once; then each
    # word keeps its first letter and loses its other vowels and its h
    # (non-initial h is almost always half of a digraph: kh, sh, gh, dh, th).
    text = " ".join(words)
    for old, new in _FOLDS:
        text = text.replace(old, new)
    result = _TAIL_VOWELS.sub("", text).replace(" ", "")
    if _DOUBLES.search(result):  # sub() with a group reference costs microseconds even unmatched
        result = _DOUBLES.sub(r"\1", result)
    return result if len(result) >= 3 else ""


@memo(1 << 18)
def spelling(key: str) -> str:
    """A :func:`normalize`d name with connectors dropped, letter swaps folded and
    vowel runs masked: what :func:`skeleton` keeps, with the vowels' places.

    Used to tell how close two names with one skeleton really are:
    ``kondoz``/``kunduz`` become equal, ``nowhereville``/``niverville`` do not.
    """
    words = [w for w in key.split() if w not in _CONNECTORS] or key.split()
    word = "".join(words)
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return _VOWEL_RUNS.sub("*", word)


def split_designator(key: str) -> tuple[str, Kind | None]:
    """Split a normalized name into (core, kind hinted by its designator word).

    ``"takhar province"`` -> ``("takhar", "admin1")``;
    ``"city of kabul"`` -> ``("kabul", "populated place")``;
    a name that is only a designator is returned whole.
    """
    words = key.split()
    if len(words) >= 2:
        if words[-1] in DESIGNATORS:
            kind = DESIGNATORS[words[-1]]
            core = words[:-1]
            if kind == Kind.AIRPORT and core[-1:] == ["international"]:
                core = core[:-1]
            if core:
                return " ".join(core), kind
        if len(words) >= 3 and words[1] == "of" and words[0] in DESIGNATORS:
            return " ".join(words[2:]), DESIGNATORS[words[0]]
    return key, None


def is_latin(text: str) -> bool:
    """True when the letters of ``text`` are Latin script (worth indexing for English news)."""
    if text.isascii():
        return True
    for ch in text:
        if ch.isalpha() and not ch.isascii():
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
    return True


_UNIT_WORDS = {"province", "provinces", "region", "oblast", "oblys", "state", "county", "district", "governorate",
               "prefecture", "department", "municipality", "autonomous", "special", "administrative", "lan",
               "of", "the", "city", "territory", "division", "zone", "wilayah", "vilayeti", "viloyati"}


# An alternate in English form ("Paktia Province", "City of Zagreb") names the
# unit as English-language reports do.
_ENGLISH_FORM = re.compile(
    r"^(?:(?:city|state|province|region|republic) of (?P<pre>.+)"
    r"|(?P<core>.+?) (?:province|governorate|oblast|region|district|county|state|department"
    r"|prefecture|municipality|division))$", re.IGNORECASE)
# "Murcia, Región de": the words after the comma say what kind of unit it is.
_INVERTED_TAIL = _UNIT_WORDS | {"de", "del", "la", "el", "comunidad", "principado", "autonoma", "foral"}


def romanize(text: str) -> str:
    """ASCII letters for ``text`` (unidecode, with the letters it renders as symbols mapped)."""
    return unidecode(text.translate(_ROMAN_FIXES))


#: An exonym English reports use is one for a unit they write about often: a populous one.
EXONYM_MIN_POPULATION = 1_000_000


def common_name(name: str, alternates, *, native_latin: bool = False, population: int | None = None) -> str:
    """The name an English-language report would use for an admin unit, from its GeoNames
    name and alternate names, without unit words: the name itself ("Kandahar"), or its
    leading words where an alternate is just those ("Xinjiang" for Xinjiang Uygur Zizhiqu),
    or an alternate it only inflects ("Donetsk" for Donetska oblast).

    ``native_latin`` says the country writes its own names in Latin script: its own name
    is then kept (Niedersachsen, Sardegna, England). Elsewhere the GeoNames name is a
    romanisation, and an alternate in English form that spells the same name is preferred
    ("Paktia" for Paktiyā, from "Paktia Province"), else, when no Latin alternate is close
    to the name at all, the first short one: an exonym ("Tripoli" for Ţarābulus, "Moscow"
    for Moskva) -- for a unit of ``population`` at least :data:`EXONYM_MIN_POPULATION`
    when the population is given (other alternates of small units are as likely another
    language's spelling: "Bomiyon" for Bāmyān)."""
    from rapidfuzz.fuzz import partial_ratio, ratio

    def core(text: str) -> str:
        text = romanize(text)
        head, _, tail = text.partition(",")
        if tail and all(w.lower() in _INVERTED_TAIL for w in tail.split()):
            text = head
        words = [w for w in text.replace("-", " ").split() if w.lower() not in _UNIT_WORDS]
        return " ".join(words)

    own = core(name) or romanize(name)
    low = own.lower()
    latin = [core(a) for a in alternates if a and is_latin(a) and core(a)]
    shorter = [a for a in latin if len(a) < len(own) and (
        low.split()[:len(a.split())] == a.lower().split()                        # leading words
        or (low.startswith(a.lower()) and len(own) - len(a) <= 2 and " " not in own))]  # inflection
    if shorter:
        return min(shorter, key=len)
    if native_latin:
        return own
    for alt in alternates:
        form = _ENGLISH_FORM.match(alt or "")
        if form and is_latin(alt):
            english = core(form.group("pre") or form.group("core"))
            if english and ratio(english.lower(), low) >= 75:
                return english
    if any(partial_ratio(a.lower(), low) >= 90 for a in latin) or not latin:
        return own
    if population is not None and population < EXONYM_MIN_POPULATION:
        return own
    first = latin[0]
    # A transliteration of the same name ("Qandahor" for Kandahār, "Ghowr" for Ghōr) is
    # no exonym: it keeps most letters in order, as "Moscow" for Moskva does not.
    if len(first.split()) > 2 or ratio(first.lower(), low) >= 75:
        return own
    return first
