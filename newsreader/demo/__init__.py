"""The bundled demo library: fiction written for newsreader (see README.md here).

``demo_home()`` builds a throwaway library from it, so ``newsreader --demo``
never touches the user's own.
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

DEMO_FEED = Path(__file__).with_name("demo.json")
# Two more outlets, each telling the Gazette's Tessel crossing story its own way.
DEMO_FEEDS = (DEMO_FEED, DEMO_FEED.with_name("herald.json"), DEMO_FEED.with_name("courier.json"))


def build_demo_library(db_path: Path) -> None:
    """Import the demo articles into a new library at ``db_path`` (and group their stories)."""
    from newsreader.errors import NewsreaderError
    from newsreader.ingest.pipeline import import_paths
    from newsreader.store import Store

    with Store(db_path) as store:
        for result in import_paths(store, DEMO_FEEDS, workers=1):
            if result.error:
                raise NewsreaderError(f"the demo library is damaged: {result.error}")


@contextmanager
def demo_home() -> Iterator[Path]:
    """A temporary home holding a fresh demo library, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="newsreader-demo-") as tmp:
        home = Path(tmp)
        from newsreader import paths

        build_demo_library(home / paths.database_path().name)
        yield home
