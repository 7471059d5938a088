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
# Dashboards tell you how many requests failed. Only reading them tells you *how* they failed, and
# the "how" is where new tests come from. The report's advice is a habit: keep every input and output
# of your LLM calls, and have someone read a sample of them every day
# ([Yan et al., 2024](https://applied-llms.org/#look-at-samples-of-llm-inputs-and-outputs-every-day)).
#
# Reading changes what you check for. In a study of EvalGen, a tool that helps people write evaluation
# criteria for LLM outputs, Shankar et al. saw that people needed criteria to grade outputs, yet grading
# outputs was what showed them their criteria; they called this *criteria drift*. Some criteria only
# made sense once a particular output had been seen [@shankar2024validators]. You cannot write the
# full checklist on day one; you find it in the logs.
#
# A daily sample has one practical problem: most traffic is the common case. A random sample of twenty
# is mostly the same easy request, and the rare routes and rare failures, the ones you need to read,
# often do not appear at all. In this lesson you will:
#
# 1. send a small mixed workload (three routes, 48 requests) to the course's model and log every answer
#    with its route, its outcome and the length of its input;
# 2. build a day of traffic from it and measure how often a plain random sample of 20 misses a stratum,
#    against a sample stratified by route, outcome and length;
# 3. read a day's stratified sample and turn what reading suggests into checks that run on the whole log.

# %%
import json
import random
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

workload = shipped.load("data_daily_samples", "workload.toml")
print({route: len(messages) for route, messages in workload.items()})

# %% [markdown]
# ## Step 1: the log
#
# The workload is 48 messages to an invented outdoor-gear shop, written for this course, in three
# routes: `support` (reply to a customer), `summarize` (one sentence for a ticket queue) and `extract`
# (pull the order number and the issue out as JSON). Half the messages of each route are short, half
# long. Each call is capped at a small `max_tokens`, as a production service would be, so some answers
# are cut off.
#
# Every log line keeps what you need to read it later: the input, the output, why generation stopped,
# and three labels to stratify by. The **outcome** is `cut_off` when the server stopped at the token
# cap, `invalid_json` when an `extract` answer does not parse as JSON, else `ok`; the **length** is
# `long` for inputs over 25 words, else `short`.

# %%
PROMPTS = {
    "support": ("You are the support assistant of an outdoor-gear shop. Reply to the customer in at most "
                "two sentences.\n\nCustomer: {message}", 48),
    "summarize": ("Summarize this support ticket in one short sentence.\n\nTicket: {message}", 40),
    "extract": ('Return only a JSON object with the keys "order_id" (the order number as a string) and '
                '"issue" (a few words) for this message.\n\nMessage: {message}', 40),
}
client = llm.client()

log = []
for route, messages in workload.items():
    template, max_tokens = PROMPTS[route]
    for i, message in enumerate(messages):
        response = client.chat.completions.create(
            model=llm.model_name(), max_tokens=max_tokens, temperature=0, seed=0,
            messages=[{"role": "user", "content": template.format(message=message)}])
        output = (response.choices[0].message.content or "").strip()
        finish = response.choices[0].finish_reason
        try:
            parses = isinstance(json.loads(output), dict)
        except ValueError:
            parses = False
        outcome = "cut_off" if finish == "length" else "invalid_json" if route == "extract" and not parses else "ok"
        log.append({"id": f"{route[:3]}-{i:02d}", "route": route, "outcome": outcome,
                    "length": "long" if len(message.split()) > 25 else "short",
                    "input": message, "output": output, "finish_reason": finish})
log = pd.DataFrame(log)
log.groupby(["route", "outcome", "length"]).size().unstack("length", fill_value=0)

# %% [markdown]
# ## Step 2: a day of traffic, and two ways to sample it
#
# 48 answers are too few to show the sampling problem, so we build a day from them under a stated
# **assumption** about the traffic mix: 2,000 requests, 75% `support`, 20% `summarize` and 5%
# `extract`, each request a random draw (with replacement) from that route's logged answers. Real
# traffic has the same shape: one big route and long tails.
#
# A stratum is one combination of route, outcome and length. We compare two samplers of 20 lines:
#
# - **uniform**: 20 lines drawn at random from the day;
# - **stratified**: first one line from every stratum (so every stratum that occurred today is seen),
#   then the remaining slots drawn at random from the rest of the day, so the common case still gets
#   most of the reading.

