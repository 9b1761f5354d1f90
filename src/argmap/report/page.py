"""What the two kinds of page share: the frame, the drawing's pane, a source text's pane, the
findings of `check`, and what each node of a map links to.

Every string from a map, a source or a finding is escaped here or in `highlight` before it
becomes part of the page: `esc` is `html.escape`, quotes included, for text and attributes
alike.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Collection, Iterable, Mapping
from html import escape as esc

from .. import __version__
from ..diagnostics import Finding
from ..lexicon import HEADER_KEYS, SKIP_LINES, SOURCE, URL, NodeKind, RelationKind
from ..model import DocumentHeader
from ..names import display_name, named_message
from ..quotes import QuoteMatch, SourceText
from ..render.escape import safe_url
from ..render.output import Rendered
from ..render.style import NODE_STYLES, RELATION_STYLES, TEXT_SIZE, EdgeStyle, NodeStyle
from ..semantics import MapSemantics
from ..severity import Severity
from ..stats import MapStats
from .assets import PANZOOM_VERSION, assets, content_security_policy
from .drawing import NodeLink, inline_svg
from .highlight import QuoteSpan, highlight, quote_anchor

__all__ = ["page", "metadata", "drawing_pane", "legend", "text_pane",
           "findings_section", "node_links", "node_names", "quotes_below", "plural",
           "coverage_text"]


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


def metadata(header: DocumentHeader) -> str:
    """The header's fields as a description list; a url is a link only when it is http(s)."""
    rows = []
    for key in (key for key in HEADER_KEYS if key != SKIP_LINES):
        field = header.get(key)
        if field is None or not field.value:
            continue
        value = esc(field.value)
        url = safe_url(field.value) if key == URL else None
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
                 start: str | None, rows: Mapping[str, tuple[str, str]] | None = None,
                 key: str = "") -> str:
    """The drawing, with the buttons that pan and zoom it (shown once the script runs);
    `start`: the node (a thesis) the drawing starts at, when it is too large to read whole;
    `rows`: the table row each relation's number in the drawing links to, by its id;
    `key`: HTML shown above the drawing (`legend`)."""
    # The size of the drawing's text, in its units: the script zooms until it is legible.
    begin = f' data-text-size="{TEXT_SIZE}"' + (f' data-start="{esc(start)}"' if start else "")
    buttons = "".join(
        f'<button type="button" data-zoom="{action}" title="{title}" hidden>{face}</button>'
        for action, face, title in (("in", "+", "Zoom in (+)"), ("out", "−", "Zoom out (−)"),
                                    ("fit", "Fit", "Show the whole drawing (0)")))
    return (f'<section class="pane drawing-pane" aria-labelledby="drawing-heading">\n'
            f'<div class="pane-head"><h2 id="drawing-heading">{esc(heading)}</h2>'
            f'<p class="status" role="status" aria-live="polite"></p>'
            f'<div class="zoom">{buttons}</div>{key}</div>\n'
            f'<div class="viewport" tabindex="0" role="group"{begin} aria-label="The drawing: '
            'arrow keys pan it, + and − zoom">\n'
            f'<div class="canvas">\n{inline_svg(drawing, links, rows)}\n</div>\n</div>\n'
            "</section>\n")


def legend(kinds: Collection[NodeKind], relations: Collection[RelationKind] = ()) -> str:
    """The kinds of node and of relation a drawing shows, each with a sample of its shape and
    colours, for the head of its pane: the drawing's own legend (if it has one) lies at its
    foot, out of view while the drawing is zoomed in to be read.

    >>> legend([NodeKind.OBJECTION], [RelationKind.ATTACKS]).count("<li>")
    2
    >>> legend([])
    ''
    """
    samples = [f"<li>{_node_sample(NODE_STYLES[kind])}{kind.value}</li>"
               for kind in NodeKind if kind in kinds]
    samples += [f"<li>{_line_sample(RELATION_STYLES[kind])}{kind.value}</li>"
                for kind in RelationKind if kind in relations]
    return (f'<ul class="legend" aria-label="The drawing\'s legend">{"".join(samples)}</ul>'
            if samples else "")


def _node_sample(style: NodeStyle) -> str:
    """A node's shape, fill and outline, 16 × 12 pixels."""
    paint = (f'fill="{style.fill}" stroke="{style.border}" stroke-width="1.5"'
             + (' stroke-dasharray="3 2"' if "dashed" in style.style else ""))
    if style.shape in _SAMPLE_POLYGONS:
        shape = f'<polygon points="{_SAMPLE_POLYGONS[style.shape]}" {paint}/>'
    else:
        rounded = ' rx="3"' if "rounded" in style.style else ""
        shape = f'<rect x="1" y="1" width="14" height="10"{rounded} {paint}/>'
    return f'<svg width="16" height="12" aria-hidden="true">{shape}</svg>'


_SAMPLE_POLYGONS = {"octagon": "4,1 12,1 15,4 15,8 12,11 4,11 1,8 1,4",
                    "hexagon": "4,1 12,1 15,6 12,11 4,11 1,6"}


def _line_sample(style: EdgeStyle) -> str:
    """A relation's line, its colour and dashes, 18 × 12 pixels."""
    dashes = {"dashed": ' stroke-dasharray="4 3"', "dotted": ' stroke-dasharray="1.5 2.5"'}
    dash = next((value for key, value in dashes.items() if key in style.line), "")
    return (f'<svg width="18" height="12" aria-hidden="true"><line x1="1" y1="6" x2="17" '
            f'y2="6" stroke="{style.colour}" stroke-width="2"{dash}/></svg>')


