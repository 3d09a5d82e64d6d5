"""Find the quotations and interview turns in an article body, and who said each.

``find_quotes(text)`` is pure: offsets index into ``text``. Every step is a single
pass or a bounded look around a quote, so the cost grows linearly with the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsreader.analysis.article import Article, Para
from newsreader.analysis.attribution import (
    clause_subject, headline_case, headline_label, headline_speaker, is_verb, leading, sentence_subject, trailing,
)
from newsreader.analysis.lexicon import DETERMINERS, DOCUMENTS, INDEFINITES, ORG_HEADS, ORG_ROLES
from newsreader.analysis.marks import MARK
from newsreader.analysis.names import DEMONYMS, Mention
from newsreader.analysis.speakers import fold
from newsreader.analysis.turns import find_turns, para_heading
from newsreader.models import Quote

_WORDS = re.compile(r"\S+")
_CLAUSE_END = (",", ".", "!", "?", ";", "\u2014", "\u2013", "-", "\u2026")
_DETS = ("the ", "a ", "an ", "The ", "A ", "An ")


_WORD_CHARS = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]{2}")  # a word of two letters or more
_MAX_ECHOES = 20  # headline quotations matched against the body's, at most
_SUBJECT_REACH = 48  # mentions into a sentence a pronoun's antecedent is looked for


_COLLECTIVES = frozenset("""crowd audience group family team jury panel board staff crew
    congregation chorus choir class public electorate couple pair""".split())


def _plural(noun: str) -> bool:
    """"protesters", "the two", "the crowd": group nouns, not "actress" or "witness"."""
    return noun.endswith("s") and not noun.endswith("ss") or noun in _COLLECTIVES


# Words that open a clause before the sentence's subject: "In the years since ...,"
_OPENERS = frozenset("""in since when after before while although though if because as during
    until once despite""".split())


class _Resolver:
    """Display names for mentions: people through the cast, roles, pronouns."""

    def __init__(self, art: Article) -> None:
        self.art = art

    def name(self, m: Mention, lookback: bool = False) -> str | None:
        """``lookback``: leave an unresolved "the actor" to the caller (None)."""
        art = self.art
        if m.kind == "person":
            ent = m.entity if m.entity >= 0 else art.cast.resolve(m.words[-1], m.start) if m.words else -1
            if ent >= 0 and (m.entity >= 0 or fold(art.cast.names[ent][-1]) == fold(m.words[-1])):
                return art.cast.display(ent)  # (a headline's "Lind" is Tove Lind, named below)
            return " ".join(m.words)
        if m.kind in ("org", "place"):
            return " ".join(m.words) or None
        if m.kind == "pron" and m.words[0].lower() in ("i", "we") and m.extra.get("sid") is not None:
            return self._first_person(m)
        if m.kind == "desc":
            return self.described(m)
        if m.kind == "rel":  # "Beck, who has called Trump “...”"
            return self.name(m.extra["antecedent"])
        if m.kind == "role":
            appos = m.extra.get("appos")
            if appos is not None:
                return self.name(appos)
            ent = art.role_entity(m.role, m.start)
            if ent >= 0:
                return art.cast.display(ent)
            org = self._org_for(m)
            if org >= 0:
                return art.cast.display(org)
            # "its chief executive warned ... Raghunathan said", not "a NATO official"
            det = art.text[m.start:m.end].split(None, 1)[0].lower()
            if m.role not in ORG_ROLES and det not in ("a", "an", "one", "another"):
                ent = art.role_entity_ahead(m.role, m.end)
                if ent >= 0 and art.cast.kind[ent] == "person":
                    return art.cast.display(ent)
            phrase = art.text[m.start:m.end]
            for d in _DETS:
                if phrase.startswith(d):
                    phrase = phrase[len(d):]
            words = phrase.split()
            if m.role == "spokesman":
                if len(words) > 1 and all(w[:1].isupper() for w in words[:-1]):
                    if len(words) == 2:  # "a Skylark spokeswoman" for Skylark Air named before
                        short = art.cast.org_short(words[0])
                        if short >= 0:
                            return art.cast.display(short)
                    return " ".join(words[:-1])  # "a Civic Party spokesman": the party speaks
                body = self._for_body(m)
                if body:
                    return body  # "a spokeswoman for the regulator", nobody named
                earlier = self._earlier_spokesman(m)
                if earlier is not None:
                    return earlier  # "the spokesperson" after "a spokesperson for the X"
            if (lookback and det == "the" and len(words) == 1 and m.role not in ORG_ROLES
                    and m.role not in ORG_HEADS and not _plural(m.role)):
                return None  # "the actor told the Observer": someone named before (_described_before)
            return phrase.replace("\u2019s", "").replace("'s", "") or None
        return self.pronoun(m)

    def described(self, m: Mention) -> str | None:
        """Who a determiner phrase names. "a person close to the Clintons", "another":
        someone the text leaves unnamed. "the editorial", "the report": the thing
        itself. "the agency": the agency named last. "the goalkeeper", "the
        22-year-old": the person named with that role, else the subject before."""
        art = self.art
        words = list(m.words)
        det = words[0].lower()
        words[0] = det if det in DETERMINERS else words[0]
        # as written ("the U.S. media"), the determiner in lower case, on one line
        phrase = " ".join((words[0] + art.text[m.start + len(m.words[0]):m.end]).split())
        head = fold(m.role or "").removesuffix("'s")  # folded: compared with folded words
        noun = (m.role or "").lower().replace("\u2019", "'").removesuffix("'s")  # the lexicon's spelling
        if det in INDEFINITES or len(words) == 1 or noun in DOCUMENTS:
            return phrase
        if len(words) == 2 and len(words[1]) >= 2 and words[1].isupper() and words[1].isalpha():
            org = self._initials(words[1], m.start)  # "the AFP" after the Australian Federal Police
            if org >= 0:
                return art.cast.display(org)
        head_word = next((w for w in m.words if w.lower() == (m.role or "")), "").replace(".", "")
        if len(head_word) > 1 and head_word.isupper():
            return phrase  # "the U.S.", "the AFP" otherwise: an institution by its initials
        if noun in ORG_ROLES or noun in ORG_HEADS:
            org = self._org_named(words[1:], m.start)
            if org < 0:
                org = art.org_before(m.start, noun)
            return art.cast.display(org) if org >= 0 else phrase
        ent = art.role_entity(noun, m.start)
        if ent < 0:
            ent = self._named_with(head, m)
        if ent >= 0:
            return art.cast.display(ent)
        if _plural(noun):
            return phrase  # "the two", "the protesters": a group left unnamed
        return None  # someone named before: the caller looks back (_described_before)

    def _initials(self, acronym: str, pos: int) -> int:
        """The institution named before ``pos`` whose capitalised words spell ``acronym``."""
        for at, ent in reversed(self.art.orgs):
            if at < pos and "".join(w[0] for w in self.art.cast.names[ent] if w[:1].isupper()) == acronym:
                return ent
        return -1

    def _org_named(self, words: list[str], pos: int) -> int:
        """The institution last named before ``pos`` whose name holds every word of
        a description ("the weather service": the National Weather Service), or -1."""
        want = {fold(w) for w in words}
        cast = self.art.cast
        for at, ent in reversed(self.art.orgs):
            if at < pos and want <= {fold(w) for w in cast.names[ent]}:
                return ent
        return -1

    def _named_with(self, head: str, m: Mention) -> int:
        """The person last named beside the noun ``head`` before ``m`` ("Ridgeline
        goalkeeper Kasia Lindqvist", "Abernathy, the captain,"), or -1."""
        art = self.art
        sid = art.paras[m.extra["para"]].sent_of[m.tok]
        for s in range(sid, max(-1, sid - 40), -1):
            for c in reversed(art.sent_mentions[s]):
                if c.kind != "person" or c.entity < 0 or c.start >= m.start:
                    continue
                toks = art.paras[c.extra["para"]].toks
                near = toks[max(0, c.tok - 3):c.tok]  # a title: "goalkeeper Kasia Lindqvist"
                if c.tok_end < len(toks) and toks[c.tok_end][1] == ",":  # "X, the captain,"
                    stop = m.tok if c.extra["para"] == m.extra["para"] else c.tok_end + 6
                    near = near + toks[c.tok_end + 1:min(c.tok_end + 6, stop)]  # (not m itself)
                if any(fold(t[1]).removesuffix("'s") == head for t in near):
                    return c.entity
        return -1

    def _org_for(self, m: Mention) -> int:
        """The institution a role speaks for: "the company", "a company spokesman",
        "a spokesperson for the company", "the statement" -> the last one mentioned."""
        art = self.art
        words = art.text[m.start:m.end].lower().split()
        if m.role not in ORG_ROLES and not any(w in ORG_ROLES for w in words[:-1]):
            if m.role != "spokesman":
                return -1
            para = art.paras[m.extra["para"]]
            toks = para.toks
            k = m.tok_end
            if not (k + 1 < len(toks) and toks[k][1].lower() == "for"):
                return -1
            nxt = next((c for c in para.mentions if c.tok > k), None)
            if nxt is None or nxt.tok > k + 2:
                return -1
            if nxt.kind == "org" and nxt.entity >= 0:
                return nxt.entity
            if nxt.kind != "role" or nxt.role not in ORG_ROLES:
                return -1
        noun = m.role if m.role in ORG_ROLES and m.role != "statement" else next(
            (w for w in words[:-1] if w in ORG_ROLES), "")
        return art.org_before(m.start, noun)

    def _kin(self, c: Mention, sid: int) -> int:
        """The one person of the role's sex who shares the surname of someone named
        in this sentence or the one before ("His wife" next to Glen Farraday)."""
        cast = self.art.cast
        near = [p for s in (sid, sid - 1) if s >= 0 for p in self.art.sent_mentions[s]
                if p.kind == "person" and p.entity >= 0 and len(cast.names[p.entity]) > 1]
        named = {p.entity for p in near}
        found = {k for p in near for k in cast.by_key.get(fold(cast.names[p.entity][-1]), ())
                 if k not in named and cast.kind[k] == "person" and cast.gender[k] == c.gender}
        return found.pop() if len(found) == 1 else -1

    def _earlier_spokesman(self, m: Mention) -> str | None:
        """The institution of the last spokesman named with one ("a spokesperson for
        the European Commission") in the sentences before a bare "the spokesperson"."""
        sid = m.extra["sid"]
        for s in range(sid, max(-1, sid - 12), -1):
            for c in reversed(self.art.sent_mentions[s]):
                if c is m or c.kind != "role" or c.role != "spokesman" or c.start >= m.start:
                    continue
                org = self._org_for(c)
                if org >= 0:
                    return self.art.cast.display(org)
                body = self._for_body(c)
                if body:
                    return body
        return None

    def _for_body(self, m: Mention) -> str | None:
        """Who "a spokesman for X" speaks for: X named ("for Veridian", "for NHS England"),
        a person by role ("for the singer"), or the institution noun ("for the regulator")."""
        para = self.art.paras[m.extra["para"]]
        k = m.tok_end
        if k + 1 < len(para.toks) and para.toks[k][1].lower() == "for":
            nxt = next((c for c in para.mentions if c.tok > k), None)
            if nxt is None or nxt.tok > k + 2:
                return None
            if nxt.kind in ("person", "org") and nxt.tok == k + 1 and nxt.words:
                return self.name(nxt)
            if nxt.kind == "role" and nxt.role in ORG_ROLES:
                return nxt.words[0]
            if nxt.kind == "role" and self.art.role_entity(nxt.role, nxt.start) >= 0:
                return self.name(nxt)
        return None

    def _fronted(self, c: Mention) -> bool:
        """A person put first as the topic of the sentence ("For Denise Harper, 64,
        the research is personal. She ..."): behind a preposition, yet what a
        pronoun in the next sentence stands for."""
        lo = c.tok - 1
        if c.kind != "person" or lo < 0:
            return False
        toks = self.art.paras[c.extra["para"]].toks
        start = self.art.sent_lo_tok(c)
        lead = [t[1].lower() for t in toks[start:c.tok]]
        return lead in (["for"], ["to"], ["according", "to"]) and c.tok_end < len(toks) and toks[c.tok_end][1] == ","

    def _first_person(self, m: Mention) -> str | None:
        """"I" or "we" outside quotation marks is the writer's voice and names nobody;
        "we" after an institution named earlier in the paragraph is that institution's
        ("Acme said on Monday that we ...")."""
        para = self.art.paras[m.extra["para"]]
        prior = [c for c in para.mentions if c.tok < m.tok and c.kind in ("person", "org") and not c.extra.get("prep")]
        if m.words[0].lower() == "we" and prior and prior[-1].kind == "org":
            return self.name(prior[-1])  # "Acme said on Monday that we ...": the company's "we"
        return None

    def _in_opening_clause(self, c: Mention) -> bool:
        """A mention in a clause that opens the sentence before its subject ("In the
        years since Tim Cook pledged ..., Rice's team has ..."): no antecedent."""
        lo = self.art.sent_lo_tok(c)
        toks = self.art.paras[c.extra["para"]].toks
        if lo < 0 or lo >= len(toks) or toks[lo][1].lower() not in _OPENERS or c.tok == lo:
            return False
        comma = next((k for k in range(lo + 1, min(len(toks), lo + 20)) if toks[k][1] == ","), -1)
        return c.tok < comma

    def pronoun(self, m: Mention, depth: int = 0) -> str | None:
        """The subject of the nearest sentence (this one first) that fits the pronoun;
        a sentence whose subject is the same pronoun ("She did not ... But she
        said") passes it on to that pronoun's own antecedent."""
        sid = m.extra["sid"]
        plural = m.gender == "p"
        for s in range(sid, max(-1, sid - 8), -1):
            # a subject stands near its sentence's start: the first mentions are enough,
            # and a "sentence" of thousands (text with no full stops) costs no more
            for n, c in enumerate(self.art.sent_mentions[s][:_SUBJECT_REACH]):
                if s == sid and c.tok >= m.tok:
                    break
                if (c.kind == "pron" and n == 0 and c.gender == m.gender and not plural
                        and depth < 6 and self.art.sent_lo_tok(c) == c.tok):
                    return self.pronoun(c, depth + 1)
                if c.kind == "pron" or c.extra.get("weak") or (
                        c.extra.get("prep") and not self._fronted(c)) or self._in_opening_clause(c):
                    continue
                if m.gender == "o":  # "it": the institution named last
                    if c.kind == "org" or (c.kind == "role" and c.role in ORG_ROLES):
                        return self.name(c)
                    continue
                if plural:
                    if c.kind == "person" and c.entity >= 0 and self.art.cast.gender[c.entity] == "n":
                        return self.art.cast.display(c.entity)  # a singular "they"
                    if (c.kind == "org" and not (len(c.words) == 1 and c.words[0].lower() in DEMONYMS)) or (
                            c.kind == "role" and c.words[0].endswith("s")):
                        return self.name(c)  # (not "Spanish" for "they")
                    continue
                if c.kind == "role" and c.role in ORG_ROLES and m.gender in ("m", "f"):
                    continue  # "The company, she said, had ...": she is no company
                if c.kind == "role" and c.extra.get("appos") is None:
                    ent = self.art.role_entity(c.role, c.start)
                    if c.gender != "?" and c.gender != m.gender:
                        continue
                    if ent < 0:
                        det = self.art.text[c.start:c.end].split(None, 1)[0].lower()
                        if det in ("his", "her", "their") and c.gender == m.gender:
                            kin = self._kin(c, s)
                            if kin >= 0:  # "His wife" beside Glen Farraday: Linda Farraday
                                return self.art.cast.display(kin)
                        if det in ("the", "a", "an", "one") and not c.words[0].endswith("s") and (
                                self.art.sent_lo_tok(c) == c.tok):
                            return self.name(c)  # "The whistleblower, who ..., told ..."
                        continue
                    return self.art.cast.display(ent)
                if c.kind != "person" or c.entity < 0 or (
                        len(c.words) == 1 and c.words[0].isupper() and self.art.cast.gender[c.entity] == "?"):
                    continue  # (an acronym, "AI", "DOJ", is nobody's name)
                g = self.art.cast.gender[c.entity]
                if g != "?" and g != m.gender:
                    continue
                if g == "?" and m.gender in ("m", "f"):
                    # one of unknown sex gives way to one of the pronoun's sex later in the
                    # same sentence ("Alphabet's Google Cloud sells ... said Diane Greene")
                    sure = next((d for d in self.art.sent_mentions[s][n + 1:_SUBJECT_REACH]
                                 if d.kind == "person" and d.entity >= 0 and not d.extra.get("prep")
                                 and not d.extra.get("poss") and self.art.cast.gender[d.entity] == m.gender
                                 and (s != sid or d.tok < m.tok)), None)
                    if sure is not None:
                        return self.art.cast.display(sure.entity)
                return self.art.cast.display(c.entity)
        return None


