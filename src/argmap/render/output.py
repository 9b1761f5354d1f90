"""A map or comparison drawn in an output format: the one way `render`, the Python API and
any page that shows a drawing turn semantics into DOT, SVG, PNG or PDF."""

from __future__ import annotations

import re

from ..semantics import ComparisonSemantics, MapSemantics
from . import TIME_LIMIT
from .centre import centre_text
from .dot import Drawing, draw_comparison, draw_map
from .layout import Engine, lay_out
from .titles import set_titles

__all__ = ["drawing_of", "draw"]


def drawing_of(semantics: MapSemantics | ComparisonSemantics, claims_only: bool = False,
               full: bool = False, evaluated: bool = False, keyed: bool = True) -> Drawing:
    """The DOT drawing of a map or a comparison (`full`: a comparison's every reason and
    quote, not only the claims its relations link; `evaluated`: the nodes that do not stand
    marked; `keyed`: a comparison's overview with the key of its numbered relations)."""
    if isinstance(semantics, ComparisonSemantics):
        return draw_comparison(semantics, claims_only, full, evaluated, keyed)
    return draw_map(semantics, claims_only, evaluated)


def draw(semantics: MapSemantics | ComparisonSemantics, output_format: str,
         engine: Engine | None, *, claims_only: bool = False, full: bool = False,
         evaluated: bool = False, keyed: bool = True, time_limit: float = TIME_LIMIT,
         what: str = "the drawing") -> tuple[bytes, str]:
    """The drawing in `output_format` (`dot`: the DOT source, laid out by nothing; else laid
    out by `engine`), and what the engine said on its standard error."""
    drawing = drawing_of(semantics, claims_only, full, evaluated, keyed)
    if output_format == "dot" or engine is None:
        return drawing.source.encode("utf-8"), ""
    data, noise = lay_out(drawing, output_format, engine, time_limit, what)
    if output_format == "svg":
        data = centre_text(set_titles(data.decode("utf-8"), drawing.titles)).encode("utf-8")
    elif output_format == "pdf":
        data = _CREATED.sub(_EPOCH, data)
    return data, noise


# Cairo writes the time of the run into a PDF: the same drawing would differ from run to run.
# It is set to the epoch, in as many bytes, so that the file's table of offsets still holds.
_CREATED = re.compile(rb"/CreationDate \(D:\d{14}Z\)")
_EPOCH = b"/CreationDate (D:19700101000000Z)"
