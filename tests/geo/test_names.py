import pytest

from geo.names import is_latin, normalize, skeleton, split_designator


@pytest.mark.parametrize("text, key", [
    ("Khwājah Ghār", "khwajah ghar"),
    ("KUNDUZ", "kunduz"),
    ("Mazar-i-Sharif", "mazar i sharif"),
    ("Ma‘arrat al-Nu‘man", "maarrat al numan"),
    ("Kharkiv’s", "kharkivs"),
    ("  the   Hague ", "hague"),
    ("São Paulo", "sao paulo"),
    ("", ""),
])
def test_names_normalize_folds_case_marks_and_punctuation(text, key):
    assert normalize(text) == key


@pytest.mark.parametrize("a, b", [
    ("Kondoz", "Kunduz"),
    ("Qandahar", "Kandahar"),
    ("Mazar-i-Sharif", "Mazar-e Sharif"),
    ("Khwājah Ghār", "Khwaja Ghar"),
    ("Khoja-i-Gar", "Khwaja Ghar"),
    ("Lashkar Gah", "Lashkargah"),
    ("Kharkov", "Kharkiv"),
])
def test_names_skeleton_joins_transliteration_variants(a, b):
    assert skeleton(normalize(a)) == skeleton(normalize(b)) != ""


@pytest.mark.parametrize("a, b", [("Kabul", "Kunduz"), ("Paris", "Peru"), ("Takhar", "Tashkent")])
def test_names_skeleton_keeps_different_names_apart(a, b):
    assert skeleton(normalize(a)) != skeleton(normalize(b))


def test_names_skeleton_refuses_too_short_keys():
    assert skeleton("on") == ""


@pytest.mark.parametrize("key, expected", [
    ("takhar province", ("takhar", "admin1")),
    ("bangi district", ("bangi", "admin2")),
    ("kunduz city", ("kunduz", "populated place")),
    ("city of kabul", ("kabul", "populated place")),
    ("kabul international airport", ("kabul", "airport")),
    ("sher khan port", ("sher khan", "port or crossing")),
    ("province", ("province", None)),
    ("kunduz", ("kunduz", None)),
])
def test_names_split_designator(key, expected):
    assert split_designator(key) == expected


@pytest.mark.parametrize("text, latin", [("Kunduz", True), ("Kōbe", True), ("Кабул", False), ("کابل", False)])
def test_names_is_latin(text, latin):
    assert is_latin(text) is latin


@pytest.mark.parametrize("name, alternates, expected", [
    ("Donetska oblast", ("Donetsk", "Donetsk Oblast"), "Donetsk"),          # an inflection
    ("Xinjiang Uygur Zizhiqu", ("Shinjang", "Xinjiang"), "Xinjiang"),         # the leading word
    ("Ţarābulus", ("Tripoli",), "Tripoli"),                                    # an exonym
    ("Kandahār", ("Qandahor viloyati",), "Kandahar"),                          # a transliteration is not
    ("Takhār", ("Takhar Province",), "Takhar"),
    ("Puebla", ("Estado de Puebla",), "Puebla"),
    ("Helmand", (), "Helmand"),
])
def test_names_common_name_is_what_english_reports_write(name, alternates, expected):
    from geo.names import common_name

    assert common_name(name, alternates) == expected
