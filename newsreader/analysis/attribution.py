"""Who said a quotation: read the frame around it for a speech verb and its subject.

Shapes handled: ``“...,” said X`` / ``“...,” X said`` (trailing), ``X said: “...”``,
``X, the role, stated, “...”``, ``X said Y was “...”`` (leading, partial quotes too),
``according to X``, a colon after a sentence naming X. Pronouns and role nouns are
resolved by ``Resolver``; continuation across sentences is left to the caller.
"""

from __future__ import annotations

from bisect import bisect_left

from newsreader.analysis.article import Article, Para
from newsreader.analysis.lexicon import (
    CLAUSE_BREAKS, DETERMINERS, DOCUMENTS, INDEFINITES, INFINITIVE_VERBS, NAMING_VERBS, ORG_HEADS, ORG_ROLES, ROLES, SPEECH_VERBS,
    PRONOUNS, STOPWORDS, TITLES, TRAILING_VERBS,
)
from newsreader.analysis.names import Mention

_PASSIVE = frozenset("was were been being is are be get got".split())
_AMBIGUOUS = frozenset(
    """state states note notes report reports post posts comment comments answer answers
    claim claims question questions charge charges object objects estimate estimates
    quote quotes counter counters tweet tweets promise promises protest protests demand
    demands joke jokes remark remarks mention mentions stress stresses echo echoes
    cry cries reply replies reason reasons query queries sum sums put puts point points
    laugh laughs sigh sighs call calls counsel reflect reflects concern advise""".split()
)
_AUXILIARIES = frozenset(
    "has had have was is also then once later previously recently publicly repeatedly would will".split())
_PARTICIPLE_LEADS = frozenset(", and after before while when in by".split())

Found = tuple  # (Mention, cue token text)


def _trailing_verb(word: str) -> bool:
    """A cue in the slot right after a quotation and its speaker ("“...,” the sign
    read", "“...,” she fumed"): a speech verb, or any past-tense verb there."""
    low = word.lower()
    return is_verb(word) or low in TRAILING_VERBS or (
        word.islower() and len(low) > 4 and low.endswith("ed"))


_BACK_VERBS = frozenset("shot fired hit pushed snapped wrote shoots fires hits pushes snaps writes".split())
_SUBJECT_PRONOUNS = frozenset("he she they i we who".split())


_PARTICLE_VERBS = {"back": _BACK_VERBS}
_PARTICLE_VERBS["on"] = frozenset("went goes go continued".split())
_PARTICLE_VERBS["in"] = frozenset("chimed chimes chime".split())


def _phrasal(toks: list, k: int) -> bool:
    """"shot back", "went on", "chimed in": a verb that alone says nothing, with its particle."""
    return (k + 1 < len(toks) and toks[k][1].lower() in _PARTICLE_VERBS.get(toks[k + 1][1].lower(), ()))


def _verb_after_subject(para: Para, k: int, lo: int) -> bool:
    """A word that may be a noun ("jokes", "notes", "claims") is a speech verb right
    after a subject pronoun or a name: "He jokes, “...”", "Ana Ruiz notes that"."""
    toks = para.toks
    low = toks[k][1].lower()
    if low not in _AMBIGUOUS or low not in SPEECH_VERBS or k - 1 < lo:
        return False
    if toks[k - 1][1].lower() in _SUBJECT_PRONOUNS:
        return True
    ms = para.mentions
    i = bisect_left(para.mtoks, k) - 1
    return i >= 0 and ms[i].tok_end == k and ms[i].kind == "person" and not ms[i].extra.get("poss")


def is_verb(word: str, naming: bool = False) -> bool:
    low = word.lower()
    if low in _AMBIGUOUS:
        return False
    return low in SPEECH_VERBS or (naming and low in NAMING_VERBS)


def _descriptive(para: Para, d: int, stop: int) -> Mention | None:
    """A noun phrase opened by a determiner at token ``d`` and running to ``stop``
    at most ("the editorial", "one of two witnesses", "another"): a speaker named
    by what it is. It ends at punctuation, a quotation or a new clause."""
    toks = para.toks
    if d >= len(toks) or toks[d][0] != "w" or toks[d][1].lower() not in DETERMINERS:
        return None
    e = d + 1
    while e < min(stop, len(toks), d + 12):
        kind, word = toks[e][0], toks[e][1]
        if _initial_dot(toks, e):
            e += 1  # "the U.S. media"
            continue
        if kind != "w" or word.lower() in CLAUSE_BREAKS or is_verb(word) or word.lower() in _NOT_IN_SUBJECT - {"to"}:
            break  # ("a coroner has ruled": the auxiliary opens the predicate)
        e += 1
    if e == d + 1 and toks[d][1].lower() not in ("another", "one"):
        return None  # a bare "the" or "his" is no speaker
    words: list[str] = []
    for k in range(d, e):  # initials stay one word: ("the", "U.S.", "media")
        if _initial_dot(toks, k) or (words and words[-1].endswith(".") and len(toks[k][1]) == 1
                                     and toks[k][1].isupper() and toks[k - 1][3] == toks[k][2]):
            words[-1] += toks[k][1]
        else:
            words.append(toks[k][1])
    words = tuple(words)
    if _head(words) in _WORDS_FOR_WORDS:
        return None  # "‘an invincible summer’, a term attributed to Camus": words, no speaker
    return Mention("desc", d, e, toks[d][2], toks[e - 1][3], words=words, role=_head(words),
                   extra={"para": para.idx})


