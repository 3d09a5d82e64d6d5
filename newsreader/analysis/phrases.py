"""Noun phrases and verbs around a quotation: the pieces attribution reads with.

Who a described speaker is ("the editorial", "Tenants of the block", "the U.S.
media"), whether a word can be a speech verb or a finite verb, where a mention
starts or ends. Pure functions over a paragraph's tokens.
"""

from __future__ import annotations

from bisect import bisect_left

from newsreader.analysis.article import Para
from newsreader.analysis.lexicon import (
    CLAUSE_BREAKS, DETERMINERS, DOCUMENTS, NAMING_VERBS, ROLES, SPEECH_VERBS, STOPWORDS, TITLES, TRAILING_VERBS,
)
from newsreader.analysis.names import Mention

Found = tuple  # what a frame reader gives: (Mention, cue token text)
PASSIVE = frozenset("was were been being is are be get got".split())


AMBIGUOUS = frozenset(
    """state states note notes report reports post posts comment comments answer answers
    claim claims question questions charge charges object objects estimate estimates
    quote quotes counter counters tweet tweets promise promises protest protests demand
    demands joke jokes remark remarks mention mentions stress stresses echo echoes
    cry cries reply replies reason reasons query queries sum sums put puts point points
    laugh laughs sigh sighs call calls counsel reflect reflects concern advise""".split()
)


AUXILIARIES = frozenset(
    "has had have was is also then once later previously recently publicly repeatedly would will".split())


def trailing_verb(word: str) -> bool:
    """A cue in the slot right after a quotation and its speaker ("“...,” the sign
    read", "“...,” she fumed"): a speech verb, or any past-tense verb there."""
    low = word.lower()
    return is_verb(word) or low in TRAILING_VERBS or (
        word.islower() and len(low) > 4 and low.endswith("ed"))


_BACK_VERBS = frozenset("shot fired hit pushed snapped wrote shoots fires hits pushes snaps writes".split())


_SUBJECT_PRONOUNS = frozenset("he she they i we who".split())


_PARTICLE_VERBS = {  # "shot back", "went on", "chimed in"
    "back": _BACK_VERBS,
    "on": frozenset("went goes go continued".split()),
    "in": frozenset("chimed chimes chime".split()),
}


def phrasal(toks: list, k: int) -> bool:
    """"shot back", "went on", "chimed in": a verb that alone says nothing, with its particle."""
    return (k + 1 < len(toks) and toks[k][1].lower() in _PARTICLE_VERBS.get(toks[k + 1][1].lower(), ()))


def verb_after_subject(para: Para, k: int, lo: int) -> bool:
    """A word that may be a noun ("jokes", "notes", "claims", "calls") is a speech
    verb right after a subject pronoun or a name: "He jokes, “...”", "Ana Ruiz notes
    that", "The mayor calls the plan “a disgrace”"."""
    toks = para.toks
    low = toks[k][1].lower()
    if low not in AMBIGUOUS or low not in SPEECH_VERBS and low not in NAMING_VERBS or k - 1 < lo:
        return False
    if toks[k - 1][1].lower() in _SUBJECT_PRONOUNS:
        return True
    ms = para.mentions
    i = bisect_left(para.mtoks, k) - 1
    if i >= 0 and ms[i].tok_end == k and ms[i].kind == "person" and not ms[i].extra.get("poss"):
        return True
    if toks[k - 1][0] != "w" or not toks[k - 1][1].islower():
        return False
    desc = descriptive_before(para, k, lo)  # "The ad claims", "the document states"
    return desc is not None and desc.tok_end == k and (desc.role in DOCUMENTS or desc.role in ROLES)


def closing_verb(toks: list, k: int) -> bool:
    """A word that may be a noun ("states", "reports", "notes") is a speech verb when it
    closes the sentence or clause right after its subject: "“...,” the ad states."."""
    low = toks[k][1].lower()
    return (low in AMBIGUOUS and low in SPEECH_VERBS and low.endswith("s") and toks[k][1].islower()
            and k + 1 < len(toks) and toks[k + 1][1] in (".", ","))


def is_verb(word: str, naming: bool = False) -> bool:
    low = word.lower()
    if low in AMBIGUOUS:
        return False
    return low in SPEECH_VERBS or (naming and low in NAMING_VERBS)


def descriptive(para: Para, d: int, stop: int) -> Mention | None:
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
        if kind != "w" or word.lower() in CLAUSE_BREAKS or is_verb(word) or word.lower() in NOT_IN_SUBJECT - {"to"} or (
                e > d + 1 and closing_verb(toks, e)):
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
    if head_noun(words) in _WORDS_FOR_WORDS:
        return None  # "‘an invincible summer’, a term attributed to Camus": words, no speaker
    return Mention("desc", d, e, toks[d][2], toks[e - 1][3], words=words, role=head_noun(words),
                   extra={"para": para.idx})


