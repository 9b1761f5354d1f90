"""The documentation tells the truth: every rule's example fires it, and every rule is documented."""

from __future__ import annotations

import re

import pytest

from argmap.lint import RULES
from conftest import ROOT


def example_of(rule) -> str:
    match = re.search(r"```arg\n(.*?)```", rule.doc, re.DOTALL)
    assert match, f"the documentation of {rule.name} has no ```arg example"
    return match.group(1)


@pytest.mark.parametrize("name", list(RULES))
def test_the_example_in_each_rules_documentation_fires_it(project, name):
    project.write("example.arg", example_of(RULES[name]))
    assert name in project.rules("example.arg")


@pytest.mark.parametrize("name", list(RULES))
def test_every_rule_has_a_section_in_the_language_reference(name):
    reference = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    assert f"\n### {name}\n" in reference


def test_the_readme_example_is_the_file_it_names_and_its_output_is_real(capsys, monkeypatch):
    from argmap.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```arg\n(.*?)```", readme, re.DOTALL).group(1)
    assert (ROOT / "examples" / "example.arg").read_text(encoding="utf-8") == example
    shown = re.search(r"```console\n\$ argmap check examples/example.arg\n(.*?)```", readme,
                      re.DOTALL).group(1)
    monkeypatch.chdir(ROOT)
    main(["check", "examples/example.arg"])
    assert capsys.readouterr().out == shown


def test_the_readme_example_harms_neither_set_up_command(capsys, monkeypatch):
    from argmap.cli import main

    monkeypatch.chdir(ROOT)
    assert main(["check", "maps/"]) == 0
    assert main(["check", "."]) == 0  # folders found are searched less the excluded ones


# Each table of exit statuses in the docs, and the command whose statuses it lists.
EXIT_TABLES = {("docs/language.md", "check"), ("docs/rendering.md", "render"),
               ("docs/report.md", "report")}


def _exit_tables() -> dict[tuple[str, str], list[int]]:
    """The statuses in each table of exit statuses in the docs, by (file, command): the
    command is the one `EXIT_TABLES` names for the file."""
    commands = dict(EXIT_TABLES)
    tables = {}
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        name = str(path.relative_to(ROOT))
        text = path.read_text(encoding="utf-8")
        for table in re.findall(r"^\| (?:exit )?status \| when \|\n\| --- \| --- \|\n((?:\|.*\n)+)",
                                text, re.MULTILINE):
            tables[(name, commands.get(name, "?"))] = [
                int(row) for row in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)]
    return tables


def _help_statuses(command: str) -> list[int]:
    import subprocess
    import sys

    shown = subprocess.run([sys.executable, "-m", "argmap", command, "--help"],
                           capture_output=True, text=True, check=True,
                           env={"COLUMNS": "200", "PATH": ""}).stdout
    section = shown[shown.index("exit status:"):]
    return [int(status) for status in re.findall(r"^  (\d+)  ", section, re.MULTILINE)]


def test_every_table_of_exit_statuses_is_known():
    assert set(_exit_tables()) == EXIT_TABLES


@pytest.mark.parametrize("where, command", sorted(EXIT_TABLES))
def test_the_docs_list_the_exit_statuses_the_help_defines(where, command):
    assert _exit_tables()[(where, command)] == _help_statuses(command)


def test_every_command_lists_the_statuses_of_the_signals():
    from argmap.commands import COMMANDS

    for command in COMMANDS:
        assert _help_statuses(command)[-3:] == [130, 141, 143], command


# Each sentence "Exit status: ..." in the docs, and the command it is about.
EXIT_SENTENCES = {("README.md", "check"), ("docs/diff.md", "diff"), ("docs/import.md", "import"),
                  ("docs/language.md", "stats")}


def _exit_sentences() -> dict[tuple[str, str], set[int]]:
    """The statuses each sentence "Exit status: ..." names (a number, then a word), to the
    end of its paragraph."""
    commands = dict(EXIT_SENTENCES)
    found = {}
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        name = str(path.relative_to(ROOT))
        for sentence in re.findall(r"Exit status: (.*?)(?:\n\n|\Z)",
                                   path.read_text(encoding="utf-8"), re.DOTALL):
            found[(name, commands.get(name, "?"))] = {
                int(n) for n in re.findall(r"\b(\d{1,3}) [a-z]", sentence)}
    return found


def test_every_sentence_of_exit_statuses_is_known():
    assert set(_exit_sentences()) == EXIT_SENTENCES


@pytest.mark.parametrize("where, command", sorted(EXIT_SENTENCES))
def test_the_docs_prose_names_the_exit_statuses_the_help_defines(where, command):
    named, defined = _exit_sentences()[(where, command)], set(_help_statuses(command))
    signals = {130, 141, 143}
    assert named - signals == defined - signals and named <= defined