def _attribute(art: Article, k: int):
    sp = art.spans[k]
    first, last = art.paras[sp.para], art.paras[sp.last_para]
    qf, ql = first.qtok[k], last.qtok[k]
    if headline_case(first):
        # a title-case line runs names, verbs and nouns together ("Donald Trump Is Like A
        # Lawyer's Dumbest Client Ever, Trevor Noah Says"): its label speaks, or a name
        # standing alone before its verb ("Clinton Says Russians Hacked DNC, ...")
        return headline_label(first, qf) or headline_speaker(first, qf)
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
            if not _starts_sentence(first, qf):
                return leading(lead_para, lead_q) or _sentence_end(art, last, ql)
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
        return after or leading(lead_para, lead_q) or _sentence_end(art, last, ql) or _subject_of(art, first, qf)
    return (leading(lead_para, lead_q) or trailing(last, ql) or _sentence_end(art, last, ql)
            or _subject_of(art, first, qf))


# Short words of English prose; a sentence without one before its quotation is in
# another language, and a word of them after a quotation is no noun it qualifies.
_FUNCTION_WORDS = frozenset("""the a an of to and in is was are were that for on with as at by from
    has have had it its this be or but not which who their his her he she they we""".split())


_AUX_WORDS = frozenset("is was are were has have had".split())
_TITLE_SMALL = frozenset("a an the of and in on to for with at by or from nor but".split())
_LINK_MARK = re.compile(r"\[\d{1,3}\]")  # "[1]": a feed's footnote to a link
_LAUNCH_VERBS = frozenset("""introduce introduces introduced introducing launch launches launched
    launching unveil unveils unveiled unveiling debut debuts debuted debuting release releases
    released releasing rename renames renamed brand brands branded""".split())


