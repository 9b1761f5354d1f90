"""Determinism: the same input gives the same bytes out, whatever Python's hash seed.

Sets and dicts of strings iterate in an order that depends on PYTHONHASHSEED; an output
that followed such an order would change from run to run. Each command runs in a fresh
process under several seeds, and the outputs must be byte for byte the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SEEDS = ("0", "1", "4242")
# Named one by one: the repository's configuration excludes tests/bad from folder walks.
BAD = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "tests" / "bad").glob("*.arg"))]


def argmap(*args: str, seed: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, env=env,
                          capture_output=True, check=False)


@pytest.mark.parametrize("paths", [["maps"], BAD], ids=["maps", "bad-inputs"])
def test_check_json_is_the_same_under_every_hash_seed(paths):
    outputs = set()
    for seed in SEEDS:
        done = argmap("check", "--format", "json", *paths, seed=seed)
        assert done.returncode == (1 if paths == BAD else 0), done.stderr
        outputs.add(done.stdout)
    [output] = outputs
    assert len(json.loads(output)) > (100 if paths == BAD else 0)


def test_check_text_is_the_same_under_every_hash_seed():
    runs = [argmap("check", *BAD, seed=seed) for seed in SEEDS]
    assert [done.returncode for done in runs] == [1] * len(SEEDS)
    [output] = {done.stdout for done in runs}
    assert output.count(b"[syntax-error]") > 50


def test_render_dot_is_the_same_under_every_hash_seed(tmp_path):
    drawings: dict[str, set[bytes]] = {}
    for seed in SEEDS:
        folder = tmp_path / seed
        done = argmap("render", "--format", "dot", "-o", str(folder), "maps", seed=seed)
        assert done.returncode == 0, done.stderr
        for path in sorted(folder.glob("*.dot")):
            drawings.setdefault(path.name, set()).add(path.read_bytes())
    assert sorted(drawings) == sorted(p.stem + ".dot" for p in (ROOT / "maps").glob("*.arg"))
    assert all(len(outputs) == 1 for outputs in drawings.values())


# Two machines with other fonts installed: a fontconfig configuration that lists one folder.
FONT_FOLDERS = {"dejavu": "/usr/share/fonts/truetype/dejavu",
                "liberation": "/usr/share/fonts/truetype/liberation"}


@pytest.mark.skipif(not all(Path(folder).is_dir() for folder in FONT_FOLDERS.values()),
                    reason="needs the DejaVu and Liberation fonts (fonts-dejavu-core, "
                           "fonts-liberation) to stand for two machines")
def test_the_svg_is_the_same_whichever_fonts_are_installed(tmp_path):
    drawings = set()
    for name, folder in FONT_FOLDERS.items():
        config = tmp_path / f"{name}.conf"
        config.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{folder}</dir></fontconfig>\n')
        out = tmp_path / name
        done = subprocess.run([sys.executable, "-m", "argmap", "render", "-o", str(out),
                               "tests/data/render/linked.arg", "maps/fpri-vs-eastwest.arg"],
                              cwd=ROOT, env={**os.environ, "FONTCONFIG_FILE": str(config)},
                              capture_output=True, check=False)
        assert done.returncode == 0, done.stderr
        drawings.add(tuple((out / svg).read_bytes() for svg in ("linked.svg",
                                                                "fpri-vs-eastwest.svg")))
    assert len(drawings) == 1


def test_the_committed_drawings_are_what_render_writes_today(tmp_path):
    """maps/*.svg, which the README shows, is what the README's first command writes, on any
    machine: the drawing does not depend on the fonts installed."""
    done = argmap("render", "-o", str(tmp_path), "maps", seed="0")
    assert done.returncode == 0, done.stderr
    for drawing in sorted(tmp_path.glob("*.svg")):
        assert (ROOT / "maps" / drawing.name).read_bytes() == drawing.read_bytes(), (
            f"maps/{drawing.name} is stale: run `argmap render maps/`")
