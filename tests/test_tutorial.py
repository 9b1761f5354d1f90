"""docs/tutorial.md is true: its text and finished map are the files in examples/tutorial/,
and what each command prints is what it prints."""

from __future__ import annotations

import re
import shutil

from argmap.cli import main
from argmap.scaffold import new_map
from conftest import ROOT

TUTORIAL = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "examples" / "tutorial"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", TUTORIAL, re.DOTALL)


def commands() -> list[tuple[str, str]]:
    """Each `$ argmap ...` line of the console blocks, and what follows it."""
    found = []
    for block in blocks("console"):
        for command, output in re.findall(r"^\$ (argmap[^\n]*)\n((?:(?!\$ )[^\n]*\n)*)", block,
                                          re.MULTILINE):
            found.append((command, output))
    return found


def test_the_text_and_the_maps_of_the_tutorial_are_real(tmp_path, monkeypatch, capsys):
    text = (EXAMPLE / "four-day-week.txt").read_text(encoding="utf-8")
    [shown_text] = blocks("text")
    assert shown_text == text
    started, draft, finished = blocks("arg")
    assert started == new_map(text, "four-day-week.txt", "four-day-week")
    assert finished == (EXAMPLE / "four-day-week.arg").read_text(encoding="utf-8")

    shutil.copy(EXAMPLE / "four-day-week.txt", tmp_path)
    monkeypatch.chdir(tmp_path)
    states = {"init": None, "check": draft}  # the first check is of the draft
    seen = set()
    for command, output in commands():
        args = command.split()[1:]
        name = args[0]
        if name == "check" and name in seen:
            (tmp_path / "four-day-week.arg").write_text(finished, encoding="utf-8")
        elif name in states and states[name] is not None:
            (tmp_path / "four-day-week.arg").write_text(states[name], encoding="utf-8")
        seen.add(name)
        capsys.readouterr()
        main(args)
        printed = capsys.readouterr()
        assert printed.out + printed.err == output, command
        if name == "init":
            assert (tmp_path / "four-day-week.arg").read_text(encoding="utf-8") == started
    assert (tmp_path / "four-day-week.svg").exists()
