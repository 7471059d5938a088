"""An httpx transport that replays recorded responses and writes every call to the ledger."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter

import httpx

from . import ledger
from .store import ResponseStore


def _canonical(body: bytes) -> str:
    try:
        return json.dumps(json.loads(body or b"{}"), sort_keys=True, separators=(",", ":"))
    except ValueError:
        return body.decode("utf-8", "replace")


class RecordingTransport(httpx.BaseTransport):
    """Serves a repeated request from the store; the n-th identical request replays the n-th recording.

    Counting repeats keeps sampling demos honest: five identical requests at temperature 1 replay five
    different recorded answers, not one answer five times.
    """

    def __init__(self, inner: httpx.BaseTransport, store: ResponseStore | None, namespace: str):
        self.inner = inner
        self.store = store
        self.namespace = namespace
        self._seen: Counter[str] = Counter()

    def _key(self, request: httpx.Request, body: bytes) -> str:
        digest = hashlib.sha256(f"{self.namespace}\n{request.method} {request.url.path}\n{_canonical(body)}".encode())
        base = digest.hexdigest()
        self._seen[base] += 1
        return f"{base}:{self._seen[base]}"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        payload = json.loads(body) if body and request.headers.get("content-type", "").startswith("application/json") else {}
        cacheable = self.store is not None and request.method == "POST" and not payload.get("stream")
        key = self._key(request, body) if cacheable else ""
        if cacheable and (hit := self.store.get(key)) is not None:
            status, content, latency = hit
            self._record(request, payload, content, latency, cached=True)
            return httpx.Response(status, headers={"content-type": "application/json"}, content=content,
                                  request=request)
        start = time.perf_counter()
        response = self.inner.handle_request(request)
        if payload.get("stream"):
            return response
        content = response.read()
        latency = time.perf_counter() - start
        if response.status_code == 200:
            if cacheable:
                self.store.put(key, response.status_code, content, latency)
            self._record(request, payload, content, latency, cached=False)
        # the body is already decoded: drop headers that describe the encoded bytes
        headers = [(k, v) for k, v in response.headers.items()
                   if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        return httpx.Response(response.status_code, headers=headers, content=content, request=request)

    @staticmethod
    def _record(request: httpx.Request, payload: dict, content: bytes, latency: float, cached: bool) -> None:
        try:
            answer = json.loads(content)
        except ValueError:
            return
        ledger.record(request.url.path.rsplit("/v1", 1)[-1], payload, answer, latency, cached)

    def close(self) -> None:
        self.inner.close()
