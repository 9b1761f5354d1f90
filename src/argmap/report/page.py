"""What the two kinds of page share: the frame, the drawing's pane, a source text's pane, the
findings of `check`, and what each node of a map links to.

Every string from a map, a source or a finding is escaped here or in `highlight` before it
becomes part of the page: `esc` is `html.escape`, quotes included, for text and attributes
alike.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterable, Mapping
from html import escape as esc

from .. import __version__
from ..diagnostics import Finding
from ..lexicon import NodeKind
from ..model import DocumentHeader
from ..quotes import QuoteMatch, SourceText
from ..render.escape import safe_url
from ..render.output import Rendered
from ..semantics import MapSemantics
from ..stats import MapStats
from .assets import PANZOOM_VERSION, assets, content_security_policy
from .drawing import NodeLink, inline_svg
from .highlight import QuoteSpan, highlight, quote_anchor

__all__ = ["page", "byline", "metadata", "drawing_pane", "text_pane",
           "findings_section", "node_links", "plural", "coverage_text"]


def page(title: str, kind: str, body: str, sections: list[tuple[str, str]]) -> str:
    """A whole page: `kind` (`map`, `comparison`) is the class of its `<body>`; `sections`
    (id, name) are the panes a keyboard can jump to, past the drawing's many nodes."""
    page_assets = assets()
    jumps = " · ".join(f'<a href="#{esc(anchor)}">{esc(name)}</a>' for anchor, name in sections)
    scripts = "".join(f"<script>{script}</script>\n" for script in page_assets.scripts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        f'content="{content_security_policy(page_assets)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="argmap {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n<style>{page_assets.style}</style>\n</head>\n"
        f'<body class="{kind}">\n<nav class="jump" aria-label="Panes">Go to {jumps}</nav>\n'
        f"{body}"
        f'<footer class="page-footer">Made with argmap {esc(__version__)}. Pan and zoom: '
        f"Panzoom {PANZOOM_VERSION} (MIT licence, by Timmy Willison).</footer>\n"
        f"{scripts}</body>\n</html>\n")


def plural(count: int, word: str) -> str:
    """`1 quote`, `2 quotes`.

    >>> plural(1, "quote"), plural(3, "sentence")
    ('1 quote', '3 sentences')
    """
    return f"{count} {word}" + ("" if count == 1 else "s")


def byline(header: DocumentHeader) -> str:
    """Publisher, author and date, as the header gives them."""
    return " · ".join(f.value for key in ("publisher", "author", "date")
                      for f in [header.get(key)] if f and f.value)


def metadata(header: DocumentHeader) -> str:
    """The header's fields as a description list; a url is a link only when it is http(s)."""
    rows = []
    for key in ("publisher", "author", "date", "url", "source"):
        field = header.get(key)
        if field is None or not field.value:
            continue
        value = esc(field.value)
        url = safe_url(field.value) if key == "url" else None
        if url is not None:
            value = f'<a href="{esc(url)}" rel="noopener noreferrer">{value}</a>'
        rows.append(f"<dt>{key}</dt><dd>{value}</dd>")
    return f'<dl class="metadata">{"".join(rows)}</dl>' if rows else ""


def coverage_text(stats: MapStats) -> str:
    """How much of the argument the quotes cover, in words."""
    if stats.source_problem:
        return f"coverage unknown: {stats.source_problem}"
    if stats.coverage is None:
        return "coverage unknown: the source has no argumentative sentence"
    quoted = len(stats.sentences) - len(stats.unquoted)
    return (f"quotes cover {stats.coverage:.0%} of the argument: {quoted} of "
            f"{plural(len(stats.sentences), 'argumentative sentence')}")


def drawing_pane(drawing: Rendered, links: dict[str, NodeLink], heading: str,
                 rows: Mapping[str, tuple[str, str]] | None = None, legend: str = "") -> str:
    """The drawing, with the buttons that pan and zoom it (shown once the script runs);
    `rows`: the table row each relation's number in the drawing links to, by its id;
    `legend`: HTML shown above the drawing, for a drawing without a legend of its own."""
    buttons = "".join(
        f'<button type="button" data-zoom="{action}" title="{title}" hidden>{face}</button>'
        for action, face, title in (("in", "+", "Zoom in (+)"), ("out", "−", "Zoom out (−)"),
                                    ("fit", "Fit", "Show the whole drawing (0)")))
    return (f'<section class="pane drawing-pane" aria-labelledby="drawing-heading">\n'
            f'<div class="pane-head"><h2 id="drawing-heading">{esc(heading)}</h2>'
            f'<p class="status" role="status" aria-live="polite"></p>'
            f'<div class="zoom">{buttons}</div>{legend}</div>\n'
            '<div class="viewport" tabindex="0" role="group" aria-label="The drawing: arrow '
            'keys pan it, + and − zoom">\n'
            f'<div class="canvas">\n{inline_svg(drawing, links, rows)}\n</div>\n</div>\n'
            "</section>\n")


