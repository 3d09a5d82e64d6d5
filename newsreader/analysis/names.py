"""Tokens, sentences and mentions of people, roles and institutions in a paragraph.

A mention is a run of capitalised words ("Russian Foreign Minister Sergey Lavrov"),
split into the titles and roles in front and the name proper; a pronoun; or a role
noun ("the spokesman"). Case slips are mended for display ("dr. elena Petrova").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsreader.analysis.given_names import gender_of
from newsreader.analysis.places import is_place
from newsreader.analysis.lexicon import (
    ABBREVIATIONS, ORG_HEADS, ORG_ROLES, SPEECH_VERBS, PARTICLES, PRONOUNS, ROLE_SYNONYMS, ROLES, STOPWORDS, TITLES,
)

_TOKEN = re.compile(r"(\w+(?:['\u2019\-]\w+|(?<=[A-Z])&[A-Z]\w*)*)|[^\w\s]")  # "AT&T" is one word
_POSSESSIVE = ("\u2019s", "'s", "\u2019", "'")
_FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess",
                  "spokeswoman", "chairwoman", "councilwoman", "wife", "mother", "daughter",
                  "sister", "woman", "actress", "businesswoman", "grandmother", "aunt", "niece",
                  "girl", "widow", "congresswoman"}
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "spokesman", "chairman",
                "councilman", "father", "fr", "husband", "son", "brother", "man", "businessman",
                "grandfather", "uncle", "nephew", "boy", "widower", "congressman", "fisherman"}
DEMONYMS = frozenset(
    """russian american british french german chinese ukrainian israeli iranian
    palestinian indian pakistani japanese korean turkish syrian iraqi egyptian saudi
    italian spanish polish dutch belgian swedish norwegian danish finnish greek
    canadian mexican brazilian australian irish scottish welsh english european
    african nigerian kenyan afghan lebanese jordanian qatari emirati hungarian czech
    romanian serbian belarusian georgian armenian taiwanese vietnamese indonesian
    u s uk un eu us nato white kremlin""".split()
)


@dataclass
class Mention:
    """A mention: token range, character range of the name part, and what it is."""

    kind: str  # "person" | "org" | "role" | "pron"
    tok: int  # first token of the whole mention (titles included)
    tok_end: int  # one past its last token
    start: int  # character span of the part the attribution rests on
    end: int
    words: tuple[str, ...] = ()  # name words, display-cased
    role: str | None = None  # role noun or title attached to it
    gender: str = "?"
    entity: int = -1  # index into the article's entities once resolved
    extra: dict = field(default_factory=dict)


def tokenize(text: str, start: int, end: int) -> list[list]:
    """Word and punctuation tokens of ``text[start:end]`` as [kind, text, start, end]."""
    return [["w" if m.lastindex else "p", m.group(), m.start(), m.end()]
            for m in _TOKEN.finditer(text, start, end)]


def _strip_possessive(word: str) -> tuple[str, bool]:
    for suf in _POSSESSIVE:
        if word.endswith(suf) and len(word) > len(suf) + 1:
            return word[: -len(suf)], True
    return word, False


def display(word: str) -> str:
    """Mend a case slip: an all-lower-case name word gets its capital back."""
    if word.islower() and word not in PARTICLES:
        return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
    return word


def is_sentence_end(toks: list, i: int) -> bool:
    """Whether the punctuation token ``i`` closes a sentence."""
    t = toks[i][1]
    if t in "!?":
        return True
    if t != ".":
        return False
    if (0 < i < len(toks) - 1 and toks[i - 1][1].isdigit() and toks[i + 1][1][:1].isdigit()
            and toks[i - 1][3] == toks[i][2] and toks[i][3] == toks[i + 1][2]):
        return False  # a decimal point: "$1.6 billion", "2.5 percent"
    if i + 1 < len(toks) and (toks[i + 1][1] in ",;)" or toks[i + 1][0] == "w" and toks[i + 1][1].islower()):
        return False  # "in Scranton, Pa., where ...", "(D-Ill.)": an abbreviation the list lacks
    if (i + 2 < len(toks) and len(toks[i + 1][1]) == 1 and toks[i + 1][1].isupper() and toks[i + 2][1] == "."
            and toks[i][3] == toks[i + 1][2]):
        return False  # "D-N.H.", "U.S.": initials run on
    if i > 0 and toks[i - 1][0] == "w" and toks[i - 1][3] == toks[i][2]:
        prev = toks[i - 1][1]
        if prev.lower() in ABBREVIATIONS or (len(prev) == 1 and prev.isupper()):
            # "the U.S. He said", "Acme Inc. The firm": a pronoun or "The" after an
            # initial or a company suffix opens a sentence; after a title ("Dr.") never
            return (i + 1 < len(toks) and toks[i + 1][1] in _SENTENCE_OPENERS
                    and prev.lower() not in TITLES and prev.lower() not in _NAME_ABBREVIATIONS)
    return True


# Words that open a sentence and never continue a name after an initial: "U.S. He".
_SENTENCE_OPENERS = frozenset("He She They It We I The But This That Those These His Her Their".split())
# Abbreviations that stand before a name or a number, never at a sentence's end.
_NAME_ABBREVIATIONS = frozenset("st mt no vs approx fig ft ave blvd".split())


_DETERMINERS = frozenset("the a an one his her their its our".split())
_HONORIFICS = frozenset("dr mr mrs ms mx prof sir dame lord lady sen rep gov gen cllr supt insp det sgt rev fr".split())
_CONNECTORS = frozenset("of for and on".split())
_DEMONSTRATIVES = frozenset("this that these those".split())
_POST_NOMINALS = frozenset("kc qc obe mbe cbe phd".split())  # (not MP: "Labour MP" is a title)
_DATELINE_NEXT = frozenset(",\u2014\u2013-(")
_OBJECT_AFTER = frozenset("told tell tells telling".split())


def _org_ahead(toks: list, j: int, words: list) -> bool:
    """Whether a connector at ``j - 1`` joins an institution's name: capitalised words
    follow and the run (so far or ahead) has an institution's head word."""
    if j < len(toks) and toks[j][1].lower() in STOPWORDS:
        return False  # "Northwind Devices on Tuesday"
    if any(w[0].lower() in ORG_HEADS for w in words):
        return toks[j][0] == "w" and _is_cap(toks[j][1])
    for k in range(j, min(len(toks), j + 4)):
        if toks[k][0] != "w" or not _is_cap(toks[k][1]):
            return False
        if toks[k][1].lower() in ORG_HEADS:
            return True
    return False


