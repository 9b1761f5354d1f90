"""GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=T::message` per finding."""

from __future__ import annotations

from collections.abc import Iterable

from .._tools import visible
from ..diagnostics import Finding, Severity

__all__ = ["format_github", "escape_data", "escape_property"]

# GitHub has no "info" annotation; "notice" is its least severe.
_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped as the Actions toolkit does (`escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value, escaped as the Actions toolkit does (`escapeProperty`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Iterable[Finding]) -> str:
    """One workflow command per finding, which the runner shows as an annotation on the
    file and line; the message repeats the place, for whoever reads the raw log."""
    out = []
    for finding in findings:
        where = finding.position
        title = f"{finding.rule} ({finding.code})" if finding.code else finding.rule
        file = visible(where.file)
        properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in (
            ("file", file), ("line", where.line), ("col", where.column), ("title", title)))
        message = f"{file}:{where.line}:{where.column}: {visible(finding.message)}"
        out.append(f"::{_COMMANDS[finding.severity]} {properties}::{escape_data(message)}\n")
    return "".join(out)
