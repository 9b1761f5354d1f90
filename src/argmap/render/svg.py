"""The SVG Graphviz writes, finished from the drawing's scene: tooltips, quotes, centred text.

The SVG is read as XML (`xml.etree`), never matched as text, and its elements are found by
the ids the scene gave them, so that another Graphviz, which orders attributes or places
`<title>` otherwise, still gets every tooltip and link:

- **Tooltips.** Graphviz titles an element with its DOT name; a `tooltip` attribute would
  only add an `xlink:title`, which not every browser shows, and would pass user text
  through Graphviz's escape expansion. So each element's `<title>` is set to the scene's
  tooltip for its id.
- **Cells of their own.** Graphviz draws a table cell with an id as an anchor group
  `a_ID`; a quote inside its claim's box becomes `<g id="DOC.NODE" class="quote">`, titled
  with its full text, and the legend and the key, `<g id="legend" class="legend">` and
  `<g id="key" class="key">`.
- **Centred text.** Graphviz centres a line by estimating its width and starting it half
  that width left of the centre (`text-anchor="start"`). A viewer without the font the
  layout measured with (`layout`) sets other widths, so every line of a node's, a panel's
  or the graph's label is anchored at its middle (`text-anchor="middle"`) on the centre
  of its outline instead, and centred by the viewer's own font metrics. The key's table,
  the legend's title and a topic band's name are left-aligned, and stay so.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from .escape import xml_characters
from .scene import Scene

__all__ = ["SVG", "XLINK", "parse", "serialise", "finish"]

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# The SVG namespace is written as the default one by `serialise` (not registered: the
# registry is global, and GraphML's export registers its own default).
ET.register_namespace("xlink", XLINK)

_SVG_TAG = f"{{{SVG}}}"
_G, _TITLE, _TEXT, _A = (f"{_SVG_TAG}{tag}" for tag in ("g", "title", "text", "a"))
#: The classes Graphviz gives the groups of the graph, a cluster, a node and an edge.
_ELEMENTS = frozenset({"graph", "cluster", "node", "edge"})
#: Elements whose labels are left-aligned: the key's table, the legend's title.
_LEFT_ALIGNED = frozenset({"key", "legend"})
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'


def parse(svg: str) -> ET.Element:
    """The `<svg>` element of an SVG document (its declaration, doctype and comments go)."""
    return ET.fromstring(svg)


def serialise(root: ET.Element, declaration: bool = True) -> str:
    r"""`root` as SVG text: a document with its XML declaration, or the element alone. (Its
    elements are written unprefixed, the SVG namespace declared on the root: `root` is
    spent.) Every text and attribute value passes through `xml_characters`, whoever set
    it (a tooltip, a link's label): `ElementTree` writes a control character as it is,
    which no XML reader accepts.

    >>> root = parse('<svg><title>t</title></svg>')
    >>> root[0].text, root[0].tail = "a\x01b", "\x0c"
    >>> root[0].set("aria-label", "\uffff")
    >>> serialise(root, declaration=False).replace("\ufffd", "?")
    '<svg xmlns="http://www.w3.org/2000/svg"><title aria-label="?">a?b</title>?</svg>'
    """
    for element in root.iter():
        if element.tag.startswith(_SVG_TAG):
            element.tag = element.tag[len(_SVG_TAG):]
        if element.text:
            element.text = xml_characters(element.text)
        if element.tail:
            element.tail = xml_characters(element.tail)
        for name, value in element.attrib.items():
            element.set(name, xml_characters(value))
    root.set("xmlns", SVG)
    text = ET.tostring(root, encoding="unicode")
    return (_DECLARATION + text + "\n") if declaration else text


def finish(svg: str, scene: Scene) -> str:
    """The SVG Graphviz wrote for `scene`, with the scene's tooltips, its quotes as groups of
    their own, and its labels centred.

    >>> from argmap.render.scene import Shape
    >>> scene = Scene({}, {}, {}, {})
    >>> scene.root.add(Shape("d.c", "box", id="d.c", title="the claim",
    ...                      quotes=(("d.q", "the quote"),)))
    >>> svg = ('<svg xmlns="http://www.w3.org/2000/svg" '
    ...        'xmlns:xlink="http://www.w3.org/1999/xlink"><g id="d.c" class="node">'
    ...        '<title>d.c</title><polygon points="0,0 100,0 100,-40 0,-40"/>'
    ...        '<g id="a_d.q"><a xlink:title="d.q"><text text-anchor="start" x="7">Q</text></a></g>'
    ...        '</g></svg>')
    >>> print(finish(svg, scene).split("\\n")[1])  # doctest: +NORMALIZE_WHITESPACE
    <svg xmlns="http://www.w3.org/2000/svg"><g id="d.c" \
class="node"><title>the claim</title><polygon points="0,0 100,0 100,-40 0,-40" /><g id="d.q" \
class="quote"><title>the quote</title><text text-anchor="middle" x="50">Q</text></g></g></svg>
    """
    root = parse(svg)
    titles = scene.titles
    for group in list(root.iter(_G)):
        cell = group.get("id", "")[2:]
        if group.get("id", "").startswith("a_") and cell in titles and group.get("class") is None:
            role = scene.cells[cell][0] if cell in scene.cells else "quote"
            _as_group(group, cell, role, titles[cell])
            continue
        title = group.find(_TITLE)
        if title is not None and group.get("id") in titles:
            title.text = titles[group.get("id", "")]
    left_aligned = _LEFT_ALIGNED | scene.ids("band")
    for group in root.iter(_G):
        if group.get("class") in _ELEMENTS - {"edge"} and group.get("id") not in left_aligned:
            _centre(group)
    return serialise(root)


def _as_group(group: ET.Element, name: str, role: str, title: str) -> None:
    """An anchor group of a table cell (a quote in its claim's box, the legend, the key) made
    a titled group of its own, of the class `role`."""
    anchor = group.find(_A)
    body = list(anchor) if anchor is not None else []
    for child in list(group):
        group.remove(child)
    group.set("id", name)
    group.set("class", role)
    heading = ET.SubElement(group, _TITLE)
    heading.text = title
    group.extend(body)


def _own(group: ET.Element) -> Iterator[ET.Element]:
    """The elements of a group's own drawing: those inside it, but not inside another node,
    edge or cluster (the graph's group holds all of them)."""
    for child in group:
        if child.tag == _G and child.get("class") in _ELEMENTS | _LEFT_ALIGNED:
            continue
        yield child
        yield from _own(child)


def _centre(group: ET.Element) -> None:
    """Each line of a group's label anchored at the middle of its outline (the first
    polygon, path or ellipse it draws)."""
    own = list(_own(group))
    centre = None
    for element in own:
        tag = element.tag.rpartition("}")[2]
        if tag in ("polygon", "polyline") and element.get("points"):
            xs = [float(pair.split(",")[0]) for pair in element.get("points", "").split()]
            centre = (min(xs) + max(xs)) / 2
        elif tag == "path" and element.get("d"):
            xs = _path_xs(element.get("d", ""))
            centre = (min(xs) + max(xs)) / 2 if xs else None
        elif tag == "ellipse" and element.get("cx"):
            centre = float(element.get("cx", "0"))
        if centre is not None:
            break
    if centre is None:
        return
    for element in own:
        if element.tag == _TEXT and element.get("text-anchor") == "start":
            element.set("text-anchor", "middle")
            element.set("x", f"{centre:g}")


def _path_xs(d: str) -> list[float]:
    """The x of each point of a path Graphviz writes (`M x,y C x,y x,y ...`)."""
    xs = []
    for part in d.replace("M", " ").replace("C", " ").replace("L", " ").replace("Z", " ").split():
        if "," in part:
            xs.append(float(part.split(",")[0]))
    return xs
