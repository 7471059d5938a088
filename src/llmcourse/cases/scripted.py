"""A scripted stand-in for the model client, used only by graders and unit tests."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion


class ScriptedLLM:
    """Answers `chat.completions.create` from a script and remembers every request it saw.

    `script` is a list of replies served in order, or a function of the messages that returns the reply:
    graders use it to give the learner's code a model whose behaviour is known in advance.
    """

    def __init__(self, script: list[str] | Callable[[list[dict]], str]):
        self.script = script
        self.requests: list[dict] = []
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self._create))

    def _create(self, *, model: str = "scripted", messages: list[dict], **params) -> ChatCompletion:
        self.requests.append({"model": model, "messages": messages, **params})
        if callable(self.script):
            text = self.script(messages)
        else:
            if len(self.requests) > len(self.script):
                raise RuntimeError(f"the scripted model has only {len(self.script)} answers; "
                                   f"this is call {len(self.requests)}")
            text = self.script[len(self.requests) - 1]
        # imported here: a check cell without a scripted model should not pay for the openai package
        from openai.types.chat import ChatCompletion
        words = sum(len(str(m.get("content", "")).split()) for m in messages)
        return ChatCompletion.model_validate({
            "id": f"scripted-{len(self.requests)}", "object": "chat.completion", "created": int(time.time()),
            "model": model, "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": words, "completion_tokens": len(text.split()),
                      "total_tokens": words + len(text.split())}})
