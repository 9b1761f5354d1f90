"""The Sphinx extension `argmap.sphinx`: a directive that draws a map (docs/sites.md).

With `extensions = ["myst_parser", "argmap.sphinx"]` in conf.py, a MyST page draws a
```` ```{argmap} ```` block, and, since the extension adds `arg` to MyST's
`myst_fence_as_directive`, a plain ```` ```arg ```` fence too. In reStructuredText:
`.. argmap::` with the map indented under it. The map is read as a file in the page's
folder, so that its `source` and `use` paths are relative to the page.
"""

from __future__ import annotations

import os
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive

from .fences import html

__all__ = ["ArgmapDirective", "setup"]


class ArgmapDirective(Directive):
    """The map in the directive's content, drawn as inline SVG (HTML builders only)."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        folder = os.path.dirname(env.doc2path(env.docname))
        text = "\n".join(self.content) + "\n"
        return [nodes.raw("", html(text, folder), format="html")]


def _fence_as_directive(app: Any, config: Any) -> None:
    """`arg` among MyST's fences read as directives, when MyST is used."""
    fences = getattr(config, "myst_fence_as_directive", None)
    if fences is not None and "arg" not in fences:
        config.myst_fence_as_directive = [*fences, "arg"]


def setup(app: Any) -> dict[str, Any]:
    """Register the directive as `argmap` and `arg`."""
    from . import __version__

    app.add_directive("argmap", ArgmapDirective)
    app.add_directive("arg", ArgmapDirective)
    app.connect("config-inited", _fence_as_directive)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
