"""The lint engine: find the files, check each one and the maps it uses, collect sorted findings."""

from __future__ import annotations

import os
from collections import deque
from typing import Callable, Iterable, Mapping

from attrs import frozen

from ..diagnostics import Finding, Severity
from ..collector import collector_paused
from ..errors import InputError
from ..workspace import Workspace, find_arg_files
from . import pool
from .context import MapContext
from .engine import DEFAULT_SEVERITIES, FileReport, check_file
from .rules import RULES, Rule, find_rule

__all__ = ["CheckResult", "check_paths", "select_files", "RULES", "Rule", "find_rule", "DEFAULT_SEVERITIES"]


@frozen
class CheckResult:
    """The findings of one run, the files it checked, and the workspace that read them.

    When worker processes did the checking, they read the files: `workspace` is then None
    and `maps` empty. `line` works either way."""

    findings: list[Finding]
    files: list[str]
    workspace: Workspace | None
    #: The context of every document map read, by path: where each quote was found.
    maps: dict[str, MapContext]
    #: The source line each finding points at, by (file, line).
    lines: dict[tuple[str, int], str]

    def line(self, path: str, number: int) -> str | None:
        """Line `number` of `path` when a finding points at it, for showing under the finding."""
        return self.lines.get((path, number))


def check_paths(paths: list[str], progress: Callable[[int, int], None] | None = None, *,
                severities: Mapping[str, Severity] | None = None,
                excluded: Callable[[str], bool] | None = None, force_exclude: bool = False,
                jobs: int = 1) -> CheckResult:
    """Check the `.arg` files named and under the folders named, and every map they use.

    `progress(done, total)` is called after each file. `severities` maps the rules to run to
    their severity (default: every rule, at its own). `excluded(path)` picks files to leave
    out among those found in folders and the maps comparisons use, and among the files
    named too when `force_exclude`. Up to `jobs` worker processes check the files when there
    are enough of them to pay for starting the workers."""
    severities = DEFAULT_SEVERITIES if severities is None else severities
    skip = excluded or (lambda path: False)
    files = select_files(paths, skip, force_exclude)
    if jobs > 1 and len(files) >= pool.MIN_FILES:
        reports = pool.check_in_workers(files, severities, skip, progress, jobs)
        return _result(reports, None, {})
    return _check_here(files, severities, skip, progress)


def select_files(paths: list[str], excluded: Callable[[str], bool] | None = None,
                 force_exclude: bool = False) -> list[str]:
    """The `.arg` files named and under the folders named, less those `excluded(path)` picks
    among the files found in folders (and among the files named too when `force_exclude`)."""
    skip = excluded or (lambda path: False)
    files: list[str] = []
    for name in paths:
        named = not os.path.isdir(name)
        files += [f for f in find_arg_files([name]) if not (skip(f) and (force_exclude or not named))]
    return list(dict.fromkeys(files))


def _check_here(files: list[str], severities: Mapping[str, Severity],
                skip: Callable[[str], bool],
                progress: Callable[[int, int], None] | None) -> CheckResult:
    workspace = Workspace()
    maps: dict[str, MapContext] = {}
    queue = deque()
    for path in files:
        try:
            queue.append(workspace.load(path))
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    reports: list[FileReport] = []
    seen: set[int] = set()
    while queue:
        loaded = queue.popleft()
        if id(loaded) in seen:
            continue
        seen.add(id(loaded))
        with collector_paused():  # the rules build large acyclic structures (see collector)
            report = check_file(loaded, workspace, maps, severities)
        reports.append(report)
        queue += [workspace.load(path) for path in report.used if not skip(path)]
        if progress is not None:
            progress(len(reports), len(reports) + len(queue))
    return _result(reports, workspace, maps)


def _result(reports: Iterable[FileReport], workspace: Workspace | None,
            maps: dict[str, MapContext]) -> CheckResult:
    reports = list(reports)
    findings = sorted({finding for report in reports for finding in report.findings})
    lines = {key: text for report in reports for key, text in report.lines.items()}
    return CheckResult(findings, [r.path for r in reports], workspace, maps, lines)
