"""An httpx transport that answers from recordings or the replay cache, and writes every call to the ledger."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from . import ledger
from .recording import Entry, Keys, Recording, Writer, base_key, preview
from .replay_cache import ResponseStore

MISSING_STATUS = 422  # not retried by the openai client, and names the missing request in its message


class RecordingTransport(httpx.BaseTransport):
    """Serves a request from the notebook's recording, then the learner's cache, then the live model.

    The n-th identical request replays the n-th recorded answer, so sampling demos stay varied: five
    identical requests at temperature 1 replay five different answers, not one answer five times.
    """

    def __init__(self, inner: httpx.BaseTransport, store: ResponseStore | None, namespace: str, *,
                 recording: Recording | None = None, strict: bool = False, writer: Writer | None = None):
        self.inner = inner
        self.store = store
        self.namespace = namespace
        self.recording = recording
        self.strict = strict
        self.writer = writer
        self._keys = Keys()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        payload = json.loads(body) if body and request.headers.get("content-type", "").startswith("application/json") else {}
        replayable = request.method == "POST" and not payload.get("stream")
        key = self._keys.next(base_key(self.namespace, request.method, request.url.path, body)) if replayable else ""
        if replayable and self.recording is not None and (entry := self.recording.get(key)) is not None:
            content = json.dumps(entry.response).encode()
            return self._replay(request, payload, entry.status, content, entry.latency_s, "recording")
        if self.strict:
            return self._missing(request, payload)
        if replayable and self.store is not None and (hit := self.store.get(key)) is not None:
            status, content, latency = hit
            return self._replay(request, payload, status, content, latency, "cache")
        start = time.perf_counter()
        response = self.inner.handle_request(request)
        if payload.get("stream"):
            return response
        content = response.read()
        latency = time.perf_counter() - start
        if response.status_code == 200:
            if replayable and self.store is not None:
                self.store.put(key, response.status_code, content, latency)
            if replayable and self.writer is not None:
                self.writer.add(Entry(key, request.url.path, payload, 200, json.loads(content), latency))
            self._record(request, payload, content, latency, "live")
        # the body is already decoded: drop headers that describe the encoded bytes
        headers = [(k, v) for k, v in response.headers.items()
                   if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        return httpx.Response(response.status_code, headers=headers, content=content, request=request)

    def _replay(self, request, payload, status, content, latency, source) -> httpx.Response:
        self._record(request, payload, content, latency, source)
        return httpx.Response(status, headers={"content-type": "application/json"}, content=content, request=request)

    def _missing(self, request: httpx.Request, payload: dict) -> httpx.Response:
        where = self.recording.source if self.recording is not None else "no recording"
        lesson = Path(where).stem if where.endswith(".jsonl") else "LESSON_ID"
        message = (f"LLMCOURSE_RECORDINGS=strict and this request is not in {where}: "
                   f"{request.method} {request.url.path} {preview(payload)!r}. "
                   f"Re-record it (llmcourse record {lesson}) or run with LLMCOURSE_RECORDINGS=replay.")
        error = {"error": {"message": message, "type": "recording_missing", "code": "recording_missing"}}
        return httpx.Response(MISSING_STATUS, json=error, request=request, headers={"x-should-retry": "false"})

    @staticmethod
    def _record(request: httpx.Request, payload: dict, content: bytes, latency: float, source: str) -> None:
        try:
            answer = json.loads(content)
        except ValueError:
            return
        ledger.record(request.url.path.rsplit("/v1", 1)[-1], payload, answer, latency, source)

    def close(self) -> None:
        self.inner.close()