def _subject_of(art: Article, para: Para, qi: int):
    """The sentence's subject as the speaker of a quotation no speech verb frames,
    when it is someone who can say things: a person named in full (or with a title),
    he, she, they, we or I, a role, an institution with a name of several words or
    an institution's head word ("the Kremlin"), or a described person or body. A
    lone capitalised word (a product, a place, "Redirect") is not enough."""
    found = sentence_subject(para, qi) or clause_subject(para, qi)
    if found is None:
        return None
    k = next(j for j, t in para.qtok.items() if t == qi)
    sp = art.spans[k]
    content = _LINK_MARK.sub("", art.text[sp.start:sp.end]).strip()
    words = [w for w in _WORD_CHARS.findall(content) if len(w) > 1 or w.isupper()]  # (not the s of What’s)
    if len(words) < 2 or all(w[:1].isupper() or w.isdigit() or w.lower() in _TITLE_SMALL for w in words):
        return None  # a term or a title: "in “typical” podcasting", "is on tour with ‘Buzzed’",
        # "stars in ‘The Big Sick’"
    toks = para.toks
    nxt = qi + 1
    while nxt < len(toks) and (toks[nxt][1] in "[]" or toks[nxt][1].isdigit()):
        nxt += 1  # past a link marker: "“sharing to Reels” [1] feature"
    if nxt < len(toks) and toks[nxt][0] == "w" and toks[nxt][1].islower() and len(words) <= 4 and (
            toks[nxt][1] not in _FUNCTION_WORDS - _AUX_WORDS and not toks[nxt][1].endswith(("ly", "ing", "ed"))):
        return None  # a name for a thing: "a new “sharing to Reels” feature", "“X VPN” is not alone"
    if found[1].lower() in _LAUNCH_VERBS:
        return None  # "The service is introducing “tip protection”": a product's name
    if nxt < len(toks) and toks[nxt][1] in ("is", "was", "are", "were"):
        return None  # "Lin shows that “Mobile protection VPN” is not alone": a name, the subject of "is"
    if not any(t[0] == "w" and t[1].lower() in _FUNCTION_WORDS for t in toks[para.sent_lo[para.sent_of[qi]]:qi]):
        return None  # not English: "O Presidente ... declarou o “estado de desastre”"
    m = found[0]
    if m.kind == "person":
        ok = m.role is not None or len(m.words) > 1 or (m.entity >= 0 and len(art.cast.names[m.entity]) > 1)
    elif m.kind == "org":
        ok = len(m.words) > 1 or (m.words and m.words[-1].lower() in ORG_HEADS)
    else:
        ok = True  # pronouns ("it" is refused already), roles, described people and bodies
    return found if ok else None


