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
# Prompts grow the way functions grow. You start with one instruction, then a customer writes in with
# an odd case and you add a sentence, then another field is needed downstream and you add it to the
# same prompt. After a few months one prompt does four jobs, and when its output gets worse you cannot
# tell which job broke, or test a fix for one without re-checking all the others.
#
# The cure is the one you already use for code that does too much: split it into small units that
# each do one job, and give each unit its own test. In this lesson you will:
#
# 1. ask the course's model to do three jobs at once on eight support messages (pull out the order
#    number, name the topic, say whether it is urgent) and score every field;
# 2. do the same three jobs as three small steps, one of which needs no model at all, and score each
#    step on its own;
# 3. compare what each design costs in model calls and tokens, and what each lets you test.

# %%
import json
import math
import re

import matplotlib.pyplot as plt
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

tickets = shipped.load("prompting_small_prompts", "tickets.toml")["tickets"]
truth = pd.DataFrame(tickets).set_index("id")
truth

# %% [markdown]
# ## The data
#
# Eight short messages to a bike shop that does not exist, written for the course. Each has three
# facts a support tool needs: the order number (`BW-` and five digits, or none), the topic (`refund`,
# `delivery` or `account`) and whether the customer needs help today. Eight messages is a small
# sample, chosen to keep the model calls few on a shared machine: read every rate below as "k out of
# 8", not as a percentage you could quote.
#
# ## Step 1: one prompt, three jobs
#
# The "god prompt" asks for all three facts at once, as JSON. We parse the first `{...}` in the
# reply; a field counts as right only if the parsed object has that key, with the right type, and it
# equals the truth (order numbers compared in upper case, `null` for "no order number"). A reply that
# does not parse, or leaves a key out, scores nothing on that field.

# %%
client = llm.client()
LABELS = ("refund", "delivery", "account")

GOD_PROMPT = ('Read the customer message and reply with JSON only, with three keys: "order_id" (the order '
              'number, like BW-12345, or null), "topic" (one of "refund", "delivery", "account") and '
              '"urgent" (true if the customer needs help today, else false).\n\nMessage: {message}')


def call(prompt: str, max_tokens: int) -> tuple[str, int]:
    """The model's reply and the prompt tokens it cost."""
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=max_tokens, temperature=0, seed=0,
        messages=[{"role": "user", "content": prompt}])
    return (response.choices[0].message.content or "").strip(), response.usage.prompt_tokens


MISSING = "(missing)"


def parse_god(reply: str) -> dict:
    """The three fields from the god prompt's reply. A field the reply does not give, or gives in the
    wrong type, is MISSING: it never matches the truth, so a reply that does not parse cannot score."""
    match = re.search(r"\{.*?\}", reply, re.S)
    try:
        data = json.loads(match.group(0)) if match else {}
    except json.JSONDecodeError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    order = data.get("order_id", MISSING)
    topic = data.get("topic", MISSING)
    urgent = data.get("urgent", MISSING)
    return {"parsed": bool(data),
            "order_id": order.upper() if isinstance(order, str) else None if order is None else MISSING,
            "topic": topic if topic in LABELS else MISSING,
            "urgent": urgent if isinstance(urgent, bool) else MISSING}


god_rows = []
for t in tickets:
    reply, prompt_tokens = call(GOD_PROMPT.format(message=t["text"]), max_tokens=48)
    god_rows.append({"id": t["id"], "reply": reply, "prompt_tokens": prompt_tokens, **parse_god(reply)})
god = pd.DataFrame(god_rows).set_index("id")
god[["parsed", "order_id", "topic", "urgent", "reply"]]

# %% [markdown]
# Read the replies and the `parsed` column. A reply that does not parse loses all three fields at
# once: one failure mode takes the whole record down. Replies that parse can still be the wrong JSON
# (an object with other keys, an order number that is a made-up integer). When a reply does
# parse, you still cannot tell from the score alone whether the model got the topic wrong because it
# misread the message or because the JSON instructions crowded the topic instruction out.
#
# ## Step 2: three small steps
#
# Split the work by job:
#
# - **order number**: a regular expression. The format is fixed, so this step needs no model, costs
#   nothing and is right every time the format is followed. Finding steps like this one is often the
#   biggest win of a split;
# - **topic**: one short prompt that asks for one word out of three; the answer is the label that
#   appears first in the reply, `other` if none does;
# - **urgency**: one short prompt that asks yes or no; the answer is yes when the reply starts with it.

# %%
ORDER_ID = re.compile(r"(?<![A-Za-z0-9])BW-(\d{5})(?!\d)", re.I)

TOPIC_PROMPT = ("Is this customer message about a refund, a delivery or an account? Reply with one word: "
                "refund, delivery or account.\n\nMessage: {message}")
URGENT_PROMPT = "Does this customer need help today? Reply yes or no.\n\nMessage: {message}"


def order_step(message: str) -> str | None:
    match = ORDER_ID.search(message)
    return f"BW-{match.group(1)}" if match else None


