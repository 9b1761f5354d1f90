"""Every user string that reaches Graphviz or the SVG passes through here, and only here.

Graphviz reads a label written `<...>` as an HTML-like label: XML text in which it then
expands escapes such as `\\N` (the node's name) and `\\G`, even after entity decoding. So
user text is XML-escaped and its backslashes doubled, which Graphviz reads back as one
backslash each: `\\N` typed by a user stays `\\N` on the page. Characters XML cannot hold
(control characters) become U+FFFD, visibly, rather than making the SVG unreadable.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

__all__ = ["xml_characters", "xml_text", "label_text", "safe_url"]

# What XML 1.0 cannot hold: C0 controls other than tab and line feed (carriage returns are
# dropped by the parser's line handling anyway), and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def xml_characters(text: str) -> str:
    """`text` with the characters XML cannot hold made U+FFFD, for an XML writer to escape."""
    return _NOT_XML.sub("\ufffd", text)


def xml_text(text: str) -> str:
    """`text` as XML character data or an attribute value."""
    # Five replacements are several times faster than str.translate with a table.
    return (xml_characters(text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;"))


def label_text(text: str) -> str:
    """`text` for an HTML-like Graphviz label: XML-escaped, backslashes doubled."""
    return xml_text(text).replace("\\", "\\\\")


def safe_url(url: str) -> str | None:
    """A link for an http(s) URL, percent-encoded so that it carries no quote, backslash,
    angle bracket or space; None for any other URL (`javascript:`, `data:`, `file:`...)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Keep the characters URLs are made of (and `%`, so that escapes already written stay
    # as they are); encode the rest.
    return quote(url, safe="/:?#[]@!$&()*+,;=-._~%")
