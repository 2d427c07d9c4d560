"""The bundled demo store: original demo articles (``demo/articles.jsonl``) ingested on first use."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from events.ingest import ingest
from events.store import Store

DEMO_ARTICLES = Path(__file__).resolve().parents[1] / "demo" / "articles.jsonl"
ENV_PATH = "SITREP_DEMO_DB"


def demo_path() -> Path:
    """``$SITREP_DEMO_DB``, else ``demo.sqlite`` in the user data directory."""
    env = os.environ.get(ENV_PATH)
    return Path(env).expanduser() if env else Path(platformdirs.user_data_dir("sitrep")) / "demo.sqlite"


def ensure_demo_store(path: Path | None = None) -> Path:
    """The demo store, built from the demo articles, completed where it lacks any, and re-read
    where an older pipeline stored them (their content hashes include the pipeline's version);
    articles already up to date cost only a hash each."""
    path = Path(path) if path else demo_path()
    with Store(path) as store:
        ingest([str(DEMO_ARTICLES)], store=store, jobs=1)
    return path
