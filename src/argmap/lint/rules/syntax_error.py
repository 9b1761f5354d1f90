"""The file cannot be read as the `.arg` language.

Reported at the offending token, in words: what was found, what was expected there, and a
likely fix ("did you mean" for a misspelt node kind). Also reported for a file that is
not UTF-8 text (a NUL byte, an invalid byte) and for an unknown escape in a string. The
rest of a file with a syntax error is not checked.

```arg
thesis engage_russia
  supports sanctions_fail
```
"""

from ...diagnostics import Severity

NAME = "syntax-error"
CODE = "AM101"
SEVERITY = Severity.ERROR