_CONJUNCTIONS = frozenset("and but or yet so while although though whereas".split())


def _sentence_end(art: Article, para: Para, qi: int):
    """An attribution closing the quotation's sentence after more of the sentence:
    "That would bring a “summer of agony” for Clinton, said Brad Bannon." """
    toks = para.toks
    if qi >= len(toks):
        return None
    sid = para.sent_of[qi]
    k = qi + 1
    commas = []
    while k < len(toks) and k - qi < 60 and para.sent_of[k] == sid:
        if toks[k][0] == "q":
            later = art.spans[toks[k][4]]
            if not (art.text[later.start:later.end].rstrip().endswith(",") or (
                    k + 1 < len(toks) and toks[k + 1][1] in (",", "\u2014"))):
                return None  # another quotation owns what follows
            return trailing(para, k)
        # (but "Guns are “a crisis” and “stunt growth,” Howard Dean proclaimed": the
        # frame after the later quotation of the sentence is this one's too)
        if toks[k][1] == "," and k > qi + 1:
            commas.append(k)
        k += 1
    for comma in reversed(commas[-3:]):  # "..., said X, a pollster and consultant."
        if k - comma > 28:
            break
        found = trailing(para, comma)
        if found is not None and found[0].tok > comma and (is_verb(found[1]) or found[1] == "according to"):
            return found  # (not "..., most of them uncredited": only a speech verb reports here)
    return None


