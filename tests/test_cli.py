"""The `argmap check` command: formats, exit statuses, messages on the terminal."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys

import pytest

from argmap import __version__
from argmap.cli import main
from conftest import HEADER

CLEAN = HEADER + 'thesis main "x"\nassumption a "y" supports main\n'
BROKEN = HEADER + 'thesis main "x"\npremise p "y" supports mian\n'


def run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_clean_map_exits_0(project, capsys):
    path = project.write("m.arg", CLEAN)
    status, out, err = run(capsys, "check", str(path))
    assert (status, out, err) == (0, "No problems found in 1 file.\n", "")


def test_text_format_shows_line_and_caret(project, capsys):
    path = project.write("m.arg", BROKEN)
    status, out, _ = run(capsys, "check", str(path))
    assert status == 1
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "[unknown-reference]" in line)
    assert lines[start:start + 3] == [
        f"{path}:3:24: error: no node `mian` in this map; did you mean `main`? [unknown-reference]",
        '  premise p "y" supports mian',
        "                         ^^^^",
    ]
    assert out.splitlines()[-1] == "Found 1 error, 2 warnings in 1 file."


def test_caret_keeps_tabs(project, capsys):
    path = project.write("m.arg", HEADER + 'thesis main "x"\n\tpremise\tp "y" supports\tmian\n')
    _, out, _ = run(capsys, "check", str(path))
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "[unknown-reference]" in line)
    assert lines[start + 1:start + 3] == ['  \tpremise\tp "y" supports\tmian', "  \t       \t" + " " * 14 + "\t^^^^"]


def test_json_format_follows_the_contract(project, capsys):
    path = project.write("m.arg", BROKEN)
    status, out, _ = run(capsys, "check", "--format", "json", str(path))
    assert status == 1
    findings = json.loads(out)
    assert [f for f in findings if f["severity"] == "error"] == [{
        "rule": "unknown-reference", "code": "AM105", "severity": "error", "file": str(path),
        "line": 3, "column": 24, "message": "no node `mian` in this map; did you mean `main`?",
        "end_column": 28}]
    for finding in findings:
        assert set(finding) == {"rule", "code", "severity", "file", "line", "column",
                                "end_column", "message"}
        assert finding["severity"] in ("error", "warning", "info")


def test_json_of_a_clean_map_is_an_empty_array(project, capsys):
    path = project.write("m.arg", CLEAN)
    assert run(capsys, "check", "--format", "json", str(path))[:2] == (0, "[]\n")


def test_warnings_alone_exit_0(project, capsys):
    path = project.write("m.arg", HEADER + 'thesis main "x"\n')
    status, out, _ = run(capsys, "check", str(path))
    assert status == 0 and "[unsupported-claim]" in out


def test_folders_are_searched_for_arg_files(project, capsys):
    project.write("b.arg", CLEAN)
    project.write("a.arg", BROKEN)
    (project.root / "maps" / "sub").mkdir()
    (project.root / "maps" / "sub" / "c.arg").write_text(CLEAN.replace("../seeds", "../../seeds"))
    (project.root / "maps" / "notes.txt").write_text("not a map")
    status, out, _ = run(capsys, "check", "--format", "json", str(project.root / "maps"))
    assert status == 1
    assert {f["file"].rsplit("/", 1)[-1] for f in json.loads(out)} == {"a.arg"}
    status, out, _ = run(capsys, "check", str(project.root / "maps"))
    assert out.endswith("in 3 files.\n")


def test_missing_path_exits_2_with_a_message_on_stderr(capsys):
    status, out, err = run(capsys, "check", "no/such/file.arg")
    assert (status, out) == (2, "")
    assert err == "argmap: error: no such file or folder: no/such/file.arg\n"


def test_bad_option_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml", "x.arg"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_empty_folder_warns(tmp_path, capsys):
    status, _, err = run(capsys, "check", str(tmp_path))
    assert status == 0 and "no .arg files" in err


def test_comparison_checks_the_maps_it_uses(project, capsys):
    project.write("a.arg", BROKEN.replace("document d", "document a"))
    path = project.write("c.arg", 'compare c "C" { use "a.arg" }\n')
    status, out, _ = run(capsys, "check", "--format", "json", str(path))
    assert status == 1
    assert [f["rule"] for f in json.loads(out) if f["severity"] == "error"] == ["unknown-reference"]


def test_output_is_deterministic(project):
    path = project.write("m.arg", BROKEN)
    outputs = {
        subprocess.run([sys.executable, "-m", "argmap", "check", "--format", "json", str(path)],
                       capture_output=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "2", "3")}
    assert len(outputs) == 1


def test_python_dash_m_and_version():
    done = subprocess.run([sys.executable, "-m", "argmap", "--version"], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, f"argmap {__version__}\n")


def test_help_lists_options_configuration_and_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    for option in ("--format", "--select", "--ignore", "--fail-on", "--config", "--force-exclude",
                   "--quiet", "--color", "[tool.argmap]", "# argmap: ignore[RULE, ...]"):
        assert option in out
    assert "exit status:" in out and "2  usage or input problem" in out


def test_quiet_prints_only_the_findings(project, capsys):
    path = project.write("m.arg", BROKEN)
    status, out, err = run(capsys, "check", "--quiet", str(path))
    assert status == 1 and err == ""
    assert "[unknown-reference]" in out and "Found" not in out
    assert run(capsys, "check", "-q", str(project.write("c.arg", CLEAN)))[1:] == ("", "")


def test_many_files_are_checked_in_workers_with_the_same_result(project, monkeypatch):
    from argmap import runner
    from argmap.lint import check_paths

    for i in range(6):
        project.write(f"m{i}.arg", BROKEN if i % 2 else CLEAN)
    project.write("c.arg", 'compare c "C" { use "m1.arg" use "gone.arg" }\n')
    folder = [str(project.root / "maps")]
    alone = check_paths(folder)
    monkeypatch.setattr(runner, "MIN_FILES", 2)
    counts = []
    together = check_paths(folder, progress=lambda done, total: counts.append((done, total)), jobs=2)
    assert len(alone.findings) > 3
    assert (together.findings, together.files) == (alone.findings, alone.files)
    assert [done for done, _ in counts] == list(range(1, 8)) and counts[-1] == (7, 7)
    assert together.lines == alone.lines and len(alone.lines) > 3



def test_a_run_lets_go_of_each_file_once_checked_with_the_same_findings(project):
    """Memory flat in the number of files (issue 14): a run with its own resolver keeps a
    file's model, source and semantics only while a comparison still needs them, and finds
    what a run that keeps them all finds."""
    from argmap.diagnostics import Severity
    from argmap.lint import DEFAULT_SEVERITIES, check_paths
    from argmap.lint.engine import check_file
    from argmap.semantics import Resolver

    for i in range(4):
        project.write(f"m{i}.arg", (BROKEN if i % 2 else CLEAN).replace("document d ", f"document d{i} "))
    project.write("a.arg", 'compare c "C" { use "m1.arg" use "m3.arg" use "gone.arg" }\n'
                           'd1.main contradicts d3.main\nd1.nope agrees d3.main\n')
    folder = [str(project.root / "maps")]
    kept = Resolver()
    assert check_paths(folder).findings == check_paths(folder, resolver=kept).findings
    assert len(kept.workspace.paths_read()) > 5  # the caller's resolver holds every file

    resolver = Resolver()
    severities: dict[str, Severity] = dict(DEFAULT_SEVERITIES)
    maps = project.root / "maps"
    check_file(resolver, str(maps / "m0.arg"), severities, forget=True)
    assert resolver.workspace.paths_read() == set()  # nothing to keep
    report = check_file(resolver, str(maps / "a.arg"), severities, forget=True)
    awaited = {os.path.realpath(maps / "m1.arg"), os.path.realpath(maps / "m3.arg")}
    assert {os.path.realpath(p) for p in report.used} == awaited
    assert awaited <= resolver.workspace.paths_read()  # checked next: read once
    check_file(resolver, str(maps / "m1.arg"), severities, forget=True)
    check_file(resolver, str(maps / "m3.arg"), severities, forget=True)
    assert resolver.workspace.paths_read() == set()

@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the workers must inherit the patched functions")
def test_errors_in_workers_give_one_line_and_exit_2(project, capsys, monkeypatch):
    from argmap import runner
    from argmap.lint import engine
    from argmap.workspace import Workspace

    paths = [str(project.write(f"m{i}.arg", CLEAN)) for i in range(3)]
    monkeypatch.setattr(runner, "MIN_FILES", 2)
    load = Workspace.load

    def refuse(self, path):
        if path == paths[1]:
            raise PermissionError(13, "Permission denied")
        return load(self, path)

    monkeypatch.setattr(Workspace, "load", refuse)
    assert run(capsys, "check", *paths) == (2, "", f"argmap: error: cannot read {paths[1]}: "
                                                   "Permission denied\n")
    monkeypatch.setattr(engine, "_check_loaded", lambda *args: 1 / 0)
    status, out, err = run(capsys, "check", *paths)
    assert (status, out) == (2, "") and err.count("\n") == 1
    assert err.startswith("argmap: internal error: ZeroDivisionError: division by zero")


# argmap rules

def test_rules_lists_every_rule_with_its_code(capsys):
    from argmap.lint import RULES

    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].split()[:3] == ["AM101", "syntax-error", "error"]
    assert [line.split()[0] for line in lines] == sorted(rule.code for rule in RULES.values())


def test_rules_as_json(capsys):
    assert main(["rules", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items[8] == {"code": "AM202", "name": "quote-not-found", "severity": "error",
                        "summary": "An evidence quote does not occur in the document's source."}
    assert len({item["code"] for item in items}) == len(items)


def test_one_rules_documentation_by_name_or_code(capsys):
    assert main(["rules", "unused-evidence"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("unused-evidence (AM306), warning by default\n\nEvidence that supports")
    assert "```arg" in out
    assert main(["rules", "AM306"]) == 0 and capsys.readouterr().out == out
    assert main(["rules", "--format", "json", "am306"]) == 0
    assert json.loads(capsys.readouterr().out)["documentation"].startswith("Evidence that supports")


def test_an_unknown_rule_exits_2(capsys):
    assert main(["rules", "unused-evidnce"]) == 2
    assert capsys.readouterr().err == ("argmap: error: no rule is called `unused-evidnce`; did you "
                                       "mean `unused-evidence`?\n")


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, capsys):
    import argmap.lint

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(argmap.lint, "check_paths", interrupted)
    assert main(["check", "maps"]) == 130
    assert capsys.readouterr().err == "argmap: interrupted\n"
