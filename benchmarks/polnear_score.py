"""Score find_quotes on PolNeAR, a public corpus of annotated political news.

PolNeAR (github.com/networkdynamics/PolNeAR) marks every attribution in its
articles as brat standoff: a Source (who), a Cue (the verb) and a Content. The
corpus is not part of this project; give its path::

    .venv/bin/python benchmarks/polnear_score.py PATH/PolNeAR/data/dev [-v] [--errors N]

PATH may be a split directory (holding ``text/`` and ``attributions/``) or the
corpus's ``data`` directory together with ``--split train|dev``. The test split
is held out: develop on train and dev only.

A gold direct quotation is a stretch of text between double quotation marks
(within one paragraph; an unclosed quotation runs to the paragraph's end, as a
quotation continued into the next paragraph does) that lies mostly inside an
annotated Content. Its span is the text inside the marks, as ``Quote`` gives
it. A left double mark right after a word or a stop closes a quotation (the
corpus's typo for a right one); one after a space inside an open quotation
opens a quotation inside it when enough right marks follow to close both. An
attribution's Content may come in parts (Content, Content2): every part counts.
A quotation counts for quote+speaker when the span is exact and the
reported speaker mention (``speaker_start``..``speaker_end``) overlaps the
annotated Source; where the annotators marked no Source, when none is reported.

Prints precision, recall and F1 for exact spans and for span plus speaker,
errors by kind, and how many articles a second find_quotes reads on one core.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreader.analysis import find_quotes  # noqa: E402

Spans = list[tuple[int, int]]


@dataclass
class Attribution:
    content: Spans
    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)


@dataclass
class Gold:
    start: int
    end: int
    source: Spans
    cue: Spans


_TLINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.M)
_ELINE = re.compile(r"^(E\d+)\t(.+)$", re.M)


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of one brat standoff file (Discard/Discuss are skipped)."""
    spans: dict[str, tuple[str, Spans]] = {}
    for m in _TLINE.finditer(ann):
        parts = []
        for piece in m.group(3).split(";"):
            a, b = piece.split()
            parts.append((int(a), int(b)))
        spans[m.group(1)] = (m.group(2), parts)
    out = []
    for m in _ELINE.finditer(ann):
        # an attribution may have several parts of a role ("Content:T52 Content2:T56" for
        # "“...,” he said. “...”"): every part belongs to it, not only the last
        role: dict[str, Spans] = {}
        for arg in m.group(2).split()[1:]:
            key, _, ref = arg.partition(":")
            if ref in spans:
                role.setdefault(key.rstrip("0123456789"), []).extend(spans[ref][1])
        if "Content" not in role:
            continue
        out.append(Attribution(content=role["Content"], source=role.get("Source", []), cue=role.get("Cue", [])))
    return out


_OPEN_BEFORE = set(" \t([{\u2014\u2013-/")
_CLOSE_AFTER = set(".,;:!?)\u2026")  # a left mark after these (or a letter) may close


def quote_segments(text: str) -> Spans:
    """Stretches between quotation marks, paragraph by paragraph.

    Double marks first; single marks (a headline's ‘…’) only outside them, and
    a closing single mark followed by a letter is an apostrophe.
    """
    segs: Spans = []
    pos = 0
    for line in text.split("\n"):
        base = pos
        pos += len(line) + 1
        start = None
        single = None
        skip = False
        depth = 0
        for i, ch in enumerate(line):
            if skip:  # the second mark of a doubled ''
                skip = False
                continue
            if line.startswith("''", i):  # two apostrophes stand for a double mark
                ch, skip = '"', True
            after = line[i + 2 if skip else i + 1] if (i + 2 if skip else i + 1) < len(line) else " "
            before = line[i - 1] if i else " "
            if start is None and single is None and (ch == "\u201c" or (
                    ch == '"' and before in _OPEN_BEFORE and not after.isspace())):
                start = i + 2 if skip else i + 1
            elif start is not None and ch == "\u201c" and before.isspace() and (
                    line.count("\u201d", i) - line.count("\u201c", i + 1) >= 2):
                depth += 1  # “... “list” are ...”: a quotation inside the open one
            elif start is not None and ch == "\u201d" and depth:
                depth -= 1
            elif start is not None and (ch in ("\u201d", '"') or ch == "\u201c" and (before.isalnum() or before in _CLOSE_AFTER)):
                # (a left mark right after the words closes them: "“a fine idea“ and", a typo)
                segs.append((base + start, base + i))
                start = None
            elif start is None and single is None and ch in ("\u2018", "'") and before in _OPEN_BEFORE \
                    and not after.isspace():
                single = i + 1
            elif single is not None and ch in ("\u2019", "'") and not after.isalnum():
                segs.append((base + single, base + i))
                single = None
        if start is not None:
            segs.append((base + start, base + len(line)))
    out = []
    for a, b in segs:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _overlap(a: int, b: int, spans: Spans) -> int:
    return sum(max(0, min(b, y) - max(a, x)) for x, y in spans)


