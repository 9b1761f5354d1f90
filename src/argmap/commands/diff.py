"""`argmap diff`: what a change did to the argument of a map (docs/diff.md)."""

from __future__ import annotations

import sys

from . import EXIT_OK, EXIT_USAGE, USAGE_PROBLEM, add_subparser, exit_statuses

__all__ = ["add_parser", "run"]

_EPILOG = """\
With two files, compares OLD with NEW. With --rev REV, compares each .arg file under the
PATHs (default: the current folder) with the same file at the git revision REV (a branch,
a tag, a commit): a map added since is all added, one deleted since all removed. The old
version is read from `git archive REV` with the sources of its time, so quotes are
checked against the text as it was.

Nodes are matched by id: a node whose id changed is one removed and one added. Findings
are matched by rule and message, wherever they are.

""" + exit_statuses({
    EXIT_OK: "the diff was written (whether or not anything changed)",
    EXIT_USAGE: f"{USAGE_PROBLEM} or does not parse; a revision git does not know"})


def add_parser(commands) -> None:
    """Add `diff` to the subcommands."""
    parser = add_subparser(
        commands, "diff", help="show what a change did to the argument of a map",
        description="Compare two versions of a map as arguments: nodes added, removed or\n"
                    "reworded; relations added or removed; quotes changed and whether they\n"
                    "are still found in the source; claims whose evaluation changed (now out,\n"
                    "now undecided); findings new and fixed.",
        epilog=_EPILOG)
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="OLD NEW (two maps), or with --rev the maps and folders to "
                             "compare with the revision")
    parser.add_argument("--rev", metavar="REV",
                        help="compare with the maps as they are at this git revision")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                        help="text (default); json; markdown: a pull-request comment")
    parser.add_argument("--draw", metavar="FILE.svg",
                        help="also draw the new map (the only one, or each in turn into "
                             "FILE-NAME.svg with --rev) with the change marked")
    parser.set_defaults(run=run)


def run(args) -> int:
    """Compare, write the diff on standard output, and draw it when asked."""
    import json
    import os
    import tempfile

    import attrs

    from .. import diff as differ
    from .._tools import visible
    from ..output_files import STANDARD_OUTPUT, refuse_clashes

    if args.draw == STANDARD_OUTPUT:
        print("argmap diff: error: --draw - would draw on standard output, which holds the "
              "diff; name a file to draw into", file=sys.stderr)
        return EXIT_USAGE
    with tempfile.TemporaryDirectory(prefix="argmap-diff-") as old_tree:
        if args.rev is None:
            if len(args.paths) != 2:
                print("argmap diff: error: give two maps, OLD NEW, or --rev REV",
                      file=sys.stderr)
                return EXIT_USAGE
            pairs = [(args.paths[0], args.paths[1], args.paths[0])]
        else:
            pairs = _pairs_at(args.rev, args.paths or ["."], old_tree)
        diffs = []
        for old, new, shown in pairs:
            here = os.path.relpath(_top(), os.getcwd()) if args.rev else ""
            old_snapshot = (differ.snapshot(old, shown_as=shown,
                                            tree=(os.path.join(old_tree, ""),
                                                  "" if here == "." else os.path.join(here, "")))
                            if old and os.path.exists(old)
                            else differ.Snapshot(shown, exists=False, labels={}))
            if args.rev is not None:
                old_snapshot = attrs.evolve(old_snapshot, path=f"{shown} at {args.rev}")
            new_snapshot = (differ.snapshot(new) if os.path.exists(new)
                            else differ.Snapshot(new, exists=False, labels={}))
            found = differ.compare(old_snapshot, new_snapshot)
            if args.rev is None or found.changed:
                diffs.append(found)
    # File names that are not UTF-8, and control characters, written visibly, as `check`
    # writes them: the output stays UTF-8 text.
    if args.format == "json":
        sys.stdout.write(json.dumps(_visible(differ.data(diffs)), indent=2, ensure_ascii=False)
                         + "\n")
    elif args.format == "markdown":
        sys.stdout.write(visible(differ.markdown(diffs)))
    else:
        sys.stdout.write(visible("".join(differ.text(d) for d in diffs)) if diffs
                         else "no map changed\n")
    if args.draw:
        drawn = [d for d in diffs if d.new.exists]
        if not drawn:
            print("argmap: nothing drawn: no map changed, or every one was deleted",
                  file=sys.stderr)
        outputs = {}
        for found in drawn:
            output = args.draw
            if len(drawn) > 1:
                stem = os.path.splitext(os.path.basename(found.new.path))[0]
                output = f"{os.path.splitext(args.draw)[0]}-{stem}.svg"
            outputs[found.new.path] = output
        # No drawing over a map compared: `--draw NEW.arg` is a slip of the hand.
        refuse_clashes(outputs, "drawn", "diff", {os.path.realpath(path) for pair in pairs
                                                  for path in pair[:2] if path},
                       instead="name another file with --draw")
        for found in drawn:
            _draw(found, outputs[found.new.path])
            print(visible(f"{found.new.path} -> {outputs[found.new.path]}"), file=sys.stderr)
    return EXIT_OK


