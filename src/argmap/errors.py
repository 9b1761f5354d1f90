"""Every exception argmap raises, one per failure the user can act on.

Each keeps its data as attributes and pickles (worker processes send them back), and its
`str()` is the message the user reads. A syntax error carries a `SyntaxProblem`, the
identity of what is wrong, so that code and tests tell problems apart without reading
their words.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Position

__all__ = ["ArgmapError", "ArgSyntaxError", "SyntaxProblem", "InputError", "ConfigError",
           "LayoutError", "Refused", "Terminated"]


class ArgmapError(Exception):
    """Base class of argmap's own errors: `message` is what the user reads."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class SyntaxProblem(enum.Enum):
    """What makes a `.arg` file unreadable as the language; `parsing.syntax_errors` words
    each one."""

    NOT_TEXT = "not-text"
    UNKNOWN_ESCAPE = "unknown-escape"
    UNTERMINATED_STRING = "unterminated-string"
    BAD_CHARACTER = "bad-character"
    CURLY_QUOTES = "curly-quotes"
    BARE_HASH = "bare-hash"
    BAD_ARROW = "bad-arrow"
    BAD_ID_START = "bad-id-start"
    HEADER_FIELD_SEPARATOR = "header-field-separator"
    UNCLOSED_HEADER = "unclosed-header"
    KEYWORD_AS_NAME = "keyword-as-name"
    STATEMENT_IN_RELATION = "statement-in-relation"
    SECOND_COMPARE = "second-compare"
    DOCUMENT_IN_COMPARISON = "document-in-comparison"
    NODE_IN_COMPARISON = "node-in-comparison"
    USE_OUTSIDE_HEADER = "use-outside-header"
    NOT_A_CROSS_KIND = "not-a-cross-kind"
    CHAINED_CROSS_RELATION = "chained-cross-relation"
    MISSING_TARGET = "missing-target"
    CROSS_RELATION_IN_MAP = "cross-relation-in-map"
    UNKNOWN_KIND = "unknown-kind"
    UNKNOWN_RELATION = "unknown-relation"
    MISSING_COMMA = "missing-comma"
    MISPLACED_TAG = "misplaced-tag"
    MISPLACED_ARROW = "misplaced-arrow"
    MISPLACED_WITH = "misplaced-with"
    LINKED_AFTER_LIST = "linked-after-list"
    COMPARE_IN_MAP = "compare-in-map"
    USE_IN_MAP = "use-in-map"
    NODE_TEXT_EXPECTED = "node-text-expected"
    NODE_ID_EXPECTED = "node-id-expected"
    DOCUMENT_ID_EXPECTED = "document-id-expected"
    DOCUMENT_TITLE_EXPECTED = "document-title-expected"
    HEADER_OPEN_EXPECTED = "header-open-expected"
    HEADER_KEY_EXPECTED = "header-key-expected"
    HEADER_VALUE_EXPECTED = "header-value-expected"
    COMPARISON_ID_EXPECTED = "comparison-id-expected"
    COMPARISON_TITLE_EXPECTED = "comparison-title-expected"
    COMPARISON_OPEN_EXPECTED = "comparison-open-expected"
    USE_PATH_EXPECTED = "use-path-expected"
    COMPARISON_HEADER_HOLDS_USES = "comparison-header-holds-uses"
    ARROW_EXPECTED = "arrow-expected"
    QUALIFIED_NODE_EXPECTED = "qualified-node-expected"
    AFTER_NODE_TEXT = "after-node-text"
    AFTER_RELATION = "after-relation"
    CROSS_KIND_EXPECTED = "cross-kind-expected"
    AFTER_CROSS_RELATION = "after-cross-relation"
    AFTER_COMPARISON_HEADER = "after-comparison-header"
    UNEXPECTED = "unexpected"


class ArgSyntaxError(ArgmapError):
    """A `.arg` file that cannot be read as the language: reported as `syntax-error`."""

    def __init__(self, message: str, position: Position, problem: SyntaxProblem):
        Exception.__init__(self, message, position, problem)  # all three, so that it pickles
        self.message = message
        self.position = position
        self.problem = problem


class InputError(ArgmapError):
    """A path on the command line that cannot be read or written: exit status 2."""


class ConfigError(ArgmapError):
    """A configuration that cannot be used, or a rule on the command line that does not
    exist: exit status 2."""


class LayoutError(ArgmapError):
    """No layout engine, an engine that failed, or a layout that ran out of time."""


class Refused(ArgmapError):
    """A request of the language server that it declines, and why in words: a rename to an
    id that is taken or that cannot be an id."""


class Terminated(BaseException):
    """SIGTERM arrived: argmap stops as Ctrl-C stops it, its workers, Graphviz and temporary
    files cleaned up on the way out (a BaseException, so that no `except Exception` holds
    it)."""
