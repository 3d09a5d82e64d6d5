"""The command line: ``newsreader [--home DIR] [--demo] [COMMAND ...]``.

Every mistake ends in one line on stderr and a non-zero exit, never a
traceback. Output meant for scripts comes with ``--json``.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from newsreader import __version__, paths
from newsreader.errors import NewsreaderError

PROG = "newsreader"
FILTER_HELP = ("EXPR: unread, read, favourite, hidden; title, body, feed, category, speaker, author or tag"
               " with = or != (the whole text) or ~ or !~ (contains; * is any run of characters), then"
               ' "text"; age < 7d or > 2w (h, d, w); combined with and, or, not and ( ). Case is'
               ' ignored. Example: unread and (category = World or speaker = "Ada Lind") and age < 3d')


class UsageError(NewsreaderError):
    """The command was misused (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="A terminal news reader that shows who said what.")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("--home", metavar="DIR", help="keep the library, config and cache in DIR "
                   "(default: $NEWSREADER_HOME or the platform's user data dir)")
    p.add_argument("--demo", action="store_true", help="open the app on a temporary copy of the demo library")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def cmd(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help)

    c = cmd("import", "import feeds, OPML lists, saved pages (text or HTML) or a JSON backup")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--category", metavar="NAME", help="put every imported article in this category")
    c.add_argument("--subscribe", action="store_true",
                   help="subscribe to each feed file given, so refresh reads it again")
    c.add_argument("--json", action="store_true", help="print the result of each file as JSON")

    c = cmd("add", "subscribe to a feed by URL, file path or file: URL and read it now")
    c.add_argument("target", metavar="URL_OR_PATH")
    c.add_argument("--category", metavar="NAME")
    c.add_argument("--title", metavar="T")
    g = c.add_mutually_exclusive_group()
    g.add_argument("--full-text", action="store_const", const=True, dest="full_text",
                   help="fetch each item's web page for the whole article")
    g.add_argument("--no-full-text", action="store_const", const=False, dest="full_text",
                   help="keep the feed's own text (default: fetch pages when the items are summaries)")
    c.add_argument("--json", action="store_true")

    c = cmd("feeds", "list the subscriptions, or rename one or set its full-text fetching")
    c.add_argument("--full-text", nargs=2, metavar=("FEED", "on|off|auto"),
                   help="fetch each item's web page for FEED (by id, URL or title): on, off, or"
                        " auto (on when its items are short summaries)")
    c.add_argument("--rename", nargs=2, metavar=("FEED", "NAME"),
                   help="show FEED (by id, URL or name) as NAME everywhere, whatever it calls itself;"
                        ' an empty NAME ("") gives it back the name its own title gives')
    c.add_argument("--json", action="store_true")

    c = cmd("remove", "unsubscribe from a feed (by id, URL or title); favourites are kept")
    c.add_argument("feed", metavar="FEED")

    c = cmd("refresh", "read every subscribed feed again")
    c.add_argument("--json", action="store_true")
    c.add_argument("--strict", action="store_true", help="exit non-zero if any feed fails")

    c = cmd("list", "list articles, newest first (or as --sort says)")
    c.epilog = FILTER_HELP
    c.add_argument("--category", metavar="C")
    c.add_argument("--unread", action="store_true")
    c.add_argument("--favourites", "--favorites", action="store_true")
    c.add_argument("--where", metavar="EXPR", help="only the articles a filter expression matches (below)")
    c.add_argument("--view", metavar="NAME", help="only the articles of a saved view ('newsreader views')")
    c.add_argument("--sort", choices=("date", "title", "feed"), default="date",
                   help="newest first (date), title A-Z, or feed A-Z then newest first")
    c.add_argument("--limit", type=_positive, metavar="N")
    c.add_argument("--json", action="store_true")

    c = cmd("views", "list the saved views (filters listed with the categories), or add or remove one")
    c.add_argument("--json", action="store_true")
    views = c.add_subparsers(dest="views_command", metavar="ACTION", parser_class=_Parser)
    v = views.add_parser("add", help="save a filter expression as a view",
                         description="save a filter expression as a view", epilog=FILTER_HELP)
    v.add_argument("name", metavar="NAME")
    v.add_argument("expr", metavar="EXPR")
    v = views.add_parser("remove", help="delete a saved view (its articles stay)",
                         description="delete a saved view (its articles stay)")
    v.add_argument("name", metavar="NAME")

    c = cmd("show", "show one article with its quotes highlighted (does not mark it read)")
    c.add_argument("id", type=_article_id, metavar="ID")
    c.add_argument("--json", action="store_true")

    c = cmd("mark", "mark articles read, unread, favourite or not")
    c.add_argument("ids", nargs="+", type=_article_id, metavar="ID")
    g = c.add_mutually_exclusive_group(required=True)
    for flag in ("read", "unread", "favourite", "unfavourite"):
        g.add_argument(f"--{flag}", action="store_const", const=flag, dest="state")

    c = cmd("quotes", "list quotations across the library")
    c.add_argument("--speaker", metavar="NAME", help="only this person's quotes (any of their names)")
    c.add_argument("--limit", type=_positive, metavar="N")
    c.add_argument("--json", action="store_true")

    c = cmd("stories", "list the stories several articles tell, the latest news first")
    c.add_argument("--limit", type=_positive, metavar="N")
    c.add_argument("--json", action="store_true")

    c = cmd("story", "show one story: its outlets' articles and their quotations side by side")
    c.add_argument("id", type=_story_id, metavar="ID")
    c.add_argument("--json", action="store_true")

    c = cmd("search", "full-text search over titles and bodies, best matches first")
    c.add_argument("query", metavar="QUERY")
    c.add_argument("--sort", choices=("relevance", "date"), default="relevance",
                   help="best matches first (default; titles count most) or newest first")
    c.add_argument("--limit", type=_positive, metavar="N")
    c.add_argument("--json", action="store_true")

    c = cmd("doctor", "check the library and repair what can be (a copy of the file is kept first)")
    c.add_argument("--json", action="store_true")

    c = cmd("export", "export subscriptions as OPML or the whole library as JSON")
    g = c.add_mutually_exclusive_group(required=True)
    g.add_argument("--opml", action="store_const", const="opml", dest="format")
    g.add_argument("--json", action="store_const", const="json", dest="format")
    c.add_argument("file", nargs="?", metavar="FILE", help="write here instead of standard output")
    return p


