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

from newsreader.ingest._textpage_lines import _CJK, _URL, BOILER, META, SENTENCE, Line, boiler_weight
from newsreader.ingest._textpage_meta import breadcrumb, crumb_names, find_date, is_caption

_WINDOW = 60  # lines above the body a headline may sit
_LEAD_WORDS = 120
_WORD = re.compile(r"[^\W\d_]+")
# Function words of a few languages that say nothing about a story's topic.
_STOP = frozenset(
    "the and for are was were but not you your with that this from have has had will been they their them "
    "his her its who what when which into over than then also more most after says said about would could "
    "should there these those just some such only other very can all one two new how why our out "
    "der die das und den dem des ein eine einer nicht mit von für auf ist sich les des une pour dans sur "
    "par est qui que aux avec los las del una por con para que che per della dei het een van voor niet "
    "med och att för som till på".split()
)
_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::?|•|·|»)\s+")
_SITE_COLON = re.compile(r"^\S+(?:\s+\S+){0,3}:\s+$")  # "The Press Association: " before a headline
_LABEL_VALUE = re.compile(r"^[^:]{1,25}\s?:\s*\S+(?:\s+\S+){0,3}$")
_ITEM_SEP = re.compile(r"\s[|·•/▪]\s")
_CAPTION_LIKE = re.compile(r"^(?:image|photo|picture|video|gallery|caption)\b|\b\d+\s+of\s+\d+$|"
                           r"\((?:photo|image|file)\b|/\s*(?:ap|afp|reuters|getty)\b", re.I)
# A picture's credit after its caption: "... lost 130lb. Emma Roma Jayne", "... in Qatar.AFP",
# "(AfD)Quelle: Name/dpa", "Bildrechte: agency", "© Agency", "All rights reserved"
_CREDIT = re.compile(r"\b(?:quelle|bildrechte|bildquelle|foto|fotos|photo|credit|crédit|image)\s?:\s|©|"
                     r"all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos|"
                     r"\bfile (?:image|photo)$|[\w)]\.(?:AFP|AP|EFE|Reuters|Getty Images|dpa)$", re.I)
# "... sentence. First Last" (case matters), not after a title's abbreviation ("Rep. Ilhan Omar")
_NAME_TAIL = re.compile(r"(?<![\w.])(?![A-Z][a-z]{0,3}\.)\w+\.\s(?:[A-Z][\w'’-]+\s?){1,4}$")


def _credited(text: str) -> bool:
    """A caption with its picture's credit: a credit mark, or a sentence (lower-case words
    in it) that ends in a name of one to four capitalised words."""
    if _CREDIT.search(text):
        return True
    m = _NAME_TAIL.search(text)
    return bool(m) and sum(w.islower() for w in text[: m.start()].split()) >= 3


_BUTTONS = frozenset(
    "save share email e-mail mail print tweet comment comments facebook twitter whatsapp linkedin reddit "
    "pinterest bookmark recommend".split())


def without_buttons(headline: str) -> str:
    """The headline without share buttons run into its end ("... Finale Save Email Print")."""
    words = headline.split()
    n = len(words)
    while n and words[n - 1].casefold().strip("|·•") in _BUTTONS:
        n -= 1
    return " ".join(words[:n]) if len(words) - n >= 2 and n >= 3 else headline


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


def _arrow_end(text: str) -> bool:
    """A link arrow at the end ("More news »"), not the close of a quotation the line
    opened ('Binet warns of « a grave situation »')."""
    for close, opening in (("»", "«"), ("›", "‹")):
        if text.endswith(close):
            return opening not in text
    return False


