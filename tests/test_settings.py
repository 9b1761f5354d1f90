"""One set of settings, found per file, used alike by every entry point.

Each entry point (the commands, the API, the language server) runs on the same hostile
project, from a folder outside it: a source outside the project, a source that is a link
out of it, a comparison using a map outside it, an excluded file, and a configuration in a
subfolder (whose folder is then its own project). Each must read the same files, none of
them outside, show none of the outside text, and report or keep back the same files.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import main
from argmap.errors import ConfigError
from argmap.lsp import features
from argmap.lsp.project import Project
from argmap.settings import Discovery, project_of

SECRET = "The secret sentence nobody may quote back."
TEXT = "Sanctions alone have failed. Russia could broker talks.\n"

# Which files open, as Python's audit hook sees them, while a test records them.
_opened: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], str):
        _opened.append(os.path.realpath(args[0]))


sys.addaudithook(_audit)


@pytest.fixture
def reads():
    """The real paths opened while the test runs."""
    global _opened
    _opened = []
    yield _opened
    _opened = None


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """The project, and the folder outside it; the current folder is a third one."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + "\n")
    (outside / "other.arg").write_text(f'document o "O" {{ }}\nthesis t "{SECRET}"\n')
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "text.txt").write_text(TEXT)
    (root / "seeds" / "link.txt").symlink_to(outside / "secret.txt")
    (root / "argmap.toml").write_text('exclude = ["maps/drafts/**"]\n')
    maps = root / "maps"
    (maps / "drafts").mkdir(parents=True)
    (maps / "sub").mkdir()
    write = lambda name, text: (maps / name).write_text(text)  # noqa: E731
    write("good.arg", 'document g "G" { source "../seeds/text.txt" }\n'
          'thesis t "Russia should broker."\n'
          'evidence e "Russia could broker talks" supports t\n')
    write("out.arg", f'document d "D" {{ source "{outside}/secret.txt" }}\n'
          'thesis t "x"\nevidence e "The secret sentence" supports t\n')
    write("linked.arg", 'document l "L" { source "../seeds/link.txt" }\n'
          'thesis t "x"\nevidence e "The secret sentence" supports t\n')
    write("c.arg", f'compare c "C" {{ use "good.arg" use "{outside}/other.arg" }}\n'
          'g.t agrees o.t\n')
    write("drafts/broken.arg", 'thesis "no id\n')
    # A configuration in a subfolder: its folder is the project of the maps below it.
    write("sub/argmap.toml", '[rules]\nunused-evidence = "error"\n')
    write("sub/s.arg", 'document s "S" { source "../../seeds/text.txt" }\n'
          'thesis t "x"\nevidence e "Sanctions alone have failed" supports t\n'
          'evidence stray "Russia could broker talks"\n')
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return root, outside


def _cli(capsys, *args: str) -> tuple[int, str]:
    """The exit status and all that was printed."""
    status, out, err = _run(capsys, *args)
    return status, out + err


def _run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _findings_by_file(findings) -> set[tuple[str, str, int]]:
    return {(os.path.realpath(f.position.file), f.rule, f.position.line) for f in findings}


def _under(paths, folder: Path) -> set[str]:
    return {p for p in paths if p.startswith(str(folder) + os.sep)}


