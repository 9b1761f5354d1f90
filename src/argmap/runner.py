"""One loop over files, run in this process or in worker processes by one switch.

Checking, counting and drawing are each a function of one file, `work(resolver, path)`.
`for_each_file` runs it over the files named and then over the files their results lead to
(the maps a comparison uses), each file once, in a stable order; the same function runs in
this process or, when there are enough files to pay for starting them, in worker
processes, each of which keeps one `Resolver` for all the files it is given.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import ArgmapError
from .semantics import Resolver
from .workspace import Workspace

if TYPE_CHECKING:  # the settings read the configuration, which names the rules
    from .settings import Discovery

__all__ = ["MIN_FILES", "for_each_file", "default_jobs"]

T = TypeVar("T")

#: Fewer files than this are handled in this process. Measured on a 2-core machine, a
#: fresh `argmap` process checking copies of maps/fpri.arg (158 lines): about 7 ms a file
#: in one process, while starting two workers (each building its parser and reading the
#: source) costs about 100 ms; two workers break even near 30 files, and check 64 files in
#: 0.36 s instead of 0.51 s, 128 in 0.55 s instead of 0.91 s.
MIN_FILES = 32

# What a worker keeps for all the files it is given, set when it starts.
_worker: dict[str, object] = {}
#: A worker runs without the cyclic collector, which would walk every object alive at each
#: pass; the files' models hold no cycles and are freed as they are let go. A collection
#: every this many files frees what cycles there are (an error's traceback).
COLLECT_EVERY = 200


def default_jobs() -> int:
    """The number of worker processes when `--jobs` is not given: the CPU count."""
    return os.cpu_count() or 1


def for_each_file(paths: list[str], work: Callable[[Resolver, str], T], *, jobs: int = 1,
                  resolver: Resolver | None = None, settings: Discovery | None = None,
                  follow: Callable[[T], Iterable[str]] | None = None,
                  progress: Callable[[int, int], None] | None = None) -> list[T]:
    """`work(resolver, path)` for each of `paths`, then for each path `follow(result)` names,
    every file once (by its real path), results in that order.

    Up to `jobs` worker processes do the work when there are at least `MIN_FILES` paths;
    `work` must then be picklable (a module-level function, or a `functools.partial` of one).
    Otherwise it runs here with `resolver` (a new one when None). A new resolver, here or in
    a worker, reads through each file's `settings` (see `Workspace`).
    `progress(done, total)` is called here after each file."""
    if jobs > 1 and len(paths) >= MIN_FILES:
        import multiprocessing  # only when workers run
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        chunk = max(1, len(paths) // (4 * jobs))
        try:
            with ProcessPoolExecutor(min(jobs, len(paths)), initializer=_start_worker,
                                     initargs=(work, settings)) as workers:
                try:
                    return _loop(paths, lambda batch: workers.map(_work_in_worker, batch,
                                                                  chunksize=chunk),
                                 follow, progress)
                except BaseException:  # interrupted, or a file failed: stop every worker now
                    workers.shutdown(wait=False, cancel_futures=True)
                    for child in multiprocessing.active_children():
                        child.terminate()
                    raise
        except BrokenProcessPool:
            raise ArgmapError("a worker process died (killed for lack of memory?); try "
                              "`--jobs 1`") from None
    here = resolver if resolver is not None else Resolver(Workspace(settings))
    return _loop(paths, lambda batch: (work(here, path) for path in batch), follow, progress)


def _loop(paths: list[str], run: Callable[[list[str]], Iterator[T]],
          follow: Callable[[T], Iterable[str]] | None,
          progress: Callable[[int, int], None] | None) -> list[T]:
    results: list[T] = []
    seen: set[str] = set()
    batch = paths
    while batch:
        fresh = []
        for path in batch:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                fresh.append(path)
        total = len(results) + len(fresh)
        batch = []
        for result in run(fresh):  # in the order of `fresh`, whichever worker is first
            results.append(result)
            if follow is not None:
                batch += follow(result)
            if progress is not None:
                progress(len(results), total)
    return results


def _start_worker(work: Callable[[Resolver, str], object], settings: Discovery | None) -> None:
    # Ctrl-C is for the main process to handle, and SIGTERM, which the main process sends to
    # stop the workers, ends one at once: a worker that kept the main process's handlers
    # (which raise) would print a traceback, and the run's output would no longer be the
    # one line that says why it ended.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker.update(work=work, resolver=Resolver(Workspace(settings)), done=0)
    # What the worker has imported lives as long as it does: out of the collector's sight.
    gc.freeze()
    gc.disable()


def _work_in_worker(path: str) -> Any:
    work = _worker["work"]
    assert callable(work)
    result = work(_worker["resolver"], path)
    done = _worker["done"] = int(_worker["done"]) + 1  # type: ignore[call-overload]
    if done % COLLECT_EVERY == 0:
        gc.collect()
    return result
