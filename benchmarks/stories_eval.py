"""Story grouping measured on text nobody here wrote: pairwise precision and recall.

Two public sets, each read from where it lives (their text is never copied
into this project; only our labels are, in ``benchmarks/data/``):

* ``ecbplus``: the ECB+ corpus (Cybulska and Vossen, LREC 2014; CC BY 3.0),
  982 news articles from many outlets in 43 topics, each topic two events
  of one kind (two rehab check-ins, two Oscar hosts, two coach firings):
  close-but-different events test precision. Read from a git snapshot of a
  repository that holds it unzipped (``--ecbplus REPO``, default the
  tommasoc80/EventStoryLine snapshot fetched into /work/.mirror). Its
  articles carry no dates, so every pair is compared (harder than a
  library, where the time window parts most events). Labels:
  ``data/ecbplus_events.tsv``.
* ``feeds``: the real feeds in ../shared/data/feeds/real of one week (22
  March to 6 April 2022: BBC, the Guardian, the Telegraph, the FT, Sky, the
  NYT, HuffPost, BuzzFeed, The Verge...), every entry grouped into events by
  hand in ``data/feeds_events.tsv`` (an entry not listed is an event alone).

* ``ecbplus-week``: ECB+ as a library of one week sees it: one event of each
  topic (its 'ecb' part, then its 'ecbplus' part, each graded apart), so
  the events side by side are unrelated, as a week's mostly are.

Every set is also graded in two halves (its events parted by a hash of their
label), so a change tuned on one half can be checked on the other.

    python benchmarks/stories_eval.py [--set ecbplus|ecbplus-week|feeds|all] [--sweep]
"""

from __future__ import annotations

import argparse
import itertools
import re
import zlib
import subprocess
import sys
import tarfile
import io
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreader.analysis.stories.group import Doc, Settings, group  # noqa: E402
from newsreader.analysis.stories.terms import article_terms  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
ECB_REPO = Path("/work/.mirror/tommasoc80+EventStoryLine/repo")
ECB_DIR = "ECB+_LREC2014/ECB+"
FEEDS = ROOT.parent / "shared" / "data" / "feeds" / "real"


# --- the sets ------------------------------------------------------------------

def _sentences(xml: bytes) -> list[str]:
    root = ET.fromstring(xml)
    sents: dict[int, list[str]] = {}
    for t in root.iter("token"):
        sents.setdefault(int(t.get("sentence")), []).append(t.text or "")
    out = []
    for k in sorted(sents):
        s = " ".join(sents[k])
        s = re.sub(r" ([,.;:!?%)])", r"\1", s).replace("( ", "(").replace(" n't", "n't")
        out.append(re.sub(r" '(s|re|ve|ll|d)\b", r"'\1", s))
    return out


def ecbplus_docs(repo: Path) -> list[tuple[str, str, str, float | None]]:
    """(name, title, body, time) of every ECB+ article in the snapshot at ``repo``.
    An 'ecbplus' article's sentence 0 is its address and 1 its headline; an 'ecb'
    one has no headline: its first sentence stands in."""
    tar = subprocess.run(["git", "-C", str(repo), "archive", "HEAD", ECB_DIR], check=True,
                         capture_output=True).stdout
    out = []
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
        for m in tf.getmembers():
            if not m.name.endswith(".xml"):
                continue
            sents = _sentences(tf.extractfile(m).read())
            name = m.name.rsplit("/", 1)[1]
            if name.endswith("ecbplus.xml"):
                sents = sents[1:]
            # ECB+ keeps sentences, not paragraphs: one paragraph keeps a quotation of two sentences whole
            out.append((name, sents[0] if sents else "", " ".join(sents[1:]), None))
    return sorted(out)


