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
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator

import attrs
from attrs import frozen

from ._tools import line_starts
from .collector import collector_paused

__all__ = ["QuoteMatch", "QuoteMiss", "SourceText", "composed", "normalize", "quote_pieces"]

_PARAGRAPH_MARK = "\n"
# Characters replaced one for one, before the rewrites below: curly quotes, en and em
# dashes, and every white space character but the line break, which the rewrites need to
# see. The rewrites then find the same spans as on the original characters.
_ONE_FOR_ONE = {
    0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-", 0x2014: "-",
    # (found by the regular expression engine, whose `\s` is `str.isspace`: a loop over
    # the characters would take a millisecond of every start)
    **dict.fromkeys(map(ord, re.findall(r"[^\S \n]", "".join(map(chr, range(0x3000 + 1))))),
                    " "),
}
# A line of a source that is only a rule (`-----`, `_____`, `* * *`): a paragraph break,
# blanked out before the rewrites (one space a character, so no offset moves).
# Compiled (by `re`, once) only for a text that may have one (see `_RULE_OPENING`).
_RULE_LINE = r"(?m)^[^\S\n]*(?:[-\u2013\u2014_=*~][^\S\n]*){3,}$"
# Length-changing rewrites, in priority order; white space holding at most one line break
# may surround a dash, and a dash takes no line break that a paragraph break follows, so a
# dash never swallows a paragraph break.
_REWRITE = re.compile(
    r"(?P<par>[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*)"
    r"|(?P<dash>[^\S\n]*\n?[^\S\n]*[-\u2013\u2014]+[^\S\n]*(?:\n(?![^\S\n]*\n))?[^\S\n]*)"
    r"|(?P<comma>,(?:\s*,)+)"
    r"|(?P<space>\s{2,}|\n)"
)
# Compiled (by `re`, once) only for a text that is not ASCII.
_TRANSLATED = "[{}]".format(re.escape("".join(map(chr, _ONE_FOR_ONE))))
# The ASCII characters `_ONE_FOR_ONE` replaces: an ASCII text holds no other.
_ASCII_TRANSLATED = [c for c in map(chr, _ONE_FOR_ONE) if c.isascii()]
# A line that opens with three rule characters, spaces between: a text with no such line has
# no rule line. Sought after each line break, which the regular expression engine finds far
# faster than any of a set of characters (a hyphenated word would stop it at each hyphen).
_RULE_OPENING = re.compile(r"\n[^\S\n]*(?:[-\u2013\u2014_=*~][^\S\n]*){3}")
# Every rewrite lies within a run of white space, commas and dashes, and a run of one
# character changes only when it is a line break; so the rewrites look only at longer runs
# (there are few), once the lone line breaks have become spaces. The characters are those
# left after `_ONE_FOR_ONE`. The runs are found by `str.find` in a copy of the text in which
# each of their characters is a space (`_runs`): a regular expression for them would be
# tried at each of the text's many spaces, and takes three times as long.
_LONE_BREAK = re.compile(r"\n(?<![ \n,-]\n)(?![ \n,-])")
_SPACES = re.compile(" +")
_REPLACEMENT = {"par": _PARAGRAPH_MARK, "dash": "-", "comma": ",", "space": " "}
# How much of a quote, from its second word on, says where in the source it may start.
_WINDOW = 24
# A word found in more sentences than this is left out of the search for the closest
# passage: its weight would be at most 1/_COMMON, and each missing quote would read all.
_COMMON = 1000
# A piece with more possible starts than this gets windows all along it; or, when there are
# at most `_FEW_CROWDED` such pieces, is looked for whole, each a scan of the text, which
# costs less than a second pass over all the text's windows. Neither when their possible
# starts number at most one for every `_WINDOWS_PER_START` windows of the text: trying
# each start then costs less than that second pass.
_CROWDED = 8
_FEW_CROWDED = 16
_WINDOWS_PER_START = 16
# A sentence longer than this (a paragraph with no full stop) is compared with a missing
# quote only where the quote's words are densest; and only this much of a quote is compared.
_LONG_SENTENCE = 2000
_LONGEST_COMPARED = 1000
# `.` with DOTALL rather than `[\s\S]`: the regular expression engine reads a run of "any
# character" at once, four times faster.
_WINDOWS = re.compile(rf" (?=(.{{0,{_WINDOW}}}))", re.DOTALL)
# How much of the text's windows are made at a time (see `_windows`).
_STRETCH = 1 << 20
_ELLIPSIS = re.compile(r"\[?(?:\.\.\.|\u2026)\]?")
_WORD = re.compile(r"\w+")
# Compiled (by `re`, once) only when a quote is missing.
_SENTENCE_END = r"(?<=[.!?\"'])\s+|\n"


def normalize(text: str) -> str:
    """`text` as quote matching compares it."""
    return _normalized(composed(text)).strip()


