"""What a map holds, and how much of its source's argument the evidence quotes cover.

Coverage counts sentences. A source is cut into paragraphs at blank lines and paragraphs into
sentences. A paragraph that does not end like a sentence (`.`, `!`, `?` or `…`, perhaps
followed by a closing quote or bracket) is a heading, a dateline or a credit, and is left out,
as are the lines the header names in `skip-lines` (a bio, a disclaimer). The sentences left
are the argumentative ones. A sentence is quoted when the evidence quotes of the map cover at
least half of its words.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from attrs import frozen

from ._tools import visible
from .diagnostics import Finding
from .lexicon import SKIP_LINES, CrossKind, NodeKind, RelationKind
from .model import Comparison, DocumentMap, LineRanges, parse_line_ranges
from .quotes import QuoteMatch, SourceText
from .semantics import MapSemantics, Resolver

__all__ = ["Sentence", "MapStats", "ComparisonStats", "argumentative_sentences", "map_stats",
           "comparison_stats", "stats_of_file"]

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_CLOSE = r"[.!?\u2026][\"')\]]*"
_ENDS_LIKE_A_SENTENCE = re.compile(_SENTENCE_CLOSE + r"$")
# A sentence ends at closing punctuation followed by a space and what may start a sentence.
_SENTENCE_BREAK = re.compile(_SENTENCE_CLOSE + r"(?= [\"'(\[]?[A-Z0-9])")
# Words before a full stop that does not end a sentence: initials (`U.S.`) and titles.
# How far before a full stop an abbreviation can start (`U.S.S.R.`, initials); longer runs
# of initials are sentences.
_ABBREVIATION_REACH = 24
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|vs|etc|"
                           r"e\.g|i\.e|No))\.$")
_WORD = re.compile(r"\w+")
_NO_LINES = LineRanges()


@frozen
class Sentence:
    """An argumentative sentence of a source: its line and its span in the normalised text."""

    line: int
    start: int
    end: int
    text: str


def argumentative_sentences(source: SourceText,
                            skip_lines: LineRanges = _NO_LINES) -> list[Sentence]:
    """The sentences of `source` that make its argument, in order."""
    sentences = []
    for paragraph in _PARAGRAPH.finditer(source.text):
        text = paragraph.group().strip()
        if not _ENDS_LIKE_A_SENTENCE.search(text):
            continue
        offset = paragraph.start() + (len(paragraph.group()) - len(paragraph.group().lstrip()))
        for start, end in _split(text):
            line = source.line_at(offset + start)
            if line in skip_lines:
                continue
            original = source.original_text(offset + start, offset + end)
            sentences.append(Sentence(line, offset + start, offset + end, original))
    return sentences


def _split(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph."""
    spans, start = [], 0
    for stop in _SENTENCE_BREAK.finditer(paragraph):
        # An abbreviation ends at the stop: look at the words just before it, not at the
        # whole sentence so far (which would make a long paragraph quadratic).
        if _ABBREVIATION.search(paragraph, max(start, stop.end() - _ABBREVIATION_REACH),
                                stop.end()):
            continue
        spans.append((start, stop.end()))
        start = stop.end() + 1
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


