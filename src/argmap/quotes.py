"""Evidence quotes checked against their source text, after normalising both sides.

Normalising folds what a user cannot or need not type: runs of white space (including
no-break spaces) become one space, curly quotes become straight ones, a dash (`-`, `–`,
`—`, or a run of them such as `--`) with any white space around it becomes `-`, and a run of
commas (`, ,`) becomes one.
Case is kept. Blank lines end paragraphs; `...` or `…` in a quote elides text, and the
pieces must then occur in order within one paragraph.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import defaultdict

from attrs import frozen

__all__ = ["QuoteMatch", "QuoteMiss", "SourceText", "normalize", "quote_pieces"]

_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_PARAGRAPH_MARK = "\n"
# Length-changing rewrites, in priority order; white space holding at most one line break
# may surround a dash, so a dash never swallows a paragraph break.
_REWRITE = re.compile(
    r"(?P<par>[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*)"
    r"|(?P<dash>[^\S\n]*\n?[^\S\n]*[-\u2013\u2014]+[^\S\n]*\n?[^\S\n]*)"
    r"|(?P<comma>,(?:\s*,)+)"
    r"|(?P<space>\s{2,}|\n)"
)
_SINGLE_SPACES = {ord(c): " " for c in map(chr, range(0x3000 + 1)) if c.isspace() and c != "\n"}
_ELLIPSIS = re.compile(r"\[?(?:\.\.\.|\u2026)\]?")
# Places a quote may start: a word's first letter, or anything after a space.
_STARTS = re.compile(r"(?<!\w)\w|(?<=[ \n])[^ \n\w]")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?\"'])\s+|\n")
_PREFIX = 8


def normalize(text: str) -> str:
    """`text` as quote matching compares it."""
    return _normalize(text)[0].strip()


def quote_pieces(quote: str) -> list[str]:
    """The normalised pieces of a quote, split where `...` or `…` elides text."""
    return [p for p in (normalize(piece) for piece in _ELLIPSIS.split(quote)) if p]


@frozen
class QuoteMatch:
    """Where a quote was found: its first and last line in the source (1-based), and the
    spans of its pieces in the normalised text (`SourceText.text`)."""

    line: int
    end_line: int
    spans: tuple[tuple[int, int], ...]


@frozen
class QuoteMiss:
    """A quote not found: why, when there is more to say, and the closest passage if any."""

    reason: str | None = None
    closest_line: int | None = None
    closest_text: str | None = None


def _normalize(text: str) -> tuple[str, list[int], list[int]]:
    """Normalised text, and breakpoints mapping normalised offsets back to the original."""
    norm_points: list[int] = [0]
    orig_points: list[int] = [0]
    shift = 0

    def rewrite(match: re.Match) -> str:
        nonlocal shift
        kind = match.lastgroup
        new = {"par": _PARAGRAPH_MARK, "dash": "-", "comma": ","}.get(kind, " ")
        start, end = match.span()
        shift += (end - start) - len(new)
        norm_points.append(end - shift)
        orig_points.append(end)
        return new

    rewritten = _REWRITE.sub(rewrite, text.translate(_CURLY))
    return rewritten.translate(_SINGLE_SPACES), norm_points, orig_points


class SourceText:
    """A source document, normalised once, in which quotes are looked up."""

    def __init__(self, text: str):
        self._original = text
        self.text, self._norm_points, self._orig_points = _normalize(text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_words: dict[str, list[int]] | None = None

    def locate(self, quotes: list[str]) -> list[QuoteMatch | QuoteMiss]:
        """Find each quote; one pass over the text for all of them, so many quotes stay fast."""
        pieces = [quote_pieces(q) for q in quotes]
        found: list[QuoteMatch | None] = [None] * len(quotes)
        waiting: dict[str, list[int]] = defaultdict(list)
        for index, parts in enumerate(pieces):
            if parts and len(parts[0]) >= _PREFIX:
                waiting[parts[0][:_PREFIX]].append(index)
        for start in _STARTS.finditer(self.text):
            pos = start.start()
            candidates = waiting.get(self.text[pos:pos + _PREFIX])
            if not candidates:
                continue
            for index in list(candidates):
                match = self._match_at(pieces[index], pos)
                if match:
                    found[index] = match
                    candidates.remove(index)
        results: list[QuoteMatch | QuoteMiss] = []
        for index, parts in enumerate(pieces):
            results.append(found[index] or self._search(parts) or self._miss(parts))
        return results

    def _match_at(self, parts: list[str], pos: int) -> QuoteMatch | None:
        """The quote's pieces from `pos` on, in order, within the paragraph at `pos`."""
        if not self.text.startswith(parts[0], pos):
            return None
        paragraph_end = self.text.find(_PARAGRAPH_MARK, pos)
        if paragraph_end < 0:
            paragraph_end = len(self.text)
        spans = [(pos, pos + len(parts[0]))]
        for part in parts[1:]:
            at = self.text.find(part, spans[-1][1], paragraph_end)
            if at < 0:
                return None
            spans.append((at, at + len(part)))
        return QuoteMatch(self.line_at(pos), self.line_at(spans[-1][1] - 1), tuple(spans))

    def _search(self, parts: list[str]) -> QuoteMatch | None:
        """Plain search, for what the one-pass scan cannot see: short quotes, and quotes that
        start mid-word. Only quotes the scan missed come here, and those are mostly errors."""
        if not parts:
            return None
        pos = self.text.find(parts[0])
        while pos >= 0:
            match = self._match_at(parts, pos)
            if match:
                return match
            pos = self.text.find(parts[0], pos + 1)
        return None

    def _miss(self, parts: list[str]) -> QuoteMiss:
        if not parts:
            return QuoteMiss("the quote is empty")
        if len(parts) > 1 and all(part in self.text for part in parts):
            return QuoteMiss("its pieces around `...` all occur in the source, but not in this "
                             "order within one paragraph")
        line, passage = self._closest(" ".join(parts))
        return QuoteMiss(None, line, passage)

    def _closest(self, quote: str) -> tuple[int | None, str | None]:
        """The sentence that shares the most words with `quote`, weighed by their rarity."""
        sentences, words = self._sentence_index()
        scores: dict[int, float] = defaultdict(float)
        for word in set(_WORD.findall(quote)):
            holders = words.get(word, ())
            for sentence in holders:
                scores[sentence] += 1.0 / len(holders)
        if not scores:
            return None, None
        best = sorted(scores, key=lambda s: (-scores[s], s))[:5]
        ratio = {s: difflib.SequenceMatcher(None, quote, self.text[slice(*sentences[s])]).ratio()
                 for s in best}
        # Shared rare words decide; likeness of the whole only breaks ties.
        chosen = max(best, key=lambda s: (round(scores[s], 6), ratio[s], -s))
        start, end = sentences[chosen]
        sentence = self.text[start:end]
        # Align the passage with the quote: where its first sizeable shared run implies,
        # moved back to the start of a word.
        blocks = difflib.SequenceMatcher(None, quote, sentence, autojunk=False).get_matching_blocks()
        block = next((b for b in blocks if b.size >= min(8, len(quote) // 4 + 1)), blocks[0])
        offset = max(0, block.b - block.a)
        offset = sentence.rfind(" ", 0, offset + 1) + 1 if offset else 0
        end = sentence.find(" ", offset + len(quote))  # finish the last word
        passage = sentence[offset:] if end < 0 else sentence[offset:end] + "..."
        if len(passage) > 120:
            passage = passage[:117] + "..."
        return self.line_at(start + offset), passage

    def _sentence_index(self):
        if self._sentences is None:
            sentences, start = [], 0
            for match in _SENTENCE_END.finditer(self.text):
                if match.start() > start:
                    sentences.append((start, match.start()))
                start = match.end()
            if start < len(self.text):
                sentences.append((start, len(self.text)))
            words: dict[str, list[int]] = defaultdict(list)
            for index, (start, end) in enumerate(sentences):
                for word in set(_WORD.findall(self.text, start, end)):
                    words[word].append(index)
            self._sentences, self._sentence_words = sentences, words
        return self._sentences, self._sentence_words

    def original_offset(self, norm_pos: int) -> int:
        """The offset in the original text of a normalised offset."""
        point = bisect.bisect_right(self._norm_points, norm_pos) - 1
        return self._orig_points[point] + (norm_pos - self._norm_points[point])

    def original_text(self, norm_start: int, norm_end: int) -> str:
        """The original text between two normalised offsets."""
        return self._original[self.original_offset(norm_start):self.original_offset(norm_end)]

    def line_at(self, norm_pos: int) -> int:
        """The 1-based line of the original text at a normalised offset."""
        return bisect.bisect_right(self._line_starts, self.original_offset(norm_pos))
