"""The default drawing of a comparison: where the documents agree and where they part ways.

It reads from top to bottom, like a table: a column per document (in the order of the `use`
lines), headed by the document's title; first every thesis, in one row (a document's theses
side by side in its column), then the relations between theses, then one row per relation,
in the order of its number (the order of the file), so that the numbers increase down the
page. The rows of a topic (`topic "Name"` in the comparison file) stand in a band labelled
with its name, the bands in the order of the file, under the theses. A row holds the
relation's two claims facing each other, its number on the line between them, and
(`keyed`) its kind and explanation on the right. No id is drawn: a claim's column says
whose it is. A claim drawn in an earlier row is drawn again, briefly and dashed, as a
repeat that says where it stands in full ("as above, at 4"): no line runs back up the
page, so no line crosses another. The full drawing, every reason and quote of each
document, is `draw_comparison(..., Options(full=True))` in `dot`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from attrs import frozen

from ..lexicon import NodeKind
from ..model import Node
from ..semantics import ComparisonSemantics, MapSemantics
from .key import Numbered, number_badge, numbered
from .labels import Line as TextLine
from .labels import html_label, html_lines, small, wrap
from .scene import Group, Line, Scene, Shape
from .style import (
    CROSS_STYLES,
    FONT,
    INK,
    MUTED,
    NODE_STYLES,
    PANEL_BORDER,
    PANEL_FILL,
    repeat_styles,
)
from .texts import document_label, document_title, node_label, node_title, note_colour, title_label

__all__ = ["draw_overview"]

_GRAPH = {"rankdir": "TB", "newrank": "true", "nodesep": "0.17", "ranksep": "0.09",
          "fontname": FONT, "fontcolor": INK, "bgcolor": "white", "pad": "0.1",
          "labelloc": "t", "id": "argmap", "ordering": "out"}
#: Characters per line of a claim, and of an explanation.
_CLAIM_WRAP = 36
_WHY_WRAP = 82
#: The width of an explanation, in points: one for all, so that they line up on the left.
_WHY_WIDTH = 625
#: The padding inside a claim's box, across and down, in inches.
_CLAIM_MARGIN = "0.16,0.06"
#: How many characters of its text a repeated claim shows.
_REPEAT_CHARACTERS = 60
_HEADER = {"shape": "box", "style": "rounded,filled", "fillcolor": PANEL_FILL,
           "color": PANEL_BORDER, "margin": "0.12,0.06"}
_WHY = {"shape": "plaintext", "margin": "0.02"}


_BAND = {"style": "rounded,filled", "fillcolor": PANEL_FILL, "color": PANEL_BORDER,
         "penwidth": "1", "labeljust": "l", "labelloc": "t", "margin": "0,0"}


@frozen
class _Row:
    """A row: the claims of each column (none, one, or in the theses' row every thesis of the
    document), the relation between two of them (None for the theses' row), and the topic
    whose band it stands in."""

    cells: tuple[tuple[str, ...], ...]
    relation: Numbered | None = None
    topic: str | None = None


def draw_overview(context: ComparisonSemantics, shows: Callable[[Node | None], bool],
                  keyed: bool = True) -> Scene:
    """The scene of the overview of a comparison; `shows` says whether a node may be drawn
    (`--claims-only` leaves evidence out); `keyed`, whether each relation's kind and
    explanation are drawn in its row (a page that has them as a table of its own leaves
    them out)."""
    relations = numbered(context, shows)
    documents = list(context.documents)
    styles = {f"node:{kind.value}": {**style.attributes()} for kind, style in NODE_STYLES.items()}
    styles.update(repeat_styles())
    # A repeated thesis in its thesis's size and weight: the row keeps its width, the
    # picture its scale.
    styles["repeat:thesis"]["fontsize"] = styles["node:thesis"]["fontsize"]
    # Rows close together: a claim's box a little shallower than in a map.
    for attributes in styles.values():
        attributes["margin"] = _CLAIM_MARGIN
    styles.update(header=_HEADER, why=_WHY, plain={}, column={"style": "invis", "weight": "8"},
                  beside={"style": "invis", "weight": "8", "minlen": "0"},
                  # The bands' left edge: straight, whatever the columns' pull.
                  **{"band-edge-column": {"style": "invis", "weight": "1000"},
                     "band-edge": {"shape": "point", "style": "invis", "width": "0.01"}})
    scene = Scene(dict(_GRAPH), {"fontname": FONT}, {"fontname": FONT, "arrowsize": "0.9"},
                  styles)
    comparison = context.comparison
    scene.attributes["label"] = title_label(comparison.title)
    scene.title = comparison.title
    rows = _rows(context, relations, documents, shows)
    # The headers: each document's title and byline over its column.
    header = scene.root.group(rank="same", role="layout")
    for doc in documents:
        document = context.documents[doc]
        header.add(Shape(f"header/{doc}", "header", label=document_label(document.header, 30),
                         id=f"document:{doc}", title=document_title(document.header),
                         role="panel"))
    columns: dict[str, list[str]] = {doc: [f"header/{doc}"] for doc in documents}
    numbers: list[str] = []
    whys: list[str] = []  # each row's explanation, down its column
    drawn: dict[str, str] = {}  # DOC.NODE -> where it is drawn in full, for its repeats
    bands = _bands(scene, rows)
    # Every band's left edge on one line: an invisible point left of the first column in
    # each row of a band, the points in a column of their own.
    band_edge: list[str] = []
    for index, row in enumerate(rows, start=1):
        same = bands[index - 1].group(rank="same", role="layout")
        if row.topic is not None:
            band_edge.append(f"band-edge/{index}")
            same.add(Shape(band_edge[-1], "band-edge", role="layout"))
        names: list[str] = []
        for doc, cell in zip(documents, row.cells):
            where = (f"at {row.relation.number}" if row.relation is not None
                     else "with the theses")
            drawn_here = [_claim(scene, same, context, name, drawn, where, index)
                          for name in cell]
            # A document's theses stand side by side, close: the first holds its column's line.
            columns[doc] += drawn_here[:1]
            for left, right in itertools.pairwise(drawn_here):
                scene.root.add(Line(left, right, "beside", role="layout"))
            names += drawn_here
        if row.relation is not None and len(names) == 2:
            numbers.append(_relation(scene, same, row.relation, names, keyed, whys))
    # Each column a straight, invisible chain from its header down: the columns keep their
    # order and their line, whatever the lengths of the texts.
    for doc, chain in columns.items():
        for upper, lower in itertools.pairwise(chain):
            scene.root.add(Line(upper, lower, "column", role="layout",
                                extra=(("group", doc),)))
        for name in chain:
            scene.root.add(Shape(name, "plain", role="layout", extra=(("group", doc),)))
    for chain, style in ((band_edge, "band-edge-column"), (numbers, "column"), (whys, "column")):
        for upper, lower in itertools.pairwise(chain):
            scene.root.add(Line(upper, lower, style, role="layout"))
        for name in chain:
            scene.root.add(Shape(name, "plain", role="layout",
                                 extra=(("group", name.split("/")[0]),)))
    return scene


def _bands(scene: Scene, rows: list[_Row]) -> list[Group]:
    """For each row, the group it is drawn in: the band of its topic, one band for each run
    of rows under one topic (a topic whose rows are not all together gets a band for each
    run, its name marked as continued), or the drawing itself for a row under no topic."""
    groups: list[Group] = []
    named: list[str] = []  # the topic of each band, in order
    for topic, run in itertools.groupby(rows, key=lambda row: row.topic):
        count = len(list(run))
        if topic is None:
            groups += [scene.root] * count
            continue
        label = topic if topic not in named else f"{topic} (continued)"
        named.append(topic)
        band = scene.root.group(
            f"cluster_topic/{len(named)}", role="band", id=f"topic/{len(named)}", title=label,
            attributes={**_BAND, "label": html_label([(line, {"bold": True, "size": 13})
                                                      for line in wrap(label, 70)])})
        groups += [band] * count
    return groups


def _rows(context: ComparisonSemantics, relations: list[Numbered], documents: list[str],
          shows: Callable[[Node | None], bool]) -> list[_Row]:
    """The rows: first every thesis, in one row above the topics' bands (so that each
    stands at the top, however few rows follow), then the relations between theses, then
    the other relations, each in the order of its number and under its relation's topic."""
    def cells(*ends: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(end for end in ends if end.split(".")[0] == doc)
                     for doc in documents)

    def is_thesis(end: str) -> bool:
        doc, _, node_id = end.partition(".")
        node = context.documents[doc].nodes.get(node_id)
        return node is not None and node.kind is NodeKind.THESIS

    theses = [f"{doc}.{node.id}" for doc in documents
              for node in context.documents[doc].nodes.values()
              if node.kind is NodeKind.THESIS and shows(node)]
    between_theses = [item for item in relations
                      if is_thesis(item.source) and is_thesis(item.target)]
    rows = [_Row(cells(item.source, item.target), item, item.topic) for item in
            between_theses + [item for item in relations if item not in between_theses]]
    # In each column the thesis of the first relation first, over the rows that repeat it.
    first_row = {end: index for index, row in reversed(list(enumerate(rows)))
                 for cell in row.cells for end in cell}
    theses.sort(key=lambda name: first_row.get(name, len(rows)))
    return [_Row(cells(*theses))] + rows


