"""Checking files in worker processes, when there are enough files to pay for starting them."""

from __future__ import annotations

import os
import signal
from typing import Callable, Mapping

from ..diagnostics import Severity
from ..errors import InputError
from ..workspace import Workspace
from .engine import FileReport, check_file

__all__ = ["MIN_FILES", "check_in_workers"]

#: Fewer files than this are checked in the main process. Measured on a 2-core machine, a
#: fresh `argmap` process checking copies of maps/fpri.arg (158 lines): about 7 ms a file
#: in one process, while starting two workers (each building its parser and reading the
#: source) costs about 100 ms; two workers break even near 30 files, and check 64 files in
#: 0.36 s instead of 0.51 s, 128 in 0.55 s instead of 0.91 s.
MIN_FILES = 32

# What a worker keeps for all the files it checks, set when it starts: one workspace and
# one set of map contexts, as the main process has when it checks the files alone.
_worker: dict = {}


def _start_worker(severities: Mapping[str, Severity]) -> None:
    # Ctrl-C is for the main process to handle: a worker must not print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(workspace=Workspace(), maps={}, severities=severities)


def _check(path: str) -> FileReport:
    workspace = _worker["workspace"]
    try:
        loaded = workspace.load(path)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    return check_file(loaded, workspace, _worker["maps"], _worker["severities"])


def check_in_workers(files: list[str], severities: Mapping[str, Severity],
                     skip: Callable[[str], bool], progress: Callable[[int, int], None] | None,
                     jobs: int) -> list[FileReport]:
    """The reports of `files`, then of the maps they use, in that order (as if checked one
    by one); `progress` is called in this process, as each report comes back."""
    import multiprocessing  # only when workers run: it drags in socket and pickle

    reports: list[FileReport] = []
    seen: set[str] = set()
    batch = files
    with multiprocessing.Pool(min(jobs, len(files)), _start_worker, (severities,)) as workers:
        while batch:
            fresh = []
            for path in batch:
                key = os.path.realpath(path)
                if key not in seen:
                    seen.add(key)
                    fresh.append(path)
            total = len(reports) + len(fresh)
            batch = []
            # imap gives the reports back in the order of `fresh`, whichever worker is first.
            chunk = max(1, len(fresh) // (4 * jobs))
            for report in workers.imap(_check, fresh, chunksize=chunk):
                reports.append(report)
                batch += [path for path in report.used if not skip(path)]
                if progress is not None:
                    progress(len(reports), total)
    return reports
