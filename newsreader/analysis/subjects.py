"""Speakers of quotations that no speech verb frames, and of headlines.

"Clinton blamed the “fog of war”": the subject of the sentence (or of the clause
the quotation sits in) says it, when it is someone who can say things and the
verb is no form of "be". A title-case headline names its speaker only by a label
("Graham: Trump’s ‘…’") or by a name standing alone before a speech verb.
"""

from __future__ import annotations

from newsreader.analysis.article import Para
from newsreader.analysis.lexicon import (
    CLAUSE_BREAKS, DETERMINERS, DOCUMENTS, ORG_HEADS, ORG_ROLES, ROLES, STOPWORDS, TITLES,
)
from newsreader.analysis.names import Mention
from newsreader.analysis.phrases import (
    ADVERBS, AUXILIARIES, FINITE, NOT_IN_SUBJECT, PASSIVE, Found, bare_subject, copula, descriptive, descriptive_before,
    finite, is_verb, mention_at, mentions_before, plural_people,
)

def headline_label(para: Para, qi: int) -> Found | None:
    """A headline's label: "Graham: Trump’s ‘Incredibly Hateful Rhetoric’ ..."."""
    toks = para.toks
    if qi >= len(toks):
        return None
    lo = para.sent_lo[para.sent_of[qi]]
    m = mention_at(para, lo, lo + 1)
    if (m is not None and m.tok == lo and m.kind in ("person", "org") and not m.extra.get("poss")
            and m.tok_end < qi and toks[m.tok_end][1] == ":"):
        return m, ":"
    return None


# Words that open an introductory phrase before the subject: "At the debate, Clinton ..."
_INTRO = frozenset("""in at on after before during when while as since for with without despite
    like unlike though although if once until asked speaking earlier later still yet but and
    instead meanwhile however also""".split())


# Head nouns a described subject may carry to speak for itself: people and bodies that
# say things, and the texts they say them in ("The ad targets a “corrupt system”").
_SPEAKING_HEADS = frozenset(ROLES | ORG_ROLES | DOCUMENTS | TITLES | ORG_HEADS)


def sentence_subject(para: Para, qi: int) -> Found | None:
    """A quotation inside a sentence that no speech verb frames ("Clinton blamed the
    “fog of war”", "The agency declined to detail its “specific focus”"): the
    subject of the sentence says it. The subject opens the sentence, or follows an
    introductory phrase closed by a comma; it is a name, a pronoun, a role or a
    phrase headed by a noun for people, bodies or texts, with a verb after it."""
    toks = para.toks
    if qi >= len(toks) or headline_case(para):  # (a headline's capitals make no subject)
        return None
    lo = para.sent_lo[para.sent_of[qi]]
    if qi - lo < 2:
        return None
    starts = [lo]
    if toks[lo][1].lower() in _INTRO or toks[lo][1].lower().endswith(("ing", "ed")):  # ("Cross-examining her, X ...")
        c = next((k for k in range(lo + 1, min(qi, lo + 20)) if toks[k][1] == ","), None)
        if c is None:
            return None
        starts = [c + 1]
    p = starts[0]
    if p >= qi - 1:
        return None
    m = mention_at(para, p, p + 1)
    if m is not None and m.tok == p:
        while m is not None and m.extra.get("poss") and m.tok_end < qi:  # "Clinton's campaign said"
            m = mention_at(para, m.tok_end, m.tok_end + 3)
        if m is None or m.extra.get("poss") or m.tok_end >= qi - 0:
            return None
    else:
        m = descriptive(para, p, qi) if toks[p][1].lower() in DETERMINERS else bare_subject(para, _np_end(toks, p, qi), p)
        if m is None or m.tok_end >= qi or m.role not in _SPEAKING_HEADS and not plural_people(m.role):
            return None
    if m.kind == "pron" and (m.gender == "o" or m.words[0].lower() in ("i", "we")):
        return None  # "It has not helped that ...": no one; "We talk about “smart” watches": the writers
    k = m.tok_end
    if toks[k][1] == "(":  # "Gov. Pat McCrory (R) blamed ..."
        close = next((c for c in range(k + 1, min(qi, k + 8)) if toks[c][1] == ")"), -1)
        k = close + 1 if close > 0 else k
    if toks[k][1] == ",":  # "Clinton, the former secretary of state, mocked ..."
        k = next((j for j in range(k + 1, min(qi, k + 25)) if toks[j][1] == ","), qi) + 1
    if k >= qi or toks[k][0] != "w" or toks[k][1].lower() in CLAUSE_BREAKS or toks[k][1][:1].isupper():
        return None
    if copula(toks, k, qi):
        return None  # "the broadcaster is a “wonderful company”": what others call it
    aux = False
    while k + 1 < qi and (toks[k][1].lower() in AUXILIARIES and toks[k][1].lower() not in PASSIVE
                          or toks[k][1].endswith("ly") or toks[k][1].lower() in ADVERBS):
        aux = aux or toks[k][1].lower() in AUXILIARIES
        k += 1
    low = toks[k][1].lower().replace("\u2019", "'")
    if low in PASSIVE:
        p = k + 1
        while p < qi and toks[p][1].endswith("ly"):
            p += 1
        if p < qi and toks[p][1].lower().endswith(("ed", "en", "wn", "'d", "\u2019d")):
            return None  # "He was asked about the “...” comment", "X was positively ID'd “...”"
        if p < qi and toks[p][1].lower().endswith("ing"):
            k = p  # "is introducing": the cue is the participle
    elif not (aux or low in FINITE or low.endswith(("ed", "s", "n't")) and not low.endswith(("ss", "'s"))):
        return None  # no verb after the subject: "Pink Floyd co-founder's stance has ..."
    return m, toks[k][1]