def composed(text: str) -> str:
    """`text` in Unicode's composed form (NFC), as a quote is typed: a source saved
    decomposed (`e` and a combining accent for `é`) then matches it.

    >>> len(composed("cafe\u0301"))
    4
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _translated(text: str) -> bool:
    """Whether `text` holds a character that `_ONE_FOR_ONE` replaces (quickly, for an
    ASCII text: a search for each of its few ASCII ones)."""
    if text.isascii():
        return any(c in text for c in _ASCII_TRANSLATED)
    return re.search(_TRANSLATED, text) is not None


def _normalized(text: str) -> str:
    """`text` as a quote: as a source (`_normalize`), but for rule lines, which only a
    source has."""
    if _translated(text):
        text = text.translate(_ONE_FOR_ONE)
    return _rewrite_runs(_LONE_BREAK.sub(" ", text), _rewrite_run)


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the runs of two or more spaces, line breaks, commas and dashes in `text`.

    >>> list(_runs("a, b  c-d --e"))
    [(1, 3), (4, 6), (9, 12)]
    """
    flat = text.replace("\n", " ").replace(",", " ").replace("-", " ")
    start = flat.find("  ")
    while start >= 0:
        end = _SPACES.match(flat, start).end()  # type: ignore[union-attr]  # a space is there
        yield start, end
        start = flat.find("  ", end)


