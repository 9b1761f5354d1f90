"""Nothing lost, no internal error, no quadratic corner (issue 20), and the small faults of
issue 23 in the same vein: each class with a case that failed before its fix."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.cli import main
from conftest import HEADER, ROOT, require_tool

UNFORMATTED = HEADER + 'thesis t "x"\npremise p "y"\n   supports t\n'
FORMATTED = ('document d "A document" {\n  source "../seeds/fpri.txt"\n}\n'
             'thesis t "x"\npremise p "y"\n  supports t\n')


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def argmap(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    """`argmap ARGS` in a process of its own, as a shell runs it."""
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, text=True,
                          **streams)


def out_of_space(monkeypatch) -> None:
    """Every write to a file fails as on a full disk (pipes, to Graphviz, still work)."""
    write = os.write

    def full(descriptor: int, data) -> int:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return write(descriptor, data)
    monkeypatch.setattr(os, "write", full)


def clean_map(project, name: str = "m.arg") -> Path:
    return project.write(name, HEADER + 'thesis t "x"\n'
                         'evidence e "engage the Russian Federation as a potential broker" '
                         'supports t\n')


# --- Nothing is lost: one writer, whole or not at all -----------------------------------

def test_every_file_argmap_writes_goes_through_the_one_writer():
    """No module opens a file for writing but `output_files`: a new command that wrote with
    `open(path, "w")` would empty the file before writing it."""
    writes = re.compile(r"""open\([^)]*["'][wax]b?\+?["']|\.write_(text|bytes)\(|shutil\.(copy|move)""")
    offenders = [f"{path.relative_to(ROOT)}:{number}"
                 for path in sorted((ROOT / "src" / "argmap").rglob("*.py"))
                 if path.name != "output_files.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if writes.search(line)]
    assert offenders == []


@pytest.mark.parametrize("command", [
    ("fmt",), ("init", "../seeds/fpri.txt", "-o", "m.arg", "--force"),
    ("render", "--format", "dot"), ("report",), ("export", "--format", "json"),
    ("export", "--format", "argdown")])
def test_a_full_disk_leaves_every_file_as_it_was_and_says_so(project, capsys, monkeypatch,
                                                             command):
    path = project.write("m.arg", UNFORMATTED)
    (project.root / "argmap.toml").write_text("")
    monkeypatch.chdir(project.root / "maps")
    outputs = {name: b"old " + name.encode() for name in ("m.dot", "m.html", "m.json",
                                                          "m.argdown")}
    for name, data in outputs.items():
        (project.root / "maps" / name).write_bytes(data)
    before = path.read_bytes()
    out_of_space(monkeypatch)
    status, _, err = run(capsys, *command, *(["m.arg"] if command[0] != "init" else []))
    assert status == 2
    assert err.splitlines()[-1].startswith("argmap: error: cannot write ")
    assert err.splitlines()[-1].endswith(": No space left on device")
    assert path.read_bytes() == before
    for name, data in outputs.items():
        assert (project.root / "maps" / name).read_bytes() == data
    assert sorted(p.name for p in (project.root / "maps").iterdir()) == sorted(
        ["m.arg", *outputs])


def test_a_rewritten_file_keeps_its_mode(project, capsys):
    path = project.write("m.arg", UNFORMATTED)
    path.chmod(0o640)
    output = project.root / "maps" / "m.dot"
    output.write_text("old")
    output.chmod(0o600)
    assert run(capsys, "fmt", str(path))[0] == 0
    assert run(capsys, "render", "--format", "dot", str(path))[0] == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert path.read_text() == FORMATTED


def test_a_new_file_gets_the_mode_a_new_file_gets(project, capsys):
    path = clean_map(project)
    umask = os.umask(0o027)
    try:
        assert run(capsys, "export", "--format", "json", str(path))[0] == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE((project.root / "maps" / "m.json").stat().st_mode) == 0o640


def test_a_read_only_map_is_left_alone_by_fmt_with_a_message(project, capsys):
    path = project.write("m.arg", UNFORMATTED)
    path.chmod(0o444)
    status, _, err = run(capsys, "fmt", str(path))
    assert status == 2
    assert err == f"argmap: error: cannot write {path}: it is read-only\n"
    assert path.read_text() == UNFORMATTED


def test_init_never_writes_over_its_source(project, capsys, monkeypatch):
    monkeypatch.chdir(project.root / "seeds")
    before = (project.root / "seeds" / "fpri.txt").read_bytes()
    for output in ("fpri.txt", "./fpri.txt", str(project.root / "seeds" / "fpri.txt")):
        status, _, err = run(capsys, "init", "fpri.txt", "-o", output, "--force")
        assert status == 2
        assert err == (f"argmap: error: {output} is the source text fpri.txt; write the map "
                       "to another file\n")
    assert (project.root / "seeds" / "fpri.txt").read_bytes() == before


def test_render_report_and_export_never_write_over_a_used_map(project, capsys):
    # A comparison `c.arg` that uses a map stored as `c.json`: exporting c writes c.json.
    (project.root / "maps" / "c.json").write_text(HEADER + 'thesis t "x"\n')
    project.write("b.arg", 'document b "B" { source "../seeds/eastwest.txt" }\nthesis u "y"\n')
    path = project.write("c.arg", 'compare c "C" { use "c.json" use "b.arg" }\n'
                         'd.t contradicts b.u\n  "Because."\n')
    status, _, err = run(capsys, "export", "--format", "json", str(path))
    assert status == 2 and "which is one of the files export reads" in err
    assert (project.root / "maps" / "c.json").read_text() == HEADER + 'thesis t "x"\n'


def test_fmt_does_not_rewrite_a_file_outside_the_project_through_a_link(project, capsys,
                                                                      tmp_path_factory):
    (project.root / "argmap.toml").write_text("")
    outside = tmp_path_factory.mktemp("elsewhere") / "theirs.arg"
    outside.write_text(UNFORMATTED)
    (project.root / "maps" / "link.arg").symlink_to(outside)
    status, _, err = run(capsys, "fmt", str(project.root / "maps"))
    assert status == 2
    assert "link.arg: it is a link, and it lies outside the project folder" in err
    assert outside.read_text() == UNFORMATTED


def test_fmt_writes_through_a_link_inside_the_project(project, capsys):
    (project.root / "argmap.toml").write_text("")
    real = project.write("real.arg", UNFORMATTED)
    link = project.root / "maps" / "link.arg"
    link.symlink_to(real)
    assert run(capsys, "fmt", str(link))[0] == 0
    assert link.is_symlink() and real.read_text() == FORMATTED


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_fmt_keeps_crlf_line_ends_and_a_bom(project, capsys, bom):
    laid_out = bom + FORMATTED.replace(
        "\n", "\r\n").encode()
    path = project.root / "maps" / "m.arg"
    path.write_bytes(laid_out)
    assert run(capsys, "fmt", "--check", str(path))[0] == 0
    path.write_bytes(bom + UNFORMATTED.replace(
        "\n", "\r\n").encode())
    assert run(capsys, "fmt", str(path))[0] == 0
    assert path.read_bytes() == laid_out


def test_fmt_on_standard_input_keeps_crlf_line_ends_and_a_bom(project):
    data = b"\xef\xbb\xbf" + UNFORMATTED.replace(
        "\n", "\r\n").encode()
    done = subprocess.run([sys.executable, "-m", "argmap", "fmt", "-"], input=data,
                          capture_output=True, cwd=project.root)
    assert done.stdout == b"\xef\xbb\xbf" + FORMATTED.replace("\n", "\r\n").encode()


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_a_full_disk_under_the_findings_is_one_line_and_exit_2(project, output_format):
    path = project.write("m.arg", HEADER + 'thesis t "x"\npremise p "y" supports nowhere\n')
    with open("/dev/full", "w") as full:
        done = argmap("check", "--format", output_format, str(path), cwd=project.root,
                      stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert done.stderr == "argmap: error: cannot write the output: No space left on device\n"


def test_a_full_disk_under_other_outputs_is_one_line_and_exit_2(project):
    path = clean_map(project)
    for command in (["stats"], ["evaluate", "--format", "json"], ["rules"], ["fmt", "-"]):
        with open("/dev/full", "w") as full, open(path) as source:
            done = argmap(*command, *([str(path)] if command[0] in ("stats", "evaluate")
                                      else []),
                          cwd=project.root, stdout=full, stderr=subprocess.PIPE, stdin=source)
        assert done.returncode == 2, command
        assert done.stderr == "argmap: error: cannot write the output: No space left on device\n"


# --- Small faults of issue 23 -------------------------------------------------------------

@pytest.mark.parametrize("ident", ["9bad", "a b", "", "thesis", "x.y"])
def test_init_refuses_an_id_the_language_cannot_read(project, capsys, monkeypatch, ident):
    monkeypatch.chdir(project.root / "maps")
    status, _, err = run(capsys, "init", "../seeds/fpri.txt", "--id", ident)
    assert status == 2
    assert err.startswith(f"argmap: error: --id: `{ident}` is not an id: ")
    assert list((project.root / "maps").iterdir()) == []


def test_init_accepts_an_id_the_language_reads(project, capsys, monkeypatch):
    monkeypatch.chdir(project.root / "maps")
    assert run(capsys, "init", "../seeds/fpri.txt", "--id", "_fpri-2")[0] == 0
    assert "syntax-error" not in run(capsys, "check", "fpri.arg")[1]


# --- No internal error ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["tool = 5\n", 'tool = "argmap"\n', "tool = [1]\n"])
@pytest.mark.parametrize("command", ["check", "fmt", "render", "stats", "export"])
def test_a_pyproject_whose_tool_is_not_a_table_is_no_configuration(project, capsys,
                                                                    monkeypatch, text, command):
    (project.root / "pyproject.toml").write_text(text)
    clean_map(project)
    monkeypatch.chdir(project.root)
    extra = ["--format", "json"] if command == "export" else []
    status, _, err = run(capsys, command, *extra, "maps")
    assert status == 0 and "error" not in err, err


@pytest.mark.parametrize("name, text", [
    ("pyproject.toml", '[tool]\nargmap = "x"\n'),
    ("pyproject.toml", "[tool]\nargmap = [1, 2]\n"),
    ("pyproject.toml", "[[tool.argmap]]\nrules = {}\n"),
    ("argmap.toml", 'rules = "x"\n'),
    ("argmap.toml", "rules = [1]\n"),
    ("argmap.toml", "rules = {unused-evidence = 3}\n"),
    ("argmap.toml", "rules = {unused-evidence = [\"error\"]}\n"),
    ("argmap.toml", "rules = {unused-evidence = {a = 1}}\n"),
    ("argmap.toml", 'exclude = "drafts"\n'),
    ("argmap.toml", "exclude = [1]\n"),
    ("argmap.toml", "exclude = {a = 1}\n"),
    ("argmap.toml", "fail-on = [\"error\"]\n"),
    ("argmap.toml", "fail-on = {}\n"),
    ("argmap.toml", 'allow-outside-project = "yes"\n'),
    ("argmap.toml", "[rules.unused-evidence]\nx = 1\n"),
    ("argmap.toml", "exclude = " + "[" * 5000 + "]" * 5000 + "\n"),
    ("pyproject.toml", "[tool.argmap]\nrules = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n"),
])
@pytest.mark.parametrize("command", ["check", "fmt", "render", "stats", "export"])
def test_a_configuration_of_the_wrong_shape_is_refused_in_words(project, capsys, monkeypatch,
                                                               name, text, command):
    (project.root / name).write_text(text)
    clean_map(project)
    monkeypatch.chdir(project.root)
    extra = ["--format", "json"] if command == "export" else []
    status, _, err = run(capsys, command, *extra, "maps")
    assert status == 2, err
    assert err.startswith(f"argmap: error: {project.root / name}"), err
    assert "internal error" not in err and len(err.splitlines()) == 1


@pytest.fixture
def not_utf8(project) -> bytes:
    """A map whose file name is not UTF-8, with a warning; its folder."""
    folder = bytes(project.root / "maps")
    with open(folder + b"/caf\xe9.arg", "wb") as file:
        file.write(HEADER.encode() + b'thesis t "x"\npremise p "y" supports t\n')
    return folder


@pytest.mark.parametrize("command", [
    ("check",), ("check", "--format", "json"), ("check", "--format", "sarif"),
    ("check", "--format", "github"), ("stats",), ("stats", "--format", "json"),
    ("evaluate",), ("evaluate", "--format", "json"), ("render", "--format", "dot"),
    ("render",), ("report",), ("export", "--format", "json"), ("export", "--format", "aif"),
    ("export", "--format", "argdown"), ("fmt",), ("fmt", "--check")])
def test_a_file_name_that_is_not_utf8_is_shown_escaped_everywhere(project, capsys, not_utf8,
                                                                  command):
    status, out, err = run(capsys, *command, os.fsdecode(not_utf8))
    assert status in (0, 1), err
    assert "internal error" not in err
    for name in os.listdir(os.fsdecode(not_utf8)):
        if name.endswith((".svg", ".dot", ".html", ".json", ".argdown")):
            text = (project.root / "maps" / name).read_bytes().decode("utf-8")
            assert "caf\udce9" not in text
    (out + err).encode("utf-8")


def test_a_worker_ends_quietly_on_sigterm(monkeypatch):
    """Workers are told to stop with SIGTERM: the parent's handler, which raises, would make
    each print a traceback."""
    from argmap import runner

    monkeypatch.setattr(runner, "MIN_FILES", 2)
    previous = signal.signal(signal.SIGTERM, _raise)
    try:
        handlers = runner.for_each_file(["a", "b"], _handler, jobs=2)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert handlers == [signal.SIG_DFL, signal.SIG_DFL]


def _raise(*_args):
    raise RuntimeError


def _handler(_resolver, _path):
    return signal.getsignal(signal.SIGTERM)


# --- Comparisons follow the maps' rules ------------------------------------------------------

def test_a_comparison_relation_that_supports_and_attacks_the_same_node_is_an_error(project,
                                                                                  capsys):
    project.write("a.arg", HEADER + 'thesis x "x"\n')
    project.write("b.arg", 'document b "B" { source "../seeds/eastwest.txt" }\nthesis y "y"\n')
    path = project.write("c.arg", 'compare c "C" { use "a.arg" use "b.arg" }\n'
                         'd.x supports b.y\n  "One way."\nd.x attacks b.y\n  "The other."\n')
    status, out, _ = run(capsys, "check", str(path))
    assert status == 1
    assert "c.arg:4:1: error: `d.x` both supports and attacks `b.y` [invalid-relation]" in out


# --- --watch: an editor's save, and SIGTERM -------------------------------------------------

def test_watch_keeps_watching_a_file_renamed_away_and_back(project, capsys):
    import threading
    import time

    pytest.importorskip("watchfiles")
    from argmap.errors import InputError
    from argmap.watch import watch

    path = clean_map(project)
    runs: list[bool] = []

    def run_once() -> int:
        runs.append(path.exists())
        if not path.exists():
            raise InputError(f"{path} does not exist")
        return 0

    def wait_for(condition) -> bool:
        deadline = time.monotonic() + 20
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.05)
        return condition()

    stop = threading.Event()
    thread = threading.Thread(target=watch, args=([str(path)], run_once), kwargs={"stop": stop},
                              daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: len(runs) == 1)
        time.sleep(1.0)  # the watcher starts after the first run
        moved = path.with_suffix(".arg~")
        path.rename(moved)
        assert wait_for(lambda: len(runs) == 2)
        time.sleep(0.5)
        moved.rename(path)
        assert wait_for(lambda: len(runs) == 3 and runs[-1])
        assert thread.is_alive()
    finally:
        stop.set()
        thread.join(10)
    err = capsys.readouterr().err
    assert f"argmap: error: {path} does not exist\n" in err
    assert "ended at " in err and "with exit status 2" in err


def test_watch_ends_with_143_on_sigterm(project):
    import time

    pytest.importorskip("watchfiles")
    path = clean_map(project)
    process = subprocess.Popen([sys.executable, "-m", "argmap", "check", "--watch", str(path)],
                               cwd=project.root, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    line = ""
    while "watching" not in line and time.monotonic() < deadline:
        line = process.stderr.readline()
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    rest = process.communicate(timeout=30)[1]
    assert process.returncode == 143
    assert rest.endswith("argmap: terminated\n")


# --- No quadratic corner: work counted, not timed (timings are in bench/corners.py) ----------

def chain(length: int, attacked: bool = False) -> str:
    """A map whose premises form one chain down from its thesis: resting on nothing, or on
    an assumption that an objection defeats."""
    lines = [HEADER, 'thesis n0 "claim 0"\n']
    lines += [f'premise n{i} "claim {i}" supports n{i - 1}\n' for i in range(1, length - 1)]
    kind = "assumption" if attacked else "premise"
    lines.append(f'{kind} n{length - 1} "claim" supports n{length - 2}\n')
    if attacked:
        lines.append(f'objection o "no" attacks n{length - 1}\n'
                     'assumption a "because" supports o\n')
    return "".join(lines)


class Counting(dict):
    """A dict that counts the lookups made through `get`."""

    lookups = 0

    def get(self, *args):
        Counting.lookups += 1
        return super().get(*args)


@pytest.mark.parametrize("attacked", [False, True])
def test_the_defeaters_of_every_node_of_a_chain_take_linear_work(project, attacked):
    from argmap.evaluation import evaluate
    from argmap.semantics import Resolver

    path = project.write("chain.arg", chain(400, attacked))
    resolver = Resolver()
    labelling = evaluate(resolver.of(resolver.load(str(path))))
    object.__setattr__(labelling, "attackers", Counting(labelling.attackers))
    Counting.lookups = 0
    found = [labelling.defeaters(f"n{i}") for i in range(400)]
    assert found == [["o"] if attacked else []] * 400
    assert Counting.lookups <= 3 * 400


def _old_defeaters(labelling, node_id):
    """What `Labelling.defeaters` found before it kept its results: a walk from the node."""
    from collections import deque

    from argmap.evaluation import Label, _defeating

    found: dict[str, None] = {}
    seen: set[str] = set()
    pending = deque([node_id])
    while pending:
        current = pending.popleft()
        label = labelling.nodes[current]
        if current in seen or label is Label.IN or label is Label.OUTWEIGHED:
            continue
        seen.add(current)
        found.update(dict.fromkeys(a for a in labelling.attackers.get(current, [])
                                   if labelling.nodes[a] is _defeating(label)))
        for inference in labelling.supports.get(current, []):
            found.update(dict.fromkeys(u for u in labelling.undercutters.get(inference, [])
                                       if labelling.nodes[u] is _defeating(label)))
            pending += [p for p in inference.premises if labelling.nodes[p] is label]
    return list(found)


_KINDS = ["premise", "assumption", "objection", "rebuttal", "premise"]


@given(st.lists(st.tuples(st.sampled_from(_KINDS), st.sampled_from(["supports", "attacks"]),
                          st.integers(0, 30), st.booleans()), min_size=1, max_size=12))
def test_defeaters_are_those_a_walk_from_the_node_finds(statements):
    """Kept or walked, the same defeaters; in the same order when no node has supports
    on two levels below it (a walk goes level by level, the kept lists premise by premise)."""
    from argmap.evaluation import evaluate
    from argmap.parsing import parse
    from argmap.semantics import MapSemantics

    lines = ['document d "D" {}', 'thesis n0 "t"']
    for number, (kind, relation, target, _) in enumerate(statements, 1):
        lines.append(f'{kind} n{number} "x" {relation} n{target % number}')
    model = parse("\n".join(lines) + "\n", "m.arg")
    semantics = MapSemantics(model)
    labelling = evaluate(semantics)
    for node in labelling.nodes:
        assert sorted(labelling.defeaters(node)) == sorted(_old_defeaters(labelling, node))


def test_the_closest_passage_in_a_long_paragraph_compares_a_stretch_of_it(monkeypatch):
    """A paragraph with no full stop is one long sentence: comparing a missing quote with
    all of it (difflib) takes time in the product of their lengths."""
    import difflib
    import random

    from argmap.quotes import QuoteMiss, SourceText

    compared: list[int] = []
    matcher = difflib.SequenceMatcher

    class Recording(matcher):
        def set_seq2(self, b):
            compared.append(len(b))
            super().set_seq2(b)

    monkeypatch.setattr(difflib, "SequenceMatcher", Recording)
    words = [f"w{i}" for i in range(500)]
    rng = random.Random(1)
    before = " ".join(rng.choice(words) for _ in range(30000))
    after = " ".join(rng.choice(words) for _ in range(30000))
    text = f"{before} the Russian Federation might broker talks with Pyongyang {after}\n"
    [miss] = SourceText(text).locate(["Russian Federation could broker talks with Pyongyang"])
    assert isinstance(miss, QuoteMiss)
    assert miss.closest_text.startswith(("the Russian Federation might broker talks",
                                         "Russian Federation might broker talks"))
    quote = "Russian Federation could broker talks with Pyongyang"
    assert max(compared) <= 8 * len(quote) + 100


def test_the_page_of_a_deep_chain_names_what_each_node_rests_on_in_linear_space(project):
    """Each node's link named every quote below it: down a chain of n claims, n²/2 names
    (a 2,000-deep chain's page was 25 MB, against 4 MB laid out flat)."""
    import argmap
    from argmap.report.page import node_links, quotes_below

    lines = [HEADER, 'thesis n0 "claim 0"\n']
    for i in range(1, 400):
        lines.append(f'premise n{i} "claim {i}" supports n{i - 1}\n'
                     f'evidence e{i} "This report argues" supports n{i}\n')
    links = node_links(argmap.load(str(project.write("chain.arg", "".join(lines)))))
    assert sum(len(link.quotes) + len(link.under) for link in links.values()) <= 3 * 800
    assert quotes_below(links, ["d.n397"]) == (["d.e397", "d.e398", "d.e399"], ["d.e397"])
    assert quotes_below(links, ["d.n0"])[1] == ["d.e1"]
    assert links["d.n0"].href == "#quote:d.e1"


def test_report_takes_the_time_limit_its_message_advises(project, capsys):
    path = clean_map(project)
    status, out, err = run(capsys, "report", "--time-limit", "0.0001", str(path))
    assert (status, out) == (2, "")
    assert "took longer than 0.0001 seconds and was stopped" in err and "--time-limit" in err
    assert run(capsys, "report", "--time-limit", "120", str(path))[0] == 0


class Name(str):
    """A node name that counts how often it is looked up."""

    hashed = 0

    def __hash__(self) -> int:
        Name.hashed += 1
        return str.__hash__(self)


def test_the_spines_of_a_chain_take_linear_work():
    """Each node climbed the chain to its top anew: a 5,000-deep chain took 13 s to draw."""
    from argmap.render.tree import spines

    names = [Name(f"n{i}") for i in range(2000)]
    Name.hashed = 0
    found = spines([(names[i], names[i - 1], "") for i in range(1, 2000)])
    assert found == dict.fromkeys(names, "n0")
    assert Name.hashed <= 20 * 2000


# --- Argdown reads every export back -------------------------------------------------------

ARGDOWN = ROOT / "bench" / "node_modules" / ".bin" / "argdown"
HOSTILE = "{A, B} } { [x] <y> #z //c /* d */ \\\\ \\\" : - \u2028 \u2029 \u0085 \x9b end"


def test_argdown_reads_the_export_of_a_hostile_map_back(project, tmp_path):
    argdown = require_tool(ARGDOWN, "npm ci --prefix bench")
    (project.root / "seeds" / "report {draft} v2.txt").write_text(
        "Title\n\nThe claim {is} made here.\n", encoding="utf-8")
    project.write("a.arg", f'document a "A {HOSTILE}" {{ source "../seeds/report {{draft}} '
                  f'v2.txt" }}\nthesis t "Claim {HOSTILE}" #tag[1]:x\n'
                  'evidence e "The claim {is} made here." supports t\n')
    project.write("b.arg", 'document b "B" { source "../seeds/eastwest.txt" }\n'
                  f'thesis u "Other {HOSTILE}"\n')
    project.write("c.arg", f'compare c "C {HOSTILE}" {{ use "a.arg" use "b.arg" }}\n'
                  f'a.t contradicts b.u\n  "Because {HOSTILE}"\na.e agrees b.u\n  "{{A, B}}"\n')
    assert main(["export", "--format", "argdown", "-o", str(tmp_path),
                 str(project.root / "maps")]) == 0
    done = subprocess.run([argdown, "json", str(tmp_path / "*.argdown"), str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "error" not in (done.stdout + done.stderr).lower(), \
        done.stdout + done.stderr
    hostile = HOSTILE.replace("\\\\", "\\").replace('\\"', '"')
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    statements = data["statements"]
    assert statements["a.t"]["members"][0]["text"].strip() == " ".join(
        f"Claim {hostile}".split())
    assert statements["a.e"]["data"]["source"] == "../seeds/report {draft} v2.txt"
    assert statements["a.t"]["data"]["tags"] == ["tag[1]:x"]
    assert [c["explanation"] for c in statements["a.t"]["data"]["cross"]] == [
        f"Because {hostile}"]
    assert [c["explanation"] for c in statements["a.e"]["data"]["cross"]] == ["{A, B}"]


def test_init_refuses_a_source_whose_name_a_map_cannot_hold(project, capsys, monkeypatch):
    """A map is UTF-8 text: a source path that is not UTF-8 cannot be written in it."""
    monkeypatch.chdir(project.root / "maps")
    with open(bytes(project.root / "seeds") + b"/caf\xe9.txt", "wb") as file:
        file.write(b"Title\n\nA claim.\n")
    status, _, err = run(capsys, "init", os.fsdecode(b"../seeds/caf\xe9.txt"), "-o", "m.arg")
    assert status == 2
    assert err == "argmap: error: cannot refer to ../seeds/caf\\xe9.txt from a map: its path " \
                  "is not UTF-8\n"
    assert list((project.root / "maps").iterdir()) == []


def test_import_never_writes_over_its_input_nor_two_inputs_to_one_file(project, capsys):
    folder = project.root / "maps"
    (folder / "notes.arg").write_text("[t]: An Argdown statement.\n")
    (folder / "a.argdown").write_text("[t]: An Argdown statement.\n")
    (folder / "a.json").write_text('{"nodes": [], "edges": []}\n')
    status, _, err = run(capsys, "import", "--from", "argdown", "--force",
                         str(folder / "notes.arg"))
    assert status == 2 and "which is one of the files import reads" in err
    assert (folder / "notes.arg").read_text() == "[t]: An Argdown statement.\n"
    status, _, err = run(capsys, "import", str(folder / "a.argdown"), str(folder / "a.json"))
    assert status == 2 and "would both be imported to" in err
    assert not (folder / "a.arg").exists()


def test_diff_never_draws_over_a_map_it_compares(project, capsys):
    old = project.write("old.arg", HEADER + 'thesis t "x"\n')
    new = project.write("new.arg", HEADER + 'thesis t "x"\npremise p "y" supports t\n')
    for target in (old, new):
        before = target.read_bytes()
        status, _, err = run(capsys, "diff", str(old), str(new), "--draw", str(target))
        assert status == 2
        assert err.endswith("which is one of the files diff reads; name another file with "
                            "--draw\n")
        assert target.read_bytes() == before


def test_an_aif_file_nested_too_deeply_is_refused_in_words(project, capsys):
    path = project.root / "deep.json"
    path.write_text("[" * 100000 + "]" * 100000)
    status, _, err = run(capsys, "import", "--stdout", str(path))
    assert status == 2
    assert err == f"argmap: error: {path}: its arrays or objects are nested too deeply\n"


def test_two_nodes_that_both_agree_and_contradict_are_an_error(project, capsys):
    project.write("a.arg", HEADER + 'thesis x "x"\n')
    project.write("b.arg", 'document b "B" { source "../seeds/eastwest.txt" }\nthesis y "y"\n')
    path = project.write("c.arg", 'compare c "C" { use "a.arg" use "b.arg" }\n'
                         'd.x agrees b.y\n  "One way."\nb.y contradicts d.x\n  "The other."\n'
                         'd.x supports b.y\n  "Fine."\n')
    status, out, _ = run(capsys, "check", str(path))
    assert status == 1
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert errors == [f"{path}:4:1: error: `b.y` both agrees with and contradicts `d.x` "
                      "[invalid-relation]"]


@pytest.mark.parametrize("output_format", ["text", "json", "markdown"])
def test_diff_shows_a_file_name_that_is_not_utf8_escaped(project, capsysbinary, not_utf8,
                                                         output_format):
    old = project.write("old.arg", HEADER + 'thesis t "x"\n')
    capsysbinary.readouterr()
    status = main(["diff", "--format", output_format, str(old),
                   os.fsdecode(not_utf8 + b"/caf\xe9.arg")])
    out = capsysbinary.readouterr().out.decode("utf-8")
    if output_format == "json":
        json.loads(out)
        out = out.replace("\\\\", "\\")  # the backslash as JSON escapes it
    assert status == 0 and "caf\\xe9.arg" in out


AIF = ('{"nodes": [{"nodeID": "1", "text": "Russia matters.", "type": "I"}, '
       '{"nodeID": "2", "text": "It borders Korea.", "type": "I"}, '
       '{"nodeID": "3", "text": "Default Inference", "type": "RA"}], '
       '"edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, '
       '{"edgeID": "2", "fromID": "3", "toID": "1"}], "locutions": []}\n')


def test_import_of_a_file_whose_name_is_not_utf8_writes_a_map_that_reads(project, capsys):
    folder = bytes(project.root / "maps")
    with open(folder + b"/caf\xe9.json", "w") as file:
        file.write(AIF)
    status, out, err = run(capsys, "import", os.fsdecode(folder + b"/caf\xe9.json"))
    assert status == 0, err
    assert "caf\\xe9.arg" in out
    status, out, _ = run(capsys, "check", os.fsdecode(folder + b"/caf\xe9.arg"))
    assert status == 0 and "syntax-error" not in out
