"""Drawing maps and comparisons with Graphviz.

`dot` (a map, a full comparison) and `overview` (a comparison's default drawing) build a
`scene`, the drawing model, from one `scene.Options` (with `style`, `labels`, `legend`,
`key`, and `escape`, the one place user text is quoted); `writer` turns it into DOT;
`layout` runs a Graphviz engine on it with argmap's own fonts (`bundled` is the child
process for pygraphviz's); `svg` finishes the SVG from the scene (tooltips, quotes' groups,
centred text).
Nothing here is imported until `argmap render` runs.
"""

__all__ = ["TIME_LIMIT"]

#: How long a layout may take, in seconds, unless told otherwise (`--time-limit`).
TIME_LIMIT = 60.0
