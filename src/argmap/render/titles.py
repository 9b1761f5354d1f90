"""Tooltips: the `<title>` of each node, edge and cluster of an SVG, set to its full text.

Graphviz titles an element with its DOT name; a `tooltip` attribute would only add an
`xlink:title`, which not every browser shows, and would pass user text through Graphviz's
escape expansion. So the titles are replaced in the SVG, by element id; the quotes inside a
claim's box, which Graphviz draws as anchors titled with their id, become titled groups.
"""

from __future__ import annotations

import html
import re

from .escape import xml_text

__all__ = ["set_titles"]

# A quote inside its claim's box: a table cell Graphviz draws as an anchor, titled with the
# quote's id as a placeholder.
_QUOTE = re.compile(r'<g id="a_(?P<id>[^"]*)"><a xlink:title="[^"]*">(?P<body>.*?)</a>\n</g>',
                    re.DOTALL)
_TITLED = re.compile(r'(<g id="(?P<id>[^"]*)" class="(?:graph|node|edge|cluster)"[^>]*>\s*<title>)'
                     r"[^<]*(</title>)")


def set_titles(svg: str, titles: dict[str, str]) -> str:
    """`svg` with the title of each element whose id is in `titles` replaced; a quote drawn
    inside its claim's box becomes a group of its own, `<g id="DOC.NODE" class="quote">`,
    titled with its full text."""
    def replace_quote(match: re.Match) -> str:
        title = titles.get(html.unescape(match.group("id")))
        if title is None:
            return match.group(0)
        return (f'<g id="{match.group("id")}" class="quote"><title>{xml_text(title)}</title>'
                f'{match.group("body")}</g>')

    def replace(match: re.Match) -> str:
        title = titles.get(html.unescape(match.group("id")))
        if title is None:
            return match.group(0)
        return match.group(1) + xml_text(title) + match.group(3)

    return _TITLED.sub(replace, _QUOTE.sub(replace_quote, svg))
