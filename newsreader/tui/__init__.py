"""The Textual app. Only this package imports Textual."""

from __future__ import annotations

from pathlib import Path


def run_app(db_path: Path) -> int:
    """Open the reader on the library at ``db_path``; returns the exit status."""
    from newsreader.tui.app import NewsreaderApp

    app = NewsreaderApp(db_path)
    app.run()
    return app.return_code or 0
