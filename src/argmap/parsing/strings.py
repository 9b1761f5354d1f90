"""The value of a string as written: escapes decoded, triple-quoted blocks dedented."""

from __future__ import annotations

import re

from ..errors import ArgSyntaxError, SyntaxProblem
from ..model import Lines

__all__ = ["string_value"]

_ESCAPES = {'"': '"', "\\": "\\", "n": "\n"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def string_value(raw: str, offset: int, lines: Lines) -> str:
    """The value of the STRING token `raw`, which starts at `offset` of the file `lines`
    gives the lines of; `ArgSyntaxError` at an unknown escape."""
    if "\\" in raw:
        _check_escapes(raw, offset, lines)
    if raw.startswith('"""'):
        body = _dedent_block(raw[3:-3].replace("\r\n", "\n"))
    else:
        body = raw[1:-1]
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], body) if "\\" in body else body


def _check_escapes(raw: str, offset: int, lines: Lines) -> None:
    for match in _ESCAPE.finditer(raw):
        if match.group(1) not in _ESCAPES:
            shown = "\\" + match.group(1) if match.group(1).strip() else "\\ and a line break"
            raise ArgSyntaxError(
                f"unknown escape `{shown}` in a string: write `\\\"` for a quote, `\\\\` for a "
                "backslash, `\\n` for a line break", lines.position(offset + match.start()),
                SyntaxProblem.UNKNOWN_ESCAPE)


def _dedent_block(body: str) -> str:
    """Drop a blank first and last line and the indentation all other lines share."""
    lines = body.split("\n")
    if lines and not lines[0].strip():
        lines.pop(0)
    if lines and not lines[-1].strip():
        lines.pop()
    import textwrap  # only for a triple-quoted block

    return textwrap.dedent("\n".join(lines))
