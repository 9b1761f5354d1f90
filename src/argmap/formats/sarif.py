"""SARIF 2.1.0, the format GitHub code scanning reads: every rule, and a result per finding."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import PurePath

from .. import __version__
from .._tools import visible
from ..diagnostics import Finding, Severity, end_column
from ..lint.rules import RULES, Rule

__all__ = ["format_sarif", "SARIF_SCHEMA"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# GitHub shows at most this many characters of a rule's short and full descriptions.
_DESCRIPTION_LIMIT = 1024

def format_sarif(findings: Iterable[Finding],
                 line_of: Callable[[str, int], str | None] | None = None) -> str:
    """A SARIF log with one run: argmap's rules and a result per finding. `line_of` gives
    the source lines, from which each result's region takes its end."""
    rules = list(RULES.values())
    index = {rule.name: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "argmap", "version": __version__,
                                "semanticVersion": __version__,
                                "rules": [_descriptor(rule) for rule in rules]}},
            # Columns count characters (code points), as Python and the parser do.
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index[f.rule], line_of) for f in findings],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptor(rule: Rule) -> dict:
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _limit(rule.summary)},
        "fullDescription": {"text": _limit(_prose(doc))},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    }


def _prose(doc: str) -> str:
    """The documentation without its example, paragraphs unwrapped."""
    text = re.sub(r"```.*?```", "", doc, flags=re.DOTALL)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _limit(text: str) -> str:
    return text if len(text) <= _DESCRIPTION_LIMIT else text[: _DESCRIPTION_LIMIT - 1] + "…"


def _result(finding: Finding, rule_index: int,
            line_of: Callable[[str, int], str | None] | None) -> dict:
    where = finding.position
    region = {"startLine": where.line, "startColumn": where.column}
    end = end_column(line_of(where.file, where.line), where.column) if line_of else None
    if end is not None:
        region.update(endLine=where.line, endColumn=end)
    return {
        "ruleId": RULES[finding.rule].code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": visible(finding.message)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(where.file)},
                                            "region": region}}],
    }


def _uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (to the repository root, for
    GitHub), with `/` between folders and unsafe characters percent-encoded."""
    # The bytes of the name are encoded, so a name that is not UTF-8 keeps its bytes.
    uri = urllib.parse.quote(os.fsencode(PurePath(path).as_posix()))
    return "file://" + uri if PurePath(path).is_absolute() else uri
