"""Word-level F1 of the HTML page extractor against human ground truth.

Runs ``parse_html_page`` over ../shared/data/articles/html and compares the
body with articles/ground_truth: ``NAME.json`` ({"articleBody": ...}) or
``NAME.expected.html`` (Readability's expected output, read as text).
Prints one line per page and the mean. Skips when ../shared is absent.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsreader.errors import IngestError  # noqa: E402
from newsreader.ingest.htmlpage import parse_html_page  # noqa: E402
from newsreader.ingest.htmltext import html_to_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "articles"
_WORD = re.compile(r"\w+", re.UNICODE)
_LINK_NUMBER = re.compile(r" \[\d+\]")  # the reader numbers each link after its words


def words(text: str) -> Counter:
    """Bag of lower-cased words."""
    return Counter(w.casefold() for w in _WORD.findall(text))


def f1(found: str, truth: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the words of ``found`` against ``truth``."""
    got, want = words(found), words(truth)
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision = common / sum(got.values())
    recall = common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def ground_truth(name: str) -> str | None:
    """The human-annotated text of page ``name``, or None."""
    gt = DATA / "ground_truth"
    if (gt / f"{name}.json").exists():
        return json.loads((gt / f"{name}.json").read_text(encoding="utf-8"))["articleBody"]
    if (gt / f"{name}.expected.html").exists():
        return html_to_text((gt / f"{name}.expected.html").read_text(encoding="utf-8"))[0]
    return None


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    scores = []
    start = time.perf_counter()
    for page in sorted((DATA / "html").glob("*.html")):
        truth = ground_truth(page.stem)
        if truth is None:
            continue
        try:
            body = _LINK_NUMBER.sub("", parse_html_page(page.read_bytes()).body)
        except IngestError as exc:
            body = ""
            print(f"  {page.stem}: refused ({exc})")
        p, r, f = f1(body, truth)
        scores.append(f)
        print(f"{f:6.3f}  P={p:.3f} R={r:.3f}  {page.stem}")
    elapsed = time.perf_counter() - start
    if scores:
        below = sum(1 for s in scores if s < 0.5)
        print(f"mean F1 {sum(scores) / len(scores):.3f} over {len(scores)} pages, "
              f"{below} below 0.5, {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
