"""A map or comparison drawn in an output format: the one way `render`, the Python API and
any page that shows a drawing turn semantics into DOT, SVG, PNG or PDF."""

from __future__ import annotations

import re

from attrs import frozen

from ..semantics import ComparisonSemantics, MapSemantics
from .dot import Drawing, draw_comparison, draw_map
from .layout import Engine, lay_out
from .scene import Options, Scene
from .svg import finish

__all__ = ["drawing_of", "draw", "Rendered"]


def drawing_of(semantics: MapSemantics | ComparisonSemantics,
               options: Options = Options()) -> Drawing:  # noqa: B008 (frozen)
    """The drawing of a map or a comparison, drawn as `options` say."""
    if isinstance(semantics, ComparisonSemantics):
        return draw_comparison(semantics, options)
    return draw_map(semantics, options)


@frozen
class Rendered:
    """A drawing in an output format (`data`), what the engine said on its standard error
    (`noise`), and the drawing's scene, which says what each element of it is."""

    data: bytes
    noise: str
    scene: Scene


def draw(semantics: MapSemantics | ComparisonSemantics, output_format: str,
         engine: Engine | None, options: Options = Options(),  # noqa: B008 (frozen)
         what: str = "the drawing") -> Rendered:
    """The drawing in `output_format` (`dot`: the DOT source, laid out by nothing; else laid
    out by `engine` within `options.time_limit`)."""
    drawing = drawing_of(semantics, options)
    if output_format == "dot" or engine is None:
        return Rendered(drawing.source.encode("utf-8"), "", drawing.scene)
    data, noise = lay_out(drawing.source, output_format, engine, options.time_limit, what)
    if output_format == "svg":
        data = finish(data.decode("utf-8"), drawing.scene).encode("utf-8")
    elif output_format == "pdf":
        data = _CREATED.sub(_EPOCH, data)
    return Rendered(data, noise, drawing.scene)


# Cairo writes the time of the run into a PDF: the same drawing would differ from run to run.
# It is set to the epoch, in as many bytes, so that the file's table of offsets still holds.
_CREATED = re.compile(rb"/CreationDate \(D:\d{14}Z\)")
_EPOCH = b"/CreationDate (D:19700101000000Z)"
