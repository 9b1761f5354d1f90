"""The lint engine: find the files, check each one and the maps it uses, collect sorted findings."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from attrs import frozen

from ..diagnostics import Finding
from ..runner import for_each_file
from ..semantics import Resolver
from ..workspace import find_arg_files
from .engine import DEFAULT_SEVERITIES, FileReport, check_file
from .rules import RULES, Rule, find_rule

if TYPE_CHECKING:  # the configuration names the rules: imported when a run starts
    from ..settings import Discovery

__all__ = ["CheckResult", "check_paths", "check_files", "select_files", "RULES", "Rule",
           "find_rule", "DEFAULT_SEVERITIES"]


@frozen
class CheckResult:
    """The findings of one run, the files it checked, and the lines the findings point at."""

    findings: list[Finding]
    #: The files checked: those named (or found in folders named), then the maps that
    #: comparisons among them use.
    files: list[str]
    #: The source line each finding points at, by (file, line).
    lines: dict[tuple[str, int], str]
    #: The files named or found in folders named, which `--fix` may change: not the maps
    #: a comparison uses, checked with it (as ruff fixes only the files it was given).
    named: tuple[str, ...] = ()

    def line(self, path: str, number: int) -> str | None:
        """Line `number` of `path` when a finding points at it, for showing under the finding."""
        return self.lines.get((path, number))


def check_paths(paths: list[str], progress: Callable[[int, int], None] | None = None, *,
                settings: Discovery | None = None, force_exclude: bool = False, jobs: int = 1,
                resolver: Resolver | None = None) -> CheckResult:
    """Check the `.arg` files named and under the folders named, and every map they use.

    Each file is checked with its settings (`settings(path)`; by default found per file,
    as `argmap.settings` says): the rules they turn on, at their severities (with the
    options' `select` and `ignore` over them); their `exclude` leaves out files found in
    folders and maps comparisons use, and files named too when `force_exclude`; their
    reader says which sources and used maps may be read. `progress(done, total)` is called
    after each file. Up to `jobs` worker processes check the files when there are enough
    of them to pay for starting the workers; otherwise they are read through `resolver`
    (whose settings are then the run's), which then holds them for the caller; with a new
    resolver (None), each file is let go once checked, unless a comparison still needs it,
    so that a run over many files does not hold every one."""
    from ..settings import Discovery

    if settings is None:
        settings = resolver.workspace.settings if resolver is not None else Discovery()
    return check_files(select_files(paths, settings.excluded, force_exclude), progress,
                       settings=settings, jobs=jobs, resolver=resolver)


def check_files(files: list[str], progress: Callable[[int, int], None] | None = None, *,
                settings: Discovery, jobs: int = 1, resolver: Resolver | None = None
                ) -> CheckResult:
    """Check the `.arg` files `files` (chosen: none is left out) and every map they use, as
    `check_paths` does."""
    reports = for_each_file(
        files, functools.partial(_check, settings=settings, forget=resolver is None), jobs=jobs,
        resolver=resolver, settings=settings,
        follow=lambda report: [p for p in report.used if not settings.excluded(p)],
        progress=progress)
    findings = sorted({finding for report in reports for finding in report.findings})
    lines = {key: text for report in reports for key, text in report.lines.items()}
    return CheckResult(findings, [report.path for report in reports], lines, tuple(files))


def _check(resolver: Resolver, path: str, *, settings: Discovery, forget: bool) -> FileReport:
    """Check one file with the rules its settings turn on (see `check_paths`)."""
    return check_file(resolver, path, settings(path).severities(path), forget=forget)


def select_files(paths: list[str], excluded: Callable[[str], bool] | None = None,
                 force_exclude: bool = False) -> list[str]:
    """The `.arg` files named and under the folders named, less those `excluded(path)` picks
    among the files found in folders (and among the files named too when `force_exclude`)."""
    skip = excluded or (lambda path: False)
    files: list[str] = []
    for name in paths:
        named = not os.path.isdir(name)
        files += [f for f in find_arg_files([name])
                  if not (skip(f) and (force_exclude or not named))]
    return list(dict.fromkeys(files))
