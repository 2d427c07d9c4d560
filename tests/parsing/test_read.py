"""Reading texts into plain records: pieces, and offsets into the whole text."""
from dataclasses import fields

import pytest

from parsing.claims import Claim
from parsing.events import DistanceCue, EventMention
from parsing.places import PlaceMention
from parsing.read import pieces, read


def test_read_pieces_are_cut_at_a_line_or_sentence_end_and_make_the_text_again():
    text = "".join(f"Sentence number {i} ends here.{' ' if i % 3 else chr(10)}" for i in range(200))
    cut = list(pieces(text, size=500))
    assert "".join(p for _, p in cut) == text and len(cut) > 5
    assert all(text[off:off + len(p)] == p and len(p) <= 500 for off, p in cut)
    assert all(p.endswith(("\n", ".")) for _, p in cut[:-1])


def test_read_a_text_without_a_cut_is_cut_at_the_size():
    assert [off for off, _ in pieces("x" * 1050, size=500)] == [0, 500, 1000]


def test_read_shifting_moves_offsets_and_sentence_numbers():
    m = PlaceMention(start=10, end=16, text="Kunduz", name="Kunduz", role="place", label="GPE", sentence=2)
    assert m.shifted(100, sentences=3) == PlaceMention(start=110, end=116, text="Kunduz", name="Kunduz",
                                                       role="place", label="GPE", sentence=5)
    assert m.shifted(0) is m
    c = Claim(claimant="Ahmad", role=None, anonymous=False, verb="said", statement="x", start=10, end=20,
              sentence_start=5, sentence_end=30)
    assert (c.shifted(100).start, c.shifted(100).end, c.shifted(100).sentence_start,
            c.shifted(100).sentence_end) == (110, 120, 105, 130)
    cue = DistanceCue(sentence_start=5, km=50.0, bearing="north", anchor=(20, 26))
    assert cue.shifted(100) == DistanceCue(sentence_start=105, km=50.0, bearing="north", anchor=(120, 126))
    e = EventMention(event_type="Battles", sub_event_type="Armed clash", trigger="clashes", trigger_start=12,
                     sentence_start=5, sentence_end=40, places=((20, 26),), near=((20, 26),),
                     attributive=((30, 32),), fatalities=3)
    moved = e.shifted(100)
    assert (moved.trigger_start, moved.sentence_start, moved.sentence_end, moved.places, moved.near,
            moved.attributive, moved.fatalities) == (112, 105, 140, ((120, 126),), ((120, 126),), ((130, 132),), 3)


# Integer fields that are no character offsets: a count, and a sentence's number (moved by ``sentences``).
_NOT_OFFSETS = {"fatalities", "sentence"}


def _offsets(record) -> list[int]:
    """Every integer of the record's fields that hold character offsets."""
    out = []
    for f in fields(record):
        value = getattr(record, f.name)
        if "int" in f.type and f.name not in _NOT_OFFSETS:
            out += [value] if isinstance(value, int) else [x for span in value for x in (
                span if isinstance(span, tuple) else (span,))]
    return out


@pytest.mark.parametrize("record", [
    PlaceMention(start=10, end=16, text="Kunduz", name="Kunduz", role="place", label="GPE", sentence=2),
    Claim(claimant="Ahmad", role=None, anonymous=False, verb="said", statement="x", start=10, end=20,
          sentence_start=5, sentence_end=30),
    EventMention(event_type="Battles", sub_event_type="Armed clash", trigger="clashes", trigger_start=12,
                 sentence_start=5, sentence_end=40, places=((20, 26), (28, 30)), near=((20, 26),),
                 attributive=((30, 32),), fatalities=3),
    DistanceCue(sentence_start=5, km=50.0, bearing="north", anchor=(20, 26)),
])
def test_read_shifting_leaves_no_offset_field_behind(record):
    # a field of offsets added to a record and not to the shifting leaves a later piece's spans where
    # they were in the piece (as EventMention.attributive once was, for texts over PIECE_CHARS)
    # a piece read 1000 characters and one sentence in (only a place mention keeps its sentence's number)
    moved = record.shifted(1000, sentences=1) if isinstance(record, PlaceMention) else record.shifted(1000)
    assert _offsets(moved) == [x + 1000 for x in _offsets(record)] and len(_offsets(record)) >= 2
    assert {f.name: getattr(moved, f.name) for f in fields(record) if "int" not in f.type or f.name == "fatalities"} \
        == {f.name: getattr(record, f.name) for f in fields(record) if "int" not in f.type or f.name == "fatalities"}


def test_read_a_text_read_in_pieces_reads_as_it_does_whole():
    # cut at its line ends, each piece holding whole sentences: the same records, at the same offsets
    text = ("Fighting erupted in Kunduz on Monday, officials said.\n"
            "Taliban fighters attacked a checkpoint in Herat.\nPolice in Kabul said two people were killed.")
    assert len(list(pieces(text, size=60))) == 3
    (cut,), (whole,) = (read([text], known=lambda name: 0.0, piece_chars=n, with_events=True) for n in (60, 100_000))
    assert cut == whole
    assert [text[s:e] for s, e in cut.sentences if e > s] == text.split("\n")
    assert [m.text for m in cut.mentions] == ["Kunduz", "Kabul"]
    for m in cut.mentions:
        s, e = cut.sentences[m.sentence]
        assert text[m.start:m.end] == m.text and s <= m.start < e
    assert [text[e.trigger_start:e.trigger_start + len(e.trigger)] for e in cut.events] == \
        ["Fighting", "attacked", "killed"]
    assert [text[c.start:c.end] for c in cut.claims] == [c.statement for c in cut.claims] == \
        ["Fighting erupted in Kunduz on Monday", "two people were killed."]
    assert [text[s:e] for e in cut.events for s, e in e.places] == ["Kunduz"]
