"""A whole session of `argmap lsp`, as an editor runs it, ends cleanly: exit status 0 and
nothing on standard error once the editor says `exit`."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

pytest.importorskip("lsprotocol")


def _message(body: dict) -> bytes:
    data = json.dumps(body).encode()
    return f"Content-Length: {len(data)}\r\n\r\n".encode() + data


def test_a_session_ends_with_status_0_and_nothing_on_standard_error(tmp_path):
    session = b"".join(_message(m) for m in [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"capabilities": {}, "rootUri": tmp_path.as_uri()}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ])
    done = subprocess.run([sys.executable, "-m", "argmap", "lsp"], input=session,
                          capture_output=True, timeout=60, cwd=tmp_path)
    assert (done.returncode, done.stderr.decode()) == (0, "")
    assert re.search(rb'"id": ?2\b', done.stdout)  # the shutdown was answered
