"""Word-level F1 of the saved-page cleaner on the shared article pages.

Each HTML page under ``../shared/data/articles/html`` is rendered to a plain
text dump the way a browser's "save as text" would (every block on its own
line, blank lines between blocks, site chrome kept), then cleaned by
``parse_text_page``; the body is compared with the human ground truth as a
bag of lower-cased words. Two baselines are printed beside it: keeping the
whole page, and keeping every paragraph of 25 words or more.

Run: ``.venv/bin/python benchmarks/textpage_f1.py [--inline-lists] [--tight] [--dump NAME]``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import lxml.html

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreader.errors import IngestError  # noqa: E402
from newsreader.ingest.textpage import parse_text_page  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLES = SHARED / "data" / "articles"

# Elements whose text a reader never sees.
_INVISIBLE = {"script", "style", "noscript", "template", "svg", "iframe", "head", "object", "canvas"}
# Elements that start a new line of text; everything else flows inline.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
    "tfoot", "tr", "td", "th", "ul", "summary", "caption", "button", "label", "option", "select",
}
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def _hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or "display:none" in style


def render(html: bytes, *, inline_lists: bool = False, tight: bool = False) -> str:
    """Render an HTML page to a plain-text dump: one block a paragraph, chrome kept.

    ``inline_lists`` runs list items and table cells together on one line (as
    some savers do with menus); ``tight`` drops the blank lines between blocks.
    Both exist to check that the cleaner does not lean on one renderer's habits.
    """
    blocks_tags = _BLOCKS - {"li", "td", "th", "dt", "dd", "button", "label", "option"} if inline_lists else _BLOCKS
    root = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _WS.sub(" ", "".join(current)).strip()
        if line:
            blocks.append(line)
        current.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _INVISIBLE or _hidden(el):
            if el.tail:
                current.append(el.tail)
            return
        block = tag in blocks_tags
        if block or tag == "br":
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        elif inline_lists:
            current.append(" ")
        if el.tail:
            current.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return ("\n" if tight else "\n\n").join(blocks) + "\n"


def truth(name: str) -> str | None:
    """The human ground truth text of one page, whatever form it was saved in."""
    gt = ARTICLES / "ground_truth"
    if (gt / f"{name}.txt").exists():
        return (gt / f"{name}.txt").read_text(encoding="utf-8")
    if (gt / f"{name}.json").exists():
        return json.loads((gt / f"{name}.json").read_text(encoding="utf-8"))["articleBody"]
    if (gt / f"{name}.expected.html").exists():
        root = lxml.html.fromstring((gt / f"{name}.expected.html").read_text(encoding="utf-8"))
        return root.text_content()
    return None


def f1(pred: str, gold: str) -> float:
    """Bag-of-words F1 over lower-cased word tokens."""
    p, g = Counter(_WORD.findall(pred.lower())), Counter(_WORD.findall(gold.lower()))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _long_paragraphs(dump: str) -> str:
    return "\n\n".join(ln for ln in dump.splitlines() if len(ln.split()) >= 25)


def main(argv: list[str]) -> int:
    if not ARTICLES.is_dir():
        print(f"skipped: {ARTICLES} not found")
        return 0
    if "--dump" in argv:
        name = argv[argv.index("--dump") + 1]
        print(render((ARTICLES / "html" / f"{name}.html").read_bytes()))
        return 0
    variant = {"inline_lists": "--inline-lists" in argv, "tight": "--tight" in argv}
    rows = []
    for page in sorted((ARTICLES / "html").glob("*.html")):
        gold = truth(page.stem)
        if gold is None:
            continue
        dump = render(page.read_bytes(), **variant)
        try:
            article = parse_text_page(dump, source=page.name)
            body, title = article.body, article.title
        except IngestError as exc:
            body, title = "", f"<{exc}>"
        rows.append((page.stem, f1(body, gold), f1(dump, gold), f1(_long_paragraphs(dump), gold), title))
    print(f"{'page':36} {'F1':>6} {'whole':>6} {'25+':>6}  title")
    for name, score, whole, longp, title in rows:
        print(f"{name:36} {score:6.3f} {whole:6.3f} {longp:6.3f}  {title[:60]}")
    n = len(rows)
    for label, col in (("cleaner", 1), ("whole page", 2), ("paragraphs 25+", 3)):
        scores = [r[col] for r in rows]
        print(f"{label:16} mean F1 {sum(scores) / n:.3f}   below 0.5: {sum(s < 0.5 for s in scores)}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