def _initial_dot(toks: list, k: int) -> bool:
    """The full stop of an initial inside a phrase: "U.S.", "U.N."."""
    return (toks[k][1] == "." and k > 0 and len(toks[k - 1][1]) == 1 and toks[k - 1][1].isupper()
            and toks[k - 1][3] == toks[k][2])


def _cue_in(para: Para, desc: Mention, tight: bool) -> int | None:
    """The cue ending a determiner phrase read after a quotation: a speech verb
    after it, or (in the quotation's own sentence) a verb that only this slot makes
    a cue ("the sign read.", "the candidate fumed"), closing the clause."""
    toks, n = para.toks, len(para.toks)
    if desc.tok_end < n and is_verb(toks[desc.tok_end][1]):
        return desc.tok_end
    if not tight:
        return None
    a = desc.tok_end
    if a + 1 < n and toks[a][1].lower() in _AUXILIARIES and (is_verb(toks[a + 1][1]) or _trailing_verb(toks[a + 1][1])):
        return a + 1  # "..., a coroner has ruled"

    for v in range(desc.tok + 2, min(n, desc.tok_end + 1)):
        if _trailing_verb(toks[v][1]) and (v + 1 >= n or toks[v + 1][0] != "w" or toks[v + 1][1].lower() in (
                "in", "on", "at", "to", "from", "during", "after", "before", "of", "with")) and not (
                v + 1 < n and toks[v + 1][1].lower() == "to" and toks[v][1].lower() in INFINITIVE_VERBS):
            return v  # (not "the audience appeared to warm")
    return None


def _descriptive_before(para: Para, v: int, lo: int, participle: bool = False) -> Mention | None:
    """The determiner phrase just before verb ``v``: "The ad says", "Yet another said";
    before a ``participle`` also one after "with" ("with a voice over saying")."""
    toks = para.toks
    if v - 1 > lo and toks[v - 1][1] == ",":  # "The report, which ran to 40 pages, says"
        c = v - 2
        while c > lo and toks[c][1] != "," and v - c < 25:
            c -= 1
        if c > lo and toks[c][1] == ",":
            v = c
    b = v - 1
    if b == lo and toks[b][0] == "w" and toks[b][1][:1].isupper() and toks[b][1].endswith("s") and (
            not toks[b][1].endswith("ss") and toks[b][1].lower() not in CLAUSE_BREAKS):
        # a bare plural opening the sentence: "Critics called it ..."
        return Mention("desc", b, v, toks[b][2], toks[b][3], words=(toks[b][1],), role=toks[b][1].lower(),
                       extra={"para": para.idx})
    while b > lo and (toks[b][1].lower() in _AUXILIARIES or toks[b][1].endswith("ly")):
        b -= 1  # "the crowd also chanted", "the board had repeatedly said"
    if b - 1 > lo and toks[b][1].lower() == "to":  # "The email goes on to say", "the group tried to"
        c = b - 1 - (toks[b - 1][1].lower() == "on")
        if c > lo and toks[c][1].lower() in _LEAD_INS:
            b = c - 1
    v = b + 1
    d = -1
    while b >= lo and v - b <= 11:
        kind, word = toks[b][0], toks[b][1]
        if _initial_dot(toks, b):
            b -= 1
            continue
        if kind != "w" or word.lower() in CLAUSE_BREAKS or is_verb(word):
            break
        if word.lower() in DETERMINERS and (
                _subject_slot(toks, b, lo) or participle and toks[b - 1][1].lower() == "with"):
            d = b  # the nearest determiner in a subject's slot ("ends with a voice over saying")
            break
        b -= 1
    if d < 0:
        return _bare_subject(para, v, lo)
    m = _descriptive(para, d, v)
    if m is None or m.tok_end != v or any(t[1].lower() in _NOT_IN_SUBJECT for t in toks[d + 1:v]):
        return None
    return m


def _bare_subject(para: Para, v: int, lo: int) -> Mention | None:
    """A noun phrase without a determiner opening the sentence and running to the
    verb: "Source familiar with the talks says", "Proponents of the bill say"."""
    toks = para.toks
    if not 0 < v - lo <= 8 or not toks[lo][1][:1].isupper() or _mention_at(para, lo, lo + 1) is not None:
        return None
    words = toks[lo:v]
    if words[0][1].lower().endswith(("ed", "ing", "ly")):
        return None  # "Horrified at the prospect, ...": a participle, no subject
    if any(t[0] != "w" or t[1].lower() in CLAUSE_BREAKS or t[1].lower() in _NOT_IN_SUBJECT
           or t[1].lower() in STOPWORDS and t is words[0] or is_verb(t[1]) or t[1].endswith("ing")
           for t in words):
        return None
    phrase = tuple(t[1] for t in words)
    return Mention("desc", lo, v, toks[lo][2], toks[v - 1][3], words=phrase, role=_head(phrase),
                   extra={"para": para.idx})


# Words of a clause that carries a reported one: "said he's certain (that) ...".
_COMPLEMENT_HEADS = frozenset("""certain sure confident convinced hopeful afraid worried believes
    thinks hopes expects knows feels fears""".split())
_WHEN_WORDS = frozenset("today yesterday night morning afternoon evening late early on last this".split())
_PREPS = frozenset("to in at on of for with by from about into over against".split())
_WORDS_FOR_WORDS = frozenset("term terms phrase word words slogan name title label nickname expression motto".split())
_POSTMODIFIERS = frozenset("of for at in from with on close familiar who which that".split())


