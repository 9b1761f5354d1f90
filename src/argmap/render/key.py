"""The key of a comparison: each relation's number, kind, two claims and explanation.

A relation between documents is drawn with its number on its line; the key beside the
drawing says what each number is, so the drawing alone (SVG, PNG or PDF) carries the
explanations, not only the tooltips. Relations are numbered in the order of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from attrs import frozen

from ..lexicon import NodeKind
from ..model import CrossRelation, Node, topic_spans
from ..semantics import ComparisonSemantics
from .labels import Line, html_lines, wrap
from .style import CROSS_STYLES, INK, MUTED, TEXT_SIZE

__all__ = ["KEY_ID", "Numbered", "key_label", "number_badge", "numbered"]

#: The SVG id of the key and its DOT node name: without a dot, so no `DOC.NODE` is named so.
KEY_ID = "key"
#: Characters per line of an explanation in the key.
_EXPLANATION_WRAP = 46
_HEADING = {"bold": True, "size": 16}
_NAMES = {"size": TEXT_SIZE - 2, "colour": MUTED}


@frozen
class Numbered:
    """A relation between documents as drawn: its number, its ends (`DOC.NODE`), its SVG
    id (`KIND:DOC.NODE:DOC.NODE`, then `:2`, `:3` for a relation written again), the
    relation, and the topic it is written under, if any."""

    number: int
    source: str
    target: str
    edge_id: str
    relation: CrossRelation
    topic: str | None = None

    @property
    def title(self) -> str:
        """The tooltip of its line: the two nodes and the explanation."""
        explanation = self.relation.explanation
        return (f"{self.number}. {self.source} {self.relation.kind.value} {self.target}"
                + (f"\n{explanation}" if explanation else ""))


def numbered(context: ComparisonSemantics, shows: Callable[[Node | None], bool]) -> list[Numbered]:
    """The relations of a comparison whose two nodes are drawn (`shows`), numbered from 1 in
    the order they are read: those between two theses first (the documents' bottom lines),
    then the others in the order of the file."""
    comparison = context.comparison
    topics = {index: topic.name for topic, members in
              topic_spans(comparison.topics, len(comparison.relations)) for index in members}
    kept = []
    for index, relation in enumerate(comparison.relations):
        ends = (context.resolve(relation.source), context.resolve(relation.target))
        if all(shows(node) for node in ends):
            kept.append((not all(node is not None and node.kind is NodeKind.THESIS
                                 for node in ends), relation, topics.get(index)))
    found: list[Numbered] = []
    ids: dict[str, int] = {}
    for _, relation, topic in sorted(kept, key=lambda item: item[0]):
        source, target = str(relation.source), str(relation.target)
        edge_id = f"{relation.kind.value}:{source}:{target}"
        ids[edge_id] = count = ids.get(edge_id, 0) + 1
        found.append(Numbered(len(found) + 1, source, target,
                              edge_id + (f":{count}" if count > 1 else ""), relation, topic))
    return found


def number_badge(number: int, colour: str) -> str:
    """The HTML-like label on a relation's line: its number in a rounded white box.

    >>> number_badge(3, "#009e73")[:40]
    '<<TABLE BORDER="1" COLOR="#009e73" BGCOL'
    """
    return (f'<<TABLE BORDER="1" COLOR="{colour}" BGCOLOR="white" STYLE="rounded" '
            f'CELLBORDER="0" CELLPADDING="1" CELLSPACING="0"><TR><TD>'
            f'<FONT POINT-SIZE="{TEXT_SIZE}" COLOR="{INK}"><B>{number}</B></FONT>'
            f"</TD></TR></TABLE>>")


def key_label(relations: list[Numbered], names: Mapping[str, str], columns: int = 1) -> str:
    """The key as an HTML-like table: each relation's number, kind, claims (by their
    `names`, `DOC.NODE` → name) and explanation, in `columns` columns, read down each column
    in turn."""
    span = 2 * columns
    rows = [f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{html_lines([("Relations", _HEADING)])}'
            "</TD></TR>"]
    if not relations:
        rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">'
                    f'{html_lines([("None between these documents.", {})])}</TD></TR>')
    cells = []
    for item in relations:
        style = CROSS_STYLES[item.relation.kind]
        lines: list[Line] = [
            (item.relation.kind.value, {"bold": True, "colour": style.ink}),
            *((line, _NAMES) for line in wrap(
                f"“{names[item.source]}” → “{names[item.target]}”", _EXPLANATION_WRAP))]
        explanation = item.relation.explanation
        if explanation:
            lines += [(line, {}) for line in wrap(explanation, _EXPLANATION_WRAP)]
        cells.append(f'<TD ALIGN="RIGHT" VALIGN="TOP"><B>{item.number}</B></TD>'
                     f'<TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT">{html_lines(lines)}</TD>')
    height = -(-len(cells) // columns)  # rows per column
    for row in range(height):
        found = [cells[column * height + row] for column in range(columns)
                 if column * height + row < len(cells)]
        rows.append("<TR>" + "".join(found) + "<TD></TD>" * 2 * (columns - len(found)) + "</TR>")
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">'
            f'{"".join(rows)}</TABLE>>')
