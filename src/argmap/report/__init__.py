"""`argmap report`: one self-contained HTML page per map or comparison.

`document` and `comparison` build the two kinds of page from what they share in `page`:
`drawing` makes the SVG that `render` lays out part of the page, `highlight` marks the
quotes in a source text, and `assets` holds the style sheet and the scripts the page
inlines (with the vendored Panzoom) and the Content-Security-Policy that allows only them.
Nothing here is imported until `argmap report` runs.
"""

__all__: list[str] = []
