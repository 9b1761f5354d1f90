"""The lint rules, one module each: a module's docstring is the rule's documentation.

A rule module has `NAME`, `SEVERITY` (its default) and one or both of `check_map(context)`
and `check_comparison(context)`, generators of `(position, message)` pairs.
"""

from __future__ import annotations

from types import ModuleType
from typing import Callable, Optional

from attrs import frozen

from ...diagnostics import Severity
from . import (
    circular_support, disconnected_node, duplicate_id, invalid_header, invalid_relation,
    missing_document, no_thesis, quote_not_found, source_not_found, syntax_error,
    unanswered_objection, unknown_reference, unsupported_claim, unused_evidence,
)

__all__ = ["Rule", "RULES"]


@frozen
class Rule:
    """A lint rule: its name, default severity, documentation and checks."""

    name: str
    severity: Severity
    doc: str
    check_map: Optional[Callable] = None
    check_comparison: Optional[Callable] = None

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0]

    @classmethod
    def from_module(cls, module: ModuleType) -> "Rule":
        return cls(module.NAME, module.SEVERITY, module.__doc__ or "",
                   getattr(module, "check_map", None), getattr(module, "check_comparison", None))


_MODULES = (
    syntax_error, unknown_reference, duplicate_id, missing_document, no_thesis,
    source_not_found, quote_not_found, invalid_relation, circular_support, unsupported_claim,
    unanswered_objection, disconnected_node, unused_evidence, invalid_header,
)

#: Every rule by name, in the order the documentation lists them.
RULES: dict[str, Rule] = {m.NAME: Rule.from_module(m) for m in _MODULES}
