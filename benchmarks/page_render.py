"""Render public HTML pages into plain-text page dumps in the seeds' style, with their ground truth.

A user's saved page is what a browser's select-all + copy or "save as text"
gives: every block on its own line, the site's furniture kept as text (menus,
footers, asides, related links, comment threads, cookie notices), scripts and
styles gone, images as nothing or their alt text. Savers differ, so each page
gets one of three styles, chosen from a hash of its name (repeatable):

* ``copy``: a browser's copy (innerText): a line break between blocks, a blank
  line around paragraphs and headings, table cells split by tabs, no bullets;
* ``spaced``: a blank line between all blocks, list items sometimes bulleted,
  asides, footers and forms indented by four spaces (as in the seeds);
* ``wrapped``: a text browser's dump, hard-wrapped at 72-80 columns, "* "
  bullets, image alt text in brackets.

And, independently: a stray tag at the top (the page's own tracking pixel in a
``<noscript>``, as a saver that does not run scripts writes it out, else a
generic one) on about one dump in ten; the page's ``<title>`` as the first
line on about one in five.

Corpora (each read from a directory given on the command line; their text is
never committed):

* ``readability``: mozilla/readability's ``test/test-pages`` (``source.html``,
  ``expected.html``, ``expected-metadata.json``); pages under 10 kB are the
  project's synthetic unit cases and are skipped;
* ``l3s``: L3S-GN1 (``annotated/*.html``: spans ``x-nc-sel1`` headline and
  ``x-nc-sel2`` full text; ``x-nc-invisible`` marks what a reader never saw);
* ``dragnet``: dragnet's data as merged by j-szulc/html-cleaning-dataset-merged
  (``input/N.html``, ``GoldStandard/N.txt``, UTF-8 or UTF-16; the article
  without the comments that follow its marker line);
* ``articles``: ``../shared/data/articles`` (``html/``, ``ground_truth/``);
* ``fundus``: flairNLP/fundus's parser test data (``tests/resources/parser/test_data``:
  ``CC/Publisher_YYYY_MM_DD.html.gz`` pages, ``CC/Publisher.json`` holding, per parser
  version, the title, the body as summary + sections of sub-headline and paragraphs, and
  the publishing date, as the project's maintainers checked them in); the versions, in
  order, go with the pages in date order, one each, as fundus's own tests pair them.

Run ``python benchmarks/page_render.py CORPUS DIR --dump NAME`` to print one render.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html

_INVISIBLE = {"script", "style", "noscript", "template", "svg", "iframe", "head", "object", "canvas",
              "input", "select", "textarea", "video", "audio", "map"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
    "tfoot", "tr", "ul", "summary", "caption", "center",
}
_SPACED = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}  # innerText's blank lines
_INDENTED = {"aside", "footer", "form", "dialog", "blockquote"}
_WS = re.compile(r"\s+")
STYLES = ("copy", "spaced", "wrapped")


@dataclass
class Page:
    """One corpus page: its HTML, the gold article text, and the gold headline if the corpus gives one."""

    name: str
    html: bytes
    body: str
    title: str | None = None
    invisible_class: str | None = None  # a class marking elements no reader saw
    date: str | None = None  # the gold publishing day (YYYY-MM-DD) if the corpus gives one


def _pick(name: str, salt: str, n: int) -> int:
    return int(hashlib.sha1(f"{salt}:{name}".encode()).hexdigest()[:8], 16) % n


def is_final(name: str) -> bool:
    """Whether a page belongs to the part scored only at the end (one in three)."""
    return _pick(name, "split", 3) == 0


def _hidden(el, invisible_class: str | None) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    if el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(invisible_class) and invisible_class in (el.get("class") or "").split()


def _blocks(root, invisible_class: str | None, alt: str) -> list[tuple[str, str, int, bool]]:
    """(text, tag, list depth, indented) for each block of visible text, in order."""
    out: list[tuple[str, str, int, bool]] = []
    current: list[str] = []
    stack: list[str] = []  # enclosing block tags

    def flush(tag: str) -> None:
        raw = "".join(current)
        current.clear()
        depth = sum(t in ("ul", "ol") for t in stack)
        indented = any(t in _INDENTED for t in stack)
        # preformatted text keeps its lines
        for part in raw.split("\n") if "pre" in stack or tag == "pre" else [raw]:
            text = _WS.sub(" ", part).strip()
            if text:
                out.append((text, tag, depth, indented))

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag and tag not in _INVISIBLE and not _hidden(el, invisible_class):
            block = tag in _BLOCKS
            if block or tag == "br":
                flush(stack[-1] if stack else "div")
            if tag == "img" and alt != "none" and (el.get("alt") or "").strip():
                text = el.get("alt").strip()
                current.append(f" [{text}] " if alt == "bracket" else f" {text} ")
            if tag in ("td", "th"):
                current.append("\t")
            if block:
                stack.append(tag)
            if el.text:
                current.append(el.text)
            for child in el:
                walk(child)
            if block:
                flush(tag)
                stack.pop()
        if el.tail:
            current.append(el.tail)

    body = root.find(".//body")
    walk(body if body is not None else root)
    flush("div")
    return out


def _tracking_pixel(root) -> str:
    """The page's own tracking pixel (an <img> inside a <noscript>) as raw markup, else a generic one."""
    for ns in root.iter("noscript"):
        raw = (ns.text or "") + "".join(lxml.etree.tostring(c, encoding="unicode") for c in ns)
        raw = _WS.sub(" ", raw).strip()
        if raw.startswith("<img") and len(raw) < 400:
            return raw
    return '<img src="https://stats.example.net/pixel.gif?u=1" width="1" height="1" alt="" />'


