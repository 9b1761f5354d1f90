"""The file cannot be read as the `.arg` language.

Reported at the offending token, in words: what was found, what was expected there, and a
likely fix ("did you mean" for a misspelt node kind). Also reported for a file that is
not UTF-8 text (a NUL byte, an invalid byte) and for an unknown escape in a string.
Every syntax error of a document map is reported (up to 50), one a statement: the
statement is set aside and the map read on from the next line that starts one. In the
statements that parse, the rules whose findings cannot follow from a statement set aside
report as usual (`duplicate-id`, `invalid-header`, `quote-not-found`, `duplicate-quote`,
`invalid-relation`); the others are held back (a claim that a broken statement supported,
a reference to a node it defined). A comparison is read up to its first error.

```arg
thesis engage_russia
  supports sanctions_fail
```
"""

from ...diagnostics import Severity

NAME = "syntax-error"
CODE = "AM101"
SEVERITY = Severity.ERROR
