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
           "EVALUATED_FADE", "EVALUATED_FILL", "EVALUATED_INK", "EVALUATION_NOTES", "contrast",
           "readable", "repeat_styles", "PAGE_COLOURS"]

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

    @property
    def ink(self) -> str:
        """The colour of text that names the relation (its number's outline, its kind in a
        key): the line's, darkened as little as needed to read at 4.5:1 on a panel."""
        return readable(self.colour.split(":")[0], PANEL_FILL)

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
    RelationKind.SUPPORTS: EdgeStyle("#2f5f8a", "solid", "normal", 1.6,
                                     RelationKind.SUPPORTS.value),
    RelationKind.ATTACKS: EdgeStyle("#d55e00", "dashed", "tee", 1.8, RelationKind.ATTACKS.value),
    RelationKind.UNDERCUTS: EdgeStyle("#a0508a", "dotted", "diamond", 2.2,
                                      "undercuts: attacks a link"),
    RelationKind.EXPLAINS: EdgeStyle("#56b4e9", "dashed", "empty", 1.8,
                                     "explains: why it is so, not that it is"),
    RelationKind.CONCEDES: EdgeStyle("#8c6d31", "dashed", "odot", 1.8,
                                     "concedes: granted against it, not defeating it"),
    # The ranking of rival explanations is a document's point, not a faint aside.
    RelationKind.OUTRANKS: EdgeStyle("#4b5560", "bold", "obox", 2.6,
                                     "outranks: a rival ranked lower"),
}

CROSS_STYLES = {
    CrossKind.AGREES: EdgeStyle("#009e73", "solid", "dot", 2.6, CrossKind.AGREES.value,
                                both_ends=True),
    # A double line: two red pairs around a white one. Graphviz colours the tail's bar
    # with the second colour and the head's with the last, so both are red.
    CrossKind.CONTRADICTS: EdgeStyle("#c0392b:#c0392b:#ffffff:#c0392b:#c0392b", "solid", "tee",
                                     1, CrossKind.CONTRADICTS.value, both_ends=True),
    CrossKind.QUALIFIES: EdgeStyle("#e69f00", "dashed", "odiamond", 2.6,
                                   CrossKind.QUALIFIES.value),
    CrossKind.SUPPORTS: EdgeStyle("#0072b2", "solid", "normal", 2.6,
                                  "supports (across documents)"),
    CrossKind.ATTACKS: EdgeStyle("#d55e00", "bold,dashed", "tee", 2.6,
                                 "attacks (across documents)"),
    CrossKind.EXPLAINS: EdgeStyle("#56b4e9", "bold,dashed", "empty", 2.6,
                                  "explains (across documents): why, not that"),
}

#: The small point an undercut meets on the support link it attacks.
LINK_POINT = {"shape": "point", "width": "0.11",
              "color": RELATION_STYLES[RelationKind.UNDERCUTS].colour}

#: The point where the lines of a linked support's reasons join, in the supports' colour.
JOIN_POINT = {"shape": "point", "width": "0.09",
              "color": RELATION_STYLES[RelationKind.SUPPORTS].colour}

#: How `render --evaluate` marks a node that does not stand: faded to grey with a line under
#: its text that says why (`EVALUATION_NOTES`), and the legend names each.
EVALUATED_FADE = {"out": "#9aa3ab", "undecided": "#b58a00", "outweighed": "#5f6b76"}
#: A faded node's fill, and the ink of its text and of the line that says why: each at
#: least 4.5:1 against the fill (WCAG AA; `tests/test_render_contrast.py`).
EVALUATED_FILL = "#eceff1"
EVALUATED_INK = {"out": "#5f6b76", "undecided": "#7a5a00", "outweighed": "#4b5560"}
EVALUATION_NOTES = {"out": "✗ out: {why}", "undecided": "? undecided: {why}",
                    "outweighed": "↓ outweighed: {why}"}


def repeat_styles() -> dict[str, dict[str, str]]:
    """The style of a node drawn again (`repeat:KIND`), in a map or a comparison: its kind's
    shape and colours with a dashed outline; a repeated thesis an outline only, so that it
    does not look like another thesis."""
    styles = {f"repeat:{kind.value}": {**style.attributes(), "style": style.style + ",dashed",
                                       "penwidth": "1"}
              for kind, style in NODE_STYLES.items()}
    thesis = NODE_STYLES[NodeKind.THESIS]
    styles["repeat:thesis"].update(fillcolor="#ffffff", fontcolor=thesis.fill, penwidth="1.4",
                                   fontsize=str(TEXT_SIZE))
    return styles


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21.

    >>> round(contrast("#ffffff", "#000000"), 1), round(contrast("#5f6b76", "#ffffff"), 2)
    (21.0, 5.45)
    """
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                   for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: str, background: str, ratio: float = 4.5) -> str:
    """`colour`, darkened as little as needed to have `ratio` with `background`: a line's
    colour as the colour of its name in a text.

    >>> readable("#e69f00", "#ffffff")
    '#9e6d00'
    >>> readable("#1b1f24", "#ffffff")
    '#1b1f24'
    """
    shade = colour
    for step in range(100, -1, -1):
        shade = "#" + "".join(f"{int(colour[i:i + 2], 16) * step // 100:02x}" for i in (1, 3, 5))
        if contrast(shade, background) >= ratio:
            break
    return shade


#: The colours of the page `argmap report` makes around the drawing, by name: its style
#: sheet has no colour of its own, but gets these as custom properties (`--ink`, …). Every
#: text on the page has 4.5:1 contrast with its background, and what is selected 3:1 with
#: what is not (tests/test_report_browser.py).
PAGE_COLOURS = {
    "ink": INK,
    "muted": MUTED,
    "paper": "#ffffff",
    "panel": PANEL_FILL,
    "line": PANEL_BORDER,
    "row-line": "#e3e7eb",
    "row-hover": "#f3f7fb",
    "focus": CROSS_STYLES[CrossKind.SUPPORTS].colour,
    # A quote in the text: as pale as a quote's cell in the drawing, underlined in its edge.
    "quote": "#fbeec4",
    "quote-edge": NODE_STYLES[NodeKind.EVIDENCE].border,
    "quote-hover": "#f6dc8a",
    # What is selected: outlined in `pick` (3:1 against the page and every node's fill); a
    # selected quote, the strongest mark, filled `pick-strong` with `pick-ink` text; the
    # quotes of the evidence further below a selected claim, and a selected relation's
    # number, filled `pick-below` (3:1 against a quote and `pick-strong`, ink on it 4.5:1).
    "pick": "#cc6600",
    "pick-below": "#d46a00",
    "pick-strong": "#5c2c00",
    "pick-ink": "#ffffff",
    "pick-row": "#fff1cc",
    "related-row": "#fff8e3",
    # An argumentative sentence no quote covers.
    "gap": "#fdeae3",
    "gap-edge": NODE_STYLES[NodeKind.OBJECTION].border,
    "findings": "#fffaf0",
    "warning": "#7a3a00",
    "warning-fill": "#fde2c8",
    "info": "#0b4a75",
    "info-fill": "#dcecf7",
}
# A relation's name in the comparison's table: its line's colour, dark enough to read on a
# selected row.
PAGE_COLOURS.update({f"kind-{kind.value}": readable(style.colour.split(":")[0],
                                                    PAGE_COLOURS["pick-row"])
                     for kind, style in CROSS_STYLES.items()})
