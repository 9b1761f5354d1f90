"""The drawing of a map, or of a comparison in full, as a scene that `writer` turns into DOT.

Every document is a cluster drawn as a tree: theses sit at the top (`rankdir=BT`: an arrow
points from a reason up to what it bears on), or for a map too wide for that on the left,
as an outline (`rankdir=RL`), and the reasons and objections of each claim share the rank
next to it, in the order of the file (`ordering=in`), each with its own reasons beyond it;
each claim stands over the middle of its row (`tree.spines`). A quote on which nothing else
bears is folded into the claim it supports (`texts.folded_label`), or drawn inside its box
(`texts.claim_label`); the other quotes stand in the middle of their claim's row. A node
that bears on several claims is drawn under the first and repeated under the others, so no
line crosses the map. Reasons that support a claim only together are framed together, one
arrow going from the frame; an undercut meets a small point on the support link it
attacks. The relations of a full comparison are numbered on the claims they link and
explained in a key. User text reaches the DOT only inside HTML-like labels that `labels`
builds from escaped text; the tooltips are set in the SVG afterwards from the scene's
titles (`svg`), so no user string becomes a Graphviz attribute.

What is drawn is built as a `scene.Scene` (shapes, lines, groups, each with its role, id,
tooltip and style key), from one `scene.Options`; `writer` alone turns it into DOT.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeGuard

from attrs import frozen

from ..evaluation import Label, Labelling, evaluate
from ..lexicon import CrossKind, NodeKind, RelationKind
from ..model import Link, Node, Relation
from ..names import display_name, named_text
from ..semantics import ComparisonSemantics, MapSemantics
from .key import KEY_ID, Numbered, key_label, numbered
from .labels import Line, small, wrap
from .legend import LEGEND_ID, legend_table
from .overview import draw_overview
from .scene import Group, Options, Scene, Shape
from .scene import Line as Edge
from .style import (
    CROSS_STYLES,
    EVALUATED_FADE,
    EVALUATED_FILL,
    EVALUATED_INK,
    EVALUATION_NOTES,
    FONT,
    INK,
    JOIN_POINT,
    LINK_POINT,
    NODE_STYLES,
    PANEL_BORDER,
    PANEL_FILL,
    RELATION_STYLES,
    SMALL_SIZE,
    repeat_styles,
)
from .texts import (
    claim_label,
    document_label,
    document_title,
    folded_label,
    node_label,
    node_title,
    note_colour,
    repeat_label,
    title_label,
)
from .tree import first_reached, quotes_in_the_middle, spines
from .writer import dot_source

__all__ = ["Drawing", "draw_map", "draw_comparison", "CLAIM_KINDS_DRAWN"]

#: What `--claims-only` keeps: every kind but evidence.
CLAIM_KINDS_DRAWN = frozenset(NodeKind) - {NodeKind.EVIDENCE}

_GRAPH = {"rankdir": "BT", "newrank": "true", "ordering": "in", "nodesep": "0.3",
          "ranksep": "0.45", "fontname": FONT, "fontcolor": INK, "bgcolor": "white", "pad": "0.3",
          "labelloc": "t", "id": "argmap", "compound": "true"}
#: An outline: columns left to right, closer together than rows (a column is as wide as its
#: widest text, a row only as tall as its tallest).
_OUTLINE = {"rankdir": "RL", "ranksep": "0.3"}
_NODE = {"fontname": FONT}
_EDGE = {"fontname": FONT, "fontsize": str(SMALL_SIZE), "arrowsize": "0.9"}
#: A document's panel; bordered (`peripheries`) inside a full comparison's frameless one too.
_CLUSTER = {"style": "rounded,filled", "fillcolor": PANEL_FILL, "color": PANEL_BORDER,
            "penwidth": "1", "margin": "16", "labeljust": "c", "peripheries": "1"}


def _styles() -> dict[str, dict[str, str]]:
    """The style of each style key a map or a full comparison uses."""
    styles: dict[str, dict[str, str]] = {}
    for kind, style in NODE_STYLES.items():
        styles[f"node:{kind.value}"] = style.attributes()
        # A claim the analyst adds: dotted (an assumption is dashed already).
        styles[f"analyst:{kind.value}"] = {
            **style.attributes(), "style": style.style.replace("dashed,", "") + ",dotted"}
    styles.update(repeat_styles())
    for relation, line in RELATION_STYLES.items():
        styles[f"relation:{relation.value}"] = line.attributes()
    for cross, line in CROSS_STYLES.items():
        styles[f"cross:{cross.value}"] = {**line.attributes(), "constraint": "false"}
    # The first half of a support link that meets a point, which ends at the point.
    styles["half-link"] = {**RELATION_STYLES[RelationKind.SUPPORTS].attributes(),
                           "arrowhead": "none"}
    # `--evaluate`: the arrow of an undercut inference that does not stand, faded, dashed and
    # marked as a node that does not stand is.
    for label, fade in EVALUATED_FADE.items():
        styles[f"inference:{label}"] = {
            **RELATION_STYLES[RelationKind.SUPPORTS].attributes(), "color": fade,
            "style": "dashed", "fontcolor": EVALUATED_INK[label],
            "label": EVALUATION_NOTES[label].format(why="undercut").split(":")[0]}
    styles["link-point"] = dict(LINK_POINT)
    styles["join-point"] = dict(JOIN_POINT)
    #: The key: a white panel of the relations' numbers, kinds, claims and explanations.
    styles["key"] = {"shape": "box", "style": "rounded,filled", "fillcolor": "white",
                     "color": PANEL_BORDER, "margin": "0.12"}
    styles["invisible"] = {"style": "invis", "weight": "0"}
    styles["invisible-rank"] = {"style": "invis"}
    styles["plain"] = {}
    return styles


@frozen
class Drawing:
    """A drawing ready for the layout: its scene, its DOT (`source`), and the tooltip of
    each element, by its SVG id."""

    scene: Scene

    @property
    def source(self) -> str:
        return dot_source(self.scene)

    @property
    def titles(self) -> dict[str, str]:
        return self.scene.titles


#: The frame round the reasons of a linked support: they support their claim only jointly.
#: Its border drawn even inside a full comparison's frameless panel, whose `peripheries=0`
#: the clusters in it inherit.
_FRAME = {"style": "rounded,dashed", "penwidth": "1.4", "margin": "6", "label": "",
          "peripheries": "1"}

_DEFAULT = Options()


def _opening(node: Node | None, words: int = 4) -> str:
    """The first words of a node's text, to name it in a repeat: "Russia has combined
    coercive…"."""
    text = node.text.split() if node is not None else []
    return " ".join(text[:words]) + ("…" if len(text) > words else "")


