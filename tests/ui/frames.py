"""Events frames for the map's tests: a few events on one town, hostile text, named places."""
import pandas as pd

from events.schema import Event
from events.table import empty, typed

HOSTILE = "<img src=x onerror=alert(1)> ${alert(2)} `x` \\u0061 </script> {{ 7*7 }} {% if 1 %}IF{% endif %}"


def frame(n=3, sentence="Clashes in Kunduz."):
    if n == 0:
        return empty()
    rows = [Event(event_id=str(i), article_id="a", event_date="2021-06-01", event_type="Battles",
                  latitude=36.7 + i * 0.01, longitude=68.8, country_code="AF", source_sentence=sentence,
                  claimant="an official", url="javascript:alert(3)").as_dict() for i in range(n)]
    return typed(pd.DataFrame(rows), "events")


def placed(rows):
    """A typed events frame of (location, lat, lon) rows."""
    events = [Event(event_id=str(i), article_id="a", event_date="2021-06-02", event_type="Battles", location=loc,
                    latitude=lat, longitude=lon, country_code="AF", source_sentence="Clashes.").as_dict()
              for i, (loc, lat, lon) in enumerate(rows)]
    return typed(pd.DataFrame(events), "events")
