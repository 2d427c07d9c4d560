"""The documentation's commands, run, and its links, followed.

In README.md and docs/*.md, a fenced block right after ``<!-- test: run -->`` is run; one
right after ``<!-- test: file NAME -->`` is written to NAME first. Each page runs in a
scratch folder of its own that links to the repository's files (so ``.venv/bin/python -m
events ...`` and ``demo/articles.jsonl`` work as written, and whatever a command writes lands
in the scratch folder), with its blocks in order, offline: HOME, the default store and every
proxy point into the scratch folder or nowhere, and no online geocoder is set.

A block of plain lines runs as one bash script (``set -euo pipefail``). In a block whose
commands start with ``$ ``, each command runs alone, and each line shown under it must match
a line it prints, in order, ``...`` matching anything.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
_MARKER = re.compile(r"^<!-- test: (run|file ([\w.-]+)) -->$")
_FENCE = re.compile(r"^```")
#: Not linked into the scratch folder: git's and the tools' own state.
_UNLINKED = {".git", ".pytest_cache", ".hypothesis", ".ruff_cache"}


@dataclass
class Block:
    page: Path
    line: int           # of the block's first line, from 1
    action: str         # "run" or "file"
    name: str | None    # the file a "file" block is written to
    text: str


def blocks(page: Path) -> list[Block]:
    """The marked blocks of a page, in order; a marker not followed by a block is an error."""
    lines = page.read_text(encoding="utf-8").splitlines()
    out = []
    for i, line in enumerate(lines):
        m = _MARKER.match(line.strip())
        if not m:
            continue
        start = i + 1
        if start >= len(lines) or not _FENCE.match(lines[start]):
            raise AssertionError(f"{page.name}:{i + 1}: a test marker must stand right above a fenced block")
        end = next((j for j in range(start + 1, len(lines)) if lines[j].startswith("```")), None)
        if end is None:
            raise AssertionError(f"{page.name}:{start + 1}: the block is never closed")
        out.append(Block(page, start + 2, "run" if m.group(1) == "run" else "file", m.group(2),
                         "\n".join(lines[start + 1:end]) + "\n"))
    return out


def _runnable_pages() -> list[Path]:
    return [p for p in PAGES if any(b.action == "run" for b in blocks(p))]


def _scratch(tmp_path: Path) -> tuple[Path, dict]:
    work = tmp_path / "work"
    work.mkdir()
    for entry in REPO.iterdir():
        if entry.name not in _UNLINKED:
            (work / entry.name).symlink_to(entry)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SITREP_") or k == "SITREP_GAZETTEER"}
    env.update(HOME=str(home), SITREP_DB=str(tmp_path / "default-store.sqlite"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"),
               NO_PROXY="", no_proxy="")
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        env[proxy] = "http://127.0.0.1:9"  # nothing listens there: a network call fails at once
    return work, env


def _bash(script: str, work: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", "set -euo pipefail\n" + script], check=False, cwd=work, env=env,
                          capture_output=True, text=True, timeout=600)


def _sessions(text: str) -> list[tuple[str, list[str]]]:
    """(command, lines shown under it) of a block written as a terminal session."""
    out: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out and line.strip():
            out[-1][1].append(line)
    return out


def _shown(expected: str) -> re.Pattern:
    return re.compile(".*".join(re.escape(part) for part in expected.split("...")))


def _check(block: Block, what: str, result: subprocess.CompletedProcess) -> None:
    where = f"{block.page.relative_to(REPO)}:{block.line}"
    assert result.returncode == 0, f"{where}: {what} exited {result.returncode}\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr, f"{where}: {what}\n{result.stderr[-3000:]}"


@pytest.mark.slow  # the real command lines, each in a process of its own
@pytest.mark.parametrize("page", _runnable_pages(), ids=lambda p: str(p.relative_to(REPO)))
def test_docs_commands_run_as_written(page, tmp_path, gazetteer_path):
    work, env = _scratch(tmp_path)
    for block in blocks(page):
        if block.action == "file":
            (work / block.name).write_text(block.text, encoding="utf-8")
            continue
        sessions = _sessions(block.text)
        if not sessions:
            _check(block, "the block", _bash(block.text, work, env))
            continue
        for command, shown in sessions:
            result = _bash(command, work, env)
            _check(block, repr(command), result)
            printed = iter(result.stdout.splitlines())
            for line in shown:
                pattern = _shown(line)
                assert any(pattern.fullmatch(p) for p in printed), \
                    f"{block.page.relative_to(REPO)}:{block.line}: {command!r} did not print, in order,\n" \
                    f"{line}\nbut:\n{result.stdout[-3000:]}"


# -- quick checks, no commands run ------------------------------------------------------

def test_docs_markers_stand_above_blocks_and_some_pages_are_run():
    assert {p.name for p in _runnable_pages()} >= {"README.md", "events.md", "geoparsing.md", "gazetteer.md"}
    for page in PAGES:
        for block in blocks(page):
            assert block.text.strip(), f"{page.name}:{block.line}: an empty block"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation but '-' and '_' dropped, blanks to '-'."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)
    return {_slug(m.group(1)) for m in re.finditer(r"^#+ (.+)$", text, flags=re.MULTILINE)}


def test_docs_links_lead_to_files_and_headings_that_exist():
    for page in PAGES:
        text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            path, _, anchor = target.partition("#")
            dest = (page.parent / path).resolve() if path else page
            assert dest.exists(), f"{page.name}: a link to {target}, which does not exist"
            if anchor and dest.suffix == ".md":
                assert anchor in _anchors(dest), f"{page.name}: a link to {target}: no such heading"


def test_readme_keeps_the_quick_start():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    for line in ("make demo    # set up, then open the dashboard on the bundled demo data",
                 "make test    # set up, then run every test (what CI runs: .ci/run)",
                 '`make quick` (`.venv/bin/python -m pytest -n auto -m "not slow"`) leaves out'):
        assert line in text
