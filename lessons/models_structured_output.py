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

# %% [markdown]
# Most model output in a product is read by code before any person sees it: a front end renders a widget
# from it, a queue routes it, a database stores it. That code expects fields with types, not prose. The
# reliable way to connect the two is to treat the model as an untrusted source of data: declare the type
# you want once, let that declaration drive both the request and the check, and turn every reply into
# either a typed record or a recorded error before anything downstream touches it. The report frames this
# as a pattern that will last: be generous about the natural language that goes in, and strict about the
# typed objects that come out ([Yan et al.,
# 2024](https://applied-llms.org/#generate-structured-output-to-ease-downstream-integration)).
#
# A reply can go wrong at three levels, and each needs its own counter:
#
# 1. **not JSON at all**: prose, a truncated object, a code fence with chatter around it;
# 2. **JSON of the wrong shape**: a missing key, a string where a number belongs, a value outside the
#    allowed set;
# 3. **a valid record with wrong values**: the right shape, the wrong order number.
#
# In this lesson you will define a refund record as a pydantic type, ask the course's model to fill it
# from 12 customer messages twice, once with instructions only and once with *constrained decoding* (the
# server may only emit tokens that keep the reply inside the JSON schema), and count failures at each
# level. Then you will feed the records into the code that consumes them, and try the common repair,
# sending the validation error back to the model.

# %%
import json
from typing import Literal

import matplotlib.pyplot as plt
import pandas as pd
from pydantic import BaseModel, ValidationError

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

requests = shipped.load("models_structured_output", "requests.toml")["requests"]
truth = pd.DataFrame(requests)
truth[["text", "order_id", "reason", "amount", "currency"]].head(4)

# %% [markdown]
# ## Step 1: one type, three uses
#
# The record is a pydantic model. The same class gives us the JSON schema to send to the server, the
# validator for what comes back, and the type the downstream code is written against, so the three cannot
# drift apart. `Literal` fields become `enum` lists in the schema.

# %%
class Refund(BaseModel):
    order_id: str
    reason: Literal["damaged", "late", "wrong_item", "changed_mind"]
    amount: float
    currency: Literal["EUR", "USD", "GBP"]


SCHEMA = Refund.model_json_schema()
print(json.dumps(SCHEMA, indent=1))

# %% [markdown]
# ## Step 2: ask twice
#
# Both configurations send the same instructions and the same message; `max_tokens` is 80, about twice
# what a complete record needs. The second adds `response_format={"type": "json_object", "schema":
# SCHEMA}`, which llama.cpp's server (the one behind the course's model) turns into a grammar that masks
# every token that would leave the schema. OpenAI's API calls the same idea Structured Outputs and spells
# the parameter `{"type": "json_schema", ...}`; other servers have their own spelling, so check your
# provider's documentation for the name.

# %%
INSTRUCTIONS = ("Extract the refund request as a JSON object with the keys order_id (a string of digits), "
                "reason (one of damaged, late, wrong_item, changed_mind), amount (a number) and currency "
                "(one of EUR, USD, GBP). Reply with the JSON object only.")

client = llm.client()


def ask(text: str, constrained: bool, max_tokens: int = 80) -> tuple[str, str]:
    """The model's reply to one request and why it stopped ('stop' or 'length')."""
    extra = {"response_format": {"type": "json_object", "schema": SCHEMA}} if constrained else {}
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=max_tokens, temperature=0, seed=0,
        messages=[{"role": "system", "content": INSTRUCTIONS}, {"role": "user", "content": text}], **extra)
    choice = response.choices[0]
    return choice.message.content or "", choice.finish_reason


replies = []
for config, constrained in [("instructions only", False), ("constrained decoding", True)]:
    for i, request in enumerate(requests):
        reply, finish = ask(request["text"], constrained)
        replies.append({"config": config, "item": i, "reply": reply, "finish": finish})
replies = pd.DataFrame(replies)
replies.groupby("config").head(3)[["config", "item", "finish", "reply"]]

