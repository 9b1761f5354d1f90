"""Small helpers that several parts of argmap share."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable

__all__ = ["closest", "closest_sibling", "write_atomically"]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word`, for a "did you mean" (None when nothing is near).

    >>> closest("mian", ["main", "reason"])
    'main'
    >>> closest("zzz", ["main"]) is None
    True
    """
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def closest_sibling(path: str, suffix: str = "") -> str | None:
    """The name of the file beside `path` (ending in `suffix`) nearest to its name."""
    folder, name = os.path.split(path)
    try:
        names = sorted(n for n in os.listdir(folder or ".") if n != name and n.endswith(suffix))
    except OSError:
        return None
    # Compare what comes before the shared suffix, which would make every name look alike.
    stems = {n[: len(n) - len(suffix)]: n for n in names}
    stem = name[: len(name) - len(suffix)] if name.endswith(suffix) else name
    guess = closest(stem, stems)
    return stems[guess] if guess else None


def write_atomically(path: str, data: bytes) -> None:
    """Write `path` through a temporary file beside it, so a reader never sees half of it;
    `InputError` when it cannot be written."""
    import tempfile

    from .errors import InputError

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
    except OSError as error:
        os.unlink(temporary)
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
