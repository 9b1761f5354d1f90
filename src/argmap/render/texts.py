"""What each element of a drawing says: node and document labels, and their tooltips."""

from __future__ import annotations

from collections.abc import Sequence

from graphviz.quoting import quote

from ..lexicon import SOURCE, URL, NodeKind
from ..model import Node
from ..quotes import QuoteMatch
from ..semantics import MapSemantics
from .escape import safe_url, xml_text
from .labels import GAP, Line, html_label, html_lines, small, wrap
from .style import ANALYSTS_NOTE, INK, MUTED, NODE_STYLES, SMALL_SIZE

__all__ = ["quoted", "note_colour", "title_label", "document_label", "document_title", "node_label",
           "claim_label", "folded_label", "node_title", "repeat_label"]

# Each at least 4.5:1 on its kind's fill (tests/test_render_contrast.py).
_TAG_COLOURS = {NodeKind.THESIS: "#c8d6e8", NodeKind.OBJECTION: "#4b5560",
                NodeKind.REBUTTAL: "#4b5560"}
#: How many lines of its text a repeated node shows.
_REPEAT_LINES = 2


def note_colour(kind: NodeKind) -> str:
    """The colour of the small type under a node's text (tags, ids, notes): legible on the
    node's fill.

    >>> note_colour(NodeKind.THESIS) != note_colour(NodeKind.PREMISE)
    True
    """
    return _TAG_COLOURS.get(kind, MUTED)


def quoted(name: str) -> str:
    """A node's name (`DOC.NODE`, made of identifiers) as a quoted DOT identifier."""
    if '"' in name or "\\" in name:  # never so in a name made of identifiers
        return quote(name)
    return f'"{name}"'


def title_label(title: str) -> str:
    """The title of a comparison's drawing, over its documents."""
    return html_label([(line, {"bold": True, "size": 22}) for line in wrap(title, 70)])


def document_label(header, width: int = 48) -> str:
    """A document's title, in large bold type, over its byline, wrapped at `width`; a link
    when its url is http(s)."""
    lines: list[Line] = [(line, {"bold": True, "size": 18 if width >= 40 else 15})
                         for line in wrap(header.title, width)]
    lines += [small(line) for line in wrap(header.byline, width + 12) if line]
    label = html_label(lines)
    url = safe_url(header.get(URL).value) if header.get(URL) else None
    if url is None:
        return label
    return (f'<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD HREF="{xml_text(url)}">'
            f"{label[1:-1]}</TD></TR></TABLE>>")


def document_title(header) -> str:
    """A document's tooltip: its title, byline and url."""
    url = header.get(URL)
    parts = [header.title, header.byline, url.value if url and safe_url(url.value) else ""]
    return "\n".join(p for p in parts if p)


def _source_line(context: MapSemantics, node: Node) -> str:
    """Where an evidence quote is in the source: `fpri · line 10`."""
    doc = context.header.id
    match = context.quotes.get(node.id)
    if not isinstance(match, QuoteMatch):
        return doc
    if match.end_line != match.line:
        return f"{doc} · lines {match.line}–{match.end_line}"
    return f"{doc} · line {match.line}"


def node_label(context: MapSemantics, node: Node, lines_after: Sequence[Line] = (),
               width: int | None = None, note: str | None = None, spaced: bool = False) -> str:
    """The label of `node`: its text, a quote's source line, its tags, then `lines_after`;
    wrapped at its kind's width, or at `width`."""
    return html_label(_node_lines(context, node, width, note) + list(lines_after), spaced)


def claim_label(context: MapSemantics, node: Node, quotes: Sequence[Node],
                lines_after: Sequence[Line] = (), note: str | None = None) -> str:
    """The label of a claim with the quotes that support it inside its box, under its text:
    each in a cell of the evidence's colours, with the quote's `DOC.NODE` as its id (the
    SVG's `<g id="a_DOC.NODE">`, and as a placeholder tooltip, which `titles` replaces)."""
    evidence = NODE_STYLES[NodeKind.EVIDENCE]
    rows = [f"<TR><TD>{html_lines(_node_lines(context, node, None, note) + list(lines_after))}"
            "</TD></TR>"]
    for evidence_node in quotes:
        name = xml_text(f"{context.map.id}.{evidence_node.id}")
        # Dark ink on the pale cell, whatever the claim's own text colour; one font per
        # font of the quote, so that its lines share their tags (`html_lines`).
        inked: dict[int, dict] = {}
        lines = [(text, inked.setdefault(id(font), {"colour": INK, **font})) for text, font
                 in _node_lines(context, evidence_node, NODE_STYLES[node.kind].wrap)]
        rows.append(f'<TR><TD ID="{name}" TOOLTIP="{name}" BGCOLOR="{evidence.fill}" '
                    f'COLOR="{evidence.border}" BORDER="1" CELLPADDING="5">'
                    f"{html_lines(lines)}</TD></TR>")
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="5" CELLPADDING="0">'
            f'{"".join(rows)}</TABLE>>')


