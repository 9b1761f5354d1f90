"""The output formats of `argmap check`: text (with colour), JSON, GitHub workflow commands, SARIF.

The SARIF schema in tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 schema
(errata 01), copied byte for byte from oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json
at commit 0a8091f7d4057e57b6d8d9b56129e5f918747b34; its `id` is
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json.
"""

from __future__ import annotations

import json
import re
import sys

import jsonschema
import pytest

from argmap.cli import main
from argmap.diagnostics import Finding, Severity, format_text, summary
from argmap.formats import format_github, format_sarif
from argmap.formats.github import escape_data, escape_property
from argmap.lint import RULES
from argmap.model import Position
from conftest import DATA, HEADER

# One error (unknown-reference), one info (unanswered-objection), one warning (unsupported-claim).
THREE = HEADER + """\
thesis main "A claim."
assumption ground "A ground." supports main
assumption aside "Another ground." supports mian
objection doubt "A doubt." attacks main
"""


def run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def three(project):
    return project.write("m.arg", THREE)


# text

def test_text_has_no_escapes_unless_asked(three, capsys):
    _, out, _ = run(capsys, "check", str(three))
    assert "\x1b[" not in out
    _, never, _ = run(capsys, "check", "--color", "never", str(three))
    assert never == out


def test_color_always_paints_place_severity_caret_and_rule(three, capsys):
    _, out, _ = run(capsys, "check", "--color", "always", str(three))
    error = next(line for line in out.splitlines() if "unknown-reference" in line)
    assert error == (f"\x1b[1m{three}:4:45:\x1b[0m \x1b[1;31merror:\x1b[0m no node `mian` in this "
                     "map; did you mean `main`? \x1b[2m[unknown-reference]\x1b[0m")
    assert "\x1b[1;33mwarning:\x1b[0m" in out and "\x1b[1;36minfo:\x1b[0m" in out
    assert re.search(r"\x1b\[1;31m\^+\x1b\[0m", out)
    assert out.splitlines()[-1] == ("Found \x1b[1;31m1 error\x1b[0m, \x1b[1;33m1 warning\x1b[0m, "
                                    "\x1b[1;36m1 info\x1b[0m in 1 file.")


