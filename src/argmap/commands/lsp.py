"""`argmap lsp`: the language server, for editors."""

from __future__ import annotations

import sys

from . import EXIT_OK, EXIT_USAGE, add_subparser, exit_statuses

__all__ = ["add_parser", "run"]

_EPILOG = """\
The server needs pygls and lsprotocol, argmap's `lsp` extra: in a clone of argmap,
  pip install '.[lsp]'
Editor set-up (VS Code, Neovim, Helix, Emacs) is described in docs/editors.md of argmap's
source repository (a guide, not installed with the package).

""" + exit_statuses({EXIT_OK: "the editor ended the session",
                     EXIT_USAGE: "the extra `lsp` is not installed"})


def add_parser(commands) -> None:
    """Add `lsp` to the subcommands."""
    lsp = add_subparser(
        commands, "lsp", help="run the language server (for editors), over stdio",
        description="Run the language server over standard input and output: diagnostics as "
                    "you type, go to definition, references, hover (with the source sentence "
                    "of each quote), completion, rename, the outline and quick fixes.",
        epilog=_EPILOG)
    lsp.set_defaults(run=run)


def run(args) -> int:
    """Serve until the editor ends the session."""
    try:
        from ..lsp.server import serve
    except ImportError as error:
        from .._tools import install_hint

        print(f"argmap: error: the language server needs argmap's `lsp` extra ({error}): "
              f"{install_hint('lsp')}", file=sys.stderr)
        return EXIT_USAGE
    serve()
    return EXIT_OK
