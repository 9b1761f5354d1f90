"""Configuration: where it is found, what it may say, how the command line overrides it."""

from __future__ import annotations

import json
import textwrap

import pytest

from argmap.cli import main
from argmap.config import Config, find_config, load_config
from argmap.errors import ConfigError
from conftest import HEADER

# unused-evidence (warning) at line 4, unanswered-objection (info) at line 5; the thesis
# stands on its second ground, so the objection does not defeat it (no thesis-defeated).
MAP = HEADER + """\
thesis main "A claim."
assumption ground "A ground." supports main
evidence stray "has proven insufficient in coercing the country"
objection doubt "A doubt." attacks ground
assumption answer "An answer." supports doubt
assumption other "Another ground." supports main
"""


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def check(capsys, *args) -> tuple[int, list[tuple[str, str]], str]:
    """Run `argmap check --format json`: the status, (rule, severity) pairs, stderr."""
    status = main(["check", "--format", "json", *args])
    out, err = capsys.readouterr()
    return status, [(f["rule"], f["severity"]) for f in json.loads(out or "[]")], err


@pytest.fixture
def here(project, monkeypatch):
    """The project with MAP in maps/m.arg, as the current folder."""
    project.write("m.arg", MAP)
    monkeypatch.chdir(project.root)
    return project.root


# finding the file

def test_without_configuration_every_rule_runs_at_its_default(here, capsys):
    assert find_config() is None
    assert check(capsys, "maps")[:2] == (0, [("unused-evidence", "warning"),
                                             ("unanswered-objection", "info")])


def test_pyproject_is_found_from_a_folder_below(here, monkeypatch):
    write(here / "pyproject.toml", '[project]\nname = "x"\n[tool.argmap]\nfail-on = "info"\n')
    monkeypatch.chdir(here / "maps")
    assert find_config() == str(here / "pyproject.toml")


def test_a_pyproject_without_the_table_is_passed_over(here, monkeypatch):
    write(here / "pyproject.toml", '[tool.argmap]\nfail-on = "info"\n')
    write(here / "maps" / "pyproject.toml", '[project]\nname = "maps"\n')
    monkeypatch.chdir(here / "maps")
    assert find_config() == str(here / "pyproject.toml")


def test_the_nearest_file_wins_and_argmap_toml_before_pyproject(here, monkeypatch):
    write(here / "argmap.toml", 'fail-on = "info"\n')
    write(here / "maps" / "pyproject.toml", '[tool.argmap]\nfail-on = "warning"\n')
    monkeypatch.chdir(here / "maps")
    assert find_config() == str(here / "maps" / "pyproject.toml")
    write(here / "maps" / "argmap.toml", 'fail-on = "error"\n')
    assert find_config() == str(here / "maps" / "argmap.toml")


def test_config_option_overrides_the_file_found(here, capsys):
    write(here / "argmap.toml", '[rules]\nunused-evidence = "off"\n')
    write(here / "strict.toml", '[rules]\nunused-evidence = "error"\n')
    assert check(capsys, "maps")[1] == [("unanswered-objection", "info")]
    status, found, _ = check(capsys, "--config", "strict.toml", "maps")
    assert (status, found) == (1, [("unused-evidence", "error"), ("unanswered-objection", "info")])


# rules: severities and off

def test_severity_overrides_by_name_and_by_code(here, capsys):
    write(here / "argmap.toml", '[rules]\nunused-evidence = "error"\nAM307 = "warning"\n')
    status, found, _ = check(capsys, "maps")
    assert (status, found) == (1, [("unused-evidence", "error"), ("unanswered-objection", "warning")])


def test_off_turns_a_rule_off(here, capsys):
    write(here / "pyproject.toml", """\
        [tool.argmap.rules]
        unused-evidence = "off"
        unanswered-objection = "off"
        """)
    assert check(capsys, "maps")[:2] == (0, [])


# fail-on

def test_fail_on_from_the_configuration_and_the_command_line(here, capsys):
    assert check(capsys, "maps")[0] == 0
    assert check(capsys, "--fail-on", "warning", "maps")[0] == 1
    write(here / "argmap.toml", 'fail-on = "info"\n[rules]\nunused-evidence = "off"\n')
    assert check(capsys, "maps")[0] == 1
    assert check(capsys, "--fail-on", "error", "maps")[0] == 0


