"""A map shows its drawing in Jupyter: a real notebook run by nbclient in a real kernel."""

from __future__ import annotations

import pytest

import argmap
from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")


def test_a_loaded_map_and_comparison_show_their_drawings_in_a_notebook(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("import argmap"),
        nbformat.v4.new_code_cell(f"argmap.load({str(ROOT / 'maps' / 'fpri.arg')!r})"),
        nbformat.v4.new_code_cell(
            f"argmap.load({str(ROOT / 'maps' / 'fpri-vs-eastwest.arg')!r})"),
    ]
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    for cell, shows in zip(notebook.cells[1:], ["engage_russia", "eastwest"]):
        (output,) = cell.outputs
        assert output.output_type == "execute_result"
        svg = output.data["image/svg+xml"]
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg and shows in svg


def test_the_svg_is_the_drawing_render_makes():
    path = str(ROOT / "maps" / "fpri.arg")
    assert argmap.load(path)._repr_svg_() == argmap.draw(path, "svg")
