"""The HTTP layer against a real server on 127.0.0.1: conditional, bounded, concurrent."""

from __future__ import annotations

import asyncio
import gzip
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsreader import __version__
from newsreader.errors import IngestError
from newsreader.ingest.fetch import (
    FetchJob,
    FetchSettings,
    _Decoder,
    fetch,
    fetch_all,
    parse_retry_after,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "http"))
from loopback import FeedServer, rss  # noqa: E402

FAST = FetchSettings(deadline=2.0, connect_timeout=1.0, read_timeout=1.0)


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


def one(server, path, settings=FAST, **job):
    (res,) = fetch_all([FetchJob(path, server.url(path), **job)], settings)
    return res


def test_plain_fetch_sends_a_real_user_agent(server):
    body = rss("Harbour", 3)
    server.feed("/f", body)
    res = one(server, "/f")
    assert res.ok and res.status == 200 and res.body == body
    assert res.content_type == "application/rss+xml"
    assert not res.conditional
    ua = server.requests("/f")[0]["user-agent"]
    assert ua.startswith(f"newsreader/{__version__}")
    assert "gzip" in server.requests("/f")[0]["accept-encoding"]


def test_etag_then_304(server):
    server.feed("/f", rss("Harbour", 3), etag='"v1"')
    first = one(server, "/f")
    assert first.status == 200 and first.etag == '"v1"'
    again = one(server, "/f", etag=first.etag)
    assert again.conditional and again.not_modified and again.body == b""
    assert server.requests("/f")[1]["if-none-match"] == '"v1"'


def test_last_modified_then_304(server):
    stamp = "Tue, 03 Nov 2026 08:00:00 GMT"
    server.feed("/f", rss("Harbour", 3), last_modified=stamp)
    first = one(server, "/f")
    assert first.last_modified == stamp
    again = one(server, "/f", last_modified=stamp)
    assert again.not_modified
    assert server.requests("/f")[1]["if-modified-since"] == stamp


def test_slow_feed_hits_the_deadline(server):
    server.slow("/slow", 5.0, b"<rss>")
    t = time.monotonic()
    res = one(server, "/slow", FetchSettings(deadline=0.5, read_timeout=3.0))
    assert time.monotonic() - t < 2.0
    assert not res.ok and "timed out" in res.error


def test_read_timeout_is_its_own_bound(server):
    server.slow("/slow", 5.0, b"<rss>")
    res = one(server, "/slow", FetchSettings(deadline=5.0, read_timeout=0.3))
    assert "timed out" in res.error and res.elapsed < 2.0


@pytest.mark.parametrize("code, words", [(404, "not found"), (500, "server error (HTTP 500"),
                                         (410, "gone"), (403, "refuses")])
def test_error_statuses_in_words(server, code, words):
    server.status("/x", code)
    res = one(server, "/x")
    assert not res.ok and words in res.error and res.status == code
    assert res.gone == (code == 410)


def test_redirect_chain_is_followed(server):
    server.redirect("/r1", "/r2")
    server.redirect("/r2", server.url("/r3"), 307)
    server.feed("/r3", rss("End", 2))
    res = one(server, "/r1")
    assert res.ok and res.final_url == server.url("/r3")
    assert res.permanent_url is None  # a temporary hop: keep the old address


def test_redirect_loop_is_an_error(server):
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    res = one(server, "/a")
    assert "redirect loop" in res.error
    assert len(server.requests("/a")) == 1


def test_too_many_redirects(server):
    for i in range(6):
        server.redirect(f"/hop{i}", f"/hop{i + 1}")
    server.feed("/hop6", rss("End", 1))
    res = one(server, "/hop0", FetchSettings(deadline=2.0, max_redirects=3))
    assert "too many redirects" in res.error
    assert one(server, "/hop0", FetchSettings(deadline=2.0, max_redirects=6)).ok


