"""Escaping of untrusted text for HTML, JavaScript template literals and Jinja."""
import pytest

from ui.escape import safe


@pytest.mark.parametrize("text, forbidden", [
    ("<b>", "<b>"), ("${x}", "${"), ("`", "`"), ("\\", "\\"), ("'\"", "'"), ("{{ x }}", "{"), ("{% x %}", "}"),
])
def test_escape_safe_escapes_html_and_template_literals(text, forbidden):
    assert forbidden not in safe(text)
