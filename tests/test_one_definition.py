"""Each fact is defined once: a test here fails when a copy of one comes back.

The language's words (tests/test_lexicon.py) and the exit statuses (tests/test_docs.py) are
checked where their definitions are tested; the severities and the layout's time limit
here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from argmap.render import TIME_LIMIT
from argmap.severity import SEVERITY_WORDS

SOURCES = Path(__file__).resolve().parent.parent / "src" / "argmap"


def _modules():
    for path in sorted(SOURCES.rglob("*.py")):
        yield str(path.relative_to(SOURCES)), ast.parse(path.read_text(encoding="utf-8"))


def _spelled(tree: ast.AST, words) -> list[tuple[int, str]]:
    """Where code compares a text with one of `words`, passes one to a call, or lists one
    in a tuple, list or set (a mapping to another vocabulary, as SARIF's levels, is a dict
    and passes; so does prose)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
        elif isinstance(node, ast.Call):
            operands = [*node.args, *(k.value for k in node.keywords)]
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            operands = node.elts
        else:
            continue
        found += [(o.lineno, o.value) for o in operands
                  if isinstance(o, ast.Constant) and o.value in words]
    return found


def test_the_severities_words_are_spelled_only_in_severity_py():
    copies = {name: found for name, tree in _modules() if name != "severity.py"
              if (found := _spelled(tree, SEVERITY_WORDS))}
    assert copies == {}


def test_the_scan_finds_a_severity_spelled_by_hand():
    assert _spelled(ast.parse('x = ("error", "warning")\nf(choices="info")'),
                    SEVERITY_WORDS) == [(1, "error"), (1, "warning"), (2, "info")]


def test_the_time_limit_is_defined_once():
    assignments, defaults = [], []
    for name, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "TIME_LIMIT" for t in node.targets):
                assignments.append(name)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                arguments = node.args.args + node.args.kwonlyargs
                values = node.args.defaults + node.args.kw_defaults
                named = dict(zip([a.arg for a in arguments][::-1], values[::-1]))
                named.update(zip([a.arg for a in node.args.kwonlyargs], node.args.kw_defaults))
                if "time_limit" in named:
                    default = named["time_limit"]
                    defaults.append((name, node.name, ast.unparse(default) if default else None))
    assert assignments == ["render/__init__.py"]
    assert defaults and all(default == "TIME_LIMIT" for _, _, default in defaults), defaults


def test_the_help_shows_the_time_limit(capsys):
    from argmap.cli import main

    with pytest.raises(SystemExit):
        main(["render", "--help"])
    assert f"default {TIME_LIMIT:g} seconds" in " ".join(capsys.readouterr().out.split())


def test_the_docs_and_help_give_the_number_of_files_workers_start_at(capsys):
    from argmap.cli import main
    from argmap.runner import MIN_FILES
    from conftest import ROOT

    with pytest.raises(SystemExit):
        main(["check", "--help"])
    texts = [capsys.readouterr().out] + [(ROOT / name).read_text(encoding="utf-8")
                                         for name in ("README.md", "docs/api.md",
                                                      "docs/language.md")]
    said = [int(n) for text in texts for n in re.findall(
        r"(?:for|from|from about|With) (\d+) files", " ".join(text.split()))]
    assert len(said) == len(texts) and set(said) == {MIN_FILES}, said