def _keep(art: Article, k: int, attributed: bool, cont: bool = False) -> bool:
    """Scare quotes, titles of works and quotes in headings are not quotations."""
    sp = art.spans[k]
    para = art.paras[sp.para]
    if para_heading(art, para):  # asked once a paragraph: a long one holds many quotes
        return False
    content = _LINK_MARK.sub("", art.text[sp.start:sp.end]).strip()  # ("‘Only Connect [3]’")
    words = _WORDS.findall(content)
    qi = para.qtok[k]
    i = bisect_left(para.mtoks, qi) - 1
    if i >= 0 and para.mentions[i].tok < qi < para.mentions[i].tok_end:
        return False  # a nickname inside a name: Andrew “Boz” Bosworth
    if _LETTERS.search(content) is None or content[:1] in "/^#$<{":
        return False  # code, paths, figures: "/source", "^/source(.*)", "$1"
    if qi > 0 and _title_slot(para.toks[qi - 1][1]):
        bare = content.rstrip(".,")
        if _title_case(_WORDS.findall(bare), bare):
            return False  # "on CNN’s “New Day.”", "host of “The Nightly Show.”": a title
    if len(words) <= 3 and _examples(para.toks, qi):
        return False  # "terms such as ‘fire’, ‘slave labor’ and ‘injustice’": words, not speech
    if _named_as(para.toks, qi) or len(words) <= 3 and _attributive(para.toks, qi):
        return False  # "also known as “Moose,”", "a “short-ass” movie category": a name, no speech
    if not attributed:
        if cont and content[:1].isupper() and content.endswith((".", "!", "?")):
            return True
        # a sign, slogan or title with nobody saying it, full stop inside the marks
        # in the American way ("a sign reading “Marry Me Now.”") is no quotation either
        bare = content[:-1] if content.endswith(".") and not content.endswith("..") else content
        return len(words) >= 3 and not _title_case(_WORDS.findall(bare), bare)
    if _title_case(words, content) and len(words) >= 2 and not headline_case(para):
        # a name-like quotation is a title, unless it opens its sentence in a speech
        # slot ("“Your Honor,” I said"), or the whole line is set in title case
        return content.endswith((",", "!", "?")) and _starts_sentence(para, qi)
    return True



