"""Score find_quotes on a set of gold articles (default: tests/data/quotes/).

Each ``NAME.txt`` has a ``NAME.json`` with gold quotations given by their text
(offsets are found in order of appearance), kind and speaker. Prints precision,
recall and F1 for exact spans, and for exact span plus matching speaker.
Run: ``.venv/bin/python benchmarks/quotes_score.py [DIR ...] [-v]``; with
several directories each is scored and then all together.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreader.analysis import find_quotes  # noqa: E402
from newsreader.analysis.speakers import same_person  # noqa: E402

DATA = ROOT / "tests" / "data" / "quotes"


def load_gold(txt: Path) -> tuple[str, list[dict]]:
    """The article text and its gold quotations with start/end filled in."""
    text = txt.read_text(encoding="utf-8")
    gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))["quotes"]
    pos = 0
    for g in gold:
        at = text.find(g["text"], pos)
        if at < 0:
            at = text.find(g["text"])
        if at < 0:
            raise ValueError(f"{txt.name}: gold text not found: {g['text'][:40]!r}")
        g["start"], g["end"] = at, at + len(g["text"])
        pos = at + 1
    return text, gold


def speaker_match(pred: str | None, gold: str | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    return _norm(pred) == _norm(gold) or same_person(pred, gold)


def _norm(name: str) -> str:
    low = name.lower().strip()
    for det in ("the ", "a ", "an ", "one "):
        if low.startswith(det):
            return low[len(det):].strip()
    return low


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(verbose: bool = False, data: Path | list[Path] = DATA) -> dict[str, tuple[float, float, float]]:
    """Precision, recall, F1 for spans and for span+speaker over the whole set."""
    npred = ngold = tp_span = tp_both = 0
    dirs = [data] if isinstance(data, Path) else list(data)
    for txt in sorted(p for d in dirs for p in d.glob("*.txt")):
        text, gold = load_gold(txt)
        pred = find_quotes(text)
        npred += len(pred)
        ngold += len(gold)
        by_span = {(g["start"], g["end"]): g for g in gold}
        seen = set()
        for q in pred:
            g = by_span.get((q.start, q.end))
            if g is None:
                if verbose:
                    print(f"{txt.name}: FP {text[q.start:q.end][:60]!r} ({q.speaker})")
                continue
            seen.add((q.start, q.end))
            tp_span += 1
            if speaker_match(q.speaker, g.get("speaker")):
                tp_both += 1
            elif verbose:
                print(f"{txt.name}: SPEAKER {g['text'][:50]!r}: {q.speaker!r} != {g.get('speaker')!r}")
        if verbose:
            for key, g in by_span.items():
                if key not in seen:
                    print(f"{txt.name}: FN {g['text'][:60]!r}")
    return {"span": prf(tp_span, npred, ngold), "span+speaker": prf(tp_both, npred, ngold),
            "counts": (npred, ngold)}


def report(title: str, res: dict) -> None:
    print(f"{title}: predicted {res['counts'][0]}, gold {res['counts'][1]}")
    for name in ("span", "span+speaker"):
        p, r, f = res[name]
        print(f"  {name:13s} P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}")


def main() -> None:
    verbose = "-v" in sys.argv
    dirs = [Path(a) for a in sys.argv[1:] if a != "-v"] or [DATA]
    for d in dirs:
        report(str(d), score(verbose, d))
    if len(dirs) > 1:
        report("all", score(False, dirs))


if __name__ == "__main__":
    main()
