"""Who said a quotation: read the frame around it for a speech verb and its subject.

Shapes handled here (leading): ``X said: “...”``, ``X, the role, stated, “...”``,
``X said Y was “...”`` (partial quotes too), ``according to X``, a colon after a
sentence naming X; the frames after a quotation are read in ``trailing``. Pronouns
and role nouns are resolved by ``Resolver``; continuation across sentences is left
to the caller.
"""

from __future__ import annotations

from bisect import bisect_left

from newsreader.analysis.article import Para
from newsreader.analysis.lexicon import CLAUSE_BREAKS, DETERMINERS, DOCUMENTS, INDEFINITES
from newsreader.analysis.names import Mention
from newsreader.analysis.phrases import (
    AUXILIARIES, FINITE, PASSIVE, WHEN_WORDS, Found, descriptive, descriptive_before, is_verb, mention_at,
    mentions_before, person_ending, phrasal, quantity_before, verb_after_subject,
)
from newsreader.analysis.possessed import possessed_before
from newsreader.analysis.relatives import relative_subject
from newsreader.analysis.subjects import headline_label, sentence_subject
from newsreader.analysis.trailing import INVERTED_DETS, according_to

_PARTICIPLE_LEADS = frozenset(", and after before while when in by upon".split())




# Words of a clause that carries a reported one: "said he's certain (that) ...".
_COMPLEMENT_HEADS = frozenset("""certain sure confident convinced hopeful afraid worried believes
    thinks hopes expects knows feels fears""".split())


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
                m = according_to(para, k + 2)
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
    if m is None and is_verb(word) and v + 1 < qi and toks[v + 1][1].lower() in INVERTED_DETS:
        m = descriptive(para, v + 1, qi)  # "said one witness: “...”"
        if m is not None and not (m.tok_end < qi and toks[m.tok_end][1] in (",", ":")):
            m = None  # "says the crossing “...”": the subject of what is reported
                      # (and "summarizes this perfectly: “...”" is no speaker)
    return m


