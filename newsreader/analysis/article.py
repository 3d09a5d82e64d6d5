"""An article laid out for attribution: paragraphs, tokens, sentences, mentions, cast.

Quotations are replaced in the token stream by one ``q`` token each, so the words
around a quote (the frame) can be read without the words inside it.
"""

from __future__ import annotations

from newsreader.analysis.marks import Span, find_spans, paragraphs
from newsreader.analysis.names import Mention, is_sentence_end, scan_mentions, tokenize
from newsreader.analysis.speakers import Cast

PREPOSITIONS = frozenset(
    "in at from to with by for of on beside near about against into onto over under "
    "between among toward towards than like".split()
)


class Para:
    """One paragraph: its tokens with quotes folded in, sentences and mentions."""

    def __init__(self, idx: int, start: int, end: int) -> None:
        self.idx, self.start, self.end = idx, start, end
        self.toks: list[list] = []
        self.sent_of: list[int] = []  # token -> global sentence id
        self.sent_lo: dict[int, int] = {}  # global sentence id -> its first token
        self.mentions: list[Mention] = []
        self.mtoks: list[int] = []  # first token of each mention, for bisect
        self.qtok: dict[int, int] = {}  # span index -> its token here


class Article:
    """Everything attribution needs about one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        bounds = paragraphs(text)
        self.spans: list[Span] = find_spans(text, bounds)
        self.paras = [Para(i, s, e) for i, (s, e) in enumerate(bounds)]
        self.sent_mentions: list[list[Mention]] = []
        self.cast = Cast()
        self.roles: dict[str, list[tuple[int, int]]] = {}
        self._layout()
        self._resolve()

    def _layout(self) -> None:
        text = self.text
        by_para: dict[int, list[tuple[int, int, int]]] = {}
        for k, sp in enumerate(self.spans):
            for p in range(sp.para, sp.last_para + 1):
                para = self.paras[p]
                lo = max(sp.open_at, para.start)
                hi = min(sp.close_end, para.end)
                by_para.setdefault(p, []).append((lo, hi, k if p in (sp.para, sp.last_para) else -1))
        for para in self.paras:
            toks: list[list] = []
            pos = para.start
            for lo, hi, k in by_para.get(para.idx, ()):
                toks += tokenize(text, pos, lo)
                if k >= 0:
                    para.qtok[k] = len(toks)
                    toks.append(["q", "\ufffc", lo, hi, k])
                pos = max(pos, hi)
            toks += tokenize(text, pos, para.end)
            para.toks = toks
            self._sentences(para)
            starts = {lo for lo in para.sent_lo.values()}
            para.mentions = scan_mentions(toks, starts)
            para.mtoks = [m.tok for m in para.mentions]
            for m in para.mentions:
                sid = para.sent_of[m.tok] if m.tok < len(para.sent_of) else len(self.sent_mentions) - 1
                m.extra["sid"] = sid
                m.extra["para"] = para.idx
                m.extra["prep"] = m.tok > 0 and toks[m.tok - 1][1].lower() in PREPOSITIONS
                self.sent_mentions[sid].append(m)

    def _sentences(self, para: Para) -> None:
        toks, text = para.toks, self.text
        sid = len(self.sent_mentions)
        self.sent_mentions.append([])
        para.sent_lo[sid] = 0
        n = len(toks)
        for i, t in enumerate(toks):
            para.sent_of.append(sid)
            if i + 1 >= n:
                break
            end = False
            if t[0] == "p":
                end = is_sentence_end(toks, i)
            elif t[0] == "q":
                sp = self.spans[t[4]]
                nxt = toks[i + 1]
                end = text[sp.end - 1:sp.end] in (".", "!", "?") and (
                    nxt[0] == "q" or (nxt[0] == "w" and nxt[1][:1].isupper()))
            if end:
                sid += 1
                self.sent_mentions.append([])
                para.sent_lo[sid] = i + 1

    def _resolve(self) -> None:
        """Merge mentions into the cast: full names first seen, surnames after them."""
        cast = self.cast
        pending: list[Mention] = []
        for para in self.paras:
            for m in para.mentions:
                if m.kind == "person" and len(m.words) > 1:
                    m.entity = cast.add(m.words, "person", m.start, m.gender)
                elif m.kind == "person":
                    m.entity = cast.resolve(m.words[0], m.start)
                    if m.entity < 0:
                        pending.append(m)
                    else:
                        cast.last_seen[m.entity] = m.start
                elif m.kind == "org" and m.words:
                    m.entity = cast.add(m.words, "org", m.start)
                if m.kind == "person" and m.role and m.entity >= 0:
                    self.roles.setdefault(m.role, []).append((m.start, m.entity))
        for m in pending:
            m.entity = cast.resolve(m.words[0], m.start)
            if m.entity < 0:
                m.entity = cast.add(m.words, "person", m.start, m.gender)
            if m.role:
                self.roles.setdefault(m.role, []).append((m.start, m.entity))
            if m.gender != "?" and cast.gender[m.entity] == "?":
                cast.gender[m.entity] = m.gender

    def role_entity(self, role: str, pos: int) -> int:
        """The person the article named with ``role`` most recently before ``pos``."""
        found = self.roles.get(role)
        if not found:
            return -1
        best = -1
        for at, ent in found:
            if at <= pos:
                best = ent
        return best
