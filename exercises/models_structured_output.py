# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# Generated from solutions/models_structured_output.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercise: an adapter from model output to typed records
#
# One function, graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import json
from typing import Literal, Sequence

from pydantic import BaseModel, ValidationError

from llmcourse.notebook import check, hint

# %% [markdown]
# ## Model output in, typed records and a list of errors out
#
# Write the adapter that sits between a model and the code that consumes its answers. `outputs` is a
# list (or tuple) of raw replies, one per request, and `record_type` is a pydantic model class, such as
# the `Refund` below. Return a pair `(records, errors)`:
#
# - `records` is a list of `(index, record)` pairs, one per reply that became a valid record, in the
#   order of `outputs`. `index` is the reply's position in `outputs`; `record` is the validated record
#   as a plain dict, `record_type.model_validate(data).model_dump()`, so that values are converted to
#   their declared types (a `"39.99"` for a `float` field becomes `39.99`) and defaults are filled in.
# - `errors` is a list of `(index, where, message)` triples, in the order of `outputs`, for every reply
#   that did not become a record. `message` is any non-empty string that helps a person (pydantic's
#   `msg` is fine; the grader only checks that it is there). `where` says what failed:
#   - `"<json>"` when no JSON object can be read from the reply. Models wrap JSON in code fences and
#     chatter, so be liberal: take the text from the **first** `{` to the **last** `}` (both included)
#     and parse it with `json.loads`. The reply is a `"<json>"` error when it is not a string (a model
#     can return `None` as content), when it has no `{`, no `}` after its first `{`, or when that text
#     does not parse. One error per such reply.
#   - otherwise, validate the parsed object with `record_type.model_validate` and add **one error per
#     entry** of the `ValidationError`'s `.errors()`, in pydantic's order, with `where` the entry's
#     `loc` joined with dots, numbers included: `("lines", 0, "sku")` becomes `"lines.0.sku"`.
#
# Never stop at the first bad reply: every reply gets its chance, and the function raises nothing for
# bad replies. The one input it rejects is a single string passed as `outputs` (iterating over it would
# treat each character as a reply): raise `ValueError` with a message saying so.
#
# Example with `Refund`: `to_records(['{"order_id": "7", "reason": "late", "amount": "5", "currency":
# "EUR"}', "sorry", '{"order_id": "8", "reason": "lost", "amount": 1, "currency": "JPY"}'], Refund)`
# returns `([(0, {"order_id": "7", "reason": "late", "amount": 5.0, "currency": "EUR"})], [(1, "<json>",
# "..."), (2, "reason", "..."), (2, "currency", "...")])`.

# %%
class Refund(BaseModel):
    order_id: str
    reason: Literal["damaged", "late", "wrong_item", "changed_mind"]
    amount: float
    currency: Literal["EUR", "USD", "GBP"]


def to_records(outputs: Sequence[str], record_type: type[BaseModel]) -> tuple[list, list]:
    """(index, record dict) for every reply that validates, (index, where, message) for every problem."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("models_structured_output.to_records", to_records)

# %% [markdown]
# Stuck? `hint("models_structured_output.to_records")` shows the next hint. Once the check passes, try
# the adapter on replies like the lesson's: a fenced record, a prose reply, and a record with a
# reason outside the list and an amount written `"24,50"`; then count the errors by `where`.
