"""Exceptions, one per failure the user can act on."""

from __future__ import annotations

__all__ = ["ArgmapError", "ArgSyntaxError", "InputError"]


class ArgmapError(Exception):
    """Base class of argmap's own errors."""


class ArgSyntaxError(ArgmapError):
    """A `.arg` file that cannot be read as the language: reported as `syntax-error`."""

    def __init__(self, message: str, position):
        super().__init__(message)
        self.message = message
        self.position = position


class InputError(ArgmapError):
    """A path on the command line that cannot be read: exit status 2."""
