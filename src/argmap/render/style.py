"""The visual language: one style per node kind, per relation and per cross relation.

Colours follow the Okabe–Ito palette, which stays distinct for colour-blind readers, and
every kind also differs in shape or line, so that a grey-scale print still tells them apart.
"""

from __future__ import annotations

from attrs import frozen
from graphviz.quoting import a_list

from ..lexicon import CrossKind, NodeKind, RelationKind

__all__ = ["contrast", "FONT", "TEXT_SIZE", "SMALL_SIZE", "INK", "MUTED", "PANEL_FILL",
           "PANEL_BORDER",
           "NodeStyle", "EdgeStyle", "NODE_ATTRIBUTES",
           "NODE_STYLES", "RELATION_STYLES", "CROSS_STYLES", "LINK_POINT", "ANALYST_ATTRIBUTES",
           "ANALYSTS_NOTE", "JOIN_POINT",
           "EVALUATED_FADE", "EVALUATED_FILL", "EVALUATED_INK", "EVALUATION_NOTES"]

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
    #: How many outlines: 2 draws a double one.
    peripheries: int = 1

    def attributes(self) -> dict[str, str]:
        """The Graphviz attributes of such a node."""
        return {"shape": self.shape, "style": self.style, "fillcolor": self.fill,
                "color": self.border, "penwidth": f"{self.penwidth:g}",
                "fontcolor": self.font_colour, "fontsize": str(self.font_size),
                "margin": self.margin, "peripheries": str(self.peripheries)}


@frozen
class EdgeStyle:
    """How a relation is drawn, and how the legend names it."""

    colour: str
    line: str
    arrowhead: str
    penwidth: float
    description: str
    both_ends: bool = False
    #: The colour of text that names the relation (its number's outline, its kind in the key):
    #: the line's, darkened where the line's is under 4.5:1 on white.
    text: str | None = None

    @property
    def ink(self) -> str:
        """The colour of text in this relation's colour."""
        return self.text or self.colour.split(":")[0]

    def attributes(self) -> dict[str, str]:
        """The Graphviz attributes of such an edge."""
        attributes = {"color": self.colour, "style": self.line, "arrowhead": self.arrowhead,
                      "penwidth": f"{self.penwidth:g}", "fontcolor": self.ink}
        if self.both_ends:
            attributes.update(dir="both", arrowtail=self.arrowhead)
        return attributes


NODE_STYLES = {
    NodeKind.THESIS: NodeStyle(
        "box", "rounded,filled", "#17375e", "#0b1f38", 2.5, "#ffffff", 22,
        "thesis: a conclusion", font_size=16, bold=True),
    NodeKind.PREMISE: NodeStyle(
        "box", "filled", "#ffffff", "#56636f", 1.2, INK, 24,
        "premise: a reason"),
    NodeKind.EVIDENCE: NodeStyle(
        "note", "filled", "#fbf5e4", "#a8893a", 1.2, INK, 28,
        "evidence: a quote and its line", italic=True),
    NodeKind.ASSUMPTION: NodeStyle(
        "box", "rounded,dashed,filled", "#f3f5f7", "#56636f", 1.6, INK, 24,
        "assumption: left unstated"),
    # Boxes as tight round their text as a premise's, told apart without colour by their
    # corners (cut) and their outline (double): an octagon or a hexagon round a text is
    # far taller and wider than the text, and outweighed the premises.
    NodeKind.OBJECTION: NodeStyle(
        "box", "filled,diagonals", "#fbe1d3", "#d55e00", 1.8, INK, 24,
        "objection: a counter-claim"),
    NodeKind.REBUTTAL: NodeStyle(
        "box", "filled", "#d3efe5", "#00805c", 1.4, INK, 24,
        "rebuttal: answers an objection", peripheries=2),
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
    CrossKind.AGREES: EdgeStyle("#009e73", "solid", "dot", 2.6, "agrees", both_ends=True,
                                text="#00745a"),
    # A double line: two red pairs around a white one. Graphviz colours the tail's bar
    # with the second colour and the head's with the last, so both are red.
    CrossKind.CONTRADICTS: EdgeStyle("#c0392b:#c0392b:#ffffff:#c0392b:#c0392b", "solid", "tee",
                                     1, "contradicts", both_ends=True),
    CrossKind.QUALIFIES: EdgeStyle("#e69f00", "dashed", "odiamond", 2.6, "qualifies",
                                   text="#8a5f00"),
    CrossKind.SUPPORTS: EdgeStyle("#0072b2", "solid", "normal", 2.6,
                                  "supports (across documents)"),
    CrossKind.ATTACKS: EdgeStyle("#d55e00", "bold,dashed", "tee", 2.6,
                                 "attacks (across documents)", text="#a84a00"),
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
#: A faded node's fill, and the ink of its text and of the line that says why: each at
#: least 4.5:1 against the fill (WCAG AA; `tests/test_render_contrast.py`).
EVALUATED_FILL = "#eceff1"
EVALUATED_INK = {"out": "#5f6b76", "undecided": "#7a5a00"}
EVALUATION_NOTES = {"out": "✗ out: {why}", "undecided": "? undecided: {why}"}


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two `#rrggbb` colours: 1 (none) to 21 (black on white);
    text needs at least 4.5 (AA).

    >>> round(contrast("#000000", "#ffffff"), 1), round(contrast(MUTED, "#ffffff"), 2)
    (21.0, 5.45)
    """
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        red, green, blue = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                            for c in channels)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
