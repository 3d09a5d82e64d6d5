"""Zones of a saved page that are prose but not the article: reader comment threads.

A comment thread is recognised by its structure, not its words: repeated
records of a name line, a "says:"/"wrote:" line or a time ("3 days ago",
"June 2, 2025 at 4:10 pm"), a "Reply" or "Report" button said again and
again, usually under a header such as "12 Comments", "5 responses to ...",
"Leave a reply". Its prose scores like article prose, so the cleaner would
otherwise keep it, or even choose it over a short article.
"""

from __future__ import annotations

import re

from newsreader.ingest._textpage_lines import META, SENTENCE, Line

# A header over a thread, in a few languages: "12 Comments", "Comments (12)", "5 responses to X",
# "3 thoughts on X", "Leave a reply", "Showing comments 1 - 5 of 5", "8 users responded".
COMMENT_HEADER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions|thoughts? on|reader comments|leave a (?:comment|reply)|"
    r"post a comment|add a comment|add your comment|join the (?:discussion|conversation)|show comments|"
    r"view comments|showing comments|comments from|discussion|kommentare?|commentaires?|comentarios?|"
    r"commenti|reacties|kommentarer|komentarze?|коммент\w*)\b.{0,80}$|"
    r"^\d+\s+(?:users?|people|readers?)\s+(?:responded|commented)\b|^comments?\s*\(\d+\)$",
    re.I,
)
_SAYS = re.compile(r"\b(?:says|said|wrote|writes|dice|dijo|escribió|sagt|schrieb|dit|a écrit|scrive|schreef|"
                   r"disse|skrev|napisał)\s*:?$", re.I)
_AGO = re.compile(
    r"^(?:about\s+|posted\s+)?(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|"
    r"^vor\s+\d+\s+(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren)\b|"
    r"^il y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)\b|"
    r"^hace\s+\d+\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses|años?)\b",
    re.I,
)
_BUTTONS = re.compile(r"^(?:reply|report|like|flag|permalink|quote|antworten|répondre|responder|rispondi|"
                      r"reageer|svara|odpowiedz|ответить)\b.{0,20}$", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b", re.I)
_NEAR = 15  # lines between two records of one thread


def _mark_kind(ln: Line) -> str | None:
    """The kind of line only a comment record has: "Jane says:", "3 days ago", a "Reply" button
    said again and again, a date with a time."""
    if ln.words > 10:
        return None
    text = ln.text
    if _SAYS.search(text):
        return "says"
    if _AGO.match(text):
        return "ago"
    if ln.repeated and _BUTTONS.match(text):
        return "button"
    if ln.shape == META and _CLOCK.search(text) and ln.words <= 8:
        return "clock"
    return None


def comment_lines(lines: list[Line]) -> set[int]:
    """Indices of the lines that belong to reader comment threads."""
    marks = [(i, kind) for i, ln in enumerate(lines) if (kind := _mark_kind(ln))]
    zone: set[int] = set()
    k = 0
    while k < len(marks):
        # a run of record marks, each within _NEAR lines of the next
        j = k
        while j + 1 < len(marks) and marks[j + 1][0] - marks[j][0] <= _NEAR:
            j += 1
        run = marks[k : j + 1]
        while run and run[0][1] == "clock":
            run = run[1:]  # a date with a time heads an article as well as a comment
        k = j + 1
        if not run:
            continue
        at = [i for i, _ in run]
        # a record is a mark with prose after it (a date line over an updated line is one)
        records = sum(1 for a, b in zip(at, [*at[1:], at[-1] + 7])
                      if any(lines[x].shape == SENTENCE for x in range(a + 1, min(b, len(lines)))))
        kinds = {kind for _, kind in run}
        header = _header_above(lines, at[0])
        # under a header two records make a thread; without one, three with two kinds of
        # mark ("says:" alone is also how an article quotes letters)
        if (header is not None and records >= 2) or (records >= 3 and (len(kinds) >= 2 or "button" in kinds)):
            zone.update(range(header if header is not None else at[0], _thread_end(lines, at[-1]) + 1))
    return zone


def _header_above(lines: list[Line], i: int) -> int | None:
    """A thread's header just above its first record (a name, a date, the first comment between)."""
    prose = 0
    for j in range(i - 1, max(-1, i - 8), -1):
        ln = lines[j]
        if ln.words <= 12 and COMMENT_HEADER.match(ln.text):
            return j
        prose += ln.shape == SENTENCE
        if prose > 2:
            return None
    return None


def _thread_end(lines: list[Line], last: int) -> int:
    """The last comment's last line: prose right after the last record mark."""
    end = last
    for j in range(last + 1, min(len(lines), last + 12)):
        if lines[j].shape == SENTENCE:
            end = j
        elif j - end > 2:
            break
    return end