def gold_quotes(text: str, atts: list[Attribution]) -> list[Gold]:
    """The quoted stretches that lie mostly inside an annotated Content."""
    out = []
    for a, b in quote_segments(text):
        best = max(atts, key=lambda t: _overlap(a, b, t.content), default=None)
        if best is not None and _overlap(a, b, best.content) * 2 >= b - a:
            out.append(Gold(a, b, best.source, best.cue))
    return out


def load_split(path: Path, split: str | None) -> list[tuple[str, str, list[Gold]]]:
    """(name, text, gold) for every article; one annotator's file per article."""
    if split:
        path = path / split
    text_dir, ann_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise SystemExit(f"polnear_score: {path} has no text/ and attributions/ (give a split directory or --split)")
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    out = []
    for txt in sorted(text_dir.glob("*.txt")):
        ann = anns.get(txt.stem)
        if ann is None:
            continue
        text = txt.read_text(encoding="utf-8")
        out.append((txt.stem, text, gold_quotes(text, parse_ann(ann.read_text(encoding="utf-8")))))
    return out


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _line(text: str, a: int, b: int, width: int = 70) -> str:
    return text[max(0, a - 20):b + 40].replace("\n", " / ")[: width + 60]


def score(arts: list[tuple[str, str, list[Gold]]], show=None) -> dict:
    """Counts over ``arts``: predicted, gold, exact spans, span+speaker, errors by
    kind, and the CPU seconds find_quotes took. ``show(kind, name, text, a, b, note)``
    is called for every error when given."""
    npred = ngold = tp_span = tp_both = 0
    kinds: Counter[str] = Counter()
    elapsed = 0.0
    for name, text, gold in arts:
        t0 = time.process_time()
        pred = [q for q in find_quotes(text) if q.kind == "quote"]
        elapsed += time.process_time() - t0
        npred += len(pred)
        ngold += len(gold)
        by_span = {(g.start, g.end): g for g in gold}
        seen = set()
        errs = []
        for q in pred:
            g = by_span.get((q.start, q.end))
            if g is None:
                near = any(g.start < q.end and q.start < g.end for g in gold)
                errs.append(("span-wrong" if near else "false-quote", q.start, q.end, q.speaker))
                continue
            seen.add((q.start, q.end))
            tp_span += 1
            if q.speaker_start is None:
                ok = not g.source
                kind = "" if ok else "speaker-missing"
            elif not g.source:
                ok, kind = False, "speaker-where-none"
            else:
                ok = _overlap(q.speaker_start, q.speaker_end, g.source) > 0
                kind = "" if ok else "speaker-wrong"
            if ok:
                tp_both += 1
            else:
                gs = " | ".join(text[a:b] for a, b in g.source) or "-"
                got = text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else "-"
                errs.append((kind, q.start, q.end, f"got {got!r} ({q.speaker}) want {gs!r}"))
        for g in gold:
            if (g.start, g.end) not in seen and not any(g.start < q.end and q.start < g.end for q in pred):
                errs.append(("missed", g.start, g.end, None))
        for kind, a, b, note in errs:
            kinds[kind] += 1
            if show is not None:
                show(kind, name, text, a, b, note)
    return {"pred": npred, "gold": ngold, "span": tp_span, "both": tp_both, "errors": kinds,
            "seconds": elapsed, "chars": sum(len(t) for _, t, _ in arts)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="a PolNeAR split directory, or data/ with --split")
    ap.add_argument("--split", choices=("train", "dev", "test"))
    ap.add_argument("-v", "--verbose", action="store_true", help="print every error")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    args = ap.parse_args(argv)
    arts = load_split(args.path, args.split)
    if not arts:
        raise SystemExit(f"polnear_score: no annotated articles under {args.path}")
    shown: Counter[str] = Counter()

    def show(kind, name, text, a, b, note):
        if args.verbose or shown[kind] < args.errors:
            shown[kind] += 1
            print(f"{kind:18} {name[:40]}: {_line(text, a, b)!r} {note or ''}")

    res = score(arts, show if (args.verbose or args.errors) else None)
    sp, sr, sf = prf(res["span"], res["pred"], res["gold"])
    bp, br, bf = prf(res["both"], res["pred"], res["gold"])
    print(f"articles {len(arts)}  gold quotations {res['gold']}  found {res['pred']}")
    print(f"exact span     P {sp * 100:5.1f}  R {sr * 100:5.1f}  F1 {sf * 100:5.1f}")
    print(f"quote+speaker  P {bp * 100:5.1f}  R {br * 100:5.1f}  F1 {bf * 100:5.1f}")
    print("errors: " + ", ".join(f"{k} {v}" for k, v in res["errors"].most_common()))
    secs = max(res["seconds"], 1e-9)
    print(f"speed: {len(arts) / secs:.0f} articles/s, {res['chars'] / secs / 1e6:.2f} MB/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
