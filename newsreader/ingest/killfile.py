"""The killfile: articles matching a rule are hidden or marked read as they arrive.

Rules come from ``[[killfile]]`` tables in config.toml, as ``Config.killfile``:
a list of (filter expression, action) pairs, the action "hide" (stored, read,
and listed only by a filter that names ``hidden``) or "read". Only new
articles are judged, once, in the transaction that stores them; an article
already in the library keeps the state its reader gave it. A rule that
cannot be read is named in one line and skipped: it never stops an import.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from newsreader.config import KILL_ACTIONS as ACTIONS
from newsreader.filters import Expr, FilterError, parse
from newsreader.store import NewArticle, Store, UpsertCounts


@dataclass(frozen=True)
class Rule:
    text: str
    expr: Expr
    action: str  # one of ACTIONS


@dataclass(frozen=True)
class Killfile:
    """The rules that could be read, and one line for each that could not."""

    rules: tuple[Rule, ...] = ()
    problems: tuple[str, ...] = ()


def read_killfile(entries: Iterable) -> Killfile:
    """The rules of ``Config.killfile`` (pairs of expression and action), in order."""
    rules, problems = [], []
    for i, entry in enumerate(entries or (), 1):
        try:
            text, action = entry
        except (TypeError, ValueError):
            problems.append(f"killfile rule {i} is not a where expression and an action; skipped")
            continue
        if not isinstance(text, str) or action not in ACTIONS:
            problems.append(f"killfile rule {i}: the action must be \"hide\" or \"read\", not {action!r}; skipped")
            continue
        try:
            rules.append(Rule(text, parse(text), action))
        except FilterError as exc:
            problems.append(f"killfile rule {i} ({text.strip()}): {exc}; skipped")
    return Killfile(tuple(rules), tuple(problems))


def killfile_of(config) -> Killfile:
    """The killfile of a ``Config`` (none when the config has no such setting)."""
    return read_killfile(getattr(config, "killfile", None) or [])


def store_arrivals(store: Store, feed_id: int, source: str, items: Sequence[NewArticle],
                   killfile: Killfile | None) -> UpsertCounts:
    """``Store.upsert_articles``, then the killfile's rules on the articles it added:
    hide rules first, so an article both would take counts once, as hidden."""
    before = store.last_article_id()
    counts = store.upsert_articles(feed_id, source, items)
    if not counts.added or killfile is None or not killfile.rules:
        return counts
    ordered = sorted(killfile.rules, key=lambda r: ACTIONS.index(r.action))
    killed = {action: 0 for action in ACTIONS}
    with store.transaction():
        for rule in ordered:
            killed[rule.action] += store.kill(rule.expr, rule.action, before)
    return replace(counts, hidden=killed["hide"], marked_read=killed["read"])


def killed_summary(hidden: int, marked_read: int) -> str:
    """"2 hidden and 1 marked read by the killfile", or "" when it took none."""
    parts = [f"{hidden} hidden"] if hidden else []
    parts += [f"{marked_read} marked read"] if marked_read else []
    return f"{' and '.join(parts)} by the killfile" if parts else ""
