"""The Python-Markdown extension `argmap`: each fenced block whose language is `arg` becomes
the drawing of the map it holds (`argmap.fences`, docs/sites.md).

`markdown.markdown(text, extensions=["argmap"])`, or in MkDocs `markdown_extensions:
[argmap]`; the option `base_dir` is the folder a fenced map's `source` and `use` paths
are relative to (default: the current folder, where MkDocs builds from).
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .fences import html

__all__ = ["ArgmapExtension", "FencePreprocessor", "makeExtension"]

# A fence of three or more backticks or tildes whose language is `arg` (`arg`, `{arg}`,
# `.arg`), up to the same fence, as Python-Markdown's fenced_code reads fences.
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?arg\}?[ \t]*\n"
                    r"(?P<code>.*?)(?<=\n)(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)


class FencePreprocessor(Preprocessor):
    """Each `arg` fence replaced by its drawing, kept as raw HTML."""

    def __init__(self, md: Markdown, base_dir: str) -> None:
        super().__init__(md)
        self.base_dir = base_dir

    def run(self, lines: list[str]) -> list[str]:
        def replace(match: re.Match) -> str:
            return self.md.htmlStash.store(html(match["code"], self.base_dir))

        return _FENCE.sub(replace, "\n".join(lines)).split("\n")


class ArgmapExtension(Extension):
    """Draws `arg` fences."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"base_dir": [".", "the folder that `source` and `use` paths in a "
                                         "fenced map are relative to"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After white space is normalised (30), which drops the characters the stash's
        # placeholders are marked with; ahead of fenced_code and SuperFences (25), which
        # take every fence, so that an `arg` fence is drawn whichever the page uses too.
        md.preprocessors.register(FencePreprocessor(md, self.getConfig("base_dir")),
                                  "argmap_fence", 28)


def makeExtension(**kwargs: Any) -> ArgmapExtension:
    """The extension, as Python-Markdown finds it by this module's name."""
    return ArgmapExtension(**kwargs)
