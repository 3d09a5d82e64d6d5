"""Score the saved-page importer on public pages rendered as text dumps (see page_render.py).

Each page is rendered to a dump, written as ``NAME.txt`` bytes and imported
the way a user's file is (``parse_document``: sniffed, then read as text or
HTML). Per set: mean and median body word F1 against the human ground truth
(bag of lower-cased words), pages below 0.5, pages refused, headline right
(normalised comparison with the gold title, where the corpus gives one and the
dump shows it), and
dates: the gold date is the corpus's own (fundus) or else the page's metadata
date (htmldate, no guessing from the text); a page "shows" it when a short line of the dump writes that
day next to its month, the year close by; "found" counts pages that show one and got a date,
"right" those whose date is that day.

Renders of fewer than 20 words (redirect stubs in a corpus) are skipped and counted.
Each set is split by a hash of the page's name: two thirds to develop on
(``--part dev``, the default), one third scored only at the end (``--part final``).

Run: ``python benchmarks/textpage_public.py [--part dev|final|all] [-v] [--out DIR]
readability=PATH l3s=PATH dragnet=PATH articles=PATH fundus=PATH`` (any of them; ``--out``
writes each render there, to look at).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from page_render import CORPORA, is_final, parse_html, render  # noqa: E402
from textpage_heldout_f1 import f1  # noqa: E402

from newsreader.errors import IngestError  # noqa: E402
from newsreader.ingest.dates import month_number  # noqa: E402
from newsreader.ingest.pipeline import parse_document  # noqa: E402

_CACHE = Path("/tmp/textpage_public_dates.json")
_EMPTY = 20  # words: a render with fewer has no article in it


def norm_title(text: str | None) -> str:
    """A headline for comparison: case, accents, quotes and punctuation aside."""
    text = unicodedata.normalize("NFKD", text or "").casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", text))


def _title_forms(gold: str) -> list[str]:
    """The gold title, normalised, and its parts of three words or more once a " | Site" tail is cut."""
    parts = re.split(r"\s+[|\-–—:·]\s+", gold)
    return [norm_title(gold)] + [norm_title(p) for p in parts if len(p.split()) >= 3]


def title_right(got: str | None, gold: str) -> bool:
    """The headline matches the gold title, or the gold title once its " | Site" tail is cut."""
    g = norm_title(got)
    return bool(g) and g in _title_forms(gold)


def shows_title(dump: str, gold: str) -> bool:
    """Whether the dump writes the gold title (or a part title_right accepts) anywhere, wrapped or
    not: a corpus whose title is the page's metadata (fundus) may hold one the page never shows,
    which no reading of the text can find; such a page's headline is not scored."""
    text = f" {norm_title(dump)} "
    return any(f" {t} " in text for t in _title_forms(gold) if t)


def gold_date(html: bytes, key: str, cache: dict) -> str | None:
    """The page's metadata date (YYYY-MM-DD), or None."""
    if key not in cache:
        from htmldate import find_date

        try:
            cache[key] = find_date(parse_html(html), original_date=True, extensive_search=False)
        except Exception:  # htmldate on a broken tree: no gold date
            cache[key] = None
    return cache[key]


def shows_date(dump: str, iso: str) -> bool:
    """Whether a short line of the dump writes that day: the day next to its month (a name in
    any language dates.month_number reads, or a number) with the year close by."""
    y, m, d = (int(x) for x in iso.split("-"))
    for line in dump.splitlines():
        if len(line.split()) > 25 or str(y) not in line and f"{y % 100:02d}" not in line:
            continue
        tokens = re.findall(r"\d+|[^\W\d_]+", line.lower())
        days = [i for i, t in enumerate(tokens) if t.isdigit() and int(t) == d and len(t) <= 2]
        months = [i for i, t in enumerate(tokens)
                  if (t.isdigit() and len(t) <= 2 and int(t) == m) or (t.isalpha() and month_number(t) == m)]
        years = [i for i, t in enumerate(tokens) if t in (str(y), f"{y % 100:02d}")]
        if any(abs(a - b) <= 2 and a != b and any(abs(c - min(a, b)) <= 4 for c in years)
               for a in days for b in months):
            return True
    return False


