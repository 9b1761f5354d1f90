"""The page of a comparison: the drawing, the relations between the documents as a table,
and the documents' source texts side by side."""

from __future__ import annotations

import os
from html import escape as esc

from ..diagnostics import Finding
from ..model import CrossRelation, Node
from ..semantics import ComparisonSemantics
from ..stats import map_stats
from .drawing import NodeLink
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

__all__ = ["comparison_page", "relation_anchor"]


def relation_anchor(index: int) -> str:
    """The id of the table row of the comparison's relation number `index` (from 1).

    >>> relation_anchor(3)
    'relation:3'
    """
    return f"relation:{index}"


def comparison_page(context: ComparisonSemantics, svg: str, findings: list[Finding]) -> str:
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
    body = (top + findings_section(findings, anchors)
            + '<main class="workspace">\n'
            + drawing_pane(svg, links, "The comparison")
            + _relations_pane(context, links)
            + "".join(text_pane(document, stats[doc], document.header.title)
                      for doc, document in context.documents.items())
            + "</main>\n")
    sections = [("drawing-heading", "the drawing"), ("relations-heading", "the relations")]
    sections += [(f"text-heading:{doc}", f"the text of {doc}") for doc in context.documents]
    return page(comparison.title, "comparison", body, sections)


def _relations_pane(context: ComparisonSemantics, links: dict[str, NodeLink]) -> str:
    rows = "".join(_row(context, index, relation, links)
                   for index, relation in enumerate(context.comparison.relations, 1))
    return ('<section class="pane relations-pane" aria-labelledby="relations-heading">\n'
            '<div class="pane-head"><h2 id="relations-heading">Where the documents meet</h2>'
            "</div>\n"
            '<div class="scroll"><table class="relations">\n<thead><tr><th scope="col">Claim</th>'
            '<th scope="col">Relation</th><th scope="col">Claim</th>'
            '<th scope="col">Explanation</th></tr></thead>\n'
            f"<tbody>\n{rows}</tbody>\n</table></div>\n</section>\n")


def _row(context: ComparisonSemantics, index: int, relation: CrossRelation,
         links: dict[str, NodeLink]) -> str:
    """One relation as a table row that selecting shows both claims, the relation's line
    and their quotes."""
    source, target = str(relation.source), str(relation.target)
    # The drawing's id of a relation between documents (docs/rendering.md, "Ids"); a
    # relation repeated gets a suffix there, and the row then leads to the first.
    edge = f"{relation.kind.value}:{source}:{target}"
    quotes = dict.fromkeys(q for name in (source, target) if name in links
                           for q in links[name].quotes)
    return (f'<tr class="relation" id="{esc(relation_anchor(index))}" tabindex="0" '
            f'data-nodes="{esc(source)} {esc(target)}" data-edge="{esc(edge)}" '
            f'data-quotes="{esc(" ".join(quotes))}">'
            f"<td>{_claim(context.resolve(relation.source), source)}</td>"
            f'<td class="kind {esc(relation.kind.value)}"><a href="#{esc(edge)}">'
            f"{esc(relation.kind.value)}</a></td>"
            f"<td>{_claim(context.resolve(relation.target), target)}</td>"
            f"<td>{esc(relation.explanation or '')}</td></tr>\n")


def _claim(node: Node | None, name: str) -> str:
    text = node.text if node is not None else name
    return (f'<a href="#{esc(name)}">{esc(text)}</a> '
            f'<span class="node-name">{esc(name)}</span>')
