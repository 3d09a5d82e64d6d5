"""Settings from ``config.toml`` in the newsreader home; defaults in a dataclass.

A missing file means the defaults. A file that cannot be read or holds a
wrong value raises :class:`ConfigError` with one line naming the problem,
so the app can say so and carry on with the defaults.

```toml
mark_read = "open"        # "open", "after:5" (seconds) or "manual"
refresh_minutes = 30      # 0 turns the automatic refresh off
[keys]
favourite = "F"           # binding id = "key" or "key1,key2"
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from newsreader import paths
from newsreader.errors import NewsreaderError


class ConfigError(NewsreaderError):
    """``config.toml`` could not be used."""


@dataclass(frozen=True)
class Config:
    """What a user may set. ``keys`` maps a binding id to a key string."""

    mark_read: str = "open"
    refresh_minutes: int = 30
    keys: dict[str, str] = field(default_factory=dict)

    @property
    def mark_read_delay(self) -> float | None:
        """Seconds to wait before marking an opened article read; None for "manual"."""
        if self.mark_read == "open":
            return 0.0
        if self.mark_read == "manual":
            return None
        return float(self.mark_read.split(":", 1)[1])


def _check_mark_read(value: object) -> str:
    if value in ("open", "manual"):
        return str(value)
    if isinstance(value, str) and value.startswith("after:"):
        seconds = value.split(":", 1)[1].strip()
        try:
            n = float(seconds)
        except ValueError:
            n = -1.0
        if n >= 0:
            return f"after:{seconds}"
    raise ConfigError(f'mark_read must be "open", "after:SECONDS" or "manual", not {value!r}')


def _check_keys(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError("[keys] must be a table of binding id = \"key\"")
    keys = {}
    for name, key in value.items():
        if isinstance(key, list) and all(isinstance(k, str) for k in key):
            key = ",".join(key)
        if not isinstance(key, str) or not key.strip():
            raise ConfigError(f"[keys] {name} must be a key name such as \"F\" or \"ctrl+f\"")
        keys[str(name)] = key.replace(" ", "")
    return keys


def parse_config(text: str) -> Config:
    """A :class:`Config` from TOML text; unknown settings are errors, so typos show."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config.toml is not valid TOML: {exc}") from None
    unknown = set(data) - {"mark_read", "refresh_minutes", "keys"}
    if unknown:
        raise ConfigError(f"config.toml has unknown settings: {', '.join(sorted(unknown))}")
    defaults = Config()
    minutes = data.get("refresh_minutes", defaults.refresh_minutes)
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 0:
        raise ConfigError(f"refresh_minutes must be a whole number of minutes, not {minutes!r}")
    return Config(
        mark_read=_check_mark_read(data.get("mark_read", defaults.mark_read)),
        refresh_minutes=minutes,
        keys=_check_keys(data.get("keys", {})),
    )


def load_config(path: Path | None = None) -> Config:
    """The settings at ``path`` (default: ``config.toml`` in the home), or the defaults."""
    path = path or paths.config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    return parse_config(text)
