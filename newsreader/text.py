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
# Whole terminal escape sequences, so none leaves its parameters behind as text:
# CSI (ESC [ or 0x9b ... final byte), OSC/DCS/PM/APC/SOS strings up to their
# terminator (BEL, ESC \\ or 0x9c), and two-character ESC sequences.
_ESCAPES = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"
    "|(?:\x1b[\\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\\\|\x9c)"
    "|\x1b[ -/]*[0-~]"
)
_INTRODUCER = re.compile("[\x1b\x90\x98\x9b\x9d-\x9f]")  # what any of them starts with
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def strip_unsafe(text: str) -> str:
    """Remove control characters and bidi controls; keep tabs and newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _UNSAFE.search(text):  # the common case, in one scan: every introducer is unsafe too
        return text
    if _INTRODUCER.search(text):
        text = _ESCAPES.sub("", text)
    return _UNSAFE.sub("", text)


def clean_line(text: str | None) -> str:
    """One line of display text (a title, a byline): no controls, single spaces."""
    if not text:
        return ""
    if not text.isascii():  # ASCII is its own NFC form
        text = unicodedata.normalize("NFC", text)
    if text.isprintable():
        # no control, format or line-separator character and no space but " "
        # (every character _UNSAFE or _SPACES matches is unprintable): the
        # common case, done without the regular expressions
        return " ".join(text.split()) if "  " in text else text.strip()
    return _clean_line(text)


def _clean_line(text: str) -> str:
    text = strip_unsafe(text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def clean_text(text: str | None) -> str:
    """Body text: paragraphs separated by one blank line, spaces collapsed; a line's
    indent (a nested list item, a block quote) is kept."""
    if not text:
        return ""
    if not text.isascii():  # ASCII is its own NFC form: skip the table look-ups
        text = unicodedata.normalize("NFC", text)
    return text if _is_clean(text) else _clean_text(text)


def _clean_text(text: str) -> str:
    text = strip_unsafe(text)
    paras = []
    for block in re.split(r"\n\s*\n", text):
        lines = []
        for ln in block.split("\n"):
            words = _SPACES.sub(" ", ln).strip()
            if words:
                lines.append(_indent(ln, words) + words)
        para = "\n".join(lines)
        if para:
            paras.append(para)
    return "\n\n".join(paras)


MAX_INDENT = 16  # spaces kept at the start of a line
_MARKER = re.compile(r"(?:[•◦▪‣*-]|\d{1,3}[.)]) ")


def _indent(line: str, words: str) -> str:
    """The indent a line keeps: a nested list item's (spaces before a bullet or a
    number) or a block quote's (four spaces, or eight...); any other is dropped."""
    n = len(line) - len(line.lstrip(" "))
    if n < 2 or (n % 4 and not _MARKER.match(words)):
        return ""
    return " " * min(n, MAX_INDENT)


def _is_clean(text: str) -> bool:
    """True when ``text`` is already what clean_text makes of it (a stored body
    cleaned again, say): printable lines with single inner spaces, no space at
    either end of a line, paragraphs one blank line apart."""
    if text[0] in " \n" or text[-1] in " \n":
        return False
    if text.isprintable():
        # one line (most paragraphs), tested without copying it first: printable
        # means no newline, so only a double space can be wrong in it
        return "  " not in text
    if "  " in text or "\n\n\n" in text or " \n" in text or "\n " in text:
        return False
    return "\n" in text and text.replace("\n", "").isprintable()


def paragraphs(body: str) -> list[str]:
    """The paragraphs of a stored body."""
    return [p for p in body.split("\n\n") if p.strip()]



_UNITS = ("kB", "MB", "GB", "TB")


def counted(n: int, noun: str) -> str:
    """"1 outlet", "2 outlets", "no outlets": a count with its noun (plural by an s)."""
    return f"{n} {noun}" if n == 1 else f"{n or 'no'} {noun}s"


def human_size(length: int) -> str:
    """A byte count for people, in powers of 1000: "830 B", "12.3 MB"."""
    if length < 1000:
        return f"{length} B"
    size = length / 1000
    for unit in _UNITS[:-1]:
        if round(size, 1) < 1000:
            return f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} {_UNITS[-1]}"


UNDATED = "undated"


def shown_date(when, estimated: bool = False) -> str:
    """An article's date as the reader shows it; one the source did not give is "undated",
    as the lists say: the time it is filed under (its feed's order, the news beside it) is a
    place in the list, not a date to show to the minute."""
    return UNDATED if estimated else f"{when:%Y-%m-%d %H:%M} UTC"
