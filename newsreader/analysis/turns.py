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
from newsreader.analysis.resolver import Resolver
from newsreader.models import Quote

_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
_NOT_SPEAKERS = frozenset(
    """note update editor correction source photo read watch related disclaimer warning
    caption credit image video also see tags tag category categories posted published
    updated share contact email phone tel address date time location condition humidity
    wind weather temperature price cost score result results summary background
    key points breaking live exclusive opinion analysis analyses part chapter step""".split()
)
_END = (".", "?", "!", "\u201d", "\u201c", '"', ":", "\u2026", ")", "\u00bb", "\u2019", "'")  # (“ too: a typo for ”)


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


_ASKER_LABELS = frozenset("q question interviewer".split())


_ANSWER_LABELS = frozenset("a answer".split())


_ASKER_AFTER = frozenset("interviewed asked questioned met pressed quizzed grilled cross-examined".split())


_MEETING = frozenset("spoke talked speaks talks spoken talking sat".split())


_QUESTIONING = frozenset("questioning questions questioned interview interviewed interviews".split())


_JOURNALISTS = frozenset(
    "reporter correspondent journalist interviewer editor columnist writer host presenter anchor".split())


def _interview_cast(art: Article, first_para: int) -> tuple:
    """Who asks and who answers in a ``Q:``/``A:`` transcript, from the paragraphs
    before the first turn. The asker: a person named with a journalist's title
    ("Courier reporter X"), the person met when a pronoun standing for the subject
    does the meeting ("He spoke with X"), one introduced by "by" ("questioning by
    X") or followed by "spoke to", "interviewed", ... The one answering: of the
    others, the person named most often there (the first such on a tie)."""
    asker, rank = None, 0
    questioned = -1  # the one an asker's verb names: "attorney X pressed Thibodeaux on ..."
    seen: dict[int, list] = {}  # entity -> [count, first position, multi-word]
    for para in art.paras[:first_para]:
        toks = para.toks
        mentions = para.mentions or para.side
        for n, m in enumerate(mentions):
            if m.kind != "person" or m.entity < 0:
                continue
            before = [t[1].lower() for t in toks[max(0, m.tok - 4):m.tok]] if toks else []
            own = [t[1].lower() for t in toks[m.tok:m.tok_end]] if toks else []
            after = toks[m.tok_end][1].lower() if m.tok_end < len(toks) else ""
            r = 0
            if any(w in _JOURNALISTS for w in before[-2:] + own[:-1]):
                r = 3
            elif len(before) >= 2 and before[-1] in ("with", "to") and before[-2] in _MEETING:
                r = 2  # "He spoke with X", "Ruiz spoke to X": the one spoken to asks
            elif _by_questioner(before) or after in _ASKER_AFTER or (
                    after in _MEETING and _to_pronoun(toks, m.tok_end + 1)):
                r = 1  # "X interviewed ...", "Leah Brandt spoke to him"
            if r > rank:
                asker, rank = m, r
                nxt = mentions[n + 1] if n + 1 < len(mentions) else None
                questioned = (nxt.entity if r == 1 and after in _ASKER_AFTER and nxt is not None
                              and nxt.kind == "person" and nxt.tok == m.tok_end + 1 else -1)
            if r == 0 and not m.extra.get("poss") and not m.extra.get("prep"):
                got = seen.setdefault(m.entity, [0, m.start, len(art.cast.names[m.entity]) > 1])
                got[0] += 1
    answerer = None if questioned < 0 or (asker is not None and questioned == asker.entity) else questioned
    best = None if answerer is None else (True, 10 ** 9, 0)
    for ent, (count, first, multi) in seen.items():
        if asker is not None and ent == asker.entity:
            continue
        key = (multi, count, -first)
        if best is None or key > best:
            best, answerer = key, ent
    return asker, answerer


def _to_pronoun(toks: list, i: int) -> bool:
    """"to him", "with her": the one spoken to is the subject of the piece."""
    return (i + 1 < len(toks) and toks[i][1].lower() in ("to", "with")
            and toks[i + 1][1].lower() in ("him", "her", "them"))


def _by_questioner(before: list[str]) -> bool:
    """"Under questioning by X", "interviewed by X": "by" after a word of
    questioning. A bare "by" ("a statement made by X") names no asker."""
    if "by" not in before:
        return False
    i = len(before) - 1 - before[::-1].index("by")
    return i > 0 and before[i - 1] in _QUESTIONING


def interview_turns(art: Article, res: Resolver) -> list[Quote]:
    out = []
    qa = None
    for cstart, cend, para, ls, le, label in find_turns(art):
        m = next((m for m in para.mentions if m.end <= cstart and m.kind in ("person", "role")), None)
        low = label.lower()
        if m is None and (low in _ASKER_LABELS or low in _ANSWER_LABELS):
            if qa is None:
                qa = _interview_cast(art, para.idx)
            who = res.name(qa[0]) if low in _ASKER_LABELS and qa[0] is not None else (
                art.cast.display(qa[1]) if low in _ANSWER_LABELS and qa[1] is not None else None)
            if who is not None:
                out.append(Quote(cstart, cend, "turn", who, ls, le, ":"))
                continue
        if m is not None and m.kind == "person":
            out.append(Quote(cstart, cend, "turn", res.name(m), m.start, m.end, ":"))
        else:
            out.append(Quote(cstart, cend, "turn", label, ls, le, ":"))
    return out
