"""Small text helpers shared by the parsers: untrusted text stays text.

Every string that comes from a feed or a page passes through ``clean_text``
before it is stored, so no control character, escape sequence or bidi
override from content can reach the terminal.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except \t and \n, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and the zero-width/line-separator characters that confuse terminals.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def strip_unsafe(text: str) -> str:
    """Remove control characters and bidi controls; keep tabs and newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", text)


def clean_line(text: str | None) -> str:
    """One line of display text (a title, a byline): no controls, single spaces."""
    if not text:
        return ""
    text = strip_unsafe(unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def clean_text(text: str | None) -> str:
    """Body text: paragraphs separated by one blank line, spaces collapsed."""
    if not text:
        return ""
    text = strip_unsafe(unicodedata.normalize("NFC", text))
    paras = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_SPACES.sub(" ", ln).strip() for ln in block.split("\n")]
        para = "\n".join(ln for ln in lines if ln)
        if para:
            paras.append(para)
    return "\n\n".join(paras)


def paragraphs(body: str) -> list[str]:
    """The paragraphs of a stored body."""
    return [p for p in body.split("\n\n") if p.strip()]
