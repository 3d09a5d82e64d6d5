"""Pure analysis of article text: quotations, speakers. No I/O."""

from newsreader.analysis.quotes import find_quotes

# Raised whenever the quote finder's rules change what it finds: articles whose
# stored quotes an older version found are read again (ingest.pipeline.reanalyse).
QUOTES_VERSION = 24

__all__ = ["QUOTES_VERSION", "find_quotes"]