def _claim(scene: Scene, row: Group, context: ComparisonSemantics, name: str,
           drawn: dict[str, str], where: str, index: int) -> str:
    """A claim in a row (the `index`th, which shows the relation numbered as `where` says):
    in full the first time, else a repeat that says where it stands in full. Its DOT name."""
    doc, _, node_id = name.partition(".")
    document: MapSemantics = context.documents[doc]
    node = document.nodes[node_id]
    if name not in drawn:
        drawn[name] = where
        # No id under its text: its column says whose it is.
        label = node_label(document, node, [], width=_CLAIM_WRAP)
        row.add(Shape(name, f"node:{node.kind.value}", label=label, id=name,
                      title=node_title(document, node)))
        return name
    repeat = f"repeat:{name}@row/{index}"
    text = node.text if len(node.text) <= _REPEAT_CHARACTERS else (
        node.text[:_REPEAT_CHARACTERS].rsplit(" ", 1)[0] + " …")
    style = NODE_STYLES[node.kind]
    # A repeated thesis is an outline on white (`repeat_styles`), its note muted.
    thesis = node.kind is NodeKind.THESIS
    lines: list[TextLine] = [(line, {"bold": style.bold, "italic": style.italic})
                             for line in wrap(text, _CLAIM_WRAP)]
    lines.append(small(f"as above, {drawn[name]}", MUTED if thesis else note_colour(node.kind)))
    row.add(Shape(repeat, f"repeat:{node.kind.value}", label=f"<{html_lines(lines)}>",
                  id=repeat, role="repeat", stands_for=name,
                  title=node_title(document, node) + "\n(drawn in full above)"))
    return repeat


