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
# If you build on hosted models, the model is the part of your product you will replace most often: a
# cheaper one comes out, a provider retires a version, a new one handles longer inputs. Even a model
# you never change can change under you. Chen, Zaharia and Zou asked the March and June 2023 versions
# of GPT-4 the same prime-or-composite questions and saw accuracy fall from 84% to 51%; they also saw
# more formatting mistakes in generated code in June [@chen2023drift, abstract].
#
# What stays is the code around the model: the checks that say what the product promises, the
# guardrails that enforce it, the cache that avoids calls, the evals that tell you whether a new model
# is better. Write those so that they never name a provider, and a model swap becomes a configuration
# change that you can test in minutes.
#
# In this lesson you will:
#
# 1. see how the course picks its provider from two environment variables, without a line of code
#    changing;
# 2. write a *contract suite*: the properties your product needs from whatever model sits behind it;
# 3. run it on two configurations of a small triage product and measure each one's pass rate, first on
#    the raw model replies, then through a guardrail and a cache that do not care which model answered.

# %% [markdown]
# ## Step 1: the provider is configuration
#
# Every notebook in this course gets its model from `llm.client()`, an `openai.OpenAI` client. Which
# server it talks to is read from the environment: with neither `OPENAI_BASE_URL` nor `OPENAI_API_KEY`
# set, it is the embedded SmolLM2-135M; set them, and the same code talks to OpenAI, a local Ollama or
# any other server that speaks the same API. The cell below only asks the course which provider each
# environment would select; it sends no request anywhere.

# %%
import os

import matplotlib.pyplot as plt
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.llm import connect
from llmcourse.notebook import llm

SWITCH = ("OPENAI_BASE_URL", "OPENAI_API_KEY")


def provider_for(env: dict[str, str]) -> connect.Provider:
    """The provider the course would pick with exactly these OPENAI_* variables set (no request is sent)."""
    saved = {name: os.environ.pop(name, None) for name in SWITCH}
    try:
        os.environ.update(env)
        return connect.provider()
    finally:
        for name in SWITCH:
            os.environ.pop(name, None)
            if saved[name] is not None:
                os.environ[name] = saved[name]


settings = {
    "nothing set": {},
    "a local Ollama server": {"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"},
    "an OpenAI key": {"OPENAI_API_KEY": "sk-example-not-a-real-key"},
}
pd.DataFrame([{"environment": name, "provider": p.name, "base URL": p.base_url or "(default)"}
              for name, p in ((name, provider_for(env)) for name, env in settings.items())])

# %% [markdown]
# That is the whole mechanism, and it is deliberately boring: the product code never mentions a
# vendor. The rest of the lesson keeps to that rule. The product below reads its prompt version from
# an environment variable too (`TRIAGE_PROMPT`), so we can run it in two configurations without
# editing it.
#
# ## Step 2: a small product and what it promises
#
# The product sorts bank customer messages into four queues: `delivery` (a new card has not arrived),
# `lost` (a card was lost or stolen), `rates` (questions about exchange rates) and `pin` (a blocked
# PIN). The messages are 16 real queries from BANKING77, four per queue [@casanueva2020banking77].
#
# The code that consumes the model's reply assumes four things, whichever model produced it. Written
# down, they are the product's *contract* with its provider:
#
# | contract | the reply must | what breaks otherwise |
# |---|---|---|
# | `answers` | contain some text | an empty queue name |
# | `one_line` | be a single line (after trimming spaces) | the ticket system splits it |
# | `short` | be at most 40 characters (after trimming) | the queue field overflows |
# | `known_label` | be one of the four queue names, ignoring case, outer spaces and one final full stop | tickets land in no queue |

# %%
queries = shipped.load("iterate_system_not_model", "banking77_slice.toml")["query"]
QUEUE = {"card_arrival": "delivery", "lost_or_stolen_card": "lost", "exchange_rate": "rates",
         "pin_blocked": "pin"}
LABELS = list(QUEUE.values())

PROMPTS = {
    "plain": ("Classify this bank customer message into one of these queues: delivery, lost, rates, pin. "
              "Reply with the queue name only.\n\nMessage: {text}"),
    "described": ("Sort the bank customer message into a queue.\n"
                  "delivery = a new card has not arrived\n"
                  "lost = a card was lost or stolen\n"
                  "rates = a question about exchange rates\n"
                  "pin = a PIN is blocked\n\n"
                  "Message: {text}\nQueue:"),
}


cache: dict[tuple[str, str], str] = {}


def raw_reply(text: str) -> str:
    """The model's reply for one message, with the prompt the environment selects; a message seen before
    with the same prompt is answered from the product's cache, without a request."""
    config = os.environ.get("TRIAGE_PROMPT", "plain")
    if (config, text) not in cache:
        cache[(config, text)] = llm.chat(PROMPTS[config].format(text=text), max_tokens=8)
    return cache[(config, text)]


def contracts(reply: str, max_chars: int = 40) -> dict[str, bool]:
    """Which of the four contracts one reply keeps."""
    text = reply.strip()
    return {"answers": bool(text), "one_line": "\n" not in text, "short": len(text) <= max_chars,
            "known_label": text.removesuffix(".").strip().lower() in LABELS}


pd.DataFrame([{"reply": r, **contracts(r)} for r in ["rates", " Lost.\n", "delivery\nMessage: where is it", ""]])

# %% [markdown]
# The four example replies above are typed by hand to show the checks; none of them came from a
# model. Now run both configurations over the 16 messages (32 requests, 8 tokens each at most). The
# product already has a cache, keyed on the configuration and the message: we count the requests that
# get past it.