def _format(blocks, style: str, width: int, bullets: bool) -> str:
    lines: list[str] = []
    prev_spaced = False
    for text, tag, depth, indented in blocks:
        text = text.replace("\t", " ").strip() if style != "copy" else text.strip("\t ")
        if style == "copy":
            spaced = tag in _SPACED
            if lines and (spaced or prev_spaced):
                lines.append("")
            lines.append(text)
            prev_spaced = spaced
            continue
        pad = "    " if indented and style == "spaced" else ""
        lead = ("* " if bullets or style == "wrapped" else "") if tag == "li" else ""
        pad += "  " * max(0, depth - 1) if tag == "li" else ""
        if lines:
            lines.append("")
        if style == "wrapped":
            lines.extend(textwrap.wrap(text, width, initial_indent=pad + lead,
                                       subsequent_indent=pad + " " * len(lead), break_on_hyphens=False) or [""])
        else:
            lines.append(pad + lead + text)
    return "\n".join(lines) + "\n"


_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.I)


def parse_html(data: bytes):
    """An lxml tree of a page: UTF-8 if it decodes, else the charset its <meta> names, else cp1252."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        m = _CHARSET.search(data[:4096])
        try:
            text = data.decode(m[1].decode() if m else "cp1252", "replace")
        except LookupError:
            text = data.decode("cp1252", "replace")
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    return lxml.html.document_fromstring(text or "<html></html>")


def render(page: Page) -> str:
    """The page as a plain-text dump, in the style its name picks."""
    root = parse_html(page.html)
    style = STYLES[_pick(page.name, "style", 3)]
    alt = ("none", "plain")[_pick(page.name, "alt", 2)] if style != "wrapped" else "bracket"
    text = _format(_blocks(root, page.invisible_class, alt), style, 72 + 4 * _pick(page.name, "width", 3),
                   bullets=_pick(page.name, "bullets", 2) == 1)
    if _pick(page.name, "title", 5) == 0:
        title = root.find(".//title")
        if title is not None and (t := _WS.sub(" ", title.text_content()).strip()):
            text = t + "\n\n" + text
    if _pick(page.name, "stray", 10) == 0:
        text = _tracking_pixel(root) + "\n" + text
    return text


# --- the corpora ---------------------------------------------------------------------


def _text_of(html: str) -> str:
    """The text of an HTML fragment, a line a block."""
    root = parse_html(html.encode("utf-8"))
    return "\n".join(t for t, *_ in _blocks(root, None, "none"))


def readability(root: Path):
    for d in sorted(p for p in root.iterdir() if (p / "source.html").exists()):
        html = (d / "source.html").read_bytes()
        if len(html) < 10_000:
            continue  # a synthetic unit case, not a page
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        body = _text_of((d / "expected.html").read_text(encoding="utf-8"))
        yield Page(d.name, html, body, meta.get("title"))


def _labelled_text(tree, label: str, invisible: str) -> list[str]:
    """The text blocks whose nearest annotation span has class ``label``, skipping invisible elements."""
    out: list[str] = []

    def walk(el, current: str | None) -> None:
        if not isinstance(el.tag, str) or invisible in (el.get("class") or "").split():
            return
        cls = el.get("class") or ""
        mine = cls if el.tag == "span" and cls.startswith("x-nc-sel") else current
        if el.text and el.text.strip() and mine == label and el.tag not in _INVISIBLE:
            out.append(_WS.sub(" ", el.text).strip())
        for child in el:
            walk(child, mine)
            if child.tail and child.tail.strip() and mine == label:
                out.append(_WS.sub(" ", child.tail).strip())

    walk(tree, None)
    return out


def l3s(root: Path):
    for f in sorted((root / "annotated").glob("*.html")):
        html = f.read_bytes()
        tree = parse_html(html)
        body = "\n".join(_labelled_text(tree, "x-nc-sel2", "x-nc-invisible"))
        title = " ".join(_labelled_text(tree, "x-nc-sel1", "x-nc-invisible")[:1]) or None
        yield Page(f.stem, html, body, title, invisible_class="x-nc-invisible")


def dragnet(root: Path):
    for f in sorted((root / "input").glob("*.html"), key=lambda p: p.name):
        gold = root / "GoldStandard" / f"{f.stem}.txt"
        if gold.exists():
            # the gold holds the article, then the comments after a marker line: the article alone
            raw = gold.read_bytes()
            text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8", "replace")
            body = re.split(r"^!@#.*$", text, maxsplit=1, flags=re.M)[0]
            yield Page(f.stem, f.read_bytes(), body)


def articles(root: Path):
    gt = root / "ground_truth"
    for f in sorted((root / "html").glob("*.html")):
        title = None
        if (gt / f"{f.stem}.json").exists():
            body = json.loads((gt / f"{f.stem}.json").read_text(encoding="utf-8"))["articleBody"]
        elif (gt / f"{f.stem}.expected.html").exists():
            body = _text_of((gt / f"{f.stem}.expected.html").read_text(encoding="utf-8"))
            meta = gt / f"{f.stem}.expected-metadata.json"
            title = json.loads(meta.read_text(encoding="utf-8")).get("title") if meta.exists() else None
        else:
            continue
        yield Page(f.stem, f.read_bytes(), body, title)


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


def fundus(root: Path):
    import gzip

    for gold in sorted(root.glob("*/*.json")):
        versions = json.loads(gold.read_text(encoding="utf-8"))
        pages = sorted(gold.parent.glob(f"{gold.stem}_*.html.gz"))  # YYYY_MM_DD names sort by date
        if len(pages) != len(versions):
            continue  # no way to tell which page each version checked
        for f, key in zip(pages, sorted(versions, key=_version_key)):
            v = versions[key]
            b = v.get("body") or {}
            parts = list(b.get("summary") or [])
            for sec in b.get("sections") or []:
                parts += list(sec.get("headline") or []) + list(sec.get("paragraphs") or [])
            day = (v.get("publishing_date") or "")[:10] or None
            name = f"{gold.parent.name}-{f.name.removesuffix('.html.gz')}"
            yield Page(name, gzip.decompress(f.read_bytes()), "\n".join(parts), v.get("title"), date=day)


CORPORA = {"readability": readability, "l3s": l3s, "dragnet": dragnet, "articles": articles, "fundus": fundus}


def main(argv: list[str]) -> int:
    if len(argv) < 4 or argv[0] not in CORPORA or argv[2] != "--dump":
        print(f"usage: page_render.py {{{','.join(CORPORA)}}} DIR --dump NAME", file=sys.stderr)
        return 2
    for page in CORPORA[argv[0]](Path(argv[1])):
        if page.name == argv[3]:
            sys.stdout.write(render(page))
            print(f"--- gold title: {page.title!r}", file=sys.stderr)
            return 0
    print(f"no page {argv[3]!r}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