def _is_quoted(sentence: Sentence, covered: list[tuple[int, int]], text: str) -> bool:
    """Whether the quote spans cover at least half of the sentence's words. `covered`:
    the spans merged where they overlap or touch, in order."""
    words = [w.span() for w in _WORD.finditer(text, sentence.start, sentence.end)]
    starts = [start for start, _ in covered]
    inside = 0
    for start, end in words:
        at = bisect.bisect_right(starts, start) - 1
        inside += at >= 0 and end <= covered[at][1]
    return bool(words) and 2 * inside >= len(words)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with those that overlap or touch joined.

    >>> _merged([(0, 4), (2, 6), (6, 8), (10, 12)])
    [(0, 8), (10, 12)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@frozen
class MapStats:
    """The counts and the coverage of one document map."""

    path: str
    document: str | None
    title: str | None
    nodes: dict[str, int]
    relations: dict[str, int]
    #: The source's argumentative sentences, and those no quote covers.
    sentences: list[Sentence]
    unquoted: list[Sentence]
    #: Why the sentences could not be read, if they could not.
    source_problem: str | None = None

    @property
    def coverage(self) -> float | None:
        """Quoted sentences over argumentative sentences, when there are any."""
        if not self.sentences:
            return None
        return (len(self.sentences) - len(self.unquoted)) / len(self.sentences)

    def to_data(self) -> dict:
        """The JSON object `argmap stats --format json` prints for a map."""
        argued = None if self.source_problem else len(self.sentences)
        return {
            "file": visible(self.path), "kind": "map", "document": self.document,
            "title": self.title,
            "nodes": self.nodes, "relations": self.relations,
            "sentences": {"argumentative": argued,
                          "quoted": None if argued is None else argued - len(self.unquoted)},
            "coverage": None if self.coverage is None else round(self.coverage, 4),
            "source_problem": self.source_problem,
            "unquoted": [{"line": s.line, "text": s.text} for s in self.unquoted],
        }


@frozen
class ComparisonStats:
    """The counts of one comparison: the documents it uses and its cross relations."""

    path: str
    comparison: str
    title: str
    documents: list[str]
    relations: dict[str, int]

    def to_data(self) -> dict:
        """The JSON object `argmap stats --format json` prints for a comparison."""
        return {"file": visible(self.path), "kind": "comparison", "comparison": self.comparison,
                "title": self.title, "documents": self.documents, "relations": self.relations}


def map_stats(context: MapSemantics) -> MapStats:
    """Count what a map holds and measure its coverage."""
    document_map: DocumentMap = context.map
    nodes = Counter(node.kind for node in document_map.nodes)
    relations = Counter(r.kind for node in document_map.nodes for r in node.relations)
    header = document_map.header
    sentences: list[Sentence] = []
    unquoted: list[Sentence] = []
    problem = None
    if isinstance(context.source, SourceText):
        skip = header.get(SKIP_LINES) if header else None
        try:
            skip_lines = parse_line_ranges(skip.value) if skip else LineRanges()
        except ValueError as error:
            problem = f"`skip-lines` is malformed: {error}"
        else:
            sentences = argumentative_sentences(context.source, skip_lines)
            covered = _merged([span for match in context.quotes.values()
                               if isinstance(match, QuoteMatch) for span in match.spans])
            unquoted = [s for s in sentences if not _is_quoted(s, covered, context.source.text)]
    elif context.source is None:
        problem = "the header names no source"
    else:
        problem = f"the source {context.source_path} cannot be read: {context.source}"
    return MapStats(
        document_map.path, document_map.id, header.title if header else None,
        {kind.value: nodes[kind] for kind in NodeKind},
        {kind.value: relations[kind] for kind in RelationKind},
        sentences, unquoted, problem)


def comparison_stats(comparison: Comparison, documents: list[str]) -> ComparisonStats:
    """Count a comparison's cross relations per kind."""
    kinds = Counter(relation.kind for relation in comparison.relations)
    return ComparisonStats(comparison.path, comparison.id, comparison.title, documents,
                           {kind.value: kinds[kind] for kind in CrossKind})


def stats_of_file(resolver: Resolver, path: str
                  ) -> tuple[MapStats | ComparisonStats | Finding, str | None]:
    """The statistics of the file at `path`, or its syntax error (a finding, with the line
    it points at): what `argmap stats` prints for one file."""
    from .lint.rules import RULES

    loaded = resolver.load_named(path)
    if loaded.error is not None:
        syntax = RULES["syntax-error"]
        finding = Finding(loaded.error.position, syntax.name, syntax.severity,
                          loaded.error.message, syntax.code)
        return finding, resolver.workspace.line(path, loaded.error.position.line)
    if isinstance(loaded.model, DocumentMap):
        return map_stats(resolver.map(loaded)), None
    semantics = resolver.comparison(loaded)
    return comparison_stats(semantics.comparison, list(semantics.documents)), None
