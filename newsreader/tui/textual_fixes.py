"""Work-arounds for bugs of the Textual release this app runs on, each applied once.

``StylesCache.get_inner_outer`` (Textual 8.2.8, ``textual/_styles_cache.py``) is an
instance method under ``functools.lru_cache(1024)``, so the cache's keys hold the
last 1,024 ``StylesCache`` objects, each with the rendered lines of a widget long
gone (Textualize/textual#6665). Every article opened mounts new paragraph widgets:
after a hundred, the heap held tens of thousands of dead strips and each full
garbage collection, in the middle of a key's answer, took 100 ms. The answer
depends on the two colours only, so it is cached on them alone here.
"""

from __future__ import annotations

from functools import lru_cache

from textual.color import Color
from textual.style import Style

try:  # a private module: a later Textual may move it (and, one hopes, fix the leak)
    from textual._styles_cache import StylesCache
except ImportError:  # pragma: no cover - depends on the Textual installed
    StylesCache = None


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    """Inner and outer background styles (what Textual's method returns), cached by colour."""
    return _inner_outer(base_background, background)


def apply() -> None:
    """Put the work-arounds in place (again: harmless)."""
    if StylesCache is None:
        return
    if getattr(getattr(StylesCache, "get_inner_outer", None), "cache_info", None) is not None:  # still the leaking one
        StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign]
