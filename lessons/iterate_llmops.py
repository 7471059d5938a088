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
# "LLMOps" can mean a prompt registry, a tracing dashboard, a YAML pipeline and a vendor contract. None
# of those is the goal. The goal is the one DevOps always had: make the loop from *I changed something*
# to *I know whether it helped* short, so that a team tries many ideas a week and keeps the good ones.
# Tooling earns its place when it shortens that loop, and you can only tell if you measure the loop.
#
# The loop has a name borrowed from manufacturing: **cycle time**, the time from starting a piece of
# work to finishing it. For LLM work a useful split is three events per iteration:
#
# - **change**: a prompt, retrieval setting or model choice is ready to try;
# - **eval**: the eval results for it are available;
# - **decision**: someone kept or dropped it.
#
# In this lesson you will:
#
# 1. run a small eval (12 BANKING77 queries, two prompt versions) on the course's model and read the
#    call ledger: how long each call took when it ran live, and what replaying it from the course's
#    recording costs instead;
# 2. measure cycle time, per stage, from the event log of an (invented) team and find where its time goes;
# 3. estimate what on-demand evals with a replay cache would do to that team's loop, under stated
#    assumptions.

# %% [markdown]
# ## Step 1: one eval, two prompt versions, and the ledger
#
# The eval is deliberately small: 12 customer messages from BANKING77 [@casanueva2020banking77], four
# for each of three intents, and a classifier prompt in two versions. Version 2 adds a one-line
# description of each label. That is the typical shape of one iteration: a change to the prompt, the
# same cases, a comparison.
#
# Every call goes through the course's client, which writes one row per call to `llm.ledger`: the
# tokens, the `latency_s` measured when the call actually reached the model, and `source`, which says
# where the answer came from (`live`, `cache` for your own replay cache, `recording` for answers that
# ship with the course). We also time each call ourselves with a stopwatch around it, so we can compare
# what the call cost when it was made with what it costs now.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

cases = shipped.load("iterate_llmops", "banking77_slice.toml")["eval"]
LABELS = ["card_arrival", "exchange_rate", "pin_blocked"]

PROMPTS = {
    "v1": ("Which topic is this bank customer message about: card_arrival, exchange_rate or pin_blocked?\n"
           "Message: {text}\nAnswer with the topic only."),
    "v2": ("Label the bank customer message with one topic.\n"
           "card_arrival: a card the customer ordered has not arrived\n"
           "exchange_rate: how currency exchange rates are set or found\n"
           "pin_blocked: the card's PIN is blocked or locked\n"
           "Message: {text}\nTopic:"),
}


def label_of(answer: str) -> str:
    """The first label named in the answer (underscores or spaces), or 'none'."""
    text = answer.lower().replace(" ", "_")
    found = [(text.find(label), label) for label in LABELS if label in text]
    return min(found)[1] if found else "none"


llm.ledger.clear()
rows = []
for version, template in PROMPTS.items():
    for case in cases:
        start = time.perf_counter()
        answer = llm.chat(template.format(text=case["text"]), max_tokens=8)
        wall = time.perf_counter() - start
        rows.append({"version": version, "intent": case["intent"], "answer": answer.strip(),
                     "predicted": label_of(answer), "wall_s": wall})
runs = pd.DataFrame(rows)
ledger = llm.ledger.table()
runs["latency_s"] = ledger["latency_s"].to_numpy()
runs["source"] = ledger["source"].to_numpy()
runs["correct"] = runs["predicted"] == runs["intent"]
runs[["version", "intent", "predicted", "answer", "source", "latency_s", "wall_s"]].head(6)

# %% [markdown]
# The ledger and our stopwatch see the same calls in the same order, so their rows line up one to one.
# First the eval's verdict, then its cost:

# %%
per_version = runs.groupby("version").agg(cases=("correct", "size"), correct=("correct", "sum"),
                                          unparsed=("predicted", lambda s: int((s == "none").sum())),
                                          live_latency_s=("latency_s", "sum"), wall_now_s=("wall_s", "sum"))
per_version["accuracy"] = per_version["correct"] / per_version["cases"]
print("answers came from:", runs["source"].value_counts().to_dict())
per_version

