"""Who said a quotation, read after it: ``“...,” said X``, ``“...,” X said``,
``“...,” the sign read``, ``“...,” according to X``.

``trailing(para, qi)`` reads the frame right after the quotation token ``qi``;
``according_to`` reads who stands after "according to" (also before a quotation).
"""

from __future__ import annotations

from bisect import bisect_left

from newsreader.analysis.article import Para
from newsreader.analysis.lexicon import (
    CLAUSE_BREAKS, DETERMINERS, DOCUMENTS, INFINITIVE_VERBS, PRONOUNS, ROLES, SPEECH_VERBS, TITLES,
    TRAILING_VERBS,
)
from newsreader.analysis.names import Mention
from newsreader.analysis.phrases import (
    AMBIGUOUS, AUXILIARIES, PREPS, Found, closing_verb, descriptive, head_noun, is_verb, mention_at, named_after_titles,
    person_ending, phrasal, plural_people, trailing_verb,
)
from newsreader.analysis.possessed import possessed_after


def _cue_in(para: Para, desc: Mention, tight: bool) -> int | None:
    """The cue ending a determiner phrase read after a quotation: a speech verb
    after it, or (in the quotation's own sentence) a verb that only this slot makes
    a cue ("the sign read.", "the candidate fumed"), closing the clause."""
    toks, n = para.toks, len(para.toks)
    if desc.tok_end < n and (is_verb(toks[desc.tok_end][1]) or closing_verb(toks, desc.tok_end)):
        return desc.tok_end
    if not tight:
        return None
    a = desc.tok_end
    if a + 1 < n and toks[a][1].lower() in AUXILIARIES and trailing_verb(toks[a + 1][1]):
        return a + 1  # "..., a coroner has ruled"

    for v in range(desc.tok + 2, min(n, desc.tok_end + 1)):
        if trailing_verb(toks[v][1]) and (v + 1 >= n or toks[v + 1][0] != "w" or toks[v + 1][1].lower() in (
                "in", "on", "at", "to", "from", "during", "after", "before", "of", "with")) and not (
                v + 1 < n and toks[v + 1][1].lower() == "to" and toks[v][1].lower() in INFINITIVE_VERBS):
            return v  # (not "the audience appeared to warm")
    return None


# Determiners that open a speaker put after the verb ("said one witness:", "added a
# spokesman,"), unlike "this" or "his" ("summarizes this perfectly:").
INVERTED_DETS = frozenset("a an one another the some several many".split())


