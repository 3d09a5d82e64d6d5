"""Bylines: who wrote a saved page, as the names and nothing else.

Pages give a byline with furniture around it: a label ("By", "Words by",
"Analysis by", "Текст"), a date and a reading time beside it, the reporter's
role ("Football Correspondent", "News reporter"), a bio ("Phil Helsel is a
reporter"), an e-mail address, a word of the page's own language after the
name ("před", ago), or a CMS account instead of a person ("Username",
"admin"). ``clean_byline`` keeps the names ("Jane Doe and John Roe"), or a
desk's name when no person is named ("Telegraph Sport", "Staff Reporter").
``find_byline`` picks the byline out of the lines around a headline. Pure
functions over text.
"""

from __future__ import annotations

import re

from newsreader.ingest._textpage_meta import find_date
from newsreader.text import clean_line

# CMS accounts and placeholders that name nobody.
_PLACEHOLDERS = frozenset(
    "username user admin administrator guest anonymous unknown none null author webmaster root "
    "default wordpress".split())
# A reporter's job, after the name ("Conor Walsh, Football Correspondent").
_ROLE = re.compile(
    r"^(?:reporters?|correspondents?|editors?(?:-at-large)?|editor-at-large|writers?|columnists?|"
    r"contributors?|journalists?|producers?|analysts?|critics?|chief|intern|photographers?|"
    r"presenters?|commentators?|reviewers?)$", re.I)
# News agencies named after the reporters ("By A and B, Associated Press"): not a person.
_WIRES = frozenset(["associated press", "the associated press", "ap", "reuters", "afp", "agence france-presse",
                    "bloomberg", "dpa", "pa", "pa media", "efe", "ansa", "xinhua", "upi", "aap", "cp",
                    "the canadian press", "press association"])
# A desk signs with one of these after its name ("Carbury Today newsroom").
_DESK = frozenset("team desk staff newsroom reporters writers service".split())
# Labels before the names, in the languages pages come in.
_LABEL = re.compile(
    r"^(?:(?:(?:news )?analysis|opinion|interview|review|commentary|column|story|text|words|"
    r"written|posted|published|reported|photos?|video|report)\s+)?"
    r"(?:by|von|par|por|przez|от|(?-i:di|door|av|af))\s+|"
    r"^(?:words|text|texto|testo|tekst|текст|автор|author|autor|auteur|autore|by)\s*:?\s+", re.I)
# "Posted on 18 November by Priya Raman", "Published 27 March 2025 by Imogen Hart"
_LATE_BY = re.compile(r"^(?:posted|published|updated|written|filed)\b.*?\bby\s+", re.I)
_NOT_AUTHORS = re.compile(r"^(?:edited|photographs?|photos?|pictures?|illustrations?|graphics?|additional reporting"
                          r"|updated|with reporting|video)\b", re.I)
_SEGMENTS = re.compile(r"\s+[|·•—–]\s+|\s*;\s*|\s+[—–-]{1,2}\s+")
_JOINED = re.compile(r"\s+(?:and|&|und|et|y|e|og|och|en|i)\s+")
_PARTICLES = frozenset("van von der den de del della di da du le la bin al el ter ten st. mac".split())
_READ_TIME = re.compile(r"\b\d+\s*(?:min(?:ute)?s?|mins?)\b(?:\s+read)?", re.I)
_CONTACT = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|@\w+")
MAX_NAMES = 6


def _name_like(token: str) -> bool:
    """A token a name can be made of: capitalised (a letter or an initial), not a role word."""
    first = token.lstrip("(\"'“‘")[:1]
    return first.isupper() and any(c.isalpha() for c in token) and not _ROLE.match(token.rstrip(".,"))


def _particle_of_name(words: list[str], i: int) -> bool:
    """Whether the particles from ``words[i]`` on lead to a name ("van der Berg")."""
    while i < len(words) and words[i].lower() in _PARTICLES:
        i += 1
    return i < len(words) and _name_like(words[i])


def _name_run(words: list[str]) -> list[str]:
    """The leading words that make a name: capitalised words with particles between them.

    All-capital names end where the capitals do ("ERIC TUCKER Associated Press").
    """
    run: list[str] = []
    caps = len(words) > 1 and all(w.isupper() for w in words[:2] if any(c.isalpha() for c in w))
    for i, w in enumerate(words):
        if _name_like(w):
            if caps and not w.isupper() and len(run) >= 2:
                break
            run.append(w)
        elif w.lower() in _PARTICLES and _particle_of_name(words, i):
            run.append(w)
        else:
            break
    while run and run[-1].lower() in _PARTICLES:
        run.pop()
    return run


def _titled(name: str) -> str:
    """ALL-CAPS names in ordinary case ("MARY CLARE JALONICK" -> "Mary Clare Jalonick")."""
    if not name.isupper():
        return name
    return " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in name.split())


def _person(part: str) -> str | None:
    """The name at the start of ``part`` with a role, bio or place after it cut off."""
    words = part.strip(" ,.:;").split()
    run = _name_run(words)
    if not run:
        return None
    rest = words[len(run):]
    if rest and _ROLE.match(rest[0].rstrip(".,")) and len(run) >= 3 and not any(w.lower() in _DESK for w in run):
        run = run[:-1]  # "Tom Gillespie News reporter": the word before the role belongs to it
    elif rest and _ROLE.match(rest[0].rstrip(".,")) and (len(run) < 2 or any(w.lower() in _DESK for w in run)):
        return " ".join([*run, rest[0]])  # "Gazette reporter", "LP Staff Writers": a desk, kept whole
    elif rest and rest[0].lower() in _DESK:
        run = [*run, rest[0]]  # "Carbury Today newsroom"
    name = _titled(" ".join(run)).strip(" ,.;:")
    if name.lower() in _PLACEHOLDERS or len(name) < 2:
        return None
    return name