MAX_ID = 2**63 - 1  # SQLite's largest integer


def _positive(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return int(text)


def _id_of(what: str):
    """An argument type for the id of ``what`` ("an article"): a whole number up to MAX_ID."""

    def parse(text: str) -> int:
        if not (text.isascii() and text.isdigit()) or int(text) > MAX_ID:
            raise argparse.ArgumentTypeError(f"{what} id is a number, got {text!r}")
        return int(text)

    return parse


_article_id = _id_of("an article")
_story_id = _id_of("a story")


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.home is not None:
            _check_home(args.home)
            paths.set_home(args.home)
        if args.demo and args.command is not None:
            raise UsageError("--demo opens the app on a throwaway library; it takes no command")
        if args.command is None:
            return _open_app(args.demo)  # the app shows a config problem in its status line
        _warn_config()
        from newsreader import commands, storycmds  # storycmds: stories told by several outlets

        name = "cmd_" + args.command
        return (getattr(storycmds, name, None) or getattr(commands, name))(args)
    except UsageError as exc:
        _fail(str(exc))
        return 2
    except NewsreaderError as exc:
        _fail(str(exc))
        return 1
    except sqlite3.Error as exc:
        from newsreader.store.trouble import explain

        _fail(explain(exc, paths.database_path()))
        return 1
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except OSError as exc:
        _fail(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""))
        return 1


def _fail(message: str) -> None:
    from newsreader.text import clean_line

    # Paths and reasons can carry bytes from a file name or a server: keep them text.
    print(f"{PROG}: error: {clean_line(message)}", file=sys.stderr)


def _warn_config() -> None:
    """Name what config.toml holds that cannot be used, in one line; the command goes on."""
    from newsreader.config import load_config
    from newsreader.text import clean_line

    line = load_config().problem_line
    if line:
        print(f"{PROG}: warning: {clean_line(line)}", file=sys.stderr)


def _check_home(home: str) -> None:
    if not home.strip():
        raise UsageError("--home needs a directory")
    path = Path(home).expanduser()
    # the nearest folder that exists decides: a file on the way ("--home notes.txt/lib") is one
    # error here, before config.toml is looked for in it and the library's folder made under it
    for part in (path, *path.parents):
        if part.exists() or part.is_symlink():
            if not part.is_dir():
                raise NewsreaderError(f"--home {home}: " + (
                    "not a directory" if part == path else f"{part} is a file, not a directory"))
            break


def _exit_on_hangup() -> None:
    import signal

    def hung_up(_signum, _frame):
        raise SystemExit(129)

    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, hung_up)


def _open_app(demo: bool) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise NewsreaderError("the app needs a terminal; see 'newsreader --help' for the commands")
    from newsreader.tui import run_app

    if demo:
        from newsreader.demo import demo_home

        with demo_home() as home:
            paths.set_home(home)
            _exit_on_hangup()  # a closed terminal still removes the throwaway copy
            return run_app(paths.database_path())
    return run_app(paths.database_path())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
