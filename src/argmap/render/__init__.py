"""Drawing maps and comparisons with Graphviz.

`dot` builds the DOT source (with `style`, `labels`, `legend`, and `escape`, the one place
user text is quoted); `layout` runs a Graphviz engine on it (`bundled` is the child process
for pygraphviz's); `titles` puts each element's full text into the SVG as its tooltip.
Nothing here is imported until `argmap render` runs.
"""

__all__ = ["TIME_LIMIT"]

#: How long a layout may take, in seconds, unless told otherwise (`--time-limit`).
TIME_LIMIT = 60.0