def _candidate(ln: Line) -> bool:
    text = ln.text
    if ln.shape == META or not 2 <= ln.words <= 30 or len(text) > 250:
        return False
    if ln.shape == BOILER and (ln.words < 4 or _URL.search(text)):
        return False  # (a longer one may be a headline with one such word: "Search for coach expands")
    if text.endswith((":", ",", ";", ">")) or text.startswith(("«", "‹", "<")) or (
            ln.repeated and ln.words <= 3) or _arrow_end(text):
        return False  # a label, a link arrow ("Back to front page »"), a menu item
    words = text.split()
    if len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2 :]:
        return False  # a link's text given twice ("Logo Herald Logo Herald"): alt text, a menu
    if text.endswith(".") and not text.endswith(".."):
        return False  # a standfirst, a caption, a sentence: headlines end without a full stop
    if _CAPTION_LIKE.search(text) or find_date(text) is not None or text.startswith(("<", "*", "•", "[")):
        return False
    if _credited(text):
        return False  # a caption with its picture's credit
    if breadcrumb(text) or len(_ITEM_SEP.findall(text)) >= 2:
        return False  # a trail (its last crumb may name the headline) or a row of links
    strong, weak = boiler_weight(text)
    if strong or weak >= max(2, ln.words // 2) or (ln.shape == BOILER and weak > 1):
        return False  # "Share on Facebook", "Email this story"
    first = text.lstrip("\"'`“‘«¿¡")[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower()) or (
        text[1:2].isupper())  # "iTunes does a movie deal"


class Echoes:
    """What a page says more than once, read once per page for ``said_again``."""

    def __init__(self, lines: list[Line]) -> None:
        self.folded = [ln.text.casefold() for ln in lines]
        self.count: dict[str, int] = {}
        for text in self.folded:
            self.count[text] = self.count.get(text, 0) + 1
        trails = [breadcrumb(ln.text) for ln in lines]
        self.trail = [bool(crumbs) for crumbs in trails]
        self.last_crumbs = [crumbs[-1] for crumbs in trails if crumbs]


def said_again(lines: list[Line], i: int, echoes: Echoes) -> bool:
    """Whether another line gives this one again: "Headline | Site" (a title bar, a share
    line), a breadcrumb that ends with it, or the same words when they are a headline's
    length (said twice: menus and "Continue reading" repeat)."""
    text = lines[i].text
    low = echoes.folded[i]
    if echoes.count[low] == 2 and lines[i].words >= 5:
        return True
    for j, other in enumerate(echoes.folded):
        if j == i or len(other) <= len(low) or echoes.trail[j]:
            continue  # (a trail's last crumb is read below)
        if other.startswith(low) and _TITLE_SEP.match(lines[j].text[len(text):]):
            return True
        if other.endswith(low) and _TITLE_SEP.search(lines[j].text[: len(other) - len(low)] + " "):
            return True  # "Site - Headline"
    # a trail's last crumb names the headline only when it is one ("Home » World » <headline>"),
    # not a section ("News - Wire")
    return lines[i].words >= 4 and any(crumb_names(crumb, text) for crumb in echoes.last_crumbs)


def title_bar(lines: list[Line], i: int, window: range) -> bool:
    """Whether the line is a title bar: another candidate line's words with a site's name
    before or after them ("Headline | Site", "Site - Headline")."""
    text = lines[i].text.casefold()
    for j in window:
        other = lines[j].text.casefold()
        if j == i or lines[j].words < 3 or len(other) >= len(text):
            continue
        if text.startswith(other) and _TITLE_SEP.match(lines[i].text[len(other):]):
            return True
        before = lines[i].text[: len(text) - len(other)]
        if text.endswith(other) and (_TITLE_SEP.search(before + " ") or _SITE_COLON.match(before)):
            return True
    return False


def _weights(lines: list[Line], s: int, e: int) -> dict[str, float]:
    """How specific each word of the candidate lines is: a word the furniture says on many
    lines (a section's name, "news", the site's name) counts for little."""
    df: dict[str, int] = {}
    seen: set[str] = set()
    for j, ln in enumerate(lines):
        if not s <= j <= e and ln.text not in seen:  # a line said again (the headline) counts once
            seen.add(ln.text)
            for w in stems(ln.text):
                df[w] = df.get(w, 0) + 1
    return {w: 1.0 / (1.0 + max(0, n - 2) / 2.0) for w, n in df.items()}


def _shared(text: str, lead: set[str], weight: dict[str, float]) -> tuple[float, float]:
    """(weight of the line's words the lead repeats, weight of all its words)."""
    mine = stems(text)
    return sum(weight.get(w, 1.0) for w in mine & lead), sum(weight.get(w, 1.0) for w in mine)


def _score(lines: list[Line], i: int, s: int, lead: set[str], weight: dict[str, float], echoes: Echoes) -> float:
    ln = lines[i]
    mine = stems(ln.text)
    if not mine:
        return float("-inf")
    w_shared, w_all = _shared(ln.text, lead, weight)
    # the share of its words the lead repeats, the more specific they are the better
    score = 3.0 * (w_shared / w_all) * (w_all / len(mine)) + 0.4 * min(w_shared, 4.0)
    if ln.words < 3:
        score -= 1.5  # a name, a section or a site's name, rarely a headline
    # a date or byline under it, before any prose or another heading of a headline's
    # length (the cluster belongs to the heading right over it)
    for j in range(i + 1, min(i + 7, len(lines))):
        if lines[j].shape == META:
            score += 0.0 if _in_card_list(lines, i) else 1.0
            break
        if (lines[j].shape == SENTENCE and lines[j].words > 20) or (
                (ln.words < 4 or not w_shared) and lines[j].words >= 4 and _candidate(lines[j])):
            break  # a label over a headline: the cluster is the headline's
    words = [w for w in ln.text.split() if any(c.isalpha() for c in w)]
    if len(words) >= 2 and sum(w.isupper() and len(w) > 1 for w in words) >= 0.6 * len(words):
        score -= 1.5  # a masthead or a section bar in capitals
    if said_again(lines, i, echoes):
        score += 2.0
    if _LABEL_VALUE.match(ln.text):
        score -= 1.0  # "Director: Jane Roe", "Courtesy: City Athletics": a fact box
    if ln.shape == SENTENCE and ln.words > 20:
        score -= 1.0
    score -= 0.02 * max(0, s - i)
    return score


def _in_card_list(lines: list[Line], i: int) -> bool:
    """Whether the heading follows another heading-and-byline record (a related list's
    "Headline / By Name" cards): its byline then says nothing of the page's own head."""
    for m in range(max(1, i - 2), i):
        if lines[m].shape == META and lines[m - 1].words >= 3 and _candidate(lines[m - 1]):
            return True
    return False


_STRONG, _WEAK = 1.2, 0.5  # a headline's score; a weaker one is taken only when nothing passes
_DECK_WORDS = 10  # a heading this long may be the standfirst under a headline


Scored = tuple[dict[int, float], dict[int, float]]


# a full stop after a word, then a capital: a sentence stated before the line's last one
_STATED = re.compile(r"[a-zà-ÿß]{2}\.\s+[A-ZÀ-ÝÄÖÜ]")


def _asks(lines: list[Line], i: int) -> bool:
    """A headline that asks or exclaims ("What's next for Gaza?") opening the prose: a short
    line ending so, a date or byline a few lines under it. A longer line that states a
    sentence before its question is a standfirst ("Berlin. She takes up the post. But ...?")."""
    if lines[i].words > 12 and _STATED.search(lines[i].text):
        return False
    return lines[i].words <= 20 and lines[i].text.rstrip("”’\"'»").endswith(("?", "!")) and any(
        lines[k].shape == META or (lines[k].shape != SENTENCE and lines[k].words <= 25
                                   and find_date(lines[k].text) is not None)
        for k in range(i + 1, min(i + 5, len(lines))))  # ("Name · Site · Posted: <date>")


def _opens(lines: list[Line], s: int, i: int) -> bool:
    """Whether line ``i`` may still be the stretch's heading: it opens it, or only a few
    lines without a stated sentence (a title bar, a section label, a search engine's
    question title) come before it."""
    return s <= i <= s + 3 and not any(lines[k].shape == SENTENCE and lines[k].terminal and (
        lines[k].words > 20 or not lines[k].text.rstrip("”’\"'»").endswith(("?", "!"))) for k in range(s, i))


def headline_scores(lines: list[Line], s: int, e: int) -> Scored:
    """Each headline candidate for the stretch [s, e]: its score, and the weight of its
    words the lead repeats (what ``headline_strength`` and ``find_headline`` read)."""
    window = range(max(0, s - _WINDOW), min(e, s + 3) + 1)
    weight = _weights(lines, s, e)
    lead = _lead(lines, s, e)
    echoes = Echoes(lines)
    scores: dict[int, float] = {}
    shared: dict[int, float] = {}
    for i in window:
        ln = lines[i]
        # the stretch may open with a headline (a long one reads as prose, a question ends
        # like one), never with a finished sentence
        finished = i >= s and ln.terminal and not (_opens(lines, s, i) and _asks(lines, i))
        if not _candidate(ln) or finished or title_bar(lines, i, window):
            continue
        mine = _lead(lines, i + 1, e) if i >= s else lead
        scores[i] = _score(lines, i, s, mine, weight, echoes) - (0.5 if i > s else 0.0)
        shared[i] = _shared(ln.text, mine, weight)[0]
    return scores, shared


def headline_strength(scored: Scored) -> float:
    """How surely a headline heads its stretch (its best candidate's score)."""
    return max(scored[0].values(), default=float("-inf"))


def head_block(lines: list[Line], before: int) -> tuple[int, int, float] | None:
    """The strongest story head above line ``before``: a heading with a date or byline
    under it and prose right below whose words repeat the heading's. Returns (heading,
    first prose line, score)."""
    echoes = Echoes(lines)
    weight = _weights(lines, before, len(lines))  # how often the page above says each word
    best: tuple[int, int, float] | None = None
    for i in range(before):
        if not _candidate(lines[i]) or lines[i].words < 3:
            continue
        dated = next((j for j in range(i + 1, min(i + 5, before)) if lines[j].shape == META), None)
        prose = next((j for j in range(i + 1, min(i + 9, before)) if lines[j].shape == SENTENCE), None)
        if dated is None or prose is None or prose < dated:
            continue
        score = _score(lines, i, i, _lead(lines, prose, before - 1), weight, echoes)
        if best is None or score > best[2]:
            best = (i, prose, score)
    return best


def _label(text: str) -> bool:
    """A fact ("Director: Jane Roe") or a series' label ("Seascape: the state of our
    oceans") over a headline, not the headline."""
    return bool(_LABEL_VALUE.match(text)) or ": " in text


def find_headline(lines: list[Line], s: int, e: int, scored: Scored | None = None) -> int | None:
    """The headline's index among ``lines`` for the body stretch [s, e], or None when no
    heading shares enough words with the lead (``scored``: its ``headline_scores``, if known)."""
    scores, shared = scored or headline_scores(lines, s, e)
    if not scores:
        return None
    best = max(scores, key=lambda i: (scores[i], i))
    if scores[best] < _WEAK:
        # no heading shares the lead's words (a pun, a label-like headline): the heading
        # right over the body and its byline or date, if there is one
        return next((i for i in range(s - 1, max(-1, s - 5), -1)
                     if i in scores and lines[i].words >= 3), None)
    # a headline over its standfirst (a rating, a label, a byline between them): both are
    # about the story; the standfirst is the longer, the headline the upper
    top = best
    for i in range(best - 1, max(-1, best - 4), -1):
        up = lines[i]
        if up.shape == SENTENCE and up.words > 30:
            break
        if i not in scores or up.words < 3 or _label(up.text):
            continue
        if (4 <= up.words <= lines[best].words - 2 and shared[i] >= 0.5 and scores[i] >= 0.5 * scores[best]) or (
                shared[i] >= 1.5 and scores[i] >= 0.6 * scores[best]):
            top = i
    if top == best and lines[best].words >= _DECK_WORDS and best - 1 in scores:
        # a long heading is a standfirst when a shorter heading sits right over it and shares
        # a word of the lead (a headline that plays on words may share no more); a row of
        # capitalised words is a menu, and "Series: what it is about" a label over the headline
        up = lines[best - 1]
        if 3 <= up.words <= lines[best].words - 4 and scores[best - 1] > -0.5 and shared[best - 1] \
                and any(w.islower() for w in _WORD.findall(up.text)) and not _label(up.text):
            top = best - 1
    chosen = top if scores[best] >= _STRONG or top == best else best
    return _under_kicker(lines, chosen, shared)


_KICKER_WORDS = 3


def _under_kicker(lines: list[Line], i: int, shared: dict[int, float]) -> int:
    """The heading right under a kicker ("GP de Qatar", "Wahlkampf in Thüringen") when the
    kicker was chosen: a headline's length, at least as much of the lead in it."""
    below = i + 1
    if lines[i].words <= _KICKER_WORDS and below in shared and \
            lines[i].words + 3 <= lines[below].words <= 20 and shared[below] >= shared[i] > 0:
        return below
    return i