# %% [markdown]
# Read the `answer` column before the accuracy. In our recording the 135M model mostly restates the
# question ("This customer message is about ...") and runs out of its 8 tokens before naming a label,
# so few answers parse, with either prompt. That is a normal iteration outcome: the eval says version 2
# is no better, and the decision is to drop it and try something else (constrained output, examples, a
# bigger model). With 12 cases a version one answer moves accuracy by more than 8 points, so small gaps
# would mean little anyway; the lesson `gpus_finetune_gate` shows how wide the uncertainty is.
#
# What matters here is the cost columns.
#
# `live_latency_s` is the sum of the ledger's `latency_s`: the seconds the model took when these
# requests ran live. When this page was built the `source` column read `recording` for every call, so
# `latency_s` holds what the calls took when the course authors recorded them on a shared, busy
# two-core machine, and `wall_now_s` is what answering them from the recording took (the very first
# call also pays for loading the openai client, and the first live call for waking the shared server).
# Run the notebook
# yourself and the `source` column tells you which situation you are in: `live` (then the two columns
# agree), `cache` or `recording` (then the stopwatch shows the replay).

# %%
totals = {"live (ledger latency_s)": runs["latency_s"].sum(), "replayed now (stopwatch)": runs["wall_s"].sum()}
speedup = totals["live (ledger latency_s)"] / max(totals["replayed now (stopwatch)"], 1e-9)
print(f"24 calls: {totals['live (ledger latency_s)']:.1f} s live, {totals['replayed now (stopwatch)']:.3f} s "
      f"as run now; ratio {speedup:,.0f}x")

