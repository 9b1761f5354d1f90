"""HTML-like labels, built only here and only from escaped text: wrapped, never cut."""

from __future__ import annotations

import textwrap

from .escape import label_text
from .style import MUTED, SMALL_SIZE

__all__ = ["Line", "wrap", "html_label", "small"]

#: A line of a label: its text, and how it is set (size, colour, bold, italic).
Line = tuple[str, dict]


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` characters, keeping its own line breaks; a word
    longer than a line is split across lines, never cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph.expandtabs(4), width, break_long_words=True,
                               break_on_hyphens=True) or [""]
    return lines


def html_label(lines: list[Line]) -> str:
    """A label of centred lines, each set in its own font."""
    parts = []
    for text, font in lines:
        if not text.strip():
            # Graphviz rejects an empty <B></B> or <FONT></FONT>: a blank line is bare.
            parts.append("")
            continue
        body = label_text(text)
        if font.get("bold"):
            body = f"<B>{body}</B>"
        if font.get("italic"):
            body = f"<I>{body}</I>"
        attributes = ""
        if "size" in font:
            attributes += f' POINT-SIZE="{font["size"]}"'
        if "colour" in font:
            attributes += f' COLOR="{font["colour"]}"'
        if attributes:
            body = f"<FONT{attributes}>{body}</FONT>"
        parts.append(body)
    return "<" + "<BR/>".join(parts) + ">"


def small(text: str, colour: str = MUTED) -> Line:
    """A line in small type."""
    return text, {"size": SMALL_SIZE, "colour": colour}
