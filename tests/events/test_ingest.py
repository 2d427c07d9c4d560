"""Ingest: reading bad inputs without losing good ones, and storing idempotently."""
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from events.ingest import Rejection, ingest, read_inputs
from events.store import Store
from parsing.articles import Article

GOOD = "Fighting broke out in Kunduz on Monday, officials said.\n"
GERMAN = ("Der Krieg in der Stadt wurde von den Truppen und der Regierung in den letzten Tagen sehr "
          "heftig geführt, und die Menschen sind aus ihren Häusern geflohen, weil die Lage so "
          "gefährlich war und niemand wusste, was als nächstes passiert.")


def _read(tmp_path, name, data, **kw):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return list(read_inputs([str(path)], **kw))


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("empty.jsonl", b"\n\n", "empty"),
    ("blank.txt", b"   \n\n ", "empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("empty.html", b"<html><body><script>alert(1)</script></body></html>", "no article text"),
    ("german.txt", GERMAN, "not English"),
    ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ("big.txt", "Kabul. " * 400, "too large"),
])
def test_ingest_bad_file_is_rejected_with_its_reason(tmp_path, name, data, reason):
    (item,) = _read(tmp_path, name, data, max_bytes=2000)
    assert isinstance(item, Rejection) and reason in item.reason and item.input.endswith(name)


def test_ingest_windows_1252_text_is_decoded(tmp_path):
    (item,) = _read(tmp_path, "cp.txt", "Officials in Kunduz said the caf\xe9 closed.\n".encode("cp1252"))
    assert isinstance(item, Article) and "café" in item.text


def test_ingest_html_keeps_text_and_drops_scripts(tmp_path):
    html = ("<html><head><title>Clashes in Kunduz</title><script>document.write('x')</script></head>"
            "<body><article><p>Fighting broke out in Kunduz on Monday, officials said, and the "
            "Taliban claimed to have seized the border town.</p><script>alert('boom')</script>"
            "</article></body></html>")
    (item,) = _read(tmp_path, "a.html", html)
    assert isinstance(item, Article) and "Kunduz" in item.text
    assert "alert" not in item.text and "document.write" not in item.text
    assert item.title == "Clashes in Kunduz"


def test_ingest_broken_json_lines_are_reported_by_number_and_the_rest_kept(tmp_path):
    lines = [json.dumps({"id": "a", "text": GOOD}), "{not json", json.dumps({"id": "b"}), "",
             json.dumps(["a", "list"]), json.dumps({"id": "c", "text": GOOD, "published": "2021-06-20"})]
    items = _read(tmp_path, "in.jsonl", "\n".join(lines), published=date(2021, 6, 22))
    got = [(i.id, i.published) if isinstance(i, Article) else (i.line, i.reason.split(" (")[0])
           for i in items]
    assert got == [("a", date(2021, 6, 22)), (2, "not valid JSON"), (3, "no text"),
                   (5, "not a JSON object"), ("c", date(2021, 6, 20))]


def test_ingest_folder_is_read_recursively_in_name_order_skipping_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(GOOD + "Kabul.")
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / ".hidden.txt").write_text(GOOD)
    items = list(read_inputs([str(tmp_path)]))
    assert [i.path.rsplit("/", 2)[-1] for i in items] == ["a.txt", "b.txt"]


def test_ingest_missing_path_is_a_rejection_not_a_crash(tmp_path):
    (item,) = read_inputs([str(tmp_path / "nope.txt")])
    assert isinstance(item, Rejection) and "no such file" in item.reason