# %%
MIX = {"support": 0.75, "summarize": 0.20, "extract": 0.05}
KEYS = ["route", "outcome", "length"]
stratum_of = log.groupby(KEYS).ngroup().to_numpy()  # a number per stratum, for each logged answer
STRATA = log.groupby(KEYS).size().index  # the stratum tuple of each number
rows_of_route = {route: np.flatnonzero(log["route"] == route) for route in MIX}


def make_day(rng: np.random.Generator, n: int = 2000) -> np.ndarray:
    """The logged answers behind a day of n requests, as row numbers of `log`."""
    routes = rng.choice(list(MIX), size=n, p=list(MIX.values()))
    day = np.empty(n, dtype=int)
    for route, rows in rows_of_route.items():
        mask = routes == route
        day[mask] = rng.choice(rows, size=mask.sum())
    return day


def uniform_sample(day: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Positions in the day of k lines drawn at random."""
    return rng.choice(len(day), size=k, replace=False)


def stratified_sample(day: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """One random line of every stratum present, then random lines from the rest up to k."""
    strata = stratum_of[day]
    first = np.array([rng.choice(np.flatnonzero(strata == s)) for s in np.unique(strata)])
    rest = np.setdiff1d(np.arange(len(day)), first)
    return np.concatenate([first, rng.choice(rest, size=max(k - len(first), 0), replace=False)])


day = make_day(np.random.default_rng(0))
strata = pd.Series(stratum_of[day]).value_counts().rename(index=dict(enumerate(STRATA)))
strata = pd.DataFrame({"lines today": strata, "share": strata / len(day)})
strata.index = pd.MultiIndex.from_tuples(strata.index, names=KEYS)
strata.sort_values("lines today", ascending=False)

# %% [markdown]
# Now simulate 300 days. For each day and each stratum, did the sample contain at least one of its
# lines? A stratum with share *s* of the traffic is missed by a uniform sample of 20 with probability
# about (1 - *s*)^20: at a 2% share, that is two days in three.

# %%
DAYS, K = 300, 20
rng = np.random.default_rng(2024)
hits = {"uniform": np.zeros(len(STRATA)), "stratified": np.zeros(len(STRATA))}
present_days = np.zeros(len(STRATA))
for _ in range(DAYS):
    today = make_day(rng)
    present_days[np.unique(stratum_of[today])] += 1
    for name, sampler in [("uniform", uniform_sample), ("stratified", stratified_sample)]:
        hits[name][np.unique(stratum_of[today[sampler(today, K, rng)]])] += 1
coverage = pd.DataFrame({name: h / np.maximum(present_days, 1) for name, h in hits.items()}, index=STRATA)
coverage["share of traffic"] = np.bincount(stratum_of[rows_of_route["support"]], minlength=len(STRATA)) * 0.0
for route, rows in rows_of_route.items():  # expected share: route share / answers logged for the route
    coverage["share of traffic"] += np.bincount(stratum_of[rows], minlength=len(STRATA)) * MIX[route] / len(rows)
coverage = coverage.sort_values("share of traffic")
coverage

# %%
fig, ax = plt.subplots(figsize=(9, 0.32 * len(coverage) + 1.2))
y = np.arange(len(coverage))
labels = [" / ".join(s) + f"  ({share:.1%})" for s, share in zip(coverage.index, coverage["share of traffic"])]
ax.barh(y - 0.2, coverage["uniform"], height=0.4, color="#999999", label="uniform sample of 20")
ax.barh(y + 0.2, coverage["stratified"], height=0.4, color="#3f51b5", label="stratified, 1 per stratum, 20 in all")
ax.set_yticks(y, labels, fontsize=8)
ax.set_xlabel(f"share of the {DAYS} simulated days with this stratum on which the sample held it")
ax.set_xlim(0, 1.05)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=8)
ax.set_title("Which strata does the daily reader see? (route / outcome / length, share of traffic)")
plt.tight_layout()
plt.show()

# %%
rare = coverage[coverage["share of traffic"] < 0.05]
print(f"{len(rare)} of {len(coverage)} strata hold under 5% of the traffic each; on a day it occurs, a uniform "
      f"sample of {K} contains such a stratum {rare['uniform'].mean():.0%} of the time on average, the "
      f"stratified sample {rare['stratified'].mean():.0%}.")

# %% [markdown]
# The stratified sampler sees every stratum present on every day, by construction; the price is that
# the common case gets a few fewer of the twenty slots. When there are more strata than slots (many
# routes, many outcomes), cap the minimum or merge strata, and keep the sample small enough that someone
# reads all of it: twenty lines skimmed every day beat two hundred lines read once.
#
# Stratifying also changes what the sample's counts mean: a sample that over-draws rare strata is not
# a measurement of failure *rates*. Use it to find kinds of failure, and measure their rates with a
# check over the whole log, as below.
#
# ## Step 3: read today's sample
#
# Here is the stratified sample of day 0. Read every row before you go on, and write down what you
# would check for.

# %%
today_sample = log.iloc[day[stratified_sample(day, K, np.random.default_rng(0))]].drop_duplicates("id")
today_sample[["id", "route", "outcome", "length", "input", "output"]].sort_values(["route", "id"])

# %% [markdown]
# Look hardest at the rows of a route whose outcomes are all alike. A count says "every extraction was
# cut off"; only the text says what the model was spending its tokens on instead.
#
# Some checks only occur to you once you have seen the outputs, which is criteria drift in action.
# Below are checks of the kind that reading a sample like this suggests. We do not assume which ones
# fire on your run: the table counts, over all 48 logged answers, how often each one does.
#
# - **cut off**: the answer stopped at the token cap, mid-sentence;
# - **not JSON** (extract): the answer is not a JSON object, often because it is wrapped in prose or a
#   code fence;
# - **wrong order id** (extract): the JSON parses but its `order_id` is not the number in the message;
# - **more than one sentence** (summarize): the summary runs past one sentence;
# - **invented number**: the answer contains a number of two or more digits that the input does not;
#   a reply that promises "3 to 5 days" or quotes an order number the customer never gave is making
#   things up.

# %%
def numbers(text: str) -> set[str]:
    return set(re.findall(r"\d{2,}", text))


def parsed(output: str):
    try:
        value = json.loads(output)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def checks(row) -> dict:
    value = parsed(row["output"]) if row["route"] == "extract" else None
    return {
        "cut off": row["finish_reason"] == "length",
        "not JSON": row["route"] == "extract" and value is None,
        "wrong order id": value is not None and str(value.get("order_id", "")) not in numbers(row["input"]),
        "more than one sentence": row["route"] == "summarize"
                                  and len(re.findall(r"[.!?](\s|$)", row["output"])) > 1,
        "invented number": bool(numbers(row["output"]) - numbers(row["input"])),
    }


found = pd.DataFrame([checks(row) for _, row in log.iterrows()], index=log.index).assign(route=log["route"])
rates = found.groupby("route").mean()
rates.loc["all routes"] = found.drop(columns="route").mean()
rates

# %%
fig, ax = plt.subplots(figsize=(8, 3.4))
rates.drop(index="all routes").T.plot.bar(ax=ax, color=["#3f51b5", "#c0392b", "#999999"], rot=15)
ax.set_ylabel("share of the route's answers")
ax.set_title(f"Checks written after reading a sample, run on all {len(log)} logged answers")
plt.tight_layout()
plt.show()

# %% [markdown]
# Each check is a few lines of code that now runs on every answer, every day, and its rate is a number
# you can put on a dashboard and alert on. The sample found the kinds of failure; the checks measure
# them. Expect the list to keep changing: each time you read, some row will not fit any check, and that
# row is tomorrow's check.
#
# The course's model is small, so its failures are plentiful and crude. A strong model fails more
# rarely and more subtly, which makes the stratified sample matter more, not less: its rare failures
# sit in exactly the strata a uniform sample skips.
#
# ## What to take away
#
# - Log every call: input, output, model, parameters, finish reason, and the labels you will stratify
#   by (route, outcome, length, customer tier).
# - Each day, draw a stratified sample with a minimum per stratum and a fixed seed, so two people
#   looking at "today's sample" look at the same lines.
# - Read all of it, and write each new kind of failure down as a check that runs over the whole log.
# - Put the reading on the on-call rota, so it happens when things are quiet too.
