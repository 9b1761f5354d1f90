"""The SVG that `argmap render` draws, made part of a page: each node a link to its quotes.

Graphviz writes a standalone file: an XML declaration, a doctype and comments before the
`<svg>` element, which a page holds alone. Its size in points is kept: without JavaScript
the drawing is shown at that size, to scroll; the page's script fits it to its pane and
lets the reader pan and zoom. The drawing is well-formed and its user text escaped (see
`render.escape`), so the element ids and group structure Graphviz writes can be matched
as text: each node is one `<g id="DOC.NODE" class="node">` with no group inside it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from attrs import frozen

__all__ = ["NodeLink", "inline_svg"]

_BEFORE_SVG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)
_NODE = re.compile(r'(?P<head><g id="(?P<id>[^"]*)" class="node">\s*<title>[^<]*</title>)'
                   r"(?P<body>.*?)(?P<tail></g>)", re.DOTALL)


@frozen
class NodeLink:
    """What a node of the drawing links to: `href`, the place it leads without JavaScript;
    `quotes`, the evidence whose quotes selecting it shows; `label`, what a screen reader
    says."""

    href: str
    quotes: tuple[str, ...]
    label: str


def inline_svg(svg: str, links: Mapping[str, NodeLink]) -> str:
    """The `<svg>` element of `svg`, for a page, with each node in `links` made a link.

    >>> svg = ('<?xml version="1.0"?>\\n<!-- x -->\\n'
    ...        '<svg width="9pt" height="9pt" viewBox="0 0 9 9"><g id="d.n" class="node">'
    ...        '\\n<title>d.n</title>\\n<text>N</text>\\n</g></svg>\\n')
    >>> print(inline_svg(svg, {"d.n": NodeLink("#quote:d.e", ("d.e",), "premise <n>")}))
    <svg class="drawing" preserveAspectRatio="xMidYMin meet" width="9pt" height="9pt" \
viewBox="0 0 9 9"><g id="d.n" class="node">
    <title>d.n</title><a class="node-link" href="#quote:d.e" data-node="d.n" \
data-quotes="d.e" aria-label="premise &lt;n&gt;">
    <text>N</text>
    </a></g></svg>
    """
    svg = _COMMENT.sub("", _BEFORE_SVG.sub("", svg, count=1)).strip()
    # Fitted to a pane of other proportions, the drawing keeps to the top, where its theses are.
    svg = svg.replace("<svg ", '<svg class="drawing" preserveAspectRatio="xMidYMin meet" ', 1)

    def link(match: re.Match) -> str:
        node = html.unescape(match.group("id"))
        target = links.get(node)
        if target is None:
            return match.group(0)
        return (f'{match.group("head")}<a class="node-link" href="{html.escape(target.href)}" '
                f'data-node="{html.escape(node)}" '
                f'data-quotes="{html.escape(" ".join(target.quotes))}" '
                f'aria-label="{html.escape(target.label)}">'
                f'{match.group("body")}</a>{match.group("tail")}')

    return _NODE.sub(link, svg)