_LOWER_INTEREST = frozenset(PRONOUNS) | ROLES | {r + "s" for r in ROLES} | TITLES | {
    "dr", "mr", "mrs", "ms", "prof"}


_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z]{0,4}$")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _place_opener(toks: list, i: int) -> bool:
    """Whether the capitalised word at ``i``, one the stopword list holds ("New"),
    opens a place's name with the words after it ("New York", "New Zealand"): at a
    sentence start or after "in", the name keeps its first word."""
    words = [toks[i][1]]
    for k in range(i + 1, min(len(toks), i + 3)):
        if toks[k][0] != "w" or not _is_cap(toks[k][1]) or toks[k - 1][3] + 1 != toks[k][2]:
            break
        words.append(toks[k][1])
        if is_place(words):
            return True
    return False


_CONTRACTED = re.compile(r"([a-z]+)['\u2019](?:s|re|ve|d|ll)$")


def _word_name(toks: list, i: int, sent_start: set[int], surnames: frozenset) -> bool:
    """A capitalised function word read as a surname: "Will" inside a sentence before
    a lower-case word or a comma ("..., Will wrote"; the modal is written small there),
    or the surname of someone named in full before ("Ian Read ... “...,” Read said",
    "Al From ... From said") inside a sentence or before a speech verb."""
    word = toks[i][1]
    nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
    inside = i not in sent_start and i > 0 and toks[i - 1][1] not in (":", "(", "\u2014", "\u2013", "-")
    if word == "Will":
        return inside and (nxt.islower() or nxt in (",", "."))
    return word in surnames and (inside and (nxt.islower() or nxt in (",", ".")) or nxt.lower() in SPEECH_VERBS)


