"""Stories measured through the CLI on whole pages of three outlets: BASIL.

BASIL (Fan et al., EMNLP 2019, "In Plain Sight: Media Bias Through the Lens of
Factual Reporting"; github.com/launchnlp/BASIL) is 300 whole news articles,
100 events each told by Fox News, The New York Times and The Huffington Post
(2010-2019, ten events a year), with each article's date, headline, outlet
and paragraphs. Its own labels are the events: an article's ``triplet-uuid``.
Its text is read from a git snapshot (``--basil``, default the one fetched
into /work/.mirror) and never copied into this project (the repository states
no licence; it is the paper's research release).

Each article becomes a saved page the way a user's would be: an HTML page
(masthead, menu, headline, date line, paragraphs, a footer naming the
outlet) rendered to a text dump by ``page_render.render`` (a browser's copy,
a spaced dump or a text browser's, by a hash of its name). Then the real path:

    python -m newsreader --home H import PAGES...
    python -m newsreader --home H stories --json
    python -m newsreader --home H story ID --json    (every story)

and the stories are graded by pairwise precision and recall against the
events, and the stories' quotations by the held-out's bar: of the passages
between quotation marks (four words or more) that two or more articles of
an event carry word for word (in the corpus's own text), how many one story
lists once with all of those articles.

Dates (``--dates``):

* ``real``: the corpus's own (ten events a year: time alone parts most);
* ``weeks``: each year's ten events moved into one week (an event's day a
  hash of it, its articles keeping their days apart): ten weeks of ten US
  politics events each, as a reader's week of one beat would hold;
* ``week``: all 100 events in one week (a stress: a hundred events of one
  beat side by side).

The date lines are written in forms the page reader knows ("Published
March 9, 2010", "Mar 9, 2010, 08:00 AM EST"); it reads no numeric US date
("03/09/2010"), which HuffPost's pages of the time used.

    python benchmarks/stories_pages_eval.py [--dates real|weeks|week|all] [--errors] [--misses]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import shutil
import subprocess
import sys
import tarfile
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from page_render import Page, render  # noqa: E402
from stories_eval import pairs_of, score, score_half  # noqa: E402
from story_quotes_eval import shared_quotations  # noqa: E402

from newsreader.analysis.stories.align import words  # noqa: E402

BASIL_REPO = Path("/work/.mirror/launchnlp+BASIL/repo")
PYTHON = sys.executable


@dataclass
class Item:
    """One BASIL article: its name (its file's: a few articles share a uuid), event,
    outlet key, date, headline and paragraphs."""

    uuid: str
    event: str
    outlet: str
    day: date
    title: str
    paragraphs: list[str]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def basil_items(repo: Path) -> list[Item]:
    """Every article of the BASIL snapshot at ``repo``, in its path order."""
    tar = subprocess.run(["git", "-C", str(repo), "archive", "HEAD", "articles"], check=True,
                         capture_output=True).stdout
    out = []
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
        for m in sorted(tf.getmembers(), key=lambda m: m.name):
            if not m.name.endswith(".json"):
                continue
            a = json.loads(tf.extractfile(m).read())
            paras = [" ".join(s.strip() for s in p) for p in a["body-paragraphs"]]
            name = m.name.rsplit("/", 1)[1][:-5]
            out.append(Item(name, a["triplet-uuid"], a["source"].lower(), date.fromisoformat(a["date"]),
                            " ".join(a["title"].split()), [p for p in paras if p.strip()]))
    return out


def redate(items: list[Item], mode: str) -> dict[str, date]:
    """Each article's date under ``mode`` (see the module's docstring)."""
    if mode == "real":
        return {it.uuid: it.day for it in items}
    first: dict[str, date] = {}
    for it in items:
        first[it.event] = min(first.get(it.event, it.day), it.day)
    out = {}
    for it in items:
        start = first[it.event]
        # a Monday of the event's own year (weeks) or of one year (week)
        monday = date(start.year if mode == "weeks" else 2019, 3, 4)
        monday -= timedelta(days=monday.weekday())
        anchor = monday + timedelta(days=zlib.crc32(it.event.encode()) % 7)
        out[it.uuid] = anchor + (it.day - start)
    return out


OUTLETS = {  # key: (masthead, footer owner, date line's form)
    "fox": ("Fox News", "FOX News Network, LLC", "Published {month} {day:02d}, {year}"),
    "nyt": ("The New York Times", "The New York Times Company", "{month} {day}, {year}"),
    "hpo": ("The Huffington Post", "TheHuffingtonPost.com, Inc.", "{mon} {day}, {year}, 08:00 AM EST"),
}
_MENU = ("Home", "U.S.", "Politics", "World", "Business", "Opinion", "Entertainment")


def page_html(it: Item, day: date) -> bytes:
    """The article as a page of its outlet: masthead, menu, headline, date, text, footer."""
    masthead, owner, form = OUTLETS[it.outlet]
    when = form.format(month=day.strftime("%B"), mon=day.strftime("%b"), day=day.day, year=day.year)
    e = html.escape
    paras = "\n".join(f"<p>{e(p)}</p>" for p in it.paragraphs)
    menu = "".join(f"<li><a href='#'>{m}</a></li>" for m in _MENU)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{e(it.title)} | {e(masthead)}</title></head>
<body><header><div class="masthead">{e(masthead)}</div><nav><ul>{menu}</ul></nav></header>
<main><article><h1>{e(it.title)}</h1><div class="date">{e(when)}</div>
{paras}
</article>
<aside><h3>Newsletter</h3><p>Sign up to receive the day's top stories in your inbox.</p></aside></main>
<footer><ul><li>About</li><li>Contact us</li><li>Privacy Policy</li><li>Terms of Use</li></ul>
<p>© {day.year} {e(owner)} All rights reserved.</p></footer></body></html>""".encode()


