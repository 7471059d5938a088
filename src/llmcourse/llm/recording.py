"""Recorded responses that ship with the course: one JSON Lines file per notebook, replayed by default.

A recording holds real answers of the embedded model, written by `llmcourse record`. Its first line
says which model, server and day produced it; every other line is one call: the request (as sent,
without host or port), the response and the latency measured when it was made. Requests are keyed
like the replay cache, so the n-th identical request replays the n-th recorded answer.

How a process uses recordings is set by LLMCOURSE_RECORDINGS:
  replay (default)  answer from the recording when it has the request, else ask the model
  strict            never ask the model: a request missing from the recording is an error (the tests)
  off               ignore recordings
LLMCOURSE_RECORDING names the one file to use (the course's executors set it per notebook); without
it, every recording in the checkout is searched.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MODES = ("replay", "strict", "off")
KINDS = ("lessons", "solutions", "exercises")


def mode() -> str:
    chosen = os.environ.get("LLMCOURSE_RECORDINGS", "replay").lower()
    return chosen if chosen in MODES else "replay"


def folder() -> Path:
    from .. import paths
    return paths.root() / "recordings"


def file_for(notebook: Path) -> Path:
    """Where the recording of a course notebook lives: recordings/KIND/ID.jsonl."""
    notebook = Path(notebook).resolve()
    return folder() / notebook.parent.name / f"{notebook.stem}.jsonl"


def for_notebook(notebook: Path, lesson_id: str) -> Path:
    """The recording a notebook replays: its own for a course notebook, the exercises' for a learner's copy."""
    notebook = Path(notebook).resolve()
    try:
        if notebook.parent.name in KINDS and notebook.parent.parent == folder().parent:
            return file_for(notebook)
    except Exception:  # noqa: BLE001 - outside a checkout: a learner's copy
        pass
    return folder() / "exercises" / f"{lesson_id}.jsonl"


def canonical(body: bytes) -> str:
    try:
        return json.dumps(json.loads(body or b"{}"), sort_keys=True, separators=(",", ":"))
    except ValueError:
        return body.decode("utf-8", "replace")


def base_key(namespace: str, method: str, path: str, body: bytes) -> str:
    """The request's identity: model namespace, method, path and canonical JSON; never host or port."""
    return hashlib.sha256(f"{namespace}\n{method} {path}\n{canonical(body)}".encode()).hexdigest()


class Keys:
    """Numbers repeats of one request, so the n-th identical request has a key of its own."""

    def __init__(self):
        self._seen: Counter[str] = Counter()

    def next(self, base: str) -> str:
        self._seen[base] += 1
        return f"{base}:{self._seen[base]}"


@dataclass
class Entry:
    key: str
    path: str
    request: dict
    status: int
    response: dict
    latency_s: float

    def line(self) -> str:
        return json.dumps({"key": self.key, "path": self.path, "request": self.request, "status": self.status,
                           "latency_s": round(self.latency_s, 4), "response": self.response},
                          sort_keys=True, ensure_ascii=False)


@dataclass
class Recording:
    header: dict
    entries: dict[str, Entry] = field(default_factory=dict)
    source: str = ""

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)


def read(path: Path) -> Recording | None:
    """A recording file, or None when there is none; a damaged line is a clear error naming the file."""
    path = Path(path)
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        header = json.loads(lines[0]) if lines else {}
        found = Recording(header, source=str(path))
        for raw in lines[1:]:
            if raw.strip():
                item = json.loads(raw)
                found.entries[item["key"]] = Entry(item["key"], item["path"], item["request"], item["status"],
                                                   item["response"], item["latency_s"])
    except (ValueError, KeyError, TypeError) as exc:
        from ..errors import CourseError
        raise CourseError(f"the recording {path} is damaged ({exc}).",
                          f"git checkout -- {path}   # or re-record it: llmcourse record {path.stem}") from exc
    return found


@cache
def _everything(root: str) -> Recording:
    merged = Recording({"model": "several"}, source="every recording in the course")
    for path in sorted(Path(root).glob("*/*.jsonl")):
        found = read(path)
        for key, entry in (found.entries.items() if found else ()):
            merged.entries.setdefault(key, entry)
    return merged


def active() -> Recording | None:
    """The recording this process replays from: $LLMCOURSE_RECORDING, or every recording in the checkout."""
    if mode() == "off":
        return None
    if named := os.environ.get("LLMCOURSE_RECORDING"):
        return read(Path(named)) or Recording({}, source=named)
    try:
        return _everything(str(folder()))
    except Exception:  # noqa: BLE001 - outside a checkout there is simply nothing to replay
        return None


class Writer:
    """Appends each live call to the file named by $LLMCOURSE_RECORD_TO (set by `llmcourse record`)."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @classmethod
    def from_env(cls) -> Writer | None:
        target = os.environ.get("LLMCOURSE_RECORD_TO")
        return cls(Path(target)) if target else None

    def add(self, entry: Entry) -> None:
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(entry.line() + "\n")


def header(notebook: str) -> dict:
    """What produced a recording: the model, its file's hash, the server and the day."""
    import datetime
    from importlib import metadata

    from . import server
    model = server.model_path()
    return {"recording": 1, "notebook": notebook, "model": server.MODEL_ALIAS, "model_file": model.name,
            "model_sha256": file_sha256(model), "server": f"llama-cpp-python {metadata.version('llama-cpp-python')}",
            "recorded": datetime.date.today().isoformat()}


@cache
def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def answer_text(response: dict) -> str:
    """The text of a response's first choice, for diffs and previews."""
    try:
        return response["choices"][0]["message"]["content"] or ""
    except (KeyError, IndexError, TypeError):
        return json.dumps(response)[:200]


def one_line(text: str, limit: int) -> str:
    """`text` with its white space folded, cut to `limit` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def preview(request: dict, limit: int = 160) -> str:
    """A one-line view of a request: its last message, cut to `limit` characters."""
    messages = request.get("messages") or []
    text = messages[-1].get("content", "") if messages and isinstance(messages[-1], dict) else json.dumps(request)
    return one_line(text, limit)
