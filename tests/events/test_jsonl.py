"""The one JSON Lines reader: numbering, blank lines, decoding, the size cap and JSON errors."""
import io

import pytest

from events import jsonl
from parsing.exc import ArticleError


def test_jsonl_numbers_lines_as_the_file_has_them_and_passes_blank_ones_over():
    stream = io.BytesIO(b'{"id": 1}\n\n   \n{"id": 2}\n\t\n{"id": 3}')
    assert list(jsonl.numbered(stream)) == [(1, b'{"id": 1}\n'), (4, b'{"id": 2}\n'), (6, b'{"id": 3}')]


def test_jsonl_text_lines_come_out_as_their_utf8_bytes():
    assert list(jsonl.numbered(["", "{\"a\": \"Kabul\u00e9\"}"])) == [(2, '{"a": "Kabul\u00e9"}'.encode("utf-8"))]


@pytest.mark.parametrize("raw, text", [
    ('{"a": "Herat\u00e9"}'.encode("utf-8"), '{"a": "Herat\u00e9"}'),
    (b'\xef\xbb\xbf{"a": 1}', '{"a": 1}'),                        # a BOM is dropped
    (b'{"a": "caf\xe9 \x93quoted\x94"}', '{"a": "caf\u00e9 \u201cquoted\u201d"}'),  # Windows-1252
])
def test_jsonl_decodes_utf8_else_windows_1252(raw, text):
    assert jsonl.decoded(raw) == text


def test_jsonl_size_cap_says_how_large_against_what():
    assert jsonl.too_large(b"x" * 2000, 2000) is None
    assert jsonl.too_large(b"x" * 2001, None) is None
    assert jsonl.too_large(b"x" * 2001, 2000) == "too large: a line of 2,001 bytes, over the 2,000 bytes cap"
    assert jsonl.too_large(b"x" * 3 * 2**20, 2**20) == "too large: a line of 3.0 MB, over the 1.0 MB cap"


def test_jsonl_value_reads_bytes_or_text_and_says_why_not_json():
    assert jsonl.value(b'{"id": "a", "n": [1, 2]}\n') == {"id": "a", "n": [1, 2]}
    assert jsonl.value('["x"]') == ["x"]
    with pytest.raises(ArticleError, match=r"^not valid JSON \(Expecting value at column 1\)$"):
        jsonl.value(b"this is not json")
    with pytest.raises(ArticleError, match=r"^not valid JSON here \(nested too deeply\)$"):
        jsonl.value(b"[" * 100_000)
    with pytest.raises(ArticleError, match=r"^not valid JSON here \(Exceeds the limit"):
        jsonl.value(b'{"n": ' + b"9" * 5000 + b"}")