def _initial_dot(toks: list, k: int) -> bool:
    """The full stop of an initial inside a phrase: "U.S.", "U.N."."""
    return (toks[k][1] == "." and k > 0 and len(toks[k - 1][1]) == 1 and toks[k - 1][1].isupper()
            and toks[k - 1][3] == toks[k][2])


def descriptive_before(para: Para, v: int, lo: int, participle: bool = False) -> Mention | None:
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
    while b > lo and (toks[b][1].lower() in AUXILIARIES or toks[b][1].endswith("ly")):
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
        return bare_subject(para, v, lo)
    m = descriptive(para, d, v)
    if m is None or m.tok_end != v or any(t[1].lower() in NOT_IN_SUBJECT for t in toks[d + 1:v]):
        return None
    return m


def bare_subject(para: Para, v: int, lo: int) -> Mention | None:
    """A noun phrase without a determiner opening the sentence and running to the
    verb: "Source familiar with the talks says", "Proponents of the bill say"."""
    toks = para.toks
    if not 0 < v - lo <= 8 or not toks[lo][1][:1].isupper() or mention_at(para, lo, lo + 1) is not None:
        return None
    words = toks[lo:v]
    if words[0][1].lower().endswith(("ed", "ing", "ly")):
        return None  # "Horrified at the prospect, ...": a participle, no subject
    if any(t[0] != "w" or t[1].lower() in CLAUSE_BREAKS or t[1].lower() in NOT_IN_SUBJECT
           or t[1].lower() in STOPWORDS and t is words[0] or is_verb(t[1]) or t[1].endswith("ing")
           for t in words):
        return None
    while len(words) > 1 and (words[-1][1].lower() in WHEN_WORDS or words[-1][1].lower() in _TIME_NOUNS):
        words, v = words[:-1], v - 1  # "Regulators last week threatened": the time is no part of the subject
    phrase = tuple(t[1] for t in words)
    return Mention("desc", lo, v, toks[lo][2], toks[v - 1][3], words=phrase, role=head_noun(phrase),
                   extra={"para": para.idx})


WHEN_WORDS = frozenset("today yesterday night morning afternoon evening late early on last this".split())
_TIME_NOUNS = frozenset("""week month year weekend monday tuesday wednesday thursday friday saturday
    sunday""".split())


PREPS = frozenset("to in at on of for with by from about into over against".split())


_WORDS_FOR_WORDS = frozenset("term terms phrase word words slogan name title label nickname expression motto".split())


_POSTMODIFIERS = frozenset("of for at in from with on close familiar who which that".split())


def head_noun(words: tuple) -> str:
    """The head noun of a phrase: the word before its first preposition or relative
    ("Tenants of the block" -> tenants, "a person close to the talks" -> person)."""
    for k in range(1, len(words)):
        if words[k].lower() in _POSTMODIFIERS:
            return words[k - 1].lower()
    return words[-1].lower()


# Words a subject noun phrase does not hold: "a report this month charging", "the
# party to respond", "a previous case to say" are objects and adverbials.
NOT_IN_SUBJECT = frozenset("to had has have was were is are".split())


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


def mention_at(para: Para, lo: int, hi: int) -> Mention | None:
    """The first mention starting within tokens [lo, hi) (or running over ``lo``)."""
    ms = para.mentions
    i = bisect_left(para.mtoks, lo)
    if i > 0 and ms[i - 1].tok < lo < ms[i - 1].tok_end and ms[i - 1].kind != "pron":
        return ms[i - 1]
    if i < len(ms) and ms[i].tok < hi:
        return ms[i]
    return None


def mentions_before(para: Para, limit: int, lo: int):
    """Mentions ending by token ``limit`` and starting at ``lo`` or later, nearest first."""
    ms = para.mentions
    i = bisect_left(para.mtoks, limit) - 1
    while i >= 0 and ms[i].tok >= lo:
        if ms[i].tok_end <= limit:
            yield ms[i]
        i -= 1


def person_ending(para: Para, desc: Mention) -> Mention | None:
    """The person named at the end of a described speaker: "a visibly tired Sample",
    "the party's vice-presidential nominee Ann Example"."""
    for m in mentions_before(para, desc.tok_end, desc.tok + 2):  # (not "the AFP": a name after "the" alone)
        return m if m.kind == "person" and m.tok_end == desc.tok_end and not m.extra.get("poss") else None
    return None


