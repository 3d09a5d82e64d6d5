"""Pure analysis of article text: quotations, speakers. No I/O."""

from newsreader.analysis.quotes import find_quotes

__all__ = ["find_quotes"]
