"""`argmap render`: the DOT it builds, the SVG it lays out, and how the command behaves."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.lint import check_paths
from argmap.render.labels import wrap
from argmap.semantics import Resolver
from conftest import DATA, HEADER, ROOT

RENDER = DATA / "render"
MAPS = ROOT / "maps"
SVG = "{http://www.w3.org/2000/svg}"


def render(capsys, *args):
    status = main(["render", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def dot_of(capsys, tmp_path, path, *options) -> str:
    # Not in tmp_path itself: file_regression keeps its expected files there.
    out = tmp_path / "out"
    assert render(capsys, path, "-o", out, "--format", "dot", *options)[0] == 0
    return (out / f"{Path(path).stem}.dot").read_text(encoding="utf-8")


def groups(svg: str) -> dict[str, ET.Element]:
    """The `<g>` elements of an SVG, by id."""
    return {g.get("id"): g for g in ET.fromstring(svg).iter(f"{SVG}g")}


def title(group: ET.Element) -> str:
    return group.find(f"{SVG}title").text


def label_of(dot: str, name: str) -> list[str]:
    """The lines of the HTML-like label of the node `name` (broken by `<BR/>`, or each in a
    cell of its own)."""
    label = re.search(rf'"{re.escape(name)}" \[label=<(.*?)> \w+=', dot).group(1)
    cells = re.findall(r"<TD>(.*?)</TD>", label)
    return cells if cells else label.split("<BR/>")


def copy_data(tmp_path, *names) -> Path:
    for name in names:
        shutil.copy(RENDER / name, tmp_path / name)
    return tmp_path


# The DOT: golden files, regenerated with `pytest --force-regen` when the maps change.

@pytest.mark.parametrize("path", sorted(RENDER.glob("*.arg")) + sorted(MAPS.glob("*.arg")),
                         ids=lambda path: f"{path.parent.name}/{path.name}")
def test_dot_of_each_map(capsys, tmp_path, file_regression, path):
    prefix = "maps-" if path.parent == MAPS else ""
    file_regression.check(dot_of(capsys, tmp_path, path), basename=prefix + path.stem,
                          extension=".dot")


def test_full_and_claims_only_dot(capsys, tmp_path, file_regression):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour-vs-ferry.arg", "--full")
    file_regression.check(dot, basename="harbour-vs-ferry-full", extension=".dot")
    dot = dot_of(capsys, tmp_path, RENDER / "harbour-vs-ferry.arg", "--full", "--claims-only")
    file_regression.check(dot, basename="harbour-vs-ferry-claims-only", extension=".dot")


def test_dot_is_byte_identical_across_runs_and_hash_seeds(tmp_path):
    outputs = []
    for seed in ("0", "1", "4242"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "argmap", "render", "--format", "dot", "-o", str(out),
                        str(RENDER), str(MAPS)], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert len(outputs[0]) == 7
    assert outputs[0] == outputs[1] == outputs[2]


# What the DOT says.

def test_every_node_is_drawn_with_its_id_and_kind(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour.arg")
    model = argmap.load(str(RENDER / "harbour.arg")).map
    # Quotes folded into their claims (the legend, in the graph's label, shows one too).
    folded = re.findall(r"“(\d) quotes?”", dot.split("\tnode [", 1)[1])
    for node in model.nodes:  # a node of its own, or a quote folded into its claim
        assert f'id="harbour.{node.id}"' in dot or node.kind.value == "evidence"
    assert sum(map(int, folded)) + dot.count('shape=note') == sum(
        node.kind.value == "evidence" for node in model.nodes)
    assert 'style="filled,diagonals"' in dot and 'peripheries=2' in dot and 'shape=note' in dot
    assert '"rounded,dashed,filled"' in dot  # assumptions


def test_evidence_shows_its_quote_in_quotation_marks_and_its_source_line(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour.arg", "--quotes-inside")
    assert "<I>“the port authority" in dot
    assert "<I>“Critics say the cost is</I></FONT><BR/>" in dot
    assert "harbour · line 5<" in dot
    assert "harbour · lines 9–10<" in dot  # a quote over two lines of the source


def test_tags_are_in_small_type(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour.arg")
    assert '<FONT POINT-SIZE="11" COLOR="#c8d6e8">#policy #harbour</FONT>' in dot
    assert '<FONT POINT-SIZE="11" COLOR="#4b5560">#cost</FONT>' in dot  # dark on vermilion


def test_long_texts_wrap_and_are_never_cut(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour.arg")
    lines = label_of(dot, "harbour.pays_for_itself")
    assert len(lines) > 4 and max(map(len, lines)) <= 34
    assert " ".join(lines) == ("The harbour would pay for itself within fifteen years, because "
                               "larger ships could dock without lighters — and a premise this long "
                               "shows how a long text wraps over several lines instead of being cut.")
    assert "".join(label_of(dot, "harbour.traffic")).replace(" ", "") == (
        "Traffic through the old town: residents-association-opposition-to-through-traffic-"
        "in-the-old-town.").replace(" ", "")


def test_a_quote_on_which_nothing_bears_is_folded_into_its_claim(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour.arg")
    too_costly = dot.split('\t"harbour.too_costly" [label=')[1].split("\n")[0]
    assert "“1 quote” · line 5" in too_costly and "Critics say" not in too_costly
    assert '\t"harbour.critics_quote"' not in dot and '-> "harbour.critics_quote"' not in dot
    svg = render_svg(capsys, RENDER / "harbour.arg", tmp_path / "svg")
    assert title(groups(svg)["harbour.too_costly"]).endswith(
        "evidence harbour.critics_quote\n“Critics say the cost is too high.”\n"
        "harbour · line 5 of harbour.txt")


def test_a_quote_on_which_nothing_bears_is_drawn_inside_its_claims_box(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour.arg", "--quotes-inside")
    too_costly = dot.split('\t"harbour.too_costly" [label=')[1].split("\n")[0]
    assert 'ID="harbour.critics_quote" TOOLTIP="harbour.critics_quote" BGCOLOR="#fbf5e4"' in (
        too_costly)
    # No node, no edge of its own.
    assert '\t"harbour.critics_quote"' not in dot and '-> "harbour.critics_quote"' not in dot
    # Undercut, its link stays a line: the quote stays a node.
    assert '"harbour.estimate_quote" [label=' in dot


def test_an_undercut_points_at_a_point_on_the_link_it_attacks(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour.arg")
    point = '"harbour.estimate_quote->pays_for_itself"'
    assert f"{point} [id=\"link:harbour.estimate_quote->pays_for_itself\"" in dot
    assert "shape=point" in dot
    assert f'"harbour.estimate_quote" -> {point} [arrowhead=none' in dot
    assert f'{point} -> "harbour.pays_for_itself" [arrowhead=normal' in dot
    assert f'"harbour.dredging" -> {point} [arrowhead=diamond' in dot
    assert 'style=dotted' in dot


def test_relations_each_have_their_own_colour_line_and_arrowhead(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour.arg")
    edge = {kind: dot.split(f"{tail} -> {head} [")[1].split("]")[0] for kind, tail, head in [
        ("supports", '"harbour.deep_water"', '"harbour.build_east"'),
        ("attacks", '"harbour.too_costly"', '"harbour.build_east"'),
        ("undercuts", '"harbour.dredging"', '"harbour.estimate_quote->pays_for_itself"')]}
    styles = {kind: tuple(sorted(a for a in attributes.split() if a.split("=")[0] in
                                 ("color", "style", "arrowhead")))
              for kind, attributes in edge.items()}
    for attribute in range(3):
        assert len({style[attribute] for style in styles.values()}) == 3, styles


def test_theses_share_the_top_row(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "ferry.arg")
    assert 'rank=same\n\t\t"ferry.no_harbour"\n\t\t"ferry.small_quay"' in dot.replace("\t{\n", "")
    assert "rankdir=BT" in dot


def test_a_full_comparison_draws_documents_as_titled_clusters_and_relations_between(
        capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour-vs-ferry.arg", "--full")
    assert "subgraph cluster_harbour {" in dot and "subgraph cluster_ferry {" in dot
    assert "<B>The Harbour Question</B>" in dot
    assert "City Planning Review · A. Planner · 2024-03-01" in dot
    assert "Riverside Gazette · 2024" in dot
    assert "<B>The harbour question: planners vs the ferry lobby</B>" in dot
    # No line runs between the documents: each relation's number, kind and other end are
    # written under both its claims, and the key explains each number.
    assert not re.search(r'"harbour\.\w+" -> "ferry\.|"ferry\.\w+" -> "harbour\.', dot)
    # The other end is named by its text, shortened, as the reader sees it (no id).
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dot))
    assert "1 contradicts → “The city does not need a new harbour.”" in text
    assert "1 contradicts ← “The city should build the new harbour on the…”" in text
    assert "4 attacks ← “The ferries already carry most of the goods…”" in text
    assert "4 attacks → “The harbour would pay for itself within…”" in text
    assert "→ ferry." not in text and "→ harbour." not in text
    key = dot.split('ID="key"')[1]
    for number in range(1, 6):
        assert f"<B>{number}</B></TD>" in key


def test_a_comparison_reads_down_a_row_per_relation_its_theses_first(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour-vs-ferry.arg")
    assert "rankdir=TB" in dot
    flat = re.sub(r"\s+", " ", dot)
    # The headers, then every thesis in one row, then the relations between them (the theses
    # repeated), numbered 1 and 2.
    assert '{ rank=same "header/harbour" [' in flat and '"header/ferry" [' in flat
    assert re.search(r'rank=same "harbour.build_east" \[[^\]]*\] "ferry.no_harbour" \[[^\]]*\] '
                     r'"ferry.small_quay" \[[^\]]*\] }', flat)
    # (Each row of a topic's band starts with the invisible point that lines bands up.)
    band_edge = r'(?:"band-edge/\d+" \[[^\]]*\] )?'
    assert re.search(r'rank=same ' + band_edge + r'"repeat:harbour.build_east@row/2" \[[^\]]*\] '
                     r'"repeat:ferry.no_harbour@row/2" \[[^\]]*\] "relation/1" ', flat)
    assert re.search(r'rank=same ' + band_edge + r'"repeat:harbour.build_east@row/3" '
                     r'\[[^\]]*\] "repeat:ferry.small_quay@row/3" \[[^\]]*\] "relation/2" ', flat)
    # The claims the relations link; no quote, no unlinked reason.
    assert "harbour.jobs" not in dot and "_quote" not in dot
    # A relation runs from the left column to the right one, in two lines meeting at its
    # number; "ferry.small_quay qualifies harbour.build_east" ends at build_east, on the left,
    # drawn again there as a repeat.
    [left] = [line for line in dot.splitlines()
              if line.startswith('\t"repeat:harbour.build_east@row/3" -> "relation/2" [')]
    assert 'id="qualifies:ferry.small_quay:harbour.build_east"' in left
    assert all(a in left for a in ("arrowtail=odiamond", 'color="#e69f00"', "dir=back"))
    [right] = [line for line in dot.splitlines()
               if line.startswith('\t"relation/2" -> "repeat:ferry.small_quay@row/3" [')]
    assert 'id="qualifies:ferry.small_quay:harbour.build_east/to"' in right and "dir=none" in right
    # Each row ends with its relation's kind and explanation.
    why = dot.split('id="contradicts:harbour.build_east:ferry.no_harbour/why"')[0].rsplit(
        "\n", 1)[1].replace("<BR/>", " ")
    assert re.search(r"1\. contradicts.*One wants a harbour on the east bank, the other no "
                     r"harbour at all.", why)
    # The numbers go down the page in order.
    assert [int(n) for n in re.findall(r'"relation/(\d)" -> "relation/\d"', dot)] == [1, 2, 3, 4]


def test_a_comparisons_topics_are_labelled_bands_in_the_order_of_the_file():
    from argmap.render.overview import draw_overview

    context = argmap.load(str(ROOT / "maps" / "fpri-vs-eastwest.arg"))
    scene = draw_overview(context, lambda node: node is not None)
    bands = [item for item in scene.elements() if getattr(item, "role", None) == "band"]
    assert [band.title for band in bands] == [t.name for t in context.comparison.topics]
    numbers = [[int(item.name.split("/")[1]) for item in band.walk()
                if getattr(item, "role", None) == "number"] for band in bands]
    # Each band holds its topic's relations, the numbers running on from band to band; the
    # relation between the theses opens the first band.
    assert [n for band in numbers for n in band] == list(range(1, 23))
    assert [len(n) for n in numbers] == [3, 3, 2, 4, 2, 2, 3, 2, 1]
    assert next(item.stands_for for item in bands[0].walk()
                if getattr(item, "role", None) == "repeat") == "fpri.engage_russia"


def test_every_thesis_stands_in_the_first_row_above_the_bands():
    from argmap.render.overview import draw_overview

    context = argmap.load(str(RENDER / "harbour-vs-ferry.arg"))
    scene = draw_overview(context, lambda node: node is not None)
    # ferry has two theses, related to harbour's in two rows: all three stand in one row,
    # above the first band, each column's first the one its first relation links.
    from argmap.render.scene import Group

    first_row = next(group for group in scene.root.items if isinstance(group, Group)
                     and any(getattr(item, "name", "") == "harbour.build_east"
                             for item in group.items))
    assert [item.name for item in first_row.items if getattr(item, "role", None) == "node"] == [
        "harbour.build_east", "ferry.no_harbour", "ferry.small_quay"]
    bands = [item for item in scene.elements() if getattr(item, "role", None) == "band"]
    assert not any(item.name == "harbour.build_east" for band in bands for item in band.walk())
    # Below, the rows that relate them repeat them, as outlines: only the theses are filled.
    assert scene.styles["repeat:thesis"]["fillcolor"] == "#ffffff"
    assert scene.styles["node:thesis"]["fillcolor"] != "#ffffff"
    assert [item.stands_for for item in bands[0].walk()
            if getattr(item, "role", None) == "repeat"][:4] == [
        "harbour.build_east", "ferry.no_harbour", "harbour.build_east", "ferry.small_quay"]


def test_a_comparisons_claims_show_no_ids_and_repeats_say_where_they_stand(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour-vs-ferry.arg")
    labels = " ".join(re.findall(r"label=<(.*?)> id=", dot))
    # The column says whose a claim is: no `DOC.NODE` under any text.
    assert not re.search(r"\b(harbour|ferry)\.[a-z_]+", labels)
    # A repeat names where its claim stands in full: among the theses, or at a number.
    [repeat] = [line for line in dot.splitlines()
                if '"repeat:ferry.no_harbour@row/6" [label' in line]
    assert "as above, with the theses" in repeat
    dot = dot_of(capsys, tmp_path / "seed", ROOT / "maps" / "fpri-vs-eastwest.arg")
    [repeat] = [line for line in dot.splitlines()
                if '"repeat:eastwest.sanctions_violations@row/19" [label' in line]
    assert "as above, at 17" in repeat


def test_a_topic_whose_rows_are_apart_is_banded_again_as_continued(project):
    from argmap.render.overview import draw_overview

    project.write("a.arg", 'document a "A" { }\nthesis t "T."\npremise p "P." supports t\n')
    project.write("b.arg", 'document b "B" { }\nthesis t "T."\npremise p "P." supports t\n')
    # The relation between the theses is drawn first, out of its topic's place.
    project.write("c.arg", 'compare c "C" { use "a.arg" use "b.arg" }\ntopic "One"\n'
                           'a.p agrees b.p\ntopic "Two"\na.t agrees b.t\na.p qualifies b.t\n')
    scene = draw_overview(argmap.load(str(project.root / "maps" / "c.arg")),
                          lambda node: node is not None)
    assert [item.title for item in scene.elements()
            if getattr(item, "role", None) == "band"] == ["Two", "One", "Two (continued)"]


def test_a_comparison_without_relations_shows_its_theses_in_order(project, capsys, tmp_path):
    project.write("a.arg", 'document a "A" { source "../seeds/fpri.txt" }\nthesis t "T."\n')
    project.write("b.arg", 'document b "B" { source "../seeds/fpri.txt" }\nthesis u "U."\n')
    both = project.write("ab.arg", 'compare ab "A and B" { use "a.arg" use "b.arg" }\n')
    dot = dot_of(capsys, tmp_path, both)
    assert "relation/" not in dot
    assert dot.index('"header/a" [') < dot.index('"header/b" [')  # the columns keep their order
    assert '"header/a" -> "a.t"' in dot and '"header/b" -> "b.u"' in dot


def test_claims_only_leaves_evidence_out(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour-vs-ferry.arg", "--full", "--claims-only")
    assert "shape=note" not in dot and "_quote" not in dot
    assert '"harbour.build_east"' in dot and '"harbour.estimates_reliable"' in dot
    assert "evidence: a quote" not in dot
    assert "assumption: left unstated" in dot and "rebuttal: answers" in dot


def test_a_document_url_is_a_link_only_when_it_is_http(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour-vs-ferry.arg")
    assert 'HREF="https://example.org/harbour?issue=3&amp;lang=en"' in dot
    assert "javascript" not in dot


# The legend.

def test_the_legend_shows_only_what_the_map_uses(project, capsys, tmp_path):
    path = project.write("small.arg", HEADER + 'thesis t "A thesis."\nassumption a "An assumption." supports t\n')
    svg = render_svg(capsys, path, tmp_path)
    legend = groups(svg)["legend"]
    assert legend.get("class") == "legend"
    texts = " ".join(text.text or "" for text in legend.iter(f"{SVG}text"))
    for shown in ("thesis: a conclusion", "assumption: left unstated", "supports"):
        assert shown in texts
    for absent in ("premise", "evidence", "objection", "attacks", "undercuts"):
        assert absent not in texts


def test_the_legend_of_a_full_comparison_shows_every_kind_it_draws(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "harbour-vs-ferry.arg", "--full")
    legend = dot.split('ID="legend"')[1]
    for shown in ("thesis: a conclusion", "premise: a reason", "evidence: a quote",
                  "assumption: left", "objection: a counter", "rebuttal: answers",
                  "supports<", "attacks<", "undercuts: attacks a link"):
        assert shown in legend, shown
    assert "across documents" not in legend  # no line between documents: the key says


# The SVG, laid out by the Graphviz bundled with pygraphviz.

def render_svg(capsys, path, out, *options) -> str:
    status, _, err = render(capsys, path, "-o", out, "--engine", "bundled", *options)
    assert status == 0, err
    return (Path(out) / f"{Path(path).stem}.svg").read_text(encoding="utf-8")


def test_the_seed_comparison_is_valid_svg_with_every_node_and_a_legend(capsys, tmp_path):
    svg = render_svg(capsys, MAPS / "fpri-vs-eastwest.arg", tmp_path, "--full")
    found = groups(svg)
    resolver = Resolver()
    comparison = resolver.comparison(resolver.load(str(MAPS / "fpri-vs-eastwest.arg")))
    documents = {doc: semantics.map for doc, semantics in comparison.documents.items()}
    assert set(documents) == {"fpri", "eastwest"}
    tooltips = "\n".join(title(group) for group in found.values()
                          if group.find(f"{SVG}title") is not None)
    for doc, document_map in documents.items():
        for node in document_map.nodes:
            if f"{doc}.{node.id}" in found:
                assert found[f"{doc}.{node.id}"].get("class") in ("node", "quote")
                assert title(found[f"{doc}.{node.id}"]).splitlines()[-1] != f"{doc}.{node.id}"
            else:  # a quote folded into its claim, its text in the claim's tooltip
                assert node.kind.value == "evidence"
                assert f"evidence {doc}.{node.id}\n“{node.text}”" in tooltips
    assert found["legend"].get("class") == "legend"
    assert found["key"].get("class") == "key"


def test_tooltips_hold_the_full_text_and_the_quote_with_its_source_line(capsys, tmp_path):
    svg = render_svg(capsys, RENDER / "harbour-vs-ferry.arg", tmp_path, "--full")
    found = groups(svg)
    assert title(found["harbour.pays_for_itself"]) == (
        "premise harbour.pays_for_itself\nThe harbour would pay for itself within fifteen years, "
        "because larger ships could dock\nwithout lighters — and a premise this long shows how a "
        "long text wraps over several lines\ninstead of being cut.")
    assert title(found["harbour.temporary"]).endswith(
        "\n\nevidence harbour.recovers_quote\n“It adds that the disturbance would be temporary "
        "and that the river recovers”\nharbour · lines 9–10 of harbour.txt")
    assert title(found["harbour.build_east"]).endswith("\n#policy #harbour")
    overview = groups(render_svg(capsys, RENDER / "harbour-vs-ferry.arg", tmp_path / "default"))
    assert title(overview["contradicts:harbour.build_east:ferry.no_harbour"]) == (
        "1. harbour.build_east contradicts ferry.no_harbour\n"
        "One wants a harbour on the east bank, the other no harbour at all.")
    assert title(found["document:harbour"]) == (
        "The Harbour Question\nCity Planning Review · A. Planner · 2024-03-01\n"
        "https://example.org/harbour?issue=3&lang=en")
    assert title(found["document:ferry"]) == "Keep the Ferries\nRiverside Gazette · 2024"
    assert title(found["argmap"]) == "The harbour question: planners vs the ferry lobby"


def test_png_and_pdf(capsys, tmp_path):
    for fmt, magic in (("png", b"\x89PNG"), ("pdf", b"%PDF")):
        assert render(capsys, RENDER / "ferry.arg", "-o", tmp_path, "--format", fmt)[0] == 0
        assert (tmp_path / f"ferry.{fmt}").read_bytes().startswith(magic)


# The command.

def test_default_output_is_beside_each_input(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_data(tmp_path, "harbour.arg", "harbour.txt")
    status, out, err = render(capsys, tmp_path / "harbour.arg", "--format", "dot")
    assert (status, err) == (0, "")
    assert out == f"{tmp_path / 'harbour.arg'} -> {tmp_path / 'harbour.dot'}\n"
    assert (tmp_path / "harbour.dot").is_file()


def test_folders_are_searched_for_arg_files(capsys, tmp_path):
    status, out, _ = render(capsys, RENDER, "-o", tmp_path, "--format", "dot")
    assert status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ferry.dot", "harbour-vs-ferry.dot", "harbour.dot", "linked.dot"]
    assert len(out.splitlines()) == 4


def test_a_map_with_errors_is_not_drawn_and_its_errors_are_printed(project, capsys, tmp_path):
    good = project.write("good.arg", HEADER + 'thesis t "T."\nassumption a "A." supports t\n')
    bad = project.write("bad.arg", HEADER + 'thesis t "T."\npremise p "P." supports mian\n')
    status, out, err = render(capsys, good, bad, "-o", tmp_path / "out", "--format", "dot")
    assert status == 1
    assert f"{bad}:3:25: error: no node `mian` in this map" in out
    assert "warning" not in out  # only what stops the drawing
    assert f"argmap: {bad} not drawn: it, or a map it uses, has errors (above)" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.dot"]


def test_warnings_do_not_stop_a_drawing(capsys, tmp_path):
    findings = check_paths([str(RENDER / "harbour.arg")]).findings
    assert {f.severity.value for f in findings} == {"warning", "info"}
    assert render(capsys, RENDER / "harbour.arg", "-o", tmp_path, "--format", "dot")[0] == 0


def test_the_configuration_is_honoured_as_check_honours_it(project, capsys, tmp_path, monkeypatch):
    (project.root / "argmap.toml").write_text(
        'exclude = ["maps/drafts/**"]\n[rules]\nunknown-reference = "warning"\n', encoding="utf-8")
    project.write("loose.arg", HEADER + 'thesis t "T."\npremise p "P." supports mian\n')
    (project.root / "maps" / "drafts").mkdir()
    project.write("drafts/broken.arg", "thesis")
    monkeypatch.chdir(project.root)
    status, out, err = render(capsys, "maps", "-o", tmp_path / "out", "--format", "dot")
    assert status == 0, out + err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["loose.dot"]


def test_a_comparison_is_not_drawn_while_a_map_it_uses_has_errors(project, capsys, tmp_path):
    project.write("a.arg", 'document a "A" { source "../seeds/fpri.txt" }\nthesis t "T." supports nowhere\n')
    project.write("b.arg", 'document b "B" { source "../seeds/fpri.txt" }\nthesis t "T."\n')
    both = project.write("ab.arg", 'compare ab "A and B" { use "a.arg" use "b.arg" }\na.t agrees b.t\n')
    status, out, err = render(capsys, both, "-o", tmp_path / "out", "--format", "dot")
    assert status == 1
    assert "a.arg:2:24: error: no node `nowhere` in this map" in out
    assert f"argmap: {both} not drawn" in err
    assert not (tmp_path / "out").exists()


def test_two_inputs_drawn_to_one_file_are_refused_before_anything_is_written(capsys, tmp_path,
                                                                             monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        shutil.copy(RENDER / "ferry.arg", tmp_path / folder / "ferry.arg")
        shutil.copy(RENDER / "ferry.txt", tmp_path / folder / "ferry.txt")
    out = tmp_path / "out"
    status, _, err = render(capsys, tmp_path / "one", tmp_path / "two", "-o", out, "--format", "dot")
    assert status == 2
    assert "would both be drawn to" in err and "render them into different folders" in err
    assert not out.exists()


def test_no_arg_files(capsys, tmp_path):
    assert render(capsys, tmp_path) == (0, "", f"argmap: warning: no .arg files in {tmp_path}\n")


def test_a_missing_path_is_a_usage_error(capsys, tmp_path):
    status, _, err = render(capsys, tmp_path / "nothing.arg")
    assert status == 2 and "no such file or folder" in err


def test_the_time_limit_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["render", "--time-limit", "0", "x.arg"])
    assert "expected a positive number of seconds" in capsys.readouterr().err


def test_outputs_replace_old_files_and_leave_no_temporary_file(capsys, tmp_path):
    (tmp_path / "ferry.dot").write_text("old")
    render(capsys, RENDER / "ferry.arg", "-o", tmp_path, "--format", "dot")
    assert (tmp_path / "ferry.dot").read_text(encoding="utf-8").startswith("digraph argmap {")
    assert [p.name for p in tmp_path.iterdir()] == ["ferry.dot"]


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(capsys, tmp_path):
    (tmp_path / "file").write_text("")
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "file" / "out")
    assert status == 2 and err.startswith(f"argmap: error: cannot create {tmp_path / 'file' / 'out'}")


def test_help_lists_every_option(capsys):
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    text = capsys.readouterr().out
    for option in ("--output-dir", "--format", "--full", "--claims-only", "--engine",
                   "--time-limit", "--verbose", "exit status"):
        assert option in text


def test_version_and_check_do_not_import_graphviz(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from argmap.cli import main
        try:
            main(["--version"])
        except SystemExit:
            pass
        main(["check", {str(RENDER)!r}])
        print(sorted(m for m in sys.modules if "graphviz" in m))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"


# Engines: a stand-in `dot` on PATH shows which engine runs, and with what.

FAKE_DOT = """\
#!{python}
import os, sys, time
with open({log!r}, "a") as log:
    log.write(" ".join(sys.argv[1:]) + " " + os.path.basename(os.environ["FONTCONFIG_FILE"]) + "\\n")
