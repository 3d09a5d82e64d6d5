"""An article sent out of the reader: as a text file, into a command's input, to a bookmark command.

No Textual here: the app runs these in its workers, and they are tested alone.
Untrusted text (the article's title, link and body) never reaches a shell's
command line: a piped command gets the article on its standard input, a
bookmark command gets the link and title as arguments of their own.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from newsreader.models import Article
from newsreader.text import clean_line

SLUG_LENGTH = 60
# A bookmark_command holding any of these is run by the shell (with the link and the
# title as "$1" and "$2"); without them it is split into arguments and run directly.
_SHELL = re.compile(r"[$|;&<>`()\n]")
_POLL = 0.2  # seconds between checks that the app still wants the command


def plain_text(article: Article) -> str:
    """The article as plain text: title, byline, date, link, body, then its numbered links."""
    head = [clean_line(article.title), "=" * min(len(clean_line(article.title)), 72)]
    meta = [m for m in (article.byline, article.feed_title or article.source) if m]
    head += [clean_line(" · ".join(meta))] if meta else []
    head.append(f"{article.published:%Y-%m-%d %H:%M} UTC")
    if article.link:
        head.append(article.link)
    parts = ["\n".join(head), article.body.strip()]
    if article.links:
        parts.append("Links\n" + "\n".join(f"[{i}] {url}" for i, url in enumerate(article.links, 1)))
    return "\n\n".join(p for p in parts if p) + "\n"


def slug(title: str) -> str:
    """A file name from a title: lower-case ASCII words joined by hyphens ("article" if none)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > SLUG_LENGTH:
            break
        out = f"{out}-{w}" if out else w
    return out or "article"


def default_path(article: Article) -> str:
    """Where to save an article unless told: ``~/<slug>.txt``."""
    return f"~/{slug(article.title)}.txt"


def save_text(path: str | Path, text: str, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path`` (``~`` expanded); an existing file raises FileExistsError
    unless ``overwrite``. Returns the absolute path written."""
    target = Path(path).expanduser().absolute()
    with open(target, "w" if overwrite else "x", encoding="utf-8") as f:
        f.write(text)
    return target


@dataclass(frozen=True)
class CommandResult:
    """What came of running a command: its exit status and first lines of output."""

    status: int | None  # None: it could not be started
    error: str = ""  # the first non-blank line of its standard error (or why it did not start)
    output: str = ""  # the first non-blank line of its standard output

    @property
    def ok(self) -> bool:
        return self.status == 0


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace")
    return next((clean_line(ln) for ln in text.splitlines() if ln.strip()), "")


def run_command(argv: list[str] | str, stdin: str = "", should_stop: Callable[[], bool] = lambda: False,
                ) -> CommandResult:
    """Run ``argv`` (a string is given to ``/bin/sh -c``) with ``stdin`` as its input.

    It runs in a session of its own, without the terminal (the app owns that);
    ``should_stop`` is asked now and then, and a True ends the command.
    """
    shell = isinstance(argv, str)
    name = argv.split(maxsplit=1)[0] if shell and argv.split() else argv if shell else argv[0]
    try:
        proc = subprocess.Popen(argv, shell=shell, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
    except FileNotFoundError:
        return CommandResult(None, f"command not found: {name}")
    except PermissionError:
        return CommandResult(None, f"not allowed to run {name}")
    except OSError as exc:
        return CommandResult(None, f"cannot run {name}: {exc.strerror or exc}")
    data: bytes | None = stdin.encode("utf-8")
    while True:
        try:
            out, err = proc.communicate(data, timeout=_POLL)
            break
        except subprocess.TimeoutExpired:
            data = None  # written already; later calls only wait
            if should_stop():
                _stop(proc)
                return CommandResult(None, "stopped")
    error = _first_line(err)
    if shell and proc.returncode == 127 and "not found" in error:
        return CommandResult(None, f"command not found: {name}")  # sh's complaint, in our words
    return CommandResult(proc.returncode, error, _first_line(out))


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except OSError:
        proc.kill()
    proc.communicate()


def bookmark_argv(setting: str, link: str, title: str) -> list[str]:
    """The command line that bookmarks ``link`` and ``title`` under ``bookmark_command``.

    The two are always arguments of their own, never part of a command line a
    shell reads: a setting with shell syntax runs as ``sh -c SETTING`` with them
    as ``$1`` and ``$2``; a plain one is split like a shell would and gets them
    at its end. Raises ValueError for a setting that cannot be split (an open quote).
    """
    if _SHELL.search(setting):
        return ["/bin/sh", "-c", setting, "newsreader-bookmark", link, title]
    words = shlex.split(setting)
    if not words:
        raise ValueError("it is empty")
    return [os.path.expanduser(words[0]), *words[1:], link, title]
