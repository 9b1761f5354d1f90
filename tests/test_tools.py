"""The tests that need an outside tool (the Argdown CLI, Chromium, Neovim) get it through
one helper in conftest.py: missing, the test is skipped with the reason, except under
CI=true, where it fails."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT, require_module, require_tool


def test_a_missing_tool_skips_the_test_with_the_reason(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-tool is not installed: get it"):
        require_tool("no-such-tool", "get it")
    with pytest.raises(pytest.skip.Exception, match="no_such_module is not installed: get it"):
        require_module("no_such_module", "get it")


def test_under_ci_a_missing_tool_fails_the_test(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-tool is not installed"):
        require_tool("no-such-tool", "get it")
    with pytest.raises(pytest.fail.Exception, match="no_such_module is not installed"):
        require_module("no_such_module", "get it")


def test_a_tool_that_is_there_is_found():
    assert require_tool(sys.executable, "") == sys.executable
    assert require_module("json", "").__name__ == "json"


def test_no_test_looks_for_a_tool_on_its_own():
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name == "conftest.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"shutil\.which|os\.environ\.get\(\"CI\"|pytest\.skip\(", text), path


def test_ci_installs_every_tool_the_tests_need():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for tool in ("chromium", "neovim", "npm ci --prefix bench"):
        assert tool in ci