def scan_mentions(toks: list, sent_start: set[int], surnames: frozenset = frozenset()) -> list[Mention]:
    """Every mention among the tokens of one paragraph, in order. ``surnames``: function
    words that are surnames of people named before ("Read" of Ian Read)."""
    out: list[Mention] = []
    n = len(toks)
    i = 0
    interest = _LOWER_INTEREST
    while i < n:
        t = toks[i]
        if t[0] != "w":
            i += 1
            continue
        word = t[1]
        if word.islower() and word not in interest:
            # the common case, a plain lower-case word: only a case slip at a
            # sentence start ("sergei Lavrov") can begin a mention here
            if (i not in sent_start or i + 1 >= n or not toks[i + 1][1][:1].isupper()) and not (
                    len(word) < 9 and ("\u2019" in word or "'" in word) and _CONTRACTED.match(word)):
                # (but "he’s" holds a pronoun)
                i += 1
                continue
        kind, word, s, e = t[0], t[1], t[2], t[3]
        low = word.lower()
        nxt_low = toks[i + 1][1].lower() if i + 1 < n else ""
        if low in PRONOUNS and not (low == "i" and nxt_low == "quote"):
            # ("I" too: "“Okay,” I said" in a first-person piece is the writer speaking;
            # but "and I quote" only cites the speaker named before it)
            out.append(Mention("pron", i, i + 1, s, e, (word,), gender=PRONOUNS[low]))
            i += 1
            continue
        base = _CONTRACTED.match(low)
        if base is not None and base.group(1) in PRONOUNS and base.group(1) not in ("i", "it"):
            # "he’s predicting", "they've said": the pronoun of a contraction is a subject
            cut = len(base.group(1))
            out.append(Mention("pron", i, i + 1, s, s + cut, (word[:cut],), gender=PRONOUNS[base.group(1)]))
            i += 1
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        starts_run = _is_cap(word) and (low not in STOPWORDS or low in ("mr", "mrs", "ms", "dr")
                                        or _place_opener(toks, i) or _word_name(toks, i, sent_start, surnames))
        if not starts_run and nxt and nxt[0] == "w" and _is_cap(nxt[1]) and not word[0].isdigit():
            # case slip at a sentence start ("sergei Lavrov") or a lower-case title
            starts_run = (i in sent_start and low not in STOPWORDS) or low in TITLES
        if not starts_run and low in ("dr", "mr", "mrs", "ms", "prof") and nxt and nxt[1] == ".":
            starts_run = True
        if not starts_run:
            if low in ROLES or (low.endswith("s") and low[:-1] in ROLES):
                j = i
                while j > 0 and toks[j - 1][0] == "w" and (
                        _is_cap(toks[j - 1][1]) or toks[j - 1][1].lower() in _DETERMINERS):
                    j -= 1
                    if toks[j][1].lower() in _DETERMINERS:
                        break
                if j == i:
                    # "the county health commissioner", "the city's utilities director"
                    k = i
                    while k > 0 and i - k < 4 and toks[k - 1][0] == "w":
                        lw = toks[k - 1][1].lower()
                        if lw in _DETERMINERS or lw.endswith(_POSSESSIVE[:2]):
                            j = k - 1
                            break
                        if (lw in STOPWORDS or lw in PRONOUNS or lw in ROLES
                                or lw in SPEECH_VERBS or lw.endswith(("ed", "ing"))):
                            break
                        k -= 1
                role = ROLE_SYNONYMS.get(low, low)
                if role in ORG_ROLES and i > 0 and toks[i - 1][1].lower() in _DEMONSTRATIVES:
                    # "This statement underscores ...": the writer's comment on the
                    # text before, not an institution speaking
                    i += 1
                    continue
                gender = "f" if low in _FEMALE_TITLES else "m" if low in _MALE_TITLES else "?"
                if out and (out[-1].tok >= j or (out[-1].kind == "role" and out[-1].tok_end == i)):
                    j = min(j, out.pop().tok)
                out.append(Mention("role", j, i + 1, toks[j][2], e, (word,), role=role,
                                   gender=gender))
            i += 1
            continue
        j = i
        poss = False
        words: list[tuple[str, int, int]] = []
        while j < n:
            k, w, ws, we = toks[j][:4]
            if k == "q":
                if (words and we - ws <= 18 and gender_of(words[-1][0]) != "?" and j + 1 < n and toks[j + 1][0] == "w"
                        and _is_cap(toks[j + 1][1]) and toks[j - 1][3] < ws and toks[j + 1][2] > we):
                    j += 1  # a nickname between given name and surname: Andrew “Boz” Bosworth
                    continue
                break
            if k == "p":
                if w == "." and words and (words[-1][0].lower() in TITLES or len(words[-1][0]) == 1) and (
                        not is_sentence_end(toks, j)):  # (not "the U.S. He said")
                    j += 1
                    continue
                if w in "-\u2010" and words:
                    j += 1
                    continue
                break
            if not (_is_cap(w) or w.lower() in PARTICLES or (words and words[-1][0].lower() in TITLES)
                    or j == i):
                if (w.lower() in _CONNECTORS and words and j + 1 < n
                        and _org_ahead(toks, j + 1, words)):  # "Department for Education"
                    words.append((w, ws, we))
                    j += 1
                    continue
                break
            nx = j + 1
            while w.lower() in PARTICLES and nx < n and toks[nx][0] == "w" and toks[nx][1] in PARTICLES and nx - j < 3:
                nx += 1  # "von der Leyen", "de la Cruz": particles run on to the capitalised name
            if not _is_cap(w) and not (j == i and w.lower() in TITLES) and (nx >= n or toks[nx][0] != "w" or not _is_cap(toks[nx][1])):
                if w.lower() in PARTICLES or not (words and words[-1][0].lower() in _HONORIFICS):
                    break
            if not _is_cap(w) and words and words[-1][0].lower() in TITLES and words[-1][0].lower() not in _HONORIFICS \
                    and w.lower() not in TITLES:
                break  # "Health minister defends": a title, then an ordinary word
            w2, poss = _strip_possessive(w)
            words.append((w2, ws, ws + len(w2)))
            j += 1
            if poss:
                break
        while words and words[-1][0].lower() in PARTICLES:
            words.pop()
        if not words:
            i += 1
            continue
        if i == 0 and j < n and toks[j][1] in _DATELINE_NEXT and all(
                w[0].isupper() and len(w[0]) > 1 for w in words):
            # a dateline, "OSLO, March 4 (Reuters) -", "GULL ROCK —": skip to its dash
            i = j
            for k in range(j, min(n, j + 16)):
                if toks[k][1] in "\u2014\u2013-" and toks[k][0] == "p":
                    i = k + 1
                    break
            continue
        if _PARTY_TAG.match(words[0][0]) or all(len(w[0]) == 1 for w in words):
            # "(D-Ill.)", "R-VA", "(D)": a party and state; "U.S.", "U.N.": initials, no name
            i = j
            continue
        m = _classify(words, i, j, toks, i in sent_start,
                      keep_first=words[0][0].lower() in STOPWORDS and _word_name(toks, i, sent_start, surnames))
        if m.kind == "org" and not m.words:
            i = j  # "Speaking at ...", "Early in his campaign": an opening word, no name
            continue
        if poss:
            m.extra["poss"] = True
        if i in sent_start:
            m.extra["initial"] = True
        if i > 0 and toks[i - 1][1].lower() in _OBJECT_AFTER or (
                i > 1 and toks[i - 1][1].lower() == "the" and toks[i - 2][1].lower() in _OBJECT_AFTER):
            m.extra["obj"] = True  # "told Reuters", "told the Herald-Post"
        out.append(m)
        i = j
    return _attach_roles(out, toks)


