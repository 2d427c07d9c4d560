"""The province an event is coded to, as the article spells it (real spaCy model, real gazetteer)."""
import pytest

from tests.events.reading import events


@pytest.mark.parametrize("text, admin1", [
    # the province named outright, in the article's own spelling
    ("On 3 May 2021, militants attacked a checkpoint in Tarinkot, Urozgan province.", "Urozgan"),
    # a town that shares the province's name, named as the unit another place lies in
    ("On 3 May 2021, gunmen shot a teacher in Nawa city, Dara.", "Dara"),
    # "Anbar" is "Al Anbar" written without its article: the full name stays
    ("On 3 May 2021, militants attacked a checkpoint near Rutba, Anbar province.", "Al Anbar"),
    # no province named: the gazetteer's name
    ("On 3 May 2021, militants attacked a checkpoint in Taloqan.", "Takhar"),
])
def test_provinces_province_is_spelt_as_the_article_spells_it(resolver, text, admin1):
    (event, *_) = events(resolver, text)
    assert event.admin1 == admin1 and event.admin1_code  # one code, however spelt
