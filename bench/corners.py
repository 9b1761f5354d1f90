"""The corners where argmap's work once grew with the square of the input (issue 20), timed.

    .venv/bin/python bench/corners.py

Each line: what was run, on what, the wall time and, for a page, its size. The tests
(`tests/test_safety.py`) count the work of each corner instead of timing it.

- the closest passage to a missing quote, in a source that is one 480 KB paragraph with no
  full stop (one long sentence);
- `argmap evaluate --format json` on a chain of 4,000 premises (each node's defeaters);
- `argmap report` on a chain 2,000 deep with a quote at each level, against 2,000 claims laid
  out flat under one thesis (what each node's link names);
- `argmap render --format dot` on a chain 5,000 deep (the column each claim stands over).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = 'document d "D" {{ source "{source}" }}\nthesis n0 "claim 0"\n'


def chain(length: int, source: str, quotes: bool = False, flat: bool = False) -> str:
    lines = [HEADER.format(source=source)]
    for i in range(1, length):
        lines.append(f'premise n{i} "claim {i}" supports n{0 if flat else i - 1}\n')
        if quotes:
            lines.append(f'evidence e{i} "This report argues" supports n{i}\n')
    return "".join(lines)


def timed(*args: str, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    from argmap.quotes import SourceText

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "argmap.toml").write_text("")
        source = (ROOT / "seeds" / "fpri.txt").read_text(encoding="utf-8")
        (work / "fpri.txt").write_text(source, encoding="utf-8")

        # No word that ends a sentence (`.`, `?`, a closing quote): one long sentence.
        words = [word.strip(".,;:!?\"'“”’") for word in source.split()]
        words = [word for word in words if word]
        rng = random.Random(1)
        paragraph = " ".join(rng.choice(words) for _ in range(80000))[:480_000]
        text = SourceText("Title\n\n" + paragraph + "\n")
        start = time.perf_counter()
        text.locate(["the Russian Federation could broker a deal with Pyongyang over "
                     "missile programs soon"])
        print(f"closest passage, 480 KB paragraph:      {time.perf_counter() - start:6.2f} s")

        (work / "chain4000.arg").write_text(chain(4000, "fpri.txt"))
        seconds = timed("evaluate", "--format", "json", "chain4000.arg", cwd=work)
        print(f"evaluate --format json, 4,000 chain:    {seconds:6.2f} s")

        for name, flat in (("deep", False), ("flat", True)):
            (work / f"{name}.arg").write_text(chain(2000, "fpri.txt", quotes=True, flat=flat))
            seconds = timed("report", f"{name}.arg", cwd=work)  # (no --time-limit before)
            size = os.path.getsize(work / f"{name}.html") / 1e6
            print(f"report, 2,000 claims {name}:             {seconds:6.2f} s  {size:5.1f} MB")

        (work / "chain5000.arg").write_text(chain(5000, "fpri.txt"))
        seconds = timed("render", "--format", "dot", "chain5000.arg", cwd=work)
        print(f"render --format dot, 5,000 chain:       {seconds:6.2f} s")


if __name__ == "__main__":
    main()