source = sys.stdin.read()
sys.stderr.write("Warning: engine noise\\n")
{behaviour}
if "-Tdot" in sys.argv:
    sys.stdout.write(source)
else:
    sys.stdout.write('<svg xmlns="http://www.w3.org/2000/svg"><g id="argmap" class="graph">'
                     '<title>argmap</title></g></svg>')
"""


@pytest.fixture
def fake_dot(tmp_path, monkeypatch):
    """Put a stand-in `dot` first on PATH; returns a function that installs a behaviour and
    the path of the log of its command lines."""
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "dot.log"

    def install(behaviour: str = "") -> Path:
        script = folder / "dot"
        script.write_text(FAKE_DOT.format(python=sys.executable, log=str(log), behaviour=behaviour))
        script.chmod(0o755)
        return log

    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return install


def test_the_bundled_graphviz_is_preferred_to_dot_on_path(capsys, tmp_path, fake_dot):
    log = fake_dot()
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "out")
    assert (status, err) == (0, "")
    assert not log.exists()
    svg = (tmp_path / "out" / "ferry.svg").read_text(encoding="utf-8")
    assert 'id="ferry.no_harbour" class="node"' in svg


def test_dot_on_path_runs_with_argmaps_fonts_and_its_noise_hidden(capsys, tmp_path, fake_dot):
    log = fake_dot()
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "out", "--engine", "dot")
    assert (status, err) == (0, "")
    assert log.read_text() == "-Kdot -Tsvg fonts.conf\n"
    svg = (tmp_path / "out" / "ferry.svg").read_text(encoding="utf-8")
    assert "<title>Keep the Ferries</title>" in svg


def test_verbose_shows_the_engine_and_its_noise(capsys, tmp_path, fake_dot):
    fake_dot()
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "out", "--verbose",
                            "--engine", "dot")
    assert status == 0
    assert "argmap: laying out with " in err and err.endswith("Warning: engine noise\n")


def test_a_full_comparison_is_laid_out_in_one_run(capsys, tmp_path, fake_dot):
    log = fake_dot()
    assert render(capsys, RENDER / "harbour-vs-ferry.arg", "-o", tmp_path / "out", "--full",
                  "--engine", "dot")[0] == 0
    assert log.read_text() == "-Kdot -Tsvg fonts.conf\n"


def test_engine_bundled_is_used_when_asked_for(capsys, tmp_path, fake_dot):
    log = fake_dot()
    svg = render_svg(capsys, RENDER / "ferry.arg", tmp_path / "out")
    assert not log.exists()
    assert 'id="ferry.no_harbour" class="node"' in svg


def test_a_layout_past_the_time_limit_is_stopped_with_advice(capsys, tmp_path, fake_dot):
    fake_dot("time.sleep(30)")
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "out", "--time-limit", "0.5",
                            "--engine", "dot")
    assert status == 2
    assert err.startswith(f"argmap: error: laying out {RENDER / 'ferry.arg'} took longer than 0.5 "
                          "seconds and was stopped;")
    for advice in ("--claims-only", "map by map", "--time-limit", "--format dot"):
        assert advice in err
    assert not (tmp_path / "out" / "ferry.svg").exists()


def test_an_engine_that_fails_says_why(capsys, tmp_path, fake_dot):
    fake_dot('sys.stderr.write("Error: <stdin>: syntax error in line 1\\n"); sys.exit(1)')
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "out", "--engine", "dot")
    assert status == 2
    assert err == (f"argmap: error: Graphviz could not lay out {RENDER / 'ferry.arg'}: "
                   "Error: <stdin>: syntax error in line 1\n")


def test_no_engine_at_all_is_one_clear_sentence(capsys, tmp_path, monkeypatch):
    import importlib.util

    find_spec = importlib.util.find_spec
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "pygraphviz" else find_spec(name, *a))
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "out")
    assert status == 2
    assert err == ("argmap: error: no Graphviz layout engine found: install argmap with pip so "
                   "that its dependency pygraphviz>=2.0, which bundles Graphviz, is installed too, "
                   "or install Graphviz (https://graphviz.org/download/) so that `dot` is on PATH\n")
    assert render(capsys, RENDER / "ferry.arg", "--format", "dot", "-o", tmp_path / "out")[0] == 0


def test_a_pygraphviz_that_cannot_be_imported_is_no_engine(capsys, tmp_path, monkeypatch):
    broken = tmp_path / "broken" / "pygraphviz"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('libcgraph.so.6: cannot open shared object file')\n")
    monkeypatch.setenv("PYTHONPATH", str(broken.parent))
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "out", "--engine", "bundled")
    assert status == 2
    assert err.startswith("argmap: error: no Graphviz layout engine found:")
    assert "libcgraph.so.6" in err


def test_engine_dot_without_dot_on_path(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    status, _, err = render(capsys, RENDER / "ferry.arg", "-o", tmp_path / "out", "--engine", "dot")
    assert status == 2 and "no `dot` program on PATH" in err and "--engine bundled" in err


# Wrapping: label lines.

@pytest.mark.parametrize("text, width, lines", [
    ("The ferries already carry most of the goods, cheaply.", 34,
     ["The ferries already carry most of", "the goods, cheaply."]),
    ("a half-century of ties", 12, ["a half-", "century of", "ties"]),
    ("the U.S.-led talks", 10, ["the", "U.S.-led", "talks"]),  # no break after "S.-"
    ("item-42 here", 5, ["item-", "42", "here"]),  # too long for a line: cut, not lost
    ("x abcdefghijkl", 5, ["x", "abcde", "fghij", "kl"]),
    ("first\n\n  indented   and\ttabbed  ", 40, ["first", "", "indented and tabbed"]),
    ("ten\u00a0kilometres away", 8, ["ten\u00a0kilo", "metres", "away"]),  # no break at NBSP
    ("", 10, [""]),
])
def test_wrap_fills_lines_greedily_at_spaces_and_hyphens(text, width, lines):
    assert wrap(text, width) == lines


@given(st.text(st.sampled_from("ab- .\u00a0\t\n"), max_size=80), st.integers(1, 30))
def test_wrap_never_loses_a_character_nor_overfills_a_line(text, width):
    lines = wrap(text, width)
    assert all(len(line) <= width and line == line.strip(" ") for line in lines)
    assert "".join(lines).replace(" ", "") == re.sub(r"[ \t\n]", "", text)


# Linked reasons and the analyst's nodes (issue 12).

def test_a_linked_support_is_drawn_as_lines_joined_into_one_arrow(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "linked.arg")
    join = '"harbour.join:deep_water+big_ships_need_depth->build_east"'
    assert f"{join} [id={join} " in dot
    into_join = re.findall(rf'"harbour\.(\w+)" -> {re.escape(join)} \[arrowhead=none ', dot)
    assert sorted(into_join) == ["big_ships_need_depth", "deep_water"]
    assert re.findall(rf'{re.escape(join)} -> "harbour\.build_east"', dot)
    assert not re.findall(r'"harbour\.deep_water" -> "harbour\.build_east"', dot)
    # The undercut of the linked inference meets its join.
    assert re.findall(rf'"harbour\.dredging" -> {re.escape(join)} \[[^\]]*style=dotted', dot)
    assert "supports only jointly (lines joined)" in dot


def test_linked_reasons_are_framed_together_with_one_arrow_from_the_frame(capsys, tmp_path,
                                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_data(tmp_path, "harbour.txt")
    (tmp_path / "m.arg").write_text(
        'document harbour "H" { source "harbour.txt" }\n'
        'thesis c "C."\n'
        'premise p "P." supports c with q, r\n'
        'premise q "Q."\npremise r "R."\n', encoding="utf-8")
    dot = dot_of(capsys, tmp_path, tmp_path / "m.arg")
    frame = "cluster_harbour.join:p+q+r->c"
    inside = dot.split(f'subgraph "{frame}" {{')[1].split("}")[0]
    assert all(f'"harbour.{name}"' in inside for name in "pqr") and "dashed" in inside
    # One arrow, from the frame (its middle reason's line, clipped at the frame), the others
    # invisible, holding the reasons in the claim's column.
    assert re.search(rf'"harbour.q" -> "harbour.c" \[arrowhead=normal [^\n]*ltail="{re.escape(frame)}"',
                     dot)
    for name in "pr":
        assert f'"harbour.{name}" -> "harbour.c" [style=invis]' in dot
    assert "join:" not in dot.split(f'subgraph "{frame}"')[0]  # no join point


def test_a_frame_takes_the_style_of_its_relation(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_data(tmp_path, "harbour.txt")
    (tmp_path / "m.arg").write_text(
        'document harbour "H" { source "harbour.txt" }\n'
        'thesis c "C."\n'
        'premise p "P." explains c with q\n'
        'premise q "Q."\n', encoding="utf-8")
    dot = dot_of(capsys, tmp_path, tmp_path / "m.arg")
    frame = "cluster_harbour.join:p+q->c"
    assert f'subgraph "{frame}" {{\n\t\t\tcolor="#56b4e9"' in dot
    [arrow] = [line for line in dot.splitlines() if f'ltail="{frame}"' in line]
    assert "arrowhead=empty" in arrow and "style=dashed" in arrow
    assert "explains only jointly" in dot and "supports only jointly" not in dot


def test_every_thesis_is_a_root_and_its_repeats_say_where_it_is(capsys, tmp_path,
                                                                  monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_data(tmp_path, "harbour.txt")
    (tmp_path / "m.arg").write_text(
        'document harbour "H" { source "harbour.txt" }\n'
        'thesis main "Main."\n  explains fact\n'
        'thesis other "Other."\n'
        'premise fact "Fact." supports other\n', encoding="utf-8")
    dot = dot_of(capsys, tmp_path, tmp_path / "m.arg")
    # The thesis bears on nothing as itself: a repeat of it stands under the premise.
    assert '"harbour.main" ->' not in dot
    repeat = '"repeat:harbour.main@harbour.fact"'
    assert re.search(rf'{re.escape(repeat)} -> "harbour.fact" \[arrowhead=empty', dot)
    [line] = [line for line in dot.splitlines()
              if line.strip().startswith(f"{repeat} [label")]
    assert "repeated: the thesis," in line and "in full at the top" in line
    # An outline on white in ordinary type, not a second dark thesis.
    assert 'fillcolor="#ffffff"' in line and "<B>" not in line
    assert 'rank=same\n\t\t"harbour.main"\n\t\t"harbour.other"' in dot


def test_the_legend_draws_its_samples_as_the_map_draws_them(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, MAPS / "fpri.arg")
    legend = dot.split("\tnode [", 1)[0]
    assert re.search(r'BGCOLOR="#17375e"[^>]*STYLE="rounded"', legend)  # thesis: rounded
    assert re.search(r'STYLE="rounded,dashed"[^>]*>.{0,80}assumption: left unstated', legend)
    assert "repeated: in full where it says" in legend
    assert "“1 quote” · line 10: hover for it" in legend
    assert "▭ ▭" in legend and "supports only jointly" in legend


def test_the_analysts_claims_are_drawn_as_the_analysts(capsys, tmp_path):
    dot = dot_of(capsys, tmp_path, RENDER / "linked.arg")
    def node(name: str) -> str:
        [line] = [line for line in dot.splitlines() if line.strip().startswith(f'"{name}" [label')]
        return line

    dredging = node("harbour.dredging")
    assert "dotted" in dredging and "the analyst&#39;s, not the author&#39;s" in dredging
    ground = node("harbour.warehouses")
    assert "dotted" not in ground and "analyst" not in ground
    assert "#analyst: the analyst&#39;s claim" in dot


# render --evaluate (issue 16).

def test_evaluate_marks_what_does_not_stand_and_why(capsys, tmp_path):
    plain = dot_of(capsys, tmp_path / "plain", RENDER / "harbour.arg")
    status, _, err = render(capsys, RENDER / "harbour.arg", "-o", tmp_path / "evaluated",
                            "--format", "dot", "--evaluate")
    assert status == 0, err
    dot = (tmp_path / "evaluated" / "harbour.dot").read_text(encoding="utf-8")
    [thesis] = [line for line in dot.splitlines()
                if line.strip().startswith('"harbour.build_east" [label')]
    # Its attacker named by its text, not by an id in backticks.
    assert "✗ out: attacked by" in thesis and "“The cost is too" in thesis
    assert "too_costly" not in thesis.split(" id=")[0] and "`" not in thesis
    assert 'fillcolor="#eceff1"' in thesis
    [quote] = [line for line in dot.splitlines()
               if line.strip().startswith('"harbour.deep_water" [label')]
    assert "out:" not in quote
    assert "✗ out: defeated" in dot.split('ID="legend"')[1]
    assert "✗ out" not in plain


def test_a_quote_in_a_linked_support_is_a_node_of_its_own_joined_with_the_others(
        capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_data(tmp_path, "harbour.txt")
    (tmp_path / "m.arg").write_text(
        'document harbour "H" { source "harbour.txt" }\n'
        'thesis build_east "Build on the east bank."\n'
        'premise warehouses "The warehouses can be converted." supports build_east\n'
        'evidence quote "The east bank has deep water close to the shore"\n'
        '  supports build_east with warehouses\n', encoding="utf-8")
    dot = dot_of(capsys, tmp_path, tmp_path / "m.arg")
    frame = dot.split('subgraph "cluster_harbour.join:quote+warehouses->build_east" {')[1]
    frame = frame.split("}")[0]
    assert '"harbour.quote"' in frame  # not folded into the claim
    # warehouses, drawn under the claim it supports on its own, is repeated in the frame.
    assert '"repeat:harbour.warehouses@harbour.build_east"' in frame
    assert '"harbour.warehouses" -> "harbour.build_east"' in dot


def test_a_plain_support_beside_a_linked_one_keeps_its_own_line_and_its_undercut(
        capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_data(tmp_path, "harbour.txt")
    (tmp_path / "m.arg").write_text(
        'document harbour "H" { source "harbour.txt" }\n'
        'thesis c "C."\n'
        'premise p "P." supports c supports c with q\n'
        'assumption q "Q." supports p\n'
        'assumption g "G." supports x\n'
        'objection x "X." undercuts p -> c\n', encoding="utf-8")
    dot = dot_of(capsys, tmp_path, tmp_path / "m.arg")
    join = '"harbour.join:p+q->c"'
    assert dot.count(f"{join} [id=") == 1  # declared once, as a join
    assert f'"harbour.x" -> {join}' in dot  # the undercut meets the linked inference
    # The plain support stays, in two halves through its own point.
    assert '"harbour.p" -> "harbour.p->c" [arrowhead=none' in dot
    assert '"harbour.p->c" -> "harbour.c"' in dot


def test_a_full_comparison_draws_the_border_of_its_panels_and_frames(capsys, tmp_path):
    # The frameless panel round the documents (peripheries=0) must not hide the borders of
    # the clusters inside it: a frame without its border no longer says "only jointly".
    svg = render_svg(capsys, ROOT / "maps" / "fpri-vs-eastwest.arg", tmp_path, "--full")
    bordered = {id_: group.find(f"{SVG}path").get("stroke")
                for id_, group in groups(svg).items()
                if id_ and (".join:" in id_ or id_.startswith("document:"))}
    assert sum(".join:" in id_ for id_ in bordered) >= 4 and len(bordered) >= 6
    assert all(stroke not in (None, "none") for stroke in bordered.values()), bordered
