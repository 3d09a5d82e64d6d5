"""Score parse_text_page on a held-out saved-page set (default tests/data/textpages_heldout;
tests/data/textpages_heldout2 is a second set in the seeds' style, written the same way).

For each NAME.txt / NAME.json pair: word-level F1 of the cleaned body against the gold
body (bag of lower-cased words, counted with multiplicity), exact title match, category
match (first of the parsed categories, or None, against the gold category) and date
match (published date as YYYY-MM-DD, or None). Then the mean F1, the number of pages
below 0.5, and two baselines: the whole page text, and only paragraphs of >= 25 words.

Run: .venv/bin/python benchmarks/textpage_heldout_f1.py [tests/data/textpages_heldout2]
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "textpages_heldout"

from newsreader.ingest.textpage import parse_text_page  # noqa: E402

WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> Counter:
    return Counter(w.lower() for w in WORD.findall(text or ""))


def f1(pred: str | None, gold: str) -> tuple[float, float, float]:
    p, g = words(pred), words(gold)
    overlap = sum((p & g).values())
    if not p or not g or not overlap:
        return 0.0, 0.0, 0.0
    prec = overlap / sum(p.values())
    rec = overlap / sum(g.values())
    return prec, rec, 2 * prec * rec / (prec + rec)


def long_paragraphs(text: str, min_words: int = 25) -> str:
    paras = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(p for p in paras if len(WORD.findall(p)) >= min_words)


def first_category(art) -> str | None:
    cats = getattr(art, "categories", None) or ()
    return cats[0] if cats else None


def date_str(art) -> str | None:
    pub = getattr(art, "published", None)
    return pub.date().isoformat() if pub is not None else None


def main(data: Path = DATA) -> int:
    pages = sorted(data.glob("*.txt"))
    if not pages:
        print(f"no pages in {data}")
        return 1
    rows = []
    print(f"{'page':24s} {'P':>5s} {'R':>5s} {'F1':>5s}  title  cat    date")
    for txt in pages:
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
        try:
            art = parse_text_page(text, txt.name)
            err = None
        except Exception as exc:  # a crash scores zero on everything
            art, err = None, f"{type(exc).__name__}: {exc}"
        body = art.body if art is not None else ""
        prec, rec, score = f1(body, gold["body"])
        t_ok = art is not None and (art.title or "").strip() == gold["title"].strip()
        c_pred = first_category(art) if art is not None else None
        c_ok = art is not None and c_pred == gold["category"]
        d_pred = date_str(art) if art is not None else None
        d_ok = art is not None and d_pred == gold["date"]
        base_all = f1(text, gold["body"])[2]
        base_long = f1(long_paragraphs(text), gold["body"])[2]
        rows.append((score, t_ok, c_ok, d_ok, base_all, base_long))
        yn = lambda b: "yes" if b else "NO "
        line = f"{txt.stem:24s} {prec:5.3f} {rec:5.3f} {score:5.3f}  {yn(t_ok)}    {yn(c_ok)}    {yn(d_ok)}"
        if not c_ok:
            line += f"  cat={c_pred!r} (gold {gold['category']!r})"
        if not d_ok:
            line += f"  date={d_pred!r} (gold {gold['date']!r})"
        if err:
            line += f"  ERROR {err}"
        print(line)
    n = len(rows)
    mean = lambda i: sum(r[i] for r in rows) / n
    count = lambda i: sum(1 for r in rows if r[i])
    print()
    print(f"pages: {n}")
    print(f"mean body F1: {mean(0):.3f}")
    print(f"pages with F1 < 0.5: {sum(1 for r in rows if r[0] < 0.5)}")
    print(f"title exact match: {count(1)}/{n}")
    print(f"category match: {count(2)}/{n}")
    print(f"date match: {count(3)}/{n}")
    print(f"baseline, whole page text: mean F1 {mean(4):.3f}, pages < 0.5: {sum(1 for r in rows if r[4] < 0.5)}")
    print(f"baseline, paragraphs >= 25 words: mean F1 {mean(5):.3f}, pages < 0.5: {sum(1 for r in rows if r[5] < 0.5)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA))