def test_color_auto_follows_the_terminal_and_no_color(three, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert "\x1b[" in run(capsys, "check", str(three))[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, "check", str(three))[1]
    monkeypatch.setenv("NO_COLOR", "")  # an empty NO_COLOR does not count
    assert "\x1b[" in run(capsys, "check", str(three))[1]


def test_format_text_keeps_its_signature():
    finding = Finding(Position("a.arg", 1, 3), "no-thesis", Severity.ERROR, "no thesis")
    text = format_text([finding], lambda path, line: "x y z")
    assert text == "a.arg:1:3: error: no thesis [no-thesis]\n  x y z\n    ^\n"
    assert summary([finding], 1) == "Found 1 error in 1 file.\n"


# json

def test_json_items_have_the_contract_keys_and_the_code(three, capsys):
    status, out, _ = run(capsys, "check", "--format", "json", str(three))
    findings = json.loads(out)
    assert status == 1
    assert [(f["rule"], f["code"], f["severity"]) for f in findings] == [
        ("unknown-reference", "AM105", "error"), ("unanswered-objection", "AM307", "info"),
        ("unsupported-claim", "AM304", "warning")]
    assert all(set(f) == {"rule", "code", "severity", "file", "line", "column", "end_column",
                          "message"} for f in findings)


# github

def test_github_escapes_as_the_actions_toolkit_does():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b"


def test_github_workflow_commands(three, capsys):
    status, out, _ = run(capsys, "check", "--format", "github", str(three))
    lines = out.splitlines()
    assert status == 1
    assert lines[0] == (f"::error file={three},line=4,col=45,title=unknown-reference (AM105)::"
                        f"{three}:4:45: no node `mian` in this map; did you mean `main`?")
    assert lines[1].startswith(f"::notice file={three},line=5,col=1,title=unanswered-objection "
                               "(AM307)::")
    assert lines[2].startswith("::warning ") and lines[-1] == "Found 1 error, 1 warning, 1 info in 1 file."


def test_github_escapes_the_file_and_the_message():
    finding = Finding(Position("maps/a,b:c.arg", 2, 5), "quote-not-found", Severity.ERROR,
                      "quote not found: 50% of\nit", "AM202")
    assert format_github([finding]) == (
        "::error file=maps/a%2Cb%3Ac.arg,line=2,col=5,title=quote-not-found (AM202)::"
        "maps/a,b:c.arg:2:5: quote not found: 50%25 of%0Ait\n")


def test_format_auto_picks_github_in_github_actions(three, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run(capsys, "check", "--format", "auto", str(three))[1].startswith("::error ")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert run(capsys, "check", "--format", "auto", str(three))[1].startswith(f"{three}:4:45: error:")


# sarif

@pytest.fixture(scope="module")
def sarif_schema():
    return json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif_of(capsys, *args):
    status, out, _ = run(capsys, "check", "--format", "sarif", *args)
    return status, json.loads(out)


def test_sarif_is_valid_against_the_schema(three, capsys, sarif_schema):
    status, log = sarif_of(capsys, str(three))
    assert status == 1
    jsonschema.validate(log, sarif_schema, cls=jsonschema.Draft4Validator)


def test_sarif_of_no_findings_is_valid_too(project, capsys, sarif_schema):
    path = project.write("m.arg", HEADER + 'thesis main "x"\nassumption a "y" supports main\n')
    status, log = sarif_of(capsys, str(path))
    assert status == 0 and log["runs"][0]["results"] == []
    jsonschema.validate(log, sarif_schema, cls=jsonschema.Draft4Validator)


def test_sarif_lists_every_rule_as_code_scanning_needs(three, capsys):
    _, log = sarif_of(capsys, str(three))
    assert log["$schema"] and log["version"] == "2.1.0"
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "argmap" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == [rule.code for rule in RULES.values()]
    for descriptor, rule in zip(driver["rules"], RULES.values()):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert 0 < len(descriptor["fullDescription"]["text"]) <= 1024
        assert "```" not in descriptor["fullDescription"]["text"]
        assert descriptor["help"]["text"] and descriptor["help"]["markdown"]
        assert descriptor["defaultConfiguration"]["level"] == {
            "error": "error", "warning": "warning", "info": "note"}[rule.severity.value]


def test_sarif_results_point_at_the_token(three, capsys):
    _, log = sarif_of(capsys, str(three))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("AM105", "error"), ("AM307", "note"), ("AM304", "warning")]
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    assert first["message"]["text"] == "no node `mian` in this map; did you mean `main`?"
    [location] = first["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": three.as_uri()},
        "region": {"startLine": 4, "startColumn": 45, "endLine": 4, "endColumn": 49}}


def test_sarif_region_covers_the_word_of_a_quote_that_differs(project, capsys, monkeypatch):
    project.write("m.arg", HEADER + 'thesis main "x"\nevidence q "not in, the \\"source\\" at all" supports main\n')
    monkeypatch.chdir(project.root)
    _, log = sarif_of(capsys, "maps/m.arg")
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "AM202"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "maps/m.arg"}
    # quote-not-found points at the first word that differs from the closest passage.
    assert location["region"] == {"startLine": 3, "startColumn": 17, "endLine": 3, "endColumn": 19}
    line = (project.root / "maps" / "m.arg").read_text(encoding="utf-8").splitlines()[2]
    assert line[16:18] == "in"


def test_sarif_uris_are_percent_encoded():
    finding = Finding(Position("my maps/a#1.arg", 1, 1), "no-thesis", Severity.ERROR, "x", "AM301")
    log = json.loads(format_sarif([finding]))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "my%20maps/a%231.arg"},
                        "region": {"startLine": 1, "startColumn": 1}}
