"""The lint rules, one module each: a module's docstring is the rule's documentation.

A rule module has `NAME` (kebab-case), `CODE` (`AM` and three digits; the first digit is
the group: 1 the file and its names, 2 sources and quotes, 3 the argument, 9 suppression
comments), `SEVERITY` (its default) and one or both of `check_map(context)` and
`check_comparison(context)`, generators of `(position, message)` pairs, and `PARTIAL =
True` when its findings in a map with syntax errors, among the statements that parse,
cannot follow from those set aside (a duplicate id, a quote not found: not a claim left
unsupported, nor a reference to a node that a broken statement defined), so that they are
reported beside the syntax errors. `syntax-error` and `unused-suppression` have no checks:
the engine reports them.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from attrs import frozen

from ...diagnostics import Severity
from . import (
    circular_support,
    disconnected_node,
    duplicate_id,
    duplicate_quote,
    empty_topic,
    explained_not_supported,
    hedge_dropped,
    invalid_header,
    invalid_relation,
    missing_document,
    no_thesis,
    open_critical_questions,
    quote_not_found,
    source_not_found,
    syntax_error,
    thesis_defeated,
    unanswered_objection,
    unknown_reference,
    unknown_scheme,
    unrelated_preference,
    unsupported_claim,
    unused_evidence,
    unused_suppression,
)

__all__ = ["Rule", "RULES", "find_rule"]


@frozen
class Rule:
    """A lint rule: its name, code, default severity, documentation and checks."""

    name: str
    code: str
    severity: Severity
    doc: str
    check_map: Callable | None = None
    check_comparison: Callable | None = None
    #: Whether it runs on the statements of a map with syntax errors that parse.
    partial: bool = False

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0]

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(module.NAME, module.CODE, module.SEVERITY, module.__doc__ or "",
                   getattr(module, "check_map", None), getattr(module, "check_comparison", None),
                   getattr(module, "PARTIAL", False))


_MODULES = (
    syntax_error, missing_document, invalid_header, duplicate_id, unknown_reference,
    unknown_scheme, empty_topic, source_not_found, quote_not_found, duplicate_quote,
    hedge_dropped, no_thesis, invalid_relation, circular_support, unsupported_claim,
    disconnected_node, unused_evidence, unanswered_objection, thesis_defeated,
    explained_not_supported, open_critical_questions, unrelated_preference,
    unused_suppression,
)

#: Every rule by name, in the order of their codes (the order the documentation lists them).
RULES: dict[str, Rule] = {m.NAME: Rule.from_module(m) for m in _MODULES}

_BY_CODE = {rule.code: rule for rule in RULES.values()}


def find_rule(key: str) -> Rule | None:
    """The rule with this name or code (`quote-not-found` or `AM202`), if any."""
    return RULES.get(key) or _BY_CODE.get(key.upper())
