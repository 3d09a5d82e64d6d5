"""Feed files as subscriptions: add by path or file: URL, import --subscribe, refresh, OPML."""

from __future__ import annotations

import sys

import pytest

from newsreader.errors import IngestError
from newsreader.ingest import detect
from newsreader.ingest.localfile import local_path, location
from newsreader.ingest.refresh import refresh_all
from newsreader.ingest.subscribe import add_subscription
from newsreader.store import Store
from tests.unit.clirun import jrun, run


def rss(title: str, guids: list[str]) -> bytes:
    items = "".join(f"<item><title>{title} story {g}</title><guid>{title}-{g}</guid>"
                    f"<pubDate>Tue, 0{i % 9 + 1} Sep 2026 10:00:00 GMT</pubDate>"
                    f"<description>Story {g} from {title}.</description></item>"
                    for i, g in enumerate(guids))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://{title.lower()}.example/</link>{items}</channel></rss>").encode()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "lib.db") as s:
        yield s


def test_file_urls_and_relative_paths_name_one_absolute_file(tmp_path, monkeypatch):
    target = tmp_path / "my feeds" / "a.rss"
    target.parent.mkdir()
    target.write_bytes(rss("A", ["1"]))
    monkeypatch.chdir(tmp_path)
    forms = [target.as_uri(), f"file://localhost{target}", f"file:{target}", "my feeds/a.rss", str(target)]
    assert {local_path(f) for f in forms} == {target}
    assert location(target.as_uri()) == str(target) and location("https://x.example/f") == "https://x.example/f"
    with pytest.raises(IngestError, match="not on 'host'"):
        local_path("file://host/feed.xml")
    with pytest.raises(IngestError, match="unsupported URL scheme 'gopher'"):
        local_path("gopher://host/feed.xml")


def test_add_by_file_url_then_refresh_reads_the_file_when_it_changes(store, tmp_path, monkeypatch):
    path = tmp_path / "local feed.rss"
    path.write_bytes(rss("Local", ["1", "2"]))
    feed, counts = add_subscription(store, path.as_uri())  # percent-encoded space
    assert feed.url == str(path) and counts.added == 2 and feed.subscribed

    # unchanged (same modification time and size): not even read
    real_read = detect.read_source_bytes
    monkeypatch.setattr(detect, "read_source_bytes", lambda p: pytest.fail("read an unchanged file"))
    assert refresh_all(store, workers=0).unchanged == 1
    monkeypatch.setattr(detect, "read_source_bytes", real_read)

    path.write_bytes(rss("Local", ["3", "1", "2"]))
    report = refresh_all(store, workers=0)
    assert (report.added, report.fetched, report.failed) == (1, 1, [])
    assert store.feed(feed.id).article_count == 3
    # touched but the same bytes: read, compared, nothing stored
    path.write_bytes(rss("Local", ["3", "1", "2"]))
    report = refresh_all(store, workers=0)
    assert (report.added, report.unchanged) == (0, 1)


def test_a_vanished_file_fails_alone_with_its_path(store, tmp_path):
    kept, gone = tmp_path / "kept.rss", tmp_path / "gone.rss"
    kept.write_bytes(rss("Kept", ["1"]))
    gone.write_bytes(rss("Gone", ["1"]))
    add_subscription(store, str(kept))
    add_subscription(store, str(gone))
    gone.unlink()
    kept.write_bytes(rss("Kept", ["2", "1"]))
    report = refresh_all(store, workers=0)
    assert report.failed == [("Gone", f"no such file: {gone}")]
    assert report.added == 1
    (failing,) = [f for f in store.feeds() if f.title == "Gone"]
    assert failing.enabled and failing.failures == 1  # a file may come back (a drive mounted again)


@pytest.mark.parametrize("target, reason", [
    ("file:///nonexistent/feed.xml", "no such file"),
    ("file://host/x", "a file: URL names a file on this computer, not on 'host'"),
    ("DIR", "is a directory"),
    ("file://DIR", "is a directory"),
])
def test_bad_targets_are_one_line_and_nonzero(capsys, tmp_path, target, reason):
    target = target.replace("DIR", str(tmp_path))
    code, out, err = run(capsys, "add", target)
    assert code == 1 and out == ""
    assert err.startswith(f"newsreader: error: {target}: {reason}") and err.count("\n") == 1


def test_import_subscribes_only_when_asked(capsys, tmp_path, monkeypatch):
    one, two = tmp_path / "one.rss", tmp_path / "two.rss"
    one.write_bytes(rss("One", ["1"]))
    two.write_bytes(rss("Two", ["1"]))
    page = tmp_path / "page.txt"
    page.write_text("A saved page\n\nSomeone said something on a Tuesday, and that was all.\n")
    (r,) = jrun(capsys, "import", str(one))
    assert r["subscription"] is False and jrun(capsys, "feeds") == []
    got = jrun(capsys, "import", "--subscribe", two.as_uri(), str(one), str(page))
    assert [r["subscription"] for r in got] == [True, True, False]
    assert got[2]["warnings"] == ["a saved page, not a feed: imported, not subscribed"]
    feeds = jrun(capsys, "feeds")
    assert sorted(f["url"] for f in feeds) == [str(one), str(two)]
    assert all(f["last_success"] and f["last_error"] is None for f in feeds)
    # refresh reads them again: unchanged at first, then the new story
    assert jrun(capsys, "refresh")["unchanged"] == 2
    two.write_bytes(rss("Two", ["2", "1"]))
    assert jrun(capsys, "refresh")["added"] == 1


def test_import_on_a_terminal_says_how_to_subscribe(capsys, tmp_path, monkeypatch):
    feed = tmp_path / "f.rss"
    feed.write_bytes(rss("F", ["1"]))
    code, out, _ = run(capsys, "import", str(feed))
    assert code == 0 and "subscribe" not in out  # piped: the summary alone
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run(capsys, "import", str(feed))
    last = out.strip().splitlines()[-1]
    assert last == (f"feed files are not subscribed; 'newsreader import --subscribe {feed}' or"
                    " 'newsreader add PATH' makes refresh read them again")
    run(capsys, "import", "--subscribe", str(feed))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _ = run(capsys, "import", str(feed))
    assert "not subscribed" not in out  # it is a subscription now


def test_opml_export_writes_file_urls_that_import_reads_back(capsys, tmp_path, newsreader_home, monkeypatch):
    feed = tmp_path / "über feed.rss"
    feed.write_bytes(rss("Local", ["1"]))
    assert run(capsys, "add", str(feed))[0] == 0
    out_file = tmp_path / "subs.opml"
    assert run(capsys, "export", "--opml", str(out_file))[0] == 0
    text = out_file.read_text(encoding="utf-8")
    assert f'xmlUrl="{feed.as_uri()}"' in text
    monkeypatch.setenv("NEWSREADER_HOME", str(tmp_path / "other-home"))
    assert jrun(capsys, "feeds") == []
    assert run(capsys, "import", str(out_file))[0] == 0
    (f,) = jrun(capsys, "feeds")
    assert f["url"] == str(feed)
    assert jrun(capsys, "refresh")["added"] == 1