# %% [markdown]
# ## Step 3: sort every reply into a level
#
# The check below is the integration boundary. It tries `json.loads` on the reply as it is, then
# `Refund.model_validate` on the result, and notes where it stopped. Only a reply that passes both becomes
# a `Refund`; for those, we also compare each field with the record the message states. Pydantic's
# `ValidationError` lists *every* failing field with its location, which is what you want to count and
# log; we keep the field names.

# %%
FIELDS = ["order_id", "reason", "amount", "currency"]


def classify(reply: str, expected: dict) -> dict:
    try:
        data = json.loads(reply)
    except json.JSONDecodeError:
        return {"level": "not JSON", "bad_fields": [], "record": None}
    try:
        record = Refund.model_validate(data)
    except ValidationError as error:
        bad = [".".join(str(part) for part in e["loc"]) or "(whole reply)" for e in error.errors()]
        return {"level": "wrong shape", "bad_fields": bad, "record": None}
    wrong = [f for f in FIELDS if getattr(record, f) != expected[f]]
    return {"level": "valid, wrong values" if wrong else "valid and right", "bad_fields": wrong,
            "record": record}


checked = pd.concat([replies, pd.DataFrame([classify(row.reply, requests[row.item])
                                            for row in replies.itertuples()])], axis=1)
LEVELS = ["not JSON", "wrong shape", "valid, wrong values", "valid and right"]
levels = pd.crosstab(checked["config"], pd.Categorical(checked["level"], LEVELS), dropna=False,
                     rownames=["configuration"], colnames=["level"])
levels

# %%
fig, ax = plt.subplots(figsize=(7, 2.8))
colours = ["#c0392b", "#e67e22", "#f1c40f", "#27ae60"]
left = pd.Series(0, index=levels.index)
for level, colour in zip(LEVELS, colours):
    ax.barh(levels.index, levels[level], left=left, color=colour, label=level)
    left += levels[level]
ax.set_xlabel(f"replies (of {len(requests)} per configuration)")
ax.set_title("Where each reply stopped on its way to a typed record")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=4, fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Read the two bars from the left. The red and orange parts are replies your code could not use at all (we
# parse strictly here; a more forgiving parser, like the one in the exercise, reads a JSON object out of
# surrounding prose, which rescues the text but rarely the shape); the yellow part is worse in one way,
# because it passes every check and is still wrong. On our recording the free replies were mostly not
# JSON, and constrained decoding removed the red and orange parts entirely. That is what the mechanism
# promises and no more: the grammar decides which tokens are *allowed*, the model still decides which
# allowed token to write, and a weak model fills the slots with plausible values. Which fields did it get
# wrong?

# %%
valid = checked[checked["record"].notna()]
field_errors = pd.DataFrame({config: {f: sum(f in bad for bad in group["bad_fields"]) for f in FIELDS}
                             for config, group in valid.groupby("config")})
field_errors.index.name = "field wrong in a valid record"
field_errors

# %% [markdown]
# Large models shift these numbers but not the lesson. OpenAI reported that on its own evaluation of
# complex schemas, gpt-4o-2024-08-06 matched the schema 93% of the time from training alone and 100% once
# constrained decoding was added, while gpt-4-0613 with prompting alone stayed under 40%
# [@openai2024structured]. The same announcement lists when the guarantee lapses: when the model refuses,
# and when generation stops at `max_tokens` before the object is closed. That second one is easy to
# reproduce here. One request with the schema and room for only 12 tokens:

# %%
short_reply, short_finish = ask(requests[0]["text"], constrained=True, max_tokens=12)
print(f"finish_reason={short_finish!r}: {short_reply!r}")
print("parses:", classify(short_reply, requests[0])["level"])

# %% [markdown]
# So the adapter still has to check `finish_reason` or, more simply, still has to parse and validate every
# reply: constrained decoding moves failures from common to rare, and rare failures still need a code
# path.
#
# ## Step 4: the code downstream
#
# Here is the consumer, written against the type: a refund desk that totals what it owes per currency and
# routes each case to a queue by reason. It never checks a key or a type, because nothing reaches it
# without passing `Refund.model_validate`. Whatever failed goes to a list that a person (or a retry)
# handles, instead of raising in the middle of a batch.

# %%
QUEUES = {"damaged": "carrier claims", "late": "carrier claims", "wrong_item": "warehouse",
          "changed_mind": "returns"}


def refund_desk(records: list[Refund]) -> pd.DataFrame:
    rows = [{"currency": r.currency, "queue": QUEUES[r.reason], "amount": r.amount} for r in records]
    return pd.DataFrame(rows, columns=["currency", "queue", "amount"]).pivot_table(
        index="queue", columns="currency", values="amount", aggfunc="sum", fill_value=0.0)


expected_records = [Refund.model_validate({f: r[f] for f in FIELDS}) for r in requests]
constrained_records = list(valid.loc[valid["config"] == "constrained decoding", "record"])
print(f"records that reached the desk: {len(constrained_records)} of {len(requests)} (constrained decoding)")
pd.concat({"from the model": refund_desk(constrained_records), "from the messages": refund_desk(expected_records)},
          axis=1).fillna(0.0).round(2)

# %% [markdown]
# The left half is what the desk would have paid out from the model's records, the right half what the
# customers asked for. Every cell on the left was computed by correct code from valid records; where they
# differ, the error came in through values the schema allowed. Validation protects your code's assumptions
# about *shape*; checking the *values* is an evaluation problem (a sample of records read by a person, or
# an assertion such as "the order id appears in the message"), covered in the lessons on evals.
#
# ## Step 5: the repair loop
#
# A common fix for unconstrained output, and what libraries such as Instructor automate, is to send the
# validation error back and ask again. We try it once for each free reply that failed, with the original
# exchange plus one message naming the problem.

# %%
def repair(text: str, bad_reply: str, problem: str) -> str:
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=80, temperature=0, seed=0,
        messages=[{"role": "system", "content": INSTRUCTIONS}, {"role": "user", "content": text},
                  {"role": "assistant", "content": bad_reply},
                  {"role": "user", "content": f"That reply was rejected: {problem}. Reply again with the "
                                              "JSON object only."}])
    return response.choices[0].message.content or ""


