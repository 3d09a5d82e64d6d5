"""Fetching one URL with bounds: timeouts, a size cap, a redirect limit.

The concurrent, conditional refresh builds on this (issue 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from newsreader import __version__
from newsreader.errors import IngestError

USER_AGENT = f"newsreader/{__version__} (+https://pypi.org/project/newsreader/)"
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL after redirects
    status: int
    body: bytes
    content_type: str = ""


def is_url(target: str) -> bool:
    return urlsplit(target).scheme.lower() in ("http", "https")


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise IngestError(f"not a web address newsreader can fetch: {url}")
    return url


def fetch(url: str, timeout: float = 10.0, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url``; raises IngestError with the reason in words."""
    import httpx

    check_url(url)
    try:
        with httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout,
                          follow_redirects=True, max_redirects=10) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise IngestError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise IngestError(f"larger than {max_bytes // (1024 * 1024)} MB")
                    chunks.append(chunk)
                return Fetched(str(resp.url), resp.status_code, b"".join(chunks),
                               resp.headers.get("content-type", ""))
    except httpx.TooManyRedirects:
        raise IngestError("too many redirects") from None
    except httpx.TimeoutException:
        raise IngestError("timed out") from None
    except httpx.HTTPError as exc:
        raise IngestError(f"cannot fetch: {exc or type(exc).__name__}") from None
