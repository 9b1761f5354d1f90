"""The legend: a sample of each node kind and each relation a drawing uses, and no others.

It is one HTML-like table, set in the graph's own label under the drawing (with the key of
a full comparison's relations, `key`): a label takes no rank of the layout, so the legend
never stretches a row or a column of the map and leaves no empty band beside it. A node
kind's sample is a cell in its colours and outline; a relation's, a run of line characters
in its colour ending in its arrowhead, and its name.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import CrossKind, NodeKind, RelationKind
from .escape import xml_text
from .labels import html_lines
from .style import (
    CROSS_STYLES,
    EVALUATED_FADE,
    EVALUATED_FILL,
    EVALUATED_INK,
    EVALUATION_NOTES,
    INK,
    NODE_STYLES,
    PANEL_BORDER,
    RELATION_STYLES,
    EdgeStyle,
)

__all__ = ["LEGEND_ID", "legend_table"]

#: The legend's SVG id (a table cell's anchor, made a group of its own by `svg`).
LEGEND_ID = "legend"
_SIZE = 12
_PER_ROW = 4
#: A sample line: its stroke, by the relation's line style, and its end, by its arrowhead.
_STROKES = {"solid": "━━━", "bold": "━━━", "dashed": "╍╍╍", "dotted": "┅┅┅",
            "bold,dashed": "╍╍╍"}
_ENDS = {"normal": "▶", "empty": "▷", "tee": "┫", "diamond": "◆", "odiamond": "◇", "dot": "●",
         "odot": "○", "obox": "□", "none": ""}
#: What each label of `render --evaluate` says in the legend.
_WHY = {"out": "defeated", "undecided": "neither stands nor falls",
        "outweighed": "stands, but a rival is ranked above it"}
_NODE_SHAPES = {NodeKind.OBJECTION: " (cut corners)", NodeKind.REBUTTAL: " (double outline)",
                NodeKind.EVIDENCE: " (folded corner)"}


def legend_table(kinds: set[NodeKind], relations: set[RelationKind], cross: set[CrossKind],
                 analyst: bool = False, linked: bool = False,
                 evaluated: Sequence[str] = ()) -> str | None:
    """The legend for the kinds and relations given, as the body of an HTML-like label (a
    `<TABLE>`); None when there is nothing to explain.

    >>> table = legend_table({NodeKind.THESIS}, {RelationKind.SUPPORTS}, set())
    >>> "thesis: a conclusion" in table and "supports" in table and "attacks" not in table
    True
    """
    if not kinds:
        return None
    samples: list[str] = []
    for kind in (k for k in NodeKind if k in kinds):
        style = NODE_STYLES[kind]
        # A cell is drawn solid or dotted: Graphviz's JSON output fails on a dashed one.
        dashed = " (dashed)" if "dashed" in style.style else ""
        samples.append(_node_sample(style.description + _NODE_SHAPES.get(kind, dashed),
                                    style.fill, style.border, style.font_colour,
                                    "dotted" if "dotted" in style.style else "", style.bold))
    if analyst:  # a claim the analyst adds, drawn dotted
        style = NODE_STYLES[NodeKind.PREMISE]
        samples.append(_node_sample("#analyst: the analyst's claim", style.fill, style.border,
                                    INK, "dotted"))
    for label in evaluated:  # `render --evaluate`: the nodes that do not stand
        text = EVALUATION_NOTES[label].format(why=_WHY[label])
        samples.append(_node_sample(text, EVALUATED_FILL, EVALUATED_FADE[label],
                                    EVALUATED_INK[label], ""))
    lines = [_line_sample(RELATION_STYLES[k]) for k in RelationKind if k in relations]
    if linked:  # reasons that support a claim only together
        lines.insert(1, _line_sample(RELATION_STYLES[RelationKind.SUPPORTS],
                                     "supports, framed together: only jointly"))
    lines += [_line_sample(CROSS_STYLES[k]) for k in CrossKind if k in cross]
    rows = [f'<TR><TD ALIGN="LEFT" COLSPAN="{_PER_ROW}">'
            f'{html_lines([("Legend", {"bold": True, "size": 13})])}</TD></TR>']
    for group in (samples, lines):
        for start in range(0, len(group), _PER_ROW):
            row = group[start:start + _PER_ROW]
            rows.append("<TR>" + "".join(row) + "<TD></TD>" * (_PER_ROW - len(row)) + "</TR>")
    return (f'<TABLE BORDER="1" COLOR="{PANEL_BORDER}" STYLE="rounded" CELLBORDER="0" '
            f'CELLSPACING="6" CELLPADDING="4" BGCOLOR="white"><TR><TD ID="{LEGEND_ID}" '
            f'TOOLTIP="{LEGEND_ID}"><TABLE BORDER="0" CELLSPACING="8" CELLPADDING="5">'
            f'{"".join(rows)}</TABLE></TD></TR></TABLE>')


def _node_sample(text: str, fill: str, border: str, ink: str, line: str,
                 bold: bool = False) -> str:
    style = f' STYLE="{line}"' if line else ""
    return (f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="2"{style}>'
            f'{html_lines([(text, {"size": _SIZE, "colour": ink, "bold": bold})])}</TD>')


def _line_sample(style: EdgeStyle, description: str | None = None) -> str:
    colour = style.colour.split(":")[0]
    stroke = _STROKES.get(style.line, "━━━")
    start = _ENDS.get(style.arrowhead, "") if style.both_ends else ""
    glyphs = xml_text(start + stroke + _ENDS.get(style.arrowhead, ""))
    return (f'<TD ALIGN="LEFT"><FONT COLOR="{colour}" POINT-SIZE="{_SIZE + 2}">{glyphs}</FONT> '
            f'{html_lines([(description or style.description, {"size": _SIZE})])}</TD>')