def test_every_entry_point_reads_and_reports_alike(hostile, capsys, reads, tmp_path):
    root, outside = hostile
    maps = str(root / "maps")
    secret_words = "secret sentence nobody"

    # check, the reference
    status, out, _ = _run(capsys, "check", "--format", "json", maps)
    check_reads = set(reads)
    findings = json.loads(out)
    expected = {(os.path.realpath(f["file"]), f["rule"], f["line"]) for f in findings}
    errors = {os.path.realpath(f["file"]) for f in findings if f["severity"] == "error"}
    files = {str(root / "maps" / n) for n in ("good.arg", "out.arg", "linked.arg", "c.arg",
                                                "sub/s.arg")}
    assert status == 1 and secret_words not in out
    assert {file for file, _, _ in expected} <= files
    # what each file's settings refuse, and the subfolder's configuration, are reported
    assert errors == files - {str(root / "maps" / "good.arg")}
    assert (str(root / "maps" / "sub" / "s.arg"), "unused-evidence", 4) in expected
    assert not _under(check_reads, outside) and not _under(check_reads, root / "maps" / "drafts")
    arg_files = {p for p in check_reads if p.endswith(".arg")}
    assert arg_files == files

    # the API
    reads.clear()
    result = argmap.check([maps])
    assert _findings_by_file(result.findings) == expected
    assert {p for p in reads if p.endswith((".arg", ".txt"))} == {
        p for p in check_reads if p.endswith((".arg", ".txt"))}
    for path in files - {str(root / "maps" / "c.arg")}:
        semantics = argmap.load(path)
        assert isinstance(semantics.source, str) == (path in errors), path  # a reason: unread
    assert not _under(reads, outside)

    # the language server's pure functions, with no buffer open
    reads.clear()
    project = Project({}, [str(root)])
    assert set(project.files) == files
    served = set()
    for path in files:
        served |= _findings_by_file(project.findings(path))
    assert served == expected
    assert project.findings(str(root / "maps" / "drafts" / "broken.arg")) == []
    hovers = [features.hover(project, path, offset) for path in files
              for offset in range(len(Path(path).read_text()))]
    assert all(secret_words not in h.contents.value for h in hovers if h is not None)
    assert not _under(reads, outside)

    # the commands that check first, then work on the files without errors
    clean = {str(root / "maps" / "good.arg")}
    out_dir = tmp_path / "out"
    for args in (["render", "--format", "dot"], ["report"], ["export", "--format", "json"]):
        reads.clear()
        status, out = _cli(capsys, *args, "-o", str(out_dir / args[0]), maps)
        done = {line.split(" -> ")[0] for line in out.splitlines() if " -> " in line}
        assert (status, done) == (1, clean), args
        assert not _under(reads, outside), args
        for written in (out_dir / args[0]).iterdir():
            assert secret_words not in written.read_text(), written
    reads.clear()
    status, out, err = _run(capsys, "evaluate", "--format", "json", maps)
    assert status == 1 and secret_words not in out + err and not _under(reads, outside)
    assert [m["file"] for m in json.loads(out[out.index("\n["):])] == list(clean)

    # stats reads every file check reads, and says why a source is unknown
    reads.clear()
    status, out, err = _run(capsys, "stats", "--format", "json", maps)
    assert secret_words not in out + err and not _under(reads, outside)
    stats = json.loads(out)
    assert {s["file"] for s in stats} == files
    assert {p for p in reads if p.endswith(".arg")} == arg_files

    # fmt formats the files check checks, and no other
    reads.clear()
    status, out = _cli(capsys, "fmt", "--check", maps)
    assert f"of {len(files)} files" in out
    assert {p for p in reads if p.endswith(".arg")} == arg_files


def test_a_link_out_of_the_project_is_refused_by_every_entry_point(hostile, capsys, reads):
    root, outside = hostile
    (outside / "leak.arg").write_text(f'document x "{SECRET}" {{ }}\n')
    leak = root / "maps" / "leak.arg"
    leak.symlink_to(outside / "leak.arg")
    reads.clear()
    for command in (["check"], ["render", "--format", "dot"], ["report"],
                    ["export", "--format", "json"], ["evaluate"], ["stats"], ["fmt", "--check"]):
        status, out = _cli(capsys, *command, str(leak))
        assert status == 2 and "it is a link, and it lies outside the project folder" in out, \
            command
        assert "secret sentence" not in out
    with pytest.raises(argmap.errors.InputError, match="it is a link"):
        argmap.load(str(leak))
    project = Project({}, [str(root)])
    assert str(leak) not in project.files and project.findings(str(leak)) == []
    assert not _under(reads, outside)


def test_settings_are_found_per_file_from_anywhere(hostile):
    root, _ = hostile
    settings = Discovery()
    top, sub = settings(str(root / "maps" / "good.arg")), settings(str(root / "maps/sub/s.arg"))
    assert (top.project, top.config.path) == (str(root), str(root / "argmap.toml"))
    assert (sub.project, sub.config.path) == (str(root / "maps" / "sub"),
                                              str(root / "maps" / "sub" / "argmap.toml"))
    assert settings.excluded(str(root / "maps" / "drafts" / "broken.arg"))
    # --config: one configuration for every file, its folder the project
    given = Discovery.for_run(str(root / "maps" / "sub" / "argmap.toml"))
    assert given(str(root / "maps" / "good.arg")).project == str(root / "maps" / "sub")


