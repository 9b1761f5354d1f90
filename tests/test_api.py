"""The public API: the examples of docs/api.md run as written, `__all__` says what each
module defines, and errors pickle with their data."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pickle
import pkgutil
import subprocess
import sys

import pytest

import argmap
from argmap import errors
from argmap.model import Position
from conftest import ROOT


def test_the_examples_of_the_api_documentation_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    failed, attempted = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False,
                                         optionflags=doctest.ELLIPSIS)
    assert attempted > 20
    assert failed == 0


def _modules():
    yield argmap
    for info in pkgutil.walk_packages(argmap.__path__, "argmap."):
        if not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


@pytest.mark.parametrize("module", list(_modules()), ids=lambda m: m.__name__)
def test_all_names_what_the_module_defines(module):
    names = getattr(module, "__all__", None)
    if names is None:  # a rule module: its interface is NAME, CODE, SEVERITY and checks
        assert module.__name__.startswith("argmap.lint.rules.")
        return
    assert all(hasattr(module, name) for name in names)
    defined = {name for name, value in vars(module).items()
               if not name.startswith("_") and (inspect.isfunction(value) or inspect.isclass(value))
               and value.__module__ == module.__name__}
    assert defined <= set(names), sorted(defined - set(names))


def test_every_modules_doctests_are_collected():
    """pytest runs the examples in every module's docstrings (`--doctest-modules` over
    src/argmap), so that none is left out of a hand-kept list."""
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_options = options["tool"]["pytest"]["ini_options"]
    assert "--doctest-modules" in pytest_options["addopts"].split()
    assert "src/argmap" in pytest_options["testpaths"]


@pytest.mark.parametrize("error", [
    errors.ArgSyntaxError("missing `,`", Position("m.arg", 3, 7), errors.SyntaxProblem.MISSING_COMMA),
    errors.InputError("cannot read m.arg"), errors.ConfigError("bad key"),
    errors.LayoutError("no engine")], ids=lambda e: type(e).__name__)
def test_errors_pickle_with_their_data(error):
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and vars(copy) == vars(error) and str(copy) == str(error)


def test_importing_argmap_imports_neither_the_api_nor_lark():
    code = ("import sys, argmap; print(argmap.__version__); "
            "print(sorted(m for m in sys.modules if m.startswith(('argmap.', 'lark', 'attr'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines() == [argmap.__version__, "[]"]
