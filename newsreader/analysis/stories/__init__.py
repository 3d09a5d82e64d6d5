"""Stories: articles of different outlets on one event, and their quotations side by side.

Pure analysis, no I/O: ``terms`` turns an article's title and lead into
weighted terms, ``group`` places new articles among grouped ones
incrementally, ``align`` merges the quotations of a story's articles.
"""
