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
from typing import Iterator

from newsreader.ingest._textpage_lines import META, SENTENCE, Line

# A header over a thread, in a few languages: "12 Comments", "Comments (12)", "5 responses to X",
# "3 thoughts on X", "Leave a reply", "Showing comments 1 - 5 of 5", "8 users responded".
COMMENT_HEADER = re.compile(
    r"^\W{0,3}(?:\d+\s+)?(?:comments?|responses?|replies|reactions|thoughts? on|reader comments|"
    r"leave a (?:comment|reply)|post a comment|add a comment|add your comment|join the (?:discussion|conversation)|"
    r"show comments|view comments|showing comments|comments from|discussion|kommentare?|commentaires?|"
    r"comentarios?|commenti|reacties|kommentarer|komentarze?|коммент\w*)\b.{0,80}$|"
    r"\b\d+\s+(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|commenti|reacties)\b|"
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
_DAY = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
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
    if ln.words <= 8 and _CLOCK.search(text) and (ln.shape == META or _DAY.search(text)):
        return "clock"  # "Tim 11.06.12 at 11:06 am", "June 2, 2025 at 4:10 pm"
    return None


def _runs(items: list, near) -> Iterator[list]:
    """``items`` (in page order) cut into runs whose neighbours are ``near(a, b)`` each other."""
    run: list = []
    for it in items:
        if run and not near(run[-1], it):
            yield run
            run = []
        run.append(it)
    if run:
        yield run


def comment_lines(lines: list[Line]) -> set[int]:
    """Indices of the lines that belong to reader comment threads."""
    marks = [(i, kind) for i, ln in enumerate(lines) if (kind := _mark_kind(ln))]
    zone: set[int] = set()
    # runs of record marks, each within _NEAR lines of the next
    for run in _runs(marks, lambda a, b: b[0] - a[0] <= _NEAR):
        header = _header_above(lines, run[0][0])
        if header is None:
            # a date with a time heads an article as well as a comment
            run = run[1:] if run[0][1] == "clock" else run
        if not run:
            continue
        at = [i for i, _ in run]
        # a record is a mark with prose after it (a date line over an updated line is one)
        records = sum(1 for a, b in zip(at, [*at[1:], at[-1] + 7])
                      if any(lines[x].shape == SENTENCE for x in range(a + 1, min(b, len(lines)))))
        kinds = {kind for _, kind in run}
        # under a header two records make a thread; without one, three with two kinds of mark
        # or a button, four timestamps, or two times each under a name ("says:" alone is also
        # how an article quotes letters)
        # a commenter's name over each time ("morgan29" / "4 hours ago")
        signed = all(i > 0 and lines[i - 1].words <= 4 and lines[i - 1].shape != SENTENCE for i in at)
        if (header is not None and records >= 2) or (records >= 3 and (len(kinds) >= 2 or "button" in kinds)) or (
                records >= 4 and kinds == {"clock"}) or (records >= 2 and signed and kinds <= {"ago", "clock"}):
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


# --- teaser cards -------------------------------------------------------------------

_CARD_GAP = 4  # lines between one card's teaser and the next card's headline
_ABOVE = 50  # words of prose above a list of cards: the article they are appended to


def _card_head(lines: list[Line], p: int) -> int | None:
    """The headline of the card whose teaser is line ``p``: a heading just above it."""
    for j in range(p - 1, max(-1, p - 4), -1):
        ln = lines[j]
        if ln.shape == SENTENCE:
            return None
        if 3 <= ln.words <= 25 and not ln.repeated and not ln.text.endswith((".", ":")):
            return j
    return None


def _alike(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def teaser_lines(lines: list[Line]) -> set[int]:
    """Indices of the lines of teaser-card lists: three or more records of a headline, a date or
    a line every card repeats (a source, a kicker) and a one-paragraph teaser, each about
    another story (neighbouring teasers share few words, where an article's sections or a
    gallery's captions share many)."""
    from newsreader.ingest._textpage_title import stems

    cards: list[tuple[int, int]] = []
    for p, ln in enumerate(lines):
        alone = ln.shape == SENTENCE and (p + 1 >= len(lines) or lines[p + 1].shape != SENTENCE)
        if alone and ln.words >= 12 and (h := _card_head(lines, p)) is not None:
            cards.append((h, p))
    zone: set[int] = set()
    for run in _runs(cards, lambda a, b: b[0] - a[1] <= _CARD_GAP):
        # each card carries a date or a line said on every card (a source, a kicker, "Read more")
        ends = [h for h, _ in run[1:]] + [run[-1][1] + 2]
        marked = sum(1 for (h, p), end in zip(run, ends) if any(
            lines[x].shape == META or (lines[x].repeated and lines[x].shape != SENTENCE)
            for x in range(max(0, h - 1), min(len(lines), p + 2, end))))
        if len(run) < 3 or 3 * marked < 2 * len(run):
            continue
        # cards are appended to an article: with no article above them they are the page's
        # own list (a playlist, a round-up)
        if sum(ln.words for ln in lines[: run[0][0]] if ln.shape == SENTENCE) < _ABOVE:
            continue
        words = [stems(lines[p].text) for _, p in run]
        alike = sorted(_alike(a, b) for a, b in zip(words, words[1:]))
        if alike[len(alike) // 2] < 0.25:
            zone.update(range(run[0][0], run[-1][1] + 1))
    return zone
