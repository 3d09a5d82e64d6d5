"""Who said a quotation: read the frame around it for a speech verb and its subject.

Shapes handled: ``“...,” said X`` / ``“...,” X said`` (trailing), ``X said: “...”``,
``X, the role, stated, “...”``, ``X said Y was “...”`` (leading, partial quotes too),
``according to X``, a colon after a sentence naming X. Pronouns and role nouns are
resolved by ``Resolver``; continuation across sentences is left to the caller.
"""

from __future__ import annotations

from bisect import bisect_left

from newsreader.analysis.article import Para
from newsreader.analysis.lexicon import (
    CLAUSE_BREAKS, DETERMINERS, DOCUMENTS, INDEFINITES, INFINITIVE_VERBS, PRONOUNS, ROLES, SPEECH_VERBS, TITLES,
    TRAILING_VERBS,
)
from newsreader.analysis.names import Mention
from newsreader.analysis.phrases import (
    AMBIGUOUS, AUXILIARIES, FINITE, PASSIVE, PREPS, WHEN_WORDS, Found, descriptive, descriptive_before, head_noun, is_verb,
    mention_at, mentions_before, named_after_titles, person_ending, phrasal, plural_people, quantity_before,
    trailing_verb, verb_after_subject,
)
from newsreader.analysis.possessed import possessed_after, possessed_before
from newsreader.analysis.relatives import relative_subject
from newsreader.analysis.subjects import headline_label, sentence_subject

_PARTICIPLE_LEADS = frozenset(", and after before while when in by upon".split())





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
    if a + 1 < n and toks[a][1].lower() in AUXILIARIES and trailing_verb(toks[a + 1][1]):
        return a + 1  # "..., a coroner has ruled"

    for v in range(desc.tok + 2, min(n, desc.tok_end + 1)):
        if trailing_verb(toks[v][1]) and (v + 1 >= n or toks[v + 1][0] != "w" or toks[v + 1][1].lower() in (
                "in", "on", "at", "to", "from", "during", "after", "before", "of", "with")) and not (
                v + 1 < n and toks[v + 1][1].lower() == "to" and toks[v][1].lower() in INFINITIVE_VERBS):
            return v  # (not "the audience appeared to warm")
    return None


# Words of a clause that carries a reported one: "said he's certain (that) ...".
_COMPLEMENT_HEADS = frozenset("""certain sure confident convinced hopeful afraid worried believes
    thinks hopes expects knows feels fears""".split())


# Determiners that open a speaker put after the verb ("said one witness:", "added a
# spokesman,"), unlike "this" or "his" ("summarizes this perfectly:").
_INVERTED_DETS = frozenset("a an one another the some several many".split())


def _with_subject(para: Para, v: int, lo: int) -> Mention | None:
    """"..., with the veteran MP Gareth Powys saying ...": the name right before the
    participle, behind "with", is who speaks."""
    toks = para.toks
    m = next(mentions_before(para, v, max(lo, v - 10)), None)
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
    held = possessed_before(para, v, lo)
    if held is not None:
        return held  # "Powell’s office said": the office, not a name before it
    limit = v
    rel = relative_subject(para, v, lo, _subject_before)  # "X, who told reporters", "a sign that read"
    if rel is not None:
        return rel
    if v - 1 > lo and toks[v - 1][1] == ",":
        first = mention_at(para, lo, lo + 1)
        if (first is not None and first.tok == lo and first.kind in ("person", "role") and first.tok_end + 1 < v - 1
                and toks[first.tok_end][1] == "," and (toks[first.tok_end + 1][1].lower().endswith("ing")
                                                       or toks[first.tok_end + 1][1].lower() in ("who", "whose"))):
            return first  # "Justice Cote, writing on behalf of justices X, Y and Z, acknowledged"
        c = v - 2
        while c > lo and toks[c][1] != "," and v - c < 25:
            c -= 1
        if c >= lo and toks[c][1] == ",":
            limit = c
            for m in mentions_before(para, v - 1, c):  # "the developer, Northgate Holdings, said"
                if m.tok_end == v - 1 and m.tok <= c + 2 and m.kind in ("person", "org") or (
                        m.kind == "person" and m.tok <= c + 3 and toks[m.tok_end][1] == "(" and toks[v - 2][1] == ")"):
                    # (and "..., Gov. John Kasich (R-OH), said")
                    named = next(mentions_before(para, c, max(lo, c - 8)), None)
                    if (named is None or named.tok_end != c or named.kind != "person"
                            or named.extra.get("prep")):  # "the envoy in Oslo, Ana Berg, said"
                        holder = _appositive_holder(para, c, lo)
                        if holder is not None:
                            return holder
                        return m  # not "Gordon Kessler, a Republican, said"
                break
    best = None
    for m in mentions_before(para, limit, max(lo, limit - 60)):
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


