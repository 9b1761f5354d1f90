"""`argmap fmt`: rewrite .arg files in the canonical layout, or check that they are."""

from __future__ import annotations

import sys
from collections.abc import Callable

from . import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    USAGE_PROBLEM,
    add_config,
    add_paths,
    add_subparser,
    exit_statuses,
)

__all__ = ["add_parser", "run"]

_EXIT_CODES = exit_statuses({
    EXIT_OK: "every file is in the canonical layout (with --check or --diff) or was rewritten "
             "in it",
    EXIT_FINDINGS: "with --check or --diff, some file would be rewritten; or some file does "
                   "not parse (its syntax error is printed, and the file is left as it is)",
    EXIT_USAGE: USAGE_PROBLEM})


def add_parser(commands) -> None:
    """Add `fmt` to the subcommands."""
    fmt = add_subparser(
        commands, "fmt", help="rewrite .arg files in the canonical layout",
        description="Rewrite .arg files in one canonical layout: a statement per line, each "
                    "relation indented on a line of its own, header fields one a line, blank "
                    "lines between statements kept (at most one). Comments stay where they "
                    "are; strings and tags are copied as written, so the map means what it "
                    "meant. Files that do not parse are left alone. `argmap fmt -` reads a "
                    "file on standard input and writes it laid out on standard output (for "
                    "editors' format on save).",
        epilog=_EXIT_CODES)
    add_paths(fmt)
    fmt.add_argument("--check", action="store_true",
                     help="write nothing; list the files that would be rewritten and exit 1 "
                          "when there are any (for CI and pre-commit)")
    fmt.add_argument("--diff", action="store_true",
                     help="write nothing; show how each file would be rewritten as a unified "
                          "diff, and exit 1 when there is any")
    add_config(fmt, "its exclude globs, the project folder")
    fmt.add_argument("--force-exclude", action="store_true",
                     help="leave out the files named on the command line that the "
                          "configuration's exclude matches, as for files found in folders")
    fmt.set_defaults(run=run)


def run(args) -> int:
    """Format each file; 1 when, with --check, one is not in the layout, or one does not parse."""
    from .._tools import unified_diff, visible
    from ..diagnostics import Finding, format_text
    from ..errors import ArgSyntaxError, InputError
    from ..fmt import format_text as canonical
    from ..lint import RULES, select_files
    from ..output_files import write_atomically
    from ..parsing import parse
    from ..settings import Discovery
    from ..workspace import decode

    if args.paths == ["-"]:
        return _filter(args)
    settings = Discovery.for_run(args.config)
    paths = select_files(args.paths, settings.excluded, args.force_exclude)
    if not paths:
        print(f"argmap: warning: no .arg files in {', '.join(args.paths)}", file=sys.stderr)
    syntax = RULES["syntax-error"]
    failed = changed = 0
    for path in paths:
        try:
            data = settings(path).reader.read_map(path)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None
        lines: list[str] = []
        try:
            text = decode(data, path)
            lines = text.split("\n")
            parse(text, path)
        except ArgSyntaxError as error:
            finding = Finding(error.position, syntax.name, syntax.severity, error.message,
                              syntax.code)
            sys.stderr.write(format_text([finding], _line_of(lines)))
            failed += 1
            continue
        formatted = _as_written(canonical(text), data)
        if formatted == data:
            continue
        changed += 1
        if args.diff:
            sys.stdout.write(unified_diff(path, data.decode("utf-8", "replace"),
                                          formatted.decode("utf-8", "replace")))
        elif args.check:
            print(visible(f"would reformat {path}"))
        else:
            write_atomically(path, formatted)
            print(visible(f"reformatted {path}"))
    verb = "would be reformatted" if args.check or args.diff else "reformatted"
    print(f"{changed} of {len(paths)} file{'' if len(paths) == 1 else 's'} {verb}"
          + (f", {failed} left alone (syntax errors)" if failed else "") + ".", file=sys.stderr)
    return EXIT_FINDINGS if failed or ((args.check or args.diff) and changed) else EXIT_OK


def _filter(args) -> int:
    """Standard input laid out on standard output (or the change, with --diff); nothing
    there when it does not parse."""
    from .._tools import unified_diff
    from ..diagnostics import Finding, format_text
    from ..errors import ArgSyntaxError
    from ..fmt import format_text as canonical
    from ..lint import RULES
    from ..parsing import parse
    from ..workspace import decode

    data = sys.stdin.buffer.read()
    lines: list[str] = []
    try:
        text = decode(data, "<stdin>")
        lines = text.split("\n")
        parse(text, "<stdin>")
    except ArgSyntaxError as error:
        syntax = RULES["syntax-error"]
        finding = Finding(error.position, syntax.name, syntax.severity, error.message,
                          syntax.code)
        sys.stderr.write(format_text([finding], _line_of(lines)))
        return EXIT_FINDINGS
    formatted = _as_written(canonical(text), data)
    if args.diff:
        sys.stdout.write(unified_diff("-", data.decode("utf-8", "replace"),
                                      formatted.decode("utf-8", "replace")))
    if args.check or args.diff:
        return EXIT_FINDINGS if formatted != data else EXIT_OK
    sys.stdout.buffer.write(formatted)
    return EXIT_OK


def _as_written(formatted: str, data: bytes) -> bytes:
    r"""The laid-out text `formatted` (read from `data`, with `\n` line ends) encoded as
    `data` is: its line ends (CR LF, or CR alone) and its byte order mark kept.

    >>> _as_written("a\nb\n", b"\xef\xbb\xbfa  \r\nb\r\n")
    b'\xef\xbb\xbfa\r\nb\r\n'
    """
    newline = "\r\n" if b"\r\n" in data else "\r" if b"\r" in data else "\n"
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    return bom + formatted.replace("\n", newline).encode("utf-8")


def _line_of(lines: list[str]) -> Callable[[str, int], str | None]:
    """Line `number` of the file of `lines`, to show under its syntax error."""
    def line(_path: str, number: int) -> str | None:
        return lines[number - 1].rstrip("\r") if 1 <= number <= len(lines) else None
    return line
