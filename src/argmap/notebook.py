"""What `argmap.load` returns, shown as its drawing in Jupyter and IPython (docs/api.md).

IPython shows an object by the richest of its `_repr_*_` methods it can display; a map or
comparison gives the SVG `argmap render` would draw, as the graphviz package's graphs do.
"""

from __future__ import annotations

__all__ = ["Drawable"]


class Drawable:
    """A map or comparison that Jupyter shows as its drawing."""

    def _repr_svg_(self) -> str:
        """The drawing as SVG, laid out by Graphviz (`dot` on PATH, else the bundled one)."""
        from .render.layout import find_engine
        from .render.output import draw

        drawn = draw(self, "svg", find_engine("auto"), what="the drawing")  # type: ignore[arg-type]
        return drawn.data.decode("utf-8")
