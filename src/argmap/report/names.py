"""What a page calls a node: its name in the status line, the table and the findings.

Ids are for the analyst who writes the map, and `check` names nodes by them, in backticks;
a reader of the page knows a node by what it says. `display_name` is the one place that
picks what that is.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from html import escape as esc

from ..model import Node

__all__ = ["NAME_WIDTH", "display_name", "shortened", "named_message"]

#: The longest name, in characters, a node's text is shortened to (at a word).
NAME_WIDTH = 48

# A span in backticks, as `check`'s messages quote ids, keys and paths.
_QUOTED = re.compile(r"`([^`]+)`")


def display_name(node: Node) -> str:
    """A node's name for a reader: its text, shortened (`shortened`)."""
    return shortened(node.text)


def shortened(text: str) -> str:
    """`text` on one line, cut at a word to at most `NAME_WIDTH` characters.

    >>> shortened("Russia routinely violates the sanctions it deems counter-productive, "
    ...           "believing aggression likely.")
    'Russia routinely violates the sanctions it…'
    >>> shortened("Larger ships could dock at the eastern quay, without lighters, as before.")
    'Larger ships could dock at the eastern quay…'
    >>> shortened("A short   claim.")
    'A short claim.'
    """
    short = textwrap.shorten(text, NAME_WIDTH, placeholder=" …", break_on_hyphens=False)
    if short.endswith(" …"):
        # The words kept, without the punctuation that led to the words cut.
        short = short[:-2].rstrip(",;:–—-") + "…"
    return short


def named_message(message: str, names: Mapping[str, str]) -> str:
    """A finding's `message` as HTML, each node id in backticks that `names` knows replaced
    by the node's name in quotation marks, and any other span in backticks as code.

    >>> print(named_message("premise `a` supports `b`; did you mean `<c>`?",
    ...                     {"a": "Sanctions fail", "b": 'The "deal"'}))
    premise “Sanctions fail” supports “The &quot;deal&quot;”; did you mean <code>&lt;c&gt;</code>?
    """
    out, done = [], 0
    for match in _QUOTED.finditer(message):
        out.append(esc(message[done:match.start()]))
        token = match.group(1)
        name = names.get(token)
        out.append(f"“{esc(name)}”" if name is not None else f"<code>{esc(token)}</code>")
        done = match.end()
    out.append(esc(message[done:]))
    return "".join(out)
