"""The style sheet and scripts every page inlines, and the Content-Security-Policy that lets
exactly them run.

A page is one file that must work offline, so nothing is linked: `static/report.css`,
the vendored Panzoom (`vendor/`, see its README) and `static/report.js` are written into
the page. The style sheet names its colours only as custom properties, which the page
defines from the palette of the drawings (`render.style.PAGE_COLOURS`), with a rule per
kind of relation written here from the language's list of them.

The policy allows no source at all (`default-src 'none'`) but these inline blocks, each
named by the SHA-256 hash of its text: a `<script>` that map text might smuggle into the
page, an event attribute or a `javascript:` URL would not run, nor would any style
attribute apply; no image, font, frame or connection may be fetched.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from importlib import resources

from attrs import frozen

from ..lexicon import CrossKind
from ..render.style import PAGE_COLOURS

__all__ = ["PANZOOM_VERSION", "Assets", "assets", "colour_properties", "kind_colours",
           "content_security_policy", "source_hash"]

#: The version of @panzoom/panzoom in `vendor/`.
PANZOOM_VERSION = "4.6.2"


@frozen
class Assets:
    """The text of the inline style sheet and of the inline scripts, in page order."""

    style: str
    scripts: tuple[str, ...]


@functools.cache
def assets() -> Assets:
    """The package's style sheet and scripts (Panzoom first: the page's script uses it)."""
    folder = resources.files(__package__)
    texts = [(folder / name).read_text(encoding="utf-8")
             for name in ("static/report.css", "vendor/panzoom.min.js", "static/report.js")]
    texts[0] = colour_properties(PAGE_COLOURS) + kind_colours() + texts[0]
    for text in texts:
        # An inline block ends at the first `</style` or `</script`, whatever the context.
        if "</s" in text.lower() or "<!--" in text:
            raise ValueError("an inline asset holds `</s` or `<!--`, which would end its block")
    return Assets(texts[0], tuple(texts[1:]))


def colour_properties(colours: dict[str, str]) -> str:
    """The rule that defines each colour as a custom property of the page.

    >>> print(colour_properties({"ink": "#1b1f24", "pick": "#d46a00"}))
    :root { --ink: #1b1f24; --pick: #d46a00; }
    <BLANKLINE>
    """
    return ":root { " + " ".join(f"--{name}: {value};" for name, value in colours.items()) + " }\n"


def kind_colours() -> str:
    """The rules that give each kind of relation's name in a comparison's table the colour of
    its line (`--kind-KIND`), one for every kind the language has.

    >>> print(kind_colours().splitlines()[0])
    .kind.agrees a { color: var(--kind-agrees); }
    """
    return "".join(f".kind.{kind.value} a {{ color: var(--kind-{kind.value}); }}\n"
                   for kind in CrossKind)


def source_hash(text: str) -> str:
    """The CSP source expression that allows an inline block with exactly this text.

    >>> source_hash("alert(1)")
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(page_assets: Assets) -> str:
    """The policy of a page that inlines `page_assets` and loads nothing else."""
    scripts = " ".join(source_hash(script) for script in page_assets.scripts)
    return (f"default-src 'none'; script-src {scripts}; "
            f"style-src {source_hash(page_assets.style)}; base-uri 'none'; form-action 'none'")
