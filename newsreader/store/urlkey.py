"""An article's address reduced to what names its page, so one page is one article.

``https://www.example.com/a/story/?utm_source=rss#top`` and
``http://example.com/a/story`` name the same page: the scheme, a leading
"www.", the fragment, a final slash, an AMP variant and the parameters that
only track where a reader came from say nothing about which page it is.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

# Parameters that track the reader, never choose the page.
_TRACKING = ("utm_", "mc_", "pk_", "at_")
_TRACKING_NAMES = frozenset(("fbclid", "gclid", "dclid", "msclkid", "igshid", "cmpid", "cmp", "ref",
                             "ref_src", "src", "smid", "sr_share", "ito", "ncid", "guccounter",
                             "mbid", "ocid", "s_cid", "amp", "outputtype"))


def url_key(link: str | None) -> str | None:
    """The comparable form of an http(s) address; None for anything else."""
    if not link:
        return None
    try:
        parts = urlsplit(link.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    if host.startswith("www."):
        host = host[4:]
    if host.startswith("amp."):
        host = host[4:]
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path = parts.path or "/"
    for amp in ("/amp/", "/amp"):
        if path.endswith(amp):
            path = path[: -len(amp)] or "/"
    if path.endswith(".amp"):
        path = path[:-4]
    path = path.rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING) and k.lower() not in _TRACKING_NAMES]
    return host + path + ("?" + urlencode(sorted(query)) if query else "")