def trailing(para: Para, qi: int) -> Found | None:
    """``“...,” said X`` / ``“...,” X said`` / ``“...,” according to X``."""
    toks, n = para.toks, len(para.toks)
    j = qi + 1
    while j < n and (toks[j][1] in (",", "\u2014", "\u2013", "-") or toks[j][1] in ("'", "\u2019") and j == qi + 1):
        # (and a stray third mark: "''...,''' Mr. Ek said")
        j += 1
    if j >= n or toks[j][0] != "w":
        return None
    if is_verb(toks[j][1]) or _inverted_ambiguous(para, j):
        if j + 1 < n and toks[j + 1][1].lower() == "that":
            return None  # "..., said that AT&T ...": the verb reports a clause, its subject is before
        m = mention_at(para, j + 1, j + 4)
        if m is not None and not all(t[1].lower() in DETERMINERS or t[1].lower() in TITLES or t[1] == "."
                                     or t[1][:1].isupper() for t in toks[j + 1:m.tok]):
            m = None  # "“...,” said last night’s Democratic wins were": no speaker after the verb
        if m is None or m.kind in ("role", "desc"):
            m = named_after_titles(para, j + 1) or m  # "says food writer and broadcaster Tim Hayward"
        if (m is None or m.tok > j + 1) and not toks[j][1].lower().endswith("ing"):
            desc = descriptive(para, j + 1, n)  # "said a person close to the Clintons"
            if desc is not None and not (m is not None and all(w[:1].isupper() for w in desc.words[1:])):
                m = person_ending(para, desc) or desc  # (but "reports The Verge" is a name)
        if m is not None and m.kind == "org":  # "said Met Office meteorologist Claire Dunmore"
            nxt = mention_at(para, m.tok_end, m.tok_end + 1)
            if nxt is not None and nxt.kind == "person" and nxt.tok == m.tok_end:
                m = nxt
            else:
                m = named_after_titles(para, m.tok_end) or m  # "said Anker spokesperson Eric Villines"
        return (m, toks[j][1]) if m is not None else None
    if toks[j][1].lower() == "according" and j + 1 < n and toks[j + 1][1].lower() == "to":
        m = according_to(para, j + 2)
        return (m, "according to") if m is not None else None
    m = mention_at(para, j, j + 5)
    if (m is None or (m.tok > j and m.kind != "role")) and toks[j][1].lower() not in ("that", "this", "these", "those"):
        desc = descriptive(para, j, n)  # "“...,” the editorial read" (not "the “X” that several rivals have")
        if desc is not None:
            v = _cue_in(para, desc, para.sent_of[j] == para.sent_of[qi])
            if v is not None:
                desc = descriptive(para, j, v)
                if desc is not None:
                    if (m is not None and m.kind in ("org", "person") and m.tok == desc.tok + 1 and len(m.words) > 1
                            and m.tok_end == desc.tok_end and not m.extra.get("poss")):
                        return m, toks[v][1]  # "the Harbour Gazette reports": the name (but "the
                        # German said", "the AFP said" are resolved as described speakers)
                    return person_ending(para, desc) or desc, toks[v][1]
    if (m is not None and m.tok == j + 1 and m.kind == "person" and not m.extra.get("poss")
            and toks[j][1].islower() and trailing_verb(toks[j][1])):
        return m, toks[j][1]  # "“...!” beamed Donald Hartley of Madison"
    if (toks[j][1] in TRAILING_VERBS and j + 1 < n and toks[j + 1][1].lower() in INVERTED_DETS
            and para.sent_of[j] == para.sent_of[qi]):
        desc = descriptive(para, j + 1, n)  # "“...,” read the statement", "begins a message that"
        if desc is not None:
            return person_ending(para, desc) or desc, toks[j][1]
    if (toks[j][1].islower() or toks[j][1].isupper() and m is not None and m.tok > j) and (
            toks[j][1].lower() not in DETERMINERS and not trailing_verb(toks[j][1])):
        named = named_after_titles(para, j)  # "“...,” former governor Jeb Bush said"
        if named is None:
            named = _lower_subject(para, j, n)  # "“...,” federal prosecutors wrote"
        if named is not None and named.kind == "person":
            named = _last_named(para, named)
        if named is not None:
            k = _past_qualifier(para, named.tok_end)  # ("former Gov. Jeb Bush of Florida said")
            if k < n and (is_verb(toks[k][1]) or para.sent_of[j] == para.sent_of[qi] and (
                    trailing_verb(toks[k][1]) or phrasal(toks, k))):
                return named, toks[k][1]
    if m is not None and any(t[1].lower() not in DETERMINERS for t in toks[j:m.tok]) and not _titled_role(toks, j, m):
        return None  # "“...” for the governor, ... said X": the role is no subject
    first = m
    if (m is not None and m.kind in ("org", "person") and m.tok <= j + 1 and m.tok_end < n
            and toks[m.tok_end][0] == "w" and toks[m.tok_end][1].islower()):
        named = named_after_titles(para, m.tok_end)  # "“...,” Anker spokeperson Eric Villines tells me"
        if named is not None and named.tok - m.tok_end <= 3 and all(
                t[1] in TITLES or t[1] in ROLES or not (t[1].endswith(("s", "ed")) or t[1] in PREPS)
                for t in toks[m.tok_end:named.tok]):
            m = named  # (not "Blige sings to Clinton", "Trump accused Holt")
    if m is not None and m.kind == "role" and m.tok <= j + 1 and m.extra.get("appos") is None:
        m = _named_after_comma(para, m.tok_end) or m  # "Orrin's chief executive, Ana Ruiz, said"
    while m is not None and m.extra.get("poss") and m.tok_end < n:  # "Norway's minister, X, said"
        m = (named_after_titles(para, m.tok_end) or _named_after_comma(para, m.tok_end)
             or possessed_after(para, m, n) or mention_at(para, m.tok_end, m.tok_end + 3))  # ("Ryan’s office said")
    if m is None or m.extra.get("poss") or (first.tok > j + 1 and m.kind != "role"):
        return None
    k = m.tok_end
    appos = m.extra.get("appos")
    if m.kind == "role" and appos is not None and m.tok_end < appos.tok <= m.tok_end + 4:
        k = appos.tok_end  # "the representative in Pakistan, Marta Solberg, said"
    if m.kind == "role" and k + 1 < n and toks[k][1].lower() in ("of", "for"):
        held = mention_at(para, k + 1, k + 4)  # "Secretary of Treasury Janet L. Yellen said"
        if held is not None and held.kind == "person" and not held.extra.get("poss"):
            m, k = held, held.tok_end
    k = _past_qualifier(para, k)
    end = k
    if para.sent_of[j] != para.sent_of[qi]:  # "“...” X told reporters." must be tight
        if m.kind == "org" or k >= n or not (is_verb(toks[k][1]) or phrasal(toks, k)):
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
        if kind == "w" and k == end and phrasal(toks, k):
            return (m, word + " " + toks[k + 1][1])  # "“...?” Trump went on"
        if kind == "w" and k == end and para.sent_of[j] == para.sent_of[qi] and (
                trailing_verb(word) or word.lower() in SPEECH_VERBS):
            return (m, word)  # "“...,” she fumed", "“...,” he notes", "“...,” Ana shot back"
        if kind == "w" and k > end + 3 and toks[end][1] != ",":
            return None
        k += 1
    return None


