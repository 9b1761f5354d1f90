"""The layout, measured on the drawings of the test maps and of `maps/` as
`bench/layout_metrics.py` measures them: the targets of issue 13 hold; and the helpers' own
examples."""

from __future__ import annotations

import importlib.util
import re

import pytest

from argmap.cli import main
from conftest import DATA, ROOT

RENDER = DATA / "render"
MAPS = ROOT / "maps"


def _load_metrics():
    spec = importlib.util.spec_from_file_location("layout_metrics",
                                                  ROOT / "bench" / "layout_metrics.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


metrics = _load_metrics()


@pytest.fixture(scope="module")
def drawings():
    return {(path.split("/")[-1], view): metrics.measure(layout)
            for path, view, layout in metrics.lay_out_all([str(RENDER), str(MAPS)])}


@pytest.mark.parametrize("name", ["harbour.arg", "ferry.arg", "fpri.arg", "eastwest.arg"])
def test_a_map_is_a_tree_with_each_claims_reasons_on_one_row(drawings, name):
    found = drawings[(name, "map")]
    assert found.misses(metrics.MAP_TARGETS) == []
    # every claim's reasons, not only the theses' (to a float's precision)
    assert found.claim_spread == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize("name", ["harbour-vs-ferry.arg", "fpri-vs-eastwest.arg"])
def test_a_comparison_reads_down_with_short_relations(drawings, name):
    found = drawings[(name, "comparison")]
    # harbour-vs-ferry's three theses too, though ferry has two and the drawing few rows.
    assert found.misses(metrics.COMPARISON_TARGETS) == []
    assert found.numbers_in_order
    assert drawings[(name, "comparison --full")].misses(metrics.FULL_TARGETS) == []


def test_the_metrics_see_crossings_overlaps_and_spread():
    def node(gvid, name, x, y, **more):
        return {"_gvid": gvid, "name": name, "pos": f"{x},{y}", "width": "1", "height": "0.5",
                **more}

    layout = {"bb": "0,0,400,300", "objects": [
        node(0, "t", 200, 250, fillcolor="#17375e"), node(1, "a", 100, 150),
        node(2, "b", 300, 50), node(3, "c", 100, 50), node(4, "d", 300, 150)],
        "edges": [
            {"_gvid": 0, "tail": 1, "head": 0, "pos": "100,150 150,200 150,200 200,250"},
            {"_gvid": 1, "tail": 2, "head": 0, "pos": "300,50 250,150 250,150 200,250"},
            # c to d crosses b to t; its label lies on node a.
            {"_gvid": 2, "tail": 3, "head": 4, "pos": "100,50 200,100 200,100 300,150",
             "_ldraw_": [{"op": "F", "size": 14.0, "face": "x"},
                         {"op": "T", "pt": [100, 150], "align": "c", "width": 20.0,
                          "text": "1"}]},
            # c to t runs straight up through a.
            {"_gvid": 3, "tail": 3, "head": 0, "pos": "100,50 100,150 100,150 200,250"}]}
    found = metrics.measure(layout)
    assert (found.crossings, found.overlaps, found.through_nodes) == (1, 1, 1)
    assert found.thesis_spread == pytest.approx(100 / 36, abs=1e-3)  # rows 100 apart, 36 high


def test_svg_text_is_anchored_at_the_middle_of_each_box(tmp_path, capsys):
    assert main(["render", str(RENDER / "harbour.arg"), "-o", str(tmp_path)]) == 0
    svg = (tmp_path / "harbour.svg").read_text(encoding="utf-8")
    # Every node and panel of the map; the legend, in the graph's label, stays left-aligned.
    boxes = re.findall(r'<g id="(?:harbour\.|document:)[^>]*>.*?</g>', svg, flags=re.S)
    assert len(boxes) > 8 and not any('text-anchor="start"' in box for box in boxes)
    build_east = svg.split('<g id="harbour.build_east" class="node">')[1].split("</g>")[0]
    outline = re.search(r' (?:points|d)="([^"]*)"', build_east).group(1)
    xs = [float(x) for x in re.findall(r"-?[\d.]+", outline)[0::2]]
    assert set(re.findall(r'text-anchor="middle" x="([^"]*)"', build_east)) == {
        f"{(min(xs) + max(xs)) / 2:g}"}


def test_a_node_bearing_on_two_claims_is_repeated_under_the_second(tmp_path, capsys):
    assert main(["render", str(RENDER / "harbour.arg"), "-o", str(tmp_path),
                 "--format", "dot"]) == 0
    dot = (tmp_path / "harbour.dot").read_text(encoding="utf-8")
    repeat = '"repeat:harbour.temporary@harbour.survey_quote->jobs"'
    assert f'{repeat} -> "harbour.survey_quote->jobs" [arrowhead=diamond' in dot
    assert '"harbour.temporary" -> "harbour.dredging"' in dot
    assert '"harbour.temporary" -> "harbour.survey_quote->jobs"' not in dot
    assert "repeated: in full under" in dot and "“Dredging could disturb" in dot
    assert "filled,dashed" in dot


def test_each_claim_stands_over_the_middle_of_its_row(tmp_path, capsys):
    assert main(["render", str(RENDER / "harbour.arg"), "-o", str(tmp_path),
                 "--format", "dot"]) == 0
    dot = (tmp_path / "harbour.dot").read_text(encoding="utf-8")
    # The thesis's row: deep_water, pays_for_itself, too_costly, jobs; too_costly is its
    # middle, and the rebuttal in the middle of too_costly's row.
    for name in ("harbour.build_east", "harbour.too_costly", "harbour.pays_back"):
        assert f'\t"{name}" [group="harbour.build_east"]' in dot


