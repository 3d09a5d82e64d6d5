"""The 56 real feeds of ../shared imported: a short list of news sections and a few
feeds' own names, no keyword or furniture words, no category of one article, few
articles Uncategorised, every raw term kept as a tag."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newsreader.ingest.categories import UNCATEGORISED
from newsreader.ingest.pipeline import import_paths
from newsreader.ingest.recategorise import recategorise
from newsreader.ingest.sections import SECTIONS
from newsreader.ingest.sources import facts
from newsreader.store import Store

# what the feeds' own terms and link folders would give as categories, taken whole
JUNK = {"Shows", "Offmenu", "Entry", "Content", "Clanok", "Episodes", "Linked", "Newsticker", "Site|engadget",
        "TC", "Linklog", "Featured", "Community", "Post", "Article", "Feeds", "IN", "Homepage", "Front Page"}


@pytest.fixture(scope="module")
def real_library(tmp_path_factory):
    from tests.conftest import SHARED

    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    db = tmp_path_factory.mktemp("real") / "library.sqlite3"
    with Store(db) as store:
        results = import_paths(store, sorted((SHARED / "data" / "feeds" / "real").iterdir()), workers=1)
        assert not [r.error for r in results if r.error]
    return db


def test_the_real_feeds_give_a_short_list_of_sections(real_library):
    with Store(real_library) as store:
        cats = {c.name: c.total for c in store.categories()}
        names = {facts(f.title, f.url, f.site).name for f in store.feeds(subscribed_only=False)}
    total = sum(cats.values())
    assert len(cats) <= 20, cats
    assert min(cats.values()) >= 2, cats  # no category of one article
    assert cats.get(UNCATEGORISED, 0) < total / 10
    assert not JUNK & set(cats)
    assert set(cats) <= SECTIONS | names | {UNCATEGORISED}  # a section, or a feed's own name
    assert sum(n for c, n in cats.items() if c in SECTIONS) > total * 0.85


def test_sections_in_many_languages_meet(real_library):
    with Store(real_library) as store:
        rows = store.conn.execute("SELECT category, sections, link FROM articles").fetchall()
    terms_by_category: dict[str, Counter] = {}
    for category, sections, _link in rows:
        terms_by_category.setdefault(category, Counter()).update(json.loads(sections or "[]"))
    world = terms_by_category["World"]
    assert {"Mundo", "Mondo", "Ausland", "World news"} <= set(world)  # Portuguese, Italian, German, English
    assert "Desporto" in terms_by_category["Sport"] and "Economia" in terms_by_category["Business"]


def test_every_raw_term_stays_a_tag(real_library):
    from tests.conftest import SHARED
    from newsreader.ingest.detect import read_source_bytes
    from newsreader.ingest.pipeline import parse_document
    from newsreader.text import clean_line

    with Store(real_library) as store:
        stored = {(src, guid): (json.loads(sections), set(json.loads(tags))) for src, guid, sections, tags
                  in store.conn.execute("SELECT source, guid, sections, tags FROM articles")}
    checked = 0
    for path in sorted((SHARED / "data" / "feeds" / "real").iterdir()):
        _, feed = parse_document(read_source_bytes(path), str(path))
        for art in feed.articles:
            key = (str(path.resolve()), art.guid or art.link)
            if key not in stored:
                continue  # stored once under another key (a duplicate link)
            sections, tags = stored[key]
            terms = {clean_line(t) for t in (*art.categories, *art.tags)} - {""}
            assert terms <= tags, (path.name, terms - tags)
            assert set(sections) <= tags
            checked += 1
    assert checked > 2000


def test_choosing_again_from_the_stored_terms_gives_the_same(real_library, tmp_path):
    import shutil

    from newsreader.ingest.categories import NO_RULES

    copy = tmp_path / "copy.sqlite3"
    shutil.copy(real_library, copy)
    with Store(copy) as store:
        assert recategorise(store, NO_RULES, force=True) == 0
