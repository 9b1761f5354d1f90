"""`-o -`: standard output, as `-` is standard input to `check` and `fmt`. A command that
writes one file writes it there, the same bytes it would write to a file; where several
would be written, it is refused in words (exit status 2) before anything is read or
written, and no folder named `-` is ever made."""

from __future__ import annotations

import pytest

from argmap.cli import main
from conftest import DATA, HEADER

MAP = HEADER + 'thesis main "A claim."\nassumption ground "A ground." supports main\n'

# Each command that writes a file per map, its options, and the file it writes for m.arg.
WRITERS = [
    (["export", "--format", "json"], "m.json"),
    (["export", "--format", "argdown"], "m.argdown"),
    (["render", "--format", "dot"], "m.dot"),
    (["report"], "m.html"),
]


def _run(capsysbinary, *args):
    status = main([str(arg) for arg in args])
    out, err = capsysbinary.readouterr()
    return status, out, err.decode()


@pytest.mark.parametrize(("command", "written"), WRITERS)
def test_one_file_goes_to_standard_output_as_it_would_to_a_file(project, capsysbinary,
                                                                 command, written):
    path = project.write("m.arg", MAP)
    status, out, err = _run(capsysbinary, *command, path, "-o", "-")
    assert (status, err) == (0, "")
    assert not (project.root / "-").exists() and not (project.root / "maps" / written).exists()
    assert _run(capsysbinary, *command, path)[0] == 0
    assert out == (project.root / "maps" / written).read_bytes()


@pytest.mark.parametrize(("command", "written"), WRITERS)
def test_several_files_to_standard_output_are_refused_before_any_is_read(
        project, capsysbinary, command, written):
    project.write("m.arg", MAP)
    project.write("n.arg", "thesis broken")  # not read: its syntax error is not reported
    status, out, err = _run(capsysbinary, *command, project.root / "maps", "-o", "-")
    assert (status, out) == (2, b"")
    assert err == ("argmap: error: -o - (standard output) holds one file, but 2 .arg files "
                   f"would be {'drawn' if command[0] == 'render' else command[0] + 'ed'}; "
                   "name one of them, or give -o a folder\n")
    assert sorted(p.name for p in project.root.iterdir()) == [".git", "maps", "seeds"]
    assert sorted(p.name for p in (project.root / "maps").iterdir()) == ["m.arg", "n.arg"]


def test_a_folder_with_one_map_goes_to_standard_output(project, capsysbinary):
    project.write("m.arg", MAP)
    status, out, _ = _run(capsysbinary, "export", "--format", "json", project.root / "maps",
                          "-o", "-")
    assert status == 0 and out.startswith(b'{\n  "format": "argmap-export"')


def test_init_writes_the_map_to_standard_output_as_if_in_the_current_folder(
        project, capsysbinary, monkeypatch):
    monkeypatch.chdir(project.root)
    status, out, err = _run(capsysbinary, "init", "seeds/fpri.txt", "-o", "-")
    assert status == 0 and err.startswith("wrote standard output: document `fpri`")
    assert not (project.root / "-").exists() and not (project.root / "fpri.arg").exists()
    assert _run(capsysbinary, "init", "seeds/fpri.txt")[0] == 0
    assert out == (project.root / "fpri.arg").read_bytes()


def test_import_to_standard_output_is_stdout(tmp_path, capsysbinary, monkeypatch):
    monkeypatch.chdir(tmp_path)
    aif = sorted((DATA / "import" / "aif").glob("*.json"))[0]
    status, out, _ = _run(capsysbinary, "import", aif, "-o", "-")
    assert status == 0 and b"\ndocument nodeset6064 " in out
    assert out == _run(capsysbinary, "import", aif, "--stdout")[1]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("command", "written"), WRITERS)
def test_a_map_with_errors_leaves_standard_output_empty_and_says_why_on_standard_error(
        project, capsysbinary, command, written):
    path = project.write("m.arg", MAP + 'premise stray "Stray." supports nowhere\n')
    status, out, err = _run(capsysbinary, *command, path, "-o", "-")
    assert (status, out) == (1, b"")
    assert "no node `nowhere` in this map" in err and " has errors (above)" in err


@pytest.mark.parametrize("command", [["render"], ["report"]])
def test_watching_into_standard_output_is_refused(project, capsysbinary, command):
    path = project.write("m.arg", MAP)
    status, out, err = _run(capsysbinary, *command, path, "-o", "-", "--watch")
    assert (status, out) == (2, b"")
    assert err == ("argmap: error: --watch writes again after each change, and -o - (standard "
                   "output) holds one file: give -o a folder\n")
