"""Find the quotations and interview turns in an article body, and who said each.

``find_quotes(text)`` is pure: offsets index into ``text``. Every step is a single
pass or a bounded look around a quote, so the cost grows linearly with the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsreader.analysis.article import Article, Para
from newsreader.analysis.attribution import leading
from newsreader.analysis.filters import is_english, keep_quotation, starts_sentence, unframed_speaker
from newsreader.analysis.lexicon import SPEECH_VERBS
from newsreader.analysis.marks import MARK
from newsreader.analysis.names import Mention
from newsreader.analysis.phrases import is_verb
from newsreader.analysis.resolver import Resolver
from newsreader.analysis.subjects import credit_line, headline_case, headline_label, headline_speaker
from newsreader.analysis.trailing import trailing
from newsreader.analysis.turns import interview_turns, para_heading
from newsreader.models import Quote

_WORDS = re.compile(r"\S+")
_CLAUSE_END = (",", ".", "!", "?", ";", "\u2014", "\u2013", "-", "\u2026")


_WORD_CHARS = re.compile(r"\w+")
_MAX_ECHOES = 20  # headline quotations matched against the body's, at most


def _attribute(art: Article, k: int):
    sp = art.spans[k]
    first, last = art.paras[sp.para], art.paras[sp.last_para]
    qf, ql = first.qtok[k], last.qtok[k]
    if headline_case(first):
        # a title-case line runs names, verbs and nouns together ("Donald Trump Is Like A
        # Lawyer's Dumbest Client Ever, Trevor Noah Says"): its label speaks, or a name
        # standing alone before its verb ("Clinton Says Russians Hacked DNC, ...")
        return headline_label(first, qf) or headline_speaker(first, qf)
    if _passive_label(first, qf):
        return None  # "Introduced as a coveted “one last thing,” X and Y extolled ...": the writer's label
    content = art.text[sp.start:sp.end].rstrip()
    ends_clause = content.endswith(_CLAUSE_END) or (
        ql + 1 < len(last.toks) and last.toks[ql + 1][1] in _CLAUSE_END)
    lead_para, lead_q = first, qf
    if qf == 0 and sp.para > 0:
        prev = art.paras[sp.para - 1]
        if prev.toks and prev.toks[-1][1] == ":":
            lead_para, lead_q = prev, len(prev.toks)
    if ends_clause:
        after = trailing(last, ql)
        if after is not None and ql < len(last.toks) and last.sent_of[after[0].tok] != last.sent_of[ql]:
            # "“...” X told reporters." reads the next sentence only for a quotation
            # standing alone ("Cruz says that “...” And he added ..." is no such)
            if not starts_sentence(first, qf):
                return leading(lead_para, lead_q) or _sentence_end(art, last, ql)
            if _opens_quotation(last, after):
                return leading(lead_para, lead_q)  # "“...” Zahed said: “...”": the next one's frame
            return leading(lead_para, lead_q) or after
        nxt = ql + 2 if ql + 1 < len(last.toks) and last.toks[ql + 1][1] == "," else ql + 1
        if after is not None and nxt < len(last.toks) and last.toks[nxt][1].lower() in _CONJUNCTIONS:
            # "“...,” but he also warned": a new clause, not this quotation's frame
            return leading(lead_para, lead_q) or after
        if after is not None and after[1] == "according to":
            # "X said “...,” according to CNN": X said it; CNN reports it
            lead = leading(lead_para, lead_q)
            if (lead is not None and lead[1] != "according to" and lead[0].kind != "pron"
                    and lead_q > 0 and lead_para.toks[lead_q - 1][1].lower() in ("said", "says", "told", "wrote", ":", ",")):
                return lead  # (the verb frames the quotation itself: "X ... said “...,” according to")
        return (after or leading(lead_para, lead_q) or _sentence_end(art, last, ql) or credit_line(art, k)
                or unframed_speaker(art, first, qf))
    return (leading(lead_para, lead_q) or trailing(last, ql) or _sentence_end(art, last, ql) or credit_line(art, k)
            or unframed_speaker(art, first, qf))


_LABEL_FILLERS = frozenset("a an the its his her their our so-called coveted new latest".split())


def _passive_label(para: Para, qi: int) -> bool:
    """Whether the quotation at token ``qi`` ends a passive participle phrase opening its
    sentence, "Introduced as a “...”", "Billed as “...”", "Known as the “...”": a name
    the writer gives, no one's words, however the main clause after it speaks."""
    toks = para.toks
    sid = para.sent_of[qi]
    lo = qi
    while lo > 0 and para.sent_of[lo - 1] == sid and qi - lo < 6:
        lo -= 1
    if lo > 0 and para.sent_of[lo - 1] == sid or qi - lo < 2:
        return False
    first = toks[lo][1].lower()
    if toks[lo][0] != "w" or not (first.endswith(("ed", "en")) or first in ("known", "billed", "sold", "dubbed")):
        return False
    k = lo + 1
    while k < qi and toks[k][0] == "w" and toks[k][1].lower().endswith("ly"):
        k += 1  # "Billed loudly as"
    if k >= qi or toks[k][1].lower() != "as":
        return False
    return all(toks[j][0] == "w" and toks[j][1].lower() in _LABEL_FILLERS for j in range(k + 1, qi))