def _pairs_at(rev: str, paths: list[str], old_tree: str) -> list[tuple[str | None, str, str]]:
    """(old file, new file, name shown) for each map under `paths` now or at `rev`, the
    revision's files extracted into `old_tree`."""
    import io
    import os
    import tarfile

    from ..lint import select_files

    top = _top()
    archive = _git("-C", top, "archive", "--format=tar", rev)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(old_tree, filter="data")
    # Real paths, as git gives the top folder: a path through a link is in the repository.
    def at_rev(path: str) -> str:
        return os.path.join(old_tree, os.path.relpath(os.path.realpath(path), top))

    now = select_files(paths)
    then = select_files([at_rev(p) for p in paths if os.path.exists(at_rev(p))])
    pairs: dict[str, tuple[str | None, str, str]] = {}
    for path in now:
        old = at_rev(path)
        pairs[os.path.realpath(path)] = (old if os.path.exists(old) else None, path, path)
    for old in then:
        new = os.path.join(top, os.path.relpath(old, old_tree))
        shown = os.path.relpath(new)
        pairs.setdefault(os.path.realpath(new), (old, shown, shown))
    return list(pairs.values())


def _git(*words: str) -> bytes:
    """What git writes, run with `words`; `InputError` with what it said when it fails."""
    import subprocess

    from ..errors import InputError

    try:
        done = subprocess.run(["git", *words], capture_output=True)
    except OSError as error:
        raise InputError(f"--rev needs git: {error}") from error
    if done.returncode != 0:
        raise InputError(f"git {' '.join(words)}: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def _top() -> str:
    """The top folder of the git repository the current folder is in."""
    return _git("rev-parse", "--show-toplevel").decode().strip()


def _visible(value: object) -> object:
    """`value` with every string in it `visible`."""
    from .._tools import visible

    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {_visible(key): _visible(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_visible(item) for item in value]
    return value


def _draw(found, output: str) -> None:
    """The new map drawn with the change marked, written to `output`."""
    from .. import diff as differ
    from ..api import load
    from ..output_files import write_atomically
    from ..render import TIME_LIMIT
    from ..render.layout import find_engine, lay_out
    from ..render.output import drawing_of
    from ..render.scene import Options
    from ..render.svg import finish

    semantics = load(found.new.path)
    drawing = drawing_of(semantics, Options(evaluated=True))
    document = semantics.map.id or ""  # type: ignore[union-attr]
    marked = differ.marked_dot(found, drawing.source, document)
    data, _ = lay_out(marked, "svg", find_engine("auto"), TIME_LIMIT, output)
    write_atomically(output, finish(data.decode("utf-8"), drawing.scene).encode("utf-8"))
