"""The vocabulary of the `.arg` language, defined once.

The grammar (`parsing/argmap.lark`) spells these words as its literals; every other part of
argmap takes them from here: the reader and Lark's model builder, the wording of syntax
errors, inline suppression, SARIF regions, the rules. `tests/test_lexicon.py` checks this
module against the grammar's terminals, so the two cannot drift.
"""

from __future__ import annotations

import enum

__all__ = [
    "NodeKind", "RelationKind", "CrossKind", "CLAIM_KINDS", "GROUND_KINDS", "HEADER_KEYS",
    "BYLINE_KEYS", "URL", "SOURCE", "SKIP_LINES", "DOCUMENT", "COMPARE", "USE", "WITH",
    "STATEMENT_KEYWORDS", "KEYWORDS", "KIND_SYNONYMS", "EXTENSION",
    "ANALYST_TAG",
    "TERMINALS", "word_list",
]


class NodeKind(str, enum.Enum):
    """What a node is: the kinds of the language, in the order the docs list them."""

    THESIS = "thesis"
    PREMISE = "premise"
    EVIDENCE = "evidence"
    ASSUMPTION = "assumption"
    OBJECTION = "objection"
    REBUTTAL = "rebuttal"


class RelationKind(str, enum.Enum):
    """A relation written on a node of a document map."""

    SUPPORTS = "supports"
    ATTACKS = "attacks"
    UNDERCUTS = "undercuts"


class CrossKind(str, enum.Enum):
    """A relation in a comparison, between nodes of different documents."""

    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    QUALIFIES = "qualifies"
    SUPPORTS = "supports"
    ATTACKS = "attacks"


#: Kinds that make claims, and so should rest on evidence or an assumption.
CLAIM_KINDS = frozenset({NodeKind.THESIS, NodeKind.PREMISE, NodeKind.OBJECTION,
                         NodeKind.REBUTTAL})

#: Kinds that ground claims: a quote from the source, or a premise the analyst supplies.
GROUND_KINDS = frozenset({NodeKind.EVIDENCE, NodeKind.ASSUMPTION})

#: The header keys argmap reads: those of the byline under a document's title, its address,
#: the source text the evidence quotes, and the lines of it that `stats` leaves out.
BYLINE_KEYS = ("publisher", "author", "date")
URL, SOURCE, SKIP_LINES = "url", "source", "skip-lines"
#: Keys a document header may hold; `source` is needed to check evidence quotes.
HEADER_KEYS = (*BYLINE_KEYS, URL, SOURCE, SKIP_LINES)

#: The words that open the statements which are not nodes.
DOCUMENT, COMPARE, USE = "document", "compare", "use"
STATEMENT_KEYWORDS = (DOCUMENT, COMPARE, USE)

#: The word that makes a support linked: `supports C with B, D` (this node, B and D support
#: C only together).
WITH = "with"

#: The reserved words: a token with this text is a keyword, never an identifier.
KEYWORDS = frozenset({*STATEMENT_KEYWORDS, WITH, *(kind.value for kind in NodeKind),
                      *(kind.value for kind in RelationKind), *(kind.value for kind in CrossKind)})

#: The extension of the language's files: maps and comparisons.
EXTENSION = ".arg"

#: The tag of a node the analyst adds, a claim the text does not make (an assumption is the
#: analyst's by its kind): drawn and shown as the analyst's, never as the author's.
ANALYST_TAG = "analyst"

#: Words people reach for instead of the language's node kinds, for "did you mean".
KIND_SYNONYMS = {
    "claim": NodeKind.PREMISE, "reason": NodeKind.PREMISE, "argument": NodeKind.PREMISE,
    "conclusion": NodeKind.THESIS, "main": NodeKind.THESIS, "quote": NodeKind.EVIDENCE,
    "citation": NodeKind.EVIDENCE, "fact": NodeKind.EVIDENCE, "data": NodeKind.EVIDENCE,
    "warrant": NodeKind.ASSUMPTION, "counter": NodeKind.OBJECTION,
    "counterclaim": NodeKind.OBJECTION, "rebut": NodeKind.REBUTTAL, "reply": NodeKind.REBUTTAL,
    "answer": NodeKind.REBUTTAL, "response": NodeKind.REBUTTAL,
}

#: Patterns for the grammar's named terminals, matching what the grammar's match: the
#: grammar's own, but for STRING, whose loops are unrolled so that a run of ordinary
#: characters is matched at once rather than one alternative at a time.
TERMINALS = {
    "IDENT": r"[A-Za-z_](?:[A-Za-z0-9_]|-(?!>))*",
    "STRING": r'(?:"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""|"[^"\\\n]*(?:\\.[^"\\\n]*)*")',
    "TAG": r'#[^\s#",{}()]+',
    "COMMENT": r"#(?!\S)[^\n]*",
}


def word_list(words) -> str:
    """Words as a list in prose: `a, b, c`.

    >>> word_list(RelationKind)
    'supports, attacks, undercuts'
    """
    return ", ".join(str(getattr(word, "value", word)) for word in words)