def _head(words: tuple) -> str:
    """The head noun of a phrase: the word before its first preposition or relative
    ("Tenants of the block" -> tenants, "a person close to the talks" -> person)."""
    for k in range(1, len(words)):
        if words[k].lower() in _POSTMODIFIERS:
            return words[k - 1].lower()
    return words[-1].lower()


# Words a subject noun phrase does not hold: "a report this month charging", "the
# party to respond", "a previous case to say" are objects and adverbials.
_NOT_IN_SUBJECT = frozenset("to had has have was were is are".split())
# Determiners that open a speaker put after the verb ("said one witness:", "added a
# spokesman,"), unlike "this" or "his" ("summarizes this perfectly:").
_INVERTED_DETS = frozenset("a an one another the some several many".split())
# Verbs that hand the report on to an infinitive: "went on to say", "tried to argue".
_LEAD_INS = frozenset("""go goes went going continue continues continued proceed proceeds proceeded
    begin begins began try tries tried seem seems seemed appear appears appeared used""".split())


def _subject_slot(toks: list, d: int, lo: int) -> bool:
    """Whether a phrase starting at token ``d`` stands where a subject does: at the
    sentence start, after punctuation or a word opening a clause ("As X spoke, the
    crowd chanted"), not after a verb or a preposition ("released a statement")."""
    if d <= lo:
        return True
    prev = toks[d - 1]
    return prev[0] != "w" or prev[1].lower() in CLAUSE_BREAKS or prev[1].lower() in ("as", "then", "so", "yet")


def _mention_at(para: Para, lo: int, hi: int) -> Mention | None:
    """The first mention starting within tokens [lo, hi) (or running over ``lo``)."""
    ms = para.mentions
    i = bisect_left(para.mtoks, lo)
    if i > 0 and ms[i - 1].tok < lo < ms[i - 1].tok_end and ms[i - 1].kind != "pron":
        return ms[i - 1]
    if i < len(ms) and ms[i].tok < hi:
        return ms[i]
    return None


def _before(para: Para, limit: int, lo: int):
    """Mentions ending by token ``limit`` and starting at ``lo`` or later, nearest first."""
    ms = para.mentions
    i = bisect_left(para.mtoks, limit) - 1
    while i >= 0 and ms[i].tok >= lo:
        if ms[i].tok_end <= limit:
            yield ms[i]
        i -= 1


def _with_subject(para: Para, v: int, lo: int) -> Mention | None:
    """"..., with the veteran MP Gareth Powys saying ...": the name right before the
    participle, behind "with", is who speaks."""
    toks = para.toks
    m = next(_before(para, v, max(lo, v - 10)), None)
    if m is None or m.tok_end != v or m.kind == "pron":
        return None
    k = m.tok - 1
    if k > lo and toks[k][1].lower() in ("the", "a", "an"):
        k -= 1
    return m if k >= lo and toks[k][1].lower() == "with" else None


def _subject_before(para: Para, v: int, lo: int) -> Mention | None:
    """The nearest mention ending before token ``v`` in the sentence, past any
    comma-enclosed aside (an appositive or a relative clause) just before the verb."""
    toks = para.toks
    limit = v
    w = v - 1
    while w > lo and v - w <= 3 and toks[w][1].lower() in _AUXILIARIES:
        w -= 1
    if w > lo and toks[w][1].lower() == "who" and toks[w - 1][1] == ",":
        for m in _before(para, w - 1, lo):  # "X, who told reporters ...", "X, who has called"
            if m.tok_end == w - 1 and m.kind != "pron":
                return Mention("rel", w, w + 1, toks[w][2], toks[w][3], words=("who",),
                               extra={"para": para.idx, "antecedent": m})
            break
    if v - 1 > lo and toks[v - 1][1] == ",":
        c = v - 2
        while c > lo and toks[c][1] != "," and v - c < 25:
            c -= 1
        if c >= lo and toks[c][1] == ",":
            limit = c
            for m in _before(para, v - 1, c):  # "the developer, Northgate Holdings, said"
                if m.tok_end == v - 1 and m.tok <= c + 2 and m.kind in ("person", "org") or (
                        m.kind == "person" and m.tok <= c + 3 and toks[m.tok_end][1] == "(" and toks[v - 2][1] == ")"):
                    # (and "..., Gov. John Kasich (R-OH), said")
                    named = next(_before(para, c, max(lo, c - 8)), None)
                    if (named is None or named.tok_end != c or named.kind != "person"
                            or named.extra.get("prep")):  # "the envoy in Oslo, Ana Berg, said"
                        return m  # not "Gordon Kessler, a Republican, said"
                break
    best = None
    for m in _before(para, limit, max(lo, limit - 60)):
        if (m.extra.get("prep") and m.kind != "pron") or m.extra.get("poss"):
            continue
        if any(t[0] == "w" and t[1].lower() in _GAP_BREAKS for t in toks[m.tok_end:limit]):
            break  # "X fundraiser axed when venue objected": X is in another clause
        if (len(m.words) == 1 and m.kind in ("person", "org") and m.tok_end + 1 < limit
                and toks[m.tok_end][1].islower() and toks[m.tok_end][1].endswith("s")
                and toks[m.tok_end + 1][1].lower() in _MODALS):
            break  # "Lawn bowls might not usually scream “...”": the name qualifies a noun
        best = m
        break
    if best is None and limit != v:
        return _subject_before(para, limit, lo) if limit > lo else None
    return best


