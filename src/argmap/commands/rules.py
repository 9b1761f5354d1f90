"""`argmap rules`: the lint rules, with their codes, severities and documentation."""

from __future__ import annotations

import sys

from . import EXIT_OK, EXIT_USAGE, add_subparser, exit_statuses

__all__ = ["add_parser", "run"]

_EXIT_CODES = exit_statuses({
    EXIT_OK: "the rules were printed",
    EXIT_USAGE: "usage problem: a bad option, or no rule with that name or code"})


def add_parser(commands) -> None:
    """Add `rules` to the subcommands."""
    rules = add_subparser(
        commands, "rules", help="list the lint rules, or show one rule's documentation",
        description="List the rules of `argmap check`: code, name, default severity and "
                    "summary. With a rule's name or code, print its documentation.",
        epilog=_EXIT_CODES)
    rules.add_argument("rule", nargs="?", metavar="RULE",
                       help="a rule's name or code, such as quote-not-found or AM202")
    rules.add_argument("--format", choices=("text", "json"), default="text",
                       help="text (default): a table, or the documentation; json: an array "
                            "of objects with code, name, severity and summary (one object, "
                            "with the documentation too, for one rule)")
    rules.set_defaults(run=run)


def run(args) -> int:
    """Print the rule catalogue, or one rule's documentation."""
    from .._tools import closest
    from ..errors import ConfigError
    from ..lint.rules import RULES, find_rule

    if args.rule is None:
        if args.format == "json":
            sys.stdout.write(_json([_data(rule) for rule in RULES.values()]))
        else:
            width = max(len(name) for name in RULES)
            for rule in RULES.values():
                print(f"{rule.code}  {rule.name:{width}}  {rule.severity.value:7}  {rule.summary}")
        return EXIT_OK
    chosen = find_rule(args.rule)
    if chosen is None:
        guess = closest(args.rule, list(RULES))
        hint = f"; did you mean `{guess}`?" if guess else "; `argmap rules` lists them"
        raise ConfigError(f"no rule is called `{args.rule}`{hint}")
    import inspect

    documentation = inspect.cleandoc(chosen.doc)
    if args.format == "json":
        sys.stdout.write(_json({**_data(chosen), "documentation": documentation}))
    else:
        print(f"{chosen.name} ({chosen.code}), {chosen.severity.value} by default\n\n"
              f"{documentation}")
    return EXIT_OK


def _data(rule) -> dict:
    return {"code": rule.code, "name": rule.name, "severity": rule.severity.value,
            "summary": rule.summary}


def _json(value) -> str:
    from .._tools import json_text

    return json_text(value) + "\n"
