"""Text centred in its box in any SVG viewer, not only in Graphviz's own pictures.

Graphviz centres a line by estimating its width and starting it half that width left of
the centre (`text-anchor="start"`). The Graphviz bundled in pygraphviz estimates widths
about 15% too wide for the fonts a browser picks, so every line starts too far left and
ends short of the right: right margins three to four times the left ones. Each line of a
centred label is instead anchored at its middle (`text-anchor="middle"`) on the centre of
its node or cluster, so the viewer's own font metrics centre it, whatever the font.
"""

from __future__ import annotations

import re

__all__ = ["centre_text"]

# Each element: its id and class; it runs up to the next one.
_GROUP = re.compile(r'<g id="([^"]*)" class="(node|cluster|graph|edge)">')
# The outline the label is centred in: the first polygon, path or ellipse of the group.
_OUTLINE = re.compile(r'<(?:polygon|path)[^>]*? (?:points|d)="([^"]*)"|<ellipse[^>]*? cx="([^"]*)"')
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_LINE = re.compile(r'<text xml:space="preserve" text-anchor="start" x="[^"]*"')
#: Elements whose labels are left-aligned: the key's table, the legend's title.
_LEFT_ALIGNED = frozenset({"key", "legend"})


def centre_text(svg: str) -> str:
    """`svg` with each line of a node's, a cluster's or the graph's label anchored at the
    middle of the element's outline.

    >>> svg = centre_text('<g id="n" class="node"><polygon points="0,0 100,0 100,-40 0,-40"/>'
    ...                   '<text xml:space="preserve" text-anchor="start" x="7.5" y="-20">A</text>')
    >>> svg.split("/>")[1]
    '<text xml:space="preserve" text-anchor="middle" x="50" y="-20">A</text>'
    """
    starts = list(_GROUP.finditer(svg))
    if not starts:
        return svg
    parts = [svg[:starts[0].start()]]
    for group, following in zip(starts, [*starts[1:], None]):
        block = svg[group.start():following.start() if following else len(svg)]
        # An edge's label is a word or a number, set where Graphviz placed it.
        if group.group(2) != "edge" and group.group(1) not in _LEFT_ALIGNED:
            block = _centre_block(block)
        parts.append(block)
    return "".join(parts)


def _centre_block(block: str) -> str:
    outline = _OUTLINE.search(block)
    if outline is None:
        return block
    if outline.group(1) is not None:
        xs = [float(x) for x in _NUMBER.findall(outline.group(1))[0::2]]
        centre = (min(xs) + max(xs)) / 2
    else:
        centre = float(outline.group(2))
    anchored = f'<text xml:space="preserve" text-anchor="middle" x="{centre:g}"'
    return _LINE.sub(anchored, block)
