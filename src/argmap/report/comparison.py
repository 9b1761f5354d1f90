"""The page of a comparison: the drawing, the relations between the documents as a table,
and the documents' source texts side by side.

The drawing is the comparison's default one (docs/rendering.md, "Comparisons"): a column
per document holding its theses and the claims the relations link, each relation numbered
on its line. The table numbers its rows the same way. Its quotes' evidence is mostly not
drawn, so a quote in a text links to the drawn claims it bears on instead.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from html import escape as esc

from .._tools import visible
from ..diagnostics import Finding
from ..lexicon import NodeKind
from ..model import Link, Node
from ..quotes import QuoteMatch
from ..render.key import Numbered, numbered
from ..render.output import Rendered
from ..semantics import ComparisonSemantics, MapSemantics
from ..stats import map_stats
from .drawing import NodeLink, drawn_ids
from .page import (
    drawing_pane,
    findings_section,
    legend,
    node_links,
    node_names,
    page,
    plural,
    quotes_below,
    text_pane,
)

__all__ = ["comparison_page", "drawn_instead", "relation_anchor"]


def relation_anchor(index: int) -> str:
    """The id of the table row of the comparison's relation number `index` (from 1).

    >>> relation_anchor(3)
    'relation:3'
    """
    return f"relation:{index}"


def comparison_page(context: ComparisonSemantics, drawing: Rendered,
                    findings: list[Finding]) -> str:
    """The report of one comparison, given its drawing and its warnings and infos."""
    comparison = context.comparison
    links: dict[str, NodeLink] = {}
    for document in context.documents.values():
        links.update(node_links(document))
    stats = {doc: map_stats(document) for doc, document in context.documents.items()}
    # Each document's coverage is said above its text: the header stays short.
    documents = "".join(
        f"<li><strong>{esc(document.header.title)}</strong> <code>{esc(doc)}</code>"
        f'<span class="byline">{esc(document.header.byline)}</span></li>'
        for doc, document in context.documents.items())
    kinds: dict[str, int] = {}
    for relation in comparison.relations:
        kinds[relation.kind.value] = kinds.get(relation.kind.value, 0) + 1
    counts = ", ".join(f"{kind} {n}" for kind, n in kinds.items())
    top = (f'<header class="page-header">\n<p class="kicker">Comparison '
           f'<code>{esc(visible(os.path.basename(comparison.path)))}</code></p>\n'
           f"<h1>{esc(comparison.title)}</h1>\n"
           f'<ul class="counts"><li>{plural(len(comparison.relations), "relation")} between '
           f'the documents{f" ({counts})" if counts else ""}</li></ul>\n'
           f'<ul class="documents">{documents}</ul>\n</header>\n')
    anchors = [(0, "argmap", "")] + [
        (relation.position.line, relation_anchor(index), "")
        for index, relation in enumerate(comparison.relations, 1)]
    relations = numbered(context, lambda node: node is not None)
    rows = {f"{item.edge_id}/number": (relation_anchor(item.number), _about(item, links))
            for item in relations}
    drawn = drawn_ids(drawing)
    names: dict[str, str] = {}
    for document in context.documents.values():
        names.update(node_names(document, bare=False))
    # The drawing starts at the first document's first thesis it draws.
    start = next((name for doc, document in context.documents.items()
                  for node in document.map.nodes
                  for name in [f"{doc}.{node.id}"]
                  if node.kind is NodeKind.THESIS and name in drawn), None)
    body = (top + findings_section(findings, anchors, names)
            + '<main class="workspace">\n'
            + drawing_pane(drawing, links, "The comparison", start, rows, legend(
                {node.kind for doc, document in context.documents.items()
                 for node in document.nodes.values() if f"{doc}.{node.id}" in drawn}))
            + _relations_pane(context, relations, links)
            + "".join(text_pane(document, stats[doc], document.header.title,
                                drawn_instead(document, drawn))
                      for doc, document in context.documents.items())
            + "</main>\n")
    sections = [("drawing-heading", "the drawing"), ("relations-heading", "the relations")]
    sections += [(f"text-heading:{doc}", f"the text of {doc}") for doc in context.documents]
    return page(comparison.title, "comparison", body, sections)


def drawn_instead(document: MapSemantics, drawn: set[str]) -> dict[str, tuple[str, ...]]:
    """For each quoted evidence of `document` that the drawing leaves out (`drawn`: the
    ids it draws), the nearest drawn nodes it bears on, through what they bear on in turn;
    the document's panel when there are none."""
    doc = document.map.id
    instead: dict[str, tuple[str, ...]] = {}
    for evidence, match in document.quotes.items():
        if not isinstance(match, QuoteMatch) or f"{doc}.{evidence}" in drawn:
            continue
        found: list[str] = []
        seen: set[str] = set()
        queue = deque([evidence])
        while queue:
            current = queue.popleft()
            if current in seen:
                continue
            seen.add(current)
            if f"{doc}.{current}" in drawn:
                found.append(f"{doc}.{current}")
                continue
            # What it supports, alone or linked with others, then what it attacks or undercuts.
            queue.extend(document.supported.get(current, ()))
            for relation in document.nodes[current].relations:
                target = relation.target
                node = document.resolve(target.supported if isinstance(target, Link) else target)
                if node is not None:
                    queue.append(node.id)
        instead[f"{doc}.{evidence}"] = tuple(found) or (f"document:{doc}",)
    return instead


