"""The Graphviz DOT source of a map or a comparison, built with the `graphviz` package.

Every document is a cluster; theses sit at the top (`rankdir=BT`: an arrow points from
a reason up to what it bears on), and an undercut meets a small point on the support link
it attacks. User text reaches the DOT only inside HTML-like labels that `labels` builds
from escaped text; the SVG tooltips of nodes, edges and clusters are set afterwards from
`Drawing.titles` (see `titles`), so no user string becomes a Graphviz attribute.
"""

from __future__ import annotations

import graphviz
from attrs import frozen

from ..lint.context import ComparisonContext, MapContext
from ..model import CrossKind, Link, Node, NodeKind, RelationKind
from ..quotes import QuoteMatch
from .escape import safe_url
from .labels import Line, html_label, small, wrap
from .legend import add_legend
from .style import (CROSS_STYLES, FONT, INK, LINK_POINT, MUTED, NODE_STYLES, RELATION_STYLES,
                    SMALL_SIZE)

__all__ = ["Drawing", "draw_map", "draw_comparison", "CLAIM_ONLY_KINDS"]

#: What `--claims-only` keeps: every kind but evidence.
CLAIM_ONLY_KINDS = frozenset(NodeKind) - {NodeKind.EVIDENCE}

_GRAPH = {"rankdir": "BT", "newrank": "true", "nodesep": "0.3", "ranksep": "0.45",
          "fontname": FONT, "fontcolor": INK, "bgcolor": "white", "pad": "0.3",
          "labelloc": "t", "id": "argmap"}
_NODE = {"fontname": FONT, "margin": "0.18,0.1"}
_EDGE = {"fontname": FONT, "fontsize": str(SMALL_SIZE), "arrowsize": "0.9"}
_CLUSTER = {"style": "rounded,filled", "fillcolor": "#f6f7f9", "color": "#c5ccd3",
            "penwidth": "1", "margin": "16", "labeljust": "c"}
_TAG_COLOURS = {NodeKind.THESIS: "#c8d6e8"}


@frozen
class Drawing:
    """DOT source, and the tooltip of each element by its SVG id."""

    source: str
    titles: dict[str, str]


def draw_map(context: MapContext, claims_only: bool = False) -> Drawing:
    """The drawing of one document map."""
    builder = _Builder(claims_only)
    builder.add_document(context)
    return builder.finish(context.map.id or "map", context.map.header.title)


def draw_comparison(context: ComparisonContext, claims_only: bool = False) -> Drawing:
    """The drawing of a comparison: its documents side by side, and the relations between them."""
    builder = _Builder(claims_only)
    for document in context.documents.values():
        builder.add_document(document)
    for relation in context.comparison.relations:
        builder.add_cross_relation(context, relation)
    comparison = context.comparison
    title = html_label([(line, {"bold": True, "size": 20}) for line in wrap(comparison.title, 70)])
    builder.graph.attr(label=title)
    return builder.finish(comparison.id, comparison.title)


