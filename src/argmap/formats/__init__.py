"""Formats for CI: GitHub Actions workflow commands and SARIF 2.1.0 for code scanning.

The text and JSON formats every command prints are in `argmap.diagnostics`.
"""

from .github import format_github
from .sarif import format_sarif

__all__ = ["format_github", "format_sarif"]