def _together(premises: list[str], claim: str) -> str:
    """The tooltip of a linked support."""
    return f"{', '.join(premises[:-1])} and {premises[-1]} support {claim} together"


def draw_map(context: MapSemantics, options: Options = _DEFAULT) -> Drawing:
    """The drawing of one document map (`options.evaluated`: with the nodes that do not
    stand marked, `evaluation`)."""
    builder = _Builder(options, _outline(context, options))
    builder.add_document(context)
    return builder.finish(context.header.title)


#: How many reasons a map may end in and still be drawn upwards, its theses on top: a row
#: of more does not fit a screen's width at a legible size.
_WIDEST_ROW = 5


def _outline(context: MapSemantics, options: Options) -> bool:
    """Whether the map is drawn as an outline, its theses on the left and each claim's
    reasons in a column to its right: when asked, or (`auto`) when the map ends in more
    reasons than a row can hold."""
    if options.direction != "auto":
        return options.direction == "right"
    def bears(node: Node) -> bool:
        return node.kind is not NodeKind.EVIDENCE or options.quotes_inside
    borne = {target for node in context.nodes.values() if bears(node)
             for relation in node.relations if not isinstance(relation.target, Link)
             for target in [context.resolve(relation.target)] if target is not None}
    leaves = [node for node in context.nodes.values() if bears(node) and node not in borne]
    return len(leaves) > _WIDEST_ROW


