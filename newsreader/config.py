"""Settings from ``config.toml`` in the newsreader home; defaults in a dataclass.

Every setting is optional. The file is read setting by setting: a wrong
value, an unknown setting or a line that is not TOML is left out and named
in :attr:`Config.problems` (one line for the reader: :attr:`Config.problem_line`),
and every other setting is still used. Loading never fails.

```toml
mark_read = "open"        # "open", "after:5" (seconds) or "manual"
refresh_minutes = 30      # 0 turns the automatic refresh off
bookmark_command = "bm add"   # run with the article's link and title
pipe_command = "less"     # the default command an article is piped to

[keys]                    # binding id (listed by ? in the app) = "key" or "key1,key2"
favourite = "F"

[categories]              # a feed's term or category = the category to file it under
"Tech News" = "Technology"

[feed_categories."Example Gazette"]   # the same for one feed (title, URL or id)
"*" = "World"             # "*": every article of that feed

[[killfile]]              # articles matching a filter expression are hidden or marked read
where = 'title ~ "sponsored"'
action = "hide"           # "hide" (the default) or "read"
```
"""

from __future__ import annotations

import re
import shlex
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from newsreader import paths
from newsreader.text import clean_line

KILL_ACTIONS = ("hide", "read")
MAX_BAD_LINES = 20  # a file worse than this is not worth reading line by line
UNKNOWN = "unknown setting"


@dataclass(frozen=True)
class Problem:
    """A setting left out: ``setting`` names it (``mark_read``, ``[keys] favourite``), ``why`` says why."""

    setting: str
    why: str

    def __str__(self) -> str:
        return f"{self.setting}: {self.why}"


@dataclass(frozen=True)
class Config:
    """What a user may set. ``keys`` maps a binding id to a key string;
    ``problems`` lists what ``config.toml`` held that could not be used."""

    mark_read: str = "open"
    refresh_minutes: int = 30
    keys: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    feed_categories: dict[str, dict[str, str]] = field(default_factory=dict)
    bookmark_command: str | None = None
    pipe_command: str | None = None
    killfile: list[tuple[str, str]] = field(default_factory=list)
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def mark_read_delay(self) -> float | None:
        """Seconds to wait before marking an opened article read; None for "manual"."""
        if self.mark_read == "open":
            return 0.0
        if self.mark_read == "manual":
            return None
        return float(self.mark_read.split(":", 1)[1])

    @property
    def problem_line(self) -> str | None:
        """The problems in one line (None when there are none): one with its reason,
        several by name only so the line stays short."""
        return problem_line(self.problems)


def problem_line(problems: tuple[Problem, ...] | list[Problem]) -> str | None:
    """``problems`` in one line for a status line or stderr; None when there are none."""
    if not problems:
        return None
    if len(problems) == 1:
        p = problems[0]
        whole_file = p.setting == "config.toml"
        return "config.toml: " + (p.why if whole_file else f"{p.setting} ignored ({p.why})")
    names = ", ".join(p.setting + (" (unknown)" if p.why == UNKNOWN else "") for p in problems)
    return f"config.toml: {len(problems)} settings ignored: {names}"


class _Bad(Exception):
    """A value that cannot be used; the message says why."""


def _shown(value: object) -> str:
    text = clean_line(repr(value))
    return text if len(text) <= 40 else text[:39] + "…"


# --- one check per setting: the cleaned value, or _Bad ---------------------------


def _mark_read(value: object, _name: str, _problems: list[Problem]) -> str:
    if value in ("open", "manual"):
        return str(value)
    if isinstance(value, str) and value.startswith("after:"):
        seconds = value.split(":", 1)[1].strip()
        try:
            if float(seconds) >= 0:
                return f"after:{seconds}"
        except ValueError:
            pass
    raise _Bad(f"{_shown(value)} is not open, manual or after:SECONDS")


def _refresh_minutes(value: object, _name: str, _problems: list[Problem]) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _Bad(f"{_shown(value)} is not a whole number of minutes (0: off)")
    return value


def _command(value: object, _name: str, _problems: list[Problem]) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"{_shown(value)} is not a command line")
    try:
        shlex.split(value)
    except ValueError as exc:  # an unclosed quote
        raise _Bad(f"{_shown(value)} cannot be split into words ({exc})") from None
    return value.strip()


def _table(value: object, name: str, problems: list[Problem], what: str,
           check: Callable[[object], str | None]) -> dict[str, str]:
    """The entries of a table that ``check`` accepts; each other one named in ``problems``."""
    if not isinstance(value, dict):
        raise _Bad(f"must be a table of {what}")
    out = {}
    for key, item in value.items():
        cleaned = check(item)
        if cleaned is None:
            problems.append(Problem(f"[{name}] {clean_line(key)}", f"{_shown(item)} is not {what.split(' = ')[-1]}"))
        else:
            out[str(key)] = cleaned
    return out


