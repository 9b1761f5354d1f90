"""Peak memory of `argmap check` over a corpus of many small maps, as the corpus grows.

    python bench/corpus.py [--files K ...] [--jobs J ...] [--repeat R] [--markdown]

For each K, writes K maps into a scratch folder: copies of `bench/gen.py`'s map of 100
nodes, each with its own copy of the source text (`mapI.arg` quoting `sourceI.txt`), so
that no two files share anything a cache could hold once. Then runs
`argmap check --format json --quiet DIR --jobs J`, in DIR (the project folder), and
measures:

- **peak (MB)**: the largest resident memory of the process tree at once, the main
  process and its workers summed, sampled every 5 ms from /proc;
- **largest process (MB)**: the peak of the largest single process (from `wait4`, which
  reports the largest of a process and the children it waited for);
- the wall time.

Memory that is flat in the number of files means the files' models, sources and
semantics are let go once each file is checked.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from gen import generate  # noqa: E402  (bench/ is not a package)
from tables import print_table  # noqa: E402

__all__ = ["write_corpus", "measure", "main"]

FILES = (500, 2_000)
JOBS = (1, 2)
NODES = 100


def write_corpus(count: int, folder: str, nodes: int = NODES) -> str:
    """`count` copies of the generated map of `nodes` nodes, each with its own source, in a
    folder `corpus-COUNT` under `folder`; returns that folder."""
    corpus = os.path.join(folder, f"corpus-{count}")
    if os.path.isdir(corpus) and len(os.listdir(corpus)) == 2 * count:
        return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(corpus)
    model = generate(nodes, os.path.join(folder, "model"))
    with open(model["arg"], encoding="utf-8") as file:
        arg = file.read()
    with open(model["source"], encoding="utf-8") as file:
        source = file.read()
    named = f'source "source{nodes}.txt"'
    assert named in arg
    for i in range(count):
        with open(os.path.join(corpus, f"map{i:05}.arg"), "w", encoding="utf-8") as file:
            file.write(arg.replace(named, f'source "source{i:05}.txt"'))
        with open(os.path.join(corpus, f"source{i:05}.txt"), "w", encoding="utf-8") as file:
            file.write(source)
    return corpus


def _tree_rss(root: int) -> int:
    """The resident memory of `root` and every process below it, in kB."""
    total, pending, seen = 0, [root], set()
    while pending:
        pid = pending.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    pending += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            continue  # it has just ended
    return total


def measure(command: list[str], cwd: str) -> tuple[float, float, float, int]:
    """Run `command` in `cwd`: wall seconds, peak MB of the process tree (sampled), peak MB
    of the largest process (wait4), exit status."""
    peak = 0
    done = threading.Event()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    assert process.stderr is not None
    error = process.stderr.read()
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({code}): {error.decode()[-500:]}")
    return elapsed, peak / 1024, usage.ru_maxrss / 1024, code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, nargs="+", default=list(FILES), metavar="K")
    parser.add_argument("--jobs", type=int, nargs="+", default=list(JOBS), metavar="J")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="runs of each, the least peak and time kept (default 1)")
    parser.add_argument("--dir", help="where to write the corpora (default: a temporary folder)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)

    script = os.path.join(os.path.dirname(sys.executable), "argmap")
    argmap = [script] if os.path.exists(script) else [sys.executable, "-m", "argmap"]
    folder = args.dir or tempfile.mkdtemp(prefix="argmap-corpus-")
    rows = []
    for count in args.files:
        corpus = write_corpus(count, folder)
        for jobs in args.jobs:
            runs = [measure(argmap + ["check", "--format", "json", "--quiet", "--jobs",
                                      str(jobs), "."], corpus) for _ in range(args.repeat)]
            row = (count, jobs, min(r[0] for r in runs), min(r[1] for r in runs),
                   min(r[2] for r in runs))
            rows.append(row)
            print(f"{count} files, --jobs {jobs}: {row[2]:.2f} s, peak {row[3]:.0f} MB "
                  f"(largest process {row[4]:.0f} MB)", file=sys.stderr)
    header = ["files", "--jobs", "time (s)", "peak, all processes (MB)",
              "peak, largest process (MB)"]
    lines = [[f"{c:,}", str(j), f"{t:.2f}", f"{p:.0f}", f"{m:.0f}"] for c, j, t, p, m in rows]
    print_table(header, lines, args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
