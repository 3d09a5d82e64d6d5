"""The saved-page cleaner under heavy chrome: harsher renders of the shared pages.

Real page dumps carry more furniture than the plain renders of
``textpage_f1.py``: long menus, "Most read" lists, cookie and privacy prose,
newsletter pitches, author bios, comment threads of long prose, captions,
share prompts, a teaser for the next story, hard-wrapped lines. This script
renders each page as ``textpage_f1`` does and then adds such chrome around
and inside the article, written from a small generic vocabulary below and
randomised per page with a fixed seed, so the figures are repeatable.

The whole-page and 25-word baselines are printed beside the cleaner's score
so the stress level can be compared with that of a harder set (a set where
those baselines are lower carries more chrome).

Run: ``.venv/bin/python benchmarks/textpage_stress.py [-v] [--seeds 1,2,3] [--level X] [--dump NAME]``.
At the default level (0.3) the baselines come out near 0.62 (whole page)
and 0.73 (paragraphs of 25+ words); ``--level 1`` is harsher still.
"""

from __future__ import annotations

import random
import re
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textpage_f1 import ARTICLES, f1, render, truth  # noqa: E402

from newsreader.errors import IngestError  # noqa: E402
from newsreader.ingest.textpage import parse_text_page  # noqa: E402

_WORD = re.compile(r"\w+")

# --- a generic vocabulary for site furniture ---------------------------------------

SECTIONS = (
    "Home News World Local Region Politics Business Markets Economy Money Tech Science Health "
    "Sport Football Tennis Cricket Motors Culture Books Film Music Television Arts Travel Food "
    "Style Opinion Editorials Letters Obituaries Weather Video Audio Podcasts Puzzles Crosswords "
    "Jobs Property Education Environment Climate Energy Transport Religion Lifestyle Family "
    "Archive Events Shop Offers Magazine Investigations Explainers Interviews Photography"
).split()
NAV_EXTRA = [
    "Skip to main content", "Sign in", "Subscribe", "Menu", "Search", "Close", "Edition",
    "Live", "Latest", "My account", "Manage alerts", "Print edition", "Today's paper",
    "Contact us", "Help", "Careers", "Advertise with us", "About us", "Corrections",
    "Send us a tip", "Newsletters", "Apps", "RSS feeds", "Site map", "Log out",
]
PLACES = [
    "the northern province", "the coastal city", "the capital", "a river town", "the valley",
    "the border region", "the old port", "the mountain district", "the southern suburbs",
    "the lake district", "the industrial belt", "the island chain",
]
ACTORS = [
    "Officials", "Residents", "Lawmakers", "Regulators", "Investors", "Scientists", "Teachers",
    "Farmers", "Doctors", "Union leaders", "Campaigners", "Police", "Engineers", "Shop owners",
    "Commuters", "Researchers", "Fans", "Voters", "Judges", "Nurses",
]
VERBS = [
    "warn over", "push back against", "celebrate", "question", "prepare for", "count the cost of",
    "call for an inquiry into", "vote on", "rush to explain", "split over", "demand answers on",
    "brace for", "quietly drop plans for", "look again at", "seek help with",
]
OBJECTS = [
    "the new bridge tolls", "rising rents", "a delayed rail line", "the water shortage",
    "school closures", "a record harvest", "the stadium deal", "late-night flights",
    "hospital waiting lists", "the heatwave", "a leaked budget plan", "the festival clean-up",
    "plastic packaging rules", "an ageing power grid", "the museum's lost paintings",
    "cheaper bus fares", "a wave of shop closures", "the fishing quotas", "online fraud",
    "the missing research data",
]
TAILS = [
    "as the deadline nears", "after a week of protests", "in a surprise move",
    "for the third year running", "despite strong objections", "amid growing anger",
    "before the summer break", "while talks continue behind closed doors",
]
FIRST = ["Alex", "Sam", "Jordan", "Morgan", "Robin", "Kim", "Taylor", "Casey", "Jamie", "Avery",
         "Riley", "Quinn", "Devon", "Harper", "Rowan", "Ellis", "Noor", "Mika", "Sasha", "Luca"]
LAST = ["Marlow", "Okafor", "Lindqvist", "Barros", "Tanaka", "Hughes", "Novak", "Castell",
        "Ferreira", "Adeyemi", "Walsh", "Kowalski", "Brandt", "Moreau", "Santos", "Whitfield"]
AGENCIES = ["Staff photographer", "Pool photo", "Wire images", "Handout", "Press office",
            "Courtesy of the family", "Agency pictures"]
