# Generated from solutions/prompting_structured_io.py by `llmcourse assign`: edit the solution, not this file.
# %%
from llmcourse.notebook import check, hint
from pydantic import BaseModel, ValidationError

# %% [markdown]
# The lesson measured how often the course's model returns a reply that fits a schema, and what one
# retry with the validation error does. This exercise writes that loop properly, with a cap, so that it
# can sit between any model and the code that uses its answers.
#
# ## Exercise: parse, validate and retry with the error fed back
#
# Write `extract_with_retry(client, messages, schema, max_retries=2, model="course")`. `client` is an
# OpenAI-style client (the grader passes a scripted one), `messages` the chat messages of the request and
# `schema` a pydantic model class. The loop:
#
# 1. Call `client.chat.completions.create(model=model, messages=conversation)`, where `conversation` starts
#    as a copy of `messages` (leave the caller's list alone). The reply text is
#    `response.choices[0].message.content`.
# 2. Validate it with `schema.model_validate_json(text)`. If that succeeds, return the validated object.
# 3. If it raises `pydantic.ValidationError` (which it also does for text that is not JSON at all) and a
#    retry is left, append two messages to the conversation: `{"role": "assistant", "content": text}` (the
#    reply, unchanged) and `{"role": "user", "content": FEEDBACK.format(errors=describe(exc))}`, with
#    `FEEDBACK` and `describe` as defined below, and go back to step 1.
# 4. Make at most `1 + max_retries` calls in all. When the reply of the last allowed call fails too, raise
#    `ValueError` with the errors of that reply in its message.
#
# Raise `ValueError` without calling the model when `messages` is empty or `max_retries` is negative
# (`max_retries=0` means one call and no retry).

# %%
FEEDBACK = "Your reply did not validate: {errors}. Reply with the corrected JSON object only."


def describe(exc: ValidationError) -> str:
    """pydantic's errors as one line: 'field: message' for each, separated by '; '."""
    return "; ".join(f"{'.'.join(str(part) for part in e['loc']) or '(reply)'}: {e['msg']}" for e in exc.errors())


def extract_with_retry(client, messages: list[dict], schema: type[BaseModel], max_retries: int = 2,
                       model: str = "course") -> BaseModel:
    """The schema-valid object the model returns, asking again with the validation error at most
    max_retries times; ValueError when no reply validates."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("prompting_structured_io.extract_with_retry", extract_with_retry)

# %% [markdown]
# Stuck? `hint("prompting_structured_io.extract_with_retry")` shows the next hint.