def _relation(scene: Scene, row: Group, item: Numbered, names: list[str], keyed: bool,
              whys: list[str]) -> str:
    """A relation's number between its two claims, the lines that join them through it, and
    (`keyed`) its kind and explanation at the end of the row; the number's DOT name."""
    style = CROSS_STYLES[item.relation.kind]
    colour = style.ink
    line = {key: value for key, value in style.attributes().items()
            if key in ("color", "style", "penwidth")}
    left, right = names[0], names[-1]
    # The relation runs from its source to its target, whichever column each is in.
    backwards = item.relation.source.document != left.removeprefix("repeat:").split(".")[0]
    number = f"relation/{item.number}"
    to_left = ({"dir": "back", "arrowtail": style.arrowhead} if style.both_ends or backwards
               else {"dir": "none"})
    to_right = ({"arrowhead": style.arrowhead} if style.both_ends or not backwards
                else {"dir": "none"})
    row.add(Shape(number, "plain", label=number_badge(item.number, colour),
                  id=item.edge_id + "/number", title=item.title, role="number",
                  extra=(("shape", "plain"),)))
    scene.root.add(Line(left, number, "plain", id=item.edge_id, title=item.title,
                        extra=tuple({**line, **to_left}.items())))
    scene.root.add(Line(number, right, "plain", id=item.edge_id + "/to", title=item.title,
                        extra=tuple({**line, **to_right}.items())))
    if keyed:
        why = f"why/{item.number}"
        lines: list[TextLine] = [(f"{item.number}. {item.relation.kind.value}",
                                  {"bold": True, "colour": colour})]
        lines += [(text, {}) for text in wrap(item.relation.explanation or "", _WHY_WRAP)
                  if text]
        label = (f'<<TABLE BORDER="0" CELLPADDING="0"><TR><TD ALIGN="LEFT" BALIGN="LEFT" '
                 f'WIDTH="{_WHY_WIDTH}">{html_lines(lines)}</TD></TR></TABLE>>')
        row.add(Shape(why, "why", label=label, id=item.edge_id + "/why", title=item.title,
                      role="key"))
        scene.root.add(Line(right, why, "plain", role="layout", extra=(("style", "invis"),)))
        whys.append(why)
    return number
