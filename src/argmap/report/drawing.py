"""The SVG that `argmap render` draws, made part of a page: each node a link to its quotes.

The page holds the `<svg>` element alone (Graphviz's declaration, doctype and comments go).
Its size in points is kept: without JavaScript the drawing is shown at that size, to
scroll; the page's script fits it to its pane and lets the reader pan and zoom. What each
element is comes from the drawing's scene (`render.scene`), not from the text Graphviz
writes, and the SVG is read and written as XML (`render.svg`):

- each node drawn, `<g id="DOC.NODE" class="node">`, gets a link round its drawing;
- a quote drawn inside its claim's box, `<g id="DOC.NODE" class="quote">`, gets a link of
  its own, beside the claim's (links do not nest), drawn after the claim's outline and
  text so that it stays on top;
- a node repeated under another claim links to the node it repeats;
- the number on a comparison's relation links to the relation's row of the table.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping

from attrs import frozen

from ..render.output import Rendered
from ..render.svg import SVG, parse, serialise

__all__ = ["NodeLink", "drawn_ids", "inline_svg"]

_G, _TITLE, _A = (f"{{{SVG}}}{tag}" for tag in ("g", "title", "a"))


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


def drawn_ids(drawing: Rendered) -> set[str]:
    """The `DOC.NODE` of the nodes and of the quotes inside claims that `drawing` draws."""
    return drawing.scene.drawn()


def inline_svg(drawing: Rendered, links: Mapping[str, NodeLink],
               rows: Mapping[str, tuple[str, str]] | None = None) -> str:
    """The `<svg>` element of `drawing`, for a page, with each node and quote in `links` made
    a link, and each element in `rows` (a relation's number) a link to a table row: (its
    id, what a screen reader says).

    >>> from argmap.render.scene import Scene, Shape
    >>> scene = Scene({}, {}, {}, {})
    >>> scene.root.add(Shape("d.c", "box", id="d.c", quotes=(("d.q", "q"),)))
    >>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">'
    ...        '<g id="d.c" class="node"><title>c</title><path/>'
    ...        '<g id="d.q" class="quote"><title>q</title><text>Q</text></g><text>C</text></g>'
    ...        '</svg>')
    >>> print(inline_svg(Rendered(svg.encode(), "", scene),
    ...                  {"d.c": NodeLink("#quote:d.q", (), "premise <c>", ("d.q",)),
    ...                   "d.q": NodeLink("#quote:d.q", ("d.q",), "evidence")}))
    <svg class="drawing" preserveAspectRatio="xMidYMid meet" viewBox="0 0 9 9" \
xmlns="http://www.w3.org/2000/svg"><g id="d.c" class="node"><title>c</title>\
<a class="node-link" href="#quote:d.q" data-node="d.c" data-quotes="" data-under="d.q" \
aria-label="premise &lt;c&gt;"><path /><text>C</text></a><g id="d.q" class="quote"><title>q\
</title><a class="node-link" href="#quote:d.q" data-node="d.q" data-quotes="d.q" \
aria-label="evidence"><text>Q</text></a></g></g></svg>
    """
    root = parse(drawing.data.decode("utf-8"))
    # Fitted to a pane of other proportions, the drawing is centred in it: the page's script
    # zooms about the pane's middle, which keeps it in view (a tall one starts from its top).
    attributes = {"class": "drawing", "preserveAspectRatio": "xMidYMid meet", **root.attrib}
    root.attrib.clear()
    root.attrib.update(attributes)
    shown = drawing.scene.stands_for()
    rows = rows or {}
    for group in root.iter(_G):
        name = group.get("id", "")
        if group.get("class") == "node" and (name in shown or name in rows):
            quotes = [child for child in group if child.tag == _G
                      and child.get("class") == "quote"]
            for quote in quotes:
                group.remove(quote)
                _wrap(quote, _link(quote.get("id", ""), quote.get("id", ""), links, {}))
            _wrap(group, _link(name, shown.get(name, name), links, rows))
            group.extend(quotes)
    return serialise(root, declaration=False)


def _wrap(group: ET.Element, link: ET.Element | None) -> None:
    """Everything a group draws, after its title, put inside `link`."""
    if link is None:
        return
    body = [child for child in group if child.tag != _TITLE]
    for child in body:
        group.remove(child)
    link.extend(body)
    # The link follows the title directly, as the page's tests and styles expect.
    title = group.find(_TITLE)
    if title is not None:
        title.tail = None
    group.append(link)


def _link(name: str, node: str, links: Mapping[str, NodeLink],
          rows: Mapping[str, tuple[str, str]]) -> ET.Element | None:
    """The link of the element `name`, which shows the node `node` (itself, or the node a
    repeat repeats), when it has one."""
    if name in rows:
        anchor, about = rows[name]
        return ET.Element(_A, {"class": "relation-link", "href": f"#{anchor}",
                               "data-row": anchor, "aria-label": about})
    target = links.get(node)
    if target is None:
        return None
    repeat = node != name
    # A repeat leads to the node drawn in full, and is not a stop of its own for Tab.
    attributes = {"class": "node-link", "href": f"#{node}" if repeat else target.href,
                  "data-node": node, "data-quotes": " ".join(target.quotes)}
    if repeat:
        attributes["tabindex"] = "-1"
    if target.under:
        attributes["data-under"] = " ".join(target.under)
    if target.name:
        attributes["data-name"] = target.name
    attributes["aria-label"] = f"repeated here: {target.label}" if repeat else target.label
    return ET.Element(_A, attributes)
