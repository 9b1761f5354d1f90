"""Time argmap on synthetic maps of growing size, stage by stage, beside the Argdown CLI.

    python bench/run.py [--sizes N ...] [--repeat R] [--argdown] [--markdown]

For each size N, `bench/gen.py` writes a map (and its source text, and the same map in
Argdown) into a scratch folder. Then:

- `argmap check` runs end to end as a command: its wall time, CPU time and peak memory;
  and again on the same map with a typo on its last line (a file someone is still
  typing), which Lark must parse to put into words;
- "the floor": `argmap check --select syntax-error` on the same map, the CPU time of what
  any check costs with no rule to run: start-up, reading and parsing the map, reading and
  normalising its source;
- a fresh process times the stages in turn: parse (bytes to model), model (the node index
  and relation graphs the rules share), quote matching (normalising the source, finding
  every quote), checks (every rule), DOT build (`argmap render`'s DOT), layout (Graphviz,
  as `argmap render` runs it, stopped at --layout-limit);
- with --argdown, `argdown json` (from bench/node_modules: `npm ci` in bench/) reads the
  Argdown file: its wall time, CPU time and peak memory.

Other programs share the CPU, so every time is the minimum of R runs; CPU time (user and
system, from wait4) varies less with them than wall time, and the targets of issue 23 are
on it. Start-up is timed
once: `argmap --version`, and `argmap check` on a one-node map.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from gen import generate  # noqa: E402  (bench/ is not a package)
from tables import print_table  # noqa: E402

__all__ = ["main"]

SIZES = (100, 1_000, 10_000, 100_000)
STAGES = ("parse", "model", "quotes", "checks", "dot", "layout")
ARGDOWN = os.path.join(HERE, "node_modules", ".bin", "argdown")


def _run_measured(command: list[str], cwd: str | None = None
                  ) -> tuple[float, float, bytes, bytes, int, float]:
    """Run `command` in `cwd`, waiting with wait4 for its own resource usage: wall seconds,
    peak MB, output, error output, exit status, CPU seconds (user and system)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (elapsed, usage.ru_maxrss / 1024, out.read(), err.read(), process.returncode,
                usage.ru_utime + usage.ru_stime)


def _best(command: list[str], repeat: int, ok=(0,), cwd: str | None = None
          ) -> tuple[float, float]:
    """The least wall time and the largest peak memory of `repeat` runs of `command`."""
    wall, peak, _ = _best_with_cpu(command, repeat, ok, cwd)
    return wall, peak


def _best_with_cpu(command: list[str], repeat: int, ok=(0,), cwd: str | None = None
                   ) -> tuple[float, float, float]:
    """The least wall time, the largest peak memory and the least CPU time of `repeat` runs
    of `command`."""
    times, peaks, cpus = [], [], []
    for _ in range(repeat):
        elapsed, peak, _, err, status, cpu = _run_measured(command, cwd)
        if status not in ok:
            raise SystemExit(f"{' '.join(command)} failed ({status}): {err.decode()[-500:]}")
        times.append(elapsed)
        peaks.append(peak)
        cpus.append(cpu)
    return min(times), max(peaks), min(cpus)


def stages(path: str, repeat: int, layout_limit: float) -> dict[str, float | None]:
    """Each stage's least time over `repeat` runs, in this process (imports done first)."""
    from argmap.errors import LayoutError
    from argmap.lint.rules import RULES
    from argmap.parsing import decode, parse
    from argmap.render.dot import draw_map
    from argmap.render.layout import find_engine, lay_out
    from argmap.semantics import MapSemantics
    from argmap.workspace import Workspace

    best: dict[str, float | None] = {}

    def clock(stage: str, work):
        start = time.perf_counter()
        result = work()
        best[stage] = min(best.get(stage) or float("inf"), time.perf_counter() - start)
        return result

    def one_run(data: bytes) -> MapSemantics:
        model = clock("parse", lambda: parse(decode(data, path), path))
        semantics = MapSemantics.of(model, Workspace())
        clock("model", lambda: (semantics.supporters, semantics.supported, semantics.attackers,
                                semantics.undercut, semantics.links))
        clock("quotes", lambda: semantics.quotes)
        clock("checks", lambda: [list(rule.check_map(semantics)) for rule in RULES.values()
                                 if rule.check_map is not None])
        clock("dot", lambda: draw_map(semantics).source)
        return semantics

    for _ in range(repeat):
        with open(path, "rb") as file:
            semantics = one_run(file.read())
    if layout_limit > 0:
        try:
            clock("layout", lambda: lay_out(draw_map(semantics).source, "svg", find_engine("auto"),
                                            layout_limit, path))
        except LayoutError:
            best["layout"] = None  # over the limit
    return best


