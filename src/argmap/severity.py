"""How serious a finding is: the severities and their words, defined once.

A module of its own, with nothing but `enum`, so that the command line's options can list
the words without importing the rest of argmap.
"""

from __future__ import annotations

import enum

__all__ = ["Severity", "SEVERITY_WORDS", "words_or"]


class Severity(str, enum.Enum):
    """How serious a finding is, the least first; `rank` orders them."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for the least serious, up.

        >>> Severity.INFO.rank < Severity.WARNING.rank < Severity.ERROR.rank
        True
        """
        return type(self)._member_names_.index(self.name)

    def tally(self, n: int) -> str:
        """`n` findings of this severity, in words (`info` has no plural).

        >>> Severity.ERROR.tally(1), Severity.WARNING.tally(2), Severity.INFO.tally(3)
        ('1 error', '2 warnings', '3 info')
        """
        return f"{n} {self.value}" + ("" if n == 1 or self is Severity.INFO else "s")


#: The severities' words, the most serious first, as options and configurations take them.
SEVERITY_WORDS = tuple(severity.value for severity in reversed(Severity))


def words_or(words) -> str:
    """Words quoted, as a configuration writes them, the last after `or`.

    >>> words_or(SEVERITY_WORDS)
    '"error", "warning" or "info"'
    """
    quoted = [f'"{word}"' for word in words]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
