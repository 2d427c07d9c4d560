import pytest

from parsing.articles import content_id, decode, from_html, from_record, from_text, json_record
from parsing.exc import ArticleError


@pytest.mark.parametrize("data, text", [
    ("Kabul – news".encode("utf-8"), "Kabul – news"),
    ("\ufeffKabul".encode("utf-8"), "Kabul"),
    ("Kabul".encode("utf-16"), "Kabul"),
    ("Mazār – news".encode("cp1252", errors="replace"), "Maz?r – news"),
])
def test_articles_decode_common_encodings(data, text):
    assert decode(data) == text


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"  \n ", "empty"), (b"\x00\x01\x02binary\x00", "binary"),
])
def test_articles_decode_refuses_non_text(data, message):
    with pytest.raises(ArticleError, match=message):
        decode(data, name="f.txt")


def test_articles_a_json_line_is_an_article_or_the_reason_it_is_none():
    # numbering the lines and naming them in messages is the reader's (events.jsonl); each line's
    # record is read here
    def article(line):
        try:
            return from_record(json_record(line), where="in.jsonl:1")
        except ArticleError as exc:
            return exc

    out = [article(line) for line in ['{"id": "1", "text": "Fighting in Kunduz.", "published": "2021-06-22"}',
                                      "{broken", '{"id": "2"}', "[1]", '{"text": "No id here."}']]
    first = out[0]
    assert (first.id, first.published.isoformat()) == ("1", "2021-06-22")
    assert "not valid JSON" in str(out[1])
    assert "no text (id 2)" in str(out[2]) and str(out[2]).startswith("in.jsonl:1")
    assert "not a JSON object" in str(out[3])
    assert out[4].id == content_id("No id here.")


def test_articles_content_id_is_stable_over_whitespace():
    assert content_id("A  b\n c") == content_id("A b c")


def test_articles_html_keeps_text_and_drops_scripts():
    html = ("<html><head><title>Clashes in Kunduz</title>"
            '<meta property="article:published_time" content="2021-06-22"></head><body>'
            "<script>alert('x')</script><article><p>" + "Heavy fighting was reported in Kunduz. " * 8
            + "</p></article></body></html>")
    art = from_html(html, id="h1")
    assert "Heavy fighting" in art.text and "alert" not in art.text
    assert art.title == "Clashes in Kunduz"


def test_articles_from_text_refuses_empty():
    with pytest.raises(ArticleError, match="no text"):
        from_text(" \n ")
