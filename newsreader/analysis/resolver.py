"""Who a mention stands for: names through the article's cast, roles and
described speakers, pronouns through the subjects of the sentences before.

``Resolver(article).name(mention)`` gives the display name, or None when the text
leaves the speaker unnamed.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsreader.analysis.article import Article
from newsreader.analysis.lexicon import DETERMINERS, DOCUMENTS, INDEFINITES, ORG_HEADS, ORG_ROLES, ROLES
from newsreader.analysis.phrases import plural_people
from newsreader.analysis.names import DEMONYMS, Mention
from newsreader.analysis.speakers import fold

_DETS = ("the ", "a ", "an ", "The ", "A ", "An ")


_SUBJECT_REACH = 48  # mentions into a sentence a pronoun's antecedent is looked for


_COLLECTIVES = frozenset("""crowd audience group family team jury panel board staff crew
    congregation chorus choir class public electorate couple pair""".split())


def plural_noun(noun: str) -> bool:
    """"protesters", "the two", "the crowd": group nouns, not "actress" or "witness"."""
    return noun.endswith("s") and not noun.endswith("ss") or noun in _COLLECTIVES


_STAFF = frozenset("employees staff staffers workers engineers researchers members".split())


def _staff_of(m: Mention, art: Article) -> str | None:
    """"Uber employees", "Google engineers": a name that only qualifies a plural of people
    after it names the group, not the institution ("the company's employees" are not it)."""
    if m.kind not in ("org", "person") or not m.words or "para" not in m.extra or m.extra.get("poss"):
        return None
    toks = art.paras[m.extra["para"]].toks
    k = m.tok_end
    if k < len(toks) and toks[k][0] == "w" and toks[k][1] in _STAFF and toks[k - 1][3] + 1 == toks[k][2]:
        return f"{' '.join(m.words)} {toks[k][1]}"
    return None


def people_word(low: str) -> bool:
    """"critics", "ministers", "source", "deputies": a common noun for people."""
    return plural_people(low) or low in ROLES or low[:-1] in ROLES or low.endswith("ies") and low[:-3] + "y" in ROLES


def group_noun(m: Mention, art: Article) -> bool:
    """Whether a one-word "name" opening its sentence is a plural common noun for
    people ("Critics", "Ministers", "Marchers", "Insiders"): no title, no given name,
    never written with a first name in the text, and shaped like a group of people."""
    if len(m.words) != 1 or not m.extra.get("initial") or m.role or m.gender != "?":
        return False
    word = m.words[0]
    low = word.lower()
    if not word[1:].islower() or not low.endswith("s") or low.endswith(("ss", "'s", "\u2019s")):
        return False
    if not people_word(low):
        return False
    ent = m.entity if m.entity >= 0 else art.cast.resolve(word, m.start)
    # a surname the text gives in full elsewhere ("Bernie Sanders ... Sanders said") is a person
    return ent < 0 or len(art.cast.names[ent]) == 1


# Words that open a clause before the sentence's subject: "In the years since ...,"
_OPENERS = frozenset("""in since when after before while although though if because as during
    until once despite""".split())


class Resolver:
    """Display names for mentions: people through the cast, roles, pronouns."""

    def __init__(self, art: Article) -> None:
        self.art = art

    def name(self, m: Mention, lookback: bool = False) -> str | None:
        """``lookback``: leave an unresolved "the actor" to the caller (None)."""
        art = self.art
        staff = _staff_of(m, art)
        if staff:
            return staff  # "Uber employees have signed a letter, asking ...": the employees, not Uber
        owner = m.extra.get("owner")
        if owner is not None:  # "Ryan’s office": Paul Ryan’s office
            who = self.name(owner) or " ".join(owner.words)
            mark = "'" if "'" in art.text[owner.end:owner.end + 2] else "\u2019"
            return f"{who}{mark}s {' '.join(m.extra['held'])}"
        if m.kind == "person":
            if group_noun(m, art):
                return m.words[0].lower()  # "Critics say", "Ministers were told": a group, no one's name
            ent = m.entity if m.entity >= 0 else art.cast.resolve(m.words[-1], m.start) if m.words else -1
            if ent >= 0 and (m.entity >= 0 or fold(art.cast.names[ent][-1]) == fold(m.words[-1])):
                return art.cast.display(ent)  # (a headline's "Lind" is Tove Lind, named below)
            return " ".join(m.words)
        if m.kind == "thing":
            return None  # "a MacBook Pro": no one to name
        if m.kind == "place":
            return " ".join(m.words) or None  # a country or capital speaks as its government does
        if m.kind == "org":
            low = m.words[0].lower() if len(m.words) == 1 else ""
            if low in ORG_HEADS and re.search(rf"\b{low}\b", art.text):
                return m.words[0].lower()  # "Forces in the region said" by "government forces": a noun
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
                    and m.role not in ORG_HEADS and not plural_noun(m.role)):
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
        if det not in DETERMINERS and words[0][:1].isupper() and words[0][1:].islower() and people_word(det) and not (
                len(art.cast.names[ent0]) > 1 if (ent0 := art.cast.resolve(words[0], m.start)) >= 0 else False):
            # a bare noun phrase opening its sentence ("Regulators last week threatened",
            # "Proponents of the bill say"): a description, not a name
            return phrase[:1].lower() + phrase[1:]
        if det in INDEFINITES or len(words) == 1 or noun in DOCUMENTS or m.extra.get("share"):
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
        if plural_noun(noun):
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
        i = bisect_left(para.mtoks, m.tok)  # (the few mentions just before: a bounded look back)
        prior = [c for c in para.mentions[max(0, i - 12):i] if c.kind in ("person", "org") and not c.extra.get("prep")]
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