failed = checked[(checked["config"] == "instructions only") & checked["record"].isna()]
retries = []
for row in failed.itertuples():
    problem = ("it is not valid JSON" if row.level == "not JSON"
               else "these fields are missing or invalid: " + ", ".join(row.bad_fields))
    second = repair(requests[row.item]["text"], row.reply, problem)
    retries.append({"item": row.item, "first": row.level, **classify(second, requests[row.item]), "reply": second})
retries = pd.DataFrame(retries, columns=["item", "first", "level", "bad_fields", "record", "reply"])
print(f"{len(retries)} failed free replies retried once, {int(retries['record'].notna().sum())} became valid "
      f"records; after the retry: "
      + ", ".join(f"{n} {level}" for level, n in retries["level"].value_counts().items()))
retries[["item", "first", "level", "reply"]].head(6)

# %% [markdown]
# Compare the retry's yield with the constrained bar above. Each retry is one more model call, with a
# longer prompt, for each failure, and on a model this small the error message often does not help. On a
# stronger model a retry fixes more, which is why validate-and-retry is a sensible fallback where your
# provider offers no constrained decoding. Where it does, use both: constrain the output so that retries
# become rare, and keep the validation, because truncation and refusals still happen.
#
# ## What to take away
#
# - Declare the record once, as a type (pydantic, a dataclass with a validator, a Zod schema), and
#   derive the JSON schema from it. Send that schema to the model and validate with the same type.
#   Make the type as tight as the data allows: an `order_id` declared as any string lets the model
#   put any text in it (look for order ids that are not digits in the replies above), where a pattern
#   (`Field(pattern=r"^[0-9]+$")`) narrows both the grammar and the check. We did not measure that
#   variant here.
# - Count failures at three levels: not JSON, wrong shape, valid but wrong. Constrained decoding
#   removes the first two, apart from truncation and refusals; only evaluation finds the third.
# - Put one adapter at the boundary that turns every reply into a typed record or a logged error, and
#   collects the errors of a batch instead of stopping at the first. The code behind it then only ever
#   sees typed records. That adapter is the exercise.
