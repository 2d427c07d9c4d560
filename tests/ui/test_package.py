"""The layout of issue #22: ``dashboard.py -> ui/ -> events/ -> ...``. Nothing below the UI
imports it, and ui/ builds plain values: dashboard.py alone calls Streamlit."""
import ast

import pytest

from tests.conftest import REPO


def _imports(path):
    """The top-level package of every module that ``path`` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ["events", "geoparse", "parsing", "geo"])
def test_package_nothing_below_the_ui_imports_it(package):
    files = sorted((REPO / package).rglob("*.py"))
    assert [str(f.relative_to(REPO)) for f in files if "ui" in _imports(f)] == []


def test_package_ui_calls_no_streamlit_and_only_the_app_imports_it():
    for f in sorted((REPO / "ui").glob("*.py")):
        assert not {"streamlit", "streamlit_folium"} & _imports(f), f.name
    assert [f.name for f in sorted(REPO.glob("*.py")) if "ui" in _imports(f)] == ["dashboard.py"]
