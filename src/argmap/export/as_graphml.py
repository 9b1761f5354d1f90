"""A map or comparison as GraphML, which yEd, Gephi, Cytoscape and networkx read (as
Argdown exports GraphML for them).

Each node is a GraphML node (`DOC.NODE` in a comparison) with its text as `label` and its
`kind`, `tags` and `document` as data; a support with one premise, an attack and a cross
relation are edges (`relation` and, for a cross relation, `explanation`). A linked support,
and any support an undercut attacks, is a node of kind `inference` that its premises
point to (`premise`) and that points to its conclusion (`supports`), so that an undercut
is an edge into it. yEd's own graphics (shape, colours and label of each node, line of each
edge) ride along in the `yfiles` keys that yEd reads and other readers leave alone; the
colours are those of argmap's drawings.

Written with the standard library's ElementTree: networkx writes GraphML too, but none of
yEd's graphics, without which yEd shows every node as an empty box.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..lexicon import DOCUMENT, CrossKind, NodeKind, RelationKind
from ..render.escape import xml_characters
from ..render.style import CROSS_STYLES, NODE_STYLES, RELATION_STYLES
from ..semantics import ComparisonSemantics, Inference, MapSemantics
from . import attacks, explanation_ids, inference_ids, weighings

__all__ = ["LEFT_OUT", "export"]

#: The cross relations left out: none, GraphML holds every one as an edge.
LEFT_OUT: frozenset[CrossKind] = frozenset()

_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
_Y = "http://www.yworks.com/xml/graphml"

#: The data keys: each key's id and its name (the same but for the edge's scheme), by what
#: they are data of (their type is string).
_KEYS = {"node": [("label", "label"), ("kind", "kind"), ("tags", "tags"),
                  (DOCUMENT, DOCUMENT), ("scheme", "scheme")],
         "edge": [("relation", "relation"), ("explanation", "explanation"),
                  ("scheme_of_edge", "scheme")]}
#: What an edge from a premise to the point where a linked inference's premises meet is.
_PREMISE = "premise"
#: yEd's shapes for the drawings' Graphviz shapes.
_SHAPES = {"box": "rectangle", "note": "rectangle", "octagon": "octagon",
           "hexagon": "hexagon"}
_LINES = {"solid": "line", "dashed": "dashed", "dotted": "dotted", "bold,dashed": "dashed",
          "bold": "line"}
_ARROWS = {"normal": "standard", "tee": "t_shape", "diamond": "diamond", "dot": "circle",
           "odiamond": "white_diamond", "empty": "white_delta", "odot": "transparent_circle",
           "obox": "white_diamond"}


class _Graph:
    """A GraphML document being built: the graph element and the ids of its edges."""

    def __init__(self) -> None:
        # The namespaces declared on the root, their prefixes written in the names: the
        # registry `ET.register_namespace` keeps is global, and every other XML argmap
        # writes would take GraphML's as its default.
        self.root = ET.Element("graphml", {"xmlns": _GRAPHML, "xmlns:y": _Y})
        for target, keys in _KEYS.items():
            for key, name in keys:
                ET.SubElement(self.root, "key", {
                    "id": key, "for": target, "attr.name": name, "attr.type": "string"})
        for key, target in (("yn", "node"), ("ye", "edge")):
            ET.SubElement(self.root, "key", {
                "id": key, "for": target,
                "yfiles.type": "nodegraphics" if target == "node" else "edgegraphics"})
        self.graph = ET.SubElement(self.root, "graph",
                                   {"id": "argmap", "edgedefault": "directed"})
        self.edges = 0

    def node(self, node_id: str, data: dict[str, str], kind: NodeKind | None) -> None:
        element = ET.SubElement(self.graph, "node", {"id": node_id})
        for key, value in data.items():
            ET.SubElement(element, "data", {"key": key}).text = xml_characters(
                value)
        graphics = ET.SubElement(element, "data", {"key": "yn"})
        shape = ET.SubElement(graphics, "y:ShapeNode")
        if kind is None:  # an inference: a small point where its premises meet
            ET.SubElement(shape, "y:Geometry", {"width": "10", "height": "10"})
            ET.SubElement(shape, "y:Fill", {"color": "#2f5f8a"})
            ET.SubElement(shape, "y:Shape", {"type": "ellipse"})
            return
        style = NODE_STYLES[kind]
        ET.SubElement(shape, "y:Geometry", {"width": "220", "height": "80"})
        ET.SubElement(shape, "y:Fill", {"color": style.fill})
        ET.SubElement(shape, "y:BorderStyle", {
            "color": style.border, "width": f"{style.penwidth:g}",
            "type": "dashed" if "dashed" in style.style else "line"})
        ET.SubElement(shape, "y:NodeLabel", {
            "textColor": style.font_colour, "autoSizePolicy": "node_width",
            "configuration": "CroppingLabel"}).text = xml_characters(data["label"])
        ET.SubElement(shape, "y:Shape", {
            "type": "roundrectangle" if "rounded" in style.style
            else _SHAPES.get(style.shape, "rectangle")})

    def edge(self, source: str, target: str, relation: str, colour: str, line: str,
             arrow: str, explanation: str | None = None, scheme: str | None = None) -> None:
        self.edges += 1
        element = ET.SubElement(self.graph, "edge", {
            "id": f"e{self.edges}", "source": source, "target": target})
        ET.SubElement(element, "data", {"key": "relation"}).text = relation
        for key, value in (("explanation", explanation), ("scheme_of_edge", scheme)):
            if value:
                ET.SubElement(element, "data", {"key": key}
                              ).text = xml_characters(value)
        graphics = ET.SubElement(element, "data", {"key": "ye"})
        polyline = ET.SubElement(graphics, "y:PolyLineEdge")
        ET.SubElement(polyline, "y:LineStyle", {
            "color": colour.split(":")[0], "type": _LINES.get(line, "line"), "width": "2"})
        ET.SubElement(polyline, "y:Arrows", {
            "source": "none", "target": _ARROWS.get(arrow, "standard")})

    def text(self) -> str:
        ET.indent(self.root)
        return ET.tostring(self.root, encoding="unicode", xml_declaration=True) + "\n"


def export(semantics: MapSemantics | ComparisonSemantics) -> str:
    """The GraphML text of a map or a comparison."""
    graph = _Graph()
    if isinstance(semantics, MapSemantics):
        _add_map(graph, semantics, "")
        return graph.text()
    for document, map_semantics in semantics.documents.items():
        _add_map(graph, map_semantics, f"{document}.")
    for relation in semantics.comparison.relations:
        style = CROSS_STYLES[relation.kind]
        graph.edge(str(relation.source), str(relation.target), relation.kind.value,
                   style.colour, style.line, style.arrowhead, relation.explanation)
    return graph.text()


def _add_map(graph: _Graph, semantics: MapSemantics, prefix: str) -> None:
    """A map's nodes and relations, ids after `prefix`."""
    document = semantics.map.id or ""
    for node in semantics.nodes.values():
        graph.node(prefix + node.id, {"label": node.text, "kind": node.kind.value,
                                      "tags": ",".join(node.tags), DOCUMENT: document},
                   node.kind)
    undercut = {inference for u in semantics.undercuts for inference in u.inferences}
    joined: dict[Inference, str] = {}
    for kind, names in ((RelationKind.SUPPORTS, inference_ids(semantics)),
                        (RelationKind.EXPLAINS, explanation_ids(semantics))):
        style = RELATION_STYLES[kind]
        for inference, name in names.items():
            conclusion = prefix + inference.conclusion
            scheme = {"scheme": inference.relation.scheme} if inference.relation.scheme else {}
            if len(inference.premises) == 1 and inference not in undercut:
                graph.edge(prefix + inference.premises[0], conclusion, kind.value,
                           style.colour, style.line, style.arrowhead, **scheme)
                continue
            point = joined[inference] = f"{prefix}{name}"
            graph.node(point, {"label": "", "kind": "inference", DOCUMENT: document,
                               **scheme}, None)
            for premise in inference.premises:
                graph.edge(prefix + premise, point, _PREMISE, style.colour, style.line,
                           "none")
            graph.edge(point, conclusion, kind.value, style.colour, style.line,
                       style.arrowhead, **scheme)
    for kind in (RelationKind.CONCEDES, RelationKind.OUTRANKS):
        style = RELATION_STYLES[kind]
        for source, target, _ in weighings(semantics, kind):
            graph.edge(prefix + source, prefix + target, kind.value, style.colour, style.line,
                       style.arrowhead)
    style = RELATION_STYLES[RelationKind.ATTACKS]
    for attacker, target, _ in attacks(semantics):
        graph.edge(prefix + attacker, prefix + target, RelationKind.ATTACKS.value, style.colour,
                   style.line, style.arrowhead)
    style = RELATION_STYLES[RelationKind.UNDERCUTS]
    for item in semantics.undercuts:
        for inference in item.inferences:
            graph.edge(prefix + item.node, joined[inference], RelationKind.UNDERCUTS.value,
                       style.colour, style.line, style.arrowhead)