def topic_label(reply: str) -> str:
    reply = reply.lower()
    found = [(reply.find(label), label) for label in LABELS if label in reply]
    return min(found)[1] if found else "other"


small_rows = []
for t in tickets:
    topic_reply, topic_tokens = call(TOPIC_PROMPT.format(message=t["text"]), max_tokens=8)
    urgent_reply, urgent_tokens = call(URGENT_PROMPT.format(message=t["text"]), max_tokens=3)
    small_rows.append({"id": t["id"], "order_id": order_step(t["text"]), "topic": topic_label(topic_reply),
                       "urgent": urgent_reply.lower().startswith("yes"), "topic_reply": topic_reply,
                       "urgent_reply": urgent_reply, "prompt_tokens": topic_tokens + urgent_tokens})
small = pd.DataFrame(small_rows).set_index("id")
small[["order_id", "topic", "urgent", "topic_reply", "urgent_reply"]]

# %% [markdown]
# ## Step 3: score each field, each design
#
# The same truth, the same eight messages, one row per field.

# %%
FIELDS = ["order_id", "topic", "urgent"]


def value(frame: pd.DataFrame, i: str, field: str):
    """A cell, with pandas' NaN for a missing order number read back as None."""
    v = frame.at[i, field]
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else v


def right(design: pd.DataFrame, field: str) -> pd.Series:
    return pd.Series([value(design, i, field) == value(truth, i, field) for i in truth.index], index=truth.index)


ONE, SMALL, GUESS = "one prompt", "small steps", "constant guess"
# the constant guess answers the most common value of each field: no order number, "refund", not urgent
guess = pd.DataFrame({"order_id": None, "topic": truth["topic"].mode()[0], "urgent": False}, index=truth.index)
designs = {ONE: god, SMALL: small, GUESS: guess}
scores = pd.DataFrame({name: [int(right(d, f).sum()) for f in FIELDS] for name, d in designs.items()},
                      index=FIELDS)
scores.loc["all three right"] = [int(pd.concat([right(d, f) for f in FIELDS], axis=1).all(axis=1).sum())
                                 for d in designs.values()]
scores.columns.name = "right, of 8"
for field in ("topic", "urgent"):
    verdict = "beat" if scores.at[field, SMALL] > scores.at[field, GUESS] else "did not beat"
    print(f"{field}: the small step {verdict} the constant guess ({scores.at[field, SMALL]} against "
          f"{scores.at[field, GUESS]} of 8)")
scores

# %%
fig, ax = plt.subplots(figsize=(7.5, 3.6))
x = range(len(scores))
for offset, (name, colour) in zip((-0.27, 0, 0.27), ((ONE, "#c0392b"), (SMALL, "#3f51b5"), (GUESS, "#9e9e9e"))):
    ax.bar([i + offset for i in x], scores[name], width=0.27, color=colour, label=name)
ax.set_xticks(list(x), scores.index)
ax.set_ylim(0, 10)
ax.set_ylabel("messages right, of 8")
ax.set_title("Each field scored on its own, against a constant guess")
ax.legend(loc="upper center", ncol=3, fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Three things to read in the chart. First, the order number: the split turned a model job into a
# deterministic one, and that field is now right whenever the message follows the format. Second,
# compare every bar with the grey one. A constant guess (no order number, the most common topic,
# never urgent) is right more often than you might think on eight messages, and a prompt that does no
# better than it has learned nothing. The lines printed above the table say whether the 135M model's
# topic and urgency steps beat it on this run; when they do not, the model is too weak for these
# jobs whichever design asks it, and no prompt split will fix that. Third, and this is the point that survives a weak model, each step now has its
# own score. You know which prompt fails, you can test a new version of it alone on its own messages,
# and a larger model can be swapped into the one step that needs it.

# ## What the split costs
#
# More prompts means more calls. Count them, and the prompt tokens each design sent:

# %%
cost = pd.DataFrame({
    "model calls": [len(god), 2 * len(small)],
    "prompt tokens": [int(god["prompt_tokens"].sum()), int(small["prompt_tokens"].sum())],
    "max output tokens per message": [48, 8 + 3],
}, index=["one prompt", "small steps"])
cost

# %% [markdown]
# The small steps send the message twice, so they cost more prompt tokens, but each asks for a few
# output tokens instead of a JSON object, and output tokens are the slow part of a call. The two
# model steps are independent, so in a product you would send them in parallel. Whether the split is
# cheaper depends on your prompts; measure it as above rather than assume.
#
# The report's authors cite GoDaddy's account of the same problem as an anecdote: a single support
# prompt that kept growing until it did worse on the common, simple requests, and was split into
# smaller ones. We have not measured it; it is their experience, not a result.
#
# ## What to take away
#
# - List the jobs your biggest prompt does. Any job with a fixed format (ids, dates, amounts) is a
#   candidate for plain code.
# - Give each remaining job its own prompt and its own handful of test messages, and score it alone.
# - Keep the glue (parsing replies, combining fields) in code you can unit-test with a scripted
#   client, which is what the exercise asks you to do.