# Nouns for features, products and labels a quoted name qualifies.
_THING_NOUNS = frozenset("""feature features button buttons category categories option options toggle
    mode tab menu setting settings section label tag badge icon filter program programme scheme tool
    tools version edition series brand product products app apps sticker stickers logo""".split())


def _named_as(toks: list, qi: int) -> bool:
    """"known as “Moose”", "aka “Boz”", "nicknamed “the Fixer”"."""
    prev = [t[1].lower() for t in toks[max(0, qi - 2):qi]]
    return prev[-1:] in (["aka"], ["nicknamed"], ["so-called"]) or prev == ["known", "as"]


def _attributive(toks: list, qi: int) -> bool:
    """A quoted name qualifying a noun for a feature, product or label after it, behind
    a determiner: "a new “Discover” feature", "the “avoid tolls” toggle"."""
    if qi == 0 or qi + 1 >= len(toks) or toks[qi - 1][1].lower() not in ("a", "an", "the", "new", "its", "their"):
        return False
    nxt = toks[qi + 1][1]
    return nxt.lower() in _THING_NOUNS or (  # (also "a “short-ass” movie category")
        nxt.islower() and qi + 2 < len(toks) and toks[qi + 2][1] in _THING_NOUNS)


def _examples(toks: list, qi: int) -> bool:
    """Whether the quotation at ``qi`` is one of a list of examples after "such as",
    "like" or "including" (items of the list are quotations, commas, and/or)."""
    k = qi - 1
    while k >= 1 and (toks[k][0] == "q" or toks[k][1] in (",", "and", "or")):
        k -= 1
    if k < 0:
        return False
    low = toks[k][1].lower()
    return low in ("like", "including") or (low == "as" and k > 0 and toks[k - 1][1].lower() == "such")


