"""`--watch`: run a command again whenever a file it read changes, with `watchfiles`.

What a run reads: the `.arg` files named and under the folders named, the maps the
comparisons among them use, and the source texts of all those maps. After each run the
set is worked out again (a map may have started to use another source), and one line says
when the run ended, how, and what is watched.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from types import FrameType

from ._tools import visible
from .commands import EXIT_USAGE
from .errors import ArgmapError, Terminated
from .lexicon import EXTENSION
from .lint import select_files
from .model import Comparison, DocumentMap
from .semantics import source_path_of
from .settings import Discovery
from .workspace import Workspace, relative_to

__all__ = ["inputs", "watch"]

# Changes within this many milliseconds make one run (an editor's save writes more than once).
_DEBOUNCE_MS = 300


def inputs(paths: list[str], settings: Discovery | None = None) -> set[str]:
    """The real paths of every file a run on `paths` reads: maps, and the used maps and
    sources their settings let it read (a run reads no others: see `Workspace`)."""
    workspace = Workspace(settings)
    found: set[str] = set()
    pending = select_files(paths, workspace.settings.excluded)
    while pending:
        path = pending.pop()
        if os.path.realpath(path) in found:
            continue
        found.add(os.path.realpath(path))
        try:
            model = workspace.load(path).model
        except OSError:
            continue
        if isinstance(model, Comparison):
            pending += [used for use in model.uses
                        if not workspace.outside(used := relative_to(path, use.path), path)]
        elif isinstance(model, DocumentMap):
            source = source_path_of(model)
            if source is not None and not workspace.outside(source, path):
                found.add(os.path.realpath(source))
    return found


def watch(paths: list[str], run_once: Callable[[], int],
          settings: Discovery | None = None, stop: threading.Event | None = None) -> int:
    """Run, then run again after each change to what the run read, until interrupted (or
    `stop` is set); the exit status of the last run."""
    try:
        import watchfiles  # imported by --watch alone
    except ImportError:
        from ._tools import install_hint

        raise ArgmapError(f"--watch needs watchfiles: {install_hint('watch')}") from None

    status = _run(run_once, 1)
    count = 1
    while stop is None or not stop.is_set():
        watched = _inputs_now(paths, settings)
        folders = _folders(paths, watched)
        _say(f"watching {len(watched)} file{'s' if len(watched) != 1 else ''} for changes "
             "(Ctrl-C stops)")

        for changes in _changes(watchfiles, folders, _relevant(watched, paths), stop):
            changed = sorted({os.path.relpath(path) for _, path in changes})
            _say(f"changed: {', '.join(changed)}")
            count += 1
            status = _run(run_once, count)
            if _inputs_now(paths, settings) != watched:
                break  # watch what the files now refer to
    return status


def _changes(watchfiles, folders: list[str], relevant: Callable[[object, str], bool],
             stop: threading.Event | None) -> Iterator[set]:
    """`watchfiles.watch`, but SIGTERM ends it as SIGTERM: watchfiles turns any exception a
    signal handler raises while it waits into KeyboardInterrupt, which would end the run as
    Ctrl-C does (exit status 130, not 143)."""
    handler = signal.getsignal(signal.SIGTERM)
    if not callable(handler) or threading.current_thread() is not threading.main_thread():
        yield from watchfiles.watch(*folders, watch_filter=relevant, stop_event=stop,
                                    debounce=_DEBOUNCE_MS)
        return
    terminated = threading.Event()

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        terminated.set()
        handler(signum, frame)

    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield from watchfiles.watch(*folders, watch_filter=relevant, stop_event=stop,
                                    debounce=_DEBOUNCE_MS)
    except KeyboardInterrupt:
        if terminated.is_set():
            raise Terminated from None
        raise
    finally:
        signal.signal(signal.SIGTERM, handler)


def _relevant(watched: set[str], paths: list[str]) -> Callable[[object, str], bool]:
    """Whether a change concerns a run: a file it read, or a new `.arg` file it would read."""
    def relevant(_change: object, path: str) -> bool:
        real = os.path.realpath(path)
        return real in watched or (real.endswith(EXTENSION) and _under(real, paths))
    return relevant


def _run(run_once: Callable[[], int], count: int) -> int:
    """One run; a run that ends in a usage or input error (the file is gone for a moment,
    as when an editor saves by renaming) is reported, and the watch goes on."""
    try:
        status = run_once()
    except ArgmapError as error:
        print(f"argmap: error: {visible(str(error))}", file=sys.stderr)
        status = EXIT_USAGE
    sys.stdout.flush()
    _say(f"run {count} ended at {time.strftime('%H:%M:%S')} with exit status {status}")
    return status


def _inputs_now(paths: list[str], settings: Discovery | None) -> set[str]:
    """`inputs`, or none while a file named is missing (renamed away, to come back)."""
    try:
        return inputs(paths, settings)
    except ArgmapError:
        return set()


def _say(message: str) -> None:
    print(visible(f"argmap: --watch: {message}"), file=sys.stderr, flush=True)


def _folders(paths: Iterable[str], files: Iterable[str]) -> list[str]:
    """The folders named, the folders of the files named, and those of the files read."""
    folders = {os.path.realpath(p if os.path.isdir(p) else os.path.dirname(p) or ".")
               for p in paths}
    folders |= {os.path.dirname(f) for f in files if os.path.isdir(os.path.dirname(f))}
    # A folder below another is watched through it.
    return sorted(f for f in folders if not any(f.startswith(o + os.sep) for o in folders))


def _under(real: str, paths: Iterable[str]) -> bool:
    return any(real == os.path.realpath(p) or real.startswith(os.path.realpath(p) + os.sep)
               for p in paths)