# Words that open a new clause between a name and a verb: the name is not its subject.
_MODALS = frozenset("might may will would can could should must do does did have are were".split())
_GAP_BREAKS = frozenset("when where because while although though if unless whereas".split())


def _first_subject(para: Para, lo: int, hi: int) -> Mention | None:
    ms = para.mentions
    for i in range(bisect_left(para.mtoks, lo), len(ms)):
        m = ms[i]
        if m.tok >= hi:
            break
        if not m.extra.get("prep") and not m.extra.get("poss"):
            return m
    return None


def trailing(para: Para, qi: int) -> Found | None:
    """``“...,” said X`` / ``“...,” X said`` / ``“...,” according to X``."""
    toks, n = para.toks, len(para.toks)
    j = qi + 1
    while j < n and toks[j][1] in (",", "\u2014", "\u2013", "-"):
        j += 1
    if j >= n or toks[j][0] != "w":
        return None
    if is_verb(toks[j][1]) or _inverted_ambiguous(para, j):
        if j + 1 < n and toks[j + 1][1].lower() == "that":
            return None  # "..., said that AT&T ...": the verb reports a clause, its subject is before
        m = _mention_at(para, j + 1, j + 4)
        if m is not None and not all(t[1].lower() in DETERMINERS or t[1].lower() in TITLES or t[1] == "."
                                     or t[1][:1].isupper() for t in toks[j + 1:m.tok]):
            m = None  # "“...,” said last night’s Democratic wins were": no speaker after the verb
        if m is None or m.kind in ("role", "desc"):
            m = _named_after_titles(para, j + 1) or m  # "says food writer and broadcaster Tim Hayward"
        if (m is None or m.tok > j + 1) and not toks[j][1].lower().endswith("ing"):
            desc = _descriptive(para, j + 1, n)  # "said a person close to the Clintons"
            if desc is not None and not (m is not None and all(w[:1].isupper() for w in desc.words[1:])):
                m = _person_ending(para, desc) or desc  # (but "reports The Verge" is a name)
        if m is not None and m.kind == "org":  # "said Met Office meteorologist Claire Dunmore"
            nxt = _mention_at(para, m.tok_end, m.tok_end + 1)
            if nxt is not None and nxt.kind == "person" and nxt.tok == m.tok_end:
                m = nxt
            else:
                m = _named_after_titles(para, m.tok_end) or m  # "said Anker spokesperson Eric Villines"
        return (m, toks[j][1]) if m is not None else None
    if toks[j][1].lower() == "according" and j + 1 < n and toks[j + 1][1].lower() == "to":
        m = _according_to(para, j + 2)
        return (m, "according to") if m is not None else None
    m = _mention_at(para, j, j + 5)
    if (m is None or (m.tok > j and m.kind != "role")) and toks[j][1].lower() not in ("that", "this", "these", "those"):
        desc = _descriptive(para, j, n)  # "“...,” the editorial read" (not "the “X” that several rivals have")
        if desc is not None:
            v = _cue_in(para, desc, para.sent_of[j] == para.sent_of[qi])
            if v is not None:
                desc = _descriptive(para, j, v)
                if desc is not None:
                    return _person_ending(para, desc) or desc, toks[v][1]
    if (m is not None and m.tok == j + 1 and m.kind == "person" and not m.extra.get("poss")
            and toks[j][1].islower() and _trailing_verb(toks[j][1])):
        return m, toks[j][1]  # "“...!” beamed Donald Hartley of Madison"
    if (toks[j][1].islower() or toks[j][1].isupper() and m is not None and m.tok > j) and (
            toks[j][1].lower() not in DETERMINERS and not _trailing_verb(toks[j][1])):
        named = _named_after_titles(para, j)  # "“...,” former governor Jeb Bush said"
        if named is None:
            named = _lower_subject(para, j, n)  # "“...,” federal prosecutors wrote"
        if named is not None:
            k = named.tok_end
            if k < n and (is_verb(toks[k][1]) or para.sent_of[j] == para.sent_of[qi] and (
                    _trailing_verb(toks[k][1]) or _phrasal(toks, k))):
                return named, toks[k][1]
    if m is not None and any(t[1].lower() not in DETERMINERS for t in toks[j:m.tok]):
        return None  # "“...” for the governor, ... said X": the role is no subject
    first = m
    if (m is not None and m.kind in ("org", "person") and m.tok <= j + 1 and m.tok_end < n
            and toks[m.tok_end][0] == "w" and toks[m.tok_end][1].islower()):
        named = _named_after_titles(para, m.tok_end)  # "“...,” Anker spokeperson Eric Villines tells me"
        if named is not None and named.tok - m.tok_end <= 3 and all(
                t[1] in TITLES or t[1] in ROLES or not (t[1].endswith(("s", "ed")) or t[1] in _PREPS)
                for t in toks[m.tok_end:named.tok]):
            m = named  # (not "Blige sings to Clinton", "Trump accused Holt")
    while m is not None and m.extra.get("poss") and m.tok_end < n:  # "Norway's minister, X, said"
        m = _named_after_titles(para, m.tok_end) or _mention_at(para, m.tok_end, m.tok_end + 3)
    if m is None or m.extra.get("poss") or (first.tok > j + 1 and m.kind != "role"):
        return None
    k = m.tok_end
    appos = m.extra.get("appos")
    if m.kind == "role" and appos is not None and m.tok_end < appos.tok <= m.tok_end + 4:
        k = appos.tok_end  # "the representative in Pakistan, Marta Solberg, said"
    if m.kind == "role" and k + 1 < n and toks[k][1].lower() in ("of", "for"):
        held = _mention_at(para, k + 1, k + 4)  # "Secretary of Treasury Janet L. Yellen said"
        if held is not None and held.kind == "person" and not held.extra.get("poss"):
            m, k = held, held.tok_end
    k = _past_qualifier(para, k)
    end = k
    if para.sent_of[j] != para.sent_of[qi]:  # "“...” X told reporters." must be tight
        if m.kind == "org" or k >= n or not (is_verb(toks[k][1]) or _phrasal(toks, k)):
            return None
        if k + 1 < n and toks[k + 1][1].lower() == "to" and toks[k][1].lower() in INFINITIVE_VERBS:
            return None  # "X promised to cut ...": no report (but "X said to cheers")
        if k + 2 < n and (toks[k + 1][1].lower() in ("that", "he", "she", "it", "they", "we", "i") or (
                toks[k + 1][1].lower() in DETERMINERS and toks[k + 2][1].islower())):
            return None  # "“...” The company said the study could take a year.": a report of its own
    stop = min(n, k + (26 if k < n and toks[k][1] == "," else 14))  # "X, 30, of Raleigh, N.C., who ..., said"
    while k < stop:
        kind, word = toks[k][0], toks[k][1]
        if kind == "q" and not (end < n and toks[end][1] == "," and k > end):  # (a quotation inside an aside
            return None                                                       # is no frame's end)
        if (kind == "p" and word in "!?;") or (
                word == "." and (k + 1 >= n or para.sent_of[k + 1] != para.sent_of[k])):
            return None  # (not the full stops of "N.C.")
        if kind == "w" and is_verb(word) and toks[k - 1][1].lower() != "to":
            return (m, word)  # ("rose to respond": an infinitive reports nothing yet)
        if kind == "w" and k == end and _phrasal(toks, k):
            return (m, word + " " + toks[k + 1][1])  # "“...?” Trump went on"
        if kind == "w" and k == end and para.sent_of[j] == para.sent_of[qi] and (
                _trailing_verb(word) or word.lower() in SPEECH_VERBS or _phrasal(toks, k)):
            return (m, word)  # "“...,” she fumed", "“...,” he notes", "“...,” Ana shot back"
        if kind == "w" and k > end + 3 and toks[end][1] != ",":
            return None
        k += 1
    return None