# %%
requests_before = len(llm.ledger.calls())
runs = []
for config in PROMPTS:
    os.environ["TRIAGE_PROMPT"] = config
    for q in queries:
        runs.append({"config": config, "intent": q["intent"], "text": q["text"], "raw": raw_reply(q["text"])})
os.environ.pop("TRIAGE_PROMPT")
runs = pd.DataFrame(runs)
print(f"requests sent to the provider: {len(llm.ledger.calls()) - requests_before} for {len(runs)} replies")
runs[["config", "text", "raw"]].iloc[[0, 4, 8, 12, 16, 20, 24, 28]]

# %%
raw_checks = pd.DataFrame([contracts(r) for r in runs["raw"]], index=runs.index)
raw_rates = raw_checks.groupby(runs["config"]).mean()
raw_rates["all four"] = raw_checks.all(axis=1).groupby(runs["config"]).mean()
raw_rates

# %% [markdown]
# Read the table row by row: each number is the share of the 16 raw replies that keep a contract. On
# our run the 135M model never replied with a bare queue name in either configuration (it wrote
# sentences such as "The queue is: lost"), and the `described` prompt, which looks like a list, made
# it break the one-line contract on most replies while the `plain` one did not. So the two
# configurations fail *different* contracts, which is exactly what you want a suite to tell you before
# a swap. A product that used these replies as they come would file no ticket correctly. A stronger
# model would do far better here, and that is the point: the suite is the same code for every model,
# so the day you switch providers you rerun it and get a number per contract instead of an
# impression.
#
# ## Step 3: put the promises in code that outlives the model
#
# A contract the model does not keep can still be kept by the product. Two pieces of ordinary code do
# it here, and neither knows which model is behind `raw_reply`:
#
# - a **guardrail** turns any reply into a valid queue: the first queue name that appears as a word in
#   the reply, or `human` (a person reads the ticket) when there is none;
# - the **cache** we already have, keyed on the configuration and the message, so a message seen
#   before costs no request.
#
# The product's contract changes accordingly: its answer is always one of the four queues or `human`.
# An **eval** then says how good the answers are: the share of messages sent to the right queue, and
# the share handed to a person.

# %%
import re

HUMAN = "human"


def guard(reply: str) -> str:
    """The first queue name found as a word in the reply, else the human queue."""
    words = re.findall(r"[a-z]+", reply.lower())
    return next((w for w in words if w in LABELS), HUMAN)


def triage(text: str) -> str:
    """The product: prompt chosen by the environment, reply cached, then guarded."""
    return guard(raw_reply(text))


def product_contract(answer: str) -> bool:
    return answer in LABELS or answer == HUMAN


requests_before = len(llm.ledger.calls())
rows = []
for config in PROMPTS:  # the same 32 messages as in step 2, now through the whole product
    os.environ["TRIAGE_PROMPT"] = config
    for q in queries:
        answer = triage(q["text"])
        rows.append({"config": config, "answer": answer, "right_queue": answer == QUEUE[q["intent"]]})
os.environ.pop("TRIAGE_PROMPT")
system = pd.DataFrame(rows)
print(f"requests sent to the provider for these {len(system)} answers: {len(llm.ledger.calls()) - requests_before}")

summary = pd.DataFrame({
    "raw replies keeping all four contracts": raw_rates["all four"],
    "product answers keeping its contract": system.groupby("config")["answer"].apply(
        lambda s: s.map(product_contract).mean()),
    "eval: right queue": system.groupby("config")["right_queue"].mean(),
    "eval: sent to a person": system.groupby("config")["answer"].apply(lambda s: (s == HUMAN).mean()),
})
summary

# %% [markdown]
# Step 2 sent one request per message and configuration; this pass sent none, because the cache
# answered every repeated message, and it would do the same in front of any provider. The
# guardrail keeps the product's contract in both configurations by construction, and the eval is
# where the two configurations differ. The plot puts the three kinds of number side by side.

# %%
fig, ax = plt.subplots(figsize=(8, 3.8))
summary.T.plot.barh(ax=ax, color=["#3f51b5", "#e67e22"])
ax.set_xlim(0, 1.05)
ax.set_xlabel("share of the 16 messages")
ax.set_title("Same product, two configurations: contracts, guardrail, eval")
ax.invert_yaxis()
ax.legend(title="TRIAGE_PROMPT", loc="lower right", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Three cautions. First, 16 messages is a small eval: a difference of one or two messages between the
# configurations is noise, not a finding. Second, the guardrail keeps a *format* promise; it cannot
# make a wrong queue right, and a reply such as "not lost, delivery" would be routed to `lost`. Third,
# a high share sent to a person is a cost you pay for safety: it is the number to watch when you try a
# stronger model, which is exactly when this setup pays off. You change two environment variables,
# rerun the same cells and compare one table.
#
# Per queue, the eval shows where each configuration goes wrong:

# %%
system["intent"] = [q["intent"] for _ in PROMPTS for q in queries]
pd.crosstab([system["config"], system["intent"]], system["answer"])

# %% [markdown]
# ## What to take away
#
# - Keep the provider in configuration (here `OPENAI_BASE_URL` and `OPENAI_API_KEY`), and never name a
#   vendor in product code.
# - Write down what your code needs from any model as a contract suite, run it on every configuration
#   you might ship, and report a pass rate per contract.
# - Enforce the contracts you cannot afford to lose with guardrails, avoid calls with a cache, and judge
#   quality with an eval. All three work unchanged when you swap the model; that is where your effort
#   lasts.
# - On Monday: pick one model call in your product, list the assumptions the code after it makes, and
#   turn each into a check you can run against a second provider.