_CONJUNCTIONS = frozenset("and but or yet so while although though whereas".split())


def _opens_quotation(para: Para, found) -> bool:
    """Whether the cue of ``found`` (read in the sentence after a quotation) is
    followed by a quotation of its own: "Zahed said: “...”", "He added, “...”"."""
    toks, m = para.toks, found[0]
    cue = found[1].split()[0]
    for v in range(m.tok_end, min(len(toks) - 1, m.tok_end + 16)):
        if toks[v][1] == cue:
            nxt = v + 1 + (toks[v + 1][1] in (":", ","))
            return nxt < len(toks) and toks[nxt][0] == "q"
    return False


def _sentence_end(art: Article, para: Para, qi: int):
    """An attribution closing the quotation's sentence after more of the sentence:
    "That would bring a “summer of agony” for Clinton, said Brad Bannon." """
    toks = para.toks
    if qi >= len(toks):
        return None
    sid = para.sent_of[qi]
    k = qi + 1
    commas = []
    blocked = False
    while k < len(toks) and k - qi < 60 and para.sent_of[k] == sid:
        if toks[k][0] == "q":
            later = art.spans[toks[k][4]]
            if not (art.text[later.start:later.end].rstrip().endswith(",") or (
                    k + 1 < len(toks) and toks[k + 1][1] in (",", "\u2014"))):
                blocked = True  # another quotation owns what follows: only a frame before
                break  # it ("“...” are sickening, Ana Ruiz said, noting the plan “...”") is this one's
            return trailing(para, k)
        # (but "Guns are “a crisis” and “stunt growth,” Howard Dean proclaimed": the
        # frame after the later quotation of the sentence is this one's too)
        if toks[k][1] == "," and k > qi + 1:
            commas.append(k)
        k += 1
    for comma in commas[:3] if blocked else reversed(commas[-3:]):  # "..., said X, a pollster and consultant."
        if k - comma > 28 and not blocked:
            break
        found = trailing(para, comma)
        if found is not None and found[0].tok > comma and (
                is_verb(found[1]) or found[1].lower() in SPEECH_VERBS or found[1] == "according to"):
            return found  # (not "..., most of them uncredited": only a speech verb reports here)
    return None


def find_quotes(text: str) -> list[Quote]:
    """Every direct quotation and interview turn in ``text`` with its speaker, in order."""
    if not isinstance(text, str) or not text.strip():
        return []
    if ":" not in text and MARK.search(text) is None:
        return []  # no quotation mark and no "Name:" label: nothing to find
    art = Article(text)
    res = Resolver(art)
    got: dict[int, tuple] = {}  # span -> (speaker, start, end, cue)
    described: list[tuple[int, Mention]] = []
    # the frames are read in English: another language's quotations keep no speaker
    english = is_english(text)
    for k in range(len(art.spans) if english else 0):
        found = _attribute(art, k)
        if found is not None:
            m, cue = found
            name = res.name(m, lookback=True)
            if name is not None and len(name.strip(" .")) < 2:
                continue  # a single letter is no speaker ("The C of E said")
            if m.kind == "pron" and m.words[0].lower() == "we" and name is None:
                continue  # the writer's "we" outside a quotation: no one named (an "I" keeps its
                # mention, unnamed: the author speaks)
            if name is None and m.kind in ("desc", "role"):
                described.append((k, m))
            got[k] = (name, m.start, m.end, cue)
    for k, m in described:
        got[k] = (_described_before(art, res, got, k, m),) + got[k][1:]
    if english:
        _continue(art, got, res)
        _carry_parts(art, got)
    out = []
    for k, sp in enumerate(art.spans):
        who = got.get(k)
        if not keep_quotation(art, k, who is not None and who[3] != "cont", who is not None):
            continue
        if who is None:
            out.append(Quote(sp.start, sp.end, "quote"))
        else:
            out.append(Quote(sp.start, sp.end, "quote", who[0], who[1], who[2],
                             None if who[3] == "cont" else who[3]))
    out += interview_turns(art, res)
    out += _headline_echoes(art, out)
    out.sort(key=lambda q: (q.start, q.end))
    return out


