"""argmap: map the arguments of documents, check them, and compare them.

The Python API (`docs/api.md`): `load` a map or comparison, `check` paths, `draw` a file.
They are imported on first use, so that `import argmap` (and `argmap --version`) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["__version__", "load", "check", "draw"]

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import check, draw, load


def __getattr__(name: str) -> Any:
    if name in ("load", "check", "draw"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