def _last_named(para: Para, m: Mention) -> Mention:
    """The speaker a run of names and titles before the verb ends on: "former FBI agent
    Tim Gill" (an acronym first), "former George Bush speechwriter Noam Neusner" (the
    first name qualifies the title), "experts Ana Ruiz and Olek Brand" (two speakers:
    the first is reported, the run read to its end)."""
    toks, n = para.toks, len(para.toks)
    for _ in range(3):
        k = m.tok_end
        if k < n and toks[k][1] == "and":
            nxt = mention_at(para, k + 1, k + 2)
            if nxt is not None and nxt.kind == "person" and nxt.tok == k + 1:
                head = Mention(m.kind, m.tok, nxt.tok_end, m.start, m.end, m.words, m.role, m.gender, m.entity,
                               m.extra)
                return head  # (the mention stays the first name; the verb follows the second)
        j = k
        while j < min(n, k + 3) and toks[j][0] == "w" and toks[j][1].islower() and (
                toks[j][1] in TITLES or toks[j][1].endswith(("er", "or", "ist", "ant", "ent"))):
            j += 1
        nxt = mention_at(para, j, j + 1) if j > k or m.words[0].isupper() and len(m.words) == 1 else None
        if nxt is None or nxt.kind != "person" or not k <= nxt.tok <= j or nxt.extra.get("poss"):
            return m
        m = nxt
    return m


def _titled_role(toks: list, j: int, m: Mention) -> bool:
    """Whether the words from ``j`` to role ``m`` are a determiner and a few lower-case
    modifiers of it: "“...,” the former Florida governor said" (not "a commitment the
    council later wrote", nor "for the governor")."""
    words = toks[j:m.tok]
    if (m.kind != "role" or not words or words[0][1].lower() not in DETERMINERS or len(words) > 4
            or toks[m.tok][1].lower() in DETERMINERS):
        return False
    return all(t[0] == "w" and t[1].islower() and t[1] not in DETERMINERS and t[1] not in PREPS
               and t[1] not in CLAUSE_BREAKS and not is_verb(t[1]) for t in words[1:])


def _named_after_comma(para: Para, lo: int) -> Mention | None:
    """"Orrin's chief human resources officer, Ana Ruiz, told": the person set off
    by commas after lower-case title words."""
    toks = para.toks
    k = lo
    while k < min(len(toks), lo + 8) and toks[k][0] == "w" and toks[k][1].islower() and not (
            is_verb(toks[k][1]) or toks[k][1] in CLAUSE_BREAKS or toks[k][1] in PREPS):
        k += 1
    if k == lo or k + 1 >= len(toks) or toks[k][1] != "," or toks[k - 1][1] not in ROLES | TITLES and not (
            toks[k - 1][1].endswith(("er", "or", "ist", "ent", "ant", "ive"))):
        return None
    m = mention_at(para, k + 1, k + 2)
    if m is not None and m.kind == "person" and m.tok == k + 1 and not m.extra.get("poss") and (
            m.tok_end < len(toks) and toks[m.tok_end][1] == ","):
        return m
    return None


_OWNER = {"his": "he", "her": "she", "their": "they", "its": "it"}