def _attach_roles(out: list[Mention], toks: list) -> list[Mention]:
    """Give a role noun next to a name to the person ("spokesman Brian Hughes",
    "Peskov, the Kremlin spokesman,")."""
    keep: list[Mention] = []
    for m in out:
        prev = keep[-1] if keep else None
        if (prev is not None and prev.kind == "person" and m.kind == "person" and m.role
                and m.tok == prev.tok_end and toks[m.tok][1].islower()):
            prev.kind = "org"  # "Harbor City coach Dana Whitcomb": a team or place qualifies the person
        if (prev is not None and prev.kind == "org" and m.kind == "person" and prev.words
                and m.tok >= prev.tok_end and (m.tok == prev.tok_end or (
                    m.role and m.tok - prev.tok_end <= 2
                    and all(t[0] == "w" and t[1].islower() for t in toks[prev.tok_end:m.tok])))):
            # "State Department spokesman Thomas Reiner", "White House press secretary X":
            # the person speaks; the institution is kept for the cast
            m.extra["qual_org"] = prev
            m.tok = prev.tok
            keep[-1] = m
            continue
        if (m.kind == "person" and len(keep) >= 2 and keep[-2].kind == "role" and prev.kind != "pron"
                and keep[-2].extra.get("appos") is None and prev.tok == keep[-2].tok_end + 1
                and toks[keep[-2].tok_end][1].lower() in ("of", "in", "for", "at") and prev.tok_end + 1 == m.tok
                and toks[prev.tok_end][1] == ","):
            # "the mayor of Kłodzko, Tadeusz Wrona,", "the envoy in Oslo, Ana Berg,": the role is the person's
            role = keep[-2]
            m.extra.setdefault("roles", []).append(role.role)
            m.role = m.role or role.role
            role.extra["appos"] = m
        if (prev is not None and prev.kind == "role" and m.kind == "person" and prev.extra.get("appos") is None
                and prev.tok_end + 2 < m.tok <= prev.tok_end + 5 and toks[prev.tok_end][1].lower() in ("of", "for")
                and toks[m.tok - 1][1] == "," and m.tok_end < len(toks) and toks[m.tok_end][1] == ","
                and all(t[0] == "w" and t[1].islower() for t in toks[prev.tok_end + 1:m.tok - 1])):
            # "The minister for local transport, Priya Ramanathan,": the role is the person's
            m.extra.setdefault("roles", []).append(prev.role)
            m.role = m.role or prev.role
            prev.extra["appos"] = m
        if (prev is not None and prev.kind == "role" and m.kind == "person" and m.tok == prev.tok_end + 1
                and toks[prev.tok_end][1].lower() in ("to", "for") and _split_place_name(m, toks)):
            # "U.S. Ambassador to Manila Karen Holloway": the place ends where a given name starts
            m.tok = prev.tok_end
        if prev is not None and prev.kind == "role" and m.kind == "person" and prev.tok_end == m.tok:
            m.role = m.role or prev.role
            m.tok = prev.tok
            if m.gender == "?":
                m.gender = prev.gender
            keep[-1] = m
            continue
        if (m.kind in ("person", "org") and prev is not None and prev.kind == "role"
                and prev.tok_end < len(toks) and toks[prev.tok_end][1] == "," and m.tok == prev.tok_end + 1):
            if prev.role in ORG_ROLES and not (prev.tok > 0 and toks[prev.tok - 1][1].lower() in _LOCATING):
                m.kind = "org"  # "the promoter, Brightline Live," (not "the chair of the committee, X,")
            elif m.kind == "person":  # "the foreign minister, Espen Eide,"
                m.extra.setdefault("roles", []).append(prev.role)
                m.role = m.role or prev.role
                if m.gender == "?":
                    m.gender = prev.gender
            prev.extra["appos"] = m
        if (m.kind == "role" and prev is not None and prev.kind in ("person", "org")
                and prev.tok_end < len(toks) and toks[prev.tok_end][1] == "," and m.tok == prev.tok_end + 1
                and not located(prev, toks)):
            if m.role in ORG_ROLES:  # "Northern Grid, the network operator,"
                prev.kind = "org"
            elif prev.kind == "person":
                prev.extra.setdefault("roles", []).append(m.role)
                prev.role = prev.role or m.role
                if prev.gender == "?":
                    prev.gender = m.gender
            m.extra["appos"] = prev
        if (m.kind == "role" and prev is not None and prev.kind == "role" and prev.extra.get("appos") is not None
                and m.tok == prev.tok_end + 1 and toks[prev.tok_end][1].lower() == "and"):
            m.extra["appos"] = prev.extra["appos"]  # "Tim Armstrong, Chairman and CEO said"
        keep.append(m)
    return keep


