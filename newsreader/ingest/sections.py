"""News sections recognised in several languages: a term, a URL folder or a
feed title becomes one of a few canonical sections, or nothing.

Words are compared folded: case, accents, a plural "s", camelCase and the
punctuation of a URL folder ("world-news", "TVAndMovies") aside. A phrase is
tried whole, then without the word "news" ("World news" is World; "UK news",
a place's own news, is News), then part by part ("Art & Photography"), then
by its first and last word ("Home Tech", "Política internacional"). Words of
three letters or fewer count only alone ("AI", "TV"), so "Apple TV" is no
section. The vocabulary is general; nothing here is keyed to one publisher.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

NEWS = "News"  # general and home news: the weakest section, used when nothing else fits
PODCASTS = "Podcasts"

# section -> the words that name it, comma-separated (folded on load)
_VOCABULARY = {
    "World": """world, international, internacional, internacionais, internazionale, internationale,
        foreign, foreign affairs, global, mundo, mondo, monde, welt, ausland, weltgeschehen,
        esteri, estero, exterior, buitenland, wereld, swiat, zagranica, zahranicie, zahranici,
        svet, europe, europa, africa, afrique, afrika, asia, asie, asien, asia pacific,
        americas, latin america, amerique latine, america latina, lateinamerika, middle east,
        proche orient, moyen orient, oriente medio, medio oriente, naher osten, nahost, oceania,
        мир, в мире, международные новости, зарубежье, світ, у світі, міжнародні новини,
        закордон""",
    NEWS: """national, nacional, nazionale, inland, inlandsnachrichten, domestic, home news, local,
        lokales, lokal, locale, regional, regionales, regionale, region, metro, society,
        gesellschaft, societe, sociedad, sociedade, societa, crime, crime and justice, justice,
        justiz, justica, courts, police, polizei, faits divers, sucesos, cronaca, obituaries,
        education, bildung, происшествия, общество, регион, суспільство, регіони""",
    "Politics": """politics, political, politik, politique, politica, polityka, politika, politiek,
        government, elections, election, wahlen, eleicoes, elecciones, elezioni, parliament,
        parlament, democracy, политика, політика, выборы, вибори""",
    "Business": """business, economy, economics, economie, economia, wirtschaft, okonomie, finance,
        finances, financial, finanzen, finanzas, financas, finanza, money, geld, argent, dinero,
        dinheiro, soldi, personal finance, markets, market, markte, borse, bourse, mercados,
        mercado, mercati, borsa, companies, unternehmen, entreprises, empresas, aziende,
        industry, industrie, trade, jobs, careers, arbeit, emploi, empleo, emprego, lavoro,
        startups, fintech, tax, taxes, steuern, property, real estate, immobilien, immobilier,
        retail, banking, investing, stocks, crypto, cryptocurrency, экономика, економіка,
        бизнес, бізнес, финансы, фінанси, gospodarka, biznes, ekonomika""",
    "Technology": """technology, tech, technik, technologie, tecnologia, tecnologias, tecnologie, techniek,
        technika, it, computing, computers, digital, digitales, numerique, internet, web,
        netzwelt, gadgets, apps, software, hardware, mobile, smartphones, ios, android, iphone,
        ipad, mac, macos, windows, linux, ai, artificial intelligence, kunstliche intelligenz,
        ki, intelligence artificielle, inteligencia artificial, intelligenza artificiale,
        robotics, cybersecurity, database, databases, programming, programmierung,
        programmation, programacion, developer, electronics, wearables, telecoms, технологии,
        технології, hi tech, high tech""",
    "Science": """science, sciences, wissenschaft, wissen, ciencia, ciencias, scienza, scienze,
        wetenschap, nauka, veda, space, espace, espacio, espaco, spazio, raumfahrt, weltraum,
        astronomy, astronomie, physics, physik, chemistry, biology, research, forschung,
        psychology, psychologie, psicologia, archaeology, наука, космос""",
    "Health": """health, healthcare, gesundheit, sante, salud, saude, salute, gezondheid, zdrowie,
        zdravie, medicine, medizin, medecine, medicina, medical, wellness, wellbeing,
        well being, fitness, nutrition, diet, mental health, illness, diseases, coronavirus, covid,
        covid 19, pandemic, public health, здоровье, здоровя, медицина""",
    "Sport": """sport, sports, deporte, deportes, desporto, esporte, calcio, fussball, football, soccer,
        fotbal, futbol, futebol, rugby, cricket, tennis, golf, formula 1, formula one, f1,
        motorsport, racing, cycling, radsport, ciclismo, cyclisme, athletics, leichtathletik,
        atletismo, olympics, olympia, jeux olympiques, juegos olimpicos, baseball, basketball,
        hockey, boxing, nba, nfl, mlb, nhl, world cup, coupe du monde, copa do mundo,
        bundesliga, premier league, champions league, спорт, футбол""",
    "Culture": """culture, kultur, cultura, cultuur, kultura, arts, art, kunst, arte, books, bucher,
        livres, libros, livros, libri, literature, literatur, litterature, literatura,
        letteratura, music, musik, musique, musica, muziek, theatre, theater, teatro, stage,
        dance, classical, opera, museums, galleries, exhibitions, photography, design,
        architecture, history, geschichte, histoire, historia, storia, feuilleton, heritage,
        poetry, культура, музыка, музика""",
    "Entertainment": """entertainment, unterhaltung, divertissement, entretenimiento, entretenimento,
        intrattenimento, spettacoli, spettacolo, showbiz, show business, celebrity, celebrities,
        celebs, promis, tv, television, fernsehen, tele, televisao, radio, film, films, movies,
        cinema, cine, kino, tv and movies, tv and radio, games, gaming, video games, videogames,
        jeux video, videojuegos, videogiochi, spiele, comedy, humour, humor, кино, шоу бизнес""",
    "Opinion": """opinion, opinions, comment, commentary, meinung, kommentar, kommentare, debatte,
        standpunkt, opiniao, opinione, opinioni, editorial, editorials, editoriale, leitartikel,
        tribune, tribunes, idees, columns, column, columnists, kolumne, kolumnen, op ed, oped,
        letters, opinie, мнения, мнение, думки""",
    "Lifestyle": """lifestyle, life and style, style, leben, living, vie, vida, estilo, stile, stil,
        fashion, mode, moda, beauty, food, food and drink, essen, cuisine, cocina, cozinha,
        cucina, recipes, rezepte, recettes, recetas, travel, reisen, voyage, voyages, viajes,
        viagens, viaggi, garden, gardening, garten, jardin, home and garden, relationships,
        family, parenting, parents, shopping, things to do, going out, ausgehen, sortir,
        motoring, cars, стиль жизни, стиль""",
    "Environment": """environment, environmental, umwelt, environnement, medio ambiente, meio ambiente,
        ambiente, milieu, srodowisko, climate, climate change, climate crisis, klima,
        klimawandel, climat, clima, weather, wetter, meteo, nature, natur, naturaleza, natureza,
        natura, wildlife, planet, planete, sustainability, nachhaltigkeit, экология, екологія,
        климат, клімат, погода""",
    PODCASTS: "podcast, podcasts, podcasting",
}

SECTIONS = frozenset(_VOCABULARY)  # the canonical sections

# Chinese, Japanese and Korean write words without spaces: these are found inside a short term.
_CJK_VOCABULARY = {
    "World": "国际 世界 国際 海外 국제 세계",
    NEWS: "新闻 新聞 社会 社會 本地 国内 國內 뉴스 사회",
    "Politics": "政治 时政 時政 정치",
    "Business": "财经 財經 经济 經濟 経済 金融 投资 投資 股票 商业 商業 ビジネス 경제",
    "Technology": "科技 技术 技術 数码 數碼 互联网 テクノロジー 테크",
    "Science": "科学 科學 과학",
    "Health": "健康 医疗 醫療 건강",
    "Sport": "体育 體育 スポーツ 스포츠",
    "Culture": "文化 艺术 藝術 문화",
    "Entertainment": "娱乐 娛樂 影视 电影 電影 游戏 遊戲 エンタメ 映画 연예",
    "Opinion": "评论 評論 观点 觀點 社论 社論 사설 오피니언",
    "Lifestyle": "生活 时尚 時尚 旅游 旅遊 美食 라이프",
    "Environment": "环境 環境 气候 氣候 환경",
    PODCASTS: "播客 ポッドキャスト 팟캐스트",
}
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # Hangul folds to jamo
CJK_TERM = 12  # characters: longer CJK text is a sentence, not a section's name

# Words that say "news" and nothing more, in the languages feeds come in.
_NEWS_WORDS = """news, nachrichten, meldungen, neuigkeiten, aktuelles, aktuell, noticias, noticia,
    novedades, actualidad, actualites, actualite, nouvelles, infos, notizie, nieuws, nyheter, nyheder,
    uutiset, wiadomosci, aktualnosci, zpravy, spravy, spravodajstvo, novinky, newsticker, ticker,
    liveticker, headlines, breaking, новости, новини, ειδησεις, επικαιροτητα, haberler"""
# Phrases that say the same in more than one word.
_NEWS_PHRASES = """top stories, top news, ultime notizie, ultimas noticias, latest news, breaking news,
    all stories"""
# A site's front page: a feed of it is general news, but as an entry's term or a
# breadcrumb it names no section.
_HOME_PHRASES = """homepage, home page, front page, front pages, frontpage, startseite, accueil, portada,
    inicio, inizio, forside, voorpagina, strona glowna, a la une, главная, головна"""
# Words that name no section and are dropped around one ("Latest", "All", "the").
_FILLER = """latest, all, the, top, home, start, index, daily, today, online, rss, feed, feeds, flux,
    more, recent, new, neueste, neuesten, alle, dernieres, ultimas, ultime, der, die, das, le, la, les, el, il, lo, de,
    di, da, del, du, des, of, from, from the, aus, et, and, und, главное, последние, свежие, все, всі"""
# Words that qualify a phrase rather than head it: "Family Medicine" is medicine.
_WEAK = frozenset("family living style stage design history parents letters column mode vie vida "
                  "leben region local society market trade stars cars natur space".split())
# A list joins its parts with these: "Science & Tech", "Economia e Finanza".
_JOINERS = frozenset("and und et y e i en и і та".split())
_SPLIT = re.compile(r"\s*[&/+,;|]\s*")
_JOINED = re.compile(r"\s+(?:%s)\s+" % "|".join(sorted(_JOINERS)))


def fold(text: str) -> str:
    """Lower case without accents, camelCase split, URL punctuation made spaces."""
    # "TVAndMovies" -> "TV And Movies"; "iOS", "iPhone" and "macOS" stay whole
    text = re.sub(r"(?<=[a-z]{2})(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", text)
    text = unicodedata.normalize("NFKD", text.replace("&amp;", "&").casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\(.*?\)|['’`ʼ]", "", text)  # "(2022)"; "здоров'я"
    text = re.sub(r"[_\-.:!?\"«»“”]+", " ", text)
    return " ".join(text.split())


def _phrases(text: str) -> set[str]:
    return {fold(p) for p in text.replace("\n", " ").split(",") if p.strip()}


def _lexicon() -> dict[str, str]:
    out = {}
    for section, words in _VOCABULARY.items():
        for phrase in _phrases(words):
            out[phrase] = section
            if phrase.endswith("s") and len(phrase) >= 5 and " " not in phrase:
                out.setdefault(phrase[:-1], section)  # "computers" names "Computer Security" too
    return out


_LEXICON = _lexicon()
_CJK_WORDS = sorted(((fold(w), section) for section, words in _CJK_VOCABULARY.items() for w in words.split()),
                    key=lambda pair: -len(pair[0]))
_NEWS = _phrases(_NEWS_WORDS)
_NEWS_MULTI = _phrases(_NEWS_PHRASES)
_HOMES = _phrases(_HOME_PHRASES)
_FILLERS = _phrases(_FILLER)


def _word(word: str) -> str | None:
    """A single word's section, its plural tried too; short words only match alone."""
    for w in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if len(w) >= 4 and w in _LEXICON:
            return _LEXICON[w]
    return None


