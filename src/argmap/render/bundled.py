"""Lay out DOT with the Graphviz bundled in pygraphviz wheels, as a child process.

`python -m argmap.render.bundled FORMAT LAYOUT` reads DOT on standard input and writes the
drawing on standard output; LAYOUT is a Graphviz layout (`dot`, or `nop2` to keep the
positions the DOT holds). pygraphviz 2.x links Graphviz's layouts and renderers in as builtins,
so no Graphviz program is needed.
"""

from __future__ import annotations

import sys

__all__ = ["NO_PYGRAPHVIZ", "main"]

#: The exit status when pygraphviz cannot be imported: there is no bundled engine.
NO_PYGRAPHVIZ = 3


def main(argv: list[str]) -> int:
    """Draw the DOT on standard input in the format `argv[0]`, laid out by `argv[1]`."""
    try:
        import pygraphviz
    except ImportError as error:
        print(f"pygraphviz cannot be imported: {error}", file=sys.stderr)
        return NO_PYGRAPHVIZ
    source = sys.stdin.buffer.read().decode("utf-8")
    try:
        drawing = pygraphviz.AGraph(string=source).draw(format=argv[0], prog=argv[1])
    except (ValueError, pygraphviz.DotError) as error:
        print(error, file=sys.stderr)
        return 1
    sys.stdout.buffer.write(drawing)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