# Prepositions of place: a name after one is where something happens ("in New
# York, a US official told reporters"), not someone a role noun after it describes.
_LOCATIVE = frozenset("in at near outside inside across throughout around into".split())
_TO_SOMEONE = SPEECH_VERBS | {"according", "spoke", "talked", "turned", "went", "belongs", "next", "close"}


def located(m: Mention, toks: list) -> bool:
    """Whether the name ``m`` is a place: a known one, or the object of a preposition
    of place with no given name or title in it ("at Apple Park", "in Cupertino",
    "invite developers to Apple Park"; not "said to Ana Berg", "according to Lin")."""
    if m.kind == "person" and is_place(m.words):
        return True
    if m.tok < 1 or m.role or any(gender_of(w) != "?" for w in m.words):
        return False
    prep = toks[m.tok - 1][1].lower()
    return prep in _LOCATIVE or (prep == "to" and m.tok > 1 and toks[m.tok - 2][1].lower() not in _TO_SOMEONE)


def _split_place_name(m: Mention, toks: list) -> bool:
    """Cut the place off a run like "Manila Karen Holloway" after a role and "to":
    the name is the part from the first known given name, with a surname after it."""
    words = [t for t in toks[m.tok:m.tok_end] if t[0] == "w"]
    if 2 <= len(m.words) < len(words) and [w[1].lower() for w in words[-len(m.words):]] == [
            w.lower() for w in m.words]:
        return True  # the place was cut off already (a given name and a surname end the run)
    if len(words) < 3 or len(words) != len(m.words):
        return False
    k = next((i for i in range(1, len(words) - 1) if gender_of(words[i][1]) != "?"), 0)
    if not k:
        return False
    m.words = m.words[k:]
    m.start = words[k][2]
    m.gender = m.gender if m.gender != "?" else gender_of(words[k][1])
    return True


