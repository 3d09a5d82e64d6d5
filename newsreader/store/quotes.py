"""Quote and speaker queries of the store, mixed into ``Store``."""

from __future__ import annotations

from typing import Iterable

from newsreader.models import Quote, SpeakerCount


class QuoteQueries:
    """Needs ``self.conn`` from ``Store``."""

    def quotes(self, speaker_keys: Iterable[str] | None = None, limit: int | None = None
               ) -> list[tuple[int, Quote, str]]:
        """(article id, quote, quoted text) across the library, newest article first."""
        sql = ("SELECT q.article_id, q.start, q.end, q.kind, q.speaker, q.speaker_start, q.speaker_end,"
               " q.cue, substr(a.body, q.start + 1, q.end - q.start) FROM quotes q"
               " JOIN articles a ON a.id = q.article_id")
        args: list = []
        if speaker_keys is not None:
            keys = list(speaker_keys)
            if not keys:
                return []
            sql += f" WHERE q.speaker_key IN ({','.join('?' * len(keys))})"
            args += keys
        sql += " ORDER BY a.published DESC, a.id DESC, q.start"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [(r[0], Quote(*r[1:8]), r[8]) for r in self.conn.execute(sql, args)]

    def speakers(self) -> list[SpeakerCount]:
        """Each person (by speaker key) with a display name, quote and article counts."""
        rows = self.conn.execute(
            "SELECT speaker_key, max(speaker), count(*), count(DISTINCT article_id) FROM quotes"
            " WHERE speaker_key IS NOT NULL GROUP BY speaker_key ORDER BY count(*) DESC, speaker_key")
        return [SpeakerCount(name, n, arts) for _key, name, n, arts in rows]

    def speaker_keys(self) -> list[tuple[str, str]]:
        """(key, display name) for every speaker key in the library."""
        return list(self.conn.execute(
            "SELECT speaker_key, max(speaker) FROM quotes WHERE speaker_key IS NOT NULL GROUP BY speaker_key"))