def _join(names: list[str]) -> str:
    names = list(dict.fromkeys(names))[:MAX_NAMES]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _role_phrase(words: list[str]) -> bool:
    """A job title alone: "Football Correspondent", "Arts and Heritage Reporter", "CNN Editor-at-large"."""
    return len(words) <= 6 and _ROLE.match(words[-1].rstrip(".,")) is not None


def _add_names(segment: str, names: list[str]) -> None:
    """Add the people a segment of a byline names ("By A, B and C", "A, Role") to ``names``."""
    late = _LATE_BY.match(segment)
    if _NOT_AUTHORS.match(segment) or (not late and find_date(segment) is not None):
        return
    segment = _LABEL.sub("", _LATE_BY.sub("", segment)).strip()
    if not segment or _READ_TIME.fullmatch(segment):
        return
    for part in re.split(r",\s+", segment):
        if names and (_role_phrase(part.split() or ["-"]) or part.strip(" .").lower() in _WIRES):
            continue  # the role or the agency after a name ("Conor Walsh, Football Correspondent")
        for sub in _JOINED.split(part):
            person = _person(sub)
            if person:
                names.append(person)


def clean_byline(text: str | None) -> str | None:
    """The names in a byline ("A, B and C"), or a desk's name; None when it names nobody."""
    text = clean_line(_CONTACT.sub(" ", text or ""))
    if not text:
        return None
    if not any(c.isupper() or c.islower() for c in text):
        return _LABEL.sub("", text).strip() or None  # a script without capitals: as given
    names: list[str] = []
    for segment in _SEGMENTS.split(text):
        _add_names(segment.strip(), names)
    if names:
        return _join(names)
    bare = _LABEL.sub("", text).strip(" ,.;:")
    desk = bare.split()
    # "By the Northern Current politics team": a desk that signs in lower case
    if desk and desk[-1].lower() in _DESK and len(desk) <= 6 and find_date(bare) is None:
        return bare[4:] if bare.lower().startswith("the ") else bare
    return None


# --- finding one among a page's lines -------------------------------------------


def _label_line(text: str) -> bool:
    return bool(_LABEL.match(text) or _LATE_BY.match(text)) and len(text.split()) <= 16


def _name_line(text: str) -> bool:
    """A line that is only names ("Jane Doe", "Jane Doe and John Roe"): two to four capitalised words each."""
    if any(c.isdigit() for c in text) or text.endswith((".", ":", "!", "?")):
        return False
    parts = _JOINED.split(text)
    return len(parts) <= MAX_NAMES and all(2 <= len(p.split()) <= 4 and _name_run(p.split()) == p.split()
                                           for p in parts)


def _role_line(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and _ROLE.match(words[-1].rstrip(".,")) is not None and all(
        w[:1].isupper() or w.lower() in ("of", "and", "&", "at", "for") for w in words)


def byline_of(text: str, before: str = "", after: str = "") -> str | None:
    """The byline ``text`` gives, if it is a byline line (``before`` and ``after`` are the
    lines around it): "By ...", "Name, Role", "Name · date", or a name over a role or a date."""
    if len(text) > 160:
        return None
    segments = [s.strip() for s in _SEGMENTS.split(text)]
    if _label_line(text):
        return clean_byline(text)
    first = segments[0].split(",")
    if len(first) == 2 and _name_line(first[0].strip()) and _role_line(first[1].strip()):
        return clean_byline(text)
    if len(segments) > 1 and any(find_date(s) or _READ_TIME.search(s) for s in segments):
        named = [s for s in segments if _name_line(s) or s.lower() in _DESK]
        if len(named) == 1:
            return clean_byline(named[0])
    if _name_line(text) and (_role_line(after) or find_date(after) is not None and len(after.split()) <= 8):
        return clean_byline(text)
    return None


def find_byline(lines: list[str]) -> str | None:
    """The first byline among ``lines`` (the lines between a headline and its text)."""
    for i, text in enumerate(lines):
        found = byline_of(text, lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else "")
        if found:
            return found
    return None


_BIO = re.compile(r"\b(?:writes|wrote|covers|based|joined|reporters?|correspondents?|editors?|writers?|journalists?|"
                  r"columnists?|contributors?|author of)\b", re.I)


_BIO_OPENING = re.compile(r"^(?:[A-Z][\w.'’-]+\s){1,4}(?:is|was|has|writes|covers|joined)\b")


def is_bio(text: str) -> bool:
    """A line about the writer: a name, then "is a reporter ...", "covers ...", "joined ..."."""
    return bool(_BIO_OPENING.match(text)) and _BIO.search(" ".join(text.split()[:20])) is not None


def tail_byline(lines: list[str]) -> str | None:
    """A byline signed under an article (``lines`` are those after its text): a "Written by"
    line, or a name over a line about the writer ("LP Staff Writers" / "Writers at ... come from")."""
    for i, text in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        words = text.split()
        signed = _label_line(text) or (
            2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not text.endswith((".", ":"))
            and len(nxt.split()) > 8 and _BIO.search(" ".join(nxt.split()[:20])) is not None)
        found = clean_byline(text) if signed else None
        if found:
            return found
    return None
