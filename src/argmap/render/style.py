"""The visual language: one style per node kind, per relation and per cross relation.

Colours follow the Okabe–Ito palette, which stays distinct for colour-blind readers, and
every kind also differs in shape or line, so that a grey-scale print still tells them apart.
"""

from __future__ import annotations

from attrs import frozen
from graphviz.quoting import a_list

from ..lexicon import CrossKind, NodeKind, RelationKind

__all__ = ["FONT", "TEXT_SIZE", "SMALL_SIZE", "INK", "MUTED", "PANEL_FILL", "PANEL_BORDER",
           "NodeStyle", "EdgeStyle", "NODE_ATTRIBUTES",
           "NODE_STYLES", "RELATION_STYLES", "CROSS_STYLES", "LINK_POINT", "ANALYST_ATTRIBUTES",
           "ANALYSTS_NOTE", "JOIN_POINT",
           "EVALUATED_FADE", "EVALUATION_NOTES"]

#: Sans-serif families in order of preference: the layout measures text in DejaVu Sans, which
#: argmap ships (`fonts/`); the SVG names them all, for a viewer without it.
FONT = "DejaVu Sans,Helvetica,Arial,sans-serif"
TEXT_SIZE = 14
SMALL_SIZE = 11
INK = "#1b1f24"
MUTED = "#5f6b76"
#: A document's panel, and the outline of the legend and the key.
PANEL_FILL = "#f6f7f9"
PANEL_BORDER = "#c5ccd3"


@frozen
class NodeStyle:
    """How a node of one kind is drawn, and how the legend names it."""

    shape: str
    style: str
    fill: str
    border: str
    penwidth: float
    font_colour: str
    #: Characters per line before a text wraps.
    wrap: int
    description: str
    font_size: int = TEXT_SIZE
    bold: bool = False
    italic: bool = False
    #: Space between the text and the outline, in inches: (across, down).
    margin: str = "0.16,0.08"

    def attributes(self) -> dict[str, str]:
        """The Graphviz attributes of such a node."""
        return {"shape": self.shape, "style": self.style, "fillcolor": self.fill,
                "color": self.border, "penwidth": f"{self.penwidth:g}",
                "fontcolor": self.font_colour, "fontsize": str(self.font_size),
                "margin": self.margin}


@frozen
class EdgeStyle:
    """How a relation is drawn, and how the legend names it."""

    colour: str
    line: str
    arrowhead: str
    penwidth: float
    description: str
    both_ends: bool = False

    def attributes(self) -> dict[str, str]:
        """The Graphviz attributes of such an edge."""
        attributes = {"color": self.colour, "style": self.line, "arrowhead": self.arrowhead,
                      "penwidth": f"{self.penwidth:g}", "fontcolor": self.colour.split(":")[0]}
        if self.both_ends:
            attributes.update(dir="both", arrowtail=self.arrowhead)
        return attributes


NODE_STYLES = {
    NodeKind.THESIS: NodeStyle(
        "box", "rounded,filled", "#17375e", "#0b1f38", 2.5, "#ffffff", 34,
        "thesis: a conclusion", font_size=16, bold=True),
    NodeKind.PREMISE: NodeStyle(
        "box", "filled", "#ffffff", "#56636f", 1.2, INK, 34,
        "premise: a reason"),
    NodeKind.EVIDENCE: NodeStyle(
        "note", "filled", "#fbf5e4", "#a8893a", 1.2, INK, 40,
        "evidence: a quote and its line", italic=True),
    NodeKind.ASSUMPTION: NodeStyle(
        "box", "rounded,dashed,filled", "#f3f5f7", "#56636f", 1.6, INK, 34,
        "assumption: left unstated"),
    NodeKind.OBJECTION: NodeStyle(
        "octagon", "filled", "#fbe1d3", "#d55e00", 1.8, INK, 32,
        "objection: a counter-claim", margin="0.02,0.02"),
    NodeKind.REBUTTAL: NodeStyle(
        "hexagon", "filled", "#d3efe5", "#00805c", 1.8, INK, 32,
        "rebuttal: answers an objection", margin="0.02,0.02"),
}

#: Each node kind's attributes, quoted once for the many nodes of a map.
NODE_ATTRIBUTES = {kind: a_list(kwargs=style.attributes()) for kind, style in NODE_STYLES.items()}

#: A claim the analyst adds (`#analyst`): its kind's shape and colours, dotted, and a line
#: under its text that says whose it is (ANALYSTS_NOTE). An assumption is drawn dashed.
ANALYST_ATTRIBUTES = {
    kind: a_list(kwargs={**style.attributes(),
                         "style": style.style.replace("dashed,", "") + ",dotted"})
    for kind, style in NODE_STYLES.items()}
ANALYSTS_NOTE = "the analyst's, not the author's"

RELATION_STYLES = {
    RelationKind.SUPPORTS: EdgeStyle("#2f5f8a", "solid", "normal", 1.6, "supports"),
    RelationKind.ATTACKS: EdgeStyle("#d55e00", "dashed", "tee", 1.8, "attacks"),
    RelationKind.UNDERCUTS: EdgeStyle("#a0508a", "dotted", "diamond", 2.2,
                                      "undercuts: attacks a link"),
}

CROSS_STYLES = {
    CrossKind.AGREES: EdgeStyle("#009e73", "solid", "dot", 2.6, "agrees", both_ends=True),
    # A double line: two red pairs around a white one. Graphviz colours the tail's bar
    # with the second colour and the head's with the last, so both are red.
    CrossKind.CONTRADICTS: EdgeStyle("#c0392b:#c0392b:#ffffff:#c0392b:#c0392b", "solid", "tee",
                                     1, "contradicts", both_ends=True),
    CrossKind.QUALIFIES: EdgeStyle("#e69f00", "dashed", "odiamond", 2.6, "qualifies"),
    CrossKind.SUPPORTS: EdgeStyle("#0072b2", "solid", "normal", 2.6,
                                  "supports (across documents)"),
    CrossKind.ATTACKS: EdgeStyle("#d55e00", "bold,dashed", "tee", 2.6,
                                 "attacks (across documents)"),
}

#: The small point an undercut meets on the support link it attacks.
LINK_POINT = {"shape": "point", "width": "0.11",
              "color": RELATION_STYLES[RelationKind.UNDERCUTS].colour}

#: The point where the lines of a linked support's reasons join, in the supports' colour.
JOIN_POINT = {"shape": "point", "width": "0.09",
              "color": RELATION_STYLES[RelationKind.SUPPORTS].colour}

#: How `render --evaluate` marks a node that does not stand: faded to grey with a line under
#: its text that says why (`EVALUATION_NOTES`), and the legend names each.
EVALUATED_FADE = {"out": "#9aa3ab", "undecided": "#b58a00"}
EVALUATION_NOTES = {"out": "✗ out: {why}", "undecided": "? undecided: {why}"}
