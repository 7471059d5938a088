"""Cases for prompting_structured_io: parse, validate and retry a model's JSON with the validation error
fed back, under a retry cap."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ValidationError

from llmcourse.cases import Case, ScriptedLLM

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {}

FEEDBACK = "Your reply did not validate: {errors}. Reply with the corrected JSON object only."


class Product(BaseModel):
    name: str
    price: float
    colour: Literal["black", "white", "red", "blue", "green"]


def _describe(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(part) for part in e['loc']) or '(reply)'}: {e['msg']}" for e in exc.errors())


def _errors_of(text: str) -> str:
    try:
        Product.model_validate_json(text)
    except ValidationError as exc:
        return _describe(exc)
    raise AssertionError("the text validates")


ASK = [{"role": "system", "content": "You extract product fields as JSON."},
       {"role": "user", "content": "Extract the fields: The Pocket Lamp is blue and costs $12.99."}]
GOOD = '{"name": "Pocket Lamp", "price": 12.99, "colour": "blue"}'
LAMP = Product(name="Pocket Lamp", price=12.99, colour="blue")
BAD_TYPE = '{"name": "Pocket Lamp", "price": "cheap", "colour": "blue"}'
NOT_JSON = "Sure! The product is the Pocket Lamp, it costs $12.99 and it is blue."
TWO_WRONG = '{"name": "Pocket Lamp", "price": "cheap", "colour": "purple"}'
MISSING = '{"name": "Pocket Lamp", "colour": "blue"}'


class _Strict(ScriptedLLM):
    """Answers GOOD only when the conversation so far is exactly what the exercise text prescribes."""

    def __init__(self, bad: list[str]):
        self.bad = bad
        super().__init__(self._reply)

    def _reply(self, messages: list[dict]) -> str:
        n = len(self.requests) - 1  # this call's index
        expected = list(ASK)
        for text in self.bad[:n]:
            expected += [{"role": "assistant", "content": text},
                         {"role": "user", "content": FEEDBACK.format(errors=_errors_of(text))}]
        if messages != expected:
            return "I cannot tell what you want."
        return self.bad[n] if n < len(self.bad) else GOOD


def extract_with_retry() -> list[Case]:
    return [
        Case("valid at once", args=lambda: (ScriptedLLM([GOOD]), ASK, Product), expect=LAMP,
             why="A reply that validates is returned at once, as the schema object, after one call"),
        Case("one retry repairs a wrong type", args=lambda: (_Strict([BAD_TYPE]), ASK, Product), expect=LAMP,
             why="'cheap' is not a number: send the reply back as an assistant turn, then a user turn "
                 "FEEDBACK.format(errors=describe(exc)), with the conversation so far in front, and ask again"),
        Case("text that is not JSON is a validation error too", args=lambda: (_Strict([NOT_JSON]), ASK, Product),
             expect=LAMP,
             why="model_validate_json raises ValidationError for prose as well: treat it like any other failure "
                 "and feed the error back"),
        Case("all errors are fed back", args=lambda: (_Strict([TWO_WRONG]), ASK, Product), expect=LAMP,
             why="Two fields are wrong; describe(exc) lists both, and the retry needs both to fix the reply"),
        Case("a missing field", args=lambda: (_Strict([MISSING]), ASK, Product), expect=LAMP,
             why="A reply without 'price' fails validation: feed the error back and retry"),
        Case("the conversation grows with each retry",
             args=lambda: (_Strict([BAD_TYPE, NOT_JSON]), ASK, Product), expect=LAMP,
             why="The second retry carries the original messages, then both failed replies each followed by "
                 "its own feedback: keep the whole conversation, not only the latest exchange"),
        Case("the last allowed call can still succeed",
             args=lambda: (ScriptedLLM([NOT_JSON, BAD_TYPE, GOOD]), ASK, Product), expect=LAMP,
             why="With max_retries=2 you may make 3 calls; the third reply validates, so return it"),
        Case("the cap: three failures raise", args=lambda: (ScriptedLLM([NOT_JSON, BAD_TYPE, MISSING]), ASK, Product),
             raises=ValueError,
             why="With max_retries=2 there are 3 calls in all; when the third reply fails too, raise ValueError "
                 "(a fourth call is one too many: the scripted model has no fourth answer)"),
        Case("a higher cap allows more calls",
             args=lambda: (ScriptedLLM([NOT_JSON, BAD_TYPE, MISSING, GOOD]), ASK, Product),
             kwargs={"max_retries": 3}, expect=LAMP,
             why="max_retries=3 allows 4 calls: use the cap you are given"),
        Case("no retries", args=lambda: (ScriptedLLM([BAD_TYPE]), ASK, Product), kwargs={"max_retries": 0},
             raises=ValueError,
             why="max_retries=0 means one call and no retry: a failed reply raises ValueError"),
        Case("no retries, valid reply", args=lambda: (ScriptedLLM([GOOD]), ASK, Product), kwargs={"max_retries": 0},
             expect=LAMP, why="max_retries=0 still makes the one call, and a valid reply is returned"),
        Case("the model name is passed on", args=lambda: (_ModelOnly("tiny-1", GOOD), ASK, Product),
             kwargs={"model": "tiny-1"}, expect=LAMP,
             why="Call create(model=model, messages=...) with the model you are given"),
        Case("a negative cap", args=lambda: (ScriptedLLM([]), ASK, Product), kwargs={"max_retries": -1},
             raises=ValueError, why="max_retries=-1 allows no call at all: raise ValueError before calling"),
        Case("no messages", args=lambda: (ScriptedLLM([]), [], Product), raises=ValueError,
             why="With no messages there is nothing to ask: raise ValueError before calling the model"),
    ]


class _ModelOnly(ScriptedLLM):
    """Answers `reply` only when asked for the named model."""

    def __init__(self, name: str, reply: str):
        self.name = name
        self.reply = reply
        super().__init__(self._answer)

    def _answer(self, messages: list[dict]) -> str:
        return self.reply if self.requests[-1]["model"] == self.name else "wrong model"
