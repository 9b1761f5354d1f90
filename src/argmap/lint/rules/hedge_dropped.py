"""A claim states more than the quotes that support it: it drops their hedge.

Quoting the right words under an overstated claim is the commonest fault of a
reconstruction. A quote that hedges its point (it *could*, it is *likely*, an *attempt
to*), attributes it to someone (*according to*, *analysts have cited*) or limits it (*some*,
*partly*) supports a claim that says as much, not more. The rule looks at each claim that
evidence supports directly: when every one of those quotes holds a word of a family below
and the claim holds no word of that family, the claim has dropped the hedge. The message
names the word and the quote. Keep the hedge in the claim, or support the claim with a
quote that states it plainly.

It is conservative: it knows only these words (whole words, any case but `may`, which is
read in lower case only so that the month is not taken for a hedge; `likely` not after
`more`, `less` or `most`, which compare rather than hedge), a word of the same family in
the claim keeps the hedge whatever it is (`would` for `could`, `analysts say` for
`according to`), and a claim that also rests on an unhedged quote is left alone. `can` is
not among the words: it says what is possible far more often than it hedges.

- possibility: could, may, might, would, possible, possibly, perhaps, potential,
  potentially
- likelihood: likely, unlikely, probably, probable, expected to
- attempt: attempt, attempts, attempted, attempting, try, tries, trying, seek, seeks,
  seeking
- attribution: according to, believe, believes, believed, cite, cites, cited, claim,
  claims, say, says, said, explain, explains, reportedly, allegedly, argue, argues,
  argued, analysts, experts, observers
- degree: arguably, some, somewhat, partly, partially, largely, relatively

```arg
document fpri "FPRI report" { source "../seeds/fpri.txt" }
thesis engage "The US should engage Russia as a broker."
evidence quote "should attempt to engage the Russian Federation as a potential broker"
  supports engage
```
"""

from __future__ import annotations

import re

from ...diagnostics import Severity
from ...lexicon import CLAIM_KINDS, NodeKind
from ...semantics import MapSemantics

NAME = "hedge-dropped"
CODE = "AM204"
SEVERITY = Severity.WARNING

#: The words of each family, as the documentation lists them.
HEDGES = {
    "possibility": ("could", "may", "might", "would", "possible", "possibly", "perhaps",
                    "potential", "potentially"),
    "likelihood": ("likely", "unlikely", "probably", "probable", "expected to"),
    "attempt": ("attempt", "attempts", "attempted", "attempting", "try", "tries", "trying",
                "seek", "seeks", "seeking"),
    "attribution": ("according to", "believe", "believes", "believed", "cite", "cites",
                    "cited", "claim", "claims", "say", "says", "said", "explain", "explains",
                    "reportedly", "allegedly", "argue", "argues", "argued", "analysts",
                    "experts", "observers"),
    "degree": ("arguably", "some", "somewhat", "partly", "partially", "largely", "relatively"),
}

# How each word is matched, where it is more than a whole word in any case.
_SPECIAL = {"may": r"\bmay\b", "likely": r"(?i:(?<!more )(?<!less )(?<!most )\blikely\b)"}
_PATTERNS = {
    family: re.compile("|".join(
        _SPECIAL.get(word, r"(?i:\b" + word.replace(" ", r"\s+") + r"\b)") for word in words))
    for family, words in HEDGES.items()}


def hedges(text: str) -> dict[str, str]:
    """The families of hedge that `text` holds, each with the first of its words found.

    >>> hedges("It may attempt to engage a potential broker.")
    {'possibility': 'may', 'attempt': 'attempt'}
    >>> hedges("In May it engaged a broker.")
    {}
    """
    found = {}
    for family, pattern in _PATTERNS.items():
        match = pattern.search(text)
        if match:
            found[family] = " ".join(match.group().split())
    return found


def check_map(context: MapSemantics):
    for node_id, node in context.nodes.items():
        if node.kind not in CLAIM_KINDS:
            continue
        quotes = [context.nodes[i] for i in context.supporters.get(node_id, ())
                  if context.nodes[i].kind is NodeKind.EVIDENCE]
        if not quotes:
            continue
        kept = hedges(node.text)
        dropped = []
        for quote in quotes:
            lost = {family: word for family, word in hedges(quote.text).items()
                    if family not in kept}
            if not lost:
                break  # a quote the claim does not overstate: the claim may rest on it
            dropped.append((quote, list(lost.values())))
        else:
            quote, words = dropped[0]
            said = " and ".join(f'"{word}"' for word in words)
            yield node.position, (f"{node.kind.value} `{node_id}` states more than its "
                                  f"evidence: its quote `{quote.id}` says {said}, and the "
                                  f"{node.kind.value} does not")