_OWNER = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _according_to(para: Para, k: int) -> Mention | None:
    """Who stands after "according to" at token ``k``: a name, or for "his book X",
    "her memoir X" the owner (the pronoun's person), not the title of the work."""
    toks = para.toks
    if k + 1 < len(toks) and toks[k][1].lower() in ("a", "an", "the") and toks[k + 1][1].lower() in (
            DOCUMENTS | {"thread", "interview"}):
        by = next((b for b in range(k + 2, min(len(toks), k + 7)) if toks[b][1].lower() == "by"), -1)
        if by > 0:  # "according to a thread [1] by Twitter’s head of site integrity, Yoel Roth"
            m = _mention_at(para, by + 1, by + 3)
            if m is not None and m.extra.get("poss"):
                m = next((c for c in para.mentions if by < c.tok <= by + 10 and c.kind == "person"
                          and not c.extra.get("poss") and toks[c.tok - 1][1] == ","), m)
            if m is not None:
                return m
    if k + 1 < len(toks) and toks[k][1].lower() in _OWNER and toks[k + 1][1].lower() in _WORKS:
        word = _OWNER[toks[k][1].lower()]
        return Mention("pron", k, k + 1, toks[k][2], toks[k][3], (word,), gender=PRONOUNS[word],
                       extra={"para": para.idx, "sid": para.sent_of[k]})
    return _mention_at(para, k, k + 3)


_WORKS = frozenset("book memoir autobiography biography novel column blog diary".split())


def _lower_subject(para: Para, j: int, n: int) -> Mention | None:
    """A lower-case phrase without a determiner right after a quotation and before a
    speech verb: "federal prosecutors wrote", "nuclear experts said"."""
    toks = para.toks
    k = j
    while k < min(n, j + 5) and toks[k][0] == "w" and toks[k][1].islower() and not is_verb(toks[k][1]) and (
            toks[k][1] not in CLAUSE_BREAKS and toks[k][1] not in _PREPS):
        k += 1
    if k == j or k >= n or not is_verb(toks[k][1]) or not (_plural_people(toks[k - 1][1]) or toks[k - 1][1] in ROLES):
        return None
    words = tuple(t[1] for t in toks[j:k])
    return Mention("desc", j, k, toks[j][2], toks[k - 1][3], words=words, role=_head(words),
                   extra={"para": para.idx})


def _person_ending(para: Para, desc: Mention) -> Mention | None:
    """The person named at the end of a described speaker: "a visibly tired Sample",
    "the party's vice-presidential nominee Ann Example"."""
    for m in _before(para, desc.tok_end, desc.tok + 2):  # (not "the AFP": a name after "the" alone)
        return m if m.kind == "person" and m.tok_end == desc.tok_end and not m.extra.get("poss") else None
    return None


