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
# An eval does not have to start as a benchmark or a judge model. The cheapest useful eval is a
# handful of plain `assert`-style checks, written against outputs your system really produced, and
# re-run every time you touch the prompt, the retrieval or the model. The report's authors suggest
# starting with at least three criteria per task: if you cannot name three things a good output must
# do, the task is probably not defined well enough yet.
#
# In this lesson you will:
#
# 1. collect real outputs from a model for a small support-desk task,
# 2. read them, and turn what you see into three assertions,
# 3. use those assertions to compare two versions of the prompt, sample by sample.
#
# The model is the course's embedded SmolLM2-135M-Instruct, running on your CPU. It is tiny and often
# wrong, which makes it a good subject: its failures are easy to find.

# %%
import re

import matplotlib.pyplot as plt
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

tickets = shipped.load("evals_assertions", "tickets.toml")["tickets"]
pd.DataFrame(tickets)[["id", "order_id", "text"]].head(4)

# %% [markdown]
# ## Step 1: produce real samples
#
# The task: summarise a customer ticket for the agent who will pick it up. We run every ticket
# through a first prompt and keep each input with its output. In production this log would come from
# your traces; here we make it on the spot.

# %%
PROMPT_V1 = "Summarise this customer support ticket for a support agent.\n\nTicket: {text}"


def run_prompt(template: str) -> list[dict]:
    """One logged sample per ticket: the input, the prompt version and the model's output."""
    log = []
    for t in tickets:
        out = llm.chat(template.format(text=t["text"]), max_tokens=80)
        log.append({"id": t["id"], "order_id": t["order_id"], "output": out.strip()})
    return log


log_v1 = run_prompt(PROMPT_V1)
pd.DataFrame(log_v1).head(6)

# %% [markdown]
# ## Step 2: read, then write assertions
#
# Read the outputs above before writing any check: the criteria should come from what you see, not
# from a generic list of metrics. For a hand-off summary, three properties matter to the agent:
#
# - **it keeps the order id**, so the agent can look the order up;
# - **it is short**: between 5 and 25 words, so it fits the queue view;
# - **it does not apologise or chat**: the summary is for a colleague, not the customer.
#
# Each check is a few lines of ordinary code. They are deliberately blunt: an assertion should be
# cheap to run on every change and obvious to debug when it fails.

# %%
def keeps_order_id(sample):
    return sample["order_id"].lower() in sample["output"].lower()


def is_short(sample, lo=5, hi=25):
    return lo <= len(sample["output"].split()) <= hi


def no_apology(sample):
    return re.search(r"\b(sorry|apolog\w*)\b", sample["output"], re.I) is None


ASSERTIONS = {"keeps_order_id": keeps_order_id, "is_short": is_short, "no_apology": no_apology}


def evaluate(log: list[dict]) -> pd.DataFrame:
    """One row per sample, one boolean column per assertion, plus whether all of them held."""
    rows = [{"id": s["id"], **{name: bool(check(s)) for name, check in ASSERTIONS.items()}} for s in log]
    frame = pd.DataFrame(rows).set_index("id")
    frame["all_pass"] = frame.all(axis=1)
    return frame


results_v1 = evaluate(log_v1)
results_v1.mean().to_frame("pass rate, prompt v1")

# %% [markdown]
# The substring test in `keeps_order_id` has a hole: it would accept `A-10423` for the order
# `A-1042`. Good enough to start; the exercise asks you to close it.
#
# Look at the failing samples, not only the rates. The rate tells you how much is wrong; the samples
# tell you why.

# %%
failing = results_v1[~results_v1["all_pass"]].index
pd.DataFrame(log_v1).set_index("id").loc[failing, ["output"]].head(5)

# %% [markdown]
# ## Step 3: change the prompt, re-run the same assertions
#
# Suppose the failures suggest the model rambles and drops the id. We write a second prompt that
# states the three requirements. Nothing else changes: same tickets, same checks. This is what
# makes the assertions a regression suite rather than a one-off review.

# %%
PROMPT_V2 = (
    "Write a one-sentence summary (at most 25 words) of this support ticket for a colleague. "
    "Include the order id {order_id}. Do not apologise.\n\nTicket: {text}"
)


def run_prompt_v2() -> list[dict]:
    log = []
    for t in tickets:
        out = llm.chat(PROMPT_V2.format(order_id=t["order_id"], text=t["text"]), max_tokens=80)
        log.append({"id": t["id"], "order_id": t["order_id"], "output": out.strip()})
    return log


log_v2 = run_prompt_v2()
results_v2 = evaluate(log_v2)
rates = pd.DataFrame({"prompt v1": results_v1.mean(), "prompt v2": results_v2.mean()})
rates

# %%
ax = rates.plot.bar(rot=0, ylim=(0, 1.05), color=["#9aa5c9", "#3f51b5"])
ax.set_ylabel("share of the 12 samples that pass")
ax.set_title("The same assertions, before and after a prompt change")
plt.tight_layout()
plt.show()

# %% [markdown]
# Averages hide movement in both directions. A prompt change can fix five samples and break two, and
# the pass rate only shows the net. Compare sample by sample:

# %%
changes = pd.DataFrame({"v1 passes": results_v1["all_pass"], "v2 passes": results_v2["all_pass"]})
changes["change"] = changes.apply(
    lambda r: "fixed" if r["v2 passes"] and not r["v1 passes"]
    else "broken" if r["v1 passes"] and not r["v2 passes"] else "same", axis=1)
changes["change"].value_counts().to_frame("samples")

# %% [markdown]
# Whatever numbers your run shows, read the "broken" rows before you ship the new prompt: each is a
# sample that used to be acceptable. Finding them is the job of the second exercise.
#
# Two caveats keep this honest. First, twelve samples is a small suite: a difference of one or two
# samples is noise, not evidence, and a real suite grows every time you find a new failure in your
# logs. Second, the embedded model is not perfectly repeatable even at temperature 0, which is one
# more reason to judge prompts on rates over many samples rather than on one output.
#
# Assertions also go beyond text. For generated code, the check can be to run the code and test the
# state it leaves behind, as HumanEval does with its 164 hand-written problems and their unit tests
# [@chen2021codex].
#
# ## What to take away
#
# - Start evals with assertions over real inputs and outputs: three or more criteria, each a few
#   lines of code.
# - Write the criteria after reading outputs; expect them to change as you read more.
# - Re-run the same suite on every change and compare sample by sample, not only on averages.