def _plain(text: str) -> str:
    """Lower-case words only: "HE WAS A GHOST" and "He was a ghost. You ..." compare."""
    return " ".join(_WORD_CHARS.findall(text.casefold()))


def _headline_echoes(art: Article, found: list[Quote]) -> list[Quote]:
    """A quotation in a headline or subheading that repeats words the body quotes
    ("Minister insists ‘the money is there’" over "‘the money is there – ...’"): a
    quotation, given to the speaker of the body's words."""
    if not any(para_heading(art, para) for para in art.paras):
        return []
    said = [(_plain(art.text[q.start:q.end]), q) for q in found if q.speaker]
    out: list[Quote] = []
    for k, sp in enumerate(art.spans):
        para = art.paras[sp.para]
        if not para_heading(art, para) or len(out) >= _MAX_ECHOES:
            continue
        words = _plain(art.text[sp.start:sp.end])
        if len(words) < 8:
            continue
        src = next((q for low, q in said if q.start > sp.end and words in low), None)
        if src is not None:
            out.append(Quote(sp.start, sp.end, "quote", src.speaker, src.speaker_start, src.speaker_end, src.cue))
    return out


def _described_before(art: Article, res: Resolver, got: dict, k: int, m: Mention) -> str:
    """Who "the forward said" or "the 22-year-old added" stands for when no one was
    named with that noun: the subject of the sentence before in this paragraph
    ("Doyle insisted ... “...,” the forward said"), else the speaker of the
    quotation just before, else the subject of the sentence before at all."""
    sp = art.spans[k]
    para = art.paras[sp.para]
    sid = para.sent_of[para.qtok[k]] if para.toks else -1
    subject, same_para = None, False
    for c in art.sent_mentions[sid - 1] if sid > 0 else ():
        if c.extra.get("prep") or c.extra.get("poss"):
            continue
        if c.kind in ("person", "pron") or c.kind == "role" and c.extra.get("appos") is not None:
            # the first mention outside a phrase is the subject ("The Ashbourne manager,
            # Stefan Brandt, smiled ... “...,” the German said")
            subject, same_para = res.name(c), c.extra["para"] == para.idx
        break
    prev = got.get(k - 1)
    if subject and same_para:
        return subject
    if prev is not None and prev[0] and art.spans[k - 1].last_para >= sp.para - 1:
        return prev[0]
    if subject:
        return subject
    for s in range(sid - 2, max(-1, sid - 5), -1):
        # "Steve Coogan ... is to tackle ... The monarch ... “...,” the actor told the
        # Observer": the person who was the subject a few sentences back
        c = art.sent_mentions[s][0] if art.sent_mentions[s] else None
        if (c is not None and c.kind == "person" and c.entity >= 0 and not c.extra.get("prep")
                and art.sent_lo_tok(c) == c.tok and len(art.cast.names[c.entity]) > 1):
            return res.name(c)
    return " ".join([m.words[0].lower()] + list(m.words[1:]))


