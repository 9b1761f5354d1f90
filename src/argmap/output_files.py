"""The files argmap writes: where each goes, that none is one of the run's inputs, and
writing each whole or not at all."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable

from .errors import InputError

__all__ = ["STANDARD_OUTPUT", "output_path", "refuse_clashes", "refuse_existing", "make_folder",
           "write_atomically", "write_standard_output"]

#: The output `-o` names to mean standard output, as the path `-` means standard input to
#: `check` and `fmt`: for a run that writes one file.
STANDARD_OUTPUT = "-"


def output_path(path: str, output_dir: str | None, extension: str) -> str:
    """Where the output of the input `path` goes: `NAME.EXTENSION` beside it, or in `output_dir`.

    >>> output_path("maps/fpri.arg", None, "svg")
    'maps/fpri.svg'
    >>> output_path("maps/fpri.arg", "out", "html")
    'out/fpri.html'
    """
    stem = os.path.splitext(os.path.basename(path))[0]
    return os.path.join(output_dir or os.path.dirname(path), f"{stem}.{extension}")


def refuse_clashes(outputs: dict[str, str], done: str, command: str,
                   inputs: Iterable[str] = (), instead: str = "") -> None:
    """Two inputs whose outputs would be one file, or an output that is one of the run's
    `inputs` (real paths of the maps and sources it read), are a usage problem, caught
    before anything is written; `done` and `command` word the message (`drawn`, `render`),
    and `instead` what to do (by default, `COMMAND it into another folder`)."""
    read = set(inputs)
    for path, output in outputs.items():
        if os.path.realpath(output) in read:
            raise InputError(f"{path} would be {done} to {output}, which is one of the files "
                             f"{command} reads; {instead or f'{command} it into another folder'}")
    first: dict[str, str] = {}
    for path, output in outputs.items():
        other = first.setdefault(os.path.normcase(os.path.abspath(output)), path)
        if other != path:
            raise InputError(f"{other} and {path} would both be {done} to {output}; "
                             f"{command} them into different folders")


def refuse_existing(output: str, force: bool, instead: str) -> None:
    """A new file's `output` that exists is a usage problem (`instead` says what to do)
    unless `force`: a link too, even one to nothing, which a write would follow to make its
    target. With `force`, a link to a file outside the project folder of `output` still is:
    argmap writes no file out of the project through a link (unless the configuration's
    `allow-outside-project` says it may)."""
    if not os.path.lexists(output):
        return
    link = os.path.islink(output)
    target = f" (a link to {os.readlink(output)})" if link else ""
    if not force:
        raise InputError(f"{output} exists{target}; {instead}")
    if link:
        from .settings import Discovery

        settings = Discovery()(output)
        if settings.reader.refusal(output) is not None:
            raise InputError(f"{output} is a link to {os.path.realpath(output)}, outside the "
                             f"project folder {settings.project}; remove the link, or write "
                             "to another file")


def make_folder(folder: str) -> None:
    """Make `folder` and its parents if needed."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create {folder}: {error.strerror or error}") from None


def write_standard_output(data: bytes) -> None:
    """Write `data`, a whole file, to standard output (`-o -`)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def write_atomically(path: str, data: bytes) -> None:
    """Write `data` to `path` whole or not at all: into a temporary file beside it, flushed
    to the disk, then renamed over it, so that a reader, a crash, a signal or a full disk
    finds the old file or the new one, never a part. The file keeps its permissions (a new
    one gets those the umask gives); a file written through a link is the link's target.
    A file that cannot be written is an `InputError` in words, and no temporary file is
    left behind, whatever stopped the write.

    Every file argmap writes goes through here (a test keeps it so)."""
    target = os.path.realpath(path) if os.path.islink(path) else path
    mode = _mode_to_keep(path, target)
    folder, name = os.path.split(target)
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.",
                                                 suffix=".tmp")
    except OSError as error:
        raise InputError(_cannot_write(path, error)) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view[:_CHUNK]):]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as error:  # interrupted or terminated too
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise InputError(_cannot_write(path, error)) from None
        raise
    _sync_folder(folder or ".")


def _sync_folder(folder: str) -> None:
    """Flush the folder's entries to the disk, so that the rename outlasts a power cut; where
    a folder cannot be opened for that (not POSIX), the rename is as safe as it gets."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# Written a megabyte at a time: a full disk stops the write at the first that fails.
_CHUNK = 1 << 20


def _mode_to_keep(path: str, target: str) -> int:
    """The permissions of the file at `target`, which a rewrite keeps; those a new file gets
    when there is none. A read-only file is refused: renaming over it would succeed, and
    its being read-only says it is not to be changed."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    except OSError as error:
        raise InputError(_cannot_write(path, error)) from None
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(f"cannot write {path}: it is read-only")
    return mode


def _cannot_write(path: str, error: OSError) -> str:
    return f"cannot write {path}: {error.strerror or error}"
