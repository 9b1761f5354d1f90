"""The SVG that `argmap render` draws, made part of a page: each node a link to its quotes.

Graphviz writes a standalone file: an XML declaration, a doctype and comments before the
`<svg>` element, which a page holds alone. Its size in points is kept: without JavaScript
the drawing is shown at that size, to scroll; the page's script fits it to its pane and
lets the reader pan and zoom. The drawing is well-formed and its user text escaped (see
`render.escape`), so the element ids and group structure it has (docs/rendering.md, "Ids")
can be matched as text:

- each node is a `<g id="DOC.NODE" class="node">`, its `<title>` first;
- a quote drawn inside its claim's box is a `<g id="DOC.NODE" class="quote">` within the
  claim's group, with no group inside it: it gets a link of its own, beside the claim's
  (links do not nest), drawn after the claim's outline and text so that it stays on top;
- a node repeated under another claim, `repeat:DOC.NODE@DOC.CLAIM`, links to the node;
- the number on a comparison's relation, `KIND:DOC.NODE:DOC.NODE/number`, links to the
  relation's row of the table.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping

from attrs import frozen

__all__ = ["NodeLink", "drawn_ids", "inline_svg"]

_BEFORE_SVG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)
# Every group's start and end: nodes are found by pairing them.
_GROUP_TAG = re.compile(r"<g\b[^>]*>|</g>")
_GROUP = re.compile(r'<g id="(?P<id>[^"]*)" class="(?P<class>[^"]*)"[^>]*>\s*<title>[^<]*</title>')
_QUOTE = re.compile(r'<g id="(?P<id>[^"]*)" class="quote">\s*<title>[^<]*</title>'
                    r"(?P<body>.*?)</g>\n?", re.DOTALL)
_REPEAT = re.compile(r"repeat:(?P<node>[^@]*)@")


@frozen
class NodeLink:
    """What a node of the drawing links to: `href`, the place it leads without JavaScript;
    `quotes`, its own quote (evidence whose quote was found); `label`, what a screen reader
    says; `under`, the nodes that support it directly, through which selecting it shows the
    quotes of every node below it (`page.quotes_below`); `name`, what the page calls it
    (`names.display_name`)."""

    href: str
    quotes: tuple[str, ...]
    label: str
    under: tuple[str, ...] = ()
    name: str = ""


def drawn_ids(svg: str) -> set[str]:
    """The ids of the nodes and of the quotes inside claims that `svg` draws.

    >>> sorted(drawn_ids('<g id="d.c" class="node"><title>c</title>'
    ...                  '<g id="d.q" class="quote"><title>q</title></g></g>'))
    ['d.c', 'd.q']
    """
    return {html.unescape(match.group("id")) for match in _GROUP.finditer(svg)
            if match.group("class") in ("node", "quote")}


def inline_svg(svg: str, links: Mapping[str, NodeLink],
               rows: Mapping[str, tuple[str, str]] | None = None) -> str:
    """The `<svg>` element of `svg`, for a page, with each node and quote in `links` made a
    link, and each element in `rows` (a relation's number) a link to a table row: (its id,
    what a screen reader says).

    >>> svg = ('<?xml version="1.0"?>\\n<!-- x -->\\n'
    ...        '<svg width="9pt" height="9pt" viewBox="0 0 9 9"><g id="d.n" class="node">'
    ...        '\\n<title>d.n</title>\\n<text>N</text>\\n</g></svg>\\n')
    >>> print(inline_svg(svg, {"d.n": NodeLink("#quote:d.e", ("d.e",), "premise <n>")}))
    <svg class="drawing" preserveAspectRatio="xMidYMid meet" width="9pt" height="9pt" \
viewBox="0 0 9 9"><g id="d.n" class="node">
    <title>d.n</title><a class="node-link" href="#quote:d.e" data-node="d.n" \
