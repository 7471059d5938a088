"""The call ledger: one row per model call made by this process, for cost and latency lessons."""

from __future__ import annotations

import threading
import time
import tomllib
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources


@dataclass
class Call:
    at: float
    endpoint: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    latency_s: float
    cached: bool        # answered without asking the model (recording or cache)
    source: str         # "live", "cache" (this learner's replay cache) or "recording" (shipped with the course)
    cost_usd: float


_calls: list[Call] = []
_guard = threading.Lock()


@cache
def _prices() -> dict:
    text = resources.files("llmcourse.llm").joinpath("prices.toml").read_text()
    return tomllib.loads(text)["models"]


def estimate_cost(model: str, prompt_tokens: int, completion_tokens: int) -> float:
    """Dollars for one call at list price; 0 for the embedded model and for models without a listed price."""
    for name, price in sorted(_prices().items(), key=lambda kv: -len(kv[0])):
        if model == name or model.startswith(name + "-"):
            return (prompt_tokens * price["input"] + completion_tokens * price["output"]) / 1e6
    return 0.0


def record(endpoint: str, request: dict, response: dict, latency_s: float, source: str = "live") -> Call:
    """Append one call to the ledger from the JSON of its request and response; a replayed call keeps the
    latency measured when it was recorded."""
    usage = response.get("usage") or {}
    model = response.get("model") or request.get("model") or "?"
    prompt, completion = int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    call = Call(at=time.time(), endpoint=endpoint, model=model, prompt_tokens=prompt,
                completion_tokens=completion, latency_s=round(latency_s, 4), cached=source != "live", source=source,
                cost_usd=estimate_cost(model, prompt, completion))
    with _guard:
        _calls.append(call)
    return call


def calls() -> list[Call]:
    """Every call recorded so far in this process, oldest first."""
    with _guard:
        return list(_calls)


def clear() -> None:
    """Forget the calls recorded so far (to measure one experiment on its own)."""
    with _guard:
        _calls.clear()


def table():
    """The ledger as a pandas DataFrame, one row per call; latency is as measured when the call was made."""
    import pandas as pd

    frame = pd.DataFrame([asdict(c) for c in calls()],
                         columns=list(Call.__dataclass_fields__))
    frame["at"] = pd.to_datetime(frame["at"], unit="s")
    return frame


def summary() -> dict:
    """Totals over the ledger: calls, tokens, replayed calls, measured seconds and estimated dollars."""
    rows = calls()
    return {"calls": len(rows), "cache_hits": sum(c.cached for c in rows),
            "from_recording": sum(c.source == "recording" for c in rows),
            "prompt_tokens": sum(c.prompt_tokens for c in rows),
            "completion_tokens": sum(c.completion_tokens for c in rows),
            "latency_s": round(sum(c.latency_s for c in rows), 3),
            "cost_usd": round(sum(c.cost_usd for c in rows), 6)}
