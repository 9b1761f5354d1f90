"""The default drawing of a comparison: where the documents agree and where they part ways.

Each document is a column (`rankdir=LR`: the first document on the left), holding its
theses and the claims that relations between documents link; every relation runs from one
column to the next, so the claims it links face each other and Graphviz orders each column
so that the lines are short, level and rarely cross. Each relation is drawn as two lines
meeting at its number, a node in the column between two documents', so the number is on
its line and on no other node; the key beside the columns says what each number is. The
full drawing, every reason and quote of each document, is `draw_comparison(..., full=True)`
in `dot`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import graphviz
from graphviz.quoting import a_list

from ..lexicon import NodeKind
from ..model import Node
from ..semantics import ComparisonSemantics
from .key import KEY_ID, Numbered, key_label, number_badge, numbered
from .labels import small
from .style import CROSS_STYLES, FONT, INK, NODE_ATTRIBUTES, PANEL_BORDER, PANEL_FILL
from .texts import (
    document_label,
    document_title,
    node_label,
    node_title,
    note_colour,
    quoted,
    title_label,
)

__all__ = ["draw_overview"]

_GRAPH = {"rankdir": "LR", "newrank": "true", "nodesep": "0.22", "ranksep": "0.3",
          "fontname": FONT, "fontcolor": INK, "bgcolor": "white", "pad": "0.3",
          "labelloc": "t", "id": "argmap"}
_CLUSTER = {"style": "rounded,filled", "fillcolor": PANEL_FILL, "color": PANEL_BORDER,
            "penwidth": "1", "margin": "14", "labeljust": "c", "labelloc": "t"}
_KEY = {"shape": "box", "style": "rounded", "color": PANEL_BORDER, "margin": "0.12"}


def draw_overview(context: ComparisonSemantics, shows: Callable[[Node | None], bool],
                  keyed: bool = True) -> tuple[str, dict[str, str]]:
    """The DOT of the overview of a comparison, and the tooltip of each element by its id;
    `shows` says whether a node may be drawn (`--claims-only` leaves evidence out); `keyed`,
    whether the key is drawn beside the columns (a page that has the key as a table of its
    own leaves it out)."""
    relations = numbered(context, shows)
    linked = {end for item in relations for end in (item.source, item.target)}
    graph = graphviz.Digraph("argmap", graph_attr=_GRAPH, node_attr={"fontname": FONT},
                             edge_attr={"fontname": FONT, "arrowsize": "0.9"})
    titles: dict[str, str] = {}
    comparison = context.comparison
    graph.attr(label=title_label(comparison.title))
    columns: dict[str, int] = {}  # document id -> its column, left to right
    firsts: list[str] = []  # the first node of each column
    last: list[str] = []  # the nodes of the last column
    kinds: set[NodeKind] = set()
    for doc, document in context.documents.items():
        nodes = [n for n in document.nodes.values() if f"{doc}.{n.id}" in linked
                 or (n.kind is NodeKind.THESIS and shows(n))]
        if not nodes:
            continue
        columns[doc] = len(columns)
        firsts.append(f"{doc}.{nodes[0].id}")
        last = [f"{doc}.{n.id}" for n in nodes]
        with graph.subgraph(name=f"cluster_{doc}") as cluster:
            cluster.attr(id=f"document:{doc}", label=document_label(document.header),
                         **_CLUSTER)
            titles[f"document:{doc}"] = document_title(document.header)
            cluster.body.append("\t{rank=same; "
                                + " ".join(quoted(f"{doc}.{n.id}") for n in nodes) + "}\n")
            for node in nodes:
                name = f"{doc}.{node.id}"
                kinds.add(node.kind)
                # Its `DOC.NODE` under its text, as the key names it.
                label = node_label(document, node, [small(name, note_colour(node.kind))])
                cluster.body.append(f"\t{quoted(name)} [label={label} id={quoted(name)} "
                                    f"{NODE_ATTRIBUTES[node.kind]}]\n")
                titles[name] = node_title(document, node)
    # Columns in the order of the `use` lines, even where no relation joins two of them,
    # with room between them for the relations' numbers.
    for left, right in itertools.pairwise(firsts):
        graph.edge(left, right, style="invis", weight="0", minlen="2")
    for item in relations:
        graph.body.append(_relation(item, columns))
        for part in ("", "/number", "/to"):
            titles[item.edge_id + part] = item.title
    if firsts and keyed:
        graph.node(KEY_ID, label=key_label(relations, [k for k in NodeKind if k in kinds]),
                   id=KEY_ID, **_KEY)
        # An edge from every node of the last column draws the key level with its middle.
        for name in last:
            graph.edge(name, KEY_ID, style="invis")
        titles[KEY_ID] = "What each numbered relation between the documents is"
    titles["argmap"] = comparison.title
    return graph.source, titles


def _relation(item: Numbered, columns: dict[str, int]) -> str:
    """The DOT of a relation: two lines meeting at its number, from the left column to the
    right one whatever its direction, so that it never pulls a column out of line; its
    ends drawn where it points (both, for `agrees` and `contradicts`)."""
    style = CROSS_STYLES[item.relation.kind]
    line = {key: value for key, value in style.attributes().items()
            if key in ("color", "style", "penwidth")}
    left, right = item.source, item.target
    source, target = item.relation.source.document or "", item.relation.target.document or ""
    backwards = columns.get(source, 0) > columns.get(target, 0)
    if backwards:
        left, right = right, left
    number = f"relation/{item.number}"
    # The left half starts at its claim: drawn backwards, so that its end is at that claim.
    to_left = ({"dir": "back", "arrowtail": style.arrowhead} if style.both_ends or backwards
               else {"dir": "none"})
    to_right = ({"arrowhead": style.arrowhead} if style.both_ends or not backwards
                else {"dir": "none"})
    badge = number_badge(item.number, style.colour.split(":")[0])
    return (f"\t{quoted(number)} [label={badge} id={quoted(item.edge_id + '/number')} "
            f"shape=plain]\n"
            f"\t{quoted(left)} -> {quoted(number)} "
            f"[{a_list(kwargs={**line, **to_left, 'id': item.edge_id})}]\n"
            f"\t{quoted(number)} -> {quoted(right)} "
            f"[{a_list(kwargs={**line, **to_right, 'id': item.edge_id + '/to'})}]\n")
