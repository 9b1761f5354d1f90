"""A newcomer's first hour: bare `argmap`, commands with no path, help texts that point at
nothing missing, and a caret under the word of a quote that differs."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout

import pytest

from argmap.cli import main
from argmap.commands import COMMANDS
from conftest import HEADER


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as leaving:  # --help
            status = leaving.code
    return status, out.getvalue(), err.getvalue()


def test_bare_argmap_prints_its_help_and_succeeds():
    status, out, err = run()
    assert status == 0 and err == ""
    assert out.startswith("usage: argmap")
    assert all(name in out for name in COMMANDS)


@pytest.mark.parametrize("command, says", [
    ("check", "No problems found in 1 file."), ("stats", "m.arg: document d"),
    ("render", "m.arg -> m.dot"), ("fmt", "of 1 file")])
def test_commands_with_no_path_work_on_the_current_folder(project, monkeypatch, command, says):
    project.write("m.arg", HEADER + 'thesis t "x"  # argmap: ignore[unsupported-claim]\n')
    (project.root / "argmap.toml").write_text("")  # the project: its sources are in seeds/
    monkeypatch.chdir(project.root / "maps")
    args = [command] + (["--format", "dot"] if command == "render" else [])
    status, out, err = run(*args)
    assert status == 0, err
    assert "no .arg files" not in err
    assert says in out + err
    if command == "render":
        assert (project.root / "maps" / "m.dot").exists()


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_no_help_text_points_at_a_file_the_installed_package_lacks(command):
    _, out, _ = run(*([command] if command else []), "--help")
    for mention in re.finditer(r"\S*docs/\S+", out):
        around = out[mention.start():mention.end() + 80].replace("\n", " ")
        assert "source repository" in around, mention.group()


def test_the_caret_of_a_quote_not_found_points_at_the_first_word_that_differs(project):
    project.write("q.arg", HEADER + 'thesis t "x"\n'
                  'evidence e "The policy of economic\\nsanctions on South Korea, while"\n'
                  '  supports t\n')
    [finding] = [f for f in project.check("q.arg") if f.rule == "quote-not-found"]
    line = (project.root / "maps" / "q.arg").read_text(encoding="utf-8").splitlines()[2]
    assert line[finding.position.column - 1:].startswith("South Korea")