def test_ingest_twice_changes_nothing_and_an_edit_replaces(tmp_path, gazetteer_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": "k1", "text": "Taliban fighters attacked Kunduz and Taloqan on Monday.",
             "published": "2021-06-21", "source": "Test Wire"},
            {"id": "k2", "text": "A roadside bomb exploded in Kabul, officials said."}, {"id": "bad"}]
    src.write_text("\n".join(json.dumps(r) for r in rows))
    with Store(tmp_path / "e.sqlite") as store:
        first = ingest([str(src)], store=store, jobs=1, published=date(2021, 6, 22),
                       gazetteer_path=str(gazetteer_path))
        assert (first.stored, first.unchanged, first.rejected) == (2, 0, 1)
        events = {e["location"]: e for e in store.rows("events")}
        assert {"Kunduz", "Taloqan", "Kabul"} <= set(events)
        k = events["Kunduz"]
        assert (k["article_id"], k["event_date"], k["time_precision"], k["country"]) == (
            "k1", "2021-06-21", 1, "Afghanistan")
        assert events["Kabul"]["event_date"] == "2021-06-22"  # from --published
        assert events["Kabul"]["sub_event_type"] == "Remote explosive/landmine/IED"
        assert events["Kabul"]["claimant"] == "officials"
        assert k["source_sentence"] == rows[0]["text"] and k["claimant"] == "Test Wire"
        assert (k["event_type"], k["actor1"]) == ("Battles", "Taliban")
        before = sorted(r["event_id"] for r in store.rows("events"))

        again = ingest([str(src)], store=store, jobs=1, published=date(2021, 6, 22),
                       gazetteer_path=str(gazetteer_path))
        assert (again.stored, again.unchanged, again.rejected) == (0, 2, 1)
        assert sorted(r["event_id"] for r in store.rows("events")) == before
        assert store.counts()["ingest_errors"] == 1

        rows[0]["text"] = "Taliban fighters attacked Kunduz on Monday."
        src.write_text("\n".join(json.dumps(r) for r in rows))
        edit = ingest([str(src)], store=store, jobs=1, published=date(2021, 6, 22),
                      gazetteer_path=str(gazetteer_path))
        assert (edit.replaced, edit.unchanged) == (1, 1)
        assert "Taloqan" not in {e["location"] for e in store.rows("events")}


def test_ingest_without_any_date_says_so_in_the_event(tmp_path, gazetteer_path):
    src = tmp_path / "a.txt"
    src.write_text("Clashes were reported in Kunduz.")
    with Store(tmp_path / "e.sqlite") as store:
        ingest([str(src)], store=store, jobs=1, gazetteer_path=str(gazetteer_path))
        (event,) = store.rows("events")
    assert event["event_date"] is None and event["time_precision"] == 3
    assert event["date_flag"] == "no publication date"


def test_ingest_hostile_json_lines_are_rejected_with_reasons_and_the_good_ones_kept(tmp_path):
    lines = [json.dumps({"id": "g1", "text": GOOD}),
             "[" * 100_000,                                                     # deep nesting
             '{"id": "n", "text": "Kabul.", "n": ' + "9" * 5000 + "}",            # a number too long
             json.dumps({"id": "y1", "text": "Clashes yesterday in Ghazni.", "published": "0001-01-01"}),
             json.dumps({"id": "x" * 600, "text": GOOD}),                         # an id too long
             '{"id": "z", "text": "Kabul\x00"}',                                   # a NUL
             json.dumps({"id": "g2", "text": GOOD, "title": "=HYPERLINK(\"http://x\")"})]
    items = _read(tmp_path, "hostile.jsonl", "\n".join(lines))
    got = [i.id if isinstance(i, Article) else (i.line, i.reason) for i in items]
    assert got[0] == "g1" and got[-1] == "g2" and len(got) == 7
    reasons = dict(got[1:-1])
    assert reasons[2] == "not valid JSON here (nested too deeply)"
    assert reasons[3].startswith("not valid JSON here (Exceeds the limit (4300 digits)")
    assert reasons[4].startswith("published 0001-01-01 is not a plausible publication date")
    assert reasons[5] == "id longer than 512 characters"
    assert reasons[6] == "binary data, not text"
    assert items[0].path.endswith("hostile.jsonl") and items[-1].line == 7


def test_ingest_a_failing_or_runaway_analysis_rejects_that_article_only(tmp_path, gazetteer_path, monkeypatch):
    import events.ingest as module
    from events import pipeline

    def analyse(articles, **kw):
        if any("spin" in a.text for a in articles):
            while True:
                pass
        if any("boom" in a.text for a in articles):
            raise ZeroDivisionError("boom")
        return pipeline.analyse(articles, **kw)

    monkeypatch.setattr(module, "analyse", analyse)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in [
        ("a", GOOD), ("b", "Kabul saw no spin today, officials said."), ("c", GOOD + " Herat."),
        ("d", "The boom in Kabul was heard, officials said."), ("e", GOOD + " Takhar.")]))
    with Store(tmp_path / "e.sqlite") as store:
        summary = ingest([str(src)], store=store, jobs=1, gazetteer_path=str(gazetteer_path),
                         article_seconds=1.0)
        stored = sorted(r["id"] for r in store.rows("articles"))
        errors = {r["article_id"]: (r["line"], r["reason"]) for r in store.rows("ingest_errors")}
    assert (summary.stored, summary.rejected) == (3, 2) and stored == ["a", "c", "e"]
    assert errors["b"] == (2, "took too long (over 1 s)")
    assert errors["d"][0] == 4 and errors["d"][1].startswith("could not be analysed (ZeroDivisionError: boom")


