"""`argmap lsp`: the language server (pygls), for editors.

`project.py` reads the files the editor has open, unsaved, in place of the files on disk;
`symbols.py` finds ids in a file's tokens; `fixes.py` turns findings into quick fixes;
`features.py` answers each request; `server.py` wires them to pygls. Only `server.py`
imports pygls, and only `argmap lsp` imports it.
"""

__all__: list[str] = []
