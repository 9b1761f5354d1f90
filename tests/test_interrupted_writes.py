"""Every command that writes files (init, fmt, render, report, export, import, diff --draw,
check --fix), interrupted at a random point, leaves each file it writes either as it was
or as the command writes it whole, never a part; and, unless killed outright, no
temporary file behind. (Examples per test: the Hypothesis profile.)

In this process, a random call among those a write makes (`os.write`, `os.fsync`,
`os.chmod`, `os.replace`, and the writes to Graphviz's pipe) raises Ctrl-C, SIGTERM's
`Terminated` or a full disk's OSError; in a process of its own, the command is killed
(SIGTERM or SIGKILL) after a random delay.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import Terminated
from conftest import SEEDS

# The folder every example works in: the same path each time, so that what a command
# writes is the same bytes each time (as it would be anywhere: paths are not in outputs).
BASE = Path(tempfile.gettempdir()) / f"argmap-interrupted-{os.getpid()}"
HEADER = 'document {id} "{title}" {{ source "../seeds/{source}" }}\n'
MAPS = {
    "fpri.arg": HEADER.format(id="fpri", title="FPRI", source="fpri.txt")
    + 'thesis engage "Engage Russia."\n'
      'evidence argues "This report argues that the United States should attempt to engage '
      'the Russian Federation"   supports engage\n',
    "ew.arg": HEADER.format(id="ew", title="EastWest", source="eastwest.txt")
    + 'thesis t "Russia matters."\npremise p "It borders Korea."\n    supports t\n',
    "both.arg": 'compare both "Both" { use "fpri.arg" use "ew.arg" }\n'
                'fpri.engage agrees ew.t\n  "Both say so."\n',
}
# Each command, and the files it writes (under BASE) that exist before it runs.
COMMANDS = {
    "fmt": (["fmt", "maps"], ["maps/fpri.arg", "maps/ew.arg", "maps/both.arg"]),
    "init": (["init", "seeds/fpri.txt", "-o", "drafts/new.arg", "--force"], ["drafts/new.arg"]),
    "render": (["render", "--format", "dot", "maps"], ["maps/fpri.dot", "maps/both.dot"]),
    "report": (["report", "maps"], ["maps/ew.html"]),
    "export-json": (["export", "--format", "json", "maps"], ["maps/fpri.json"]),
    "export-aif": (["export", "--format", "aif", "maps"], ["maps/ew.aif.json"]),
    "export-argdown": (["export", "--format", "argdown", "maps"], ["maps/both.argdown"]),
    "import": (["import", "--force", "drafts/ew.json"], ["drafts/ew.arg"]),
    "diff": (["diff", "maps/fpri.arg", "drafts/fpri2.arg", "--draw", "drafts/fpri2.svg"],
             ["drafts/fpri2.svg"]),
    "check-fix": (["check", "--fix", "drafts/fix.arg"], ["drafts/fix.arg"]),
}
OLD = b"old contents\n"
# An AIF file to import: a claim and a reason for it.
AIF = ('{"nodes": [{"nodeID": "1", "text": "Russia matters.", "type": "I"}, '
       '{"nodeID": "2", "text": "It borders Korea.", "type": "I"}, '
       '{"nodeID": "3", "text": "Default Inference", "type": "RA"}], '
       '"edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, '
       '{"edgeID": "2", "fromID": "3", "toID": "1"}], "locutions": []}\n')


def fresh() -> None:
    """BASE as every example starts: the seeds, the maps, an `old` file at each output."""
    shutil.rmtree(BASE, ignore_errors=True)
    shutil.copytree(SEEDS, BASE / "seeds")
    (BASE / "maps").mkdir()
    (BASE / "drafts").mkdir()
    (BASE / "argmap.toml").write_text("")
    for name, text in MAPS.items():
        (BASE / "maps" / name).write_text(text)
    (BASE / "drafts" / "fpri2.arg").write_text(
        MAPS["fpri.arg"] + 'premise p "More." supports engage\n')
    (BASE / "drafts" / "ew.json").write_text(AIF)
    (BASE / "drafts" / "fix.arg").write_text(  # a suppression that silences nothing: fixed
        MAPS["ew.arg"].replace('"Russia matters."', '"Russia matters."  # argmap: ignore[AM101]'))
    for outputs in COMMANDS.values():
        for output in outputs[1]:
            if not (BASE / output).exists():
                (BASE / output).write_bytes(OLD)


def files() -> dict[str, bytes]:
    return {str(path.relative_to(BASE)): path.read_bytes()
            for path in sorted(BASE.rglob("*")) if path.is_file()}


@contextlib.contextmanager
def in_base():
    before = os.getcwd()
    os.chdir(BASE)
    try:
        yield
    finally:
        os.chdir(before)


def quiet_main(args: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(args)


_WHOLE: dict[str, dict[str, bytes]] = {}


def written_whole(command: str) -> dict[str, bytes]:
    """Every file as the command leaves it when nothing interrupts it."""
    if command not in _WHOLE:
        fresh()
        with in_base():
            assert quiet_main(COMMANDS[command][0]) == 0
        _WHOLE[command] = files()
    return _WHOLE[command]


def assert_old_or_new(before: dict[str, bytes], after: dict[str, bytes],
                      whole: dict[str, bytes], temporaries_allowed: bool = False) -> None:
    for name, data in after.items():
        if os.path.basename(name).startswith(".") and name.endswith(".tmp"):
            assert temporaries_allowed, f"{name} left behind"
            continue
        assert data in (before.get(name), whole.get(name)), f"{name} is neither old nor new"
    for name in before:
        assert name in after or name not in whole, f"{name} was removed"


STOPS = [KeyboardInterrupt, Terminated, OSError]


@pytest.fixture(scope="module", autouse=True)
def clean_base():
    yield
    shutil.rmtree(BASE, ignore_errors=True)


@given(command=st.sampled_from(sorted(COMMANDS)), point=st.integers(0, 80),
       stop=st.sampled_from(STOPS))
def test_a_command_interrupted_at_any_call_leaves_each_file_old_or_new(command, point, stop):
    whole = written_whole(command)
    fresh()
    before = files()
    calls = 0
    real = {name: getattr(os, name) for name in ("write", "fsync", "chmod", "replace")}

    def interrupting(name):
        def call(*args, **kwargs):
            nonlocal calls
            calls += 1
            if calls == point + 1:
                if stop is OSError:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                raise stop
            return real[name](*args, **kwargs)
        return call

    with in_base(), pytest.MonkeyPatch.context() as patch:
        for name in real:
            patch.setattr(os, name, interrupting(name))
        status = quiet_main(COMMANDS[command][0])
    assert status in (0, 2, 130, 143)
    assert_old_or_new(before, files(), whole)


@settings(max_examples=max(10, settings.default.max_examples // 50))
@given(command=st.sampled_from(sorted(COMMANDS)), delay=st.floats(0.0, 2.0),
       kill=st.sampled_from([signal.SIGTERM, signal.SIGKILL]))
def test_a_command_killed_after_any_delay_leaves_each_file_old_or_new(command, delay, kill):
    whole = written_whole(command)
    fresh()
    before = files()
    process = subprocess.Popen([sys.executable, "-m", "argmap", *COMMANDS[command][0]],
                               cwd=BASE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    process.send_signal(kill)
    _, err = process.communicate(timeout=60)
    assert b"Traceback" not in err
    if kill == signal.SIGTERM:  # stopped as SIGTERM stops argmap, unless it was done
        assert process.returncode in (0, 143, -signal.SIGTERM), err
    assert_old_or_new(before, files(), whole, temporaries_allowed=kill == signal.SIGKILL)
