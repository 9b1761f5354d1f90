"""Text to model: the reader for well-formed files, Lark's LALR parser for the rest.

The reader (`reader.py`) builds the model of a well-formed file without importing Lark,
six times as fast; Lark's parser (`lark_parser.py`) parses whatever the reader leaves,
and turns syntax errors into words (`syntax_errors.py`). Both give the same model.
"""

from __future__ import annotations

from .model import ArgFile
from .reader import LeftToLark, read

__all__ = ["parse"]


def parse(text: str, path: str) -> ArgFile:
    """Parse the text of the `.arg` file at `path`; raise `ArgSyntaxError` with words."""
    model = read(text, path)
    if not isinstance(model, LeftToLark):
        return model
    from .lark_parser import parse_with_lark  # imports Lark: only when a file needs it

    return parse_with_lark(text, path, model.well_formed_to)
