"""The files `render` and `report` write: where each goes, and writing it whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable

from .errors import InputError

__all__ = ["output_path", "refuse_clashes", "make_folder", "write_atomically"]


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
                   inputs: Iterable[str] = ()) -> None:
    """Two inputs whose outputs would be one file, or an output that is one of the run's
    `inputs` (real paths of the maps and sources it read), are a usage problem, caught
    before anything is written; `done` and `command` word the message (`drawn`, `render`)."""
    read = set(inputs)
    for path, output in outputs.items():
        if os.path.realpath(output) in read:
            raise InputError(f"{path} would be {done} to {output}, which is one of the files "
                             f"{command} reads; {command} it into another folder")
    first: dict[str, str] = {}
    for path, output in outputs.items():
        other = first.setdefault(os.path.normcase(os.path.abspath(output)), path)
        if other != path:
            raise InputError(f"{other} and {path} would both be {done} to {output}; "
                             f"{command} them into different folders")


def make_folder(folder: str) -> None:
    """Make `folder` and its parents if needed."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise InputError(f"cannot create {folder}: {error.strerror or error}") from None


def write_atomically(path: str, data: bytes) -> None:
    """Write `path` through a temporary file beside it, so a reader never sees half of it."""
    folder, name = os.path.split(path)
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.",
                                                 suffix=".tmp")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        # mkstemp makes the file private; give it the permissions a new file gets.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException as error:  # interrupted too: no temporary file is left behind
        os.unlink(temporary)
        if isinstance(error, OSError):
            raise InputError(f"cannot write {path}: {error.strerror or error}") from None
        raise