def _rewrite_runs(text: str, rewrite: Callable[[str, int], str]) -> str:
    """`text` with each run (`_runs`) replaced by `rewrite(run, where it starts)`."""
    parts: list[str] = []
    last = 0
    for start, end in _runs(text):
        parts += (text[last:start], rewrite(text[start:end], start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _rewrite_run(run: str, start: int) -> str:
    """A run of a quote rewritten (where it starts does not matter: a quote keeps no map of
    offsets)."""
    return _REWRITE.sub(_replace, run)


def _replace(match: re.Match[str]) -> str:
    return _REPLACEMENT[match.lastgroup or ""]


def quote_pieces(quote: str) -> list[str]:
    """The normalised pieces of a quote, split where `...` or `…` elides text."""
    return _pieces_of([quote])[0]


def _pieces_of(quotes: list[str]) -> list[list[str]]:
    """The pieces of every quote, normalised in one pass over them all, joined by NUL:
    nothing normalisation rewrites spans a NUL, and no quote holds one (a file with a NUL
    byte is refused), or else each quote is normalised on its own."""
    whole = list(map(composed, quotes))
    joined = "\0".join(whole)
    if "..." not in joined and "\u2026" not in joined and joined.count("\0") == len(whole) - 1:
        # Most maps elide nothing: one piece a quote.
        return [[piece] if piece else [] for piece in map(str.strip,
                                                          _normalized(joined).split("\0"))]
    # Most quotes elide nothing: they skip the split.
    split = [_ELLIPSIS.split(q) if "..." in q or "\u2026" in q else (q,) for q in whole]
    joined = "\0".join(piece for pieces in split for piece in pieces)
    if joined.count("\0") == sum(map(len, split)) - 1:
        normalised = iter(_normalized(joined).split("\0"))
    else:
        normalised = map(_normalized, (piece for pieces in split for piece in pieces))
    return [[p for p in (next(normalised).strip() for _ in pieces) if p] for pieces in split]


@frozen
class QuoteMatch:
    """Where a quote was found: the spans of its pieces in the normalised text of `source`
    (`SourceText.text`); its first and last line, worked out when asked for (a check that
    finds every quote asks for none)."""

    spans: tuple[tuple[int, int], ...]
    source: SourceText = attrs.field(eq=False, repr=False)

    @property
    def line(self) -> int:
        """The first line of the quote in the source (1-based)."""
        return self.source.line_at(self.spans[0][0])

    @property
    def end_line(self) -> int:
        return self.source.line_at(self.spans[-1][1] - 1)


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

    def rewrite_run(run: str, base: int) -> str:
        def rewrite(match: re.Match) -> str:
            nonlocal shift
            new = _REPLACEMENT[match.lastgroup or ""]
            start, end = match.span()
            if end - start != len(new):  # a line break becoming a space moves nothing
                shift += (end - start) - len(new)
                norm_points.append(base + end - shift)
                orig_points.append(base + end)
            return new

        return _REWRITE.sub(rewrite, run)

    if (_RULE_OPENING.search(text) or _RULE_OPENING.match("\n" + text.partition("\n")[0])) \
            and re.search(_RULE_LINE, text):
        text = re.sub(_RULE_LINE, _blank, text)
    if _translated(text):
        text = text.translate(_ONE_FOR_ONE)
    text = _LONE_BREAK.sub(" ", text)
    return _rewrite_runs(text, rewrite_run), norm_points, orig_points


def _anchors(piece: str, spread: bool) -> list[tuple[str, int]]:
    """Windows of `piece` that start after a space, with their offsets: the first one, or
    (`spread`) windows all along the piece, each starting at the last word of the one
    before, so that they overlap."""
    anchors = []
    start = piece.find(" ") + 1
    while start and start + _WINDOW <= len(piece):
        anchors.append((piece[start:start + _WINDOW], start))
        if not spread:
            break
        following = piece.rfind(" ", start, start + _WINDOW) + 1
        start = following if following > start else piece.find(" ", start + _WINDOW) + 1
    return anchors


def _windows(text: str) -> Iterator[list[str]]:
    """The `_WINDOW` characters after each space of `text`, in order, a list for each
    stretch of `_STRETCH` characters: only one stretch's are held at a time (all of those
    of a 12 MB text took 110 MB).

    >>> [len(windows) for windows in _windows("a b " * (_STRETCH // 2))]
    [524288, 524288]
    """
    for start in range(0, len(text), _STRETCH):
        end = start + _STRETCH
        # Past the stretch's end, as far as its last window reaches; the windows of the
        # spaces there are the next stretch's, whole.
        windows = _WINDOWS.findall(text, start, end + _WINDOW)
        beyond = text.count(" ", end, end + _WINDOW)
        if beyond:
            del windows[-beyond:]
        yield windows


def _occurrences(text: str, piece: str):
    """Every offset where `piece` occurs in `text`, in order."""
    pos = text.find(piece)
    while pos >= 0:
        yield pos
        pos = text.find(piece, pos + 1)


class SourceText:
    """A source document, normalised once, in which quotes are looked up."""

    def __init__(self, text: str):
        """`text`: the source, which is read in composed form (see `composed`)."""
        text = composed(text)
        self._original = text
        with collector_paused():  # lists of offsets and words: no cycles to collect
            self.text, self._norm_points, self._orig_points = _normalize(text)
        # Worked out for the first line asked for: a check that finds every quote asks none.
        self._line_starts: list[int] | None = None
        self._sentences: list[tuple[int, int]] | None = None
        self._sentence_words: dict[str, list[int]] | None = None

    def locate(self, quotes: list[str]) -> list[QuoteMatch | QuoteMiss]:
        """Find each quote: the first place in the source where it fits."""
        with collector_paused():  # strings, lists and matches: no cycles to collect
            pieces = _pieces_of(quotes)
            starts = self._possible_starts([parts[0] for parts in pieces if parts])
            results: list[QuoteMatch | QuoteMiss] = []
            for parts in pieces:
                found = self._find(parts, starts[parts[0]]) if parts else None
                results.append(found or self._miss(parts))
        return results

    def _find(self, parts: list[str], starts: tuple[list[int], int] | None
              ) -> QuoteMatch | None:
        """The first occurrence of the first piece, among `starts` when known, after which
        the other pieces fit."""
        if starts is None:
            for pos in _occurrences(self.text, parts[0]):
                if match := self._match_at(parts, pos):
                    return match
            return None
        anchored, skip = starts
        for at in anchored:
            if at >= skip and (match := self._match_at(parts, at - skip)):
                return match
        return None

    def _possible_starts(self, pieces: list[str]) -> dict[str, tuple[list[int], int] | None]:
        """For each piece, in order, where it may start: the offsets of a window of it in
        the text and that window's offset in the piece (the piece may start that much
        before each); None where the piece is to be searched for in the whole text: it is
        too short to say, or one of few crowded ones (below).

        Wherever a piece occurs, each of its words after the first starts a space-separated
        word of the text. So the piece can only start where a window of `_WINDOW`
        characters from such a word of the piece starts a word of the text: one pass over
        the text's words finds those places for every piece at once, however often the
        words themselves recur. The window after the first word nearly always says where;
        a piece it leaves with many places (text that repeats a phrase) gets windows all
        along it, in a second pass, and keeps the one found least often (or, when few pieces
        are crowded, is searched for whole), unless trying each of the places of the
        crowded pieces costs less than that pass."""
        starts: dict[str, tuple[list[int], int] | None] = dict.fromkeys(pieces)
        pending = pieces
        for spread in (False, True):
            anchors = {piece: ends for piece in pending if (ends := _anchors(piece, spread))}
            wanted = {key for keys in anchors.values() for key, _ in keys}
            if not wanted:
                break
            found: dict[str, list[int]] = defaultdict(list)
            at = -1
            text = self.text
            spaces = 0  # the text's windows
            for windows in _windows(text):
                spaces += len(windows)
                for window in itertools.compress(windows, map(wanted.__contains__, windows)):
                    # The space before this window is the first one after the last found
                    # that this window follows: one before it would have been found first.
                    at = text.find(" " + window, at + 1)
                    found[window].append(at + 1)
            pending = []
            crowded = 0  # the places of the pending pieces
            for piece, keys in anchors.items():
                key, skip = keys[0] if len(keys) == 1 else min(
                    keys, key=lambda anchor: len(found[anchor[0]]))
                places = found[key]
                starts[piece] = places, skip
                if len(places) > _CROWDED:
                    pending.append(piece)
                    crowded += len(places)
            if not spread and crowded <= spaces // _WINDOWS_PER_START:
                break
            if not spread and len(pending) <= _FEW_CROWDED:
                starts.update(dict.fromkeys(pending))
                break
        return starts

    def _match_at(self, parts: list[str], pos: int) -> QuoteMatch | None:
        """The quote's pieces from `pos` on, in order, within the paragraph at `pos`."""
        if not self.text.startswith(parts[0], pos):
            return None
        if len(parts) == 1:  # most quotes: no other piece to look for in the paragraph
            return QuoteMatch(((pos, pos + len(parts[0])),), self)
        paragraph_end = self.text.find(_PARAGRAPH_MARK, pos)
        if paragraph_end < 0:
            paragraph_end = len(self.text)
        spans = [(pos, pos + len(parts[0]))]
        for part in parts[1:]:
            at = self.text.find(part, spans[-1][1], paragraph_end)
            if at < 0:
                return None
            spans.append((at, at + len(part)))
        return QuoteMatch(tuple(spans), self)

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
        import difflib  # only for a quote not found

        sentences, words = self._sentence_index()
        scores: dict[int, float] = defaultdict(float)
        for word in set(_WORD.findall(quote)):
            holders = words.get(word, ())
            if len(holders) > _COMMON:
                continue  # it weighs next to nothing, and reading its holders is the cost
            for sentence in holders:
                scores[sentence] += 1.0 / len(holders)
        if not scores:
            return None, None
        best = sorted(scores, key=lambda s: (-scores[s], s))[:5]
        quote = quote[:_LONGEST_COMPARED]
        spans = {s: self._around(quote, *sentences[s]) for s in best}
        ratio = {s: difflib.SequenceMatcher(None, quote, self.text[slice(*spans[s])]).ratio()
                 for s in best}
        # Shared rare words decide; likeness of the whole only breaks ties.
        chosen = max(best, key=lambda s: (round(scores[s], 6), ratio[s], -s))
        start, end = spans[chosen]
        sentence = self.text[start:end]
        # Align the passage with the quote: where its first sizeable shared run implies,
        # moved back to the start of a word.
        blocks = difflib.SequenceMatcher(None, quote, sentence,
                                         autojunk=False).get_matching_blocks()
        block = next((b for b in blocks if b.size >= min(8, len(quote) // 4 + 1)), blocks[0])
        offset = max(0, block.b - block.a)
        offset = sentence.rfind(" ", 0, offset + 1) + 1 if offset else 0
        end = sentence.find(" ", offset + len(quote))  # finish the last word
        passage = sentence[offset:] if end < 0 else sentence[offset:end] + "..."
        if len(passage) > 120:
            passage = passage[:117] + "..."
        return self.line_at(start + offset), passage

    def _around(self, quote: str, start: int, end: int) -> tuple[int, int]:
        """The part of the sentence from `start` to `end` to compare with `quote`: all of it,
        unless it is long (a paragraph with no full stop); then the stretch a few times the
        quote's length where the quote's words are densest, weighed by their rarity in it.
        Comparing a quote with all of a long sentence costs time in the product of their
        lengths (`difflib`)."""
        if end - start <= max(_LONG_SENTENCE, 4 * len(quote)):
            return start, end
        width = 2 * len(quote)
        text = self.text[start:end]
        wanted = set(_WORD.findall(quote))
        places: dict[str, list[int]] = defaultdict(list)
        for match in _WORD.finditer(text):
            if match.group() in wanted:
                places[match.group()].append(match.start())
        found = sorted((at, 1.0 / len(ats)) for ats in places.values() for at in ats)
        best, best_at, weight, first = 0.0, 0, 0.0, 0
        for at, value in found:  # the stretch `width` long that ends at each word found
            weight += value
            while found[first][0] < at - width:
                weight -= found[first][1]
                first += 1
            if weight > best + 1e-9:
                best, best_at = weight, found[first][0]
        begin = text.rfind(" ", 0, max(0, best_at - len(quote) // 2)) + 1  # at a word
        return start + begin, min(end, start + begin + 2 * width)

    def _sentence_index(self):
        if self._sentences is None:
            sentences, start = [], 0
            for match in re.finditer(_SENTENCE_END, self.text):
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
        if self._line_starts is None:
            self._line_starts = line_starts(self._original)
        return bisect.bisect_right(self._line_starts, self.original_offset(norm_pos))
