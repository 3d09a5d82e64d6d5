"""Speakers named through an owner: "Ryan’s office said", "the senator’s spokeswoman told".

A name with a possessive, then a few lower-case words ending in a noun for people, a
body or a text, is one noun phrase: the subject of the verb after it. The phrase is
the speaker mention; its name is the owner's resolved name with the rest of the
phrase ("Paul Ryan’s office"), so the office is not mistaken for Ryan himself and
the owner is not lost.
"""

from __future__ import annotations

from bisect import bisect_left

from newsreader.analysis.article import Para
from newsreader.analysis.lexicon import (
    BUSINESS_NOUNS, CLAUSE_BREAKS, DETERMINERS, DOCUMENTS, ORG_ROLES, PUBLIC_HEADS, ROLES,
)
from newsreader.analysis.names import Mention
from newsreader.analysis.phrases import AUXILIARIES, PREPS, is_verb, plural_people

# Nouns a possessed phrase may end in to speak: people, bodies, the texts they issue.
_HEADS = ROLES | ORG_ROLES | PUBLIC_HEADS | BUSINESS_NOUNS | DOCUMENTS | frozenset(
    """office campaign camp team staff staffer staffers aide aides adviser advisers advisor
    advisors spokesperson spokespeople counsel lawyers attorneys representatives
    press secretary manager strategist pollster""".split())

_MAX_WORDS = 4  # "Kerry's deputy campaign manager"


def _owner_ending(para: Para, k: int) -> Mention | None:
    """The possessive name whose last token is ``k - 1``: "Ryan’s", "the governor’s"."""
    ms = para.mentions
    i = bisect_left(para.mtoks, k) - 1
    while i >= 0 and ms[i].tok_end > k:
        i -= 1
    if i >= 0 and ms[i].tok_end == k and ms[i].extra.get("poss") and ms[i].kind in ("person", "org", "role"):
        return ms[i]
    return None


def _noun_word(tok: list) -> bool:
    low = tok[1].lower()
    return (tok[0] == "w" and tok[1].islower() and not is_verb(low) and low not in CLAUSE_BREAKS
            and low not in PREPS and low not in DETERMINERS and low not in AUXILIARIES)


def _held(para: Para, owner: Mention, end: int) -> Mention | None:
    """The phrase from ``owner`` to token ``end``, when its last word is a speaking head."""
    toks = para.toks
    head = toks[end - 1][1].lower()
    if head not in _HEADS and not plural_people(head):
        return None
    words = tuple(t[1] for t in toks[owner.tok_end:end])
    return Mention("desc", owner.tok, end, owner.start, toks[end - 1][3], words=owner.words + words,
                   role=head, gender="?", extra={"para": para.idx, "owner": owner, "held": words})


def possessed_after(para: Para, owner: Mention, hi: int) -> Mention | None:
    """"Ryan’s office said": the phrase the possessive ``owner`` opens, when a verb
    (a token before ``hi``) or a comma follows its head noun."""
    toks = para.toks
    k = owner.tok_end
    while k < min(hi, len(toks), owner.tok_end + _MAX_WORDS) and _noun_word(toks[k]):
        k += 1
    if k == owner.tok_end or k >= min(hi, len(toks)):
        return None
    nxt = toks[k][1].lower()
    if not (is_verb(nxt) or nxt in AUXILIARIES or nxt == "," or nxt.endswith("ly")):
        return None
    return _held(para, owner, k)


def possessed_before(para: Para, v: int, lo: int) -> Mention | None:
    """The possessed phrase ending right before verb ``v`` (past auxiliaries and
    adverbs: "Powell’s office has also said")."""
    toks = para.toks
    b = v
    while b - 1 > lo and (toks[b - 1][1].lower() in AUXILIARIES or toks[b - 1][1].endswith("ly")):
        b -= 1
    a = b
    while a - 1 > lo and b - a < _MAX_WORDS and _noun_word(toks[a - 1]):
        a -= 1
    if a == b:
        return None
    owner = _owner_ending(para, a)
    if owner is None or owner.tok < lo:
        return None
    return _held(para, owner, b)
