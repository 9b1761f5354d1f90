"""A `# argmap: ignore` comment that suppresses nothing.

A suppression comment stands at the end of the first line of a node or header, and
silences the rules it names (all rules when it names none) for that node or header. One
that no longer silences anything is reported, so that suppressions do not outlive the
problems they were written for: a bare `# argmap: ignore` when no finding was silenced,
each name in `# argmap: ignore[...]` whose rule reported nothing there, a name that is no
rule's, an `# argmap:` comment that cannot be read, and one that is not at the end of the
first line of a node or header. A name whose rule did not run (turned off, or left out by
`--select` or `--ignore`) is not reported: there is no telling whether it is needed.
Findings of this rule cannot be suppressed inline.

```arg
document d "A document" { source "d.txt" }
thesis main "A claim."  # argmap: ignore[unused-evidence]
assumption ground "A ground." supports main
```
"""

from ...diagnostics import Severity

NAME = "unused-suppression"
CODE = "AM901"
SEVERITY = Severity.INFO