def text_pane(context: MapSemantics, stats: MapStats, title: str,
              shown_by: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """The source text of a map, under `title`, its quotes and unquoted sentences marked;
    `shown_by`: for the quotes the drawing leaves out, what it draws instead (`highlight`)."""
    header = context.header
    doc = header.id
    source_field = header.get(SOURCE)
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
    """For each node of the map, by `DOC.NODE`: its own quote (evidence whose quote was
    found), the nodes that support it directly, and where its link leads without
    JavaScript (the first of the nearest quotes below it, or the node itself).

    What a node rests on is not spelled out for each node: down a chain of n claims that
    would be n²/2 names (`quotes_below` and the page's script follow `under` instead)."""
    doc = context.map.id
    quoted = {node for node, match in context.quotes.items() if isinstance(match, QuoteMatch)}
    nearest = _nearest_quotes(context, quoted)
    links = {}
    for node in context.nodes.values():
        first = nearest.get(node.id)
        href = f"#{quote_anchor(f'{doc}.{first}')}" if first else f"#{doc}.{node.id}"
        label = f"{node.kind.value}: {node.text}"
        own = (f"{doc}.{node.id}",) if node.id in quoted else ()
        under = tuple(f"{doc}.{s}" for s in context.supporters.get(node.id, ()))
        links[f"{doc}.{node.id}"] = NodeLink(href, own, label, under, display_name(node))
    return links


def node_names(context: MapSemantics, bare: bool) -> dict[str, str]:
    """Each node's name for a reader (`display_name`), by `DOC.NODE`, and by its id alone
    too when `bare` (as `check` names the nodes of a map, not those of a comparison)."""
    doc = context.map.id
    names = {f"{doc}.{node.id}": display_name(node) for node in context.nodes.values()}
    if bare:
        names.update({node.id: display_name(node) for node in context.nodes.values()})
    return names


def quotes_below(links: Mapping[str, NodeLink], names: Iterable[str]) -> tuple[list[str],
                                                                              list[str]]:
    """The quotes the nodes `names` rest on, directly or through the nodes that support
    them, nearest first; and of those, the nearest: each node's own and those of the
    evidence that supports it directly, or for a claim with no evidence of its own, those
    of the nearest claims under it. The page's script finds the same (`quotesBelow`)."""
    found: dict[str, None] = {}
    nearest: dict[str, None] = {}
    for name in names:
        seen: set[str] = set()
        queue = deque([(name, 0)])
        depth = None
        while queue:
            current, at = queue.popleft()
            if current in seen or current not in links:
                continue
            seen.add(current)
            for quote in links[current].quotes:
                found[quote] = None
                depth = at if depth is None else depth
                if at == depth:
                    nearest[quote] = None
            queue.extend((under, at + 1) for under in links[current].under)
    return list(found), list(nearest)


def _nearest_quotes(context: MapSemantics, quoted: set[str]) -> dict[str, str]:
    """For each node with a quote below it, the first of the nearest (in the order a walk
    level by level down its supports finds them): worked out once for each node, from
    those of the nodes that support it."""
    first: dict[str, tuple[int, str]] = {}
    done: set[str] = set()
    for start in context.nodes:
        stack = [(start, iter(context.supporters.get(start, ())))]
        on_path = {start}
        while stack:
            node, supporters = stack[-1]
            supporter = next(supporters, None)
            if supporter is not None:
                if supporter not in done and supporter not in on_path:  # (a circle: left)
                    on_path.add(supporter)
                    stack.append((supporter, iter(context.supporters.get(supporter, ()))))
                continue
            stack.pop()
            on_path.discard(node)
            done.add(node)
            if node in quoted:
                first[node] = (0, node)
                continue
            below = [first[s] for s in context.supporters.get(node, ()) if s in first]
            if below:
                depth = min(d for d, _ in below)
                first[node] = (depth + 1, next(q for d, q in below if d == depth))
    return {node: quote for node, (_, quote) in first.items()}


def findings_section(findings: Iterable[Finding], anchors: list[tuple[int, str, str]],
                     names: Mapping[str, str]) -> str:
    """The warnings and infos of `check` on one file, each linked to what it is about:
    `anchors` are (first line, fragment, `DOC.NODE` or "") in file order; a finding belongs
    to the last one that starts on or before its line. Its message names the nodes by
    their `names` (`named_message`)."""
    findings = list(findings)
    starts = [line for line, _, _ in anchors]
    items = []
    for finding in findings:
        at = bisect.bisect_right(starts, finding.position.line) - 1
        _, fragment, node = anchors[max(at, 0)]
        items.append(
            f'<li class="finding {finding.severity.value}"><a class="finding-link" '
            f'href="#{esc(fragment)}" data-node="{esc(node)}">'
            f'<span class="severity">{finding.severity.value}</span> '
            f"{named_message(finding.message, names)} "
            f'<span class="rule">[{esc(finding.rule)}] line {finding.position.line}</span>'
            "</a></li>")
    if not items:
        return ('<section class="findings" aria-label="Findings of argmap check"><p>'
                "argmap check finds nothing to report.</p></section>\n")
    counts = {severity: sum(f.severity is severity for f in findings)
              for severity in (Severity.WARNING, Severity.INFO)}
    summary = ", ".join(severity.tally(n) for severity, n in counts.items() if n)
    return (f'<details class="findings" open><summary>argmap check: {summary}</summary>\n'
            f'<ol>\n{"".join(item + chr(10) for item in items)}</ol>\n</details>\n')
