"""What a marker says: its hover box (the source sentence and who claims it) and its popup (a
table of what is known of the event), every string escaped by :func:`ui.escape.safe`.

Built in Python for a few markers (:func:`tooltip_html`, :func:`popup_html`), and in the browser
for many, by :data:`TOOLTIP_JS` and :data:`POPUP_JS` from the rows of :func:`browser_rows`.
"""
from __future__ import annotations

import pandas as pd

from ui.colours import COLOURS, OTHER_COLOUR
from ui.escape import safe, safe_each

#: A hover box that wraps at 320 px and is never narrower than 240: Leaflet's tooltip is
#: ``white-space: nowrap`` and placed with no width to fill, so without a width of its own the
#: text shrinks to its longest word.
TIP_STYLE = ("width:max-content;min-width:240px;max-width:320px;white-space:normal;"
             "overflow-wrap:break-word;line-height:1.35")
POPUP_MIN_WIDTH, POPUP_MAX_WIDTH = 260, 420
#: ACLED's precision codes in words.
TIME_PRECISION = {1: "exact day", 2: "within a week", 3: "within a month"}
GEO_PRECISION = {1: "the place itself", 2: "near this place", 3: "somewhere in the region"}
_TH = "text-align:left;vertical-align:top;padding:1px 10px 1px 0;color:#555;font-weight:600;white-space:nowrap"
_TD = "vertical-align:top;padding:1px 0"
_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "country", "claimant",
           "geo_precision", "corroborations", "time_precision", "title", "claimant_role")
# Every string in the rows is escaped by safe() in Python; these only join them. A row is
# lat, lon, colour, sentence, date, then _FIELDS (row[5] the type ... row[16] the title).
# No // comments inside: the script may reach the page on one line.
TOOLTIP_JS = """function (row) {
    return "<div class='sitrep-tip' style='""" + TIP_STYLE + """'>" + row[3] +
           "<br><i>— " + row[12] + "</i></div>";
}"""
# Rows left out where empty, as popup_html does.
POPUP_JS = """function (row) {
    var th = "<tr><th style='""" + _TH + """'>", td = "</th><td style='""" + _TD + """'>";
    function line(name, value) { return value ? th + name + td + value + "</td></tr>" : ""; }
    return "<div class='sitrep-popup' style='font-size:13px;line-height:1.35'>" +
        "<p style='margin:0 0 6px'>" + row[3] + "</p><table style='border-collapse:collapse'>" +
        line("Event", row[5] + (row[6] ? " / " + row[6] : "")) +
        line("Date", row[4] + (row[15] ? " (" + row[15] + ")" : "")) +
        line("Actors", row[7] + " vs " + row[8]) +
        line("Claimant", row[12]) + line("Role", row[17]) +
        line("Place", [row[9], row[10], row[11]].filter(function (v, i, a) {
            return v && a.indexOf(v) === i; }).join(", ") + (row[13] ? " (" + row[13] + ")" : "")) +
        line("Corroborations", row[14]) + line("Article", row[16]) + "</table></div>";
}"""


def _value(row, key):
    v = row.get(key)
    return None if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)) else v


def date_text(value) -> str:
    """An event's date as YYYY-MM-DD, never with a time of day; "undated" where there is none."""
    if value is None or value is pd.NA:
        return "undated"
    when = pd.to_datetime(value, errors="coerce")
    return "undated" if pd.isna(when) else when.strftime("%Y-%m-%d")


def _precision(words: dict[int, str], value) -> str:
    """An ACLED precision code in words ("" where unknown)."""
    try:
        return words.get(int(value), "")
    except (TypeError, ValueError):
        return ""


def tooltip_html(row) -> str:
    claimant = _value(row, "claimant") or _value(row, "source") or "the outlet"
    return (f"<div class='sitrep-tip' style='{TIP_STYLE}'>"
            f"{safe(_value(row, 'source_sentence'))}<br><i>— {safe(claimant)}</i></div>")


def popup_html(row) -> str:
    """The event's sentence and a table of what is known of it; rows with nothing to say are left out."""
    link = _value(row, "url")
    title = safe(_value(row, "title") or _value(row, "article_id"))
    title_html = f"<a href='{safe(link)}' target='_blank' rel='noopener noreferrer'>{title}</a>" \
        if link and str(link).startswith(("http://", "https://")) else title
    time_words = _precision(TIME_PRECISION, _value(row, "time_precision"))
    geo_words = _precision(GEO_PRECISION, _value(row, "geo_precision"))
    place = ", ".join(dict.fromkeys(p for p in (safe(_value(row, k)) for k in ("location", "admin1", "country")) if p))
    sub_type = safe(_value(row, "sub_event_type"))
    rows = [
        ("Event", safe(_value(row, "event_type")) + (f" / {sub_type}" if sub_type else "")),
        ("Date", date_text(_value(row, "event_date")) + (f" ({time_words})" if time_words else "")),
        ("Actors", f"{safe(_value(row, 'actor1') or '?')} vs {safe(_value(row, 'actor2') or '?')}"),
        ("Claimant", safe(_value(row, "claimant") or _value(row, "source") or "the outlet")),
        ("Role", safe(_value(row, "claimant_role"))),
        ("Place", place + (f" ({geo_words})" if place and geo_words else "")),
        ("Corroborations", safe(_value(row, "corroborations"))),
        ("Article", title_html),
    ]
    body = "".join(f"<tr><th style='{_TH}'>{k}</th><td style='{_TD}'>{v}</td></tr>" for k, v in rows if v)
    return (f"<div class='sitrep-popup' style='font-size:13px;line-height:1.35'>"
            f"<p style='margin:0 0 6px'>{safe(_value(row, 'source_sentence'))}</p>"
            f"<table style='border-collapse:collapse'>{body}</table></div>")


def browser_rows(located: pd.DataFrame) -> list[list]:
    """[lat, lon, colour, sentence, date, then _FIELDS] per event, every string escaped: what
    :data:`TOOLTIP_JS`, :data:`POPUP_JS` and the browser's marker read."""
    def col(name, default=""):
        return safe_each(located[name].astype(object).tolist(), default=default)

    claimant = located["claimant"].astype(object).where(located["claimant"].notna(), located["source"])
    dates = located["event_date"]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = pd.to_datetime(dates.astype(object), errors="coerce", format="mixed")
    columns = [
        located["latitude"].astype(float).tolist(), located["longitude"].astype(float).tolist(),
        [COLOURS.get(t, OTHER_COLOUR) for t in located["event_type"].astype(object).tolist()],
        col("source_sentence"), dates.dt.strftime("%Y-%m-%d").fillna("undated").tolist(),
    ]
    words = {"time_precision": TIME_PRECISION, "geo_precision": GEO_PRECISION}
    for f in _FIELDS:
        if f == "claimant":
            columns.append(safe_each(claimant.tolist(), default="the outlet"))
        elif f in words:
            columns.append([_precision(words[f], v) for v in located[f].astype(object).tolist()])
        else:
            columns.append(col(f, "?" if f in ("actor1", "actor2") else ""))
    return [list(r) for r in zip(*columns)]