# select and ignore

def test_select_and_ignore_take_names_and_codes(here, capsys):
    assert check(capsys, "--select", "AM306", "maps")[1] == [("unused-evidence", "warning")]
    assert check(capsys, "--select", "unused-evidence,AM307", "--ignore", "AM306", "maps")[1] == [
        ("unanswered-objection", "info")]
    assert check(capsys, "--ignore", "unused-evidence", "--ignore", "AM307", "maps")[1] == []


def test_select_runs_a_rule_the_configuration_turns_off(here, capsys):
    write(here / "argmap.toml", '[rules]\nunused-evidence = "off"\n')
    assert check(capsys, "--select", "unused-evidence", "maps")[1] == [("unused-evidence", "warning")]


def test_an_unknown_rule_on_the_command_line_exits_2(here, capsys):
    status, _, err = check(capsys, "--select", "unused-evidnce", "maps")
    assert status == 2
    assert err == ("argmap: error: --select: no rule is called `unused-evidnce`; did you mean "
                   "`unused-evidence`?\n")


# exclude

def test_exclude_leaves_out_files_found_in_folders(here, capsys):
    write(here / "maps" / "drafts" / "d.arg", "thesis broken")
    assert check(capsys, "maps")[0] == 1
    write(here / "argmap.toml", 'exclude = ["maps/drafts"]\n')
    assert check(capsys, "maps")[:2] == (0, [("unused-evidence", "warning"),
                                             ("unanswered-objection", "info")])


def test_named_files_are_excluded_only_with_force_exclude(here, capsys):
    write(here / "maps" / "d.draft.arg", "thesis broken")
    write(here / "argmap.toml", 'exclude = ["**/*.draft.arg"]\n')
    assert check(capsys, "maps/d.draft.arg")[0] == 1
    assert check(capsys, "--force-exclude", "maps/d.draft.arg")[0] == 0


def test_exclude_globs_are_relative_to_the_configuration_file(here, capsys, monkeypatch):
    write(here / "maps" / "drafts" / "d.arg", "thesis broken")
    write(here / "pyproject.toml", '[tool.argmap]\nexclude = ["maps/drafts/*.arg"]\n')
    monkeypatch.chdir(here / "maps")
    assert check(capsys, ".")[0] == 0
    assert check(capsys, "drafts")[0] == 0


def test_a_map_a_comparison_uses_is_not_checked_when_excluded(here, capsys):
    write(here / "maps" / "used" / "a.arg", 'document a "A" { }\nthesis t "x"\nthesis t "y"\n')
    write(here / "maps" / "c.arg", 'compare c "C" { use "used/a.arg" }\n')
    assert ("duplicate-id", "error") in check(capsys, "maps/c.arg")[1]
    write(here / "argmap.toml", 'exclude = ["maps/used"]\n')
    assert check(capsys, "maps/c.arg")[:2] == (0, [])


def test_globs():
    config = Config(exclude=("a/**/b.arg", "[x-z]?.arg", "[!a]*/c.arg", "d"), root="/r")
    assert config.excluded("/r/a/b.arg") and config.excluded("/r/a/1/2/b.arg")
    assert config.excluded("/r/xy.arg") and not config.excluded("/r/xyz.arg")
    assert config.excluded("/r/b/c.arg") and not config.excluded("/r/a/c.arg")
    assert config.excluded("/r/d/e/f.arg") and not config.excluded("/r/dd/f.arg")
    assert not config.excluded("/elsewhere/d/f.arg")


# what a configuration may not say

@pytest.mark.parametrize("text, words", [
    ('fail_on = "warning"\n', "`fail_on`: unknown key; did you mean `fail-on`? (the keys are "
                              "rules, fail-on, exclude, per-file-ignores, allow-outside-project)"),
    ('[rules]\nunused-evidnce = "off"\n', "`rules.unused-evidnce`: no rule is called that; did "
                                          "you mean `unused-evidence`?"),
    ('[rules]\nunused-evidence = "fatal"\n', "`rules.unused-evidence`: 'fatal' is not \"error\", "
                                             '"warning", "info" or "off"'),
    ('[rules]\nunused-evidence = "off"\nAM306 = "error"\n', "`rules.AM306`: `unused-evidence` is "
                                                            "already set (by name or code)"),
    ('rules = "off"\n', "`rules`: must be a table"),
    ('fail-on = "off"\n', "`fail-on`: 'off' is not \"error\", \"warning\" or \"info\""),
    ('exclude = "drafts"\n', "`exclude`: must be a list of globs"),
    ('fail-on = \n', "not valid TOML: "),
])
def test_config_errors_name_the_file_and_key_and_exit_2(here, capsys, text, words):
    path = write(here / "argmap.toml", text)
    status, found, err = check(capsys, "maps")
    assert (status, found) == (2, [])
    assert err.startswith(f"argmap: error: {path}: ") and words in err
    assert err.count("\n") == 1


