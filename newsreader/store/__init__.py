"""The library database: ``Store`` is the only code that speaks SQL."""

from newsreader.store.store import (
    UNCATEGORISED,
    Filter,
    NewArticle,
    Store,
    UpsertCounts,
    fts_query,
)

__all__ = ["UNCATEGORISED", "Filter", "NewArticle", "Store", "UpsertCounts", "fts_query", "open_store"]


def open_store(path=None) -> Store:
    """The library at ``path``, or the user's library under ``paths.home()``."""
    from newsreader import paths

    return Store(path or paths.database_path())
