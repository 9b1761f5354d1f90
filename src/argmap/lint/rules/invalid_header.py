"""A document header with an unknown or repeated key.

A header holds `publisher`, `author`, `date`, `url`, `source` and `skip-lines`, each at
most once. A misspelt key would silently lose its value, so it is an error, with a
suggestion. A `skip-lines` value must be line numbers and ranges such as `"1-3, 42-47"`.

```arg
document d "A document" {
  source "d.txt"
  publihser "Someone"
}
thesis main "A claim."
```
"""

from ..._tools import closest
from ...diagnostics import Severity
from ...lexicon import HEADER_KEYS, SKIP_LINES, word_list
from ...model import HeaderField, parse_line_ranges
from ...semantics import MapSemantics

NAME = "invalid-header"
CODE = "AM103"
SEVERITY = Severity.ERROR
#: Its findings in the statements that parse stand whatever a statement set aside said.
PARTIAL = True


def check_map(context: MapSemantics):
    for header in context.map.headers:
        seen: dict[str, HeaderField] = {}
        for field in header.fields:
            if field.key not in HEADER_KEYS:
                guess = closest(field.key, HEADER_KEYS)
                hint = (f"did you mean `{guess}`?" if guess
                        else f"known keys: {word_list(HEADER_KEYS)}")
                yield field.position, f"unknown header key `{field.key}`; {hint}"
            elif field.key in seen:
                yield field.position, (f"`{field.key}` is already set at line "
                                       f"{seen[field.key].position.line}")
            else:
                seen[field.key] = field
                if field.key == SKIP_LINES:
                    try:
                        parse_line_ranges(field.value)
                    except ValueError as error:
                        yield field.position, f"`skip-lines`: {error}"