def _past_qualifier(para: Para, k: int) -> int:
    """The token after what qualifies a speaker's name before the verb: "X of the
    American Enterprise Institute wrote", "Rep. X (D-N.Y.) said"."""
    toks, n = para.toks, len(para.toks)
    if k < n and toks[k][1] == "(":
        close = next((c for c in range(k + 1, min(n, k + 10)) if toks[c][1] == ")"), -1)
        return close + 1 if close > 0 else k
    if k < n and toks[k][1].lower() in ("of", "at", "from"):
        m = _mention_at(para, k + 1, k + 3)
        if m is not None and m.kind in ("org", "person") and all(
                t[1].lower() == "the" for t in toks[k + 1:m.tok]):
            return m.tok_end
    return k


def _inverted_ambiguous(para: Para, j: int) -> bool:
    """"“...,” reports The Verge", "notes Ana Ruiz": a word that may be a noun is the
    speech verb when it follows the quotation's comma and a name comes right after."""
    toks = para.toks
    if toks[j][1].lower() not in _AMBIGUOUS or toks[j][1].lower() not in SPEECH_VERBS or toks[j][1][:1].isupper():
        return False
    m = _mention_at(para, j + 1, j + 3)
    if m is not None and m.tok == j + 2 and toks[j + 1][1] != "The":
        return False
    return (m is not None and m.kind in ("person", "org") and not m.extra.get("poss")
            and (toks[j - 1][0] == "q" or toks[j - 1][1] in (",", "\u2014", "\u2013")))


def _named_after_titles(para: Para, lo: int) -> Mention | None:
    """A person named after lower-case title words ("food writer and broadcaster Tim
    Hayward", "senior vice president Ana Ruiz"): no punctuation in between."""
    toks = para.toks
    for k in range(lo, min(len(toks), lo + 8)):
        if toks[k][0] != "w":
            return None
        m = _mention_at(para, k, k + 1)
        if m is not None and m.kind == "person" and m.tok == k and not m.extra.get("poss"):
            return m if k > lo else None
        if toks[k][1][:1].isupper() and (m is None or m.kind not in ("role", "org", "place")) and not (
                m is None and toks[k][1].isupper() and len(toks[k][1]) <= 4):  # ("US Senator Jeff Sessions")
            return None
        low = toks[k][1].lower()
        if is_verb(low) or low in CLAUSE_BREAKS - {"and"} or low in _WHEN_WORDS or low in _PREPS or (
                toks[k][1].islower() and low.endswith(("'s", "\u2019s"))):
            return None  # ("said last night’s Democratic wins were": no titles)
    return None


def leading(para: Para, qi: int) -> Found | None:
    """A speech verb earlier in the quote's sentence, with its subject; or a colon."""
    toks = para.toks
    if qi < len(toks):
        lo = para.sent_lo[para.sent_of[qi]]
    else:
        lo = para.sent_lo[para.sent_of[-1]] if toks else 0
    k = qi - 1
    lo = max(lo, qi - 80)  # a bounded look back keeps the whole pass linear
    while k >= lo:
        t = toks[k]
        if t[0] == "w":
            low = t[1].lower()
            if low == "according" and k + 1 < qi and toks[k + 1][1].lower() == "to":
                m = _according_to(para, k + 2)
                if m is not None:
                    return m, "according to"
            if (is_verb(low, naming=True) or _verb_after_subject(para, k, lo)) and not (
                    k > lo and toks[k - 1][1].lower() in _PASSIVE) and not (
                    k > lo and toks[k - 1][1].lower() == "to" and k + 1 < qi and toks[k + 1][1].lower() in ("a", "an", "the")):
                m = _verb_subject(para, k, lo, qi)
                if m is not None:
                    if m.tok > lo:
                        outer = _outer_report(para, m.tok, lo)
                        if outer is not None:
                            return outer
                    return m, t[1]
            if low == "back" and k - 1 >= lo and _phrasal(toks, k - 1):  # "Hillary shot back, “...”"
                m = _verb_subject(para, k - 1, lo, qi)
                if m is not None:
                    return m, toks[k - 1][1] + " back"
        k -= 1
    if qi - 1 >= lo and toks[qi - 1][1] == ":":
        m = _first_subject(para, lo, qi - 1)
        if m is None and toks[lo][1].lower() in INDEFINITES:
            m = _descriptive(para, lo, qi - 1)  # "One skipper was blunt: “...”"
        if m is not None:
            return m, ":"
    found = headline_label(para, qi)
    if found is not None and (found[0].kind != "person" or all(w.isupper() for w in found[0].words)):
        return None  # outside a title-case headline only a person's name labels a line, not
        # "BRITISH BOWLS: Lawn bowls might not usually scream “...”"
    return found


def headline_label(para: Para, qi: int) -> Found | None:
    """A headline's label: "Graham: Trump’s ‘Incredibly Hateful Rhetoric’ ..."."""
    toks = para.toks
    if qi >= len(toks):
        return None
    lo = para.sent_lo[para.sent_of[qi]]
    m = _mention_at(para, lo, lo + 1)
    if (m is not None and m.tok == lo and m.kind in ("person", "org") and not m.extra.get("poss")
            and m.tok_end < qi and toks[m.tok_end][1] == ":"):
        return m, ":"
    return None