def _key_value(item: object) -> str | None:
    if isinstance(item, list) and item and all(isinstance(k, str) for k in item):
        item = ",".join(item)
    if not isinstance(item, str) or not item.strip():
        return None
    return item.replace(" ", "")


def _category_value(item: object) -> str | None:
    if not isinstance(item, str) or not clean_line(item):
        return None
    return clean_line(item)


def _keys(value: object, name: str, problems: list[Problem]) -> dict[str, str]:
    return _table(value, name, problems, 'binding id = a key such as "F" or "ctrl+f"', _key_value)


def _categories(value: object, name: str, problems: list[Problem]) -> dict[str, str]:
    return _table(value, name, problems, "term = a category name", _category_value)


def _feed_categories(value: object, name: str, problems: list[Problem]) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise _Bad('must be tables such as [feed_categories."Feed title"]')
    out = {}
    for feed, table in value.items():
        label = f'{name}."{clean_line(feed)}"'
        try:
            out[str(feed)] = _categories(table, label, problems)
        except _Bad as exc:
            problems.append(Problem(f"[{label}]", str(exc)))
    return out


def _killfile(value: object, name: str, problems: list[Problem]) -> list[tuple[str, str]]:
    entries = [value] if isinstance(value, dict) else value  # a lone [killfile] is one rule
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _Bad('must be [[killfile]] tables with where = "..." and action = "hide" or "read"')
    out = []
    for i, entry in enumerate(entries, 1):
        label = f"[[{name}]] {i}"
        where, action = entry.get("where"), entry.get("action", "hide")
        if not isinstance(where, str) or not where.strip():
            problems.append(Problem(label, 'needs where = "<filter expression>"'))
        elif action not in KILL_ACTIONS:
            problems.append(Problem(label, f'action {_shown(action)} is not "hide" or "read"'))
        else:
            out.append((where.strip(), str(action)))
        for extra in sorted(set(entry) - {"where", "action"}):
            problems.append(Problem(f"{label} {clean_line(extra)}", "unknown (where and action only)"))
    return out


CHECKS: dict[str, Callable[[object, str, list[Problem]], object]] = {
    "mark_read": _mark_read,
    "refresh_minutes": _refresh_minutes,
    "keys": _keys,
    "categories": _categories,
    "feed_categories": _feed_categories,
    "bookmark_command": _command,
    "pipe_command": _command,
    "killfile": _killfile,
}


# --- reading ---------------------------------------------------------------------


def _toml(text: str, problems: list[Problem]) -> dict:
    """The TOML in ``text``; a line that is not TOML is named and left out, and the rest read."""
    lines = text.splitlines()
    for _ in range(MAX_BAD_LINES):
        try:
            return tomllib.loads("\n".join(lines))
        except tomllib.TOMLDecodeError as exc:
            reason = re.sub(r"\s*\(at [^)]*\)$", "", str(exc))
            where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
            n = getattr(exc, "lineno", None) or (int(where.group(1)) if where else None)
            if n is None or not 0 < n <= len(lines) or not lines[n - 1].strip():
                problems.append(Problem("config.toml", f"not valid TOML ({reason}); nothing in it is used"))
                return {}
            line = clean_line(lines[n - 1])
            setting = line.split("=", 1)[0].strip() if "=" in line else f"line {n} {_shown(line)[1:-1]}"
            if reason == "Invalid value" and re.fullmatch(r"[^=]+=\s*[A-Za-z][\w:+-]*", line):
                reason = "text needs quotes"
            problems.append(Problem(setting, ("" if "=" not in line else f"line {n} is ")
                                    + f"not TOML: {reason[:1].lower()}{reason[1:]}"))
            lines[n - 1] = ""  # blank, so the lines after keep their numbers
    problems.append(Problem("config.toml", f"more than {MAX_BAD_LINES} lines are not TOML; nothing in it is used"))
    return {}


def parse_config(text: str) -> Config:
    """A :class:`Config` from TOML text: every setting that can be used, the others in ``problems``."""
    problems: list[Problem] = []
    values = {}
    for name, value in _toml(text, problems).items():
        check = CHECKS.get(name)
        if check is None:
            problems.append(Problem(clean_line(name), UNKNOWN))
            continue
        try:
            values[name] = check(value, name, problems)
        except _Bad as exc:
            problems.append(Problem(name, str(exc)))
    return Config(**values, problems=tuple(problems))


def load_config(path: Path | None = None) -> Config:
    """The settings at ``path`` (default: ``config.toml`` in the home), or the defaults;
    a file that cannot be read gives the defaults with that problem named."""
    path = path or paths.config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        return Config(problems=(Problem("config.toml", f"cannot be read ({exc}); the defaults are used"),))
    return parse_config(text)
