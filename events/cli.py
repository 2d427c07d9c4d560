"""``python -m events``: ingest articles into the event store, export and count them;
geoparse articles and score the geoparser.

    python -m events ingest PATH... [--db FILE] [--published YYYY-MM-DD] [--jobs N]
    python -m events export [--db FILE] [--table events|claims|places|articles] --format jsonl|csv|geojson|parquet -o OUT
    python -m events stats [--db FILE]
    python -m events geoparse IN.jsonl -o OUT.jsonl [--jobs N]
    python -m events evaluate GOLD.jsonl [--jobs N] [--half rules|check|all]
    python -m events evaluate-events FILE.jsonl [--jobs N]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from tqdm import tqdm

from events.exc import EventsError, StoreError
from events.export import FORMATS
from events.guard import ARTICLE_SECONDS
from events.runner import geoparse_lines
from parsing.articles import DEFAULT_MAX_BYTES, plausible_published
from parsing.exc import ArticleError


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m events", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="worker processes (default: all cores)")
    common.add_argument("--gazetteer", metavar="FILE", help="gazetteer file (default: $SITREP_GAZETTEER or the user cache)")
    common.add_argument("--article-timeout", type=float, default=ARTICLE_SECONDS, metavar="S",
                        help=f"seconds one article may take before it is given up as 'took too long' "
                             f"(default {ARTICLE_SECONDS:g}, a third more per 100,000 characters; 0: no limit)")

    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", metavar="FILE", help="event store (default: $SITREP_DB or the user data directory)")

    i = sub.add_parser("ingest", parents=[common, db],
                       help="read articles (.txt, .html, .jsonl, folders, '-' for stdin) into the store")
    i.add_argument("paths", nargs="+", metavar="PATH")
    i.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                   help="publication date of inputs that carry none")
    i.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"largest file (or JSON line) read, in bytes (default {DEFAULT_MAX_BYTES:,})")
    i.add_argument("--json", action="store_true", help="print the summary as JSON")
    i.add_argument("--id-prefix", default="", metavar="PREFIX",
                   help="put the articles' ids in a namespace of their own (e.g. 'upload:')")
    i.add_argument("--no-replace", dest="replace", action="store_false",
                   help="reject an article whose id is stored with other content instead of replacing it")
    i.add_argument("--progress", choices=("line", "jsonl", "none"), default="line",
                   help="progress on stderr: a line rewritten in place (default), one JSON object "
                        "per update (for programs), or none")

    x = sub.add_parser("export", parents=[db], help="write a table of the store to a file")
    x.add_argument("--table", default="events", choices=("events", "claims", "places", "articles",
                                                          "ingest_errors"))
    x.add_argument("--format", required=True, choices=FORMATS)
    x.add_argument("-o", "--output", required=True, metavar="OUT")

    st = sub.add_parser("stats", parents=[db], help="counts by table, country and admin1; date range")
    st.add_argument("--json", action="store_true", help="print the counts as JSON")

    ev = sub.add_parser("evaluate-events", parents=[common],
                        help="score event extraction on ACLED-coded descriptions")
    ev.add_argument("gold", metavar="FILE.jsonl")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")

    g = sub.add_parser("geoparse", parents=[common],
                       help="find and resolve the places of JSON Lines articles {id, text}")
    g.add_argument("input", metavar="IN.jsonl", help="input JSON Lines ('-' for stdin)")
    g.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="output JSON Lines ('-' for stdout)")

    e = sub.add_parser("evaluate", parents=[common],
                       help="score the geoparser on a gold corpus (EUPEG's end-to-end metrics)")
    e.add_argument("gold", metavar="GOLD.jsonl")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.add_argument("--half", choices=("rules", "check", "all"), default="all",
                   help="score one fixed half of the corpus, split by a hash of each document's id: "
                        "'rules' (where rules may be written) or 'check' (the figure that counts; "
                        "development data all the same, not held out); default all")
    return p


def _date(value: str) -> date:
    try:
        return plausible_published(date.fromisoformat(value), where="--published")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc) if isinstance(exc, ArticleError)
                                         else f"not a date in YYYY-MM-DD form: {value!r}") from None


class _Line(tqdm):
    """A progress line on stderr (tqdm's): rewritten at most once a second, and not shown where
    stderr is not a terminal. Its ``bar_format`` may name counts of its own, kept in ``counts``,
    and their rates since the start (``{words_per_s}``; ``{n_per_s}`` for the items)."""

    def __init__(self, label: str, *, bar_format: str, **counts: int):
        self.counts = counts
        super().__init__(desc=label, bar_format=bar_format, file=sys.stderr, mininterval=1.0,
                         disable=None)

    @property
    def format_dict(self) -> dict:
        shown = super().format_dict
        seconds = shown["elapsed"]
        rates = {f"{k}_per_s": v / seconds if seconds else 0.0
                 for k, v in (("n", shown["n"]), *self.counts.items())}
        return {**shown, **self.counts, **rates}

    def add(self, **counts: int) -> None:
        """One more item, and ``counts`` added to the line's counts."""
        for key, n in counts.items():
            self.counts[key] += n
        self.update(1)


def _reading(label: str) -> _Line:
    """The progress line of a command that reads articles: how many, their words, words a second."""
    return _Line(label, bar_format="{desc}: {n:,} articles, {words:,} words, {words_per_s:,.0f} words/s "
                                   "[{elapsed}]", words=0)


class _IngestProgress:
    """Ingest's progress on stderr: a :class:`_Line` (``line``), or (``jsonl``, for programs:
    :mod:`events.jobs` reads it) one JSON object a line at most four times a second,
    ``{"inputs", "stored", "unchanged", "rejected"}``, or (``none``) nothing."""

    def __init__(self, *, style: str = "line"):
        self.style = style
        self.last = 0.0
        self.line = _Line("ingest", bar_format="{desc}: {n:,} inputs ({stored:,} stored, {unchanged:,} unchanged, "
                                               "{rejected:,} rejected), {n_per_s:,.1f}/s [{elapsed}]",
                          stored=0, unchanged=0, rejected=0) if style == "line" else None

    def __call__(self, s) -> None:
        if self.line is not None:
            self.line.counts.update(stored=s.stored + s.replaced, unchanged=s.unchanged, rejected=s.rejected)
            self.line.update(s.articles + s.rejected - self.line.n)
            return
        now = time.monotonic()
        if self.style == "none" or now - self.last < 0.25:
            return
        self.last = now
        print(json.dumps({"inputs": s.articles + s.rejected, "stored": s.stored + s.replaced,
                          "unchanged": s.unchanged, "rejected": s.rejected}), file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.line is not None:
            self.line.close()


def cmd_ingest(args) -> int:
    from events.ingest import ingest
    from events.store import Store

    with Store(args.db) as store:
        progress = _IngestProgress(style=args.progress)
        try:
            summary = ingest(args.paths, store=store, published=args.published, jobs=args.jobs,
                             max_bytes=args.max_bytes, gazetteer_path=args.gazetteer, progress=progress,
                             id_prefix=args.id_prefix, replace=args.replace,
                             article_seconds=args.article_timeout or None)
        finally:
            progress.done()
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(summary.text())
        print(f"store: {store.path}")
    return 0


def cmd_export(args) -> int:
    from events.export import export
    from events.store import Store

    with Store(args.db) as store:
        n = export(store, args.table, args.format, args.output)
    print(f"export: {n:,} {args.table} rows to {args.output} ({args.format})", file=sys.stderr)
    return 0


def cmd_stats(args) -> int:
    from events.store import Store

    with Store(args.db) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    print(f"store: {stats['path']} (schema {stats['schema_version']})")
    for table, n in stats["counts"].items():
        print(f"  {table:14} {n:>10,}")
    dates = stats["event_dates"]
    print(f"event dates: {dates['first'] or '-'} to {dates['last'] or '-'}")
    if stats["events_by_country"]:
        print("events by country:")
        for country, n in list(stats["events_by_country"].items())[:30]:
            print(f"  {country:30} {n:>8,}")
        print("events by admin1:")
        for row in stats["events_by_admin1"][:30]:
            print(f"  {row['country'][:20]:20} {row['admin1'][:28]:28} {row['events']:>8,}")
    return 0


def cmd_evaluate_events(args) -> int:
    from events.evaluate_events import evaluate, report

    with _open_in(args.gold) as lines, _reading("evaluate-events") as progress:
        scores = evaluate(lines, jobs=args.jobs, gazetteer_path=args.gazetteer,
                          progress=lambda words: progress.add(words=words))
    summary = scores.summary()
    print(json.dumps(summary, indent=2) if args.json else report(summary))
    return 0


def _open_in(name: str):
    """The input's lines as bytes, for :mod:`events.jsonl` to decode ('-': standard input)."""
    if name == "-":
        return sys.stdin.buffer
    return open(name, "rb")


def cmd_geoparse(args) -> int:
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        with _open_in(args.input) as lines, _reading("geoparse") as progress:
            for outcome in geoparse_lines(lines, jobs=args.jobs, gazetteer_path=args.gazetteer,
                                          article_seconds=args.article_timeout or None):
                for message in outcome.messages:
                    progress.write(f"geoparse: {message}", file=sys.stderr)
                if outcome.record is not None:
                    out.write(json.dumps(outcome.record, ensure_ascii=False) + "\n")
                    progress.add(words=outcome.words)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def cmd_evaluate(args) -> int:
    from events.evaluate import evaluate, report

    gold_path = Path(args.gold)
    with _open_in(args.gold) as lines, _reading("evaluate") as progress:
        scores = evaluate(lines, which=args.half, jobs=args.jobs, gazetteer_path=args.gazetteer,
                          progress=lambda words: progress.add(words=words))
    summary = scores.summary()
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        corpus = next((c for c in ("lgl", "geovirus") if c in gold_path.name.lower()), None)
        print(report(summary, corpus=corpus))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    commands = {"ingest": cmd_ingest, "export": cmd_export, "stats": cmd_stats,
                "evaluate-events": cmd_evaluate_events,
                "geoparse": cmd_geoparse, "evaluate": cmd_evaluate}
    try:
        return commands[args.command](args)
    except EventsError as exc:
        print(f"events: error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, StoreError) else 1
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