fig, ax = plt.subplots(figsize=(8, 3.4))
x = np.arange(len(runs))
ax.bar(x - 0.2, runs["latency_s"], width=0.4, color="#3f51b5", label="latency_s in the ledger (live)")
ax.bar(x + 0.2, runs["wall_s"], width=0.4, color="#c0392b", label="stopwatch, this run")
ax.axvline(11.5, color="grey", lw=0.8)
ax.set_yscale("log")
ax.text(5.5, ax.get_ylim()[1] * 0.5, "prompt v1", ha="center")
ax.text(17.5, ax.get_ylim()[1] * 0.5, "prompt v2", ha="center")
ax.set_xlabel("call, in the order made")
ax.set_ylabel("seconds (log scale)")
ax.set_title("The same 24 eval calls: as measured live, and as run now")
ax.legend(loc="center right", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# A replay is only possible for a request that was made before, byte for byte: same model, same
# prompt, same parameters. That limits what the cache can do for an iteration. When you change the
# prompt, the changed version's requests are new and must run live. What replays is everything that did
# not change: the baseline you compare against, and every re-run after you fix the scoring code, the
# parser or a plot. Those re-runs are frequent, and they are exactly the ones that should feel free.
#
# ## Step 2: cycle time from an event log
#
# Now the loop around the eval. `events.csv` is the log of a fictional team (invented for this lesson,
# not measured): 25 prompt iterations over twelve working days, one row per event. The team runs its
# evals in a nightly batch job. Like any real log it is untidy: a baseline with no change event, an
# abandoned change, an eval that was re-run, and two iterations still waiting for a decision.

# %%
events = shipped.load("iterate_llmops", "events.csv")
print(f"{len(events)} events, {events['iteration'].nunique()} iterations")
events.head(8)

# %% [markdown]
# For each iteration take the time of each kind of event (the first one if there are several: the
# first eval result is when feedback first arrived), then the time between them. An iteration only
# counts towards a stage when both of its ends are in the log; we count the others separately rather
# than pretend they took zero hours. The exercise makes you write this carefully, with these
# conventions spelled out.

# %%
first = events.pivot_table(index="iteration", columns="stage", values="at_h", aggfunc="min")
stages = pd.DataFrame({"change to eval": first["eval"] - first["change"],
                       "eval to decision": first["decision"] - first["eval"],
                       "change to decision": first["decision"] - first["change"]})
cycle = stages.agg(["count", "median", lambda s: s.quantile(0.9)]).T
cycle.columns = ["iterations", "median_h", "p90_h"]
print("iterations missing a stage:", sorted(first.index[first.isna().any(axis=1)].tolist()))
cycle.round(1)

# %%
complete = stages.dropna()
fig, ax = plt.subplots(figsize=(8, 4))
ax.barh(complete.index.astype(str), complete["change to eval"], color="#c0392b", label="change to eval (waiting for the nightly eval)")
ax.barh(complete.index.astype(str), complete["eval to decision"], left=complete["change to eval"], color="#3f51b5",
        label="eval to decision")
ax.invert_yaxis()
ax.set_xlabel("hours")
ax.set_ylabel("iteration")
ax.set_title("Where each complete iteration's time went (invented team log)")
ax.legend(loc="lower right", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Read the red bars first. Most of this team's cycle is the wait for feedback, not the deciding. A
# faster model, a nicer prompt editor or a dashboard would not move that number; an eval that can run
# as soon as the change is ready would.
#
# ## Step 3: what on-demand evals with a replay cache would do
#
# Suppose the team stops batching and runs its eval suite the moment a change is ready. We estimate the
# new change-to-eval time from the measurements in step 1, under assumptions we state rather than hide:
#
# - the suite has 200 cases, and each iteration compares the changed prompt with the current baseline
#   (400 model calls);
# - a live call costs the median `latency_s` we measured above (the median, so that one slow first call
#   does not set the figure); calls run one after another;
# - without a cache both arms run live; with a cache the baseline arm replays at the median per-call time
#   our stopwatch measured (capped at the live figure, for a run where every call was live);
# - the time from eval to decision does not change (it probably would, but we did not measure that).

# %%
SUITE = 200
live_per_call = runs["latency_s"].median()
replay_per_call = min(runs["wall_s"].median(), live_per_call)
print(f"per call: {live_per_call:.2f} s live, {replay_per_call:.3f} s replayed (medians)")
eval_hours = {"nightly batch (the log)": None,
              "on demand, no cache": 2 * SUITE * live_per_call / 3600,
              "on demand, baseline replayed": SUITE * (live_per_call + replay_per_call) / 3600}
decide = complete["eval to decision"]
scenarios = []
for name, hours in eval_hours.items():
    total = complete["change to decision"] if hours is None else hours + decide
    scenarios.append({"scenario": name,
                      "change to eval, median (h)": (complete["change to eval"].median() if hours is None else hours),
                      "cycle time, median (h)": total.median(), "cycle time, p90 (h)": total.quantile(0.9)})
pd.DataFrame(scenarios).set_index("scenario").round(2)

# %% [markdown]
# Two things stand out, and both are general.
#
# First, removing the queue is worth far more than making the eval itself fast. Going from "results
# tomorrow" to "results while you wait" cuts the median cycle severalfold even when every call runs live.
# The cache then shaves the eval's own run time roughly in half, which matters to the person waiting at
# the keyboard but barely moves a cycle that a day-long decision step dominates.
#
# Second, once feedback is fast, the bottleneck moves to the decision. In this log the median time from
# eval to decision is about 12 hours, more than a working day's worth of waiting; the next tool worth building is whatever lets people decide sooner: a report that
# shows the failures next to the baseline's answers, a pre-agreed rule for when a change ships.
#
# These numbers come from an invented log and 24 calls to a tiny model, so treat them as an example of
# the method, not of what your team will see. The method is what to take away.
#
# ## What to take away
#
# - Log three events for every iteration (change, eval, decision) with timestamps. A spreadsheet is
#   enough to start.
# - Each month, compute the median and p90 time of each stage and work on the largest one. Buy or build
#   LLMOps tooling only when it shrinks that stage.
# - Put a replay cache in front of your eval runner, keyed on the full request, and record the source of
#   each answer next to its latency, as this course's ledger does, so re-runs are cheap and you can tell
#   a replayed number from a live one.
# - The field is moving the same way: public arenas such as LMSYS's Chatbot Arena let many teams compare
#   chat models continuously, and tracing tools aim to feed production data back into evals. See the
#   report (https://applied-llms.org/) for the authors' view.