def test_keys_in_pyproject_are_named_in_full(here, capsys):
    path = write(here / "pyproject.toml", '[tool.argmap]\nselect = ["x"]\n')
    assert check(capsys, "maps")[2].startswith(f"argmap: error: {path}: `tool.argmap.select`: unknown key")


def test_config_option_naming_a_pyproject_without_the_table(here, capsys):
    write(here / "pyproject.toml", '[project]\nname = "x"\n')
    status, _, err = check(capsys, "--config", "pyproject.toml", "maps")
    assert (status, err) == (2, "argmap: error: pyproject.toml: no [tool.argmap] table\n")


def test_config_option_naming_a_missing_file(here, capsys):
    status, _, err = check(capsys, "--config", "nope.toml", "maps")
    assert (status, err) == (2, "argmap: error: cannot read nope.toml: No such file or directory\n")


def test_load_config_reads_argmap_toml(tmp_path):
    path = write(tmp_path / "argmap.toml", """\
        fail-on = "warning"
        exclude = ["drafts/**"]
        [rules]
        AM202 = "warning"
        no-thesis = "off"
        """)
    config = load_config(str(path))
    assert config.fail_on.value == "warning" and config.root == str(tmp_path)
    assert {k: v and v.value for k, v in config.rules.items()} == {"quote-not-found": "warning",
                                                                   "no-thesis": None}
    severities = config.severities()
    assert "no-thesis" not in severities and severities["quote-not-found"].value == "warning"
    with pytest.raises(ConfigError):
        config.severities(ignore=["nothing-at-all"])


def test_per_file_ignores_turn_rules_off_for_the_files_a_glob_matches(here, capsys):
    write(here / "argmap.toml", '[per-file-ignores]\n"maps/m.arg" = ["unused-evidence"]\n'
                                '"other/**" = ["AM307"]\n')
    assert check(capsys, "maps")[1] == [("unanswered-objection", "info")]
    write(here / "argmap.toml", '[per-file-ignores]\n"maps/*.arg" = ["AM306", "AM307"]\n')
    assert check(capsys, "maps")[1] == []


@pytest.mark.parametrize("text, words", [
    ('per-file-ignores = ["x"]\n', "`per-file-ignores`: must be a table of globs"),
    ('[per-file-ignores]\n"m.arg" = "AM306"\n', "`per-file-ignores.m.arg`: must be a list"),
    ('[per-file-ignores]\n"m.arg" = ["unused-evidnce"]\n', "no rule is called `unused-evidnce`; "
                                                           "did you mean `unused-evidence`?"),
    ('[per-file-ignores]\n"[z-a]" = ["AM306"]\n', "`per-file-ignores.[z-a]`: `[z-a]` is not a glob"),
])
def test_per_file_ignores_errors(here, capsys, text, words):
    write(here / "argmap.toml", text)
    status, _, err = check(capsys, "maps")
    assert status == 2 and words in err, err


@pytest.mark.parametrize("text", ['[tool]\nargmap = "x"\n', "[[tool.argmap]]\n"])
def test_a_table_of_the_wrong_type_is_a_configuration_error(here, capsys, text):
    write(here / "pyproject.toml", text)
    status, _, err = check(capsys, "maps")
    assert status == 2 and err.startswith("argmap: error: ") and err.count("\n") == 1, err
    assert "`tool.argmap` must be a table" in err


@pytest.mark.parametrize("text", ['tool = "argmap"\n', "tool = []\n"])
def test_a_pyproject_whose_tool_is_no_table_is_passed_over(here, capsys, text):
    write(here / "pyproject.toml", text)
    assert check(capsys, "maps")[0] == 0