def _outer_report(para: Para, p: int, lo: int) -> Found | None:
    """"Carter said he would welcome “...”": the pronoun at ``p`` opens a clause
    reported by an earlier speech verb; that verb's subject is the one quoted."""
    toks = para.toks
    k = p - 1
    if k > lo and toks[k][1].lower() == "that":
        k -= 1
        # "X said in her opening remarks that the platform should ...", "told reporters that"
        j = k
        while j > lo and p - j < 10 and toks[j][0] == "w" and not is_verb(toks[j][1]):
            j -= 1
        if j >= lo and toks[j][0] == "w" and is_verb(toks[j][1]):
            k = j
    elif k > lo and toks[k][0] == "w" and not is_verb(toks[k][1]):
        # "Cruz said he's certain Rubio will ...": a short stretch of words (no clause
        # word, no punctuation) between a speech verb and the reported clause
        j = k
        while j > lo and p - j < 6 and toks[j][0] == "w" and not is_verb(toks[j][1]) and (
                toks[j][1].lower() not in CLAUSE_BREAKS):
            j -= 1
        if toks[j][0] == "w" and is_verb(toks[j][1]) and p - j > 2 and any(
                t[1].lower() in _COMPLEMENT_HEADS for t in toks[j + 1:p]):
            k = j
    if k < lo or toks[k][0] != "w" or not is_verb(toks[k][1]) or toks[k][1].lower().endswith("ing"):
        return None
    m = _subject_before(para, k, lo)
    return (m, toks[k][1]) if m is not None else None


def _verb_subject(para: Para, v: int, lo: int, qi: int) -> Mention | None:
    toks = para.toks
    word = toks[v][1].lower()
    if word.endswith("ing") and v > lo and toks[v - 1][1].lower() == "of" and v + 1 < qi and (
            toks[v + 1][1] in (",", "or", "and")):
        return None  # "a combination of demanding, begging or cajoling": nouns, no frame
    if word.endswith("ing") and v > lo and toks[v - 1][1].lower() in _PARTICIPLE_LEADS:
        # "..., stating, “...”": the subject is the main clause's
        for k in range(v - 1, max(lo, v - 60) - 1, -1):
            if toks[k][0] == "w" and is_verb(toks[k][1]) and not toks[k][1].lower().endswith("ing"):
                m = _subject_before(para, k, lo)
                if m is not None:
                    return m
        main = sentence_subject(para, v)  # past an opening phrase: "In response to X, Y rallied ..., saying"
        return main[0] if main is not None else _first_subject(para, lo, v)
    a = v - 1
    while a > lo and toks[a][1].lower() in ("then", "also", "later", "quickly", "again"):
        a -= 1  # "... and then tweeted that"
    if a > lo and toks[a][1].lower() == "and" and (
            a - 1 <= lo or toks[a - 1][0] != "w" or toks[a - 1][1].islower()):
        # "China accused ... in the South China Sea, and warned that ...": the verb
        # shares the subject of the sentence
        m = _first_subject(para, lo, v)
        if m is not None and m.kind != "pron" or m is not None and m.tok == lo:
            return m
    if word.endswith("ing"):
        m = _with_subject(para, v, lo)
        if m is not None:
            return m
    m = _subject_before(para, v, lo)
    desc = _descriptive_before(para, v, lo, word.endswith("ing"))  # "The ad says “...”"
    if desc is not None and (m is None or m.tok_end <= desc.tok):
        m = desc  # "As X attacked Y, the attendees chanted": the phrase at the verb, not Y
    if m is not None and word.endswith("ing") and m.tok > lo and toks[m.tok - 1][0] == "w" and (
            m.role in DOCUMENTS or m.role == "statement") and all(
                t[1].lower() in _WHEN_WORDS or t[1][:1].isupper() for t in toks[m.tok_end:v]):
        # (also "released a statement Thursday night condemning")
        # "X released a statement saying ...": the statement is X's
        first = _first_subject(para, lo, m.tok)
        if first is not None:
            m = first
    if m is None and is_verb(word):  # not "called it “...”": an object is no speaker
        m = _mention_at(para, v + 1, min(v + 4, qi))  # inverted: "said Smith: “...”"
        if m is not None and (m.kind == "pron" or m.extra.get("poss") or not (
                m.tok_end >= qi or toks[m.tok_end][1] in (",", ":", "\u2014", "\u2013"))):
            m = None  # (not "assured the American people that ...": an object)
    if m is None and is_verb(word) and v + 1 < qi and toks[v + 1][1].lower() in _INVERTED_DETS:
        m = _descriptive(para, v + 1, qi)  # "said one witness: “...”"
        if m is not None and not (m.tok_end < qi and toks[m.tok_end][1] in (",", ":")):
            m = None  # "says the crossing “...”": the subject of what is reported
                      # (and "summarizes this perfectly: “...”" is no speaker)
    return m


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
    m = _mention_at(para, p, p + 1)
    if m is not None and m.tok == p:
        while m is not None and m.extra.get("poss") and m.tok_end < qi:  # "Clinton's campaign said"
            m = _mention_at(para, m.tok_end, m.tok_end + 3)
        if m is None or m.extra.get("poss") or m.tok_end >= qi - 0:
            return None
    else:
        m = _descriptive(para, p, qi) if toks[p][1].lower() in DETERMINERS else _bare_subject(para, _np_end(toks, p, qi), p)
        if m is None or m.tok_end >= qi or m.role not in _SPEAKING_HEADS and not _plural_people(m.role):
            return None
    if m.kind == "pron" and (m.gender == "o" or m.words[0].lower() in ("i", "we")):
        return None  # "It has not helped that ...": no one; "We talk about “smart” watches": the writers
    k = m.tok_end
    if toks[k][1] == ",":  # "Clinton, the former secretary of state, mocked ..."
        k = next((j for j in range(k + 1, min(qi, k + 25)) if toks[j][1] == ","), qi) + 1
    if k >= qi or toks[k][0] != "w" or toks[k][1].lower() in CLAUSE_BREAKS or toks[k][1][:1].isupper():
        return None
    if _copula(toks, k, qi):
        return None  # "the broadcaster is a “wonderful company”": what others call it
    aux = False
    while k + 1 < qi and (toks[k][1].lower() in _AUXILIARIES and toks[k][1].lower() not in _PASSIVE
                          or toks[k][1].endswith("ly") or toks[k][1].lower() in _ADVERBS):
        aux = aux or toks[k][1].lower() in _AUXILIARIES
        k += 1
    low = toks[k][1].lower().replace("\u2019", "'")
    if low in _PASSIVE:
        p = k + 1
        while p < qi and toks[p][1].endswith("ly"):
            p += 1
        if p < qi and toks[p][1].lower().endswith(("ed", "en", "wn", "'d", "\u2019d")):
            return None  # "He was asked about the “...” comment", "X was positively ID'd “...”"
        if p < qi and toks[p][1].lower().endswith("ing"):
            k = p  # "is introducing": the cue is the participle
    elif not (aux or low in _FINITE or low.endswith(("ed", "s", "n't")) and not low.endswith(("ss", "'s"))):
        return None  # no verb after the subject: "Pink Floyd co-founder's stance has ..."
    return m, toks[k][1]