def folded_label(context: MapSemantics, node: Node, quotes: Sequence[Node],
                 lines_after: Sequence[Line] = (), note: str | None = None) -> str:
    """The label of a claim with the quotes that support it folded into it: its text, then
    one small line that says how many quotes and where they are in the source; the quotes
    themselves are one hover away (`node_title`) or, in a report, one click."""
    lines = [*_node_lines(context, node, None, note), *lines_after]
    where = ", ".join(dict.fromkeys(_source_line(context, quote).partition(" · ")[2]
                                    for quote in quotes)).strip(", ")
    count = "1 quote" if len(quotes) == 1 else f"{len(quotes)} quotes"
    lines += [small(line, note or note_colour(node.kind)) for line in
              wrap(f"“{count}” · {where}" if where else f"“{count}”",
                   NODE_STYLES[node.kind].wrap)]
    first_small = next(i for i, (_, font) in enumerate(lines) if font.get("size") == SMALL_SIZE)
    return html_label([*lines[:first_small], GAP, *lines[first_small:]], spaced=True)


def _node_lines(context: MapSemantics, node: Node, width: int | None = None,
                note: str | None = None) -> list[Line]:
    """The lines of a node's label, wrapped at its kind's width or at `width` (a quote
    inside a claim's box, at the claim's)."""
    style = NODE_STYLES[node.kind]
    width = width or style.wrap
    text = f"“{node.text}”" if node.kind is NodeKind.EVIDENCE else node.text
    font = {"bold": style.bold, "italic": style.italic}
    lines: list[Line] = [(line, font) for line in wrap(text, width)]
    if node.kind is NodeKind.EVIDENCE:
        lines.append(small(_source_line(context, node)))
    colour = note or note_colour(node.kind)
    if node.tags:
        tags = " ".join(f"#{tag}" for tag in node.tags)
        lines += [small(line, colour) for line in wrap(tags, width)]
    if node.by_analyst and node.kind is not NodeKind.ASSUMPTION:
        lines.append(small(ANALYSTS_NOTE, colour))
    return lines


def repeat_label(node: Node, where: str) -> str:
    """The label of a node drawn a second time, under another claim it bears on: the start
    of its text, and `where` it is drawn in full. A repeated thesis is drawn as an outline
    on white, its small type muted."""
    style = NODE_STYLES[node.kind]
    text = f"“{node.text}”" if node.kind is NodeKind.EVIDENCE else node.text
    lines = wrap(text, style.wrap)
    shown = lines[:_REPEAT_LINES]
    if len(lines) > len(shown):
        shown[-1] += " …"
    thesis = node.kind is NodeKind.THESIS
    font = {"bold": style.bold and not thesis, "italic": style.italic}
    colour = MUTED if thesis else note_colour(node.kind)
    return html_label([(line, font) for line in shown]
                      + [small(line, colour) for line in wrap(f"repeated: {where}", style.wrap)],
                      spaced=True)


def node_title(context: MapSemantics, node: Node) -> str:
    """A node's tooltip: its kind and id, its full text (a quote's source line), its tags."""
    lines = [f"{node.kind.value} {context.map.id}.{node.id}"]
    if node.kind is NodeKind.EVIDENCE:
        source = context.header.get(SOURCE)
        lines += [f"“{node.text}”",
                  _source_line(context, node) + (f" of {source.value}" if source else "")]
    else:
        lines.append(node.text)
    if node.tags:
        lines.append(" ".join(f"#{tag}" for tag in node.tags))
    if node.by_analyst:
        lines.append(f"({ANALYSTS_NOTE})")
    return "\n".join(lines)
