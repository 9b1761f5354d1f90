"""Findings, and the two formats every command prints them in: text (with colour) and JSON."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from attrs import frozen

from ._tools import json_text, visible
from .lexicon import TERMINALS
from .model import Position
from .severity import Severity

__all__ = ["Severity", "Finding", "end_column", "format_text", "format_concise", "format_json",
           "summary", "statistics", "format_statistics", "fixes_summary"]


@frozen(order=True)
class Finding:
    """One thing a rule found, at a place in a file; `code` is the rule's code (`AM202`)."""

    position: Position
    rule: str
    severity: Severity
    message: str
    code: str = ""

    def to_data(self) -> dict:
        """The JSON object of the diagnostics contract, with the rule's code when known; a
        file name's bytes that are not UTF-8, and control characters, written visibly."""
        code = {"code": self.code} if self.code else {}
        return {"rule": self.rule, **code, "severity": self.severity.value,
                "file": visible(self.position.file), "line": self.position.line,
                "column": self.position.column, "message": visible(self.message)}


# The token a finding points at, which its span covers: a string as the language lexes
# it, or else a run of characters up to white space, `,`, `{` or `}` (an identifier, a
# word of a quote, or the start of a string that does not end).
_TOKEN = re.compile(rf"{TERMINALS['STRING']}|[^\s,{{}}]+")


def end_column(line: str | None, column: int) -> int | None:
    """The column just past the token at `column` of `line` (the finding's span ends
    there); None when the line is unknown or nothing but white space is there.

    >>> end_column('premise p "y" supports mian', 24)
    28
    >>> end_column('thesis t "a quote"', 10)
    19
    """
    token = _TOKEN.match(line, column - 1) if line is not None else None
    return column + len(token.group()) if token else None


def format_json(findings: Iterable[Finding],
                line_of: Callable[[str, int], str | None] | None = None) -> str:
    """A JSON array of findings, as the diagnostics contract specifies; with `line_of`, the
    source lines, each finding with the `end_column` of its span *(extension)*."""
    data = []
    for finding in findings:
        item = finding.to_data()
        where = finding.position
        end = end_column(line_of(where.file, where.line), where.column) if line_of else None
        if end is not None:
            item["end_column"] = end
        data.append(item)
    return json_text(data) + "\n"


# ANSI SGR parameters: bold, dim, and each severity's colour (red, yellow, cyan).
_BOLD, _DIM = "1", "2"
_COLOURS = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{style}m{text}\x1b[0m" if color else text


def format_text(findings: Iterable[Finding], line_of: Callable[[str, int], str | None], *,
                color: bool = False) -> str:
    """`file:line:col: severity: message [rule]`, then the source line with the span of
    the finding (the token there) underlined with carets; `color` paints the place, the
    severity and the carets with ANSI escapes. Text from the
    files is printed with its control characters visible, never sent raw to a terminal."""
    out = []
    for finding in findings:
        where = finding.position
        tint = _COLOURS[finding.severity]
        out.append(_paint(f"{visible(where.file)}:{where.line}:{where.column}:", _BOLD, color)
                   + " " + _paint(f"{finding.severity.value}:", tint, color)
                   + f" {visible(finding.message)} " + _paint(f"[{finding.rule}]", _DIM, color))
        source_line = line_of(where.file, where.line)
        if source_line is not None:
            out.append("  " + visible(source_line))
            # Keep tabs in the caret's indentation so it lines up under the column.
            before = visible(source_line[: where.column - 1])
            indent = "".join(c if c == "\t" else " " for c in before)
            end = end_column(source_line, where.column) or where.column + 1
            width = len(visible(source_line[where.column - 1:end - 1])) or 1
            out.append("  " + indent + _paint("^" * width, tint, color))
    return "".join(line + "\n" for line in out)


def format_concise(findings: Iterable[Finding], *, color: bool = False) -> str:
    """One line a finding, `file:line:col: severity: message [rule]`, as ruff's `concise`."""
    return format_text(findings, lambda path, line: None, color=color)


def statistics(findings: Iterable[Finding], fixable: Iterable[Finding] = ()) -> list[dict]:
    """For each rule that found something: its code, name, how many findings, and whether
    `--fix` (with the options given) fixes any of them; most findings first, as ruff's
    `--statistics`."""
    counts = Counter((f.code, f.rule) for f in findings)
    fixed = {(f.code, f.rule) for f in fixable}
    return [{"code": code, "name": rule, "count": n, "fixable": (code, rule) in fixed}
            for (code, rule), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def format_statistics(rows: list[dict]) -> str:
    """`statistics` as ruff prints it: count, code, `[*]` when fixable, name; a tab apart.

    >>> format_statistics([{"code": "AM105", "name": "unknown-reference", "count": 12,
    ...                     "fixable": True}])
    '12\\tAM105\\t[*] unknown-reference\\n'
    """
    width = max((len(str(row["count"])) for row in rows), default=1)
    return "".join(f"{row['count']:>{width}}\t{row['code']}\t"
                   f"{'[*]' if row['fixable'] else '[ ]'} {row['name']}\n" for row in rows)


def fixes_summary(fixable: int, hidden: int) -> str:
    """What `--fix` would fix, and what only `--unsafe-fixes` would, in ruff's words; empty
    when `--fix` would fix nothing (a run full of "did you mean" would otherwise end, every
    time, on fixes that no option but `--unsafe-fixes` applies).

    >>> print(fixes_summary(1, 0), end="")
    [*] 1 fixable with the `--fix` option.
    >>> fixes_summary(0, 2)
    ''
    """
    if not fixable:
        return ""
    hint = (f" ({hidden} hidden fix{'' if hidden == 1 else 'es'} can be enabled with the "
            "`--unsafe-fixes` option)") if hidden else ""
    return f"[*] {fixable} fixable with the `--fix` option{hint}.\n"


def summary(findings: list[Finding], file_count: int, *, color: bool = False) -> str:
    """One line: how many findings of each severity, in how many files."""
    files = f"{file_count} file" + ("" if file_count == 1 else "s")
    if not findings:
        return f"No problems found in {files}.\n"
    counts = Counter(f.severity for f in findings)
    parts = []
    for severity in reversed(Severity):
        n = counts.get(severity, 0)
        if n:
            parts.append(_paint(severity.tally(n), _COLOURS[severity], color))
    return f"Found {', '.join(parts)} in {files}.\n"
