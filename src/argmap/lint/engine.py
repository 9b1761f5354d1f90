"""Checking one file: run the enabled rules, apply its suppression comments."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from attrs import frozen

from ..collector import collector_paused
from ..diagnostics import Finding, Severity
from ..model import DocumentMap, Position
from ..semantics import ComparisonSemantics, MapSemantics, Resolver
from ..workspace import LoadedFile
from .rules import RULES, Rule
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


def check_file(resolver: Resolver, path: str, severities: Mapping[str, Severity], *,
               forget: bool = False) -> FileReport:
    """Check the file at `path` with the rules `severities` names, at those severities.

    `forget`: let the resolver go of the file once it is checked, with its source and
    semantics, unless a comparison checked before needs it (`Resolver.done_with`); the
    report holds all that the run needs of it."""
    # The model, the source and what the rules build are large and acyclic (see collector).
    with collector_paused():
        loaded = resolver.load_named(path)
        report = _check_loaded(resolver, loaded, severities)
        if forget:  # freed here, with the collector paused: they hold no cycles
            del loaded
            resolver.done_with(path, report.used)
        return report


def _check_loaded(resolver: Resolver, loaded: LoadedFile,
                  severities: Mapping[str, Severity]) -> FileReport:
    used: list[str] = []
    if loaded.model is None:
        findings = _syntax_error(loaded, severities) + _in_part(resolver, loaded, severities)
    else:
        semantics = resolver.of(loaded)
        if isinstance(semantics, MapSemantics):
            findings = _run(severities, lambda rule: rule.check_map, semantics)
        else:
            used = [u.loaded.path for u in semantics.used if u.loaded is not None]
            findings = _run(severities, lambda rule: rule.check_comparison, semantics)
        findings = apply_suppressions(findings, loaded.path, loaded.text, loaded.model,
                                      severities)
    workspace = resolver.workspace
    lines = {(f.position.file, f.position.line): text for f in findings
             for text in [workspace.line(f.position.file, f.position.line)] if text is not None}
    return FileReport(loaded.path, findings, used, lines)


def _syntax_error(loaded: LoadedFile, severities: Mapping[str, Severity]) -> list[Finding]:
    """Every syntax error of the file."""
    rule = RULES["syntax-error"]
    if rule.name not in severities:
        return []
    return [Finding(error.position, rule.name, severities[rule.name], error.message, rule.code)
            for error in loaded.errors]


def _in_part(resolver: Resolver, loaded: LoadedFile,
             severities: Mapping[str, Severity]) -> list[Finding]:
    """What the rules that hold in part (`Rule.partial`) find in the statements of a map
    with syntax errors that parse, when its header is among them; the other rules' findings
    may only follow from the statements set aside (a node that a broken statement
    supported, a reference to a node it defined), and are held back."""
    partial = loaded.partial
    if not isinstance(partial, DocumentMap) or partial.header is None:
        return []
    semantics = MapSemantics.of(partial, resolver.workspace)
    holding = {name: severity for name, severity in severities.items() if RULES[name].partial}
    # Silenced as in a map that parses; no suppression is unused, which the findings held
    # back could have made so.
    return apply_suppressions(_run(holding, lambda rule: rule.check_map, semantics),
                              loaded.path, loaded.text, partial, holding)


Check = Callable[[MapSemantics | ComparisonSemantics], Iterator[tuple[Position, str]]]


def _run(severities: Mapping[str, Severity], hook: Callable[[Rule], Check | None],
         semantics: MapSemantics | ComparisonSemantics) -> list[Finding]:
    findings = []
    for name, severity in severities.items():
        rule = RULES[name]
        check = hook(rule)
        if check is None:
            continue
        findings += [Finding(position, rule.name, severity, message, rule.code)
                     for position, message in check(semantics)]
    return findings