def test_permanent_redirects_give_the_new_address(server):
    server.redirect("/old", "/newer", 301)
    server.redirect("/newer", "/newest", 308)
    server.redirect("/newest", "/today", 302)
    server.feed("/today", rss("Moved", 1))
    res = one(server, "/old")
    assert res.ok
    # the permanent part of the chain counts; the temporary hop after it does not
    assert res.permanent_url == server.url("/newest")


def test_oversized_body_announced(server):
    server.big("/big", 50_000, announce=True)
    res = one(server, "/big", FetchSettings(deadline=2.0, max_bytes=10_000))
    assert "larger than 10000 bytes" in res.error and "not downloaded" in res.error


def test_oversized_body_stops_the_download(server):
    server.big("/big", 5_000_000, announce=False)
    res = one(server, "/big", FetchSettings(deadline=2.0, max_bytes=100_000))
    assert "larger than" in res.error and "stopped" in res.error
    assert res.body == b""


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compressed_bodies_are_decoded(server, encoding):
    body = rss("Packed", 20)
    server.feed("/z", body, encoding=encoding)
    res = one(server, "/z")
    assert res.ok and res.body == body


def test_a_compressed_bomb_stops_at_the_cap(server):
    bomb = gzip.compress(b"\0" * 20_000_000)
    server.routes["/bomb"] = lambda h: h.reply(200, bomb, headers={"Content-Encoding": "gzip"})
    res = one(server, "/bomb", FetchSettings(deadline=3.0, max_bytes=1_000_000))
    assert "larger than" in res.error


def test_decoder_accepts_raw_deflate():
    import zlib

    co = zlib.compressobj(wbits=-15)
    raw = co.compress(b"hello " * 100) + co.flush()
    d = _Decoder("deflate", 10_000)
    assert d.feed(raw) + d.finish() == b"hello " * 100


def test_connection_reset_mid_body(server):
    server.reset("/reset", rss("Cut", 200))
    res = one(server, "/reset")
    assert not res.ok and "broke off" in res.error


def test_retry_after_seconds_and_dates(server):
    server.status("/busy", 429, {"Retry-After": "120"})
    res = one(server, "/busy")
    now = datetime.now(timezone.utc)
    assert "too many requests" in res.error
    assert now + timedelta(seconds=100) < res.retry_after < now + timedelta(seconds=130)
    server.status("/down", 503, {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"})
    res = one(server, "/down")
    # far future dates are capped at a week
    assert res.retry_after <= datetime.now(timezone.utc) + timedelta(days=7, seconds=5)
    assert parse_retry_after("soon") is None


def test_refused_and_bad_addresses():
    res = fetch_all([FetchJob(1, "http://127.0.0.1:9/"), FetchJob(2, "ftp://127.0.0.1/x")], FAST)
    reasons = {r.key: r.error for r in res}
    assert "refused" in reasons[1] or "connect" in reasons[1]
    assert "not a web address" in reasons[2]


def test_many_at_once_with_a_per_host_limit(server):
    def route(h):
        time.sleep(0.2)
        h.reply(200, rss("Slowish", 1))

    for i in range(12):
        server.routes[f"/p{i}"] = route
    jobs = [FetchJob(i, server.url(f"/p{i}")) for i in range(12)]
    t = time.monotonic()
    res = fetch_all(jobs, FetchSettings(deadline=5.0, concurrency=10, per_host=3))
    took = time.monotonic() - t
    assert all(r.ok for r in res) and len(res) == 12
    assert server.max_active == 3
    assert took < 12 * 0.2  # not one after another


def test_works_from_a_worker_thread_and_inside_a_running_loop(server):
    server.feed("/f", rss("Thread", 2))
    out = []
    t = threading.Thread(target=lambda: out.append(fetch(server.url("/f"))))
    t.start()
    t.join(10)
    assert out and out[0].status == 200

    async def inside():
        return fetch(server.url("/f"))

    assert asyncio.run(inside()).status == 200


def test_fetch_raises_the_reason(server):
    server.status("/gone", 404)
    with pytest.raises(IngestError, match="not found"):
        fetch(server.url("/gone"))