def according_to(para: Para, k: int) -> Mention | None:
    """Who stands after "according to" at token ``k``: a name, or for "his book X",
    "her memoir X" the owner (the pronoun's person), not the title of the work."""
    toks = para.toks
    if k + 1 < len(toks) and toks[k][1].lower() in ("a", "an", "the") and toks[k + 1][1].lower() in (
            DOCUMENTS | {"thread", "interview"}):
        by = next((b for b in range(k + 2, min(len(toks), k + 7)) if toks[b][1].lower() == "by"), -1)
        if by > 0:  # "according to a thread [1] by Twitter’s head of site integrity, Yoel Roth"
            m = mention_at(para, by + 1, by + 3)
            if m is not None and m.extra.get("poss"):
                i = bisect_left(para.mtoks, by + 1)
                m = next((c for c in para.mentions[i:i + 6] if c.tok <= by + 10 and c.kind == "person"
                          and not c.extra.get("poss") and toks[c.tok - 1][1] == ","), m)
            if m is not None:
                return m
    if k + 1 < len(toks) and toks[k][1].lower() in _OWNER and toks[k + 1][1].lower() in _WORKS:
        word = _OWNER[toks[k][1].lower()]
        return Mention("pron", k, k + 1, toks[k][2], toks[k][3], (word,), gender=PRONOUNS[word],
                       extra={"para": para.idx, "sid": para.sent_of[k]})
    m = mention_at(para, k, k + 3)
    if m is None or m.tok > k and k < len(toks) and toks[k][1].lower() in DETERMINERS:
        # "according to the budget office", "according to a court filing": the phrase
        # itself, as "the report said" is (a name inside it still wins: "the Times")
        desc = descriptive(para, k, len(toks))
        if desc is not None and (m is None or m.tok >= desc.tok_end or m.kind not in ("org", "person")):
            return person_ending(para, desc) or desc
    return m


_WORKS = frozenset("book memoir autobiography biography novel column blog diary".split())


def _lower_subject(para: Para, j: int, n: int) -> Mention | None:
    """A lower-case phrase without a determiner right after a quotation and before a
    speech verb: "federal prosecutors wrote", "nuclear experts said"."""
    toks = para.toks
    k = j
    while k < min(n, j + 5) and toks[k][0] == "w" and toks[k][1].islower() and not is_verb(toks[k][1]) and (
            toks[k][1] not in CLAUSE_BREAKS and toks[k][1] not in PREPS):
        k += 1
    if k == j or k >= n or not is_verb(toks[k][1]) or not (plural_people(toks[k - 1][1]) or toks[k - 1][1] in ROLES):
        return None
    words = tuple(t[1] for t in toks[j:k])
    return Mention("desc", j, k, toks[j][2], toks[k - 1][3], words=words, role=head_noun(words),
                   extra={"para": para.idx})


def _past_qualifier(para: Para, k: int) -> int:
    """The token after what qualifies a speaker's name before the verb: "X of the
    American Enterprise Institute wrote", "Rep. X (D-N.Y.) said"."""
    toks, n = para.toks, len(para.toks)
    if k < n and toks[k][1] == "(":
        close = next((c for c in range(k + 1, min(n, k + 10)) if toks[c][1] == ")"), -1)
        return close + 1 if close > 0 else k
    if k < n and toks[k][1].lower() in ("of", "at", "from"):
        m = mention_at(para, k + 1, k + 3)
        if m is not None and m.kind in ("org", "person", "place") and all(
                t[1].lower() == "the" for t in toks[k + 1:m.tok]):  # (and "Jeb Bush of Florida said")
            return m.tok_end
    return k


def _inverted_ambiguous(para: Para, j: int) -> bool:
    """"“...,” reports The Verge", "notes Ana Ruiz": a word that may be a noun is the
    speech verb when it follows the quotation's comma and a name comes right after."""
    toks = para.toks
    if toks[j][1].lower() not in AMBIGUOUS or toks[j][1].lower() not in SPEECH_VERBS or toks[j][1][:1].isupper():
        return False
    m = mention_at(para, j + 1, j + 3)
    if m is not None and m.tok == j + 2 and toks[j + 1][1] != "The":
        return False
    return (m is not None and m.kind in ("person", "org") and not m.extra.get("poss")
            and (toks[j - 1][0] == "q" or toks[j - 1][1] in (",", "\u2014", "\u2013")))
