"""People across mentions and articles: keys, matching, and an article's cast.

``person_key`` folds a name to a surname-based key that survives transliteration
(Sergey/Sergei, Zelensky/Zelenskyy); ``same_person`` says whether two display
names may be one person. ``Cast`` merges mentions inside one article.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsreader.analysis.given_names import gender_of
from newsreader.analysis.lexicon import PARTICLES, TITLES

_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")
# Spelling variants that transliteration produces, folded to one form.
_FOLDS = (("kh", "h"), ("ks", "x"), ("yy", "y"), ("iy", "y"), ("ii", "y"), ("ij", "y"),
          ("ei", "ey"), ("yi", "y"), ("ai", "ay"), ("j", "y"), ("w", "v"), ("ph", "f"),
          ("ck", "k"), ("c", "k"), ("sch", "sh"), ("tch", "ch"))


def _ascii(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in word if ch.isalnum() and not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """A transliteration-folded form of one name word: Sergei, Sergey -> 'sergey'."""
    w = _ascii(word)
    for a, b in _FOLDS:
        w = w.replace(a, b)
    out = []
    for ch in w:  # doubled letters collapse (Zelenskyy / Zelensky, Abbott / Abbot)
        if not out or out[-1] != ch:
            out.append(ch)
    w = "".join(out)
    return w[:-1] if len(w) > 3 and w.endswith("y") and not w.endswith("ey") else w


def name_words(name: str) -> list[str]:
    """The words of a name with titles and particles dropped."""
    words = [w for w in _WORD.findall(name or "")]
    while words and words[0].lower().rstrip(".") in TITLES and len(words) > 1:
        words = words[1:]
    return [w for w in words if w.lower() not in PARTICLES] or words


def person_key(name: str) -> str:
    """A normalised key for a person: the folded surname (or the whole name if one word)."""
    words = name_words(name)
    if not words:
        return ""
    return fold(words[-1])


def _close(a: str, b: str) -> bool:
    """Whether two folded given names are variants of each other."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    if a[0] != b[0]:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) and len(short) >= 3:  # Alex / Alexander
        return True
    diff = sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
    return diff <= 1 and min(len(a), len(b)) >= 4


def same_person(a: str, b: str) -> bool:
    """Same surname (folded) and a close given name, or one of them is a bare surname."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if fold(wa[-1]) != fold(wb[-1]):
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    return _close(fold(wa[0]), fold(wb[0]))


class Cast:
    """The people (and bodies) of one article; mentions resolve to entries here."""

    def __init__(self) -> None:
        self.names: list[tuple[str, ...]] = []
        self.gender: list[str] = []
        self.kind: list[str] = []
        self.last_seen: list[int] = []
        self.first_seen: list[int] = []
        self.roles: list[set[str]] = []
        self.by_key: dict[str, list[int]] = {}

    def add(self, words: tuple[str, ...], kind: str, pos: int, gender: str = "?") -> int:
        """Register a full mention; merge it with an entry for the same person."""
        key = fold(words[-1]) if words else ""
        for k in self.by_key.get(key, ()):
            known = self.names[k]
            if self.kind[k] != kind or gender != "?" and self.gender[k] not in ("?", gender):
                continue  # "Mr O'Brien" is not Bev O'Brien
            if len(known) == 1 or len(words) == 1 or _close(fold(known[0]), fold(words[0])):
                if len(words) > len(known):
                    self.names[k] = words
                self.last_seen[k] = max(self.last_seen[k], pos)
                if gender != "?":
                    self.gender[k] = gender
                elif self.gender[k] == "?" and kind == "person" and len(words) > 1:
                    self.gender[k] = gender_of(words[0])
                return k
        if gender == "?" and kind == "person" and len(words) > 1:
            gender = gender_of(words[0])  # the given name, where nothing better says
        self.by_key.setdefault(key, []).append(len(self.names))
        self.names.append(words)
        self.gender.append(gender)
        self.kind.append(kind)
        self.last_seen.append(pos)
        self.first_seen.append(pos)
        self.roles.append(set())
        return len(self.names) - 1

    def resolve(self, word: str, pos: int, gender: str = "?", role: str | None = None) -> int:
        """The entry a bare surname (or given name) at ``pos`` refers to, or -1.

        Of several people with that surname, those a title rules out (``Mrs``, ``Dr``)
        are dropped; of the rest, the one introduced first wins (a writer keeps the
        bare surname for the main figure and names the other in full), and someone
        introduced before ``pos`` beats someone introduced after it."""
        key = fold(word)
        found = [k for k in self.by_key.get(key, ())
                 if len(self.names[k]) > 1 and self.kind[k] == "person"]
        if found and gender != "?":
            # a title of the other sex rules a bearer out: "Mr O'Brien" next to Bev O'Brien
            found = ([k for k in found if self.gender[k] == gender]
                     or [k for k in found if self.gender[k] == "?"])
            if not found:
                return -1
        if len(found) > 1 and role:
            found = [k for k in found if role in self.roles[k]] or found
        if not found:
            # a given name alone ("Ella said") for the one person introduced with it, or the
            # first of two surnames ("Ruiz" for Valentina Ruiz Ortega)
            found = [k for k in range(len(self.names)) if len(self.names[k]) > 1
                     and self.kind[k] == "person" and self.first_seen[k] <= pos
                     and (fold(self.names[k][0]) == key
                          or (len(self.names[k]) > 2 and len(word) > 2 and fold(self.names[k][-2]) == key))
                     ] if len(self.names) <= 64 else []
            return found[0] if len(found) == 1 else -1
        before = [k for k in found if self.first_seen[k] <= pos]
        return min(before or found, key=lambda k: self.first_seen[k])

    def org_short(self, word: str) -> int:
        """The institution a bare first word stands for ("Halvard" for "Halvard
        Group" named earlier), when exactly one has that first word; or -1."""
        key = fold(word)
        # (a name of a few capitalised words: a title-case headline run joined by "on"
        # or "for" is no long form of its first word)
        found = [k for k in range(len(self.names)) if self.kind[k] == "org"
                 and 1 < len(self.names[k]) <= 4 and fold(self.names[k][0]) == key
                 and all(w[:1].isupper() for w in self.names[k])] if len(self.names) <= 64 else []
        return found[0] if len(found) == 1 else -1

    def display(self, k: int) -> str:
        return " ".join(self.names[k])
