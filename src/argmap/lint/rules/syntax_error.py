"""The file cannot be read as the `.arg` language.

Reported at the offending token, in words: what was found, what was expected there, and a
likely fix ("did you mean" for a misspelt node kind). Also reported for a file that is
not UTF-8 text (a NUL byte, an invalid byte) and for an unknown escape in a string.
Every syntax error of a document map is reported (up to 50), one a statement: the
statement is set aside and the map read on from the next line that starts one. Nothing
else is reported in a file with a syntax error: what the other rules would find may only
follow from the statements set aside. A comparison is read up to its first error.

```arg
thesis engage_russia
  supports sanctions_fail
```
"""

from ...diagnostics import Severity

NAME = "syntax-error"
CODE = "AM101"
SEVERITY = Severity.ERROR
