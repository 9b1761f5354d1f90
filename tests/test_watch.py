"""`--watch`: a run again when a map, a map it uses or a source changes, a line per run."""

from __future__ import annotations

import os
import threading
import time

import pytest

from argmap.watch import inputs, watch
from conftest import HEADER

pytest.importorskip("watchfiles")


def test_the_inputs_of_a_run_are_the_maps_the_used_maps_and_the_sources(project):
    project.write("a.arg", HEADER + 'thesis t "x"\n')
    project.write("b.arg", 'document b "B" { source "../seeds/eastwest.txt" }\nthesis u "y"\n')
    project.write("c.arg", 'compare c "C" { use "a.arg" use "b.arg" }\n')
    maps, seeds = project.root / "maps", project.root / "seeds"
    assert inputs([str(maps / "c.arg")]) == {os.path.realpath(p) for p in (
        maps / "c.arg", maps / "a.arg", maps / "b.arg", seeds / "fpri.txt", seeds / "eastwest.txt")}


def wait_for(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_change_to_a_source_runs_the_command_again(project, capsys):
    source = project.root / "seeds" / "fpri.txt"
    path = project.write("a.arg", HEADER + 'thesis t "x"\n')
    runs: list[float] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=([str(path)], lambda: runs.append(1) or 0),
                              kwargs={"stop": stop}, daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: len(runs) == 1)
        time.sleep(1.0)  # the watcher starts after the first run
        source.write_text(source.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
        assert wait_for(lambda: len(runs) == 2)
        path.write_text(path.read_text(encoding="utf-8") + 'premise p "y" supports t\n',
                        encoding="utf-8")
        assert wait_for(lambda: len(runs) == 3)
    finally:
        stop.set()
        thread.join(10)
    err = capsys.readouterr().err
    assert "argmap: --watch: run 1 ended at " in err and "with exit status 0" in err
    assert "argmap: --watch: changed: " in err and "fpri.txt" in err
    assert "argmap: --watch: watching 2 files for changes" in err


@pytest.mark.parametrize("command", ["check", "render", "report"])
def test_each_command_that_reads_maps_takes_watch(command):
    from argmap.cli import _parser

    parser = _parser([command])
    args = parser.parse_args([command, "--watch", "maps"])
    assert args.watch and callable(args.run)
