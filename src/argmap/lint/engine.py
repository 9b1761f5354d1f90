"""Checking one file: run the enabled rules, apply its suppression comments."""

from __future__ import annotations

from typing import Mapping

from attrs import frozen

from ..diagnostics import Finding, Severity
from ..model import DocumentMap
from ..workspace import LoadedFile, Workspace
from .context import ComparisonContext, MapContext
from .rules import RULES
from .suppression import apply_suppressions

__all__ = ["FileReport", "DEFAULT_SEVERITIES", "check_file"]

#: Every rule at its default severity.
DEFAULT_SEVERITIES: Mapping[str, Severity] = {name: rule.severity for name, rule in RULES.items()}


@frozen
class FileReport:
    """What checking one file gives: its findings, the maps it uses (to check in turn), and
    the source lines the findings point at, by (file, line)."""

    path: str
    findings: list[Finding]
    used: list[str]
    lines: dict[tuple[str, int], str]


def check_file(loaded: LoadedFile, workspace: Workspace, maps: dict[str, MapContext],
               severities: Mapping[str, Severity]) -> FileReport:
    """Check one loaded file with the rules `severities` names, at those severities."""
    used: list[str] = []
    if loaded.error is not None:
        findings = _syntax_error(loaded, severities)
    elif isinstance(loaded.model, DocumentMap):
        context = maps.setdefault(loaded.path, MapContext(loaded.model, workspace))
        findings = _run(context, "check_map", severities)
    else:
        context = ComparisonContext(loaded.model, workspace, maps)
        used = [map_file.path for _, map_file in context.used if map_file is not None]
        findings = _run(context, "check_comparison", severities)
    if loaded.model is not None:
        findings = apply_suppressions(findings, loaded.path, loaded.lines, loaded.model, severities)
    lines = {(f.position.file, f.position.line): text for f in findings
             for text in [workspace.line(f.position.file, f.position.line)] if text is not None}
    return FileReport(loaded.path, findings, used, lines)


def _syntax_error(loaded: LoadedFile, severities: Mapping[str, Severity]) -> list[Finding]:
    rule = RULES["syntax-error"]
    if rule.name not in severities:
        return []
    return [Finding(loaded.error.position, rule.name, severities[rule.name],
                    loaded.error.message, rule.code)]


def _run(context, hook: str, severities: Mapping[str, Severity]) -> list[Finding]:
    findings = []
    for name, severity in severities.items():
        rule = RULES[name]
        check = getattr(rule, hook)
        if check is None:
            continue
        for position, message in check(context):
            findings.append(Finding(position, rule.name, severity, message, rule.code))
    return findings
