"""What kind of document a file holds, decided from its content.

``read_source_bytes`` reads a file the way every importer should: it
refuses missing, unreadable, empty and binary files with a short reason
and undoes gzip (with a size cap). ``sniff`` then names the kind.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib
from pathlib import Path

from newsreader.errors import IngestError

MAX_GUNZIP_BYTES = 50 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
KINDS = ("feed", "jsonfeed", "backup", "opml", "html", "text")

_HEAD = 65536
_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)
# `<?` or `<` in UTF-32/16 without a byte order mark
_NULL_PATTERNS = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3", "an SQLite database"),
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FIRST_ELEMENT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_FEED_ROOTS = frozenset(("rss", "feed", "rdf", "channel"))
_HTML_ROOTS = frozenset(
    "html head body div p span meta title link script style article section header "
    "main nav table h1 h2 h3 br a img form ul ol center font b i".split()
)


def text_encoding(data: bytes) -> str | None:
    """The Unicode encoding given by a BOM or a UTF-16/32 byte pattern, else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    for pattern, name in _NULL_PATTERNS:
        if data.startswith(pattern):
            return name
    return None


def decode_head(data: bytes, size: int = _HEAD) -> str:
    """The start of ``data`` as text, good enough to look at markup.

    UTF-16/32 are decoded properly; anything else through latin-1, which
    keeps ASCII markup readable whatever the real encoding is.
    """
    enc = text_encoding(data)
    head = data[: size * 4 if enc and "32" in enc else size * 2 if enc else size]
    if enc:
        text = head.decode(enc, "replace")
        return text.lstrip("\ufeff")
    return head.decode("latin-1")


def gunzip(data: bytes, limit: int = MAX_GUNZIP_BYTES) -> bytes:
    """Decompress gzip ``data``, refusing output larger than ``limit`` bytes."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"corrupt gzip data ({exc})") from None
    if len(out) > limit:
        raise IngestError(f"gzip content larger than {limit // (1024 * 1024)} MB")
    return out


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def check_not_binary(data: bytes) -> None:
    """Raise IngestError when ``data`` is empty or looks like a binary file."""
    if not data or data.isspace():  # not data.strip(): that copies the whole file first
        raise IngestError("empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(f"binary file ({what})")
    if text_encoding(data):
        return
    head = data[:8192]
    if b"\x00" in head:
        raise IngestError("binary file (contains NUL bytes)")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > len(head) // 20:
        raise IngestError("binary file (mostly control bytes)")


MAX_FILE_BYTES = 512 * 1024 * 1024


def read_source_bytes(path: str | Path) -> bytes:
    """Read a file to import: gunzipped if needed, refused with a reason if unusable."""
    path = Path(path)
    try:
        if path.is_dir():
            raise IngestError("is a directory")
        if path.exists() and not path.is_file():
            raise IngestError("not a regular file (a device, pipe or socket)")
        if path.exists() and path.stat().st_size > MAX_FILE_BYTES:
            raise IngestError(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except PermissionError:
        raise IngestError("permission denied") from None
    except IsADirectoryError:
        raise IngestError("is a directory") from None
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data)
    check_not_binary(data)
    return data


def root_element(data: bytes) -> str | None:
    """Local name (lower case, no prefix) of the first element of a markup document."""
    head = _COMMENT.sub(" ", decode_head(data))
    match = _FIRST_ELEMENT.search(head)
    if not match:
        return None
    return match.group(1).rsplit(":", 1)[-1].lower()


_STRUCTURE = re.compile(r"<(?:!doctype|\?xml|html|head|body)\b", re.I)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*[\s/>]")


def _tagged_text(head: str) -> bool:
    """Prose with a stray tag or two (a tracking pixel saved as text above a page dump):
    no document structure (doctype, XML declaration, <html>, <head>, <body>), tags on
    under a quarter of the lines, and at least five lines of plain prose."""
    if _STRUCTURE.search(head):
        return False
    lines = [ln for ln in head.splitlines() if ln.strip()]
    tagged = sum(1 for ln in lines if _TAG.search(ln))
    prose = sum(1 for ln in lines if not _TAG.search(ln) and len(ln.split()) >= 5)
    return prose >= 5 and 4 * tagged < len(lines)


def _sniff_json(data: bytes, first: str) -> str | None:
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        # broken JSON that was meant as an object still goes to the JSON reader,
        # which names the error; a bracket at the start of prose does not
        return "jsonfeed" if first == "{" else None
    if isinstance(doc, dict) and "newsreader_backup" in doc:
        return "backup"
    return "jsonfeed" if isinstance(doc, (dict, list)) else None


def sniff(data: bytes, name: str = "") -> str:
    """Name the kind of ``data``: one of ``KINDS``.

    "feed" covers every XML document that is neither OPML nor HTML (the feed
    parser then says why a non-feed is refused); "jsonfeed" covers JSON that
    is not a newsreader backup. ``name`` only breaks ties. Raises IngestError
    for empty or binary data; gzip data is decompressed first.
    """
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data)
    check_not_binary(data)
    head = decode_head(data).lstrip("\ufeff \t\r\n")
    first = head[:1]
    if first in "{[":
        kind = _sniff_json(data, first)
        if kind:
            return kind
    low = head[:2048].lower()
    if low.startswith("<!doctype html"):
        return "html"
    if first == "<":
        root = root_element(data)
        if root == "opml":
            return "opml"
        if root not in _FEED_ROOTS and _tagged_text(head):
            return "text"
        if root in _HTML_ROOTS or (root is None and name.lower().endswith((".html", ".htm"))):
            return "html"
        # any other markup, even with no element in sight (a comment, a huge DOCTYPE)
        return "feed"
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"