def _strip_news(words: list[str]) -> tuple[list[str], bool]:
    """The words without news words and filler at either end; whether any were news."""
    news = False
    while words and (words[0] in _NEWS or words[0] in _FILLERS):
        news = news or words[0] in _NEWS
        words = words[1:]
    while words and (words[-1] in _NEWS or words[-1] in _FILLERS):
        news = news or words[-1] in _NEWS
        words = words[:-1]
    return words, news


def _exact(phrase: str) -> str | None:
    """A phrase's section when the phrase, or its singular, is in the vocabulary."""
    if phrase in _LEXICON:
        return _LEXICON[phrase]
    if " " not in phrase:
        return _word(phrase)
    return None


def _one(phrase: str, heads: bool) -> str | None:
    """The section a phrase without list separators names."""
    found = _exact(phrase)
    if found:
        return found
    if phrase in _HOMES:
        return None
    if _CJK.search(phrase):
        if len(phrase) > CJK_TERM:
            return None
        return first_section(section for word, section in _CJK_WORDS if word in phrase)  # "体育新闻": Sport
    words = [w for w in phrase.split() if not w.isdigit()]  # "iOS 15", "Formula 1" was tried whole
    if not words:
        return None
    if phrase in _NEWS_MULTI or all(w in _NEWS or w in _FILLERS for w in words):
        return NEWS if any(w in _NEWS for w in words) or phrase in _NEWS_MULTI else None
    core, news = _strip_news(words)
    if core != words and core:
        found = _one(" ".join(core), heads)
        if found or not news:
            return found
        return NEWS if len(core) <= 3 else None  # "UK news", "Australia news": a place's own news
    found = _exact(" ".join(words))
    if found or not heads or len(words) < 2:
        return found
    # "Home Tech", "mental health issues", "Política internacional": the head of the phrase
    for part in (" ".join(words[-2:]), " ".join(words[:2]), words[-1], words[0]):
        found = _exact(part) if " " in part else None if part in _WEAK else _word(part)
        if found:
            return found
    return None


