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

from ..lexicon import NodeKind
from ..model import Node
from ..semantics import ComparisonSemantics
from .key import KEY_ID, Numbered, key_label, number_badge, numbered
from .labels import small
from .scene import Line, Scene, Shape
from .style import CROSS_STYLES, FONT, INK, NODE_STYLES, PANEL_BORDER, PANEL_FILL
from .texts import (
    document_label,
    document_title,
    node_label,
    node_title,
    note_colour,
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
                  keyed: bool = True) -> Scene:
    """The scene of the overview of a comparison; `shows` says whether a node may be drawn
    (`--claims-only` leaves evidence out); `keyed`, whether the key is drawn beside the
    columns (a page that has the key as a table of its own leaves it out)."""
    relations = numbered(context, shows)
    linked = {end for item in relations for end in (item.source, item.target)}
    styles = {f"node:{kind.value}": style.attributes() for kind, style in NODE_STYLES.items()}
    styles.update(key=_KEY, invisible={"style": "invis"}, plain={})
    scene = Scene(dict(_GRAPH), {"fontname": FONT}, {"fontname": FONT, "arrowsize": "0.9"},
                  styles)
    comparison = context.comparison
    scene.attributes["label"] = title_label(comparison.title)
    scene.title = comparison.title
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
        cluster = scene.root.group(f"cluster_{doc}", attributes={
            "label": document_label(document.header), **_CLUSTER}, id=f"document:{doc}",
            title=document_title(document.header), role="panel")
        same = cluster.group(rank="same", role="layout")
        for node in nodes:
            same.add(Shape(f"{doc}.{node.id}", "plain", role="layout"))
        for node in nodes:
            name = f"{doc}.{node.id}"
            kinds.add(node.kind)
            # Its `DOC.NODE` under its text, as the key names it.
            label = node_label(document, node, [small(name, note_colour(node.kind))])
            cluster.add(Shape(name, f"node:{node.kind.value}", label=label, id=name,
                              title=node_title(document, node)))
    # Columns in the order of the `use` lines, even where no relation joins two of them,
    # with room between them for the relations' numbers.
    for left, right in itertools.pairwise(firsts):
        scene.root.add(Line(left, right, "invisible", role="layout",
                            extra=(("weight", "0"), ("minlen", "2"))))
    for item in relations:
        _relation(scene, item, columns)
    if firsts and keyed:
        scene.root.add(Shape(KEY_ID, "key", id=KEY_ID, role="key",
                             label=key_label(relations, [k for k in NodeKind if k in kinds]),
                             title="What each numbered relation between the documents is"))
        # An edge from every node of the last column draws the key level with its middle.
        for name in last:
            scene.root.add(Line(name, KEY_ID, "invisible", role="layout"))
    return scene


def _relation(scene: Scene, item: Numbered, columns: dict[str, int]) -> None:
    """A relation: two lines meeting at its number, from the left column to the right one
    whatever its direction, so that it never pulls a column out of line; its ends drawn
    where it points (both, for `agrees` and `contradicts`)."""
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
    scene.root.add(Shape(number, "plain", label=badge, id=item.edge_id + "/number",
                         title=item.title, role="number", extra=(("shape", "plain"),)))
    scene.root.add(Line(left, number, "plain", id=item.edge_id, title=item.title,
                        extra=tuple({**line, **to_left}.items())))
    scene.root.add(Line(number, right, "plain", id=item.edge_id + "/to", title=item.title,
                        extra=tuple({**line, **to_right}.items())))
