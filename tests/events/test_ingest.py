"""Ingest: reading bad inputs without losing good ones, and storing idempotently."""
import json
from datetime import date

import pytest

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
