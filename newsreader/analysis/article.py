"""An article laid out for attribution: paragraphs, tokens, sentences, mentions, cast.

Quotations are replaced in the token stream by one ``q`` token each, so the words
around a quote (the frame) can be read without the words inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsreader.analysis.given_names import gender_of, is_given
from newsreader.analysis.marks import Span, find_spans, paragraphs
from newsreader.analysis.lexicon import BUSINESS_NOUNS, PUBLIC_HEADS, ROLES, SPEECH_VERBS, STOPWORDS, TITLES
from newsreader.analysis.names import DEMONYMS, Mention, is_sentence_end, located, scan_mentions, tokenize
from newsreader.analysis.places import is_place
from newsreader.analysis.speakers import Cast, fold

PREPOSITIONS = frozenset(
    "in at from to with by for of on beside near about against into onto over under "
    "between among toward towards than like outside inside across through throughout "
    "around behind beyond along within via".split()
)


_POSS_DETS = frozenset("his her their its our my your".split())


def _after_possessive(toks: list, i: int) -> bool:
    prev = toks[i - 1][1].lower()
    if prev in _POSS_DETS:
        return True
    return i > 1 and toks[i - 1][0] == "w" and prev.islower() and toks[i - 2][1].lower() in _POSS_DETS


# Two or more capitalised words in a row (particles allowed between): a full name,
# with any title, or an institution. No nested quantifiers: linear.
_CAPRUN = re.compile(
    r"[A-Z][\w'\u2019\-]*\.?(?:[ \t]+(?:(?:de|van|von|der|den|del|da|di|du|la|le|bin|al|el)[ \t]+)?"
    r"[A-Z][\w'\u2019\-]*\.?)+")


# Lower-case words that describe the person named next ("fisherman Joaquim Zandamela"):
# a name after one is a person, however it follows a place.
_DESCRIBERS = TITLES | ROLES


# Nouns a capitalised word before them only qualifies: "Munhava neighborhood".
_MODIFIED_NOUNS = frozenset("""neighborhood neighbourhood district area region province county village
    town city port camp suburb quarter street road avenue valley river border coast island delegation
    team squad club office branch plant factory mine station hospital school campus market
    residents villagers officials""".split())


def _a_thing(m: Mention, toks: list) -> bool:
    """Whether a capitalised name is used as a thing: after "a", "an" or "new" with
    no title or given name ("a MacBook Pro", "the new Pixel"), or run on from a word
    with a capital inside that opens lower case ("iPad Pro", "macOS Sonoma")."""
    i = m.tok
    if i < 1 or m.role or toks[i - 1][0] != "w":
        return False
    prev = toks[i - 1][1]
    if prev[:1].islower() and any(ch.isupper() for ch in prev[1:]) and toks[i - 1][3] + 1 == toks[i][2]:
        return True
    nxt = toks[m.tok_end][1] if m.tok_end < len(toks) else ""
    if nxt[:1].islower() and any(ch.isupper() for ch in nxt[1:]):
        return False  # "an Apple iPhone": the maker's name before its product's
    return prev.lower() in ("a", "an", "new") and not any(is_given(w) or w.isupper() for w in m.words)  # (not "a GP")


class Para:
    """One paragraph: its tokens with quotes folded in, sentences and mentions."""

    def __init__(self, idx: int, start: int, end: int) -> None:
        self.idx, self.start, self.end = idx, start, end
        self.toks: list[list] = []
        self.sent_of: list[int] = []  # token -> global sentence id
        self.sent_lo: dict[int, int] = {}  # global sentence id -> its first token
        self.mentions: list[Mention] = []
        self.mtoks: list[int] = []  # first token of each mention, for bisect
        self.side: list[Mention] = []  # names harvested from a paragraph not read in full
        self.qtok: dict[int, int] = {}  # span index -> its token here
        self.heading: bool | None = None  # heading_like of its text, once asked


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
        self._roles_sorted = True
        self.orgs: list[tuple[int, int]] = []  # (position, entity) of each institution mention
        self.memo: dict[str, object] = {}  # what the filters work out once an article
        self._layout()
        self._resolve()

    def _active(self, by_para: dict) -> list[bool]:
        """Paragraphs read in full: those with a quotation or a possible turn label,
        one ending in a colon, and the two before each (where speakers are introduced).
        The rest only lend the cast their full names and roles."""
        text, paras = self.text, self.paras
        active = [False] * len(paras)
        for para in paras:
            i = para.idx
            hot = i in by_para or text.find(":", para.start, min(para.end, para.start + 60)) > 0
            if hot:
                for j in range(max(0, i - 2), min(len(paras), i + 2)):
                    active[j] = True
        return active

    def _harvest(self, para: Para) -> None:
        """Names and roles from a paragraph that is not read in full: tokens around
        each run of capitalised words only."""
        text = self.text
        hi_prev = para.start
        for m in _CAPRUN.finditer(text, para.start, para.end):
            lo = max(hi_prev, m.start() - 48)
            if lo > para.start:
                sp = text.find(" ", lo, m.start())
                lo = sp + 1 if sp >= 0 else m.start()
            hi = min(para.end, m.end() + 64)
            if hi < para.end:
                sp = text.rfind(" ", m.end(), hi)
                hi = sp if sp >= 0 else m.end()
            toks = tokenize(text, lo, hi)
            hi_prev = hi
            for mention in scan_mentions(toks, {0} if lo == para.start else set()):
                if mention.kind in ("person", "org") and len(mention.words) > 1:
                    mention.extra["para"] = para.idx
                    mention.extra["side"] = True
                    para.mentions.append(mention)

    def _layout(self) -> None:
        text = self.text
        by_para: dict[int, list[tuple[int, int, int]]] = {}
        for k, sp in enumerate(self.spans):
            for p in range(sp.para, sp.last_para + 1):
                para = self.paras[p]
                lo = max(sp.open_at, para.start)
                hi = min(sp.close_end, para.end)
                by_para.setdefault(p, []).append((lo, hi, k if p in (sp.para, sp.last_para) else -1))
        active = self._active(by_para)
        surnames: frozenset[str] = frozenset()  # function words named as surnames so far ("Read")
        for para in self.paras:
            if not active[para.idx]:
                sid = len(self.sent_mentions)
                self.sent_mentions.append([])
                para.sent_lo[sid] = 0
                self._harvest(para)
                para.side = para.mentions
                para.mentions = []
                continue
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
            para.mentions = scan_mentions(toks, starts, surnames)
            para.mtoks = [m.tok for m in para.mentions]
            surnames |= {m.words[-1] for m in para.mentions if m.kind == "person" and len(m.words) > 1
                         and m.words[-1].lower() in STOPWORDS and gender_of(m.words[0]) != "?"}
            # ("Ian Read": a later "Read said" is him; not "Florida Friday")
            prev_m = None
            for m in para.mentions:
                sid = para.sent_of[m.tok] if m.tok < len(para.sent_of) else len(self.sent_mentions) - 1
                m.extra["sid"] = sid
                m.extra["para"] = para.idx
                if m.kind == "person" and m.tok > 0 and toks[m.tok - 1][1].lower() == "of":
                    _department_off(m, toks)
                m.extra["prep"] = (m.tok > 0 and toks[m.tok - 1][1].lower() in PREPOSITIONS) or m.extra.get("obj", False) or (
                    m.kind == "person" and m.tok > 1 and toks[m.tok - 1][1].lower() in ("the", "a", "an")
                    and not (m.tok > 2 and toks[m.tok - 2][1].lower() == "of"  # ("Speaker of the House Paul Ryan")
                             and toks[m.tok - 3][1].lower() in TITLES)
                    and toks[m.tok - 2][1].lower() in PREPOSITIONS)  # "With the Nintendo Switch remaining"
                if (not m.extra["prep"] and prev_m is not None and prev_m.extra.get("prep")
                        and prev_m.kind in ("person", "org")
                        and prev_m.tok_end + 1 <= m.tok <= prev_m.tok_end + 2 and toks[prev_m.tok_end][1] == ","
                        and toks[m.tok][1].lower() not in _DESCRIBERS
                        and not (m.tok == prev_m.tok_end + 2 and toks[m.tok - 1][1].lower() in _DESCRIBERS)
                        and m.kind != "pron" and not m.role and m.tok_end < len(toks)
                        and toks[m.tok_end][1] == ","
                        and not (m.tok_end + 1 < len(toks) and (toks[m.tok_end + 1][1].lower() in ("a", "an")
                                                                or toks[m.tok_end + 1][1].lower() in SPEECH_VERBS))):
                    # "in Newark, New Jersey, he said" (not "outside Mingora, Gul Zaman, a farmer, said")
                    m.extra["prep"] = True
                if (m.kind == "person" and len(m.words) == 1 and m.tok_end < len(toks)
                        and toks[m.tok_end][1].lower() in _MODIFIED_NOUNS):
                    m.extra["prep"] = True  # "the Munhava neighborhood", "the Tuvalu delegation"
                if m.kind == "person" and (_a_thing(m, toks) or (
                        prev_m is not None and prev_m.kind == "thing" and prev_m.tok_end == m.tok - 1
                        and toks[m.tok - 1][1] in (",", "and", "or") and not any(is_given(w) for w in m.words)
                        and not (m.tok_end < len(toks) and toks[m.tok_end][1].lower() in SPEECH_VERBS))):
                    # "new Tabs and Corvia Pros" (not "the iPad Pro, Phil Schiller said")
                    m.kind = "thing"  # "a MacBook Pro", "the new Pixel", "an iPad Pro": a product
                prev_m = m
                if m.kind == "person" and len(m.words) == 1 and m.tok > 0 and _after_possessive(toks, m.tok):
                    m.extra["prep"] = True  # "her likely Republican opponent": a modifier, not a subject
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
            for m in para.mentions or para.side:
                if m.kind == "person" and len(m.words) > 1 and (is_place(m.words) or (
                        m.extra.get("prep") and located(m, para.toks))):
                    # "South Korea", "New York", "at Apple Park": no person, no institution
                    m.kind = "place"
                elif m.kind == "person" and len(m.words) > 1:
                    m.entity = cast.add(m.words, "person", m.start, m.gender)
                elif m.kind == "person":
                    m.entity = cast.resolve(m.words[0], m.start, m.gender, m.role)
                    if m.entity < 0:
                        pending.append(m)
                    else:
                        cast.last_seen[m.entity] = m.start
                        if m.gender != "?" and cast.gender[m.entity] == "?":
                            cast.gender[m.entity] = m.gender  # "Mr Mancini" settles which Mancini
                elif m.kind == "org" and m.words:
                    m.entity = cast.add(m.words, "org", m.start)
                    self.orgs.append((m.start, m.entity))
                if m.kind == "person" and m.entity >= 0:
                    self._add_roles(m)
                q = m.extra.get("qual_org")
                if q is not None:
                    q.entity = cast.add(q.words, "org", q.start)
                    self.orgs.append((q.start, q.entity))
        # a lone capitalised word opening a sentence that names nobody in the article
        # and never appears inside a sentence is an ordinary word ("Replays suggested")
        inner = {fold(m.words[0]) for para in self.paras for m in para.mentions
                 if m.kind == "person" and len(m.words) == 1 and not m.extra.get("initial")}
        junk = False
        for m in pending:
            m.entity = cast.resolve(m.words[0], m.start, m.gender, m.role)
            if m.entity < 0 and not m.role:
                org = cast.org_short(m.words[0])
                if org >= 0:  # "Halvard said" after "Halvard Group": the company
                    m.kind, m.entity, m.words = "org", org, cast.names[org]
                    self.orgs.append((m.start, org))
                    continue
            if m.entity < 0 and is_place(m.words) and not m.role:
                m.kind = "place"  # "India", "Croydon" (but "Montenegro said" after Lucía Montenegro)
                continue
            if m.entity < 0:
                toks = self.paras[m.extra["para"]].toks
                aged = (m.tok_end + 2 < len(toks) and toks[m.tok_end][1] == "," and toks[m.tok_end + 1][1].isdigit()
                        and toks[m.tok_end + 2][1] == ",")
                titled = (toks[m.tok][1].lower() in TITLES and toks[m.tok][2] < m.start and len(m.words[0]) > 1)  # "Justice Cote"
                if (m.extra.get("initial") and not m.role and not titled and fold(m.words[0]) not in inner
                        and gender_of(m.words[0]) == "?" and not aged):  # not "Claire, 41, from ..."
                    if m.tok_end < len(toks) and toks[m.tok_end][1].lower() in SPEECH_VERBS:
                        # "India argued", "Berg told reporters": a speaker after all, but
                        # too weak a name to be what a later pronoun points back to
                        m.entity = cast.add(m.words, "person", m.start, m.gender)
                        m.extra["weak"] = True
                        continue
                    m.kind = "junk"
                    junk = True
                    continue
                m.entity = cast.add(m.words, "person", m.start, m.gender)
            self._add_roles(m)
            if m.gender != "?" and cast.gender[m.entity] == "?":
                cast.gender[m.entity] = m.gender
        if junk:
            for para in self.paras:
                if any(m.kind == "junk" for m in para.mentions):
                    para.mentions = [m for m in para.mentions if m.kind != "junk"]
                    para.mtoks = [m.tok for m in para.mentions]
            self.sent_mentions = [[m for m in ms if m.kind != "junk"] for ms in self.sent_mentions]
        self.orgs.sort()
        if "they/them" in self.text:
            self._they_them()

    def _they_them(self) -> None:
        """A person the article says uses they/them pronouns (the nearest named
        before the words) is what a singular "they" stands for: gender "n"."""
        text = self.text
        at = text.find("they/them")
        starts = [p.start for p in self.paras]
        while at >= 0:
            best = None
            k = bisect_right(starts, at) - 1
            for para in self.paras[max(k, 0):k + 1]:
                if para.start <= at < para.end:
                    for m in para.mentions or para.side:
                        if m.kind == "person" and m.entity >= 0 and m.end <= at:
                            best = m
            if best is not None:
                self.cast.gender[best.entity] = "n"
            at = text.find("they/them", at + 9)

    def _add_roles(self, m: Mention) -> None:
        roles = m.extra.get("roles", [])
        for role in ([m.role] if m.role else []) + roles:
            self.roles.setdefault(role, []).append((m.start, m.entity))
            self._roles_sorted = False
            self.cast.roles[m.entity].add(role)

    def sent_lo_tok(self, m: Mention) -> int:
        """The first token of the sentence ``m`` is in."""
        para = self.paras[m.extra["para"]]
        return para.sent_lo.get(m.extra["sid"], -1)

    def org_before(self, pos: int, noun: str = "") -> int:
        """The institution mentioned last before ``pos``, or -1. With the noun the
        article uses for it ("the council", "the company"), the institutions of that
        kind only: one whose name has the noun ("Saltmouth Borough Council"), or for
        a business noun one whose name has no public body's head word; of those the
        one named most often so far, the later on a tie."""
        best = -1
        counts: dict[int, int] = {}
        for at, ent in self.orgs:
            if at > pos:
                break
            if noun and len(self.cast.names[ent]) == 1 and self.cast.names[ent][0].lower() in DEMONYMS:
                continue  # "Russian" (government accounts) is no company
            best = ent
            counts[ent] = counts.get(ent, 0) + 1
        if noun in BUSINESS_NOUNS and best < 0:
            return self._brand_before(pos)
        if not noun or best < 0:
            return best
        names = self.cast.names
        if noun in BUSINESS_NOUNS:
            fit = [e for e in counts if not any(w.lower() in PUBLIC_HEADS for w in names[e])]
        else:
            fit = [e for e in counts if any(fold(w) == fold(noun) for w in names[e])]
        if not fit:
            # "the company" may be any business named before, but no public body
            # ("Government accounts ..."); "the council" is no institution whose name
            # lacks the word
            public = any(w.lower() in PUBLIC_HEADS for w in names[best])
            return best if noun in BUSINESS_NOUNS and not public else -1
        last = {ent: n for n, (at, ent) in enumerate(self.orgs) if at <= pos}
        return max(fit, key=lambda e: (counts[e], last[e]))

    def _brand_before(self, pos: int, reach: int = 1200) -> int:
        """The one-word name last used before ``pos`` (within ``reach`` characters) that
        names no person: never given with a first name, a title or a role, nor a given
        name itself ("Twitter has confirmed ... The company said"), or -1."""
        cast = self.cast
        for para in reversed(self.paras[:bisect_right([p.start for p in self.paras], pos)]):
            if para.end < pos - reach:
                break
            for m in reversed(para.mentions):
                if m.start >= pos or m.kind != "person" or m.entity < 0:
                    continue
                if m.extra.get("prep") or not (m.extra.get("poss") or self.sent_mentions[m.extra["sid"]][:1] == [m]):
                    continue  # the business is a sentence's subject or an owner, not "Goa and Kerala"
                ent = m.entity
                if (len(cast.names[ent]) == 1 and cast.gender[ent] == "?" and not cast.roles[ent]
                        and not is_given(cast.names[ent][0]) and not cast.names[ent][0].isupper()):
                    return ent  # (not "AI", "POW": initials name no company)
        return -1

    def _role_entries(self, role: str) -> list[tuple[int, int]]:
        """(position, entity) of each mention with ``role``, by position."""
        if not self._roles_sorted:
            for entries in self.roles.values():
                entries.sort(key=lambda e: e[0])  # stable: one position's roles keep their order
            self._roles_sorted = True
        return self.roles.get(role, [])

    def role_entity_ahead(self, role: str, pos: int, reach: int = 1500) -> int:
        """The person named with ``role`` first after ``pos`` (within ``reach`` characters):
        "its chief executive warned ... chief executive Priya Rao said"."""
        found = self._role_entries(role)
        if not found:
            return -1
        i = bisect_right(found, pos, key=lambda e: e[0])
        return found[i][1] if i < len(found) and found[i][0] - pos <= reach else -1

    def role_entity(self, role: str, pos: int) -> int:
        """The person the article named with ``role`` most recently before ``pos``."""
        found = self._role_entries(role)
        if not found:
            return -1
        i = bisect_right(found, pos, key=lambda e: e[0]) - 1
        return found[i][1] if i >= 0 else -1


def _department_off(m: Mention, toks: list) -> None:
    """"Director of Corporate Communications Charlie Scibetta": the capitalised run after
    "of" holds a department and then the person; the mention starts at the given name."""
    words = m.words
    wtoks = [k for k in range(m.tok, min(len(toks), m.tok + 2 * len(words) + 1)) if toks[k][0] == "w"][:len(words)]
    if len(words) < 3 or len(wtoks) < len(words):
        return
    if any(fold(toks[k][1]) != fold(w) for k, w in zip(wtoks, words)):  # (past the dots of initials)
        return
    cut = next((i for i in range(1, len(words) - 1) if is_given(words[i])), 0)
    if cut:
        m.tok = wtoks[cut]
        m.start = toks[m.tok][2]
        m.words = words[cut:]
        m.gender = gender_of(words[cut])