def _continue(art: Article, got: dict, res: Resolver) -> None:
    """Unattributed full sentences take the speaker of the quote or sentence before."""
    spans = art.spans
    for k, sp in enumerate(spans):
        if k in got:
            continue
        para = art.paras[sp.para]
        qi = para.qtok[k]
        if not starts_sentence(para, qi):
            if _bare_sentence_after(art, got, k):
                got[k] = got[k - 1][:3] + ("cont",)  # "“...,” she says. It's “...”": still hers
            continue
        nxt = para.toks[qi + 1][1] if qi + 1 < len(para.toks) else ""
        if (nxt in ("is", "was", "makes", "lets", "means", "has", "gives", "shows", "allows")
                and len(_WORDS.findall(art.text[sp.start:sp.end])) <= 5):
            continue  # "“Watch from these locations” makes it so ...": a quoted name as a subject
        prev = k - 1
        if prev >= 0 and prev in got and spans[prev].last_para >= sp.para - 1:
            lo = 0 if spans[prev].last_para < sp.para else para.qtok[prev]
            i = bisect_left(para.mtoks, lo)
            between = i < len(para.mentions) and para.mentions[i].tok < qi and any(
                m.kind != "pron" and not m.extra.get("prep")
                and not (got[prev][1] is not None and m.start <= got[prev][2])  # (not its own frame's words)
                for m in para.mentions[i:bisect_left(para.mtoks, qi, i, min(len(para.mtoks), i + 8))])
            if not between:
                got[k] = got[prev][:3] + ("cont",)
                continue
        sid = para.sent_of[qi]
        frame = _frame_before(art, sp.para, qi) if sid > 0 else None
        if frame is not None:
            got[k] = (res.name(frame[0]), frame[0].start, frame[0].end, "cont")
            continue
        if sid > 0:
            for m in art.sent_mentions[sid - 1]:
                if m.extra.get("prep") or m.extra.get("poss") or m.extra["para"] < sp.para - 1:
                    continue
                if m.extra["para"] != sp.para and para_heading(art, art.paras[m.extra["para"]]):
                    break  # a heading or a list line above ("Doubting Apple") says nothing
                # the subject of the sentence before; a pronoun there ("Then she talks
                # about her father.") stands for its own antecedent; "it" there is a
                # thing or a plan more often than a speaker ("... that it is to be delisted")
                if m.kind == "pron" and m.gender == "o":
                    break
                name = res.name(m)
                if name:
                    got[k] = (name, m.start, m.end, "cont")
                break
        if k not in got and k + 1 in got and spans[k + 1].para == sp.last_para:
            nxt = art.paras[spans[k + 1].para]
            if nxt.qtok[k + 1] == art.paras[sp.last_para].qtok[k] + 1:
                got[k] = got[k + 1][:3] + ("cont",)


def _bare_sentence_after(art: Article, got: dict, k: int) -> bool:
    """Whether quotation ``k`` sits inside a sentence that names no one and follows,
    in the same paragraph, the sentence of an attributed quotation: "“...,” she says.
    It's “...”", "“...,” Ek added. But that is not the same as “...”"."""
    prev = got.get(k - 1)
    sp, before = art.spans[k], art.spans[k - 1] if k > 0 else None
    if prev is None or prev[3] == "cont" or before is None or before.last_para != sp.para:
        return False
    para = art.paras[sp.para]
    qi, pq = para.qtok[k], para.qtok.get(k - 1, -1)
    lo = para.sent_lo[para.sent_of[qi]]
    if pq < 0 or para.sent_of[pq] >= para.sent_of[qi] or qi - lo > 12:
        return False
    if prev[1] is None or not any(para.toks[j][2] == prev[1] for j in range(pq, lo)):
        return False  # (the frame of the quotation before is in its own sentence, before this one)
    i = bisect_left(para.mtoks, lo)
    return not any(m.tok < qi and not (m.kind == "pron" and m.gender == "o") for m in para.mentions[i:i + 6])


def _frame_before(art: Article, p: int, qi: int):
    """A speech verb and its subject in the sentence just before token ``qi`` in
    paragraph ``p``, when that sentence quotes nothing:
    "Also, Ek is no conservative, he said. “...”" is his, not Ek's."""
    para = art.paras[p]
    if qi == 0 or para.sent_lo.get(para.sent_of[qi]) != qi:
        return None  # (a paragraph's opening quotation is more often framed after it)
    end = qi - 1
    lo = para.sent_lo[para.sent_of[end]]
    if para_heading(art, para) or any(t[0] == "q" for t in para.toks[lo:end + 1]):
        return None
    found = leading(para, end)
    if found is None or not is_verb(found[1]) or found[0].kind == "pron" and found[0].gender == "o":
        return None
    return found


def _carry_parts(art: Article, got: dict) -> None:
    """A quotation carried over paragraphs has one speaker: every part takes the
    attribution found for any part (the last part's "she said" most often)."""
    spans = art.spans
    for k in range(len(spans) - 1, -1, -1):
        part = spans[k].prev_part
        if part < 0:
            continue
        chain = [k]
        while part >= 0 and len(chain) < 64:
            chain.append(part)
            part = spans[part].prev_part
        direct = [j for j in chain if j in got and got[j][3] != "cont"]
        src = direct[0] if direct else next((j for j in reversed(chain) if j in got), None)
        if src is None:
            continue
        for j in chain:
            if j != src and (j not in got or got[j][3] == "cont"):
                got[j] = got[src][:3] + ("cont",)