def test_ingest_with_an_id_prefix_never_replaces_unless_asked(tmp_path, gazetteer_path):
    src = tmp_path / "up.jsonl"

    def run(text, **kw):
        src.write_text(json.dumps({"id": "k1", "text": text}))
        return ingest([str(src)], store=store, jobs=1, gazetteer_path=str(gazetteer_path), **kw)

    with Store(tmp_path / "e.sqlite") as store:
        run(GOOD)  # the analyst's own article k1
        first = run(GOOD + " Herat.", id_prefix="upload:", replace=False)
        second = run(GOOD + " Takhar.", id_prefix="upload:", replace=False)
        third = run(GOOD + " Takhar.", id_prefix="upload:", replace=True)
        texts = {r["id"]: r["text"] for r in store.rows("articles")}
    assert first.stored == 1 and texts["k1"] == GOOD  # its own namespace: k1 untouched
    assert second.rejected == 1 and "already stored with other content" in second.rejections[0].reason
    assert third.replaced == 1 and texts["upload:k1"] == GOOD + " Takhar."


def test_ingest_summary_keeps_a_bounded_list_of_rejections_and_counts_them_all(tmp_path):
    from events.ingest import KEEP_REJECTIONS

    src = tmp_path / "bad.jsonl"
    src.write_text("{not json\n" * (KEEP_REJECTIONS + 500))
    with Store(tmp_path / "e.sqlite") as store:
        summary = ingest([str(src)], store=store, jobs=1)
        assert store.counts()["ingest_errors"] == KEEP_REJECTIONS + 500
    assert summary.rejected == KEEP_REJECTIONS + 500 and len(summary.rejections) == KEEP_REJECTIONS
    assert summary.as_dict()["rejections_not_listed"] == 500
    assert f"rejected {KEEP_REJECTIONS + 500:,}: not valid JSON" in summary.text()
    assert f"... and {KEEP_REJECTIONS + 480:,} more" in summary.text()


_HOSTILE_PIECES = st.sampled_from([" " * 3000, "\u00a0" * 500, "9" * 5000, "[" * 2000, "{\"a\":" * 500,
                                   "<div>" * 3000, "\x00", "\ufeff", "\ud800", "Kunduz", "\"", "\\", "\n"])


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                          st.lists(_HOSTILE_PIECES, max_size=4).map(lambda p: "".join(p).encode("utf-8", "surrogatepass"))),
                max_size=6))
@example([b"[" * 100_000, b'{"id": 1, "text": "x", "n": ' + b"9" * 5000 + b"}", b"\xff\xfe\x00"])
def test_ingest_any_bytes_as_json_lines_give_one_item_per_line_and_no_exception(lines):
    import io
    import time

    from events.ingest import read_jsonl_stream

    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    started = time.monotonic()
    items = list(read_jsonl_stream(io.BytesIO(data), name="fuzz.jsonl"))
    assert time.monotonic() - started < 20
    assert len(items) == sum(1 for line in data.split(b"\n") if line.strip())
    assert all(isinstance(i, (Article, Rejection)) for i in items)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow,
                                                                                    HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=100), _HOSTILE_PIECES), max_size=8), st.sampled_from([".txt", ".html"]))
def test_ingest_any_text_or_html_file_is_an_article_or_a_rejection(tmp_path, pieces, suffix):
    import time

    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes("".join(pieces).encode("utf-8", "surrogatepass"))
    started = time.monotonic()
    items = list(read_inputs([str(path)]))
    assert time.monotonic() - started < 20
    assert len(items) == 1 and isinstance(items[0], (Article, Rejection))
