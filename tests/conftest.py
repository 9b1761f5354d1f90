"""Shared fixtures: write `.arg` files into a temporary folder and check them."""

from __future__ import annotations

import importlib
import os
import shutil
import textwrap
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

from argmap.lint import check_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"

# Hypothesis: a modest number of examples in CI (the default); HYPOTHESIS_PROFILE=long for a
# thorough local run. No deadline: other processes share the CPU, and a slow example is
# not a failure.
settings.register_profile("ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _missing(message: str):
    """A test that needs what is missing: skipped, with the reason; failed under `CI=true`,
    where everything the tests need is installed (by .ci/run), so a skip would hide a gap."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: every tool must be installed)")
    pytest.skip(message)


def require_tool(program: str | Path, install: str) -> str:
    """The path of an outside program a test runs (a name on PATH, or a path), or the test
    skipped (failed under CI=true) saying how to `install` it."""
    found = shutil.which(str(program))
    if found is None:
        _missing(f"{program} is not installed: {install}")
    return found


def require_module(name: str, install: str) -> ModuleType:
    """A Python module a test drives an outside tool with, or the test skipped (failed under
    CI=true) saying how to `install` it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return _missing(f"Python's {name} is not installed: {install}")


class Project:
    """A scratch folder with `seeds/` copied in and `.arg` files written on demand; a `.git`
    folder makes it a repository, the project its maps' sources must lie in when no
    configuration says otherwise."""

    def __init__(self, root: Path):
        self.root = root
        (root / ".git").mkdir()
        shutil.copytree(SEEDS, root / "seeds")
        (root / "maps").mkdir()

    def write(self, name: str, text: str) -> Path:
        path = self.root / "maps" / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def check(self, *names: str):
        """The findings of checking these maps (all of `maps/` when none are named)."""
        paths = [str(self.root / "maps" / n) for n in names] or [str(self.root / "maps")]
        return check_paths(paths).findings

    def rules(self, *names: str) -> list[str]:
        return [f.rule for f in self.check(*names)]


@pytest.fixture
def project(tmp_path, monkeypatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path)


HEADER = 'document d "A document" { source "../seeds/fpri.txt" }\n'
