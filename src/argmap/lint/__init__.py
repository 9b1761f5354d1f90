"""The lint engine: load files, run every rule on each, collect sorted findings."""

from __future__ import annotations

from typing import Callable

from attrs import frozen

from ..diagnostics import Finding
from ..errors import InputError
from ..model import DocumentMap
from ..workspace import LoadedFile, Workspace, find_arg_files
from .context import ComparisonContext, MapContext
from .rules import RULES, Rule

__all__ = ["CheckResult", "check_paths", "RULES", "Rule"]


@frozen
class CheckResult:
    """The findings of one run, the files it checked, and the workspace that read them."""

    findings: list[Finding]
    files: list[str]
    workspace: Workspace
    #: The context of every document map read, by path: where each quote was found.
    maps: dict[str, MapContext]


def check_paths(paths: list[str], progress: Callable[[int, int], None] | None = None) -> CheckResult:
    """Check the `.arg` files named and under the folders named, and every map they use;
    `progress(done, total)` is called after each file."""
    workspace = Workspace()
    maps: dict[str, MapContext] = {}
    queue = []
    for path in find_arg_files(paths):
        try:
            queue.append(workspace.load(path))
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    findings: list[Finding] = []
    checked: list[str] = []
    seen: set[int] = set()
    while queue:
        loaded = queue.pop(0)
        if id(loaded) in seen:
            continue
        seen.add(id(loaded))
        checked.append(loaded.path)
        findings += _check_file(loaded, workspace, maps, queue)
        if progress is not None:
            progress(len(checked), len(checked) + len(queue))
    return CheckResult(sorted(set(findings)), checked, workspace, maps)


def _check_file(loaded: LoadedFile, workspace: Workspace, maps: dict[str, MapContext],
                queue: list[LoadedFile]) -> list[Finding]:
    if loaded.error is not None:
        rule = RULES["syntax-error"]
        return [Finding(loaded.error.position, rule.name, rule.severity, loaded.error.message)]
    if isinstance(loaded.model, DocumentMap):
        context = maps.setdefault(loaded.path, MapContext(loaded.model, workspace))
        return _run(context, "check_map")
    context = ComparisonContext(loaded.model, workspace, maps)
    queue += [used for _, used in context.used if used is not None]
    return _run(context, "check_comparison")


def _run(context, hook: str) -> list[Finding]:
    findings = []
    for rule in RULES.values():
        check = getattr(rule, hook)
        if check is None:
            continue
        for position, message in check(context):
            findings.append(Finding(position, rule.name, rule.severity, message))
    return findings
