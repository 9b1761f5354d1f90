"""Small helpers that several parts of argmap share."""

from __future__ import annotations

import itertools
import operator
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

__all__ = ["closest", "closest_sibling", "Suggestions", "visible", "utf8_text", "json_text",
           "line_starts", "unified_diff", "install_hint"]


def line_starts(text: str) -> list[int]:
    """Where each line of `text` starts, with builtins only (a text may have millions of
    lines): the first line at 0, each next one past the line break before it.

    >>> line_starts("ab\\ncd\\n")
    [0, 3, 6]
    """
    lines = text.split("\n")
    return list(map(operator.add, itertools.accumulate(map(len, lines), initial=0),
                    range(len(lines))))


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word`, for a "did you mean" (None when nothing is near).

    >>> closest("mian", ["main", "reason"])
    'main'
    >>> closest("zzz", ["main"]) is None
    True
    """
    import difflib  # only for a "did you mean"

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def closest_sibling(path: str, suffix: str = "") -> str | None:
    """The name of the file beside `path` (ending in `suffix`) nearest to its name."""
    folder, name = os.path.split(path)
    try:
        names = sorted(n for n in os.listdir(folder or ".") if n != name and n.endswith(suffix))
    except OSError:
        return None
    # Compare what comes before the shared suffix, which would make every name look alike.
    stems = {n[: len(n) - len(suffix)]: n for n in names}
    stem = name[: len(name) - len(suffix)] if name.endswith(suffix) else name
    guess = closest(stem, stems)
    return stems[guess] if guess else None


class Suggestions:
    """The "did you mean" of many look-ups among many candidates (the ids of a large map),
    near-linear: each look-up weighs only the few candidates that share the most pairs of
    letters with the word, rather than comparing it with every one.

    >>> Suggestions(f"n{i}" for i in range(1000)).closest("n99x")
    'n99'
    """

    # Below this many candidates, comparing with each is as fast as any index.
    _FEW = 200
    # How many of the candidates sharing the most pairs of letters are compared in full.
    _SHORTLIST = 64

    def __init__(self, candidates: Iterable[str]):
        self._candidates = list(dict.fromkeys(candidates))
        self._index: dict[str, list[int]] | None = None

    def closest(self, word: str) -> str | None:
        """The candidate nearest to `word`, as `closest` finds it, or None."""
        if len(self._candidates) <= self._FEW:
            return closest(word, self._candidates)
        if self._index is None:
            self._index = defaultdict(list)
            for number, candidate in enumerate(self._candidates):
                for pair in set(_pairs(candidate)):
                    self._index[pair].append(number)
        shared = Counter(number for pair in set(_pairs(word))
                         for number in self._index.get(pair, ()))
        return closest(word, (self._candidates[n] for n, _ in shared.most_common(self._SHORTLIST)))


def _pairs(word: str) -> list[str]:
    return [word[i:i + 2] for i in range(len(word) - 1)] or [word]


# Characters a terminal would act on rather than show: C0 controls but tab and line feed,
# DEL and C1 controls; and lone surrogates, which stand for bytes that are not UTF-8.
# Compiled (by `re`, once) only for a text that is not all printable.
_UNSHOWABLE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"


def visible(text: str) -> str:
    r"""`text` safe to print on a terminal: each control character written out as an escape,
    each byte that was not UTF-8 (read as a lone surrogate) as `\xNN`; a file name too.

    >>> print(visible("red \x1b[31m alert\x07"))
    red \x1b[31m alert\x07
    >>> print(visible("caf\udce9.arg"))
    caf\xe9.arg
    """
    if text.isprintable():  # no control character, no surrogate: most texts
        return text
    return re.sub(_UNSHOWABLE, _escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char) - 0xDC00 if "\udc80" <= char <= "\udcff" else ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_text(text: str) -> str:
    r"""`text` that UTF-8 can hold: each lone surrogate, which JSON's `\ud800` escapes and a
    file name's bytes that are not UTF-8 (`surrogateescape`) leave in a string, made U+FFFD.

    >>> utf8_text("a\ud800 caf\udce9 \U0001f5fa") == "a\ufffd caf\ufffd \U0001f5fa"
    True
    """
    return _SURROGATE.sub("\ufffd", text)


# What JSON leaves raw with ensure_ascii=False, though a terminal acts on it: DEL and the C1
# controls (JSON escapes C0 itself), and lone surrogates, which no UTF-8 output can hold.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")


def json_text(value: object) -> str:
    r"""`value` as indented JSON text, non-ASCII letters kept, every character a terminal
    would act on written as a `\uXXXX` escape.

    >>> print(json_text({"title": "caf\u00e9 \x9b31m"}))
    {
      "title": "café \u009b31m"
    }
    """
    import json

    text = json.dumps(value, indent=2, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def unified_diff(path: str, before: str, after: str) -> str:
    """The change from `before` to `after`, the texts of the file at `path`, as a unified
    diff (`--- PATH`, `+++ PATH`, the hunks), as `git diff` and ruff's `--diff` show it.

    >>> print(unified_diff("m.arg", "a\\nb\\n", "a\\nc\\n"), end="")
    --- m.arg
    +++ m.arg
    @@ -1,2 +1,2 @@
     a
    -b
    +c
    """
    import difflib

    lines = difflib.unified_diff(before.splitlines(keepends=True),
                                 after.splitlines(keepends=True), path, path)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def install_hint(extra: str) -> str:
    """How to install the optional dependencies of argmap's extra `extra`. argmap is not
    published on an index, so `pip install 'argmap[EXTRA]'` would find nothing: the hint
    names the extra's packages, as the installed argmap lists them, and the command that
    installs the extra from a clone."""
    from importlib import metadata

    marker = re.compile(rf"""\s*;\s*extra\s*==\s*['"]{re.escape(extra)}['"]\s*$""")
    try:
        requirements = metadata.requires("argmap") or []
    except metadata.PackageNotFoundError:  # run from the source tree, not installed
        requirements = []
    packages = " ".join(f"'{marker.sub('', r)}'" for r in requirements if marker.search(r))
    clone = f"pip install '.[{extra}]' in a clone of argmap"
    return f"pip install {packages} (or {clone})" if packages else clone
