"""Quotations two outlets carry word for word: how many a story lists once, with both.

For every event of a labelled set (stories_eval.py's ECB+, and the two seed pages
in ../shared/seeds), the articles are put in one story, their quotations found by
the real quote finder and merged (``storyview``'s ``merge_quotes``). The truth is
read from the text itself, not from the finder: a passage between quotation
marks (four words or more) that two or more articles carry word for word (case
and punctuation aside). One counts as listed once with both when exactly one
merged entry holds its words and that entry names every article carrying it.

    python benchmarks/story_quotes_eval.py [--set ecbplus|seeds|all] [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsreader.analysis import find_quotes  # noqa: E402
from newsreader.analysis.speakers import person_key  # noqa: E402
from newsreader.analysis.stories.align import Carried, carried_elsewhere, merge_quotes, words  # noqa: E402

QUOTED = re.compile(r"[“\"]([^“”\"]{10,}?)[”\"]")
MIN_WORDS = 4
SEEDS = ROOT.parent / "shared" / "seeds"


def _curly(text: str) -> str:
    """ECB+'s tokenised quotation marks (`` and '') as the marks a page has."""
    return re.sub(r"\s*''", "”", re.sub(r"``\s*", "“", text))


def shared_quotations(bodies: dict[int, str]) -> list[tuple[tuple[str, ...], set[int]]]:
    """Quoted passages that two or more bodies carry word for word."""
    seen: dict[tuple[str, ...], set[int]] = {}
    for aid, body in bodies.items():
        for m in QUOTED.finditer(body):
            ws = tuple(words(m.group(1)))
            if len(ws) >= MIN_WORDS:
                seen.setdefault(ws, set()).add(aid)
    out = []
    for ws, arts in seen.items():
        # also carried inside another article's (longer) quotation
        joined = {a for a, body in bodies.items() if " ".join(ws) in " ".join(words(body))}
        if len(joined) >= 2:
            out.append((ws, joined))
    return out


def judge(bodies: dict[int, str]) -> tuple[int, int, list]:
    carried = []
    for aid, body in bodies.items():
        for q in find_quotes(body):
            text = body[q.start:q.end]
            if text.strip():
                carried.append(Carried(aid, q.start, q.end, text, q.speaker,
                                       person_key(q.speaker) if q.speaker else None))
    merged = carried_elsewhere(merge_quotes(sorted(bodies), carried), bodies)
    good, misses = 0, []
    truth = shared_quotations(bodies)
    for ws, arts in truth:
        needle = " ".join(ws)
        holders = [m for m in merged if any(needle in " ".join(words(c.text)) for c in m.places)]
        if len(holders) == 1 and arts <= set(holders[0].articles):
            good += 1
        else:
            misses.append((needle, sorted(arts), [m.articles for m in holders]))
    return good, len(truth), misses


def ecbplus_events():
    from stories_eval import DATA, ECB_REPO, ecbplus_docs, read_labels

    labels, _ = read_labels(DATA / "ecbplus_events.tsv")
    events: dict[str, dict[int, str]] = {}
    for i, (name, title, body, _when) in enumerate(ecbplus_docs(ECB_REPO)):
        events.setdefault(labels[name], {})[i] = _curly(body)
    return [e for e in events.values() if len(e) > 1]


def seed_events():
    from newsreader.ingest.textpage import parse_text_page

    bodies = {}
    for i, p in enumerate(sorted(SEEDS.glob("*.txt"))):
        bodies[i] = parse_text_page(p.read_text(encoding="utf-8"), str(p)).body
    return [bodies] if len(bodies) > 1 else []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=["ecbplus", "seeds", "all"])
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    sets = []
    if args.set in ("seeds", "all") and SEEDS.is_dir():
        sets.append(("seeds", seed_events()))
    if args.set in ("ecbplus", "all"):
        sets.append(("ecbplus", ecbplus_events()))
    for name, events in sets:
        good = total = 0
        for bodies in events:
            g, t, misses = judge(bodies)
            good, total = good + g, total + t
            if args.misses:
                for m in misses:
                    print("  miss:", m)
        share = good / total if total else 1.0
        print(f"{name}: {len(events)} stories, {total} quotations carried word for word by two or more"
              f" articles; listed once with all of them: {good} ({share:.0%})")


if __name__ == "__main__":
    main()
