"""The files a command may read as arguments: checked first, as `argmap check` checks them,
and kept back when they or a map they use have errors (which are printed as `check`
prints them). `render`, `report`, `export` and `evaluate` start here."""

from __future__ import annotations

import os
import sys

from attrs import frozen

from ..diagnostics import Finding
from ..semantics import Resolver
from ..workspace import Workspace

__all__ = ["Checked", "check_first"]


@frozen
class Checked:
    """The files free of errors, in the order named; those kept back; the findings of all;
    the resolver that read them all (so that nothing is read twice)."""

    clean: list[str]
    kept_back: list[str]
    findings: list[Finding]
    resolver: Resolver


def check_first(paths: list[str], *, config_path: str | None, jobs: int | None,
                what: str, one: bool = False) -> Checked:
    """Check the `.arg` files under `paths` with the configuration `check` reads; print the
    errors of the files kept back on standard output, and `argmap: PATH not WHAT: ...` for
    each on standard error. `one`: the output is standard output (`-o -`), which holds one
    file, and the errors go to standard error with the rest; more than one `.arg` file
    under `paths` is a usage problem, before any is read."""
    from .._tools import visible
    from ..diagnostics import Severity, format_text
    from ..errors import InputError
    from ..lint import check_paths, select_files
    from ..runner import default_jobs
    from ..settings import Discovery

    settings = Discovery.for_run(config_path)
    targets = select_files(paths, settings.excluded)
    if not targets:
        print(f"argmap: warning: no .arg files in {', '.join(paths)}", file=sys.stderr)
    if one and len(targets) > 1:
        raise InputError(f"-o - (standard output) holds one file, but {len(targets)} .arg "
                         f"files would be {what}; name one of them, or give -o a folder")
    resolver = Resolver(Workspace(settings))
    result = check_paths(targets, jobs=jobs or default_jobs(), resolver=resolver)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    failed = {os.path.realpath(f.position.file) for f in errors}
    clean, kept_back, shown = [], [], set()
    for path in targets:
        files = resolver.files_of(path)
        if files & failed:
            kept_back.append(path)
            shown |= files
        else:
            clean.append(path)
    if kept_back:
        (sys.stderr if one else sys.stdout).write(format_text([f for f in errors
                                      if os.path.realpath(f.position.file) in shown],
                                     result.line))
        for path in kept_back:
            print(visible(f"argmap: {path} not {what}: it, or a map it uses, has errors "
                          "(above)"), file=sys.stderr)
    return Checked(clean, kept_back, result.findings, resolver)
