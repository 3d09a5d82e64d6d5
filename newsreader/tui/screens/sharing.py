"""The article out of the reader: to the browser, to a file, into a command, to a bookmark command.

Mixed into ``MainScreen``; each acts on the open article when reading, else on the
highlighted one. Disk and processes are touched only in workers, each with its
own store connection; what came of it is one line in the status line.
"""

from __future__ import annotations

import webbrowser
from pathlib import Path
from urllib.parse import urlsplit

from textual import work
from textual.content import Content
from textual.worker import get_current_worker

from newsreader import paths
from newsreader.errors import NewsreaderError
from newsreader.models import Article
from newsreader.share import CommandResult, bookmark_argv, default_path, plain_text, run_command, save_text, slug
from newsreader.store import Store
from newsreader.tui.screens.confirm import ConfirmDialog
from newsreader.tui.screens.links import LinksDialog
from newsreader.tui.screens.prompt import PromptDialog


def command_report(what: str, result: CommandResult) -> str:
    """One line on how a command went: its exit status and its first line of error (or output)."""
    if result.status is None:
        return f"{what}: {result.error}"
    if result.ok:
        return f"{what}: done (exit 0)" + (f": {result.output}" if result.output else "")
    return f"{what}: failed (exit {result.status})" + (f": {result.error}" if result.error else "")


class SharingActions:
    """Needs ``article``, ``_chosen()`` and ``set_status()`` from ``MainScreen``."""

    article: Article | None

    def _load(self, article_id: int) -> Article | None:
        """The article from a connection of the calling worker's thread (None: gone, said so)."""
        try:
            with Store(self.app.db_path) as store:
                return store.article(article_id)
        except NewsreaderError as exc:
            self.app.call_from_thread(self.set_status, str(exc), True)
            return None

    # --- the browser ---------------------------------------------------------

    def action_open_link(self) -> None:
        """Open the article's page in the browser; with numbered links, ask which."""
        if self.article is not None and self.article.links:
            def chosen(url: str | None) -> None:
                if url:
                    self._open_link(url)

            self.app.push_screen(LinksDialog(self.article), chosen)
            return
        link = self.article.link if self.article else None
        if not link:
            self.set_status("This article has no link" if self.article else "Open an article first", note=True)
            return
        self._open_link(link)

    def _open_link(self, link: str) -> None:
        scheme = urlsplit(link).scheme.lower()
        if scheme not in ("http", "https"):
            self.set_status(f"Not opening a {scheme or 'schemeless'} link; only http and https", note=True)
            return
        self._open_in_browser(link)
        self.set_status(f"Opening {link}", note=True)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, link: str) -> None:
        if not webbrowser.open(link):
            self.app.call_from_thread(
                self.set_status, f"No web browser found to open {link} (set $BROWSER)", True)

    # --- a file --------------------------------------------------------------

    def action_save_article(self) -> None:
        """Ask where, then save the article as plain text (asking before replacing a file)."""
        target = self._chosen()
        if target is None:
            return

        def where(answer: str | None) -> None:
            if not answer:
                return
            path = Path(answer).expanduser()
            if path.is_dir():
                path = path / f"{slug(target.title)}.txt"
            if not path.exists():
                self._save(target.id, path, False)
                return
            question = Content(f"{path} exists. Replace it with this article?")
            self.app.push_screen(ConfirmDialog(question, "Replace"),
                                 lambda yes: self._save(target.id, path, True) if yes else
                                 self.set_status(f"Not saved: {path} is kept", note=True))

        question = Content.assemble("Save “", Content(target.title), "” as plain text to:")
        self.app.push_screen(PromptDialog(question, default_path(target), "a file name"), where)

    @work(thread=True, group="save", exit_on_error=False)
    def _save(self, article_id: int, path: Path, overwrite: bool) -> None:
        art = self._load(article_id)
        if art is None:
            return
        try:
            written = save_text(path, plain_text(art), overwrite)
        except FileExistsError:
            status = f"Not saved: {path} appeared meanwhile"
        except OSError as exc:
            status = f"Could not save to {path}: {exc.strerror or exc}"
        else:
            status = f"Saved to {written}"
        self.app.call_from_thread(self.set_status, status, True)

    # --- a command -----------------------------------------------------------

    def action_pipe_article(self) -> None:
        """Ask for a command (``pipe_command`` filled in) and give it the article as its input."""
        target = self._chosen()
        if target is None:
            return
        default = getattr(self.app.config, "pipe_command", None) or ""
        question = Content.assemble("Pipe “", Content(target.title),
                                    "” to a command (it reads the article as plain text):")

        def run(command: str | None) -> None:
            if command:
                self.set_status(f"Running {command}…")
                self._pipe(target.id, command)

        self.app.push_screen(PromptDialog(question, default, "a command, e.g. wc -w"), run)

    @work(thread=True, group="pipe", exit_on_error=False)
    def _pipe(self, article_id: int, command: str) -> None:
        art = self._load(article_id)
        if art is None:
            return
        worker = get_current_worker()
        result = run_command(command, plain_text(art), should_stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:  # (cancelled: the app is closing, and nobody is there to tell)
            self.app.call_from_thread(self.set_status, command_report(command, result), True)

    def action_bookmark_article(self) -> None:
        """Run ``bookmark_command`` with the article's link and title."""
        setting = getattr(self.app.config, "bookmark_command", None)
        if not setting:
            self.set_status(f'No bookmark command: set bookmark_command = "..." in {paths.config_path()}'
                            " (it is run with the link and the title as arguments)", note=True)
            return
        target = self._chosen()
        if target is not None:
            self._bookmark(target.id, setting)

    @work(thread=True, group="bookmark", exit_on_error=False)
    def _bookmark(self, article_id: int, setting: str) -> None:
        art = self._load(article_id)
        if art is None:
            return
        if not art.link:
            self.app.call_from_thread(self.set_status, "This article has no link to bookmark", True)
            return
        try:
            argv = bookmark_argv(setting, art.link, art.title)
        except ValueError as exc:
            self.app.call_from_thread(self.set_status, f"bookmark_command cannot be read: {exc}", True)
            return
        worker = get_current_worker()
        result = run_command(argv, should_stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            status = f"Bookmarked: {art.title}" if result.ok else command_report("Bookmark command", result)
            self.app.call_from_thread(self.set_status, status, True)
