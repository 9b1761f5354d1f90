"""The page of a comparison: the drawing, the relations between the documents as a table,
and the documents' source texts side by side.

The drawing is the comparison's default one (docs/rendering.md, "Comparisons"): a column
per document holding its theses and the claims the relations link, each relation numbered
on its line. The table numbers its rows the same way. Its quotes' evidence is mostly not
drawn, so a quote in a text links to the drawn claims it bears on instead.
"""

from __future__ import annotations

import os
from collections import deque
from html import escape as esc

from ..diagnostics import Finding
from ..lexicon import NodeKind
from ..model import Link, Node
from ..quotes import QuoteMatch
from ..render.key import Numbered, numbered
from ..render.output import Rendered
from ..render.style import NODE_STYLES
from ..semantics import ComparisonSemantics, MapSemantics
from ..stats import map_stats
from .drawing import NodeLink, drawn_ids
from .page import (
    byline,
    coverage_text,
    drawing_pane,
    findings_section,
    node_links,
    page,
    plural,
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
    documents = "".join(
        f"<li><strong>{esc(document.header.title)}</strong> <code>{esc(doc)}</code>"
        f'<span class="byline">{esc(byline(document.header))}</span>'
        f'<span class="byline">{esc(coverage_text(stats[doc]))}</span></li>'
        for doc, document in context.documents.items())
    kinds: dict[str, int] = {}
    for relation in comparison.relations:
        kinds[relation.kind.value] = kinds.get(relation.kind.value, 0) + 1
    counts = ", ".join(f"{kind} {n}" for kind, n in kinds.items())
    top = (f'<header class="page-header">\n<p class="kicker">Comparison '
           f'<code>{esc(os.path.basename(comparison.path))}</code></p>\n'
           f"<h1>{esc(comparison.title)}</h1>\n<ul class=\"documents\">{documents}</ul>\n"
           f'<ul class="counts"><li>{plural(len(comparison.relations), "relation")} between '
           f'the documents{f" ({counts})" if counts else ""}</li></ul>\n</header>\n')
    anchors = [(0, "argmap", "")] + [
        (relation.position.line, relation_anchor(index), "")
        for index, relation in enumerate(comparison.relations, 1)]
    relations = numbered(context, lambda node: node is not None)
    rows = {f"{item.edge_id}/number": (relation_anchor(item.number), f"relation {item.number}: "
                                       f"{item.source} {item.relation.kind.value} {item.target}")
            for item in relations}
    drawn = drawn_ids(drawing)
    body = (top + findings_section(findings, anchors)
            + '<main class="workspace">\n'
            + drawing_pane(drawing, links, "The comparison", rows, _legend(context, drawn))
            + _relations_pane(context, relations, links)
            + "".join(text_pane(document, stats[doc], document.header.title,
                                drawn_instead(document, drawn))
                      for doc, document in context.documents.items())
            + "</main>\n")
    sections = [("drawing-heading", "the drawing"), ("relations-heading", "the relations")]
    sections += [(f"text-heading:{doc}", f"the text of {doc}") for doc in context.documents]
    return page(comparison.title, "comparison", body, sections)


def _legend(context: ComparisonSemantics, drawn: set[str]) -> str:
    """The kinds of node the drawing shows, each with a sample of its colours: the drawing
    of a page has no key of its own (the table is its key)."""
    kinds = {node.kind for doc, document in context.documents.items()
             for node in document.nodes.values() if f"{doc}.{node.id}" in drawn}
    samples = "".join(
        f'<li><svg width="16" height="12" aria-hidden="true"><rect x="1" y="1" width="14" '
        f'height="10" rx="2" fill="{NODE_STYLES[kind].fill}" stroke="{NODE_STYLES[kind].border}" '
        f'stroke-width="1.5"/></svg>{kind.value}</li>'
        for kind in NodeKind if kind in kinds)
    return f'<ul class="legend" aria-label="Kinds of node">{samples}</ul>' if samples else ""


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


def _relations_pane(context: ComparisonSemantics, relations: list[Numbered],
                    links: dict[str, NodeLink]) -> str:
    rows = "".join(_row(context, item, links) for item in relations)
    return ('<section class="pane relations-pane" aria-labelledby="relations-heading">\n'
            '<div class="pane-head"><h2 id="relations-heading">Where the documents meet</h2>'
            "</div>\n"
            '<div class="scroll"><table class="relations">\n<thead><tr>'
            '<th scope="col"><abbr title="Its number in the drawing">No.</abbr></th>'
            '<th scope="col">Claim</th><th scope="col">Relation</th><th scope="col">Claim</th>'
            '<th scope="col">Explanation</th></tr></thead>\n'
            f"<tbody>\n{rows}</tbody>\n</table></div>\n</section>\n")


def _row(context: ComparisonSemantics, item: Numbered, links: dict[str, NodeLink]) -> str:
    """One relation as a table row that selecting shows both claims, the relation's line
    and its number in the drawing, and their quotes."""
    relation = item.relation
    source, target = item.source, item.target
    # The drawing's ids of the relation: its two lines and its number (docs/rendering.md).
    edges = [item.edge_id, f"{item.edge_id}/number", f"{item.edge_id}/to"]
    quotes = dict.fromkeys(q for name in (source, target) if name in links
                           for q in links[name].quotes)
    direct = dict.fromkeys(q for name in (source, target) if name in links
                           for q in links[name].direct)
    shown = f' data-direct="{esc(" ".join(direct))}"' if direct and direct != quotes else ""
    return (f'<tr class="relation" id="{esc(relation_anchor(item.number))}" tabindex="0" '
            f'data-nodes="{esc(source)} {esc(target)}" data-edges="{esc(" ".join(edges))}" '
            f'data-quotes="{esc(" ".join(quotes))}"{shown}>'
            f'<td class="number">{item.number}</td>'
            f"<td>{_claim(context.resolve(relation.source), source)}</td>"
            f'<td class="kind {esc(relation.kind.value)}"><a href="#{esc(edges[1])}">'
            f"{esc(relation.kind.value)}</a></td>"
            f"<td>{_claim(context.resolve(relation.target), target)}</td>"
            f"<td>{esc(relation.explanation or '')}</td></tr>\n")


def _claim(node: Node | None, name: str) -> str:
    text = node.text if node is not None else name
    return (f'<a href="#{esc(name)}">{esc(text)}</a> '
            f'<span class="node-name">{esc(name)}</span>')
