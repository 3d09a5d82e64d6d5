"""Which quotation marks hold a quotation, and when a quotation no speech verb
frames may take the subject of its sentence as its speaker.

Titles of works, scare quotes after "so-called", nicknames, names of features,
listed examples, code and quotations in headings are no quotations; an article
in another language keeps its quotations without speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsreader.analysis.article import Article, Para
from newsreader.analysis.lexicon import NAMING_VERBS, ORG_HEADS, SPEECH_VERBS
from newsreader.analysis.phrases import ADVERBS, descriptive_before, mentions_before
from newsreader.analysis.subjects import clause_subject, headline_case, sentence_subject
from newsreader.analysis.turns import para_heading

_WORDS = re.compile(r"\S+")
_WORD_CHARS = re.compile(r"\w+")

_LETTERS = re.compile(r"[^\W\d_]{2}")  # a word of two letters or more


# Short words of English prose; a sentence without one before its quotation is in
# another language, and a word of them after a quotation is no noun it qualifies.
_FUNCTION_WORDS = frozenset("""the a an of to and in is was are were that for on with as at by from
    has have had it its this be or but not which who their his her he she they we""".split())


_AUX_WORDS = frozenset("is was are were has have had".split())


_TITLE_SMALL = frozenset("a an the of and in on to for with at by or from nor but".split())


_LINK_MARK = re.compile(r"\[\d{1,3}\]")  # "[1]": a feed's footnote to a link


_LAUNCH_VERBS = frozenset("""introduce introduces introduced introducing launch launches launched
    launching unveil unveils unveiled unveiling debut debuts debuted debuting release releases
    released releasing rename renames renamed brand brands branded""".split())


def unframed_speaker(art: Article, para: Para, qi: int):
    """The sentence's subject as the speaker of a quotation no speech verb frames,
    when it is someone who can say things: a person named in full (or with a title),
    he, she, they, we or I, a role, an institution with a name of several words or
    an institution's head word ("the Kremlin"), or a described person or body. A
    lone capitalised word (a product, a place, "Redirect") is not enough."""
    k = para.toks[qi][4]  # the quotation's span (a quotation token holds its index)
    sp = art.spans[k]
    content = _LINK_MARK.sub("", art.text[sp.start:sp.end]).strip()
    words = [w for w in _WORD_CHARS.findall(content) if len(w) > 1 or w.isupper()]  # (not the s of What’s)
    cue = _reported(para, qi) if len(words) < 3 else -1
    reported = cue >= 0
    found = sentence_subject(para, qi) or clause_subject(para, qi) or (_cue_subject(para, cue) if reported else None)
    if found is None:
        return None
    if (len(words) < 2 and not reported) or all(
            w[:1].isupper() or w.isdigit() or w.lower() in _TITLE_SMALL for w in words):
        return None  # a term or a title: "in “typical” podcasting", "is on tour with ‘Buzzed’",
        # "stars in ‘The Big Sick’"
    toks = para.toks
    nxt = qi + 1
    while nxt < len(toks) and (toks[nxt][1] in "[]" or toks[nxt][1].isdigit()):
        nxt += 1  # past a link marker: "“sharing to Reels” [1] feature"
    if nxt < len(toks) and toks[nxt][0] == "w" and toks[nxt][1].islower() and len(words) <= 4 and not reported and (
            toks[nxt][1] not in _FUNCTION_WORDS - _AUX_WORDS and not toks[nxt][1].endswith(("ly", "ing", "ed"))):
        return None  # a name for a thing: "a new “sharing to Reels” feature", "“X VPN” is not alone"
    if found[1].lower() in _LAUNCH_VERBS:
        return None  # "The service is introducing “tip protection”": a product's name
    if nxt < len(toks) and toks[nxt][1] in ("is", "was", "are", "were"):
        return None  # "Lin shows that “Mobile protection VPN” is not alone": a name, the subject of "is"
    if not any(t[0] == "w" and t[1].lower() in _FUNCTION_WORDS for t in toks[para.sent_lo[para.sent_of[qi]]:qi]):
        return None  # not English: "O Presidente ... declarou o “estado de desastre”"
    m = found[0]
    if m.kind == "person":
        ok = m.role is not None or len(m.words) > 1 or (m.entity >= 0 and len(art.cast.names[m.entity]) > 1)
    elif m.kind == "org":
        ok = len(m.words) > 1 or (m.words and m.words[-1].lower() in ORG_HEADS)
    else:
        ok = True  # pronouns ("it" is refused already), roles, described people and bodies
    return found if ok else None


def keep_quotation(art: Article, k: int, attributed: bool, cont: bool = False) -> bool:
    """Scare quotes, titles of works and quotes in headings are not quotations."""
    sp = art.spans[k]
    para = art.paras[sp.para]
    if para_heading(art, para):  # asked once a paragraph: a long one holds many quotes
        return False
    content = _LINK_MARK.sub("", art.text[sp.start:sp.end]).strip()  # ("‘Only Connect [3]’")
    words = _WORDS.findall(content)
    qi = para.qtok[k]
    i = bisect_left(para.mtoks, qi) - 1
    if i >= 0 and para.mentions[i].tok < qi < para.mentions[i].tok_end:
        return False  # a nickname inside a name: Andrew “Boz” Bosworth
    if _LETTERS.search(content) is None or content[:1] in "/^#$<{":
        return False  # code, paths, figures: "/source", "^/source(.*)", "$1"
    if _single(art.text, sp.open_at) and _alone(art, sp, para) and _double_style(art):
        return False  # a line wholly in single marks where quotations take double ones: a
        # subheading drawn from the text ("'A fight from start to finish.'"), no one speaking
    slot = qi - 2 if qi > 1 and para.toks[qi - 1][1] == "," and para.toks[qi - 2][1].lower() in _WORKS else qi - 1
    if slot >= 0 and _shouted(para.toks, slot):
        return True  # "chants of “Ted! Ted!”", "cries of “Shame!”": a crowd's words
    if slot >= 0 and _title_slot(para.toks[slot][1]):
        bare = content.rstrip(".,")  # (also "his memoir, “Hard Choices.”")
        if _title_case(_WORDS.findall(bare), bare):
            return False  # "on CNN’s “New Day.”", "host of “The Nightly Show.”": a title
    if len(words) <= 3 and _examples(para.toks, qi):
        return False  # "terms such as ‘fire’, ‘slave labor’ and ‘injustice’": words, not speech
    if _named_as(para.toks, qi) or len(words) <= 3 and _attributive(para.toks, qi):
        return False  # "also known as “Moose,”", "a “short-ass” movie category": a name, no speech
    if not attributed:
        if cont and content[:1].isupper() and content.endswith((".", "!", "?")):
            return True
        # a sign, slogan or title with nobody saying it, full stop inside the marks
        # in the American way ("a sign reading “Marry Me Now.”") is no quotation either
        bare = content[:-1] if content.endswith(".") and not content.endswith("..") else content
        if len(words) < 3:
            return _reported(para, qi) >= 0
        return not _title_case(_WORDS.findall(bare), bare)
    if _title_case(words, content) and len(words) >= 2 and not headline_case(para):
        # a name-like quotation is a title, unless it opens its sentence in a speech
        # slot ("“Your Honor,” I said"), or the whole line is set in title case
        return content.endswith((",", "!", "?")) and starts_sentence(para, qi)
    return True


# Verbs of speech and naming in forms that are seldom nouns ("said", "calling", "calls";
# not "state", "comments", "report")
_CUES = frozenset(w for w in SPEECH_VERBS | NAMING_VERBS if w.endswith(("ed", "ing"))) | frozenset(
    "said told wrote spoke say says tell tells call calls dubs labels brands".split())


def _reported(para: Para, qi: int) -> int:
    """The verb of speech or naming (its token, else -1) that reports the clause a
    short quotation sits in ("Trump blamed it on “sickos”", "his aide calls it a “blueprint”").
    Not an adjective ("the proposed “family glitch”"), a passive with no "by" after
    the quotation ("is said to be “quietly confident”", "it's called a “duffin”") or
    a naming verb after a noun ("a device called an “Isaac”"): no one says those."""
    toks = para.toks
    lo = para.sent_lo[para.sent_of[qi]]
    for k in range(qi - 1, max(lo, qi - 20) - 1, -1):
        if toks[k][0] != "w" or toks[k][1].lower() not in _CUES:
            continue
        b = k - 1
        while b > lo and (toks[b][1].lower().endswith("ly") or toks[b][1].lower() in ADVERBS):
            b -= 1  # "are simply said", "also called"
        before = toks[b][1].lower().replace("\u2019", "'") if b >= lo else ""
        if before in _DETERMINERS:
            continue  # an adjective: "the proposed", "an alleged"
        agent = qi + 1 < len(toks) and toks[qi + 1][1].lower() == "by"
        if (before in _PASSIVE_AUX or before.endswith("'s") and before[:-2] in _PRONOUNS) and not agent:
            return -1
        if toks[k][1].lower() in _NAMING_PAST and before.isalpha() and before == toks[b][1] and (
                before not in _PRONOUNS) and not agent and toks[k + 1][1].lower() not in ("for", "on", "off"):
            return -1  # (a lower-case word: a noun the participle qualifies)
        return k
    return -1


_DETERMINERS = frozenset("the a an his her its their our my your".split())
_PRONOUNS = frozenset("he she they we i you who it that what there".split())
_NAMING_PAST = frozenset("called dubbed named labeled labelled termed branded nicknamed".split())
_PASSIVE_AUX = frozenset("is are was were be been being so-".split())


def _cue_subject(para: Para, v: int):
    """The mention right before verb ``v`` (past a comma closing an apposition, or an
    adverb): "Jake Sullivan, calls", "the newspaper often calls"."""
    toks = para.toks
    b = v
    while b > 0 and (toks[b - 1][1] == "," or toks[b - 1][1].lower().endswith("ly")) and v - b < 2:
        b -= 1
    m = next(mentions_before(para, b, max(0, b - 12)), None)
    if m is None or m.tok_end != b:
        # no name: a determiner phrase in the subject's slot ("the state paper calls it “...”")
        m = descriptive_before(para, b, para.sent_lo[para.sent_of[v]])
    if m is None or m.tok_end != b or m.extra.get("prep") or m.extra.get("poss"):
        return None
    if m.kind == "pron" and m.words[0].lower() in ("it", "i", "we"):
        return None
    return (m, toks[v][1]) if m.kind in ("person", "org", "pron", "desc", "role") else None


# Nouns for words a crowd calls out: "chants of “Ted! Ted!”" is speech, no title.
_CALLS = frozenset("chant chants cries cry shouts shout calls cheers roar roars".split())


def _shouted(toks: list, slot: int) -> bool:
    return toks[slot][1].lower() == "of" and slot > 0 and toks[slot - 1][1].lower() in _CALLS


def _single(text: str, at: int) -> bool:
    """Whether the mark at ``at`` is one single quotation mark (not '' standing for a double)."""
    return text[at] in "'\u2018" and text[at + 1:at + 2] not in ("'", "\u2018")


def _alone(art: Article, sp, para: Para) -> bool:
    """Whether the quotation is all its paragraph holds (a full stop after it aside)."""
    text = art.text
    if sp.open_at - para.start > 8 or para.end - sp.close_end > 8:
        return False  # (bounded: a long paragraph of many quotations stays linear)
    return not text[para.start:sp.open_at].strip() and text[sp.close_end:para.end].strip() in ("", ".")


def _double_style(art: Article) -> bool:
    """Whether the article quotes in double marks: more of its quotations open with
    one than with a single mark (worked out once an article)."""
    style = art.memo.get("double")
    if style is None:
        singles = sum(_single(art.text, sp.open_at) for sp in art.spans)
        style = art.memo["double"] = len(art.spans) - singles > singles
    return bool(style)


# Nouns for features, products and labels a quoted name qualifies.
_THING_NOUNS = frozenset("""feature features button buttons category categories option options toggle
    mode tab menu setting settings section label tag badge icon filter program programme scheme tool
    tools version edition series brand product products app apps sticker stickers logo""".split())


def _named_as(toks: list, qi: int) -> bool:
    """"known as “Moose”", "aka “Boz”", "nicknamed “the Fixer”"."""
    prev = [t[1].lower() for t in toks[max(0, qi - 2):qi]]
    return prev[-1:] in (["aka"], ["nicknamed"], ["so-called"]) or prev == ["known", "as"]


def _attributive(toks: list, qi: int) -> bool:
    """A quoted name qualifying a noun for a feature, product or label after it, behind
    a determiner: "a new “Discover” feature", "the “avoid tolls” toggle"."""
    if qi == 0 or qi + 1 >= len(toks) or toks[qi - 1][1].lower() not in ("a", "an", "the", "new", "its", "their"):
        return False
    nxt = toks[qi + 1][1]
    return nxt.lower() in _THING_NOUNS or (  # (also "a “short-ass” movie category")
        nxt.islower() and qi + 2 < len(toks) and toks[qi + 2][1] in _THING_NOUNS)


def _examples(toks: list, qi: int) -> bool:
    """Whether the quotation at ``qi`` is one of a list of examples after "such as",
    "like" or "including" (items of the list are quotations, commas, and/or)."""
    k = qi - 1
    while k >= 1 and (toks[k][0] == "q" or toks[k][1] in (",", "and", "or")):
        k -= 1
    if k < 0:
        return False
    low = toks[k][1].lower()
    return low in ("like", "including") or (low == "as" and k > 0 and toks[k - 1][1].lower() == "such")


_TITLE_CUES = frozenset(
    """on titled entitled called named dubbed book memoir show film movie series program
    programme column album song novel play podcast documentary episode phrase term slogan
    motto hashtag""".split())


# Nouns for works whose title may follow after a comma ("his memoir, “Hard Choices.”")
_WORKS = frozenset("""book memoir show film movie series program programme column album song novel
    play podcast documentary episode""".split())


def _title_slot(word: str) -> bool:
    """A word after which a capitalised quotation names a work: a possessive
    ("Fox News Channel’s “Hannity,”"), on/titled/book/show ..., or for/of ("a position
    for “Apple Search.”", "the star of “Normal People”")"""
    low = word.lower()
    return low in _TITLE_CUES or low in ("for", "of") or (len(low) > 2 and low.endswith(("\u2019s", "'s")))


def _title_case(words: list[str], content: str) -> bool:
    """A title of a work or a slogan: every longer word capitalised, no full stop."""
    long_ = [w for w in words if len(w) >= 3 and w.lower() not in _TITLE_SMALL]  # (not "with", "from")
    return ((len(long_) >= 2 or len(words) <= 2) and bool(long_) and all(w[:1].isupper() for w in long_)
            and not content.endswith((".", "!", "?", ".,")))


def starts_sentence(para: Para, qi: int) -> bool:
    return qi == 0 or para.sent_lo.get(para.sent_of[qi]) == qi


_ENGLISH = frozenset("""the of and to is that with for this from have has are were it he she they said an
    on at by as be was not but or his her him we you will would can who which their there been
    had about after says told more also its our""".split())  # (not "a", "in", "i": Italian has them)


_LETTER_RUNS = re.compile(r"[^\W\d_]+")


def is_english(text: str) -> bool:
    """Whether the text reads as English: common short English words make one in
    five of its words or so (in other languages, fewer than one in twenty-five)."""
    words = _LETTER_RUNS.findall(text[:4000].lower())
    if len(words) < 12:
        return True
    return sum(w in _ENGLISH for w in words) * 100 >= 6 * len(words)