ROLES = ["senior correspondent", "staff writer", "data reporter", "political editor",
         "business reporter", "features writer", "science correspondent", "regional reporter"]
BEATS = ["local government", "housing and planning", "courts and crime", "energy markets",
         "public health", "transport", "education", "the environment", "elections", "technology"]

# Legal and marketing prose: long sentences built from clauses, so that each
# paragraph reads like prose and differs from page to page.
LEGAL_OPEN = [
    "We and our partners use cookies and similar technologies",
    "This site stores small files on your device",
    "Our websites and apps collect information about how you use them",
    "By continuing to use this service you agree that we may process personal data",
    "We rely on your consent and on our legitimate interests",
    "Some features of this website depend on third-party services",
    "Your choices here apply to all of our titles and products",
    "The information you provide will be handled in line with our policy",
]
LEGAL_PURPOSE = [
    "to remember your preferences and keep you signed in",
    "to measure how many people read each page and how they arrived",
    "to show advertising that is more relevant to your interests",
    "to understand which features are used and to improve them",
    "to detect fraud, prevent abuse and keep our systems secure",
    "to personalise content and limit how often you see the same message",
    "to share aggregated statistics with advertisers and partners",
]
LEGAL_CLOSE = [
    "You can change your settings at any time from the link at the bottom of every page.",
    "You may withdraw consent whenever you wish without affecting earlier processing.",
    "Further details, including how long we keep data, are set out in our full policy.",
    "If you have questions you can write to our data protection officer.",
    "Rejecting these uses will not stop you from reading our journalism.",
    "Some partners may process data outside your country under appropriate safeguards.",
]
PROMO = [
    "Get the best of our reporting delivered to your inbox every morning, with the stories "
    "you need to know and a few you will simply enjoy.",
    "Support independent journalism: readers like you make our work possible, and every "
    "contribution, however small, helps us keep reporting without fear or favour.",
    "Become a member today and enjoy unlimited reading on any device, early access to "
    "events and a weekly letter from our editors.",
    "Our award-winning team works around the clock to bring you accurate, fair and "
    "thoughtful coverage of the issues that shape your community.",
    "Download our free app to follow breaking news as it happens, save stories for later "
    "and choose the topics you care about most.",
    "Thank you for reading. We rely on readers to fund our work, and we would be grateful "
    "if you considered a regular contribution this year.",
]
COMMENT_BITS = [
    "I have been saying this for years and nobody listens",
    "the real problem is that nobody in charge ever has to live with the consequences",
    "this is exactly why people have stopped trusting the people who run things",
    "my neighbour went through something very similar last winter and it took months to sort out",
    "with respect, the article leaves out the most important part of the story",
    "I would like to see the actual figures before anyone draws conclusions",
    "it is easy to criticise from the outside but the details matter here",
    "we used to do things differently when I was growing up and it worked fine",
    "honestly I think both sides are missing the point entirely",
    "good to see some proper reporting on this for a change",
    "the comments here show how divided people have become on almost everything",
    "I doubt anything will change until the next election, if even then",
]
SHARE = ["Share this article", "Share", "Copy link", "Link copied", "Share on Facebook",
         "Share on X", "Send by email", "Save for later", "Print", "Gift this article",
         "Listen to this article", "Follow us", "Comments"]
RELATED_HEADS = ["Related stories", "Most read", "More on this story", "You may also like",
                 "Read more", "Top stories", "Recommended", "Trending now", "Editor's picks",
                 "More from this section"]