def _appositive_holder(para: Para, c: int, lo: int) -> Mention | None:
    """"Ana Vian, the editor of the city's paper, The Courier, said": an
    organisation after a role phrase names where the person before it works; the
    person before the role phrase (closed by the comma at ``c``) is the subject."""
    toks = para.toks
    c2 = c - 1
    while c2 > lo and toks[c2][1] != "," and c - c2 < 16:
        if toks[c2][0] != "w":
            return None
        c2 -= 1
    if c2 <= lo or toks[c2][1] != "," or toks[c2 + 1][1].lower() not in ("the", "a", "an"):
        return None
    held = next(mentions_before(para, c2, max(lo, c2 - 6)), None)
    if held is not None and held.tok_end == c2 and held.kind == "person" and not (
            held.extra.get("prep") or held.extra.get("poss")):
        return held
    return None


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
        m = _according_to(para, j + 2)
        return (m, "according to") if m is not None else None
    m = mention_at(para, j, j + 5)
    if (m is None or (m.tok > j and m.kind != "role")) and toks[j][1].lower() not in ("that", "this", "these", "those"):
        desc = descriptive(para, j, n)  # "“...,” the editorial read" (not "the “X” that several rivals have")
        if desc is not None:
            v = _cue_in(para, desc, para.sent_of[j] == para.sent_of[qi])
            if v is not None:
                desc = descriptive(para, j, v)
                if desc is not None:
                    return person_ending(para, desc) or desc, toks[v][1]
    if (m is not None and m.tok == j + 1 and m.kind == "person" and not m.extra.get("poss")
            and toks[j][1].islower() and trailing_verb(toks[j][1])):
        return m, toks[j][1]  # "“...!” beamed Donald Hartley of Madison"
    if (toks[j][1] in TRAILING_VERBS and j + 1 < n and toks[j + 1][1].lower() in _INVERTED_DETS
            and para.sent_of[j] == para.sent_of[qi]):
        desc = descriptive(para, j + 1, n)  # "“...,” read the statement", "begins a message that"
        if desc is not None:
            return person_ending(para, desc) or desc, toks[j][1]
    if (toks[j][1].islower() or toks[j][1].isupper() and m is not None and m.tok > j) and (
            toks[j][1].lower() not in DETERMINERS and not trailing_verb(toks[j][1])):
        named = named_after_titles(para, j)  # "“...,” former governor Jeb Bush said"
        if named is None:
            named = _lower_subject(para, j, n)  # "“...,” federal prosecutors wrote"
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