data-quotes="d.e" aria-label="premise &lt;n&gt;">
    <text>N</text>
    </a></g></svg>

    A quote inside its claim's box gets its own link, after the claim's:

    >>> svg = ('<svg viewBox="0 0 9 9"><g id="d.c" class="node"><title>c</title><path/>'
    ...        '<g id="d.q" class="quote"><title>q</title><text>Q</text></g>\\n<text>C</text></g>'
    ...        '</svg>')
    >>> print(inline_svg(svg, {"d.c": NodeLink("#quote:d.q", (), "premise", ("d.q",)),
    ...                        "d.q": NodeLink("#quote:d.q", ("d.q",), "evidence")}))
    <svg class="drawing" preserveAspectRatio="xMidYMid meet" viewBox="0 0 9 9">\
<g id="d.c" class="node"><title>c</title><a class="node-link" href="#quote:d.q" \
data-node="d.c" data-quotes="" data-under="d.q" aria-label="premise"><path/><text>C</text></a>\
<g id="d.q" class="quote"><title>q</title>\
<a class="node-link" href="#quote:d.q" data-node="d.q" data-quotes="d.q" \
aria-label="evidence"><text>Q</text></a></g></g></svg>
    """
    svg = _COMMENT.sub("", _BEFORE_SVG.sub("", svg, count=1)).strip()
    # Fitted to a pane of other proportions, the drawing is centred in it: the page's script
    # zooms about the pane's middle, which keeps it in view (a tall one starts from its top).
    svg = svg.replace("<svg ", '<svg class="drawing" preserveAspectRatio="xMidYMid meet" ', 1)
    rows = rows or {}
    out: list[str] = []
    done = 0
    for start, end in _nodes(svg):
        out.append(svg[done:start])
        out.append(_node(svg[start:end], links, rows))
        done = end
    out.append(svg[done:])
    return "".join(out)


def _nodes(svg: str) -> Iterator[tuple[int, int]]:
    """Where each node's group starts and ends, in order (nodes do not nest)."""
    opened: list[int | None] = []  # for each open group: where it starts, when it is a node
    for tag in _GROUP_TAG.finditer(svg):
        if tag.group() != "</g>":
            group = _GROUP.match(svg, tag.start())
            is_node = group is not None and group.group("class") == "node"
            opened.append(tag.start() if is_node else None)
        elif opened:
            start = opened.pop()
            if start is not None:
                yield start, tag.end()


def _node(text: str, links: Mapping[str, NodeLink],
          rows: Mapping[str, tuple[str, str]]) -> str:
    """A node's group with its link, and a link in each quote inside it."""
    head = _GROUP.match(text)
    assert head is not None and text.endswith("</g>")
    name = html.unescape(head.group("id"))
    body = text[head.end():-len("</g>")]
    quotes = [_quote(match, links) for match in _QUOTE.finditer(body)]
    own = _QUOTE.sub("", body)
    return head.group(0) + _link(name, own, links, rows) + "".join(quotes) + "</g>"


def _quote(match: re.Match, links: Mapping[str, NodeLink]) -> str:
    body = match.group("body")
    name = html.unescape(match.group("id"))
    start = match.group(0)[:match.start("body") - match.start()]
    return f"{start}{_link(name, body, links, {})}</g>"


def _link(name: str, body: str, links: Mapping[str, NodeLink],
          rows: Mapping[str, tuple[str, str]]) -> str:
    """`body` wrapped in the link of the element `name`, when it has one."""
    if name in rows:
        anchor, about = rows[name]
        return (f'<a class="relation-link" href="#{html.escape(anchor)}" '
                f'data-row="{html.escape(anchor)}" aria-label="{html.escape(about)}">{body}</a>')
    repeat = _REPEAT.match(name)
    node = repeat.group("node") if repeat else name
    target = links.get(node)
    if target is None:
        return body
    # A repeat leads to the node drawn in full, and is not a stop of its own for Tab.
    href, extra, label = ((f"#{node}", ' tabindex="-1"', f"repeated here: {target.label}")
                          if repeat else (target.href, "", target.label))
    if target.under:
        extra += f' data-under="{html.escape(" ".join(target.under))}"'
    if target.name:
        extra += f' data-name="{html.escape(target.name)}"'
    return (f'<a class="node-link" href="{html.escape(href)}" '
            f'data-node="{html.escape(node)}" '
            f'data-quotes="{html.escape(" ".join(target.quotes))}"{extra} '
            f'aria-label="{html.escape(label)}">{body}</a>')
