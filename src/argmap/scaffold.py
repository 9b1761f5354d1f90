"""A new map for a source text, as `argmap init` writes it: the header filled in from the
text, and the text's argumentative sentences as comments, ready to quote."""

from __future__ import annotations

import re

from .lexicon import HEADER_KEYS, KEYWORDS, SKIP_LINES, SOURCE, TERMINALS
from .quotes import SourceText
from .stats import argumentative_sentences

__all__ = ["document_id", "id_problem", "new_map"]

_NOT_IN_ID = re.compile(r"[^A-Za-z0-9_-]+")


def document_id(name: str) -> str:
    """An identifier made from a file's name: `fpri-2017.txt` gives `fpri-2017`."""
    ident = _NOT_IN_ID.sub("_", name).strip("_-") or "document"
    ident = ident.replace("->", "-_")
    if not re.match(r"[A-Za-z_]", ident):
        ident = "_" + ident
    return ident + "_doc" if ident in KEYWORDS else ident


def id_problem(ident: str) -> str | None:
    """Why `ident` cannot be a document's id in the language; None when it can.

    >>> id_problem("9bad")
    'an id starts with a letter or `_`, and goes on with letters, digits, `_` and `-`'
    >>> id_problem("thesis")
    '`thesis` is a keyword of the language'
    >>> id_problem("fpri-2017") is None
    True
    """
    if ident in KEYWORDS:
        return f"`{ident}` is a keyword of the language"
    if not re.fullmatch(TERMINALS["IDENT"], ident, re.ASCII):
        return "an id starts with a letter or `_`, and goes on with letters, digits, `_` and `-`"
    return None


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def new_map(text: str, source: str, ident: str) -> str:
    """The map of the source text `text`, whose path from the map is `source`."""
    title = next((line.strip() for line in text.splitlines() if line.strip()), ident)
    sentences = argumentative_sentences(SourceText(text))
    optional = [key for key in HEADER_KEYS if key not in (SOURCE, SKIP_LINES)]
    lines = [f"document {ident} {_string(title)} {{",
             f"  source {_string(source)}",
             *(f'  # {key} ""' for key in optional),
             "}",
             "",
             "# Map the argument: a `thesis` for its conclusion, `premise`s for its reasons, each",
             "# `supports` what it is a reason for. The text's argumentative sentences follow;",
             "# to quote one (or part of one), take it out of its comment as evidence:",
             '#   evidence some_id "..."',
             "#     supports some_premise"]
    line = None
    for sentence in sentences:
        if sentence.line != line:  # a paragraph's sentences together, under its line number
            line = sentence.line
            lines += ["", f"# line {line}:"]
        lines.append("# " + _string(" ".join(sentence.text.split())))
    return "\n".join(lines) + "\n"