def read_labels(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(item -> event, item -> arc) from a label file: '<item>\t<event>[\t<arc>]' lines,
    '#' comments; the event '-' is an event of the item's own."""
    labels, arcs = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        item, event, *arc = [c.strip() for c in line.split("\t")]
        labels[item] = item if event == "-" else event
        if arc:
            arcs[item] = arc[0]
    return labels, arcs


# --- scoring -------------------------------------------------------------------

def pairs_of(clusters: dict[str, str]) -> set[tuple[str, str]]:
    by: dict[str, list[str]] = {}
    for item, c in clusters.items():
        by.setdefault(c, []).append(item)
    out = set()
    for members in by.values():
        out.update(itertools.combinations(sorted(members), 2))
    return out


def score(truth: dict[str, str], found: dict[str, str], arcs: dict[str, str] | None = None
          ) -> tuple[float, float, float, int, int]:
    """Pairwise precision, recall, F1, and the true and found pair counts; pairs of
    different events in one arc (related developments) count neither way."""
    t, f = pairs_of(truth), pairs_of(found)
    if arcs:
        f = {(a, b) for a, b in f if (a, b) in t or arcs.get(a) is None or arcs.get(a) != arcs.get(b)}
    hit = len(t & f)
    p = hit / len(f) if f else 1.0
    r = hit / len(t) if t else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, len(t), len(f)


def half_of(event: str) -> int:
    """The half (0 or 1) an event is graded in: a hash of its label, fixed across runs."""
    return zlib.crc32(event.encode()) & 1


def score_half(truth: dict[str, str], found: dict[str, str], half: int, arcs=None) -> tuple:
    """``score`` over the true pairs of one half's events and the found pairs touching it."""
    inside = {i for i, e in truth.items() if half_of(e) == half}
    t = {p for p in pairs_of(truth) if p[0] in inside}
    f = {p for p in pairs_of(found) if p[0] in inside or p[1] in inside}
    if arcs:
        f = {(a, b) for a, b in f if (a, b) in t or arcs.get(a) is None or arcs.get(a) != arcs.get(b)}
    hit = len(t & f)
    return (hit / len(f) if f else 1.0), (hit / len(t) if t else 1.0)


def outlet_of(name: str) -> str | None:
    """A feed entry's outlet: its feed ('guardian_uk.rss#3'); ECB+ names none."""
    return name.split("#", 1)[0] if "#" in name else None


def run(docs, truth: dict[str, str], settings: Settings, arcs=None) -> tuple[dict[str, str], tuple]:
    items = [Doc(i, article_terms(title, body), when, outlet=outlet_of(name))
             for i, (name, title, body, when) in enumerate(docs)]
    got = group([], items, settings)
    names = [d[0] for d in docs]
    found = {names[i]: f"s{got[i]}" if i in got else f"a{i}" for i in range(len(docs))}
    return found, score(truth, found, arcs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=["ecbplus", "ecbplus-week", "feeds", "all"])
    ap.add_argument("--ecbplus", type=Path, default=ECB_REPO, help="git snapshot holding ECB+ unzipped")
    ap.add_argument("--sweep", action="store_true", help="try thresholds around the defaults")
    ap.add_argument("--errors", action="store_true", help="print the wrongly joined pairs")
    args = ap.parse_args()
    sets = []
    if args.set in ("ecbplus", "all"):
        sets.append(("ecbplus", ecbplus_docs(args.ecbplus), *read_labels(DATA / "ecbplus_events.tsv")))
    if args.set in ("ecbplus-week", "all"):
        docs = ecbplus_docs(args.ecbplus)
        labels, _ = read_labels(DATA / "ecbplus_events.tsv")
        for part in ("ecb", "ecbplus"):
            mine = [d for d in docs if re.fullmatch(r"\d+_\d+" + part + r"\.xml", d[0])]
            sets.append((f"ecbplus-week-{part}", mine, {d[0]: labels[d[0]] for d in mine if d[0] in labels}, {}))
    if args.set in ("feeds", "all"):
        from feeds_set import feed_docs  # noqa: E402  (beside this script)

        docs = feed_docs(FEEDS)
        labels, arcs = read_labels(DATA / "feeds_events.tsv")
        sets.append(("feeds", docs, {d[0]: labels.get(d[0], d[0]) for d in docs}, arcs))
    for name, docs, truth, arcs in sets:
        docs = [d for d in docs if d[0] in truth]
        grid = [Settings()]
        if args.sweep:
            grid = [replace(Settings(), threshold=t, same_outlet=o)
                    for t in (0.26, 0.28, 0.3, 0.32, 0.34) for o in (0.0, 0.1, 0.2)]
        for st in grid:
            found, (p, r, f1, nt, nf) = run(docs, truth, st, arcs)
            print(f"{name}: {len(docs)} articles, {nt} true pairs, {nf} found; threshold {st.threshold}"
                  f" same outlet +{st.same_outlet}: P {p:.3f} R {r:.3f} F1 {f1:.3f}; halves "
                  + ", ".join("P {:.3f} R {:.3f}".format(*score_half(truth, found, h, arcs)) for h in (0, 1)))
            if args.errors:
                by_name = {d[0]: d for d in docs}
                wrong = {(a, b) for a, b in pairs_of(found) - pairs_of(truth) if not arcs or arcs.get(a) is None or arcs.get(a) != arcs.get(b)}
                for a, b in sorted(wrong)[:40]:
                    print(f"  wrong: {a} | {by_name[a][1][:60]}  <->  {b} | {by_name[b][1][:60]}")


if __name__ == "__main__":
    main()
