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
# An agent that decides its next move at every turn is appealing: give it a goal and some tools and
# let it work things out. In production it has a structural weakness. Every turn is another chance to
# go wrong, a wrong turn is rarely undone, and so the chance of finishing a long task shrinks with
# every step it takes.
#
# The sturdier pattern splits the work in two. A model (or a person) writes a **plan**: a small graph
# of calls to tools you already know, each with typed arguments. Code **validates** the plan, then
# **executes** it the same way every time. The model's freedom is confined to one place you can check,
# and a failure points at one step.
#
# In this lesson you will:
#
# 1. work out what per-step reliability does to a chain of steps, on paper;
# 2. measure it on the course's model: four small extraction steps on twelve shop orders, each step's
#    success rate, and how often all four succeed, against the product of the four rates;
# 3. see what typed validation catches before anything runs, and run a fixed plan deterministically.

# %% [markdown]
# ## Step 1: the arithmetic of chains
#
# If each step of a task succeeds with probability $p$, and the steps fail independently of each
# other, all $n$ steps succeed with probability $p^n$. The decline is faster than intuition suggests:

# %%
import re
import graphlib

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

steps_grid = [1, 2, 5, 10, 20, 50]
chain = pd.DataFrame({f"p = {p}": [p**n for n in steps_grid] for p in (0.99, 0.95, 0.90)},
                     index=pd.Index(steps_grid, name="steps"))
print(f"ten steps at 95% each: 0.95**10 = {0.95**10:.3f}")
chain.round(3)

# %% [markdown]
# A step that works 95% of the time sounds solid; ten of them in a row finish a task only about 60%
# of the time, and twenty of them about 36%. Real agent benchmarks show the same gap between
# individually plausible actions and finished tasks. WebArena sets agents everyday, many-step tasks on
# working, self-hosted websites (an online shop, a forum, a code host and a content manager); the
# best GPT-4 agent its authors built completed 14.41% of the tasks end to end, against 78.24% for
# people [@zhou2023webarena].
#
# The formula rests on one assumption worth testing: that failures are independent. If the hard
# inputs are hard for every step at once, failures cluster, and the chain does *better* than the
# product predicts (the same few inputs fail several steps). If an early mistake makes later steps
# harder, it does worse. So we measure.
#
# ## Step 2: measure a chain on the course's model
#
# The task is a small slice of an order pipeline. Twelve invented order messages each name a
# product, a quantity, a colour and a destination city. The chain has four model steps, one per
# field, each a short call with one worked example in the conversation. An order is processed
# correctly only if all four steps get their field right.

# %%
orders = shipped.load("workflows_deterministic", "orders.toml")["orders"]
FIELDS = ["item", "quantity", "colour", "city"]
pd.DataFrame(orders).set_index("id")[["text", *FIELDS]]

# %% [markdown]
# Some messages are deliberately awkward: a quantity written as a word, a second city that is not the
# destination ("I live in Berlin but..."). Each step asks for one field and gets one example of the
# answer format; the answers are capped at 6 tokens, at temperature 0.

# %%
EXAMPLE = "Please ship two green vases to Paris."
ASK = {"item": ("product", "vase"), "quantity": ("quantity (digits)", "2"),
       "colour": ("colour", "green"), "city": ("destination city", "Paris")}

client = llm.client()


def extract(order_text: str, field: str) -> str:
    """One model step: the raw reply for one field of one order."""
    label, example_answer = ASK[field]
    messages = [
        {"role": "system", "content": "Extract one field from a shop order. Reply with the value only."},
        {"role": "user", "content": f"Order: {EXAMPLE}\nField: {label}"},
        {"role": "assistant", "content": example_answer},
        {"role": "user", "content": f"Order: {order_text}\nField: {label}"},
    ]
    response = client.chat.completions.create(model=llm.model_name(), messages=messages,
                                              max_tokens=6, temperature=0, seed=0)
    return (response.choices[0].message.content or "").strip()


replies = pd.DataFrame([{"id": o["id"], **{f: extract(o["text"], f) for f in FIELDS}} for o in orders]).set_index("id")
replies

# %% [markdown]
# A reply counts as right when, lower-cased and stripped of punctuation, it *is* the expected value:
# `Lisbon` is right, `The order goes to Lisbon` is not, because the next step of a pipeline would
# have to dig the city out of it. For the product a plural is accepted (`mugs`), and for the
# quantity only digits count, since a downstream step will do arithmetic with it.

