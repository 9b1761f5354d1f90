"""`argmap export --format graphml`: every map and comparison read back by networkx, node
for node and relation for relation; yEd's graphics well formed; text as data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.export import attacks, explanation_ids, inference_ids, weighings
from argmap.lexicon import RelationKind
from argmap.semantics import MapSemantics
from conftest import DATA, ROOT

nx = pytest.importorskip("networkx")

FILES = sorted([*ROOT.glob("maps/*.arg"), *(DATA / "render").glob("*.arg"),
                DATA / "graphml" / "weighing.arg"])
IDS = [f"{path.parent.name}/{path.name}" for path in FILES]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("graphml")
    assert main(["export", *map(str, FILES), "--format", "graphml", "-o", str(folder)]) == 0
    return folder


def expected(semantics) -> tuple[dict, Counter]:
    """The nodes (id: (kind, text)) and relations (relation, from, to) the GraphML should
    hold: a linked or undercut support through its inference node."""
    maps = ({"": semantics} if isinstance(semantics, MapSemantics)
            else {f"{d}.": s for d, s in semantics.documents.items()})
    nodes, relations = {}, Counter()
    for prefix, m in maps.items():
        nodes.update({prefix + i: (n.kind.value, n.text) for i, n in m.nodes.items()})
        undercut = {inference for u in m.undercuts for inference in u.inferences}
        for kind, names in (("supports", inference_ids(m)), ("explains", explanation_ids(m))):
            for inference, name in names.items():
                if len(inference.premises) == 1 and inference not in undercut:
                    relations[kind, prefix + inference.premises[0],
                              prefix + inference.conclusion] += 1
                    continue
                point = prefix + name
                nodes[point] = ("inference", "")
                relations.update(("premise", prefix + p, point) for p in inference.premises)
                relations[kind, point, prefix + inference.conclusion] += 1
        relations.update(("attacks", prefix + a, prefix + t) for a, t, _ in attacks(m))
        names = inference_ids(m)
        relations.update(("undercuts", prefix + u.node, prefix + names[i])
                         for u in m.undercuts for i in u.inferences)
        for kind in (RelationKind.CONCEDES, RelationKind.OUTRANKS):
            relations.update((kind.value, prefix + a, prefix + t)
                             for a, t, _ in weighings(m, kind))
    if not isinstance(semantics, MapSemantics):
        relations.update((r.kind.value, str(r.source), str(r.target))
                         for r in semantics.comparison.relations)
    return nodes, relations


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_networkx_reads_every_node_and_relation(exported, path):
    graph = nx.read_graphml(exported / f"{path.stem}.graphml")
    nodes, relations = expected(argmap.load(str(path)))
    assert {n: (d["kind"], d.get("label", "")) for n, d in graph.nodes(data=True)} == nodes
    assert Counter((d["relation"], a, b) for a, b, d in graph.edges(data=True)) == relations
    assert graph.is_directed()


def test_schemes_explanations_concessions_and_preferences(exported):
    graph = nx.read_graphml(exported / "weighing.graphml")
    explains = graph.edges["great_power", "active"]
    assert (explains["relation"], explains["scheme"]) == ("explains", "best-explanation")
    point = graph.nodes["i1"]
    assert (point["kind"], point["scheme"]) == ("inference", "sign")
    assert graph.edges["i1", "great_power"]["scheme"] == "sign"
    assert graph.edges["great_power", "other_motives"]["relation"] == "outranks"
    assert graph.edges["factors", "great_power"]["relation"] == "concedes"


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_each_node_carries_yeds_label_and_shape(exported, path):
    y = "{http://www.yworks.com/xml/graphml}"
    root = ET.parse(exported / f"{path.stem}.graphml").getroot()
    for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
        (shape,) = node.iter(f"{y}ShapeNode")
        label = shape.find(f"{y}NodeLabel")
        data = {d.get("key"): d.text for d in node if d.get("key") == "label"}
        assert (label.text if label is not None else "") == (data.get("label") or "")


def test_text_is_data_and_characters_xml_cannot_hold_are_shown(project):
    project.write("odd.arg", 'document d "D" { source "../seeds/fpri.txt" }\n'
                             'thesis t "a <b>tag</b> & \\"quote\\" \x01 here"\n')
    assert main(["export", "maps/odd.arg", "--format", "graphml"]) == 0
    graph = nx.read_graphml(project.root / "maps" / "odd.graphml")
    assert graph.nodes["t"]["label"] == 'a <b>tag</b> & "quote" \ufffd here'


def test_the_export_leaves_other_xml_alone(exported):
    """No namespace registered in ElementTree's registry, which is global: the drawings'
    SVG, written after a GraphML export, came out as `ns0:svg` when GraphML's was."""
    registry = ET._namespace_map  # ElementTree's own, which register_namespace fills
    assert not {"http://graphml.graphdrawing.org/xmlns",
                "http://www.yworks.com/xml/graphml"} & set(registry)
