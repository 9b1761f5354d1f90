"""What a reader calls a node: its name on a report's page (status line, table, findings)
and in a drawing (the other end of a relation, why `--evaluate` marks a node).

Ids are for the analyst who writes the map, and `check` and `evaluate` name nodes by them,
in backticks; a reader of a page or a picture knows a node by what it says.
`display_name` is the one place that picks what that is.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from html import escape as esc

from .model import Node

__all__ = ["NAME_WIDTH", "display_name", "shortened", "named_message", "named_text"]

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


def named_text(message: str, names: Mapping[str, str]) -> str:
    """`message` as plain text (for a drawing), each node id in backticks that `names` knows
    replaced by the node's name in quotation marks; any other span keeps its backticks.

    >>> named_text("attacked by `a`, `zz`", {"a": "Sanctions fail"})
    'attacked by “Sanctions fail”, `zz`'
    """
    return _QUOTED.sub(lambda match: f"“{names[match.group(1)]}”" if match.group(1) in names
                       else match.group(0), message)


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
