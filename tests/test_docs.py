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
