"""Laying out a drawing: the Graphviz bundled in pygraphviz, else the `dot` program on PATH.

Graphviz measures each line of text with the fonts fontconfig finds, so the same DOT laid
out on two machines with other fonts installed gives boxes of other widths. The layout
therefore sees only the fonts argmap ships (`fonts/`, DejaVu Sans): the child process gets
`FONTCONFIG_FILE` pointing at `fonts/fonts.conf`, which lists that folder alone. The bundled
Graphviz is preferred to a `dot` on PATH for the same reason: its version is the one the
pygraphviz wheel pins, not whichever a package manager installed.

Either runs in a child process, so that a layout that takes too long can be stopped at the
time limit, and so that what Graphviz writes on its standard error (fontconfig and layout
warnings) is captured, to be shown only when asked for.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from importlib.resources import files

from attrs import frozen

from ..errors import LayoutError
from .bundled import NO_PYGRAPHVIZ

__all__ = ["Engine", "find_engine", "lay_out", "FONTS_CONFIG"]

#: The fontconfig configuration the layout runs with: argmap's own fonts, and no others.
FONTS_CONFIG = str(files("argmap.render") / "fonts" / "fonts.conf")

NO_ENGINE = ("no Graphviz layout engine found: install argmap with pip so that its "
             "dependency pygraphviz>=2.0, which bundles Graphviz, is installed too, or "
             "install Graphviz (https://graphviz.org/download/) so that `dot` is on PATH")


@frozen
class Engine:
    """A way to run the layout: the command, given the output format, and what to call it."""

    name: str
    program: tuple[str, ...]

    def command(self, output_format: str, layout: str) -> list[str]:
        """The command that lays out DOT on its standard input with the Graphviz layout
        `layout` (`dot`)."""
        if self.name == "dot":
            return [*self.program, f"-K{layout}", f"-T{output_format}"]
        return [*self.program, output_format, layout]


def find_engine(choice: str = "auto") -> Engine:
    """The engine `choice` names; for `auto`, the bundled one, else `dot` when it is on PATH."""
    bundled = importlib.util.find_spec("pygraphviz") is not None
    if choice == "bundled" or (choice == "auto" and bundled):
        if not bundled:
            raise LayoutError(NO_ENGINE)
        return Engine("bundled", (sys.executable, "-m", "argmap.render.bundled"))
    dot = shutil.which("dot")
    if dot:
        return Engine("dot", (dot,))
    if choice == "dot":
        raise LayoutError("no `dot` program on PATH: install Graphviz "
                          "(https://graphviz.org/download/), or use --engine bundled")
    raise LayoutError(NO_ENGINE)


def lay_out(source: str, output_format: str, engine: Engine, time_limit: float,
            what: str) -> tuple[bytes, str]:
    """The DOT `source` laid out in `output_format`, and what the engine said on its
    standard error; `what` names the drawing in messages."""
    deadline = time.monotonic() + time_limit
    return _run(engine, "dot", output_format, source, deadline, time_limit, what)


def _run(engine: Engine, layout: str, output_format: str, source: str, deadline: float,
         time_limit: float, what: str) -> tuple[bytes, str]:
    try:
        done = subprocess.run(engine.command(output_format, layout), input=source.encode("utf-8"),
                              capture_output=True, check=False,
                              env={**os.environ, "FONTCONFIG_FILE": FONTS_CONFIG},
                              # In the fonts' folder: the fontconfig Graphviz links reads the
                              # config's relative `<dir>` from the current folder, and wrote a
                              # `.uuid` into every folder under the user's.
                              cwd=os.path.dirname(FONTS_CONFIG),
                              timeout=max(deadline - time.monotonic(), 0.001))
    except subprocess.TimeoutExpired:
        raise LayoutError(
            f"laying out {what} took longer than {time_limit:g} seconds and was stopped; draw "
            "less (--claims-only leaves the evidence out; a comparison can be drawn map by "
            "map), allow more time with --time-limit, or write --format dot and lay it out "
            "with another Graphviz program (sfdp, neato)") from None
    except OSError as error:
        raise LayoutError(f"cannot run {engine.program[0]}: {error.strerror or error}") from None
    noise = done.stderr.decode("utf-8", errors="replace")
    if engine.name == "bundled" and done.returncode == NO_PYGRAPHVIZ:
        raise LayoutError(f"{NO_ENGINE} ({noise.strip()})")
    if done.returncode != 0 or not done.stdout:
        last = noise.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise LayoutError(f"Graphviz could not lay out {what}: {last[0]}")
    return done.stdout, noise