def text_pane(context: MapSemantics, stats: MapStats, title: str,
              shown_by: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """The source text of a map, under `title`, its quotes and unquoted sentences marked;
    `shown_by`: for the quotes the drawing leaves out, what it draws instead (`highlight`)."""
    header = context.header
    doc = header.id
    source_field = header.get("source")
    name = esc(source_field.value) if source_field else "no source"
    heading = (f'<h2 id="text-heading:{esc(doc)}">{esc(title)} '
               f'<span class="file">{name}</span></h2>')
    source = context.source
    if isinstance(source, SourceText):
        body = highlight(source.original_text(0, len(source.text)), _quote_spans(context),
                         [(source.original_offset(s.start), source.original_offset(s.end))
                          for s in stats.unquoted], shown_by)
        # The second sample only where some sentence is so marked.
        unquoted = ('<span class="unquoted">argumentative, quoted nowhere</span> '
                    if stats.unquoted else "")
        text = ('<p class="text-legend"><span class="quote">quoted as evidence</span> '
                f'{unquoted}· {esc(coverage_text(stats))}</p>\n'
                f'<div class="source" id="text:{esc(doc)}">{body}</div>')
    else:
        text = f'<p class="source-problem">{esc(coverage_text(stats))}</p>'
    return (f'<section class="pane text-pane" aria-labelledby="text-heading:{esc(doc)}">\n'
            f'<div class="pane-head">{heading}</div>\n{text}\n</section>\n')


def _quote_spans(context: MapSemantics) -> list[QuoteSpan]:
    source = context.source
    assert isinstance(source, SourceText)
    return [QuoteSpan(source.original_offset(start), source.original_offset(end),
                      f"{context.map.id}.{node}")
            for node, match in context.quotes.items() if isinstance(match, QuoteMatch)
            for start, end in match.spans]


def node_links(context: MapSemantics) -> dict[str, NodeLink]:
    """For each node of the map, by `DOC.NODE`: the quotes it rests on, and where its link
    leads without JavaScript (the first of them, or the node itself)."""
    doc = context.map.id
    quoted = {node for node, match in context.quotes.items() if isinstance(match, QuoteMatch)}
    links = {}
    for node in context.nodes.values():
        below = [(e, depth) for e, depth in _evidence_below(context, node.id) if e in quoted]
        quotes = tuple(f"{doc}.{e}" for e, _ in below)
        # The nearest: the node's own evidence, or that of the nearest claims under it.
        direct = tuple(f"{doc}.{e}" for e, depth in below if depth == below[0][1])
        href = f"#{quote_anchor(quotes[0])}" if quotes else f"#{doc}.{node.id}"
        label = f"{node.kind.value} {doc}.{node.id}: {node.text}"
        links[f"{doc}.{node.id}"] = NodeLink(href, quotes, label, direct)
    return links


def _evidence_below(context: MapSemantics, node_id: str) -> list[tuple[str, int]]:
    """The evidence that supports the node, directly or through other nodes, nearest first
    (the node itself when it is evidence), each with how many supports away it is."""
    found, seen = [], set()
    queue = deque([(node_id, 0)])
    while queue:
        current, depth = queue.popleft()
        if current in seen:
            continue
        seen.add(current)
        if context.nodes[current].kind is NodeKind.EVIDENCE:
            found.append((current, depth))
        queue.extend((supporter, depth + 1) for supporter in context.supporters.get(current, ()))
    return found


def findings_section(findings: Iterable[Finding], anchors: list[tuple[int, str, str]]) -> str:
    """The warnings and infos of `check` on one file, each linked to what it is about:
    `anchors` are (first line, fragment, `DOC.NODE` or "") in file order; a finding belongs
    to the last one that starts on or before its line."""
    findings = list(findings)
    starts = [line for line, _, _ in anchors]
    items = []
    for finding in findings:
        at = bisect.bisect_right(starts, finding.position.line) - 1
        _, fragment, node = anchors[max(at, 0)]
        items.append(
            f'<li class="finding {finding.severity.value}"><a class="finding-link" '
            f'href="#{esc(fragment)}" data-node="{esc(node)}">'
            f'<span class="severity">{finding.severity.value}</span> {esc(finding.message)} '
            f'<span class="rule">[{esc(finding.rule)}] line {finding.position.line}</span>'
            "</a></li>")
    if not items:
        return ('<section class="findings" aria-label="Findings of argmap check"><p>'
                "argmap check finds nothing to report.</p></section>\n")
    counts = {severity: sum(f.severity.value == severity for f in findings)
              for severity in ("warning", "info")}
    summary = ", ".join(plural(n, word) if word == "warning" else f"{n} {word}"
                        for word, n in counts.items() if n)
    return (f'<details class="findings" open><summary>argmap check: {summary}</summary>\n'
            f'<ol>\n{"".join(item + chr(10) for item in items)}</ol>\n</details>\n')
