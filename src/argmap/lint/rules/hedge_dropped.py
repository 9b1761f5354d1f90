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
from ...lexicon import NodeKind
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
# Each family's pattern, compiled (and cached by `re`) only when a text may hold one of its
# words: most texts hold none, and compiling them all would slow every start.
_PATTERNS = {
    family: "|".join(
        _SPECIAL.get(word, r"(?i:\b" + word.replace(" ", r"\s+") + r"\b)") for word in words)
    for family, words in HEDGES.items()}
# The families whose words start with each word, lower case: a family's pattern can match
# only a text that holds one of these as a whole word.
_FAMILIES_OF: dict[str, list[str]] = {}
for _family, _words in HEDGES.items():
    for _word in _words:
        _FAMILIES_OF.setdefault(_word.split()[0], []).append(_family)
_WORD = re.compile(r"\w+")
# In ASCII text, the runs of letters: each word of `_FAMILIES_OF` that is a whole word is
# one, and the few more (`could` in `could2`) only cost a look with the family's pattern.
# Quicker to find than `_WORD`'s.
_LETTERS = re.compile("[a-z]+")


def _families(text: str) -> list[str]:
    """The families of hedge `text` may hold, in the order of `HEDGES`: those one of whose
    words starts with a whole word of `text`, or, in ASCII text, with a run of its letters
    (`_LETTERS`); every family when a word of the text has a letter outside ASCII, which
    case-insensitive matching may take for an ASCII one, such as the Kelvin sign for `k`.
    A quick sieve: most texts hold no hedge."""
    if text.isascii():
        found = _LETTERS.findall(text.lower())
        if _FAMILIES_OF.keys().isdisjoint(found):
            return []  # most texts
        words = set(found)
    else:
        found = _WORD.findall(text)
        if not all(word.isascii() for word in found):
            return list(_PATTERNS)
        words = {word.lower() for word in found}
    families = {family for word in words & _FAMILIES_OF.keys() for family in _FAMILIES_OF[word]}
    return [family for family in _PATTERNS if family in families]


def hedges(text: str) -> dict[str, str]:
    """The families of hedge that `text` holds, each with the first of its words found.

    >>> hedges("It may attempt to engage a potential broker.")
    {'possibility': 'may', 'attempt': 'attempt'}
    >>> hedges("In May it engaged a broker.")
    {}
    """
    found = {}
    for family in _families(text):
        match = re.search(_PATTERNS[family], text)
        if match:
            found[family] = " ".join(match.group().split())
    return found


def check_map(context: MapSemantics):
    held: dict[str, dict[str, str]] = {}  # each quote's hedges, found once
    nodes, supporters = context.nodes, context.supporters
    evidence = NodeKind.EVIDENCE  # read for every support: held locally
    no_one: list[str] = []
    for node in context.claims:
        kept: dict[str, str] | None = None  # the claim's hedges, once a quote has one
        dropped = []
        for supporter in supporters.get(node.id, no_one):
            quote = nodes[supporter]
            if quote.kind is not evidence:
                continue
            found = held.get(supporter)
            if found is None:
                found = held[supporter] = hedges(quote.text)
            if not found:
                break  # a quote without a hedge: the claim cannot overstate it
            if kept is None:
                kept = hedges(node.text)
            lost = {family: word for family, word in found.items() if family not in kept}
            if not lost:
                break  # a quote the claim does not overstate: the claim may rest on it
            dropped.append((quote, list(lost.values())))
        else:
            if not dropped:
                continue  # no quote supports the claim
            quote, words = dropped[0]
            said = " and ".join(f'"{word}"' for word in words)
            yield node.position, (f"{node.kind.value} `{node.id}` states more than its "
                                  f"evidence: its quote `{quote.id}` says {said}, and the "
                                  f"{node.kind.value} does not")
