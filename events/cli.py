"""``python -m events``: geoparse articles and score the geoparser.

    python -m events geoparse IN.jsonl -o OUT.jsonl [--jobs N]
    python -m events evaluate GOLD.jsonl [--jobs N]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from events.runner import Progress, geoparse_lines


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m events", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="worker processes (default: all cores)")
    common.add_argument("--gazetteer", metavar="FILE", help="gazetteer file (default: $SITREP_GAZETTEER or the user cache)")

    g = sub.add_parser("geoparse", parents=[common],
                       help="find and resolve the places of JSON Lines articles {id, text}")
    g.add_argument("input", metavar="IN.jsonl", help="input JSON Lines ('-' for stdin)")
    g.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="output JSON Lines ('-' for stdout)")

    e = sub.add_parser("evaluate", parents=[common],
                       help="score the geoparser on a gold corpus (EUPEG's end-to-end metrics)")
    e.add_argument("gold", metavar="GOLD.jsonl")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    return p


def _open_in(name: str):
    if name == "-":
        return sys.stdin
    return open(name, encoding="utf-8", errors="replace", newline="\n")


def cmd_geoparse(args) -> int:
    progress = Progress("geoparse")
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        with _open_in(args.input) as lines:
            for outcome in geoparse_lines(lines, jobs=args.jobs, gazetteer_path=args.gazetteer):
                for message in outcome.messages:
                    print(f"\ngeoparse: {message}", file=sys.stderr)
                if outcome.record is not None:
                    out.write(json.dumps(outcome.record, ensure_ascii=False) + "\n")
                    progress.update(outcome.words)
    finally:
        if out is not sys.stdout:
            out.close()
    progress.done()
    return 0


def cmd_evaluate(args) -> int:
    from events.evaluate import Scores, report

    gold_path = Path(args.gold)
    golds: dict[int, list] = {}

    def lines():
        # Keep only what scoring needs from each gold line; the text goes to the workers.
        with _open_in(args.gold) as f:
            for number, line in enumerate(f, 1):
                try:
                    rec = json.loads(line)
                    golds[number] = rec.get("toponyms") or []
                    yield json.dumps({"id": rec.get("id"), "text": rec.get("text", "")})
                except (json.JSONDecodeError, AttributeError):
                    golds[number] = []
                    yield line

    scores = Scores()
    progress = Progress("evaluate")
    for outcome in geoparse_lines(lines(), jobs=args.jobs, gazetteer_path=args.gazetteer):
        if outcome.record is None:
            continue
        scores.add(golds.pop(outcome.line, []), outcome.record["places"])
        progress.update(outcome.words)
    progress.done()
    summary = scores.summary()
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        corpus = next((c for c in ("lgl", "geovirus") if c in gold_path.name.lower()), None)
        print(report(summary, corpus=corpus))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "geoparse":
            return cmd_geoparse(args)
        return cmd_evaluate(args)
    except FileNotFoundError as exc:
        print(f"events: error: {exc.filename or exc}: no such file", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"events: error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # the packages' own errors (geo, parsing) subclass ValueError
        print(f"events: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nevents: interrupted", file=sys.stderr)
        return 130