_TITLE_CUES = frozenset(
    """on titled entitled called named dubbed book memoir show film movie series program
    programme column album song novel play podcast documentary episode phrase term slogan
    motto hashtag""".split())


def _title_slot(word: str) -> bool:
    """A word after which a capitalised quotation names a work: a possessive
    ("Fox News Channel’s “Hannity,”") or on/titled/book/show ..."""
    low = word.lower()
    return low in _TITLE_CUES or (len(low) > 2 and low.endswith(("\u2019s", "'s")))


def _title_case(words: list[str], content: str) -> bool:
    """A title of a work or a slogan: every longer word capitalised, no full stop."""
    long_ = [w for w in words if len(w) > 3 or len(w) == 3 and w.lower() not in _TITLE_SMALL]
    return ((len(long_) >= 2 or len(words) <= 2) and bool(long_) and all(w[:1].isupper() for w in long_)
            and not content.endswith((".", "!", "?", ".,")))


def _starts_sentence(para: Para, qi: int) -> bool:
    return qi == 0 or para.sent_lo.get(para.sent_of[qi]) == qi


_ENGLISH = frozenset("""the of and to is that with for this from have has are were it he she they said an
    on at by as be was not but or his her him we you will would can who which their there been
    had about after says told more also its our""".split())  # (not "a", "in", "i": Italian has them)
_LETTER_RUNS = re.compile(r"[^\W\d_]+")


def _english(text: str) -> bool:
    """Whether the text reads as English: common short English words make one in
    five of its words or so (in other languages, fewer than one in twenty-five)."""
    words = _LETTER_RUNS.findall(text[:4000].lower())
    if len(words) < 12:
        return True
    return sum(w in _ENGLISH for w in words) * 100 >= 6 * len(words)


def find_quotes(text: str) -> list[Quote]:
    """Every direct quotation and interview turn in ``text`` with its speaker, in order."""
    if not isinstance(text, str) or not text.strip():
        return []
    if ":" not in text and MARK.search(text) is None:
        return []  # no quotation mark and no "Name:" label: nothing to find
    art = Article(text)
    res = _Resolver(art)
    got: dict[int, tuple] = {}  # span -> (speaker, start, end, cue)
    described: list[tuple[int, Mention]] = []
    # the frames are read in English: another language's quotations keep no speaker
    english = _english(text)
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
        _continue(art, got)
        _carry_parts(art, got)
    out = []
    for k, sp in enumerate(art.spans):
        who = got.get(k)
        if not _keep(art, k, who is not None and who[3] != "cont", who is not None):
            continue
        if who is None:
            out.append(Quote(sp.start, sp.end, "quote"))
        else:
            out.append(Quote(sp.start, sp.end, "quote", who[0], who[1], who[2],
                             None if who[3] == "cont" else who[3]))
    out += _turns(art, res)
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


def _described_before(art: Article, res: _Resolver, got: dict, k: int, m: Mention) -> str:
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


def _continue(art: Article, got: dict) -> None:
    """Unattributed full sentences take the speaker of the quote or sentence before."""
    spans = art.spans
    for k, sp in enumerate(spans):
        if k in got:
            continue
        para = art.paras[sp.para]
        qi = para.qtok[k]
        if not _starts_sentence(para, qi):
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
                name = _Resolver(art).name(m)
                if name:
                    got[k] = (name, m.start, m.end, "cont")
                break
        if k not in got and k + 1 in got and spans[k + 1].para == sp.last_para:
            nxt = art.paras[spans[k + 1].para]
            if nxt.qtok[k + 1] == art.paras[sp.last_para].qtok[k] + 1:
                got[k] = got[k + 1][:3] + ("cont",)


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


def _turns(art: Article, res: _Resolver) -> list[Quote]:
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
