"""The vocabulary of the `.arg` language, defined once.

The grammar (`parsing/argmap.lark`) spells these words as its literals; every other part of
argmap takes them from here: the reader and Lark's model builder, the wording of syntax
errors, inline suppression, SARIF regions, the rules. `tests/test_lexicon.py` checks this
module against the grammar's terminals, so the two cannot drift.
"""

from __future__ import annotations

import enum

from attrs import frozen

__all__ = [
    "NodeKind", "RelationKind", "CrossKind", "CLAIM_KINDS", "GROUND_KINDS", "HEADER_KEYS",
    "BYLINE_KEYS", "URL", "SOURCE", "SKIP_LINES", "DOCUMENT", "COMPARE", "USE", "TOPIC", "WITH",
    "BY",
    "STATEMENT_KEYWORDS", "KEYWORDS", "KIND_SYNONYMS", "EXTENSION", "ANALYST_TAG",
    "INFERENCE_KINDS", "Scheme", "SCHEMES", "RELATION_MEANINGS",
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
    #: A reason why the target is so, not evidence that it is: it does not ground it.
    EXPLAINS = "explains"
    #: A point the author grants against their own claim: it weakens without defeating.
    CONCEDES = "concedes"
    #: A preference (AIF's PA node): the target, a rival explanation or reason, is ranked
    #: lower; it stands, outweighed, rather than falls.
    OUTRANKS = "outranks"


#: What each relation of a map says, in a line: for hover and completion.
RELATION_MEANINGS = {
    RelationKind.SUPPORTS: "gives grounds for the target: evidence that it is so",
    RelationKind.ATTACKS: "speaks against the target, and defeats it if it stands",
    RelationKind.UNDERCUTS: "attacks the inference `A -> B`: grants A, denies it is a reason "
                            "for B",
    RelationKind.EXPLAINS: "says why the target is so (a motive, a cause), not that it is: "
                           "grounds nothing",
    RelationKind.CONCEDES: "a point the author grants against their own claim: weakens it "
                           "without defeating it",
    RelationKind.OUTRANKS: "ranks the target, a rival explanation or reason, lower: it stands, "
                           "outweighed",
}


class CrossKind(str, enum.Enum):
    """A relation in a comparison, between nodes of different documents."""

    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    QUALIFIES = "qualifies"
    SUPPORTS = "supports"
    ATTACKS = "attacks"
    #: A claim of one document says why a claim of another is so, not that it is.
    EXPLAINS = "explains"


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
#: `topic "Name"`: the nodes of a map, or the relations of a comparison, that follow it, up
#: to the next topic, are about this topic (drawn as a labelled band, exported as a heading).
TOPIC = "topic"
STATEMENT_KEYWORDS = (DOCUMENT, COMPARE, USE, TOPIC)

#: The word that makes a support linked: `supports C with B, D` (this node, B and D support
#: C only together).
WITH = "with"

#: The word that names the scheme of a support or an explanation: `supports C by
#: practical-reasoning`.
BY = "by"

#: The relations that make an inference (premises to a conclusion), and so may be linked
#: (`with`) and name a scheme (`by`).
INFERENCE_KINDS = frozenset({RelationKind.SUPPORTS, RelationKind.EXPLAINS})

#: The reserved words: a token with this text is a keyword, never an identifier.
KEYWORDS = frozenset({*STATEMENT_KEYWORDS, WITH, BY, *(kind.value for kind in NodeKind),
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

@frozen
class Scheme:
    """An argumentation scheme (Walton, Reed and Macagno 2008) a support or an explanation
    may name: the pattern of its inference, and the critical questions that test it, each
    by the tag a node answering it carries."""

    name: str
    summary: str
    #: (tag, question) pairs, in Walton's order.
    questions: tuple[tuple[str, str], ...]


#: The schemes the language knows, by name: the ones real texts lean on most. A node
#: tagged with a question's tag that bears on an inference (or its conclusion or premises)
#: answers that question; the others stay open.
SCHEMES = {scheme.name: scheme for scheme in (
    Scheme("practical-reasoning",
           "means and end: an agent has a goal, and the action is a means to it",
           (("conflicting-goals", "Do other goals of the agent conflict with this one?"),
            ("alternatives", "Would other means reach the goal as well or better?"),
            ("feasibility", "Is the action possible for the agent?"),
            ("side-effects", "What other consequences would the action have?"))),
    Scheme("best-explanation",
           "abduction: the conclusion is the best of the explanations considered",
           (("alternatives", "Which other explanations were considered, and why are they "
                             "worse?"),
            ("plausibility", "Is the explanation itself plausible?"),
            ("thoroughness", "Was the inquiry thorough enough to judge?"))),
    Scheme("cause-to-effect",
           "a cause, and the effect it tends to bring",
           (("causal-link", "How strong is the causal generalisation?"),
            ("interference", "Could other factors stop the effect?"))),
    Scheme("consequences",
           "an action is good (or bad) for its likely consequences",
           (("likelihood", "How likely are the consequences?"),
            ("side-effects", "Are there consequences of the other sign?"))),
    Scheme("sign",
           "a sign, and what it usually indicates",
           (("correlation", "How strong is the link between the sign and what it "
                            "indicates?"),
            ("other-explanations", "Could something else account for the sign?"))),
    Scheme("expert-opinion",
           "an expert in the field asserts the conclusion",
           (("expertise", "Is the source a credible expert in this field?"),
            ("trustworthiness", "Is the expert reliable and unbiased?"),
            ("consistency", "Do other experts agree?"))),
    Scheme("analogy",
           "a similar case went this way",
           (("similarity", "Are the cases similar in the respects that matter?"),
            ("differences", "Do they differ in a way that matters?"))),
)}

#: Patterns for the grammar's named terminals, matching what the grammar's match: the
#: grammar's own, but for IDENT and STRING, whose loops are unrolled so that a run of
#: ordinary characters is matched at once rather than one alternative at a time.
TERMINALS = {
    "IDENT": r"[A-Za-z_][A-Za-z0-9_]*(?:-(?!>)[A-Za-z0-9_]*)*",
    "STRING": r'(?:"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""|"[^"\\\n]*(?:\\.[^"\\\n]*)*")',
    "TAG": r'#[^\s#",{}()]+',
    "COMMENT": r"#(?!\S)[^\n]*",
}


def word_list(words) -> str:
    """Words as a list in prose: `a, b, c`.

    >>> word_list(RelationKind)
    'supports, attacks, undercuts, explains, concedes, outranks'
    """
    return ", ".join(str(getattr(word, "value", word)) for word in words)
