"""A relative pronoun as the subject of a speech verb: "X, who told reporters",
"an actor who promises that", "the report, which notes", "a sign that read".

The mention reported is the pronoun itself, next to the cue; its name is the
antecedent's (``Mention.extra["antecedent"]``, read by ``Resolver``).
"""

from __future__ import annotations

from collections.abc import Callable

from newsreader.analysis.article import Para
from newsreader.analysis.lexicon import CLAUSE_BREAKS
from newsreader.analysis.names import Mention
from newsreader.analysis.phrases import ADVERBS, AUXILIARIES, PREPS, is_verb, mentions_before

_RELATIVES = frozenset("who which".split())  # ("a sign that read" is the sign's)
_DASHES = (",", "\u2014", "\u2013", "-")


def _between_ok(toks: list, r: int, v: int) -> bool:
    """Whether what stands between the relative pronoun at ``r`` and the verb at
    ``v`` leaves the pronoun the verb's subject: auxiliaries and adverbs ("who has
    also said"), a short phrase after a preposition ("who has in the past called"),
    an aside set off by commas or dashes ("who, on a call Friday, criticized")."""
    k = r + 1
    if k < v and toks[k][1] in _DASHES:
        close = next((c for c in range(k + 1, min(v, k + 14)) if toks[c][1] == toks[k][1]), -1)
        if close < 0 or any(t[0] == "q" for t in toks[k:close]):
            return False
        k = close + 1
    prep = False
    while k < v:
        word = toks[k][1]
        low = word.lower()
        if toks[k][0] != "w":
            return False
        if low in AUXILIARIES or low in ADVERBS or (low.endswith("ly") and word.islower()):
            prep = False
        elif low in PREPS and not prep:
            prep = True  # "in the past": lower-case words up to the verb
        elif not (prep and word.islower() and low not in CLAUSE_BREAKS and not is_verb(low)):
            return False
        k += 1
    return not prep or v - r <= 7


def _antecedent(para: Para, r: int, lo: int, subject_before: Callable) -> Mention | None:
    """What the relative pronoun at ``r`` stands for: after a comma or dash, the
    name before it or the subject of what comes before (past an appositive: "Ana
    Vian, the editor of the Courier, who"); right after a name, the name. A common
    noun before it ("told a woman who suggested") is more often inside an object
    than the speaker, and is left alone."""
    toks = para.toks
    if r - 1 <= lo:
        return None
    prev = toks[r - 1]
    if prev[1] in _DASHES:
        named = next(mentions_before(para, r - 1, max(lo, r - 9)), None)
        if named is not None and named.tok_end == r - 1 and named.kind != "pron" and not named.extra.get("poss") and (
                named.kind != "org" or not named.extra.get("prep")):
            return named  # "from Mike Lee, who declared" (not "the head of the Cato Institute, who")
        m = subject_before(para, r, lo)
        if named is None or named.tok_end != r - 1:
            # "Ana Vian, the city's planning chief, who": the person the phrase describes
            # (not "Obama's listeners, who wondered": a group the text leaves unnamed)
            return m if m is not None and m.kind in ("person", "role", "desc") and not m.extra.get("prep") else None
        return m if m is not None and m.kind != "pron" else named
    if prev[0] != "w" or prev[1].lower() in CLAUSE_BREAKS or prev[1].lower() in PREPS or is_verb(prev[1]):
        return None  # ("said that", "asked who"): a clause word, not a relative
    named = next(mentions_before(para, r, max(lo, r - 8)), None)
    if named is not None and named.tok_end == r and named.kind in ("person", "org") and not named.extra.get("poss"):
        return named
    return None  # ("a woman who suggested", "voters who wonder": inside an object, often)


def relative_subject(para: Para, v: int, lo: int, subject_before: Callable) -> Mention | None:
    """The relative pronoun that is the subject of the verb at token ``v``, as a
    mention standing for its antecedent; None when the verb's subject is no relative.
    ``subject_before(para, k, lo)`` finds a clause's subject before token ``k``."""
    toks = para.toks
    for r in range(v - 1, max(lo, v - 16), -1):
        low = toks[r][1].lower()
        if toks[r][0] == "q":
            return None
        if low not in _RELATIVES or toks[r][0] != "w":
            continue
        if not _between_ok(toks, r, v):
            return None
        ante = _antecedent(para, r, lo, subject_before)
        if ante is None or low == "that" and ante.kind == "person" and toks[r - 1][1] in _DASHES:
            return None
        return Mention("rel", r, r + 1, toks[r][2], toks[r][3], words=(low,),
                       extra={"para": para.idx, "antecedent": ante})
    return None