def named_after_titles(para: Para, lo: int) -> Mention | None:
    """A person named after lower-case title words ("food writer and broadcaster Tim
    Hayward", "senior vice president Ana Ruiz"): no punctuation in between."""
    toks = para.toks
    for k in range(lo, min(len(toks), lo + 8)):
        if toks[k][0] != "w":
            return None
        m = mention_at(para, k, k + 1)
        if m is not None and m.kind == "person" and m.tok == k and not m.extra.get("poss"):
            return m if k > lo else None
        if toks[k][1][:1].isupper() and (m is None or m.kind not in ("role", "org", "place")) and not (
                m is None and toks[k][1].isupper() and len(toks[k][1]) <= 4):  # ("US Senator Jeff Sessions")
            return None
        low = toks[k][1].lower()
        if is_verb(low) or low in CLAUSE_BREAKS - {"and"} or low in WHEN_WORDS or low in PREPS and not (
                low == "of" and k > lo and toks[k - 1][1].lower() in TITLES) or (  # ("secretary of state X")
                toks[k][1].islower() and low.endswith(("'s", "\u2019s"))):
            return None  # ("said last night’s Democratic wins were": no titles)
    return None


ADVERBS = frozenset("always never still just even already often not also ever again".split())


# Finite verbs that do not end in -s or -ed: irregular pasts and modals.
FINITE = frozenset("""took made gave said told wrote ran won lost put set brought sought thought
    kept left felt held stood drew threw knew grew saw came became began spoke broke chose rose
    drove got went did had was were will would can could should may might must shall cut hit
    let led paid sent spent meant heard found fought taught caught bought built sang swore
    wore tore struck hung laid put read""".split())


def plural_people(noun: str | None) -> bool:
    """"protesters", "supporters", "critics": groups of people that say things."""
    return bool(noun) and noun.endswith(("ers", "ists", "ians", "ants", "ents", "ics", "ors", "people")) and not (
        noun.endswith("ments"))  # ("disagreements", "arguments")


_BE = frozenset("is are was were be been being 's ’s".split())


def copula(toks: list, k: int, qi: int) -> bool:
    """Whether the verb group from token ``k`` is a form of "be" (after any modal)
    that is not a progressive ("is insisting" reports; "is “not a laptop”" does not)."""
    while k < qi and toks[k][1].lower() in ("will", "would", "may", "might", "could", "can", "should", "must",
                                            "has", "have", "had", "not") or k < qi and toks[k][1].endswith("ly"):
        k += 1
    if k >= qi or toks[k][1].lower() not in _BE:
        return False
    nxt = toks[k + 1][1].lower() if k + 1 < qi else ""
    return not nxt.endswith("ing")


def finite(low: str) -> bool:
    """A word that may be a finite verb: a modal or irregular past, or -ed, or -s."""
    return low in FINITE or low in ("is", "are", "has", "does") or (
        len(low) > 3 and low.endswith(("ed", "s")) and not low.endswith(("ss", "'s", "us", "is")))


_QUANT_LEADS = frozenset("about only nearly almost roughly just some over under fewer more than".split())


def quantity_before(para: Para, v: int, lo: int) -> Mention | None:
    """A share of people as the subject of verb ``v``: "21 percent said", "About four
    in 10 said", "Only 52 percent of registered voters agreed" (a poll's respondents)."""
    toks = para.toks
    b = v - 1
    while b > lo and (toks[b][1].lower() in AUXILIARIES or toks[b][1].lower() in ADVERBS):
        b -= 1
    end = b + 1
    k = b
    if k - 2 >= lo and toks[k][1].islower() and not (toks[k][1] in ("percent",) or toks[k][1].isdigit()):
        of = next((j for j in range(k - 1, max(lo - 1, k - 5), -1) if toks[j][1].lower() == "of"), -1)
        if of < 0 or not all(t[0] == "w" and t[1].islower() for t in toks[of + 1:k + 1]):
            return None
        k = of - 1  # "52 percent of registered voters"
    if k - 1 >= lo and toks[k][1].lower() in ("percent", "%"):
        k -= 1
    elif k - 2 >= lo and toks[k - 1][1].lower() == "in" and toks[k][1].isdigit():
        k -= 2  # "four in 10"
    else:
        return None
    if k < lo or not (toks[k][1].replace(".", "").isdigit() or toks[k][1].lower() in _NUMBER_WORDS):
        return None
    while k - 1 >= lo and toks[k - 1][1].lower() in _QUANT_LEADS:
        k -= 1
    if k > lo and toks[k - 1][0] == "w" and toks[k - 1][1].lower() not in ("and", "but", "while", "which", "whom"):
        return None  # ("cut taxes by 20 percent said": no subject)
    words = tuple(t[1] for t in toks[k:end])
    return Mention("desc", k, end, toks[k][2], toks[end - 1][3], words=words, role="percent",
                   extra={"para": para.idx, "share": True})


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten half".split())
