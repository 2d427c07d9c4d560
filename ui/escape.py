"""Untrusted article text made inert wherever the page shows it: in HTML, JavaScript template
literals and Jinja (:func:`safe`), and in Streamlit's Markdown (:func:`markdown_literal`)."""
from __future__ import annotations

import html
import re

import pandas as pd


def safe(text) -> str:
    """Text escaped for HTML, for a JavaScript template literal (`, $ and \\) and for
    Jinja ({ and }).

    Braces matter on the server: branca reads each element's rendered script as a
    Jinja template again, so "{{ ... }}" in an article would run there as code.
    """
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return ""
    out = html.escape(str(text), quote=True)
    # chained replace: five times faster than str.translate on ASCII text
    return (out.replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")
            .replace("{", "&#123;").replace("}", "&#125;"))


def safe_each(values: list, *, default: str) -> list[str]:
    """:func:`safe` of each value (``default`` where empty); types, actors and places repeat,
    so each distinct value is escaped once."""
    done: dict = {}
    return [done[v] if v in done else done.setdefault(v, safe(v) or default) for v in values]


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_literal(text: str) -> str:
    """Text shown as written where Streamlit reads Markdown (file names and reasons are the
    user's, and may hold links, images or HTML)."""
    return _MARKDOWN.sub(r"\\\1", text)