_ADVERBS = frozenset("always never still just even already often not also ever again".split())
# Finite verbs that do not end in -s or -ed: irregular pasts and modals.
_FINITE = frozenset("""took made gave said told wrote ran won lost put set brought sought thought
    kept left felt held stood drew threw knew grew saw came became began spoke broke chose rose
    drove got went did had was were will would can could should may might must shall cut hit
    let led paid sent spent meant heard found fought taught caught bought built sang swore
    wore tore struck hung laid put read""".split())


def _np_end(toks: list, p: int, hi: int) -> int:
    """Where a noun phrase without a determiner opening at ``p`` ends: the first word
    that is no part of it (a comma, a clause word, a verb form)."""
    k = p
    while k < hi and toks[k][0] == "w" and (k == p or toks[k][1].lower() not in _INTRO):
        low = toks[k][1].lower()
        if k > p and (is_verb(low) or low.endswith("ed") or low in _NOT_IN_SUBJECT):
            break
        k += 1
    return k


def _plural_people(noun: str | None) -> bool:
    """"protesters", "supporters", "critics": groups of people that say things."""
    return bool(noun) and noun.endswith(("ers", "ists", "ians", "ants", "ents", "ics", "ors", "people")) and not (
        noun.endswith("ments"))  # ("disagreements", "arguments")


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
        if is_verb(word, naming=True) or word.lower() in ("asked", "asks", "told", "tells", "questioned"):
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
        if toks[v][0] != "w" or not _finite(low):
            continue
        plural_like = low.endswith("s") and low not in _FINITE and low not in ("is", "has", "does")
        b = v - 1
        while b > lo and (toks[b][1].lower() in _AUXILIARIES or toks[b][1].lower() in _ADVERBS):
            b -= 1
        if _copula(toks, b + 1, qi):
            return None  # "the Surface Laptop is “not a laptop”": the quotation describes it
        for p in range(b, max(lo, b - 4), -1):  # "Sanders during a rally thanked"
            if toks[p][1].lower() in ("during", "at", "on", "in", "after", "before", "last", "this"):
                if p - 1 >= lo and any(c.tok_end == p and c.kind in ("person", "pron") for c in _before(para, p, p - 6)):
                    b = p - 1
                break
        m = next(_before(para, b + 1, max(lo, b - 8)), None)
        if m is not None and m.tok_end == b + 1 and not m.extra.get("poss") and not (
                m.extra.get("prep") and m.kind != "pron"):
            if m.kind == "pron" and m.words[0].lower() in ("it", "i", "we"):
                return None
            return m, toks[v][1]
        if plural_like:
            continue  # ("The gist of both previews: ..."): after no name an -s word is a noun
        desc = _descriptive_before(para, b + 1, lo)
        if desc is not None and (desc.role in ROLES or desc.role in TITLES or desc.role in ORG_ROLES
                                 or _plural_people(desc.role)):
            return desc, toks[v][1]  # people and bodies, not things ("the first one in 2010 has had")
        if desc is not None:
            return None
    return None


_BE = frozenset("is are was were be been being 's ’s".split())


def _copula(toks: list, k: int, qi: int) -> bool:
    """Whether the verb group from token ``k`` is a form of "be" (after any modal)
    that is not a progressive ("is insisting" reports; "is “not a laptop”" does not)."""
    while k < qi and toks[k][1].lower() in ("will", "would", "may", "might", "could", "can", "should", "must",
                                            "has", "have", "had", "not") or k < qi and toks[k][1].endswith("ly"):
        k += 1
    if k >= qi or toks[k][1].lower() not in _BE:
        return False
    nxt = toks[k + 1][1].lower() if k + 1 < qi else ""
    return not nxt.endswith("ing")


def _finite(low: str) -> bool:
    """A word that may be a finite verb: a modal or irregular past, or -ed, or -s."""
    return low in _FINITE or low in ("is", "are", "has", "does") or (
        len(low) > 3 and low.endswith(("ed", "s")) and not low.endswith(("ss", "'s", "us", "is")))