def test_without_configuration_the_project_is_the_repository_or_the_folder(tmp_path):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "maps").mkdir()
    (tmp_path / "loose").mkdir()
    assert project_of(str(tmp_path / "repo" / "maps")) == str(tmp_path / "repo")
    assert project_of(str(tmp_path / "loose")) == str(tmp_path / "loose")
    # a worktree's or submodule's `.git` is a file
    (tmp_path / "loose" / ".git").write_text("gitdir: elsewhere\n")
    assert project_of(str(tmp_path / "loose")) == str(tmp_path / "loose")
    assert Discovery()(str(tmp_path / "repo" / "maps" / "m.arg")).project == str(tmp_path / "repo")


def test_a_broken_configuration_stops_a_run_but_not_the_language_server(hostile, capsys):
    root, _ = hostile
    (root / "maps" / "sub" / "argmap.toml").write_text("rules = 1\n")
    status, out = _cli(capsys, "check", str(root / "maps"))
    assert status == 2 and "`rules`: must be a table" in out
    with pytest.raises(ConfigError):
        Discovery()(str(root / "maps" / "sub" / "s.arg"))
    lenient = Discovery(lenient=True)(str(root / "maps" / "sub" / "s.arg"))
    assert lenient.project == str(root / "maps" / "sub")
    assert Project({}, [str(root)]).findings(str(root / "maps" / "sub" / "s.arg"))
    # a pyproject.toml that is not TOML, found on the way up: the file's folder is the project
    (root / "maps" / "sub" / "argmap.toml").unlink()
    (root / "maps" / "pyproject.toml").write_text("[tool.argmap\n")
    lenient = Discovery(lenient=True)(str(root / "maps" / "sub" / "s.arg"))
    assert lenient.project == str(root / "maps" / "sub")


def test_per_file_ignores(hostile, capsys):
    root, _ = hostile
    (root / "maps" / "sub" / "argmap.toml").write_text(
        'allow-outside-project = true\n[per-file-ignores]\n"s.arg" = ["AM306"]\n')
    status, out, _ = _run(capsys, "check", "--format", "json", str(root / "maps" / "sub"))
    assert (status, json.loads(out)) == (0, [])
    (root / "maps" / "sub" / "argmap.toml").write_text(
        '[per-file-ignores]\n"*.arg" = ["syntax-error"]\n')
    status, out = _cli(capsys, "check", str(root / "maps" / "sub"))
    assert status == 2 and "`syntax-error` cannot be ignored" in out


def test_each_files_fail_on_and_the_options_over_them(tmp_path, capsys):
    for name, config in (("strict", 'fail-on = "info"\n'), ("lax", "")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "argmap.toml").write_text(config)
        # an unanswered objection: an info finding
        (tmp_path / name / "m.arg").write_text(
            'document d "D" { }\nthesis t "x"  # argmap: ignore[unsupported-claim]\n'
            'objection o "y"  # argmap: ignore[unsupported-claim]\n  attacks t\n')
    assert _run(capsys, "check", str(tmp_path / "lax"))[0] == 0
    assert _run(capsys, "check", str(tmp_path / "strict"))[0] == 1
    assert _run(capsys, "check", str(tmp_path / "lax"), str(tmp_path / "strict"))[0] == 1
    assert _run(capsys, "check", "--fail-on", "error", str(tmp_path / "strict"))[0] == 0
    assert _run(capsys, "check", "--ignore", "AM307", str(tmp_path / "strict"))[0] == 0
    result = argmap.check([str(tmp_path)], ignore=["unanswered-objection"])
    assert result.findings == []


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32",
                    reason="links need symlink support")
def test_exclude_and_per_file_ignores_hold_through_a_link_to_the_project(tmp_path, capsys,
                                                                        monkeypatch):
    """The configuration's folder is a real path: a file reached through a link to the
    project is matched as the file it is, found (`plink`) or named (`--config`)."""
    project = tmp_path / "proj"
    (project / "drafts").mkdir(parents=True)
    (project / "argmap.toml").write_text(
        'exclude = ["drafts/**"]\n[per-file-ignores]\n"kept/*.arg" = ["unsupported-claim"]\n')
    (project / "kept").mkdir()
    bare = 'document d "D" {}\nthesis t "A claim nothing supports."\n'
    (project / "drafts" / "draft.arg").write_text(bare)
    (project / "kept" / "kept.arg").write_text(bare)
    (tmp_path / "plink").symlink_to(project, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for words in (["proj"], ["plink"], ["--config", "plink/argmap.toml", "plink"]):
        status, out, _ = _run(capsys, "check", "--format", "json", *words)
        assert (status, json.loads(out)) == (0, []), words
