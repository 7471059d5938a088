# %% [markdown]
# The fastest and cheapest model call is the one you never make. Support bots, search boxes and FAQ
# assistants see the same few questions over and over, typed a little differently each time. If you
# store the answer to a question and serve it again when the question comes back, the repeat costs
# nothing and returns in microseconds. The report's advice is to cache on an id where the input has one
# (an item, a document, a ticket) and otherwise on a normalised copy of the input
# ([Yan et al., 2024](https://applied-llms.org/#caching-is-underrated)).
#
# A cache has two ways to go wrong. It can miss too often (the key is too strict, so "How do I activate
# my card" and "how do i activate my card" are stored twice), and it can serve an answer that should no
# longer be served (the answer is old, or it was written by a model or a prompt you have since
# replaced). This lesson measures both on a small query log and the course's model, and reads the
# savings off the call ledger.
#
# ## A query log with near-duplicates
#
# The log below is three hours of questions to a bank's support assistant, built from real customer
# queries of the BANKING77 data set [@casanueva2020banking77]. Eight questions come back again and
# again; the `variant` column says how each repeat differs from the first time it was asked.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import re
import time

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

log = shipped.load("workflows_caching", "query_log.csv")
display(log.head(12))
kinds = log["variant"].value_counts().rename("requests").to_frame()
kinds["share"] = (kinds["requests"] / len(log)).round(2)
kinds

# %% [markdown]
# Of the 34 requests only 7 ask something for the first time: everything else is a repeat of some kind.
# Most repeats differ only in case, spacing or a question mark, which a normalised key can absorb. A
# few are paraphrases, the same need in other words ("My top up is not working"), which no amount of
# normalising will match: catching those needs a semantic cache (a nearest-neighbour search over
# embeddings), with its own risk of serving the answer to a different question.
#
# ## Keys and time to live decide the hit rate
#
# Before calling any model, we can compute what each cache policy would hit, because a hit depends only
# on the key and the clock. Two keys: the raw text, and a normalised text (case folded, runs of spaces
# collapsed, trailing `?`, `!` and `.` removed). Each cached answer lives for a time to live (TTL): a
# request within the TTL of the stored answer is a hit; after it, the answer is fetched again and the
# clock restarts. A hit does not extend the answer's life, so no answer is served longer than the TTL
# after it was made.

# %%
def raw_key(text: str) -> str:
    return text


def normalised_key(text: str) -> str:
    text = re.sub(r"\s+", " ", text.casefold()).strip()
    return text.rstrip("?!.").strip()


def simulate(minutes, keys, ttl) -> list[bool]:
    """True where a request is served from the cache: its key was stored less than `ttl` minutes ago."""
    stored_at, hits = {}, []
    for minute, key in zip(minutes, keys):
        hit = key in stored_at and minute - stored_at[key] < ttl
        if not hit:
            stored_at[key] = minute
        hits.append(hit)
    return hits


TTLS = [1, 5, 10, 15, 30, 45, 60, 90, 120, 180, 240]
curves = {name: [sum(simulate(log["minute"], log["query"].map(fn), ttl)) / len(log) for ttl in TTLS]
          for name, fn in {"raw text": raw_key, "normalised text": normalised_key}.items()}
ceiling = 1 - log["question_id"].nunique() / len(log)  # a perfect semantic cache with an infinite TTL

fig, ax = plt.subplots(figsize=(7, 4))
for name, rates in curves.items():
    ax.plot(TTLS, rates, "o-", label=f"key: {name}")
ax.axhline(ceiling, ls=":", color="grey", label="ceiling: every repeat of a question is a hit")
ax.set(xlabel="time to live (minutes)", ylabel="hit rate over the log", ylim=(0, 1),
       title="Hit rate on the 34-request log, by key and time to live")
ax.legend(loc="lower right")
fig.tight_layout()
plt.show()
pd.DataFrame(curves, index=pd.Index(TTLS, name="TTL (minutes)")).round(2).T