FOOT_LABELS = ["Privacy policy", "Cookie settings", "Terms of use", "Accessibility",
               "Contact", "Advertise", "Syndication", "Complaints", "Do not sell my information",
               "Manage preferences", "Careers", "Help centre"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def headline(rng: random.Random, sentence: bool = False) -> str:
    text = f"{rng.choice(ACTORS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.4:
        text += " " + rng.choice(TAILS)
    if sentence:
        text += "."
    return text[0].upper() + text[1:]


def legal_paragraph(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(2, 3)):
        purposes = rng.sample(LEGAL_PURPOSE, rng.randint(2, 3))
        parts.append(f"{rng.choice(LEGAL_OPEN)} {', '.join(purposes[:-1])} and {purposes[-1]}.")
    parts.append(rng.choice(LEGAL_CLOSE))
    return " ".join(parts)


def comment(rng: random.Random, topic: list[str]) -> list[str]:
    bits = rng.sample(COMMENT_BITS, rng.randint(2, 4))
    text = ". ".join(b[0].upper() + b[1:] for b in bits) + "."
    if topic and rng.random() < 0.6:  # real comments name the story's subject
        text = f"So much for {' '.join(rng.sample(topic, min(2, len(topic))))}. " + text
    return [rng.choice([_name(rng), f"{rng.choice(FIRST).lower()}{rng.randint(10, 99)}"]),
            f"{rng.randint(1, 23)} hours ago", text, "Reply", f"{rng.randint(0, 90)} likes"]


def bio(rng: random.Random) -> list[str]:
    name = _name(rng)
    return [name, f"{name} is a {rng.choice(ROLES)} based in {rng.choice(PLACES)}, covering "
            f"{rng.choice(BEATS)} and {rng.choice(BEATS)}. Before joining the paper in "
            f"{rng.randint(1995, 2021)} they reported on {rng.choice(OBJECTS)} and "
            f"{rng.choice(OBJECTS)} for regional outlets."]


def caption(rng: random.Random) -> str:
    text = f"{rng.choice(ACTORS)} gather near {rng.choice(OBJECTS)} in {rng.choice(PLACES)} on {rng.choice(['Monday', 'Tuesday', 'Friday', 'Sunday'])}."
    form = rng.random()
    if form < 0.4:
        return f"{text} Photograph: {_name(rng)}/{rng.choice(AGENCIES)}"
    if form < 0.7:
        return f"{text} ({rng.choice(AGENCIES)})"
    return text


ABOUT_BITS = [
    "has served readers across the region since it was founded by a group of printers",
    "is owned by a trust whose only purpose is to secure its future for generations to come",
    "publishes daily in print and around the clock online, with a team of reporters in every county",
    "was named regional title of the year twice in the last decade by its peers",
    "also runs local radio stations, a weekly magazine and a programme of public lectures",
    "welcomes letters from readers, which may be edited for length and clarity before they appear",
]


def about_paragraph(rng: random.Random) -> str:
    """A publisher's own prose: long sentences and no tell-tale vocabulary."""
    bits = rng.sample(ABOUT_BITS, 3)
    return (f"The Daily Example {bits[0]}. Today it {bits[1]}, and it {bits[2]}. "
            f"Its journalists follow a published code of practice.")


def teaser(rng: random.Random) -> list[str]:
    sentences = [
        f"{rng.choice(ACTORS)} in {rng.choice(PLACES)} said on {rng.choice(['Monday', 'Wednesday', 'Thursday'])} "
        f"they would {rng.choice(['review', 'pause', 'expand', 'challenge'])} plans over {rng.choice(OBJECTS)}.",
        f"The move follows months of debate over {rng.choice(OBJECTS)} and {rng.choice(OBJECTS)}, "
        f"with critics arguing that the cost had been {rng.choice(['underestimated', 'hidden', 'ignored'])}.",
        f"A spokesperson said further details would be published {rng.choice(['next week', 'within days', 'after the summer'])}.",
    ]
    if rng.random() < 0.5:  # no label, only a headline above the paragraph
        return [headline(rng), " ".join(sentences)]
    return ["Up next", headline(rng), " ".join(sentences), "Continue reading"]


def related_block(rng: random.Random, n: int) -> list[str]:
    out = [rng.choice(RELATED_HEADS)]
    for _ in range(n):
        out.append(headline(rng, sentence=rng.random() < 0.35))
        if rng.random() < 0.3:
            out.append(f"{rng.randint(2, 59)} min read")
    return out


def nav(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(SECTIONS + NAV_EXTRA) for _ in range(n)]


# --- putting chrome into a render -------------------------------------------------


def _gold_blocks(blocks: list[str], gold: str) -> list[int]:
    vocab = set(_WORD.findall(gold.lower()))
    out = []
    for i, b in enumerate(blocks):
        words = _WORD.findall(b.lower())
        if len(words) >= 8 and sum(w in vocab for w in words) >= 0.8 * len(words):
            out.append(i)
    return out


def stress(dump: str, gold: str, rng: random.Random, level: float = 1.0) -> str:
    """The render with heavy chrome added before, inside and after the article."""
    blocks = [b for b in dump.split("\n\n") if b.strip()]
    inside = _gold_blocks(blocks, gold)
    if not inside:
        return dump
    first, last = inside[0], inside[-1]
    title_words = [w for w in _WORD.findall(gold.lower()) if len(w) > 5][:40]

    def k(x: float) -> int:
        return max(0, round(x * level * rng.uniform(0.6, 1.4)))

    mid: dict[int, list[str]] = {}
    for i in rng.sample(inside[:-1], min(len(inside) - 1, k(3))):
        kind = rng.random()
        if kind < 0.35:
            mid[i] = [caption(rng)]
        elif kind < 0.6:
            mid[i] = related_block(rng, rng.randint(2, 4))
        elif kind < 0.75:
            mid[i] = ["Advertisement", rng.choice(PROMO)]
        elif kind < 0.9:
            mid[i] = [f"Read more: {headline(rng)}"]
        else:
            mid[i] = rng.sample(SHARE, 3)

    after: list[str] = []
    pieces = [
        lambda: rng.sample(SHARE, rng.randint(2, 5)),
        lambda: bio(rng),
        lambda: related_block(rng, k(6)),
        lambda: teaser(rng),
        lambda: ["Comments", f"{rng.randint(3, 400)} comments"] + sum((comment(rng, title_words) for _ in range(k(3))), []),
        lambda: sum((comment(rng, title_words)[:3] for _ in range(1 + k(2))), []),  # no header
        lambda: [about_paragraph(rng)],
        lambda: ["Newsletter", rng.choice(PROMO), "Enter your email address", "Sign up"],
        lambda: [rng.choice(PROMO)],
        lambda: related_block(rng, k(8)),
    ]
    rng.shuffle(pieces)
    for piece in pieces[: 1 + k(4)]:
        after += piece()
    footer = nav(rng, k(12)) + [legal_paragraph(rng) for _ in range(k(2))] + rng.sample(FOOT_LABELS, 6)
    footer.append(f"© {rng.randint(2015, 2025)} The Daily Example Media Group. All rights reserved.")
    top = nav(rng, k(15))
    if rng.random() < 0.5 * level:
        top += related_block(rng, k(5))
    if rng.random() < 0.4 * level:
        top += ["We value your privacy", legal_paragraph(rng), "Accept all", "Reject all", "Manage options"]

    out = top + blocks[:first]
    for i in range(first, last + 1):
        out.append(blocks[i])
        out += mid.get(i, [])
        if i == first and rng.random() < 0.5:
            out.append(caption(rng))
    out += after + blocks[last + 1 :] + footer
    if rng.random() < 0.2:  # some savers hard-wrap long lines
        width = rng.randint(64, 90)
        out = ["\n".join(textwrap.wrap(b, width)) or b for b in out]
    return "\n\n".join(out) + "\n"


def _long_paragraphs(dump: str) -> str:
    """The 25-word baseline over blank-line paragraphs (hard-wrapped lines joined)."""
    paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", dump))
    return "\n\n".join(p for p in paras if len(p.split()) >= 25)


def main(argv: list[str]) -> int:
    if not ARTICLES.is_dir():
        print(f"skipped: {ARTICLES} not found")
        return 0
    seeds = [int(x) for x in argv[argv.index("--seeds") + 1].split(",")] if "--seeds" in argv else [1, 2, 3, 4, 5]
    level = float(argv[argv.index("--level") + 1]) if "--level" in argv else 0.3
    only = argv[argv.index("--dump") + 1] if "--dump" in argv else None
    verbose = "-v" in argv
    pages = [(p.stem, p.read_bytes(), truth(p.stem)) for p in sorted((ARTICLES / "html").glob("*.html"))]
    rows = []
    slowest = 0.0
    for seed in seeds:
        for name, html, gold in pages:
            if gold is None or (only and name != only):
                continue
            dump = stress(render(html), gold, random.Random(f"{seed}:{name}"), level)
            if only:
                print(dump)
                return 0
            start = time.perf_counter()
            try:
                article = parse_text_page(dump, source=name)
                body, title = article.body, article.title
            except IngestError as exc:
                body, title = "", f"<{exc}>"
            slowest = max(slowest, time.perf_counter() - start)
            rows.append((f"{name}@{seed}", f1(body, gold), f1(dump, gold), f1(_long_paragraphs(dump), gold), title))
    if verbose:
        print(f"{'page':40} {'F1':>6} {'whole':>6} {'25+':>6}  title")
        for name, score, whole, longp, title in rows:
            print(f"{name:40} {score:6.3f} {whole:6.3f} {longp:6.3f}  {title[:60]}")
    n = len(rows)
    print(f"stress level {level}, seeds {seeds}: {n} pages")
    for label, col in (("cleaner", 1), ("whole page", 2), ("paragraphs 25+", 3)):
        scores = [r[col] for r in rows]
        print(f"{label:16} mean F1 {sum(scores) / n:.3f}   below 0.5: {sum(s < 0.5 for s in scores)}/{n}")
    print(f"slowest page: {slowest * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
