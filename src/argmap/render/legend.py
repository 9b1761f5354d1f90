"""The legend: a sample of each node kind and each relation a drawing uses, and no others.

It is one HTML-like table, set in the graph's own label under the drawing (with the key of
a full comparison's relations, `key`): a label takes no rank of the layout, so the legend
never stretches a row or a column of the map and leaves no empty band beside it. A node
kind's sample is a cell in its colours and outline; a relation's, a run of line characters
in its colour ending in its arrowhead, and its name.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..lexicon import CrossKind, NodeKind, RelationKind
from .escape import xml_text
from .labels import html_lines, small
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
#: What the small line under a claim with quotes folded into it says.
_FOLDED = "“1 quote” · line 10: hover for it"
_NODE_SHAPES = {NodeKind.OBJECTION: " (cut corners)", NodeKind.REBUTTAL: " (double outline)",
                NodeKind.EVIDENCE: " (folded corner)"}


def legend_table(kinds: set[NodeKind], relations: set[RelationKind], cross: set[CrossKind],
                 analyst: bool = False, framed: Collection[RelationKind] = (),
                 joined: Collection[RelationKind] = (),
                 evaluated: Sequence[str] = (), repeated: bool = False,
                 folded: bool = False) -> str | None:
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
        # The sample's corners and outline as the node's: rounded, dashed or dotted.
        line = ",".join(word for word in style.style.split(",")
                        if word in ("rounded", "dashed", "dotted"))
        samples.append(_node_sample(style.description + _NODE_SHAPES.get(kind, ""),
                                    style.fill, style.border, style.font_colour, line,
                                    style.bold))
    if analyst:  # a claim the analyst adds, drawn dotted
        style = NODE_STYLES[NodeKind.PREMISE]
        samples.append(_node_sample("#analyst: the analyst's claim", style.fill, style.border,
                                    INK, "dotted"))
    if repeated:  # a node drawn again under another claim it bears on
        style = NODE_STYLES[NodeKind.PREMISE]
        samples.append(_node_sample("repeated: in full where it says",
                                    style.fill, style.border, INK, "dashed"))

    for label in evaluated:  # `render --evaluate`: the nodes that do not stand
        text = EVALUATION_NOTES[label].format(why=_WHY[label])
        samples.append(_node_sample(text, EVALUATED_FILL, EVALUATED_FADE[label],
                                    EVALUATED_INK[label], ""))
    lines = [_line_sample(RELATION_STYLES[k]) for k in RelationKind if k in relations]
    # Reasons that bear on a claim only together: a frame round them, one arrow from it.
    lines += [_frame_sample(RELATION_STYLES[k], f"{k.value} only jointly")
              for k in RelationKind if k in framed]
    lines += [_line_sample(RELATION_STYLES[k], f"{k.value} only jointly (lines joined)",
                           joined=True) for k in RelationKind if k in joined]
    lines += [_line_sample(CROSS_STYLES[k]) for k in CrossKind if k in cross]
    if folded:  # the quotes folded into their claim: the small line under it
        lines.append(f'<TD ALIGN="LEFT">{html_lines([small(_FOLDED)])}</TD>')
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
    body = html_lines([(text, {"size": _SIZE, "colour": ink, "bold": bold})])
    if "dashed" in line:
        # A dashed cell is drawn as a table of one cell: Graphviz's JSON output crashes on
        # a filled, rounded and dashed cell.
        return (f'<TD><TABLE BGCOLOR="{fill}" COLOR="{border}" BORDER="2"{style} '
                f'CELLBORDER="0"><TR><TD>{body}</TD></TR></TABLE></TD>')
    return f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="2"{style}>{body}</TD>'


def _frame_sample(style: EdgeStyle, description: str) -> str:
    """Two reasons in a dashed frame of the relation's colour, and its one arrow."""
    colour = style.colour.split(":")[0]
    glyphs = xml_text(_STROKES.get(style.line, "━━━") + _ENDS.get(style.arrowhead, ""))
    return (f'<TD ALIGN="LEFT"><TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD>'
            f'<TABLE BORDER="1" STYLE="rounded,dashed" COLOR="{colour}" CELLBORDER="0" '
            f'CELLPADDING="1" CELLSPACING="2"><TR><TD><FONT POINT-SIZE="{_SIZE}">▭ ▭</FONT></TD>'
            f'</TR></TABLE></TD><TD><FONT COLOR="{colour}" POINT-SIZE="{_SIZE + 2}">{glyphs}'
            f'</FONT> {html_lines([(description, {"size": _SIZE})])}</TD></TR></TABLE></TD>')


def _line_sample(style: EdgeStyle, description: str | None = None,
                 joined: bool = False) -> str:
    """A run of line characters in the relation's colour ending in its arrowhead; `joined`,
    with the point where the lines of reasons that bear only jointly meet."""
    colour = style.colour.split(":")[0]
    stroke = "━●━" if joined else _STROKES.get(style.line, "━━━")
    start = _ENDS.get(style.arrowhead, "") if style.both_ends else ""
    glyphs = xml_text(start + stroke + _ENDS.get(style.arrowhead, ""))
    return (f'<TD ALIGN="LEFT"><FONT COLOR="{colour}" POINT-SIZE="{_SIZE + 2}">{glyphs}</FONT> '
            f'{html_lines([(description or style.description, {"size": _SIZE})])}</TD>')