def write_pages(items: list[Item], dates: dict[str, date], out: Path) -> dict[str, Item]:
    """Each article's page dump written under ``out``; file path -> article."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    files = {}
    for it in items:
        # the file named by a hash: BASIL's own names carry the event's label
        path = out / f"{it.outlet}_{zlib.crc32(it.uuid.encode()):08x}.txt"
        path.write_text(render(Page(it.uuid, page_html(it, dates[it.uuid]), it.body, it.title)), encoding="utf-8")
        files[str(path)] = it
    return files


def cli(home: Path, *args: str) -> str:
    """One newsreader command on library ``home`` (this checkout's code), its output."""
    got = subprocess.run([PYTHON, "-m", "newsreader", "--home", str(home), *args], cwd=ROOT,
                         capture_output=True, text=True)
    if got.returncode != 0:
        raise SystemExit(f"newsreader {' '.join(args[:1])} failed: {got.stderr.strip()[-500:]}")
    return got.stdout


def quotations_judged(events: dict[str, list[Item]], by_uuid: dict[str, int], stories: dict[int, dict],
                      story_of: dict[int, int]) -> tuple[int, int, list]:
    """Of the quotations two or more articles of an event carry word for word, how many
    one story lists once with every article carrying it (the held-out's bar)."""
    good = total = 0
    misses = []
    for members in events.values():
        bodies = {by_uuid[it.uuid]: it.body for it in members if it.uuid in by_uuid}
        for ws, arts in shared_quotations(bodies):
            total += 1
            needle = " ".join(ws)
            homes = {story_of.get(a) for a in arts}
            ok, why = False, "articles not in one story"
            if len(homes) == 1 and None not in homes:
                quotes = stories[homes.pop()]["quotes"]
                holders = [q for q in quotes
                           if any(needle in " ".join(words(w["text"])) for w in q["wordings"])]
                ok = len(holders) == 1 and arts <= set(holders[0]["articles"])
                why = f"{len(holders)} entries hold it: {[q['articles'] for q in holders]}"
            if ok:
                good += 1
            else:
                misses.append((needle, sorted(arts), why))
    return good, total, misses


def run(mode: str, items: list[Item], work: Path, errors: bool, show_misses: bool) -> None:
    dates = redate(items, mode)
    files = write_pages(items, dates, work / f"pages-{mode}")
    home = work / f"home-{mode}"
    shutil.rmtree(home, ignore_errors=True)
    imported = cli(home, "import", *files)
    listed = json.loads(cli(home, "list", "--json", "--limit", str(10 * len(files))))
    ids = {a["source"]: a["id"] for a in listed}
    missing = [f for f in files if f not in ids]
    item_of = {ids[f]: it for f, it in files.items() if f in ids}
    wrong_dates = sum(1 for a in listed if a["source"] in files
                      and a["published"][:10] != dates[files[a["source"]].uuid].isoformat())
    stories = json.loads(cli(home, "stories", "--json", "--limit", "100000"))
    story_of = {a: s["id"] for s in stories for a in s["articles"]}
    truth = {str(i): it.event for i, it in item_of.items()}
    found = {str(i): f"s{story_of[i]}" if i in story_of else f"a{i}" for i in item_of}
    p, r, f1, nt, nf = score(truth, found)
    halves = [score_half(truth, found, h) for h in (0, 1)]
    outlets = {o for s in stories for o in s["outlets"]}
    print(f"basil-{mode}: {len(files)} pages imported ({imported.strip().splitlines()[-1]}; "
          f"{len(missing)} not listed, {wrong_dates} dated otherwise than written), "
          f"{len(set(truth.values()))} events; {len(stories)} stories of {len(outlets)} outlet names; "
          f"{nt} true pairs, {nf} found: P {p:.3f} R {r:.3f} F1 {f1:.3f}; halves "
          + ", ".join(f"P {a:.3f} R {b:.3f}" for a, b in halves))
    full = {s["id"]: json.loads(cli(home, "story", str(s["id"]), "--json")) for s in stories}
    events: dict[str, list[Item]] = {}
    for it in item_of.values():
        events.setdefault(it.event, []).append(it)
    by_uuid = {it.uuid: i for i, it in item_of.items()}
    good, total, misses = quotations_judged(events, by_uuid, full, story_of)
    print(f"basil-{mode}: {total} quotations carried word for word by two or more articles of an event; "
          f"listed once with all of them: {good} ({good / total if total else 1:.0%})")
    if errors:
        _print_errors(truth, found, item_of)
    if show_misses:
        for m in misses:
            print("  quote miss:", m)


def _print_errors(truth: dict[str, str], found: dict[str, str], item_of: dict[int, Item]) -> None:
    t, f = pairs_of(truth), pairs_of(found)

    def line(a: str) -> str:
        it = item_of[int(a)]
        return f"{a} {it.outlet} {it.day} {it.title[:60]}"

    for a, b in sorted(f - t, key=lambda q: (int(q[0]), int(q[1]))):
        print(f"  false: {line(a)}  <->  {line(b)}")
    for a, b in sorted(t - f, key=lambda q: (int(q[0]), int(q[1]))):
        print(f"  missed: {line(a)}  <->  {line(b)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--basil", type=Path, default=BASIL_REPO, help="git snapshot of launchnlp/BASIL")
    ap.add_argument("--dates", default="all", choices=["real", "weeks", "week", "all"])
    ap.add_argument("--work", type=Path, default=Path("/tmp/stories_pages"),
                    help="where the page dumps and libraries are written (outside the project)")
    ap.add_argument("--errors", action="store_true", help="print the false and the missed pairs")
    ap.add_argument("--misses", action="store_true", help="print the shared quotations not listed once")
    args = ap.parse_args()
    if not (args.basil / "HEAD").exists() and not (args.basil / ".git").exists():
        raise SystemExit(f"no BASIL snapshot at {args.basil}")
    items = basil_items(args.basil)
    for mode in ("real", "weeks", "week") if args.dates == "all" else (args.dates,):
        run(mode, items, args.work, args.errors, args.misses)


if __name__ == "__main__":
    main()