@lru_cache(maxsize=65536)
def section_of(term: str, heads: bool = True) -> str | None:
    """The canonical section a term names ("Mundo" -> "World", "Home Tech" ->
    "Technology", "UK news" -> "News"), or None. ``heads=False`` matches whole
    phrases only, for text that is not a term (a feed's title)."""
    phrase = fold(term)
    if not phrase or len(phrase) > 60:
        return None
    found = _exact(phrase)
    if found:
        return found
    parts = [p.strip() for chunk in _SPLIT.split(phrase) for p in _JOINED.split(chunk)]
    if len(parts) > 1:
        # a list: its first part that names a section ("Art & Photography", "TV and movies")
        return next((found for p in parts if p and (found := _one(p, heads))), None)
    return _one(phrase, heads)


def first_section(found: Iterable[str | None]) -> str | None:
    """The first section found that is not "News" (read no further), else "News" if found."""
    news = None
    for section in found:
        if section and section != NEWS:
            return section
        news = news or section
    return news


def is_news_words(text: str) -> bool:
    """Whether a title or name says "news" ("Sky News", "Top Stories", "Actualités", "UK homepage")."""
    phrase = f" {fold(text)} "
    return any(w in _NEWS for w in phrase.split()) or any(f" {p} " in phrase for p in _NEWS_MULTI | _HOMES)


def only_filler(text: str) -> bool:
    """Whether a text holds nothing but news words and filler ("Latest", "Top Stories", "Home")."""
    phrase = fold(text)
    return phrase in _HOMES or all(w in _NEWS or w in _FILLERS for w in phrase.split())