def _according_to(para: Para, k: int) -> Mention | None:
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
            if (is_verb(low, naming=True) or verb_after_subject(para, k, lo) or _puts_it(toks, k, qi)) and not (
                    t[1][:1].isupper() and _inside_name(para, k)) and not (  # (not "Peter Brand")
                    k > lo and toks[k - 1][1].lower() in PASSIVE and not _progressive(toks, k)) and not (
                    k > lo and toks[k - 1][1].lower() == "to" and k + 1 < qi and toks[k + 1][1].lower() in ("a", "an", "the")):
                m = _verb_subject(para, k, lo, qi)
                if m is not None:
                    if m.kind == "pron" and m.tok - 1 > lo and toks[m.tok - 1][1].lower() == "what":
                        # "Cruz railed against what he calls the “...”": the pronoun is the
                        # sentence's subject, the mention the reader names
                        first = _first_subject(para, lo, m.tok - 1)
                        if first is not None and first.kind in ("person", "org") and (
                                m.gender in ("?", "o", first.gender) or first.gender == "?"):
                            return first, t[1]
                    if m.tok > lo:
                        outer = _outer_report(para, m.tok, lo)
                        if outer is not None:
                            return outer
                    return m, t[1]
            if low == "back" and k - 1 >= lo and phrasal(toks, k - 1):  # "Hillary shot back, “...”"
                m = _verb_subject(para, k - 1, lo, qi)
                if m is not None:
                    return m, toks[k - 1][1] + " back"
        k -= 1
    if qi - 1 >= lo and toks[qi - 1][1] == ":":
        m = _first_subject(para, lo, qi - 1)
        if m is None and toks[lo][1].lower() in INDEFINITES:
            m = descriptive(para, lo, qi - 1)  # "One skipper was blunt: “...”"
        if m is not None:
            return m, ":"
    found = headline_label(para, qi)
    if found is not None and (found[0].kind != "person" or all(w.isupper() for w in found[0].words)):
        return None  # outside a title-case headline only a person's name labels a line, not
        # "BRITISH BOWLS: Lawn bowls might not usually scream “...”"
    return found


def _opening_phrase(para: Para, lo: int, v: int) -> Mention | None:
    """A determiner phrase opening the sentence up to its first past-tense verb, as the
    subject of a participle later on: "One aide in the tower tried to play it down,
    saying ..."."""
    toks = para.toks
    if lo >= v or toks[lo][1].lower() not in DETERMINERS:
        return None
    e = next((k for k in range(lo + 2, min(v, lo + 12)) if toks[k][0] == "w" and toks[k][1].islower() and (
        toks[k][1] in FINITE or toks[k][1].endswith("ed"))), -1)
    desc = descriptive(para, lo, e) if e > 0 else None
    if desc is None or desc.tok_end != e:
        return None
    return person_ending(para, desc) or desc


def _puts_it(toks: list, k: int, qi: int) -> bool:
    """"As Amar, a law professor, put it, “...”": "put it" frames the words that follow."""
    return (toks[k][1].lower() in ("put", "puts") and k + 2 < qi + 1 and toks[k + 1][1].lower() == "it"
            and (k + 2 == qi or toks[k + 2][1] in (",", ":", "\u2014")))


def _inside_name(para: Para, k: int) -> bool:
    """Whether token ``k`` is a later word of a name ("Brand" of "Peter Brand")."""
    m = mention_at(para, k, k)
    return m is not None and m.tok < k < m.tok_end and m.kind in ("person", "org")


def _progressive(toks: list, k: int) -> bool:
    """"is telling", "was saying": a speech verb in -ing after a form of "be" speaks,
    unless it leads into another verb ("is continuing to build out its “...”")."""
    return toks[k][1].lower().endswith("ing") and not (k + 1 < len(toks) and toks[k + 1][1].lower() == "to"
                                                       and toks[k][1].lower() in ("continuing", "proceeding"))


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
    if k < lo or toks[k][0] != "w" or not is_verb(toks[k][1]):
        return None
    if toks[k][1].lower().endswith("ing"):
        # "Twitter explains the decision by saying that a government ... creates a “...”"
        if not (k > lo and toks[k - 1][1].lower() in ("by", ",")):
            return None
        m = _verb_subject(para, k, lo, p)
        return (m, toks[k][1]) if m is not None and m.kind != "desc" else None
    m = _subject_before(para, k, lo)
    return (m, toks[k][1]) if m is not None else None


