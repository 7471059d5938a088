"""A SQLite store of model responses, keyed by request, that rebuilds itself when corrupt."""

from __future__ import annotations

import sqlite3
import time
import warnings
from pathlib import Path

SCHEMA = """CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY, status INTEGER, body BLOB, latency_s REAL, created REAL)"""


class ResponseStore:
    """Recorded responses; a corrupt or unreadable file is moved aside and a fresh one started."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            conn.execute(SCHEMA)
            conn.execute("SELECT count(*) FROM responses").fetchone()
            return conn
        except sqlite3.DatabaseError as exc:
            return self._rebuild(exc)

    def _rebuild(self, exc: Exception) -> sqlite3.Connection:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        if self.path.exists():
            self.path.replace(aside)
        warnings.warn(f"response cache {self.path} was unreadable ({exc}); moved it to {aside.name} "
                      "and started an empty one", RuntimeWarning, stacklevel=3)
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        conn.execute(SCHEMA)
        return conn

    def get(self, key: str) -> tuple[int, bytes, float] | None:
        try:
            row = self._conn.execute("SELECT status, body, latency_s FROM responses WHERE key = ?",
                                     (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._conn = self._rebuild(exc)
            return None
        return (row[0], bytes(row[1]), row[2]) if row else None

    def put(self, key: str, status: int, body: bytes, latency_s: float) -> None:
        try:
            with self._conn:
                self._conn.execute("INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?)",
                                   (key, status, body, latency_s, time.time()))
        except sqlite3.DatabaseError as exc:
            self._conn = self._rebuild(exc)

    def __len__(self) -> int:
        return self._conn.execute("SELECT count(*) FROM responses").fetchone()[0]
