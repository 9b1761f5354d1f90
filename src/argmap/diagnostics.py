"""Findings, and the two formats every command prints them in: text (with colour) and JSON."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from attrs import frozen

from ._tools import json_text, visible
from .model import Position
from .severity import Severity

__all__ = ["Severity", "Finding", "format_text", "format_json", "summary"]


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


def format_json(findings: Iterable[Finding]) -> str:
    """A JSON array of findings, as the diagnostics contract specifies."""
    return json_text([f.to_data() for f in findings]) + "\n"


# ANSI SGR parameters: bold, dim, and each severity's colour (red, yellow, cyan).
_BOLD, _DIM = "1", "2"
_COLOURS = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;36"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{style}m{text}\x1b[0m" if color else text


def format_text(findings: Iterable[Finding], line_of: Callable[[str, int], str | None], *,
                color: bool = False) -> str:
    """`file:line:col: severity: message [rule]`, then the source line with a caret;
    `color` paints the place, the severity and the caret with ANSI escapes. Text from the
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
            out.append("  " + indent + _paint("^", tint, color))
    return "".join(line + "\n" for line in out)


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