# %% [markdown]
# Two things to read off the plot. The key matters: at every TTL the normalised key hits on the case,
# spacing and punctuation variants that the raw key stores as new questions, roughly doubling the hit
# rate. And the TTL trades freshness for hits: a short TTL throws answers away before their repeats arrive, a long one
# keeps serving answers that may have gone stale. Pick it from how fast the truth behind the answer
# changes (an exchange rate: minutes; how to activate a card: weeks), not from the hit rate alone.
# Even with a long TTL the normalised key stays below the dotted ceiling: the gap is the paraphrases,
# which only a semantic cache could catch.
#
# ## What the cache saves, read from the call ledger
#
# Now the real thing: the same log through the course's model twice. First with no cache, every
# request a model call. Then through a cache with the normalised key and a 60-minute TTL, where only
# misses call the model. The key also holds the prompt version, and at minute 120 we deploy a new
# version of the system prompt: a changed prompt writes different answers, so every answer stored
# under the old version must stop being served. Putting the version in the key does that without any
# clean-up code: old entries simply never match again.

# %%
PROMPTS = {
    "v1": "You are the support assistant of a bank. Answer the customer in one short sentence.",
    "v2": "You are the support assistant of a bank. Answer the customer in one short, friendly sentence. "
          "Never ask for a card number.",
}
TTL_MINUTES = 60


def prompt_version(minute: int) -> str:
    return "v1" if minute < 120 else "v2"


def ask(text: str, version: str) -> str:
    return llm.chat(text, system=PROMPTS[version], max_tokens=32)


llm.chat("Say hello.", max_tokens=4)  # warm-up, not measured

# Run 1: no cache.
llm.ledger.clear()
answers_uncached = [ask(q, prompt_version(m)) for m, q in zip(log["minute"], log["query"])]
uncached = llm.ledger.table()

# Run 2: a cache keyed on (model, prompt version, normalised text) with a time to live.
llm.ledger.clear()
store, served = {}, []
for minute, query in zip(log["minute"], log["query"]):
    version = prompt_version(minute)
    key = (llm.model_name(), version, normalised_key(query))
    start = time.perf_counter()
    entry = store.get(key)
    if entry is not None and minute - entry[0] < TTL_MINUTES:
        served.append({"minute": minute, "hit": True, "answer": entry[1], "lookup_s": time.perf_counter() - start})
    else:
        answer = ask(query, version)
        store[key] = (minute, answer)
        served.append({"minute": minute, "hit": False, "answer": answer, "lookup_s": 0.0})
cached = llm.ledger.table()
served = pd.DataFrame(served)

display(cached[["model", "prompt_tokens", "completion_tokens", "latency_s", "source", "cost_usd"]].head(5))

# %% [markdown]
# The ledger has one row per model call; hits never reach it. Its `cost_usd` column is 0 because the
# embedded model runs on your CPU, so to put a price on the tokens we also price each call as if it
# had gone to GPT-4o mini, at the list price in the course's price table. The latency column is what
# each call took when it was recorded (on a replay it is the recorded time, marked by `source`).

# %%
price_as = "gpt-4o-mini"


def totals(calls: pd.DataFrame, requests: int) -> dict:
    priced = [llm.ledger.estimate_cost(price_as, p, c) for p, c in zip(calls["prompt_tokens"], calls["completion_tokens"])]
    return {"requests": requests, "model calls": len(calls), "hit rate": 1 - len(calls) / requests,
            "tokens": int(calls["prompt_tokens"].sum() + calls["completion_tokens"].sum()),
            f"USD per 1,000 requests at {price_as} prices": 1000 * sum(priced) / requests,
            "waiting, as measured (s)": calls["latency_s"].sum()}


summary = pd.DataFrame({"no cache": totals(uncached, len(log)),
                        "normalised key, 60-min TTL": totals(cached, len(log))}).T
# The two runs were made minutes apart on a shared machine, so their per-call times differ with its load.
# For a like-for-like comparison, charge each request of the cached run what the same request took in
# run 1 when it missed, and its measured lookup time when it hit.
per_request = pd.Series(uncached["latency_s"].to_numpy())
same_timings = per_request.where(~served["hit"], served["lookup_s"])
summary["waiting, at run 1's per-call times (s)"] = [per_request.sum(), same_timings.sum()]
summary.round(4)

# %%
timeline = pd.DataFrame({"minute": log["minute"], "no cache": per_request.cumsum(), "cache": same_timings.cumsum()})

fig, ax = plt.subplots(figsize=(7, 4))
ax.step(timeline["minute"], timeline["no cache"], where="post", label="no cache")
ax.step(timeline["minute"], timeline["cache"], where="post", label=f"normalised key, {TTL_MINUTES}-min TTL")
ax.axvline(120, ls=":", color="grey")
ax.annotate("prompt v2 deployed", (121, timeline["no cache"].max() * 0.05), fontsize=8)
ax.set(xlabel="minute of the log", ylabel="seconds spent waiting for the model (cumulative)",
       title="Time users spent waiting, with and without the cache (run 1's per-call times)")