def _coordinated_subject(para: Para, a: int, lo: int) -> Mention | None:
    """The subject of a verb joined by "and" at token ``a`` to a clause before it:
    "he backed Ana Ruiz over Ek and said", "as she thanked the state and boomed".
    The clause's own verb is the nearest past-tense or speech verb before "and"; with
    none ("Ruiz and Ek said") the words before "and" are a subject, not a clause."""
    toks = para.toks
    for k in range(a - 1, max(lo, a - 30), -1):
        word = toks[k][1]
        low = word.lower()
        if toks[k][0] == "p" and word in ";:":
            return None
        if toks[k][0] != "w" or not word.islower() or low in AUXILIARIES or low.endswith("ing"):
            continue
        if is_verb(low, naming=True) or low in FINITE or len(low) > 4 and low.endswith("ed"):
            b = k
            while b > lo and toks[b - 1][1].lower() in AUXILIARIES:
                b -= 1
            m = _subject_before(para, b, lo)
            if m is None or m.tok_end != b or m.kind == "rel" or m.extra.get("prep"):
                continue  # ("cast Ana as unqualified and accused": no subject right before)
            if any(t[1].lower() in CLAUSE_BREAKS and t[1].lower() != "and" for t in toks[lo:m.tok]):
                return None  # "X was quick to back him after he won and said": the main clause's
            return m
    return None


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
                if m is not None and m.kind == "rel":
                    continue  # "X ... paying an architect who said ..., saying": not the main clause
                if m is not None:
                    return m
        main = sentence_subject(para, v)  # past an opening phrase: "In response to X, Y rallied ..., saying"
        return main[0] if main is not None else _opening_phrase(para, lo, v) or _first_subject(para, lo, v)
    a = v - 1
    while a > lo and (toks[a][1].lower() in ("then", "also", "later", "quickly", "again")
                      or toks[a][1].islower() and toks[a][1].endswith("ly")):
        a -= 1  # "... and then tweeted that"
    if a > lo and toks[a][1].lower() == "and" and not word.endswith("ing"):
        m = _coordinated_subject(para, a, lo)
        if m is not None:
            return m  # "he backed Ana Ruiz over Ek and said": the subject of the verb before "and"
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
    if m is not None and m.kind == "rel" and toks[m.tok - 1][1] in (",", "\u2014", "\u2013") and any(
            toks[c][1] == toks[m.tok - 1][1] and toks[c + 1][0] != "q" for c in range(v + 1, qi)):
        return m.extra["antecedent"]  # "X, who has called Y “...”, told ... “...”": the relative
        # clause closed before this quotation; the main clause's subject speaks
    desc = descriptive_before(para, v, lo, word.endswith("ing")) or quantity_before(para, v, lo)
    # ("The ad says “...”", "21 percent said “...”")
    if desc is not None and (m is None or m.tok_end <= desc.tok) and not (
            m is not None and m.kind == "person" and m.tok_end == desc.tok - 1 and toks[m.tok_end][1] == ","
            and toks[v - 1][1] == ","):
        m = desc  # "As X attacked Y, the attendees chanted": the phrase at the verb, not Y
        # (but "Ana Vian, the editor of ..., said": the phrase is her appositive)
    if m is not None and word.endswith("ing") and m.tok > lo and toks[m.tok - 1][0] == "w" and (
            m.role in DOCUMENTS or m.role == "statement") and all(
                t[1].lower() in WHEN_WORDS or t[1][:1].isupper() for t in toks[m.tok_end:v]):
        # (also "released a statement Thursday night condemning")
        # "X released a statement saying ...": the statement is X's
        first = _first_subject(para, lo, m.tok)
        if first is not None:
            m = first
    if m is None and is_verb(word):  # not "called it “...”": an object is no speaker
        m = mention_at(para, v + 1, min(v + 4, qi))  # inverted: "said Smith: “...”"
        if m is not None and (m.kind == "pron" or m.extra.get("poss") or not (
                m.tok_end >= qi or toks[m.tok_end][1] in (",", ":", "\u2014", "\u2013"))):
            m = None  # (not "assured the American people that ...": an object)
    if m is None and is_verb(word) and v + 1 < qi and toks[v + 1][1].lower() in _INVERTED_DETS:
        m = descriptive(para, v + 1, qi)  # "said one witness: “...”"
        if m is not None and not (m.tok_end < qi and toks[m.tok_end][1] in (",", ":")):
            m = None  # "says the crossing “...”": the subject of what is reported
                      # (and "summarizes this perfectly: “...”" is no speaker)
    return m


