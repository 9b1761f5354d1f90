"""Inline suppression: `# argmap: ignore[RULE, ...]` at the end of a statement's first line.

A statement is a node or a `document` header of a map, or the `compare` header or a cross
relation of a comparison; it runs from its first token to the next statement. A comment
`# argmap: ignore` (every rule) or `# argmap: ignore[RULE, ...]` (rule names or codes) at
the end of its first line silences those rules' findings anywhere in it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping

from attrs import frozen

from .._tools import closest, line_starts
from ..diagnostics import Finding, Severity
from ..lexicon import COMPARE, DOCUMENT, TERMINALS
from ..model import ArgFile, DocumentMap, Position
from .rules import RULES, find_rule

__all__ = ["apply_suppressions", "DIRECTIVE"]

_RULE = RULES["unused-suppression"]

# Where a `#` can stand without opening a comment: in a string, lexed as the language lexes
# it. Outside strings, `#` followed by white space or the end of the line opens a comment;
# `#word` is a tag.
# Compiled (by `re`, once) only for a file that names argmap in a comment or string.
_STRING_OR_COMMENT = f"{TERMINALS['STRING']}|{TERMINALS['COMMENT']}"
_MARKER = re.compile(r"#\s*argmap\s*:")
#: `# argmap: ignore`, or with `[names]`; another comment may follow (`# argmap: ignore  # why`).
DIRECTIVE = re.compile(r"#\s*argmap:\s*ignore(?:\s*\[(?P<names>[^\]]*)\])?\s*(?P<rest>#.*)?")
_NAME = re.compile(r"[^,\s][^,]*")


@frozen
class _Directive:
    """One `# argmap:` comment: at `position`, naming `names` (None for every rule)."""

    position: Position
    names: tuple[tuple[str, Position], ...] | None
    readable: bool


@frozen(order=True)
class _Statement:
    position: Position
    what: str


def apply_suppressions(findings: list[Finding], path: str, text: str | None,
                       model: ArgFile, severities: Mapping[str, Severity]) -> list[Finding]:
    """The findings of one file, whose text is `text` (None when it is not text), that the
    file's comments do not silence, and, when `unused-suppression` runs, the findings of
    the comments that silence nothing."""
    directives = {d.position.line: d for d in _directives(path, text)}
    if not directives:
        return findings
    statements = sorted(_statements(model))
    starts = [s.position for s in statements]
    first_lines = {s.position.line for s in statements}
    silenced: dict[int, set[str]] = {line: set() for line in directives}
    kept = []
    for finding in findings:
        at = bisect.bisect_right(starts, finding.position) - 1
        line = statements[at].position.line if at >= 0 else 0
        directive = directives.get(line)
        if directive is not None and directive.readable and finding.position.file == path and (
                directive.names is None or finding.rule in _rules_named(directive.names)):
            silenced[line].add(finding.rule)
        else:
            kept.append(finding)
    severity = severities.get(_RULE.name)
    if severity is not None:
        starting: dict[int, list[str]] = {}
        for statement in statements:
            starting.setdefault(statement.position.line, []).append(statement.what)
        for line, directive in directives.items():
            what = ", ".join(starting.get(line, ()))
            for position, message in _unused(directive, line in first_lines, silenced[line],
                                              what, severities):
                kept.append(Finding(position, _RULE.name, severity, message, _RULE.code))
    return kept


def _rules_named(names: tuple[tuple[str, Position], ...]) -> set[str]:
    return {rule.name for rule in (find_rule(name) for name, _ in names) if rule}


def _unused(directive: _Directive, placed: bool, silenced: set[str], what: str,
            severities: Mapping[str, Severity]) -> Iterator[tuple[Position, str]]:
    if not directive.readable:
        yield directive.position, ("cannot read this `# argmap:` comment: write "
                                   "`# argmap: ignore` or `# argmap: ignore[RULE, ...]`")
    elif not placed:
        yield directive.position, ("this `# argmap: ignore` silences nothing: put it at the "
                                   "end of the first line of a node or header")
    elif directive.names is None:
        if not silenced:
            yield directive.position, f"`# argmap: ignore` silences nothing: no finding on {what}"
    else:
        for name, position in directive.names:
            rule = find_rule(name)
            if rule is None:
                guess = closest(name, list(RULES))
                hint = f"; did you mean `{guess}`?" if guess else ""
                yield position, f"no rule is called `{name}`{hint}"
            elif rule is _RULE:
                yield position, ("`unused-suppression` cannot be silenced inline; turn it off "
                                 "in the configuration")
            elif rule.name in severities and rule.name not in silenced:
                shown = f"`{name}`" + (f" ({rule.name})" if name != rule.name else "")
                yield position, f"nothing to silence: {shown} reports nothing on {what}"


def _statements(model: ArgFile) -> Iterator[_Statement]:
    if isinstance(model, DocumentMap):
        for header in model.headers:
            yield _Statement(header.position, f"the `{DOCUMENT}` header")
        for node in model.nodes:
            yield _Statement(node.position, f"{node.kind.value} `{node.id}`")
    else:
        yield _Statement(model.position, f"the `{COMPARE}` header")
        for relation in model.relations:
            yield _Statement(relation.position, f"`{relation.source} {relation.kind.value} "
                                                f"{relation.target}`")


def _directives(path: str, text: str | None) -> Iterator[_Directive]:
    """The comments of a file that begin `# argmap:`, read."""
    if text is None or "argmap" not in text:
        return
    starts = line_starts(text)
    for token in re.finditer(_STRING_OR_COMMENT, text):
        comment = token.group()
        if not _MARKER.match(comment):
            continue
        row = bisect.bisect_right(starts, token.start()) - 1
        column = token.start() - starts[row] + 1
        position = Position(path, row + 1, column)
        read = DIRECTIVE.fullmatch(comment.rstrip())
        if read is None:
            yield _Directive(position, None, False)
        elif read["names"] is None:
            yield _Directive(position, None, True)
        else:
            names = tuple((name.group().strip(),
                           Position(path, row + 1, column + read.start("names") + name.start()))
                          for name in _NAME.finditer(read["names"]))
            yield _Directive(position, names, bool(names))