ax.legend()
fig.tight_layout()
plt.show()

after = served["minute"] >= 120
print(f"Hit rate before the deploy: {served.loc[~after, 'hit'].mean():.0%} of {int((~after).sum())} requests; "
      f"after it: {served.loc[after, 'hit'].mean():.0%} of {int(after.sum())}.")
print(f"A hit took {served.loc[served['hit'], 'lookup_s'].median() * 1e6:.1f} microseconds (median); "
      f"a model call took {uncached['latency_s'].median():.2f} s (median, run 1) "
      f"and {cached['latency_s'].median():.2f} s (median, run 2).")
print(f"Waiting saved at like-for-like timings: {1 - same_timings.sum() / per_request.sum():.0%}; "
      f"model calls saved: {1 - len(cached) / len(uncached):.0%}.")

# %% [markdown]
# On this log the cache serves half of the requests, and the ledger shows half the model calls, half the
# tokens and half the bill. The waiting falls by about as much once both runs are charged the same time
# per call. Compare the two "waiting" columns: measured as they happened, the cached run looks far
# better still, but part of that is the machine, not the cache. The runs were recorded minutes apart on
# a shared CPU, and a model call took longer during the first one. When you measure a saving, measure
# both arms under the same conditions, or charge them the same per-call cost as we do here.
#
# The step plot shows where the saving comes from: the flat stretches of the cached line are popular
# questions asked again. Just after the deploy at minute 120 the cached line climbs like the uncached
# one, because every answer written with the old prompt is out of reach and has to be made again.
#
# The dollar column is small because the questions are short. The ratio is what carries over: at a
# 50% hit rate you pay for half the calls, whatever the price per call.
#
# ## Why near-duplicates deserve the same answer
#
# There is a second benefit besides cost. Without a cache, the model answers each spelling of a
# question separately, and nothing guarantees the answers agree. For each request that repeats an
# earlier question with a changed case, spacing or punctuation, we compare the uncached answer with
# the uncached answer to the first asking.

# %%
first_answer, same = {}, []
for (minute, qid, kind), answer in zip(log[["minute", "question_id", "variant"]].itertuples(index=False), answers_uncached):
    key = (qid, prompt_version(minute))
    if key not in first_answer:
        first_answer[key] = answer
    elif kind in ("case", "whitespace", "punctuation"):
        same.append({"variant": kind, "same answer as the first asking": answer.strip() == first_answer[key].strip()})
same = pd.DataFrame(same)
same.groupby("variant")["same answer as the first asking"].agg(["sum", "count"]).rename(
    columns={"sum": "identical answers", "count": "requests"})

# %% [markdown]
# A change of case or spacing is a change of tokens, so the model often writes a different answer to
# what a person reads as the same question; the table counts how often on this log. A cache keyed on
# the normalised text gives every spelling the answer the first asking got: consistent answers, and a
# single answer to review. The flip side is that a wrong answer is served to everyone until it
# expires, so pair the cache with a way to delete an entry by key.
#
# ## Provider-side prompt caching is a different cache
#
# Some providers now cache the processed *prefix* of a prompt (a long system prompt or document) and
# charge less for it on the next request that starts the same way. Anthropic's cookbook puts the
# saving at up to 90% of the cost and more than a twofold cut in latency for repetitive tasks
# [@anthropic2024promptcaching]. That cache still runs the model on every request and only skips
# re-reading the shared prefix; the answer cache in this lesson skips the call altogether. They stack:
# put the stable part of the prompt first for the provider's cache, and cache whole answers where the
# question repeats.
#
# ## What to take away
#
# - Count your repeats before building anything: group a day of your query log by a normalised key and
#   look at the share of requests that are not first askings. That share is the hit rate you can hope for.
# - Key on an id where you have one; otherwise on normalised text, and normalise only what cannot change
#   the meaning (case, whitespace, trailing punctuation).
# - Put the model name and the prompt version in the key, so a new model or prompt never serves old
#   answers, and give every entry a TTL set by how fast its facts change.
# - Read the saving off your own ledger: calls, latency and cost with and without the cache, on the same log.
