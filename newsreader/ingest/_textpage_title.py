"""The headline of a saved page: the heading whose words come back in the article's lead.

A page dump holds many headings: menus, tickers, most-read and related lists,
captions, the site's name, share buttons, section labels. The headline is
the one the article is about, so its words come back in the lead: each
heading above (or at the very top of) the body is scored by how many of its
words the first hundred words of prose under it repeat, by a date or byline
cluster right under it, and by the page saying it again ("Headline | Site"
in a title bar or a share line, the last crumb of a breadcrumb), less a
little for its distance from the body. Words are compared by their first
five letters (so "signing" meets "sign", "Ukraine's" meets "Ukraine"), and
CJK text by pairs of characters; no list of sites or languages.
"""

from __future__ import annotations

import re

from newsreader.ingest._textpage_lines import BOILER, META, SENTENCE, Line
from newsreader.ingest._textpage_meta import breadcrumb, crumb_names, find_date, is_caption

_WINDOW = 60  # lines above the body a headline may sit
_LEAD_WORDS = 120
_WORD = re.compile(r"[^\W\d_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Function words of a few languages that say nothing about a story's topic.
_STOP = frozenset(
    "the and for are was were but not you your with that this from have has had will been they their them "
    "his her its who what when which into over than then also more most after says said about would could "
    "should there these those just some such only other very can all one two new how why our out "
    "der die das und den dem des ein eine einer nicht mit von für auf ist sich les des une pour dans sur "
    "par est qui que aux avec los las del una por con para que che per della dei het een van voor niet "
    "med och att för som till på".split()
)
_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::|•|·|»)\s+")
_LABEL_VALUE = re.compile(r"^[^:]{1,25}\s?:\s*\S+(?:\s+\S+){0,3}$")
_ITEM_SEP = re.compile(r"\s[|·•/▪]\s")
_CAPTION_LIKE = re.compile(r"^(?:image|photo|picture|video|gallery|caption)\b|\b\d+\s+of\s+\d+$|"
                           r"\((?:photo|image|file)\b|/\s*(?:ap|afp|reuters|getty)\b", re.I)


def stems(text: str) -> set[str]:
    """Topic words of a text: first five letters of each longer non-function word;
    character pairs in CJK scripts."""
    out: set[str] = set()
    for w in _WORD.findall(text.lower()):
        if _CJK.search(w):
            chars = "".join(_CJK.findall(w))
            out.update(chars[k : k + 2] for k in range(len(chars) - 1))
        elif len(w) >= 3 and w not in _STOP:
            out.add(w[:5])
    return out


def _lead(lines: list[Line], start: int, e: int) -> set[str]:
    words: list[str] = []
    for ln in lines[start : max(e + 1, start)]:
        if ln.shape == SENTENCE and not is_caption(ln.text):  # a caption's credit names the site
            words.extend(ln.text.split())
            if len(words) >= _LEAD_WORDS or (_CJK.search(ln.text) and len(words) >= 3):
                break
    return stems(" ".join(words[:_LEAD_WORDS]) if not _CJK.search(" ".join(words)) else " ".join(words)[:400])


def _candidate(ln: Line) -> bool:
    text = ln.text
    if ln.shape in (BOILER, META) or not 2 <= ln.words <= 30 or len(text) > 250:
        return False
    if text.endswith((":", ",", ";", "»", "›", ">")) or text.startswith(("«", "‹", "<")) or (
            ln.repeated and ln.words <= 3):
        return False  # a label, a link arrow ("Back to front page »"), a menu item
    if _CAPTION_LIKE.search(text) or find_date(text) is not None or text.startswith(("<", "*", "•", "[")):
        return False
    if breadcrumb(text) or len(_ITEM_SEP.findall(text)) >= 2:
        return False  # a trail (its last crumb may name the headline) or a row of links
    first = text.lstrip("\"'“‘«¿¡")[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def said_again(lines: list[Line], i: int) -> bool:
    """Whether another line gives this one again: the same words, "Headline | Site", or a
    breadcrumb that ends with it."""
    text = lines[i].text
    low = text.casefold()
    for j, ln in enumerate(lines):
        if j == i or len(ln.text) < len(text):
            continue
        other = ln.text.casefold()
        if other == low:
            return True
        if other.startswith(low) and _TITLE_SEP.match(ln.text[len(text):]):
            return True
        crumbs = breadcrumb(ln.text)
        if crumbs and crumb_names(crumbs[-1], text):
            return True
    return False


def title_tag_head(lines: list[Line], i: int) -> str | None:
    """The headline part of a "Headline | Site" line when the page gives that headline alone elsewhere."""
    parts = _TITLE_SEP.split(lines[i].text)
    if len(parts) < 2:
        return None
    head = parts[0].casefold()
    return parts[0] if any(ln.text.casefold() == head for j, ln in enumerate(lines) if j != i) else None


def _score(lines: list[Line], i: int, s: int, e: int, lead: set[str]) -> float:
    ln = lines[i]
    mine = stems(ln.text)
    if not mine:
        return float("-inf")
    shared = len(mine & lead)
    score = 3.0 * shared / len(mine) + 0.4 * min(shared, 4)
    if ln.words < 3:
        score -= 1.5  # a name, a section or a site's name, rarely a headline
    # a date or byline under it, before any prose
    for j in range(i + 1, min(i + 7, len(lines))):
        if lines[j].shape == META:
            score += 1.0
            break
        if lines[j].shape == SENTENCE and lines[j].words > 20:
            break
    words = [w for w in ln.text.split() if any(c.isalpha() for c in w)]
    if len(words) >= 2 and sum(w.isupper() and len(w) > 1 for w in words) >= 0.6 * len(words):
        score -= 1.5  # a masthead or a section bar in capitals
    if said_again(lines, i):
        score += 2.0
    if title_tag_head(lines, i):
        score -= 3.0  # the title bar; the headline stands alone below it
    if ln.text.endswith(".") and not ln.text.endswith("..."):
        score -= 1.0  # a standfirst or a caption reads as a sentence
    if _LABEL_VALUE.match(ln.text):
        score -= 1.0  # "Director: Jane Roe", "Courtesy: City Athletics": a fact box
    if ln.shape == SENTENCE and ln.words > 20:
        score -= 1.0
    score -= 0.02 * max(0, s - i)
    return score


def find_headline(lines: list[Line], s: int, e: int) -> int | None:
    """The headline's index among ``lines`` for the body stretch [s, e], or None when no
    heading shares enough words with the lead."""
    body_lead = _lead(lines, s, e)
    best, best_score = None, 1.2
    for i in range(max(0, s - _WINDOW), min(e, s + 3)):
        ln = lines[i]
        if not _candidate(ln) or (i >= s and ln.terminal):
            continue  # (a finished sentence in the body is prose, not its headline)
        lead = body_lead if i < s else _lead(lines, i + 1, e)
        score = _score(lines, i, s, e, lead)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    # a headline over its standfirst (a rating, a label between them): both are about
    # the story, the upper one leads
    top = best
    for i in range(best - 1, max(-1, best - 4), -1):
        up = lines[i]
        if up.shape == SENTENCE and up.words > 30:
            break
        if _candidate(up) and up.words >= 4 and not (i >= s and up.terminal) and _score(lines, i, s, e, body_lead) >= 0.6 * best_score:
            top = i
    return top