# %%
def normal(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


def is_right(reply: str, order: dict, field: str) -> bool:
    got, want = normal(reply), str(order[field]).lower()
    if field == "item":
        return got in (want, want + "s")
    return got == want


right = pd.DataFrame([{f: is_right(replies.loc[o["id"], f], o, f) for f in FIELDS} for o in orders],
                     index=replies.index)
per_step = right.mean()
end_to_end = right.all(axis=1).mean()
summary = pd.DataFrame({"success rate": per_step, "orders right": right.sum()})
summary.loc["all four (measured)"] = [end_to_end, int(right.all(axis=1).sum())]
summary.loc["product of the four rates"] = [float(np.prod(per_step)), np.nan]
print(f"mean success of a single step: {per_step.mean():.2f}; all four steps right: {end_to_end:.2f} of the orders")
summary

# %% [markdown]
# Compare the mean success of one step with the share of orders that came through all four: even
# when every single step looks good in isolation, the order as a whole fails noticeably more often.
# Then compare the last two rows. The product of the per-step rates is what the chain would achieve
# if the steps failed independently; the row above it is what it achieved. Now follow the chain as it
# grows one step at a time, in the order item, quantity, colour, city:

# %%
ks = range(1, len(FIELDS) + 1)
measured = [right[FIELDS[:k]].all(axis=1).mean() for k in ks]
predicted = [float(np.prod(per_step[FIELDS[:k]])) for k in ks]
growth = pd.DataFrame({"steps": list(ks), "last step added": FIELDS, "measured end-to-end": measured,
                       "product of rates": predicted}).set_index("steps")
growth

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
n = np.arange(1, 21)
for p, colour in ((0.99, "#7f8c8d"), (0.95, "#3f51b5"), (0.90, "#c0392b")):
    axes[0].plot(n, p**n, color=colour, label=f"p = {p}")
axes[0].axhline(0.95**10, color="#3f51b5", ls=":", lw=1)
axes[0].axvline(10, color="#3f51b5", ls=":", lw=1)
axes[0].set_xlabel("steps in the chain")
axes[0].set_ylabel("chance every step succeeds")
axes[0].set_title("p ** n: independent steps")
axes[0].legend(fontsize=8)
axes[1].plot(list(ks), predicted, "o--", color="#7f8c8d", label="product of per-step rates")
axes[1].plot(list(ks), measured, "o-", color="#3f51b5", label="measured: all steps right")
axes[1].set_xticks(list(ks), [f"{k}\n+{f}" for k, f in zip(ks, FIELDS)])
axes[1].set_ylim(0, 1.05)
axes[1].set_ylabel(f"share of the {len(orders)} orders")
axes[1].set_title("The extraction chain on SmolLM2-135M")
axes[1].legend(fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# The measured curve can only go down as steps are added: an order that fails one step fails the
# chain. How fast it goes down on your run depends on the weakest step, and on whether the same orders
# fail several steps. Twelve orders is a small sample, so one order moves a rate by 8 points; read the
# shape, not the decimals. Whether the measured line sits above or below the product tells you about
# the independence assumption on this data: look at how many fields each order got wrong.

# %%
wrong_per_order = (~right).sum(axis=1)
wrong_per_order.value_counts().sort_index().rename_axis("fields wrong").to_frame("orders")

# %% [markdown]
# If a few orders carry most of the failures, the failures are clustered and the product is too
# pessimistic for this chain; if they are spread thinly, one per order, it is about right. Either way,
# the chain is never better than its weakest step, and every step you add can only lower it.
#
# ## Step 3: validate before you execute
#
# Most of the errors above are of a kind code can see. A reply that is a sentence instead of a value,
# a quantity that is not digits, a city the shop does not ship to: none of these needs a model to
# detect. A validator with the types and the allowed values of each argument turns these into loud
# failures *before* any tool runs, where you can retry the step or ask the customer. What it cannot
# see is a wrong value of the right shape, such as `Berlin` when the order goes to Prague.

# %%
CATALOG = {"mug", "lamp", "chair", "kettle", "umbrella", "backpack"}
COLOURS = {"blue", "red", "green", "black", "yellow", "white", "grey", "orange", "purple", "pink", "brown"}
CITIES = {o["city"] for o in orders} | {"Berlin", "Paris"}


def typed(field: str, reply: str):
    """The reply as a typed argument, or None when it is not a valid value for the field."""
    value = normal(reply)
    if field == "quantity":
        return int(value) if value.isdigit() and 0 < int(value) < 100 else None
    if field == "item":
        value = value[:-1] if value.endswith("s") and value[:-1] in CATALOG else value
        return value if value in CATALOG else None
    if field == "colour":
        return value if value in COLOURS else None
    return value.title() if value.title() in CITIES else None


outcome = {}
for f in FIELDS:
    valid = replies[f].map(lambda r, f=f: typed(f, r) is not None)
    outcome[f] = {"right": int(right[f].sum()),
                  "wrong, caught by validation": int((~right[f] & ~valid).sum()),
                  "wrong, passed validation": int((~right[f] & valid).sum())}
caught = pd.DataFrame(outcome).T
caught.loc["all steps"] = caught.sum()
caught

# %% [markdown]
# The middle column is the value of validation: errors that become a refusal with a reason instead of
# a wrong order shipped. The last column is what remains for evaluation to find; on a stronger model
# it is the bigger share, because stronger models make fewer format mistakes.
#
# Once its arguments are valid, the rest of the order is deterministic: look up the price, multiply by
# the quantity, add the shipping for the city. That part is a plan, a small directed acyclic graph
# (DAG) of tools, and nothing about it needs a model. Python's `graphlib` orders such a graph:

# %%
PRICES = {"mug": 4.5, "lamp": 20.0, "chair": 35.0, "kettle": 18.0, "umbrella": 12.0, "backpack": 40.0}
plan = {"price": set(), "lines": {"price"}, "shipping": set(), "total": {"lines", "shipping"}}
print("run order:", list(graphlib.TopologicalSorter(plan).static_order()))


def run_order(args: dict) -> float:
    results = {}
    for name in graphlib.TopologicalSorter(plan).static_order():
        if name == "price":
            results[name] = PRICES[args["item"]]
        elif name == "lines":
            results[name] = results["price"] * args["quantity"]
        elif name == "shipping":
            results[name] = 15.0 if args["city"] in {"Oslo", "Helsinki", "Zurich"} else 7.5
        else:
            results[name] = results["lines"] + results["shipping"]
    return results["total"]


quotes = []
for o in orders:
    args = {f: typed(f, replies.loc[o["id"], f]) for f in FIELDS}
    if any(v is None for v in args.values()):
        quotes.append({"id": o["id"], "status": "refused: " + ", ".join(f for f in FIELDS if args[f] is None)})
    else:
        quotes.append({"id": o["id"], "status": "quoted", "total": run_order(args),
                       "correct total": run_order({f: o[f] for f in FIELDS})})
quotes = pd.DataFrame(quotes).set_index("id")
quotes

# %%
quoted = quotes["status"] == "quoted"
silent = quoted & (quotes.get("total") != quotes.get("correct total"))
print(f"{int(quoted.sum())} orders quoted, {int((~quoted).sum())} refused with a reason, "
      f"{int(silent.sum())} quoted with a wrong total.")

# %% [markdown]
# The deterministic half of this pipeline never fails on valid input and does the same thing on every
# run, so it can be tested with ordinary unit tests. All the uncertainty sits in the four extraction
# steps, where you can measure it, as we just did, and improve it one step at a time: a better prompt
# for the weakest field, a retry on a validation failure, a stronger model for one step only.
#
# In the exercises you will write the two pieces that make a model-written plan safe to run: a
# validator that finds unknown tools, missing and unexpected arguments, wrong types and cycles, and an
# executor that runs a valid plan in one fixed order.
#
# ## What to take away
#
# - Reliability multiplies along a chain: at 95% per step, ten steps finish about 60% of the time.
#   Count the model-driven steps in your design before you count on it.
# - Measure each step's success rate and the end-to-end rate on the same inputs. The gap between the
#   product and the measurement tells you whether failures cluster on hard inputs.
# - Let the model write the plan or fill in the arguments; let code validate the plan (known tools,
#   complete and typed arguments, no cycles) and execute it the same way every time.
# - A failure in a deterministic plan points at one step, so you know which prompt to fix.
