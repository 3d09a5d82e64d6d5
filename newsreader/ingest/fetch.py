"""Fetching feeds over HTTP: many at once, conditional, and bounded.

The network runs on an asyncio loop in a thread of its own, so it works the
same from the command line and from a Textual thread worker (a thread with no
running loop). Results come back to the calling thread through a queue, one
feed at a time, as they finish; the caller parses and stores them there, off
the network path.

Every feed is bounded: connect and read timeouts, a total deadline, a body
cap (the download stops there, compressed or not), and a redirect limit with
loop detection. Errors come back as a reason in words, never as an exception.
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import queue
import sys
import threading
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterator, Sequence
from urllib.parse import urljoin, urlsplit

from newsreader import __version__
from newsreader.errors import IngestError

USER_AGENT = f"newsreader/{__version__} (terminal news reader; +https://pypi.org/project/newsreader/)"
MAX_BYTES = 20 * 1024 * 1024
DEADLINE = 10.0
MAX_REDIRECTS = 10
MAX_RETRY_AFTER = timedelta(days=7)
_PERMANENT = (301, 308)
_REDIRECT = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class FetchSettings:
    """Limits for one refresh; the defaults suit a desktop on a normal link."""

    deadline: float = DEADLINE  # seconds for a whole feed, redirects included
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    concurrency: int = 24  # feeds in flight at once
    per_host: int = 6  # feeds in flight against one host
    user_agent: str = USER_AGENT
    accept: str = ("application/rss+xml, application/atom+xml, application/feed+json,"
                   " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8")


@dataclass(frozen=True)
class FetchJob:
    """One URL to fetch; ``key`` lets the caller match the result to its feed."""

    key: object
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FetchResult:
    key: object
    url: str  # as asked
    final_url: str = ""  # after redirects
    permanent_url: str | None = None  # where permanent redirects say the feed now lives
    status: int = 0  # last HTTP status, 0 when none came
    body: bytes = b""
    body_hash: str | None = None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    retry_after: datetime | None = None
    error: str | None = None  # the reason in words; None when the fetch worked
    conditional: bool = False  # the request carried If-None-Match / If-Modified-Since
    elapsed: float = 0.0
    redirects: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304

    @property
    def gone(self) -> bool:
        return self.status == 410


@dataclass(frozen=True)
class Fetched:
    """What the simple one-URL ``fetch`` returns."""

    url: str  # the final URL after redirects
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    permanent_url: str | None = None


def is_url(target: str) -> bool:
    return urlsplit(target).scheme.lower() in ("http", "https")


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise IngestError(f"not a web address newsreader can fetch: {url}")
    return url


def body_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_retry_after(value: str | None, now: datetime | None = None) -> datetime | None:
    """A Retry-After header (seconds or an HTTP date) as an aware UTC time, capped at a week."""
    if not value:
        return None
    now = now or datetime.now(timezone.utc)
    value = value.strip()
    if value.isdigit():
        when = now + timedelta(seconds=int(value))
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
    return max(now, min(when.astimezone(timezone.utc), now + MAX_RETRY_AFTER))


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n} bytes"


class _TooBig(Exception):
    pass


class _Decoder:
    """Undo gzip/deflate a piece at a time, never producing more than the cap."""

    def __init__(self, encoding: str, cap: int):
        enc = encoding.lower().strip()
        self.cap, self.size = cap, 0
        self.deflate, self.deflate_first = enc == "deflate", enc == "deflate"
        if enc in ("", "identity"):
            self.z = None
        elif enc in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self.z = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise IngestError(f"the server sent an encoding newsreader cannot read ({encoding})")

    def feed(self, raw: bytes) -> bytes:
        if self.z is None:
            return self._count(raw)
        if self.deflate_first:
            self.deflate_first = False
            # Some servers send raw deflate without the zlib header the standard asks for.
            if raw and (raw[0] & 0x0F) != 8:
                self.z = zlib.decompressobj(-zlib.MAX_WBITS)
        out = []
        try:
            piece = self.z.decompress(raw, self.cap - self.size + 1)
            out.append(self._count(piece))
            while self.z.unconsumed_tail:
                piece = self.z.decompress(self.z.unconsumed_tail, self.cap - self.size + 1)
                out.append(self._count(piece))
        except zlib.error as exc:
            raise IngestError(f"corrupt compressed data ({exc})") from None
        return b"".join(out)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.cap:
            raise _TooBig
        return data

    def finish(self) -> bytes:
        if self.z is None:
            return b""
        try:
            return self._count(self.z.flush())
        except zlib.error as exc:
            raise IngestError(f"corrupt compressed data ({exc})") from None


def _import_httpx():
    import httpx

    # httpcore asks "import sniffio" on every request to learn the async library;
    # when sniffio is absent that failed import searches sys.path each time
    # (about 0.6 ms a request). A None entry makes the failure instant, with the
    # same outcome: asyncio.
    try:
        import sniffio  # noqa: F401
    except ImportError:
        sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]
    return httpx


class _Network:
    """The asyncio side: one client, a global limit, a per-host limit."""

    def __init__(self, settings: FetchSettings, deliver: Callable[[FetchResult], None]):
        httpx = _import_httpx()

        self.httpx = httpx
        self.s = settings
        self.deliver = deliver
        self.global_slots = asyncio.Semaphore(settings.concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = {}
        timeout = httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                                write=settings.read_timeout, pool=settings.deadline)
        limits = httpx.Limits(max_connections=settings.concurrency,
                              max_keepalive_connections=settings.concurrency)
        # Redirects are followed by hand: to see loops and permanent moves, and to
        # keep every hop inside the feed's deadline.
        self.client = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": settings.accept},
            timeout=timeout, limits=limits, follow_redirects=False, trust_env=False)

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        if host not in self.hosts:
            self.hosts[host] = asyncio.Semaphore(self.s.per_host)
        return self.hosts[host]

    async def run_job(self, job: FetchJob) -> None:
        res = FetchResult(key=job.key, url=job.url, final_url=job.url)
        loop = asyncio.get_running_loop()
        try:
            check_url(job.url)
            async with self._host_slot(job.url), self.global_slots:
                started = loop.time()
                try:
                    async with asyncio.timeout(self.s.deadline):
                        await self._fetch(job, res)
                except TimeoutError:
                    res.error = f"no complete answer within {self.s.deadline:g} s (timed out)"
                    res.body = b""
                res.elapsed = loop.time() - started
        except IngestError as exc:
            res.error = str(exc)
        except self.httpx.HTTPError as exc:
            res.error = _network_reason(self.httpx, exc)
        except (OSError, ValueError, UnicodeError) as exc:  # bad URLs, odd sockets
            res.error = f"cannot fetch: {exc or type(exc).__name__}"
        if res.error:
            res.body = b""
        self.deliver(res)

    async def _fetch(self, job: FetchJob, res: FetchResult) -> None:
        url, seen, permanent = job.url, [job.url], True
        headers = {}
        if job.etag:
            headers["If-None-Match"] = job.etag
        if job.last_modified:
            headers["If-Modified-Since"] = job.last_modified
        res.conditional = bool(headers)
        while True:
            async with self.client.stream("GET", url, headers=headers) as resp:
                status = res.status = resp.status_code
                if status in _REDIRECT and "location" in resp.headers:
                    nxt = urljoin(url, resp.headers["location"].strip())
                    if not is_url(nxt):
                        raise IngestError(f"redirected to an address newsreader cannot fetch ({nxt})")
                    if status in _PERMANENT and permanent:
                        res.permanent_url = nxt
                    else:
                        permanent = False
                    res.redirects.append(nxt)
                    if nxt in seen:
                        raise IngestError("redirect loop: " + " -> ".join(seen + [nxt]))
                    if len(seen) > self.s.max_redirects:
                        raise IngestError(f"too many redirects (more than {self.s.max_redirects})")
                    seen.append(nxt)
                    url = res.final_url = nxt
                    continue
                res.final_url = str(resp.url)
                res.content_type = resp.headers.get("content-type", "")
                res.etag = resp.headers.get("etag")
                res.last_modified = resp.headers.get("last-modified")
                if status in (429, 503):
                    res.retry_after = parse_retry_after(resp.headers.get("retry-after"))
                if status == 304:
                    return
                if not 200 <= status < 300:
                    raise IngestError(_status_reason(status, resp.reason_phrase, res.retry_after))
                res.body = await self._read_body(resp)
                res.body_hash = body_hash(res.body)
                return

    async def _read_body(self, resp) -> bytes:
        cap = self.s.max_bytes
        declared = resp.headers.get("content-length", "")
        encoding = resp.headers.get("content-encoding", "")
        if declared.isdigit() and int(declared) > cap and encoding in ("", "identity"):
            raise IngestError(f"larger than {_mb(cap)} ({_mb(int(declared))} announced); not downloaded")
        dec = _Decoder(encoding, cap)
        chunks = []
        try:
            async for raw in resp.aiter_raw():
                chunks.append(dec.feed(raw))
            chunks.append(dec.finish())
        except _TooBig:
            raise IngestError(f"larger than {_mb(cap)}; the download was stopped there") from None
        return b"".join(chunks)

    async def aclose(self) -> None:
        await self.client.aclose()


def _status_reason(status: int, phrase: str, retry_after: datetime | None) -> str:
    words = {
        404: "not found (HTTP 404): the feed is not at this address",
        410: "gone (HTTP 410): the publisher has removed this feed; it is turned off",
        401: "the server asks for a login (HTTP 401)",
        403: "the server refuses access (HTTP 403)",
        429: "the server says too many requests (HTTP 429)",
        503: "the server is unavailable (HTTP 503)",
    }.get(status)
    if words is None:
        kind = "server error" if status >= 500 else "refused"
        words = f"{kind} (HTTP {status} {phrase})".replace(" )", ")")
        if not 200 <= status < 600:
            words = f"unexpected answer (HTTP {status} {phrase})".replace(" )", ")")
    if retry_after is not None:
        words += f"; not asked again before {retry_after:%Y-%m-%d %H:%M} UTC"
    return words


def _network_reason(httpx, exc: Exception) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "could not connect in time (timed out)"
    if isinstance(exc, httpx.TimeoutException):
        return "the server stopped answering (timed out)"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc)
        if "Name or service" in text or "nodename" in text or "getaddrinfo" in text:
            return "unknown host (DNS lookup failed)"
        if "refused" in text.lower():
            return "connection refused"
        return f"cannot connect: {text or type(exc).__name__}"
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
        return f"the connection broke off mid-download ({exc or type(exc).__name__})"
    if isinstance(exc, httpx.DecodingError):
        return f"corrupt compressed data ({exc})"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"not a web address newsreader can fetch ({exc})"
    return f"cannot fetch: {exc or type(exc).__name__}"


class FetchRun:
    """Fetch ``jobs`` concurrently; iterate to get results in the calling thread.

    Results are held back once ``window`` of them wait unprocessed, so a slow
    consumer never piles up bodies in memory. ``close()`` (or leaving a
    ``with`` block) cancels what is still under way.
    """

    def __init__(self, jobs: Sequence[FetchJob], settings: FetchSettings | None = None,
                 window: int | None = None):
        self.jobs = list(jobs)
        self.s = settings or FetchSettings()
        self.window = window or max(8, 2 * self.s.concurrency)
        self.results: queue.Queue = queue.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._credit: asyncio.Semaphore | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._thread_main, name="newsreader-fetch", daemon=True)
        self._thread.start()
        self._ready.wait()

    def _thread_main(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # the loop itself failed: tell the consumer
            self.results.put(exc)
        finally:
            self._ready.set()
            self.results.put(None)

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        self._credit = asyncio.Semaphore(self.window)
        self._ready.set()
        net = _Network(self.s, self.results.put)
        try:
            async def one(job: FetchJob) -> None:
                await self._credit.acquire()
                try:
                    await net.run_job(job)
                except Exception as exc:  # noqa: BLE001 - a bug on one feed must not end the run
                    self.results.put(FetchResult(key=job.key, url=job.url,
                                                 error=f"cannot fetch ({type(exc).__name__}: {exc})"))

            await asyncio.gather(*(one(j) for j in self.jobs))
        except asyncio.CancelledError:
            pass
        finally:
            await net.aclose()

    def _release(self) -> None:
        if self._loop and self._credit and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._credit.release)
            except RuntimeError:  # the loop has just finished
                pass

    def __iter__(self) -> Iterator[FetchResult]:
        return self.iterate()

    def iterate(self, on_wait: Callable[[], None] | None = None) -> Iterator[FetchResult]:
        """The results as they come; ``on_wait()`` runs each time none is ready yet
        (the consumer's chance to finish its own work before it blocks)."""
        while True:
            try:
                item = self.results.get_nowait()
            except queue.Empty:
                if on_wait is not None:
                    on_wait()
                item = self.results.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
            self._release()

    def close(self) -> None:
        loop, task = self._loop, self._task
        if loop and task and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(task.cancel)
            except RuntimeError:
                pass
        self._thread.join(timeout=self.s.deadline + 5)

    def __enter__(self) -> "FetchRun":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def fetch_all(jobs: Sequence[FetchJob], settings: FetchSettings | None = None) -> list[FetchResult]:
    """Every result, in no particular order (for tests and small jobs)."""
    with FetchRun(jobs, settings) as run:
        return list(run)


def fetch(url: str, timeout: float = DEADLINE, max_bytes: int = MAX_BYTES, *,
          settings: FetchSettings | None = None) -> Fetched:
    """GET one ``url`` within the usual bounds; raises IngestError with the reason in words."""
    check_url(url)
    settings = settings or FetchSettings(deadline=timeout, max_bytes=max_bytes)
    (res,) = fetch_all([FetchJob(key=url, url=url)], settings)
    if res.error:
        raise IngestError(res.error)
    return Fetched(res.final_url, res.status, res.body, res.content_type, res.etag,
                   res.last_modified, res.body_hash, res.permanent_url)
