"""HTML-like labels, built only here and only from escaped text: wrapped, never cut."""

from __future__ import annotations

import functools
import re

from .escape import label_text
from .style import MUTED, SMALL_SIZE

__all__ = ["Line", "GAP", "wrap", "html_label", "html_lines", "small"]

#: A line of a label: its text (one line: `wrap` makes them), and how it is set (size,
#: colour, bold, italic).
Line = tuple[str, dict]


# Line breaks fall at ASCII white space only: a no-break space keeps its words together.
_SPACE = re.compile(r"[\t\x0b\x0c\r ]+")


@functools.cache
def _line(width: int) -> re.Pattern:
    """A line of at most `width` characters: the longest that ends before a space, at the
    end, or after a hyphen between letters ("half-|century"); failing that, `width`
    characters of a word no line can hold."""
    return re.compile(rf"[^ ].{{0,{width - 1}}}(?= |\Z|(?<=[^\W\d_]{{2}}-)[^\W\d_])"
                      rf"|[^ ]{{1,{width}}}")


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` characters, keeping its own line breaks; a word
    longer than a line is split across lines, never cut."""
    lines: list[str] = []
    line = _line(width).findall
    for paragraph in text.split("\n"):
        if "  " in paragraph or not paragraph.isprintable():
            # Only a text with runs of spaces, or tabs and the like, needs the (slow) regex.
            paragraph = _SPACE.sub(" ", paragraph)
        lines += line(paragraph.strip(" ")) or [""]
    return lines


def html_label(lines: list[Line], spaced: bool = False) -> str:
    """A label of centred lines, each set in its own font; `spaced`, each line in a cell of
    its own, 3 points apart: Graphviz sets lines broken by `<BR/>` as close as their font
    size (a line height of 1.0), cramped for a paragraph; 14-point type is 17 points apart
    so, a line height of 1.2."""
    if not spaced:
        return f"<{html_lines(lines)}>"
    rows = "".join(f"<TR><TD>{part}</TD></TR>" for part in _parts(lines))
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="1" CELLSPACING="1">{rows}</TABLE>>'


def html_lines(lines: list[Line]) -> str:
    """Lines, each set in its own font, as the HTML-like text of a label or a table cell."""
    return "<BR/>".join(_parts(lines))


def _parts(lines: list[Line]) -> list[str]:
    """Each line as HTML-like text in its font."""
    parts = []
    # One escape for the whole label: the lines hold no line breaks of their own.
    escaped = label_text("\n".join(text for text, _ in lines)).split("\n")
    assert len(escaped) == len(lines), "a label line holds a line break"
    font_set, opening, closing = None, "", ""
    for (text, font), body in zip(lines, escaped):
        if font is GAP[1]:
            parts.append('<FONT POINT-SIZE="4"> </FONT>')
            continue
        if font is not font_set:  # the lines of a text share their font
            font_set, (opening, closing) = font, _font_tags(font)
        # Graphviz rejects an empty <B></B> or <FONT></FONT>: a blank line is bare.
        parts.append(f"{opening}{body}{closing}" if text.strip() else "")
    return parts


#: A line of 4-point space: small type under a text (a quote's line, tags) sits a little
#: apart from it, not in the descenders of its last line.
GAP: Line = (" ", {"size": 4})


def _font_tags(font: dict) -> tuple[str, str]:
    """The tags that open and close a line set in `font`."""
    opening, closing = "", ""
    attributes = ""
    if "size" in font:
        attributes += f' POINT-SIZE="{font["size"]}"'
    if "colour" in font:
        attributes += f' COLOR="{font["colour"]}"'
    if attributes:
        opening, closing = f"<FONT{attributes}>", "</FONT>"
    if font.get("italic"):
        opening, closing = opening + "<I>", "</I>" + closing
    if font.get("bold"):
        opening, closing = opening + "<B>", "</B>" + closing
    return opening, closing


def small(text: str, colour: str = MUTED) -> Line:
    """A line in small type."""
    return text, {"size": SMALL_SIZE, "colour": colour}
