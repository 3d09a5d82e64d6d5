"""Stories: articles of different outlets on one event, and their quotations side by side.

Pure analysis, no I/O: ``terms`` turns an article's title and lead into
weighted terms, ``group`` places new articles among grouped ones
incrementally, ``align`` merges the quotations of a story's articles.
"""

# Raised whenever grouping changes what it makes of the same articles, so that a
# library grouped by an older newsreader is grouped again (1: the 120-word lead;
# 2: before an outlet's follow-up needed more likeness).
STORIES_VERSION = 3