def _pace(repeat: int = 5) -> float:
    """Milliseconds for a fixed piece of pure Python work (the least of `repeat` runs): how
    fast this machine runs Python while the benchmark runs, since other programs share it."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i & 7
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _environment() -> dict[str, str]:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpus": str(os.cpu_count()), "cpu": cpu, "python": platform.python_version(),
            "system": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N")
    parser.add_argument("--repeat", type=int, default=5, metavar="R",
                        help="runs per measurement, the least time kept (default 5; sizes of "
                             "100,000 and more run twice)")
    parser.add_argument("--argdown", action="store_true",
                        help="time `argdown json` on the same maps (needs `npm ci` in bench/)")
    parser.add_argument("--layout-limit", type=float, default=120, metavar="SECONDS",
                        help="stop a layout after this long (default 120; 0 skips layout)")
    parser.add_argument("--dir", help="where to write the maps (default: a temporary folder)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--stages", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.stages:  # the child process that times the stages of one map
        print(json.dumps(stages(args.stages, args.repeat, args.layout_limit)))
        return 0

    # The installed command, as users run it (`python -m argmap` when there is none), with
    # its modules' bytecode written, as `pip install` writes it: an editable install run
    # with PYTHONDONTWRITEBYTECODE set would compile every module at every start.
    script = os.path.join(os.path.dirname(sys.executable), "argmap")
    argmap = [script] if os.path.exists(script) else [sys.executable, "-m", "argmap"]
    import compileall

    import argmap as package

    compileall.compile_dir(os.path.dirname(package.__file__), quiet=1)
    # The maps are checked from their folder, the project folder: sources outside it are
    # refused (issue 14), and `check` would then match no quote.
    folder = args.dir or tempfile.mkdtemp(prefix="argmap-bench-")
    environment = _environment()
    print(f"# {environment['cpus']} CPUs, {environment['cpu']}, Python {environment['python']}, "
          f"{environment['system']}", file=sys.stderr)
    version, _ = _best(argmap + ["--version"], args.repeat)
    tiny = generate(1, folder)["arg"]
    tiny_check, tiny_peak = _best(argmap + ["check", tiny], args.repeat, cwd=folder)
    print(f"start-up: argmap --version {version:.3f} s; argmap check on a one-node map "
          f"{tiny_check:.3f} s, {tiny_peak:.0f} MB", file=sys.stderr)
    print(f"pace: a fixed loop of a million steps takes {_pace():.0f} ms now", file=sys.stderr)

    rows = []
    for n in args.sizes:
        paths = generate(n, folder)
        repeat = args.repeat if n < 100_000 else min(args.repeat, 2)
        out = _run_measured(argmap + ["check", "--format", "json", paths["arg"]], folder)[2]
        if b'"quote-not-found"' in out or b'"source-not-found"' in out:
            raise SystemExit(f"{paths['arg']}: its quotes are not all checked: {out[:500]!r}")
        check, peak, check_cpu = _best_with_cpu(
            argmap + ["check", "--format", "json", paths["arg"]], repeat, ok=(0, 1), cwd=folder)
        floor = _best_with_cpu(argmap + ["check", "--select", "syntax-error", "--format",
                                         "json", paths["arg"]], repeat, cwd=folder)[2]
        typo = _with_typo(paths["arg"])
        typo_check, _ = _best(argmap + ["check", "--format", "json", typo], repeat, ok=(1,),
                              cwd=folder)
        _, _, out, err, status, _ = _run_measured(
            [sys.executable, os.path.abspath(__file__), "--stages", paths["arg"], "--repeat",
             str(repeat), "--layout-limit", str(args.layout_limit)])
        if status != 0:
            raise SystemExit(f"timing the stages of {paths['arg']} failed: {err.decode()[-500:]}")
        row = {"n": n, "check": check, "peak": peak, "typo": typo_check, "check_cpu": check_cpu,
               "floor": floor, **json.loads(out)}
        if args.argdown:
            output = os.path.join(folder, "argdown-json")
            row["argdown"], row["argdown_peak"], row["argdown_cpu"] = _best_with_cpu(
                [ARGDOWN, "json", paths["argdown"], output], 1 if n >= 100_000 else repeat)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    _print_table(rows, args.markdown, args.argdown, args.layout_limit)
    print(f"pace: a fixed loop of a million steps takes {_pace():.0f} ms now", file=sys.stderr)
    return 0


def _with_typo(path: str) -> str:
    """A copy of the map at `path`, beside it, ending in an unterminated string."""
    typo = os.path.splitext(path)[0] + "-typo.arg"
    with open(path, encoding="utf-8") as original, open(typo, "w", encoding="utf-8") as copy:
        copy.write(original.read() + 'premise typo "unterminated\n')
    return typo


def _print_table(rows: list[dict], markdown: bool, argdown: bool, layout_limit: float) -> None:
    header = ["N", "check (s)", "peak (MB)", "typo at end (s)", "parse", "model", "quotes",
              "checks", "DOT build", "layout", "check CPU (s)", "floor CPU (s)", "× floor"]
    if argdown:
        header += ["argdown json (s)", "argdown peak (MB)", "argdown CPU (s)", "× argdown CPU"]
    lines = []
    for row in rows:
        layout = row.get("layout")
        cells = [f"{row['n']:,}", f"{row['check']:.2f}", f"{row['peak']:.0f}", f"{row['typo']:.2f}",
                 *(f"{row[s]:.3f}" for s in STAGES[:-1]),
                 "—" if layout_limit <= 0 else f"{layout:.2f}" if layout is not None
                 else f"> {layout_limit:g}",
                 f"{row['check_cpu']:.2f}", f"{row['floor']:.2f}",
                 f"{row['check_cpu'] / row['floor']:.1f}"]
        if argdown:
            cells += [f"{row['argdown']:.2f}", f"{row['argdown_peak']:.0f}",
                      f"{row['argdown_cpu']:.2f}", f"{row['check_cpu'] / row['argdown_cpu']:.2f}"]
        lines.append(cells)
    print_table(header, lines, markdown)


if __name__ == "__main__":
    raise SystemExit(main())
