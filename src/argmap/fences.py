"""Maps written in Markdown, drawn where the page is built (docs/sites.md).

A fenced block whose language is `arg` holds a map (or a comparison) and becomes its
drawing, inline SVG in `<div class="argmap">`:

- Python-Markdown: the extension `argmap` (`argmap.markdown_extension`), registered under
  the `markdown.extensions` entry points;
- pymdown-extensions' SuperFences: `fence_format` as the format of a custom fence named
  `arg`;
- Sphinx with MyST: the directive of `argmap.sphinx`.

The block is read as a file in `base_dir` would be (default: the folder the site is built
from; Sphinx: the page's folder), so that its `source` and `use` paths are relative to
that folder. A block that is not the language shows its error, in place of the drawing.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from .workspace import Workspace

__all__ = ["FENCE_FILE", "drawing", "html", "fence_format"]

_LOG = logging.getLogger("argmap")
#: The name the block is read under, in `base_dir`: what its messages call it.
FENCE_FILE = "arg-fence.arg"


class _Fence(Workspace):
    """A workspace in which the file at `path` holds `text`, whatever is on disk."""

    def __init__(self, path: str, text: str) -> None:
        super().__init__()
        self.path = os.path.realpath(path)
        self.text = text

    def read_bytes(self, path: str) -> bytes:
        if os.path.realpath(path) == self.path:
            return self.text.encode("utf-8")
        return super().read_bytes(path)


def drawing(text: str, base_dir: str = ".") -> str:
    """The `<svg>` element of the drawing of the map (or comparison) `text`, read as a file
    in `base_dir`, no wider than the column it is in; `ArgmapError` (its message says what
    and where) when it cannot be."""
    from .render.layout import find_engine
    from .render.output import draw
    from .semantics import Resolver

    path = os.path.join(base_dir, FENCE_FILE)
    resolver = Resolver(_Fence(path, text))
    loaded = resolver.load_named(path)
    if loaded.error is not None:
        raise loaded.error
    svg = draw(resolver.of(loaded), "svg", find_engine("auto"), what=path).data.decode("utf-8")
    # No wider than the page's column, its height kept in proportion (by its viewBox).
    return '<svg style="max-width: 100%; height: auto"' + svg[svg.index("<svg") + 4:]


def html(text: str, base_dir: str = ".", css_class: str = "argmap") -> str:
    """The drawing in a `<div>`, or the error that stopped it, escaped, in a `<pre>`."""
    from .errors import ArgmapError, ArgSyntaxError
    from .render.escape import xml_text

    try:
        return f'<div class="{xml_text(css_class)}">{drawing(text, base_dir)}</div>'
    except ArgmapError as error:
        where = ""
        if isinstance(error, ArgSyntaxError):
            where = f"line {error.position.line}, column {error.position.column}: "
        message = f"argmap: the map was not drawn: {where}{error}"
        _LOG.warning("%s", message)
        return f'<pre class="argmap-error">{xml_text(message)}</pre>'


def fence_format(source: str, language: str, css_class: str, options: dict[str, Any],
                 md: Any, **kwargs: Any) -> str:
    """The format of a SuperFences custom fence (`pymdownx.superfences`' `custom_fences`):
    the map's drawing, its `source` paths read from the current folder."""
    return html(source, ".", css_class or "argmap")