def _np_end(toks: list, p: int, hi: int) -> int:
    """Where a noun phrase without a determiner opening at ``p`` ends: the first word
    that is no part of it (a comma, a clause word, a verb form)."""
    k = p
    while k < hi and toks[k][0] == "w" and (k == p or toks[k][1].lower() not in _INTRO):
        low = toks[k][1].lower()
        if k > p and (is_verb(low) or low.endswith("ed") or low in NOT_IN_SUBJECT):
            break
        k += 1
    return k


def headline_speaker(para: Para, qi: int) -> Found | None:
    """The speaker of a title-case line: the capitalised words opening a clause up to
    a speech verb, when one to three name words ("Clinton Says Russians Hacked DNC,
    Calls ...", "Zoe Saldana Asked Men To “...”")."""
    toks = para.toks
    if qi >= len(toks):
        return None
    sid = para.sent_of[qi]
    lo = para.sent_lo[sid]
    start = lo
    for k in range(lo, min(len(toks), lo + 40)):
        if para.sent_of[k] != sid:
            break
        kind, word = toks[k][0], toks[k][1]
        if kind != "w" or word.isdigit():  # (a list number: "10\nMaria Hinojosa Explained ...")
            start = k + 1
            continue
        if is_verb(word, naming=True):
            names = toks[start:k]
            if 1 <= len(names) <= 3 and all(t[0] == "w" and t[1][:1].isupper() and t[1].lower() not in STOPWORDS
                                            and not t[1].endswith(("\u2019s", "'s")) for t in names):
                words = tuple(t[1] for t in names)
                return Mention("person", start, k, names[0][2], names[-1][3], words=words,
                               extra={"para": para.idx, "sid": para.sent_of[k]}), word
            return None
    return None


def headline_case(para: Para) -> bool:
    """A short line whose longer words outside quotation marks are all capitalised:
    a headline, where a title-case quotation is no title ("X Says Y ‘Makes You
    Want To Retch’") and a capitalised word no name."""
    if para.end - para.start > 240 or not para.toks:
        return False
    long_ = [t[1] for t in para.toks if t[0] == "w" and len(t[1]) > 3]
    return len(long_) >= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in long_)


def clause_subject(para: Para, qi: int) -> Found | None:
    """The subject of the clause a quotation sits in when that clause does not open
    the sentence ("... on the trail that Sanders during a rally thanked its members
    “for their support”", "Donald Trump is promising to “bomb the hell” out of"): the
    nearest finite verb before the quotation with a name, a pronoun or a described
    speaker right before it."""
    toks = para.toks
    if qi >= len(toks):
        return None
    lo = para.sent_lo[para.sent_of[qi]]
    for v in range(qi - 1, max(lo, qi - 25), -1):
        if toks[v][0] == "q":
            return None
        low = toks[v][1].lower().replace("\u2019", "'")
        if toks[v][0] != "w" or not finite(low):
            continue
        plural_like = low.endswith("s") and low not in FINITE and low not in ("is", "has", "does")
        b = v - 1
        while b > lo and (toks[b][1].lower() in AUXILIARIES or toks[b][1].lower() in ADVERBS):
            b -= 1
        if copula(toks, b + 1, qi):
            return None  # "the Surface Laptop is “not a laptop”": the quotation describes it
        for p in range(b, max(lo, b - 4), -1):  # "Sanders during a rally thanked"
            if toks[p][1].lower() in ("during", "at", "on", "in", "after", "before", "last", "this"):
                if p - 1 >= lo and any(c.tok_end == p and c.kind in ("person", "pron") for c in mentions_before(para, p, p - 6)):
                    b = p - 1
                break
        m = next(mentions_before(para, b + 1, max(lo, b - 8)), None)
        if m is not None and m.tok_end == b + 1 and not m.extra.get("poss") and not (
                m.extra.get("prep") and m.kind != "pron"):
            if m.kind == "pron" and m.words[0].lower() in ("it", "i", "we"):
                return None
            return m, toks[v][1]
        if plural_like:
            continue  # ("The gist of both previews: ..."): after no name an -s word is a noun
        desc = descriptive_before(para, b + 1, lo)
        if desc is not None and (desc.role in ROLES or desc.role in TITLES or desc.role in ORG_ROLES
                                 or plural_people(desc.role)):
            return desc, toks[v][1]  # people and bodies, not things ("the first one in 2010 has had")
        if desc is not None:
            return None
    return None


_CREDIT_DASHES = ("-", "\u2014", "\u2013", "\u2015")


def credit_line(art, k: int) -> Found | None:
    """The speaker of a quotation that fills its paragraph, named by a short line
    under it that opens with a dash ("— Ana Ruiz." / "- Ruiz, port director"), as
    under a pull quote: the name right after the dash."""
    sp = art.spans[k]
    first, last = art.paras[sp.para], art.paras[sp.last_para]
    qf, ql = first.qtok[k], last.qtok[k]
    if any(t[0] == "w" for t in first.toks[:qf]) or any(t[0] == "w" for t in last.toks[ql + 1:]):
        return None
    if sp.last_para + 1 >= len(art.paras):
        return None
    nxt = art.paras[sp.last_para + 1]
    toks = nxt.toks
    if len(toks) < 2 or toks[0][1] not in _CREDIT_DASHES or len(toks) > 16 or any(t[0] == "q" for t in toks):
        return None
    m = mention_at(nxt, 1, 2)
    if m is None or m.tok != 1 or m.kind not in ("person", "org") or m.extra.get("poss"):
        return None
    if m.tok_end < len(toks) and toks[m.tok_end][1] not in (",", ".", "(") and toks[m.tok_end][0] == "w":
        return None  # "- Ruiz said on Monday ...": a sentence, not a credit
    return m, toks[0][1]