_EMPTY_BODY = "<tbody>\n</tbody>\n"


def _relations_pane(context: ComparisonSemantics, relations: list[Numbered],
                    links: dict[str, NodeLink]) -> str:
    # A body for each run of relations under one topic, headed by its name.
    groups = []
    for topic, run in itertools.groupby(relations, key=lambda item: item.topic):
        head = ("" if topic is None else '<tr class="topic"><th colspan="5" scope="rowgroup">'
                f"{esc(topic)}</th></tr>\n")
        groups.append(f"<tbody>\n{head}{''.join(_row(context, item, links) for item in run)}"
                      "</tbody>\n")
    return ('<section class="pane relations-pane" aria-labelledby="relations-heading">\n'
            '<div class="pane-head"><h2 id="relations-heading">Where the documents meet</h2>'
            "</div>\n"
            '<div class="scroll"><table class="relations">\n<thead><tr>'
            '<th scope="col"><abbr title="Its number in the drawing">No.</abbr></th>'
            '<th scope="col">Claim</th><th scope="col">Relation</th><th scope="col">Claim</th>'
            '<th scope="col">Explanation</th></tr></thead>\n'
            f"{''.join(groups) or _EMPTY_BODY}</table></div>\n</section>\n")


def _row(context: ComparisonSemantics, item: Numbered, links: dict[str, NodeLink]) -> str:
    """One relation as a table row that selecting shows both claims, the relation's line
    and its number in the drawing, and their quotes."""
    relation = item.relation
    source, target = item.source, item.target
    # The drawing's ids of the relation: its two lines and its number (docs/rendering.md).
    edges = [item.edge_id, f"{item.edge_id}/number", f"{item.edge_id}/to"]
    quotes, direct = quotes_below(links, (source, target))
    shown = f' data-direct="{esc(" ".join(direct))}"' if direct and direct != quotes else ""
    return (f'<tr class="relation" id="{esc(relation_anchor(item.number))}" tabindex="0" '
            f'data-nodes="{esc(source)} {esc(target)}" data-edges="{esc(" ".join(edges))}" '
            f'data-name="{esc(_about(item, links))}" '
            f'data-quotes="{esc(" ".join(quotes))}"{shown}>'
            f'<td class="number">{item.number}</td>'
            f"<td>{_claim(context.resolve(relation.source), source)}</td>"
            f'<td class="kind {esc(relation.kind.value)}"><a href="#{esc(edges[1])}">'
            f"{esc(relation.kind.value)}</a>"
            f'<span class="documents-of">{esc(source.partition(".")[0])} → '
            f'{esc(target.partition(".")[0])}</span></td>'
            f"<td>{_claim(context.resolve(relation.target), target)}</td>"
            f"<td>{esc(relation.explanation or '')}</td></tr>\n")


def _about(item: Numbered, links: dict[str, NodeLink]) -> str:
    """A relation in words, its claims by their names: what the page says it selects."""
    def name(node: str) -> str:
        return f"“{links[node].name}”" if node in links else node

    return (f"Relation {item.number}: {name(item.source)} {item.relation.kind.value} "
            f"{name(item.target)}")


def _claim(node: Node | None, name: str) -> str:
    text = node.text if node is not None else name
    return f'<a href="#{esc(name)}">{esc(text)}</a>'