def draw_comparison(context: ComparisonSemantics, options: Options = _DEFAULT) -> Drawing:
    """The drawing of a comparison: by default its overview (`overview`; `options.keyed`:
    with each relation's explanation in its row), the claims that relations link facing each
    other; `options.full`, every node of its documents, each relation's number under its
    claims and a key (`options.evaluated`: with the nodes that do not stand marked)."""
    # In full, each document an outline, as a wide map is drawn, one under the other.
    builder = _Builder(options, outline=options.direction != "up")
    if not options.full:
        return Drawing(draw_overview(context, builder.shows, options.keyed))
    # The title over the documents, in a frameless panel round them: the graph's own label
    # holds the key and the legend, under the documents.
    builder.container = builder.scene.root.group(
        "cluster_comparison", role="layout", id="comparison", title=context.comparison.title,
        attributes={"label": title_label(context.comparison.title), "peripheries": "0",
                    # With rankdir=BT, a label placed at the "bottom" is drawn at the top.
                    "labelloc": "t" if builder.outline else "b", "margin": "4"})
    relations = numbered(context, builder.shows)
    builder.names = {f"{doc}.{node.id}": display_name(node)
                     for doc, document in context.documents.items()
                     for node in document.nodes.values()}
    builder.linked = {end for item in relations for end in (item.source, item.target)}
    for item in relations:
        for end in dict.fromkeys((item.source, item.target)):
            builder.cross_relations.setdefault(end, []).append(item)
    documents = list(context.documents.values())
    # An outline stacks the documents from the bottom up: the first `use` on top.
    for document in reversed(documents) if builder.outline else documents:
        builder.add_document(document)
    builder.add_cross_relations(relations)
    return builder.finish(context.comparison.title)


