"""The maps shipped in `maps/` stay clean under the project's own linter."""

from argmap.lint import check_paths

from conftest import ROOT


def test_maps_have_no_errors_or_warnings():
    findings = check_paths([str(ROOT / "maps")]).findings
    assert [f for f in findings if f.severity.value != "info"] == []