# Prepositions after which an institution noun ends a longer phrase ("the head of
# the union in the department, X,"): a name in apposition then is the phrase head's.
_LOCATING = frozenset("of in at for from with within across".split())


def _prefixed_title(low: str) -> bool:
    """A title with a prefix: "co-author", "ex-minister", "vice-chair"."""
    head, _, tail = low.rpartition("-")
    return bool(head) and (tail in TITLES or tail in ROLES)


_MODIFIER_TAILS = frozenset(
    """based born bred raised headquartered owned listed backed led run funded made
    registered born-and-raised area era style""".split())


def _modifier(low: str) -> bool:
    """A hyphenated modifier before a name ("Dublin-based", "Ohio-born"), not part of it."""
    head, _, tail = low.rpartition("-")
    # and "Mum-of-three", "father-of-two": a description with its own small words
    return bool(head) and (tail in _MODIFIER_TAILS or "-of-" in low)


def _occupation(low: str, k: int, lows: list) -> bool:
    """A capitalised occupation noun opening a run of a name ("Cellist Ana Ruiz"):
    an -ist word with at least two name words after it."""
    return k == 0 and len(lows) >= 3 and len(low) > 5 and low.endswith("ist")


def _classify(words: list, tok: int, tok_end: int, toks: list, initial: bool, keep_first: bool = False) -> Mention:
    """Split a capitalised run into titles and a name, and say what it names."""
    lows = [w[0].lower() for w in words]
    while lows and (lows[0] in STOPWORDS and lows[0] not in TITLES or _modifier(lows[0])) and not (
            is_place(lows[:2]) or is_place(lows[:3])) and not (
            keep_first and len(words) == 1):  # (not the "New" of "New York", nor a surname: _word_name)
        words, lows = words[1:], lows[1:]
    if not words:
        return Mention("org", tok, tok_end, toks[tok][2], toks[tok][3], ())
    while len(words) > 2 and lows[-1] in _POST_NOMINALS:
        words, lows = words[:-1], lows[:-1]  # "Jonathan Whitcombe KC"
    cut = next((k for k in (2, 3) if k < len(lows) - 1 and lows[k] in ("of", "for")), 0)
    if cut and (gender_of(words[0][0]) != "?" or lows[-1] in ORG_HEADS) and not any(
            low in ORG_HEADS or low in TITLES for low in lows[:cut]):
        # "Tomasz Wierzbicki of Harbour Point Securities": the person, of an institution
        words, lows = words[:cut], lows[:cut]
    if len(lows) > 3 and lows[0] in TITLES and lows[1] in ("of", "for"):
        # "Secretary of Treasury Janet L. Yellen": the title's department, then the holder
        given = next((k for k in range(2, len(words) - 1) if gender_of(words[k][0]) != "?"), 0)
        if given:
            name = words[given:]
            return Mention("person", tok, tok_end, name[0][1], name[-1][2], tuple(display(w[0]) for w in name),
                           role=ROLE_SYNONYMS.get(lows[0], lows[0]) if lows[0] in ROLES or lows[0] in ROLE_SYNONYMS
                           else None, gender=gender_of(words[given][0]))
    if lows[-1] in ORG_HEADS or (len(words) == 1 and lows[0] in DEMONYMS) or (
            len(words) > 2 and any(low in _CONNECTORS for low in lows[1:-1])):
        ws = words[0][1]
        return Mention("org", tok, tok_end, ws, words[-1][2], tuple(w[0] for w in words))
    last_title = -1
    for k, low in enumerate(lows):
        if k and k == len(lows) - 1 and gender_of(words[k - 1][0]) != "?":
            break  # a surname that is also a title after a given name: Anthony Painter, Tim Cook
        if low in TITLES or low in DEMONYMS or low in ORG_HEADS or _prefixed_title(low) or _occupation(low, k, lows) or (
                low == "chair" and k + 1 < len(lows)):  # "Fed Chair Jonathan Ashcroft"
            last_title = k
    name = words[last_title + 1:]
    if len(name) >= 3 and gender_of(name[-2][0]) != "?" and all(gender_of(w[0]) == "?" for w in name[:-2]):
        # "Pima County Recorder Gabriel Tsosie", "Parent Joanne Fairclough": what stands
        # before a given name and a surname is a description, not part of the name
        name = name[-2:]
    role = None
    gender = "?"
    for low in lows[: last_title + 1]:
        if low in _FEMALE_TITLES:
            gender = "f"
        elif low in _MALE_TITLES:
            gender = "m"
        if low in ROLES or low in ROLE_SYNONYMS or low in ("mr", "mrs", "ms", "dr", "prof"):
            role = ROLE_SYNONYMS.get(low, low)
    if role and all(len(w[0]) == 1 for w in name):
        role = None  # "Gen Z", "Col B": a letter is no name for the role to be held by
    if not name:
        w = words[-1]
        return Mention("role", tok, tok_end, w[1], w[2], (w[0],), role=ROLE_SYNONYMS.get(lows[-1], lows[-1]),
                       gender=gender)
    if (len(name) == 1 and initial and last_title < 0 and name[0][0].lower().endswith(("ing", "ly", "ed"))
            and gender_of(name[0][0]) == "?" and not (
                tok_end < len(toks) and toks[tok_end][1].lower() in SPEECH_VERBS)):
        # "Speaking at ...", "Finally, ..." (not "Kelly", nor "Schilling told", "Husted said")
        return Mention("org", tok, tok_end, name[0][1], name[0][2], ())
    return Mention("person", tok, tok_end, name[0][1], name[-1][2],
                   tuple(display(w[0]) for w in name), role=role, gender=gender)
