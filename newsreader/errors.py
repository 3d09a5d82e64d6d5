"""Errors that carry a one-line message meant for the user."""


class NewsreaderError(Exception):
    """Base for errors shown to the user as one line, never as a traceback."""


class IngestError(NewsreaderError):
    """A file or document could not be read as anything newsreader imports."""


class NotFound(NewsreaderError):
    """An article or feed id that the library does not hold."""