def score_set(name: str, pages, part: str, verbose: bool, out: Path | None, cache: dict) -> dict:
    rows, empty = [], 0
    for page in pages:
        if part != "all" and is_final(page.name) != (part == "final"):
            continue
        dump = render(page)
        if len(dump.split()) < _EMPTY:
            empty += 1  # a redirect stub or an empty page in the corpus: no article to read
            continue
        if out:
            (out / name).mkdir(parents=True, exist_ok=True)
            (out / name / f"{page.name}.txt").write_text(dump, encoding="utf-8")
        try:
            kind, art = parse_document(dump.encode("utf-8"), f"{page.name}.txt")
            body, title, when = art.body, art.title, art.published
        except IngestError as exc:
            kind, body, title, when = f"refused: {exc}", "", None, None
        prec, rec, score = f1(body, page.body)
        gd = page.date or gold_date(page.html, f"{name}/{page.name}", cache)
        shown = bool(gd) and shows_date(dump, gd)
        got = when.date().isoformat() if when else None
        rows.append({
            "name": page.name, "f1": score, "p": prec, "r": rec, "refused": kind.startswith("refused"),
            "title": None if page.title is None or not shows_title(dump, page.title) else title_right(title, page.title),
            "unshown": page.title is not None and not shows_title(dump, page.title),
            "shown": shown, "found": shown and got is not None, "right": shown and got == gd,
        })
        if verbose:
            mark = {None: "  -", True: " ok", False: " NO"}[rows[-1]["title"]]
            date = f"date {got} (gold {gd}{', shown' if shown else ''})"
            print(f"{name:11} {page.name[:40]:40} {score:5.3f} P{prec:4.2f} R{rec:4.2f} {mark} {(title or kind)[:70]!r} | {page.title!r:.60} {date}")
    return summarise(name, rows, empty)


def summarise(name: str, rows: list[dict], empty: int = 0) -> dict:
    n = len(rows)
    scores = [r["f1"] for r in rows]
    titled = [r for r in rows if r["title"] is not None]
    shown = [r for r in rows if r["shown"]]
    summary = {
        "set": name, "pages": n, "mean": sum(scores) / n if n else 0.0,
        "median": statistics.median(scores) if n else 0.0,
        "below": sum(s < 0.5 for s in scores), "refused": sum(r["refused"] for r in rows),
        "titles": (sum(r["title"] for r in titled), len(titled)),
        "unshown": sum(r.get("unshown", False) for r in rows),
        "dates": (sum(r["found"] for r in shown), sum(r["right"] for r in shown), len(shown)),
    }
    t, tn = summary["titles"]
    found, right, sn = summary["dates"]
    unshown = f", {summary['unshown']} titles not shown" if summary["unshown"] else ""
    print(f"{name:11} pages {n:4}  mean F1 {summary['mean']:.3f}  median {summary['median']:.3f}  "
          f"below 0.5 {summary['below']:3} ({100 * summary['below'] / max(n, 1):4.1f}%)  refused {summary['refused']}  "
          f"headline {t}/{tn} ({100 * t / max(tn, 1):.0f}%{unshown})  date found {found}/{sn} "
          f"({100 * found / max(sn, 1):.0f}%), right {right}" + (f"  (empty renders skipped: {empty})" if empty else ""))
    return summary


def main(argv: list[str]) -> int:
    part, verbose, out = "dev", "-v" in argv, None
    if "--part" in argv:
        part = argv[argv.index("--part") + 1]
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1])
    sets = [a.split("=", 1) for a in argv if "=" in a and a.split("=", 1)[0] in CORPORA]
    if not sets or part not in ("dev", "final", "all"):
        print(__doc__.split("Run: ")[1].strip(), file=sys.stderr)
        return 2
    cache = json.loads(_CACHE.read_text()) if _CACHE.exists() else {}
    for name, path in sets:
        if not Path(path).is_dir():
            print(f"{name}: {path} is not a directory", file=sys.stderr)
            return 2
        score_set(name, CORPORA[name](Path(path)), part, verbose, out, cache)
    _CACHE.write_text(json.dumps(cache))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