class _Builder:
    """Adds documents and relations to one graph, noting what the legend must show."""

    def __init__(self, claims_only: bool):
        self.claims_only = claims_only
        self.graph = graphviz.Digraph("argmap", graph_attr=_GRAPH, node_attr=_NODE,
                                      edge_attr=_EDGE)
        self.titles: dict[str, str] = {}
        self.kinds: set[NodeKind] = set()
        self.relations: set[RelationKind] = set()
        self.cross: set[CrossKind] = set()
        self.drawn: set[str] = set()
        self.top: list[str] = []
        self.edge_ids: dict[str, int] = {}

    def finish(self, name: str, title: str) -> Drawing:
        if self.top:
            with self.graph.subgraph() as top:
                top.attr(rank="same")
                for name in self.top:
                    top.node(name)
        add_legend(self.graph, self.titles, self.kinds, self.relations, self.cross)
        self.titles["argmap"] = title
        return Drawing(self.graph.source, self.titles)

    def shows(self, node: Node | None) -> bool:
        return node is not None and (not self.claims_only or node.kind in CLAIM_ONLY_KINDS)

    def add_document(self, context: MapContext) -> None:
        doc = context.map.id
        header = context.map.header
        nodes = [n for n in context.nodes.values() if self.shows(n)]
        with self.graph.subgraph(name=f"cluster_{doc}") as cluster:
            cluster.attr(id=f"document:{doc}", label=_document_label(header), **_CLUSTER)
            self.titles[f"document:{doc}"] = _document_title(header)
            for node in nodes:
                name = f"{doc}.{node.id}"
                self.kinds.add(node.kind)
                self.drawn.add(name)
                cluster.node(name, label=_node_label(context, node), id=name,
                             **NODE_STYLES[node.kind].attributes())
                self.titles[name] = _node_title(context, node)
            self._add_relations(context, cluster, nodes)
        self.top += [f"{doc}.{n.id}" for n in nodes
                     if n.kind is NodeKind.THESIS and not any(
                         r.kind is not RelationKind.UNDERCUTS and self.shows(context.resolve(r.target))
                         for r in n.relations)]

    def _add_relations(self, context: MapContext, cluster, nodes: list[Node]) -> None:
        doc = context.map.id
        undercut = {}  # support link (supporter, supported) -> the point drawn on it
        for node in nodes:
            for relation in node.relations:
                if relation.kind is RelationKind.UNDERCUTS:
                    supporter, supported = context.link_ends(relation.target)
                    if self.shows(supporter) and self.shows(supported):
                        undercut[(supporter.id, supported.id)] = f"{doc}.{supporter.id}->{supported.id}"
        seen = set()
        for node in nodes:
            source = f"{doc}.{node.id}"
            for relation in node.relations:
                if isinstance(relation.target, Link):
                    ends = context.link_ends(relation.target)
                    point = undercut.get(tuple(n.id for n in ends if n is not None))
                    key = (relation.kind, source, point)
                    if point is None or key in seen:
                        continue
                    seen.add(key)
                    self.relations.add(relation.kind)
                    cluster.edge(source, point, **RELATION_STYLES[relation.kind].attributes())
                    continue
                target = context.resolve(relation.target)
                key = (relation.kind, source, target.id if target else None)
                if not self.shows(target) or target.id == node.id or key in seen:
                    continue
                seen.add(key)
                self.relations.add(relation.kind)
                style = RELATION_STYLES[relation.kind].attributes()
                point = undercut.get((node.id, target.id)) if relation.kind is RelationKind.SUPPORTS else None
                if point is None:
                    cluster.edge(source, f"{doc}.{target.id}", **style)
                    continue
                # The link is drawn in two halves, meeting at the point the undercut aims at.
                cluster.node(point, id=f"link:{point}", **LINK_POINT)
                self.titles[f"link:{point}"] = f"the inference {node.id} → {target.id}, undercut"
                cluster.edge(source, point, **{**style, "arrowhead": "none"})
                cluster.edge(point, f"{doc}.{target.id}", **style)

    def add_cross_relation(self, context: ComparisonContext, relation) -> None:
        source, target = context.resolve(relation.source), context.resolve(relation.target)
        if not (self.shows(source) and self.shows(target)):
            return
        self.cross.add(relation.kind)
        tail, head = str(relation.source), str(relation.target)
        edge_id = f"{relation.kind.value}:{tail}:{head}"
        self.edge_ids[edge_id] = self.edge_ids.get(edge_id, 0) + 1
        if self.edge_ids[edge_id] > 1:
            edge_id += f":{self.edge_ids[edge_id]}"
        style = CROSS_STYLES[relation.kind]
        lines: list[Line] = [(relation.kind.value, {"bold": True, "size": SMALL_SIZE,
                                                   "colour": style.colour.split(":")[0]})]
        if relation.explanation:
            lines += [small(line, INK) for line in wrap(relation.explanation, 30)]
        self.graph.edge(tail, head, label=html_label(lines), id=edge_id, constraint="false",
                        **style.attributes())
        self.titles[edge_id] = f"{tail} {relation.kind.value} {head}" + (
            f"\n{relation.explanation}" if relation.explanation else "")


def _document_label(header) -> str:
    lines: list[Line] = [(line, {"bold": True, "size": 16}) for line in wrap(header.title, 48)]
    lines += [small(line) for line in wrap(_byline(header), 60) if line]
    label = html_label(lines)
    url = safe_url(header.get("url").value) if header.get("url") else None
    if url is None:
        return label
    return (f'<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD HREF="{url}">'
            f"{label[1:-1]}</TD></TR></TABLE>>")


def _byline(header) -> str:
    """Publisher, author and date, as the header gives them."""
    return " · ".join(f.value for key in ("publisher", "author", "date")
                      for f in [header.get(key)] if f and f.value)


def _document_title(header) -> str:
    parts = [header.title, _byline(header)]
    url = header.get("url")
    if url and safe_url(url.value):
        parts.append(url.value)
    return "\n".join(p for p in parts if p)


def _source_line(context: MapContext, node: Node) -> str:
    """Where an evidence quote is in the source: `fpri · line 10`."""
    match = context.quotes.get(node.id)
    if not isinstance(match, QuoteMatch):
        return context.map.id
    if match.end_line != match.line:
        return f"{context.map.id} · lines {match.line}–{match.end_line}"
    return f"{context.map.id} · line {match.line}"


def _node_label(context: MapContext, node: Node) -> str:
    style = NODE_STYLES[node.kind]
    text = f"“{node.text}”" if node.kind is NodeKind.EVIDENCE else node.text
    font = {"bold": style.bold, "italic": style.italic}
    lines: list[Line] = [(line, font) for line in wrap(text, style.wrap)]
    if node.kind is NodeKind.EVIDENCE:
        lines.append(small(_source_line(context, node)))
    if node.tags:
        tags = " ".join(f"#{tag}" for tag in node.tags)
        lines += [small(line, _TAG_COLOURS.get(node.kind, MUTED)) for line in wrap(tags, style.wrap)]
    return html_label(lines)


def _node_title(context: MapContext, node: Node) -> str:
    lines = [f"{node.kind.value} {context.map.id}.{node.id}"]
    if node.kind is NodeKind.EVIDENCE:
        lines.append(f"“{node.text}”")
        source = context.map.header.get("source")
        lines.append(_source_line(context, node) + (f" of {source.value}" if source else ""))
    else:
        lines.append(node.text)
    if node.tags:
        lines.append(" ".join(f"#{tag}" for tag in node.tags))
    return "\n".join(lines)
