"""The page of a document map: the drawing beside the source text, under the document's
metadata, its counts, its coverage and the findings of `check`."""

from __future__ import annotations

import os
from html import escape as esc

from .._tools import visible
from ..diagnostics import Finding
from ..lexicon import NodeKind
from ..render.output import Rendered
from ..semantics import MapSemantics
from ..stats import map_stats
from .drawing import drawn_ids
from .page import (
    coverage_text,
    drawing_pane,
    findings_section,
    legend,
    metadata,
    node_links,
    node_names,
    page,
    plural,
    text_pane,
)

__all__ = ["map_page"]


def map_page(context: MapSemantics, drawing: Rendered, findings: list[Finding]) -> str:
    """The report of one document map, given its drawing and its warnings and infos."""
    stats = map_stats(context)
    header = context.header
    doc = header.id
    nodes = ", ".join(f"{kind} {n}" for kind, n in stats.nodes.items() if n)
    relations = ", ".join(f"{kind} {n}" for kind, n in stats.relations.items() if n)
    counts = (f'<ul class="counts"><li>{plural(sum(stats.nodes.values()), "node")}'
              f'{f" ({nodes})" if nodes else ""}</li>'
              f'<li>{plural(sum(stats.relations.values()), "relation")}'
              f'{f" ({relations})" if relations else ""}</li>'
              f"<li>{esc(coverage_text(stats))}</li></ul>")
    top = (f'<header class="page-header">\n<p class="kicker">Argument map of '
           f'<code>{esc(visible(os.path.basename(context.map.path)))}</code></p>\n'
           f"<h1>{esc(header.title)}</h1>\n{metadata(header)}\n{counts}\n</header>\n")
    # Findings before the first node are about the header: the document's panel.
    anchors = [(0, f"document:{doc}", "")] + [
        (node.position.line, f"{doc}.{node.id}", f"{doc}.{node.id}")
        for node in context.map.nodes]
    # The kinds of node the drawing shows (a quote inside its claim's box among them), and
    # of relation.
    drawn = drawn_ids(drawing)
    kinds = {node.kind for node in context.nodes.values() if f"{doc}.{node.id}" in drawn}
    relation_kinds = {relation.kind for node in context.map.nodes for relation in node.relations}
    thesis = next((node for node in context.map.nodes if node.kind is NodeKind.THESIS), None)
    body = (top + findings_section(findings, anchors, node_names(context, bare=True))
            + '<main class="workspace">\n'
            + drawing_pane(drawing, node_links(context), "The map",
                           f"{doc}.{thesis.id}" if thesis else None,
                           key=legend(kinds, relation_kinds))
            + text_pane(context, stats, "The source text") + "</main>\n")
    return page(header.title, "map", body,
                [("drawing-heading", "the map"), (f"text-heading:{doc}", "the source text")])