class _Builder:
    """Adds documents and relations to a scene, noting what the legend must show."""

    def __init__(self, options: Options, outline: bool = False):
        self.claims_only = options.claims_only
        #: Drawn as an outline (`rankdir=RL`): a claim's reasons in a column to its right.
        self.outline = outline
        self.evaluated = options.evaluated
        self.quotes_inside = options.quotes_inside
        #: The labels `--evaluate` marked, for the legend.
        self.labels_shown: set[Label] = set()
        self.scene = Scene({**_GRAPH, **(_OUTLINE if outline else {})}, dict(_NODE),
                           dict(_EDGE), _styles())
        #: Where the documents' panels go.
        self.container = self.scene.root
        self.kinds: set[NodeKind] = set()
        self.relations: set[RelationKind] = set()
        self.cross: set[CrossKind] = set()
        #: How many documents are drawn.
        self.documents = 0
        self.top: list[str] = []
        #: The nodes (`DOC.NODE`) that relations between documents link, and the relations
        #: of each.
        self.linked: set[str] = set()
        self.cross_relations: dict[str, list[Numbered]] = {}
        #: What a reader calls each node (`DOC.NODE`): the picture shows no ids.
        self.names: dict[str, str] = {}
        #: The key's label, when relations between documents are drawn.
        self.key: str | None = None
        #: Whether some node drawn is the analyst's (`#analyst`), some node repeated, some
        #: quote folded into its claim, for the legend.
        self.analyst = False
        self.repeated = False
        self.folded = False
        #: The tooltip of each linked support, by its frame's (or point's) name.
        self.together: dict[str, str] = {}
        #: The style of each frame's one arrow (`frame|JOIN`): its relation's.
        self.frame_styles: dict[str, str] = {}
        #: The relations drawn framed together, or joined at a point, for the legend.
        self.framed: set[RelationKind] = set()
        self.joined: set[RelationKind] = set()

    def finish(self, title: str) -> Drawing:
        root = self.scene.root
        if self.top:
            top = root.group(rank="same", role="layout")
            for name in self.top:
                top.add(Shape(name, "plain", role="layout"))
        # The key and the legend are tables in the graph's label, under the drawing: a label
        # takes no rank, so they never stretch a row or a column of the documents.
        parts = []
        if self.key is not None:
            parts.append(f'<TABLE BORDER="1" COLOR="{PANEL_BORDER}" STYLE="rounded" '
                         f'CELLBORDER="0" BGCOLOR="white"><TR><TD ID="{KEY_ID}" '
                         f'TOOLTIP="{KEY_ID}">{self.key[1:-1]}</TD></TR></TABLE>')
            self.scene.cells[KEY_ID] = (
                "key", "What each numbered relation between the documents is")
        legend = legend_table(self.kinds, self.relations, self.cross, analyst=self.analyst,
                              framed=self.framed, joined=self.joined,
                              repeated=self.repeated,
                              folded=self.folded,
                              evaluated=[label.value for label in Label
                                         if label in self.labels_shown])
        if legend is not None:
            parts.append(legend)
            self.scene.cells[LEGEND_ID] = ("legend", "What each shape, colour and line means")
        if parts:
            # One above the other: side by side, Graphviz stretches the shorter table to
            # the taller one's height.
            rows = "".join(f'<TR><TD ALIGN="LEFT">{part}</TD></TR>' for part in parts)
            self.scene.attributes.update(
                label=f'<<TABLE BORDER="0" CELLSPACING="10">{rows}</TABLE>>',
                labelloc="b", labeljust="l")
        self.scene.title = title
        return Drawing(self.scene)

    def shows(self, node: Node | None) -> TypeGuard[Node]:
        return node is not None and (not self.claims_only or node.kind in CLAIM_KINDS_DRAWN)

    def add_document(self, context: MapSemantics) -> None:
        doc = context.map.id
        self.documents += 1
        header = context.header
        inside = self._quotes_inside(context)
        boxed = {quote.id for quotes in inside.values() for quote in quotes}
        labelling = evaluate(context) if self.evaluated else None
        names = {node.id: display_name(node) for node in context.nodes.values()}
        nodes = [n for n in context.nodes.values() if self.shows(n) and n.id not in boxed]
        cluster = self.container.group(f"cluster_{doc}", attributes={
            "label": document_label(header), **_CLUSTER,
            # With rankdir=BT, a label placed at the "bottom" is drawn at the top.
            "labelloc": "t" if self.outline else "b"}, id=f"document:{doc}",
            title=document_title(header), role="panel")
        for node in nodes:
            name = f"{doc}.{node.id}"
            self.kinds.add(node.kind)
            quotes = inside.get(node.id, [])
            note, faded = self._evaluation(labelling, node, names)
            # A faded node's small type is in its faded ink.
            ink = dict(faded).get("fontcolor")
            note += self._markers(name, ink or note_colour(node.kind))
            title = node_title(context, node)
            if quotes and not self.quotes_inside:
                label = folded_label(context, node, quotes, note, ink)
                self.folded = True
                title += "".join(f"\n\n{node_title(context, quote)}" for quote in quotes)
                quotes = []
            else:
                label = (claim_label(context, node, quotes, note, ink) if quotes
                         else node_label(context, node, note, note=ink, spaced=True))
            analyst = node.by_analyst and node.kind is not NodeKind.ASSUMPTION
            self.analyst |= analyst
            cluster.add(Shape(name, f"{'analyst' if analyst else 'node'}:{node.kind.value}",
                              label=label, id=name, title=title,
                              quotes=tuple((f"{doc}.{quote.id}", node_title(context, quote))
                                           for quote in quotes),
                              extra=faded))
            self.kinds.update(quote.kind for quote in quotes)
        self._add_relations(context, cluster, nodes, labelling)
        # The theses share the top row: what they bear on, they bear on as repeats.
        self.top += [f"{doc}.{n.id}" for n in nodes if n.kind is NodeKind.THESIS]

    def _markers(self, name: str, colour: str) -> list[Line]:
        """In a full comparison, a line under a claim for each relation between documents it
        takes part in: its number, its kind and the claim at its other end. Lines drawn over
        two documents side by side crossed each other and the documents' own lines (225
        times in the seed comparison); the numbers, and the key, lead from one end to the
        other instead."""
        lines = []
        for item in self.cross_relations.get(name, ()):
            other = item.target if item.source == name else item.source
            arrow = "→" if item.source == name else "←"
            lines += [small(line, colour) for line in wrap(
                f"{item.number} {item.relation.kind.value} {arrow} “{self.names[other]}”", 34)]
        return lines

    def _evaluation(self, labelling: Labelling | None, node: Node, names: Mapping[str, str]
                    ) -> tuple[list[Line], tuple[tuple[str, str], ...]]:
        """For a node that does not stand: the line that says why, and the attributes that
        fade it (nothing for a node that stands, or without `--evaluate`); the nodes it
        names, by their `names`, not their ids."""
        if labelling is None or labelling.nodes[node.id] is Label.IN:
            return [], ()
        label = labelling.nodes[node.id]
        self.labels_shown.add(label)
        fade = EVALUATED_FADE[label.value]
        why = named_text(labelling.reason(node.id), names) or label.value
        note = [small(line, EVALUATED_INK[label.value]) for line in
                wrap(EVALUATION_NOTES[label.value].format(why=why), NODE_STYLES[node.kind].wrap)]
        return note, (("color", fade), ("fillcolor", EVALUATED_FILL),
                      ("fontcolor", EVALUATED_INK["out"]))
    def _quotes_inside(self, context: MapSemantics) -> dict[str, list[Node]]:
        """For each claim, the quotes drawn inside its box: the evidence that supports it
        and nothing else, and on which nothing bears (no support, no attack, no undercut
        of its link, no relation between documents), so that no line need reach it."""
        undercut = {tuple(n.id for n in context.link_ends(r.target) if n is not None)
                    for node in context.nodes.values() for r in node.relations
                    if isinstance(r.target, Link)}
        # The nodes of a linked support are drawn as nodes, their lines joined.
        linked = {premise for inferences in context.inferences.values()
                  for inference in inferences if inference.linked
                  for premise in inference.premises}
        inside: dict[str, list[Node]] = {}
        for node in context.nodes.values():
            if (node.kind is not NodeKind.EVIDENCE or not self.shows(node) or node.id in linked
                    or len(node.relations) != 1 or context.supporters.get(node.id)
                    or context.attackers.get(node.id)
                    or f"{context.map.id}.{node.id}" in self.linked):
                continue
            relation = node.relations[0]
            if relation.kind is not RelationKind.SUPPORTS or isinstance(relation.target, Link):
                continue
            target = context.resolve(relation.target)
            if (target is not None and target is not node and self.shows(target)
                    and target.kind is not NodeKind.EVIDENCE
                    and (node.id, target.id) not in undercut):
                inside.setdefault(target.id, []).append(node)
        return inside

    def _add_relations(self, context: MapSemantics, cluster: Group, nodes: list[Node],
                       labelling: Labelling | None = None) -> None:
        doc = context.map.id

        def inference(supporters: tuple[str, ...], claim: str, style: str) -> str:
            """The style of an undercut inference's arrow: faded and marked when `--evaluate`
            finds that it does not stand."""
            if labelling is None:
                return style
            for found, label in labelling.inferences.items():
                if (found.conclusion == claim and set(supporters) <= set(found.premises)
                        and label is not Label.IN):
                    self.labels_shown.add(label)
                    return f"inference:{label.value}"
            return style

        points = {}  # undercut support link (supporter id, supported id) -> its point
        for node in nodes:
            for relation in node.relations:
                if isinstance(relation.target, Link):
                    supporter, supported = context.link_ends(relation.target)
                    if self.shows(supporter) and self.shows(supported):
                        points[(supporter.id, supported.id)] = (
                            f"{doc}.{supporter.id}->{supported.id}")
        edges: list[tuple[str, str, str]] = []  # tail, head, and its style key
        seen: set[tuple[str, str]] = set()

        def add(tail: str, head: str, style: str, kind: RelationKind) -> None:
            # A reason both alone and framed with others bears on its claim twice.
            key = (tail, style if style.startswith("frame|") else head)
            if key not in seen:
                seen.add(key)
                self.relations.add(kind)
                edges.append((tail, head, style))

        joins, joined = self._joins(context, nodes)
        undercut = {joined[ends] for node in nodes for relation in node.relations
                    if isinstance(relation.target, Link)
                    for ends in [tuple(n.id for n in context.link_ends(relation.target)
                                       if n is not None)] if ends in joined}
        for node in nodes:
            name = f"{doc}.{node.id}"
            for relation in node.relations:
                style = f"relation:{relation.kind.value}"
                if isinstance(relation.target, Link):
                    ends = tuple(n.id for n in context.link_ends(relation.target) if n is not None)
                    # An undercut of a linked inference meets its join; of a plain one, its point.
                    if ends in joined:
                        add(name, joined[ends], style, relation.kind)
                    elif ends in points:
                        add(name, points[ends], style, relation.kind)
                    continue
                target = context.resolve(relation.target)
                if not self.shows(target) or target is node:
                    continue
                if relation in joins:  # the nodes of a linked support
                    join, premises = joins[relation]
                    if join in undercut:  # joined at a point, which the undercut meets
                        self.joined.add(relation.kind)
                        cluster.add(Shape(join, "join-point", id=join, role="point",
                                          title=_together(premises, target.id)))
                        for premise in premises:
                            add(f"{doc}.{premise}", join, "half-link", relation.kind)
                        add(join, f"{doc}.{target.id}",
                            inference(tuple(premises), target.id, style), relation.kind)
                    else:  # framed together, one arrow from the frame, in its kind's style
                        self.frame_styles[f"frame|{join}"] = style
                        self.framed.add(relation.kind)
                        for premise in premises:
                            add(f"{doc}.{premise}", f"{doc}.{target.id}", f"frame|{join}",
                                relation.kind)
                    continue
                head = f"{doc}.{target.id}"
                point = points.get((node.id, target.id))
                if point is None or relation.kind is not RelationKind.SUPPORTS:
                    add(name, head, style, relation.kind)
                    continue
                # The link is drawn in two halves, meeting at the point the undercut aims at.
                cluster.add(Shape(point, "link-point", id=f"link:{point}", role="point",
                                  title=f"{node.id} supports {target.id}: undercut"))
                add(name, point, "half-link", relation.kind)
                add(point, head, inference((node.id,), target.id, style), relation.kind)
        # A node is drawn under the claim a reader going down the tree meets it under first.
        # Under each other claim it bears on stands a repeat of it, so the drawing stays a
        # tree: no line runs across the map to a distant claim, and no claim's reasons are
        # pulled off their row. A thesis is always a root, in the first row (column): under
        # each claim it bears on stands a repeat of it.
        by_name = {f"{doc}.{n.id}": n for n in nodes}
        theses = [name for name, n in by_name.items() if n.kind is NodeKind.THESIS]
        first = first_reached(edges, theses)
        placed: set[str] = set()
        drawn: list[tuple[str, str, str]] = []
        evidence: set[str] = set()
        for tail, head, style in edges:
            lower = by_name.get(tail)
            if lower is not None and (tail in placed or lower.kind is NodeKind.THESIS
                                      or first.get(tail, head) != head):
                where = ("the thesis, in full " + ("on the left" if self.outline else "at the top")
                         if lower.kind is NodeKind.THESIS
                         else f"in full under “{_opening(by_name.get(first.get(tail, head)))}”")
                tail = f"repeat:{tail}@{head}"
                self.repeated = True
                cluster.add(Shape(
                    tail, f"repeat:{lower.kind.value}", label=repeat_label(lower, where),
                    id=tail, title=f"{node_title(context, lower)}\n(repeated here: {where})",
                    role="repeat", stands_for=f"{doc}.{lower.id}"))
            placed.add(tail)
            if lower is not None and lower.kind is NodeKind.EVIDENCE:
                evidence.add(tail)
            drawn.append((tail, head, style))
        # With `ordering=in`, the order of a claim's edges is the order of its row.
        rows = quotes_in_the_middle(drawn, evidence)
        for name, top in spines(rows).items():
            cluster.add(Shape(name, "plain", role="layout", extra=(("group", top),)))
        arrows = self._frames(cluster, rows)
        # An outline turns the layout's rows into columns read from the bottom up: its
        # edges go in backwards, so that each column reads down in the order of the file.
        for tail, head, style in (reversed(rows) if self.outline else rows):
            if not style.startswith("frame|"):
                cluster.add(Edge(tail, head, style))
            elif tail == arrows[style]:
                cluster.add(Edge(tail, head, self.frame_styles[style],
                                 extra=(("ltail", f"cluster_{style[6:]}"),)))
            else:  # in the frame's rank, under its one arrow
                cluster.add(Edge(tail, head, "invisible-rank", role="layout"))

    def _frames(self, cluster: Group, rows: list[tuple[str, str, str]]) -> dict[str, str]:
        """A frame round the reasons of each linked support drawn framed (their edges' style
        is `frame|JOIN`), and for each, the reason whose edge draws its one arrow: the
        middle one."""
        framed: dict[str, list[str]] = {}
        for tail, _, style in rows:
            if style.startswith("frame|"):
                framed.setdefault(style, []).append(tail)
        for style, tails in framed.items():
            join = style[6:]
            colour = RELATION_STYLES[RelationKind(self.frame_styles[style].split(":")[1])].colour
            frame = cluster.group(f"cluster_{join}", attributes={**_FRAME, "color": colour},
                                  id=join,
                                  role="frame", title=self.together[join])
            for tail in tails:
                frame.add(Shape(tail, "plain", role="layout"))
        return {style: tails[len(tails) // 2] for style, tails in framed.items()}


    def _joins(self, context: MapSemantics, nodes: list[Node]
               ) -> tuple[dict[Relation, tuple[str, list[str]]], dict[tuple[str, str], str]]:
        """For each linked support drawn, the name of its frame, or of the point where its
        nodes' lines join when an undercut attacks it, and those nodes; and the join an
        undercut of the inference meets, by (any of its nodes, its claim)."""
        doc = context.map.id
        drawn = {node.id for node in nodes}
        joins: dict[Relation, tuple[str, list[str]]] = {}
        joined: dict[tuple[str, str], str] = {}
        for node in nodes:
            for relation in node.relations:
                if not relation.jointly or isinstance(relation.target, Link):
                    continue
                target = context.resolve(relation.target)
                premises = [p.id for p in (node, *map(context.resolve, relation.jointly))
                            if p is not None and p.id in drawn]
                if not self.shows(target) or len(premises) < 2:
                    continue
                join = f"{doc}.join:{'+'.join(premises)}->{target.id}"
                self.together[join] = _together(premises, target.id)
                for premise in premises:
                    joined.setdefault((premise, target.id), join)
                joins[relation] = (join, premises)
        return joins, joined

    def add_cross_relations(self, relations: list[Numbered]) -> None:
        """The key under the documents, which says what each relation's number is (the
        numbers are on the claims, `_markers`)."""
        if relations:
            # Under the documents, in as many columns as there are documents and two more.
            self.key = key_label(relations, self.names, columns=2 + self.documents)
