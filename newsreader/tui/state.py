"""What the app remembers between runs: the theme and the last view.

Kept in ``ui-state.json`` in the newsreader home, apart from ``config.toml``
(which is the user's to edit). A damaged file is ignored, never fatal.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from newsreader import paths
from newsreader.store.paging import SORTS

STATE_FILE = "ui-state.json"


@dataclass(frozen=True)
class UiState:
    """The theme's name, the view key of the last category (see ``views.View.key``)
    and the list's sort (one of ``store.paging.SORTS``)."""

    theme: str | None = None
    view: str | None = None
    sort: str | None = None


def state_path() -> Path:
    """Where the state file lives."""
    return paths.home() / STATE_FILE


def load_state() -> UiState:
    """The saved state, or an empty one when there is none or it is unreadable."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UiState()
    if not isinstance(data, dict):
        return UiState()
    theme, view, sort = data.get("theme"), data.get("view"), data.get("sort")
    return UiState(theme=theme if isinstance(theme, str) else None,
                   view=view if isinstance(view, str) else None,
                   sort=sort if sort in SORTS else None)


def save_state(state: UiState) -> None:
    """Write the state atomically (a crash leaves the old file or the new one)."""
    path = state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state)), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # remembering the theme is a nicety; a read-only home must not stop the app
