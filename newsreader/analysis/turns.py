"""Interview transcripts: ``Name: text`` and ``Q:``/``A:`` turns.

A turn runs from its label over the following paragraphs until the next turn or
a heading. Headings and titles with a colon ("Lavrov's Warning: Any Foreign ...")
and label/value lines ("Humidity: 85%") are not turns.

An interview is an exchange: at least two speakers, and at least one of them
speaks again. Lists of labelled lines where every label comes once (event
listings "STREET GYM: ...", sponsor lines "Acme: 15% off with code ...") are
no interview, however name-like their labels look.
"""

from __future__ import annotations

import re

from newsreader.analysis.article import Article, Para
from newsreader.analysis.lexicon import PARTICLES, STOPWORDS, TITLES, TURN_LABELS

_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
_NOT_SPEAKERS = frozenset(
    """note update editor correction source photo read watch related disclaimer warning
    caption credit image video also see tags tag category categories posted published
    updated share contact email phone tel address date time location condition humidity
    wind weather temperature price cost score result results summary background
    key points breaking live exclusive opinion analysis analyses part chapter step""".split()
)
_END = (".", "?", "!", "\u201d", '"', ":", "\u2026", ")", "\u00bb", "\u2019", "'")


def heading_like(text: str) -> bool:
    """A short line without closing punctuation: a heading, a title, a label."""
    t = text.rstrip()
    return not t.endswith(_END) and len(t.split(None, 21)) <= 20


def para_heading(art: Article, para) -> bool:
    """Whether a paragraph of the article is heading-like, worked out once a paragraph."""
    if para.heading is None:
        para.heading = heading_like(art.text[para.start:para.end])
    return para.heading


def _label_ok(label: str, art: Article) -> bool:
    words = _WORD.findall(label)
    if not words or len(words) > 5 or "\u2019s" in label or "'s" in label:
        return False
    if any(ch.isdigit() for ch in label) or any(ch in label for ch in ",;!?\"\u201c\u201d("):
        return False
    lows = [w.lower() for w in words]
    if len(words) == 1 and lows[0] in TURN_LABELS:
        return True
    if lows[0] in _NOT_SPEAKERS or lows[-1] in _NOT_SPEAKERS:
        return False
    titled = lows[0] in TITLES
    for w, low in zip(words, lows):
        # after a title a short label may slip case ("prof. nwosu", "Health minister"),
        # but a headline's words do not make a label ("Health minister on waiting lists: ...")
        if not w[0].isupper() and low not in PARTICLES and not (titled and (low in TITLES or len(words) <= 3)):
            return False
    if all(low in STOPWORDS or low in TITLES for low in lows):
        return False
    if titled or len(words) >= 2:
        return True
    return art.cast.resolve(words[-1], 0) >= 0


def _speaker_key(label: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(label) if w.lower() not in TITLES)


def _same_speaker(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # "Amara Nwosu" then "Nwosu" or "Prof. Nwosu" is one speaker; "Eid Festival" and
    # "Stockwell Festival" are two labels
    return a == b or bool(a and b) and a[-1] == b[-1] and min(len(a), len(b)) == 1


def _exchange(text: str, cands) -> bool:
    """Whether the labelled paragraphs read as a conversation: two or more speakers and
    one speaking again, or an interviewer's or Q/A label answered by another."""
    if len(cands) < 2:
        return False
    keys = [_speaker_key(text[ls:le]) for _, ls, le, _ in cands]
    if any(len(k) == 1 and k[0] in TURN_LABELS for k in keys):
        return any(k != keys[0] for k in keys)
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for k in keys:
        if k:
            by_last.setdefault(k[-1], []).append(k)
    again = any(len(g) > 1 and (len(set(g)) < len(g) or min(map(len, g)) == 1) for g in by_last.values())
    return again and any(not _same_speaker(k, keys[0]) for k in keys)


def find_turns(art: Article) -> list[tuple[int, int, Para, int, int, str]]:
    """Turns as (content start, content end, paragraph, label start, label end, label)."""
    text = art.text
    cands: list[tuple[Para, int, int, int]] = []
    for para in art.paras:
        head = text[para.start:min(para.end, para.start + 60)]
        colon = head.find(":")
        if colon <= 0:
            continue
        lstart = para.start
        while lstart < para.start + colon and text[lstart] in " *-\u2022":
            lstart += 1
        label = text[lstart:para.start + colon].strip()
        cstart = para.start + colon + 1
        while cstart < para.end and text[cstart].isspace():
            cstart += 1
        body = text[cstart:para.end]
        if not body or heading_like(body) and len(body.split()) < 4 or para_heading(art, para):
            continue
        if _label_ok(label, art):
            cands.append((para, lstart, lstart + len(label), cstart))
    if not _exchange(text, cands):
        return []
    out = []
    starts = {c[0].idx for c in cands}
    for n, (para, ls, le, cstart) in enumerate(cands):
        last = para.idx
        stop = cands[n + 1][0].idx if n + 1 < len(cands) else len(art.paras)
        for p in range(para.idx + 1, stop):
            nxt = art.paras[p]
            ptext = text[nxt.start:nxt.end]
            if p in starts or para_heading(art, nxt):
                break
            if n + 1 == len(cands):
                prev = text[art.paras[p - 1].start:art.paras[p - 1].end].rstrip()
                if not (prev.endswith(":") or ptext.lstrip()[:1] in "*-\u2022"):
                    break
            last = p
        out.append((cstart, art.paras[last].end, para, ls, le, text[ls:le]))
    return out
