"""One call gives an OpenAI client: the embedded model by default, any compatible provider by env."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

import httpx
import openai

from .. import paths
from . import recording, server
from .replay_cache import ResponseStore
from .transport import RecordingTransport

OPENAI_DEFAULT_MODEL = "gpt-4o-mini"


@dataclass(frozen=True)
class Provider:
    name: str           # "embedded" or "remote"
    base_url: str | None
    api_key: str

    @property
    def embedded(self) -> bool:
        return self.name == "embedded"


def provider() -> Provider:
    """Which model the course talks to: OPENAI_BASE_URL / OPENAI_API_KEY when set, else the embedded model."""
    base_url = os.environ.get("OPENAI_BASE_URL") or None
    key = os.environ.get("OPENAI_API_KEY") or None
    if base_url is None and key is None:
        return Provider("embedded", None, "sk-embedded-no-key")
    return Provider("remote", base_url, key or "sk-no-key-needed")


def cache_enabled() -> bool:
    return os.environ.get("LLMCOURSE_CACHE", "on").lower() not in ("0", "off", "false", "no")


@cache
def _store() -> ResponseStore:
    return ResponseStore(paths.state_dir() / "responses.sqlite")


def client(*, cache: bool | None = None, timeout: float = 120.0) -> openai.OpenAI:
    """An `openai.OpenAI` client for the course's model.

    Answers come from the notebook's recording when it has the request, then from this learner's replay
    cache, then from the model; cache=False asks the model itself, bypassing both. The embedded server
    starts only when a request has to reach it, so a notebook that replays everything never waits for it.
    """
    prov = provider()
    if prov.embedded:
        inner: httpx.BaseTransport = _EmbeddedTransport()
        base_url, namespace = "http://127.0.0.1/v1", f"embedded:{server.MODEL_FILE}"
    else:
        inner = httpx.HTTPTransport(retries=0)
        base_url, namespace = prov.base_url, f"remote:{prov.base_url or 'api.openai.com'}"
    use_cache = cache_enabled() if cache is None else cache
    mode = "off" if cache is False else recording.mode()
    transport = RecordingTransport(inner, _store() if use_cache else None, namespace,
                                   recording=recording.active() if mode != "off" else None, strict=mode == "strict",
                                   writer=recording.Writer.from_env() if prov.embedded else None)
    return openai.OpenAI(base_url=base_url, api_key=prov.api_key, timeout=timeout, max_retries=1,
                         http_client=httpx.Client(transport=transport, timeout=timeout))


class _EmbeddedTransport(httpx.HTTPTransport):
    """Starts (or finds) the shared embedded server on the first live request, and sends requests to its port."""

    def __init__(self):
        super().__init__(retries=0)
        self._port: int | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._port is None:
            self._port = server.ensure_running().port
        request.url = request.url.copy_with(port=self._port)
        return super().handle_request(request)


def model_name() -> str:
    """The model id to pass as `model=`: $LLMCOURSE_MODEL, the embedded alias, gpt-4o-mini, or the server's first."""
    if chosen := os.environ.get("LLMCOURSE_MODEL"):
        return chosen
    prov = provider()
    if prov.embedded:
        return server.MODEL_ALIAS
    if prov.base_url is None:
        return OPENAI_DEFAULT_MODEL
    return _first_served_model()


@cache
def _first_served_model() -> str:
    models = client(cache=False).models.list().data
    if not models:
        from ..errors import CourseError
        raise CourseError(f"{os.environ.get('OPENAI_BASE_URL')} serves no models.",
                          "set LLMCOURSE_MODEL to the model id you pulled (e.g. `ollama pull llama3.2`)")
    return models[0].id


def chat(prompt: str | list[dict], *, system: str | None = None, llm: openai.OpenAI | None = None,
         **params) -> str:
    """Ask the course's model one question and return the text of its answer."""
    messages = [{"role": "user", "content": prompt}] if isinstance(prompt, str) else list(prompt)
    if system:
        messages.insert(0, {"role": "system", "content": system})
    params.setdefault("temperature", 0)
    params.setdefault("seed", 0)
    try:
        response = (llm or default_client()).chat.completions.create(model=model_name(), messages=messages, **params)
    except openai.APIError as exc:
        # the learner sees what went wrong and what to do last, under the client's own traceback
        from .advice import explain
        problem = explain(exc)
        if problem is None:
            raise
        raise problem from exc
    return response.choices[0].message.content or ""


@cache
def default_client() -> openai.OpenAI:
    """The process-wide client that `chat` uses when none is given."""
    return client()
