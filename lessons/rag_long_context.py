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
# Every time a model ships with a larger context window, someone asks whether retrieval is still
# needed: why rank documents when you can paste them all in? The report's answer is that you still
# have to choose what goes in. A bigger window moves the limit; it does not remove the bill, the wait,
# or the model's trouble finding one relevant line among thousands of irrelevant ones.
#
# This lesson puts numbers on the first two, on your machine, and looks at the third:
#
# 1. count how many tokens the whole stdlib corpus of the keyword-search lesson would take, and
#    compare it with the window of the course's model;
# 2. send the model the same lookup questions two ways, with the top 3 keyword-search results and
#    with a ~1,000-token stuffed context, measuring prompt tokens and latency per call, and moving the
#    relevant document (the needle) to the start, middle and end of the stuffed context;
# 3. extrapolate both to an API price, and draw how much recall each extra retrieved document buys.
#
# The exercise then asks you to pick k, the number of retrieved documents, under a token budget.

# %%
import random
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from rank_bm25 import BM25Okapi

from llmcourse.helpers import shipped, stdlib_docs
from llmcourse.helpers.retrieval import query_metrics
from llmcourse.notebook import llm

docs = stdlib_docs.load()
by_id = {d.id: d for d in docs}
queries = shipped.load("rag_keyword_search", "queries.toml")["queries"]


def line(doc) -> str:
    """How a document appears in a prompt: one bullet with its signature and first docstring paragraph."""
    return f"- {doc.text}"


corpus_chars = sum(len(line(d)) + 1 for d in docs)
print(f"{len(docs)} documents, {corpus_chars:,} characters; {len(queries)} labelled queries; "
      f"model: {llm.model_name()}")

# %% [markdown]
# ## The corpus and the window
#
# The corpus is the one from the keyword-search lesson: one short document per public function,
# class or method of thirty standard-library modules, with the 40 labelled queries written for it.
# It is small by any real standard, about a hundred thousand characters.
#
# The course's model, SmolLM2-135M-Instruct, is served by llama.cpp with a context window of
# **4,096 tokens** (`--n_ctx 4096` in `src/llmcourse/llm/server.py`). The window holds the prompt and
# the answer together, and a request that does not fit is refused. So on this model the "paste
# everything" strategy is not slow or expensive; it is impossible, and we will have to measure a
# slice of the corpus and extrapolate. That is also the honest situation with hosted models: a
# corpus of real size (a wiki, a ticket history, a code base) outgrows any window, and before it
# does, it runs up a bill.
#
# ## Two ways to give the model context
#
# For four identifier queries (a name the user half-remembers, like `CRC32`), we ask the model for
# the full dotted name of the matching function. It gets either
#
# - **top-3 retrieval**: the three best BM25 results for the query (the retriever of the keyword
#   lesson, with the same tokenizer); or
# - **a stuffed context**: the relevant document plus randomly drawn other documents, about 3,500
#   characters in all, with the relevant one placed first, in the middle or last.
#
# An answer counts as right when it contains a relevant document's full id, ignoring case. We keep the
# answers short (at most 24 tokens) and count prompt tokens from what the server reports.

# %%
def tokenize(text: str) -> list[str]:
    """Lower-case alphanumeric runs, as in the keyword-search lesson."""
    return re.findall(r"[a-z0-9]+", text.lower())


bm25 = BM25Okapi([tokenize(d.text) for d in docs])
doc_ids = [d.id for d in docs]


def search(query: str, n: int = 50) -> list[str]:
    """Ids of the documents sharing a term with the query, best BM25 score first."""
    scores = bm25.get_scores(tokenize(query))
    order = np.argsort(-scores, kind="stable")[:n]
    return [doc_ids[i] for i in order if scores[i] > 0]


PROMPT = ("Documents:\n{context}\n\n"
          "Which function in the documents matches '{query}'? Reply with its full dotted name only.")
STUFFED_CHARS = 3500
POSITIONS = {"start": 0.0, "middle": 0.5, "end": 1.0}


def stuffed(needle_ids: list[str], where: float, seed: int) -> str:
    """The first relevant document among random others (about STUFFED_CHARS characters), at a relative position."""
    others = [d for d in docs if d.id not in needle_ids]
    random.Random(seed).shuffle(others)
    lines, size = [], 0
    for d in others:
        if size + len(line(d)) > STUFFED_CHARS:
            break
        lines.append(line(d))
        size += len(line(d)) + 1
    lines.insert(round(where * len(lines)), line(by_id[needle_ids[0]]))
    return "\n".join(lines)


chosen = [q for q in queries if q["text"] in ("CRC32", "PBKDF2", "mkstemp", "basicConfig")]
llm.ledger.clear()
rows = []
for i, q in enumerate(chosen):
    requests = [("top-3 retrieval", "-", "\n".join(line(by_id[d]) for d in search(q["text"], 3)))]
    requests += [("stuffed", pos, stuffed(q["relevant"], where, seed=i)) for pos, where in POSITIONS.items()]
    for strategy, pos, context in requests:
        prompt = PROMPT.format(context=context, query=q["text"])
        answer = llm.chat(prompt, max_tokens=24).strip()
        call = llm.ledger.calls()[-1]
        rows.append({"query": q["text"], "strategy": strategy, "needle at": pos, "prompt chars": len(prompt),
                     "prompt tokens": call.prompt_tokens, "latency s": call.latency_s,
                     "right": any(r.lower() in answer.lower() for r in q["relevant"]), "answer": answer[:60]})
calls = pd.DataFrame(rows)
calls.groupby(["strategy", "needle at"]).agg(
    calls=("right", "size"), right=("right", "sum"), prompt_tokens=("prompt tokens", "mean"),
    median_latency_s=("latency s", "median"), max_latency_s=("latency s", "max")).round(1)

# %% [markdown]
# Read the table in two halves.
#
# **Tokens** are the robust part: the server counts them exactly, and the stuffed prompts are about
# five times longer than the retrieved ones. **Time** should follow, because the model reads every
# prompt token before it writes the first answer token, but read it with care. The lesson was
# recorded on a two-core machine whose model server was shared with other jobs (load average between
# 3 and 7), so a call's latency includes however long it waited in line behind someone else's
# request. The maximum column shows it: one call waited far longer than any prompt here needs. We use
# the median of each group, which one such wait does not move, and on a quiet laptop all the numbers
# would be smaller.
# One more effect hides in the stuffed rows: llama.cpp keeps the previous prompt's work and skips
# a prefix the next prompt shares with it (its log says "prefix-match hit"). The middle and end
# versions of a query share their first half of filler, so one of them may be answered faster when
# no other job's request came in between. That is prompt caching in miniature; we return to it in
# the cost section.
#
# **Right answers** rest on four queries per row, so each row moves in quarters: do not read a
# difference of one answer as an effect. A 135M-parameter model is weak at this lookup even when the
# answer is in front of it, so a low count in both halves says more about the model than about the
# strategy. Where the needle sits may or may not show up at this size; the published long-context
# results below are the better evidence for that.

# %%
calls[["query", "strategy", "needle at", "prompt tokens", "right", "answer"]]

# %% [markdown]
# In our recording, the three retrieved documents led to 2 right answers out of 4 and the stuffed
# contexts to 2 out of 12. The answers show why a count this small needs reading: the model often
# has the right document in front of it and still writes a name of its own (`crc_32` for
# `zlib.crc32`), or picks a neighbour from the stuffed list. That is a weak model failing to copy,
# not a verdict on long contexts, and four queries cannot show a position effect either way. What
# the stuffed rows do show is that adding ~900 tokens of other documents bought no extra right
# answers here, at five times the tokens.

# %% [markdown]
# ## From one slice to the whole corpus
#
# The server reports exact token counts, so we can measure how many characters one token covers on
# this kind of text and use it to estimate what the whole corpus would cost as a prompt. For time we
# take the two medians, one per strategy, and draw a straight line through them: the extra seconds
# per extra prompt token. Both are extrapolations, and the latency one is optimistic: the work of
# attention grows faster than linearly with length, and the corpus would not fit this model's window
# at all.

# %%
chars_per_token = calls["prompt chars"].sum() / calls["prompt tokens"].sum()
corpus_tokens = corpus_chars / chars_per_token
medians = calls.groupby("strategy")[["prompt tokens", "latency s"]].median()
(t0, s0), (t1, s1) = medians.loc["top-3 retrieval"], medians.loc["stuffed"]
slope = (s1 - s0) / (t1 - t0)
intercept = s0 - slope * t0
print(f"{chars_per_token:.2f} characters per token on this text; whole corpus ≈ {corpus_tokens:,.0f} tokens, "
      f"{corpus_tokens / 4096:.1f} times the 4,096-token window")
print(f"median latency: {s0:.1f} s at {t0:.0f} prompt tokens, {s1:.1f} s at {t1:.0f}; "
      f"≈ {slope * 1000:.1f} s more per 1,000 prompt tokens on this machine")

fig, ax = plt.subplots(figsize=(7, 4))
for strategy, group in calls.groupby("strategy"):
    ax.scatter(group["prompt tokens"], group["latency s"], label=strategy, s=40)
xs = np.linspace(0, calls["prompt tokens"].max() * 1.1, 50)
ax.plot(xs, intercept + slope * xs, "k--", lw=1, label="line through the two medians")
ax.set(xlabel="prompt tokens", ylabel="latency (s), waiting in line included",
       title="Latency of one call against prompt length")
ax.legend()
plt.tight_layout()
plt.show()

# %% [markdown]
# ## What it would cost on an API
#
# To turn tokens into money we use a cheap hosted model's list price: GPT-4o mini at $0.15 per
# million input tokens and $0.60 per million output tokens, as OpenAI announced it in July 2024
# [@openai2024gpt4omini]. The course keeps that price in `llmcourse/llm/prices.toml`, and the ledger
# applies it. Prices change; the ratios below do not depend on them.
#
# The table compares one question answered three ways, each with a 24-token answer: top-3
# retrieval, the stuffed 1,000-token slice, and the whole corpus in the prompt (if a model's window
# allowed it; the latency in that row is the linear extrapolation, not a measurement).

# %%
def per_query(name: str, prompt_tokens: float) -> dict:
    cost = llm.ledger.estimate_cost("gpt-4o-mini", round(prompt_tokens), 24)
    return {"context": name, "prompt tokens": round(prompt_tokens), "USD per query": cost,
            "USD per million queries": round(cost * 1e6), "latency s (this machine)": intercept + slope * prompt_tokens}


mean_tokens = calls.groupby("strategy")["prompt tokens"].mean()
cost_table = pd.DataFrame([per_query("top-3 retrieval", mean_tokens["top-3 retrieval"]),
                           per_query("stuffed slice", mean_tokens["stuffed"]),
                           per_query("whole corpus (extrapolated)", corpus_tokens)]).set_index("context")
cost_table["times top-3"] = (cost_table["USD per query"] / cost_table["USD per query"].iloc[0]).round(1)
cost_table.round({"USD per query": 6, "latency s (this machine)": 1})

# %% [markdown]
# The multiplier in the last column is the point. Per query the sums look tiny, fractions of a cent,
# which is why stuffing is tempting in a demo. At a million questions a month, the whole-corpus
# prompt costs a hundred times what retrieval does, for a corpus that is small, and the bill grows
# linearly with the corpus while retrieval's stays flat. Prompt caching, which some providers offer
# for a repeated prefix, cuts the price and the wait of re-reading the same context (Anthropic's
# cookbook reports up to 90% lower cost on repetitive tasks [@anthropic2024promptcaching]); it
# narrows the gap, but only when the stuffed context is identical from one call to the next, and the
# model still has to attend over every token.
#
# ## How much recall each retrieved document buys
#
# Retrieval has its own dial: k, the number of documents you put in the prompt. More documents mean
# more chances to include the right one and more tokens. The curve below runs BM25 on all 40
# labelled queries (no model calls) and plots mean recall@k against the mean prompt tokens the top k
# documents would take, estimated with the characters-per-token ratio measured above.

# %%
rankings = {q["text"]: search(q["text"]) for q in queries}
curve = []
for k in range(1, 31):
    recall = np.mean([query_metrics(rankings[q["text"]], set(q["relevant"]), ks=(k,))[f"recall@{k}"]
                      for q in queries])
    tokens = np.mean([sum(len(line(by_id[d])) + 1 for d in rankings[q["text"]][:k]) / chars_per_token
                      for q in queries])
    curve.append({"k": k, "mean recall@k": recall, "mean context tokens": tokens})
curve = pd.DataFrame(curve).set_index("k")

fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(curve["mean context tokens"], curve["mean recall@k"], "o-", ms=3, label="BM25 top k, k = 1 to 30")
for k in (1, 3, 10, 30):
    ax.annotate(f"k={k}", (curve.loc[k, "mean context tokens"], curve.loc[k, "mean recall@k"]),
                textcoords="offset points", xytext=(4, -12), fontsize=8)
ax.axvline(4096, color="grey", ls=":", label="this model's window (4,096)")
ax.set(xscale="log", xlabel="tokens of retrieved context (log scale)", ylabel="mean recall@k over 40 queries",
       ylim=(0, 1.05), title=f"Recall against context size; the whole corpus is ≈{corpus_tokens:,.0f} tokens")
ax.legend(loc="lower right")
plt.tight_layout()
plt.show()
curve.loc[[1, 3, 5, 10, 20, 30]].round(2)

# %% [markdown]
# Recall climbs fast over the first few documents and then flattens: each extra document costs the
# same tokens and finds less. The curve ends well below 1 because some paraphrase queries share no
# words with their answer, and no k fixes a retriever that never ranks the answer; the whole corpus
# would "recall" everything, at dozens of times the tokens of k = 30, and hand the model the job of
# finding it. Choosing k is choosing a point on this curve, with your own budget, on labelled queries:
# that is the exercise.
#
# ## What others measured
#
# The long-context claim usually rests on the needle-in-a-haystack test, which our small run mimics.
# RULER, a benchmark with 13 tasks that go beyond finding one needle (several needles, tracing
# variables, aggregating), tested 17 long-context models and found that although nearly all score
# almost perfectly on the plain needle test, only about half of them still perform satisfactorily at
# 32K tokens, whatever window they advertise [@hsieh2024ruler]. A window is a limit on what the model
# accepts, not a promise about how well it uses it. Our own position test runs on a model far too
# small to settle that question, which is why we cite it rather than claim it.
#
# ## What to take away
#
# - Count tokens before you argue: the whole corpus, the retrieved context, and the model's window.
#   Cost per query and time to first token both grow with the prompt.
# - A window larger than your corpus is not a reason to send the corpus: at a million queries the
#   difference is a multiplier on the bill, not a rounding error.
# - Choose k on labelled queries from the recall-against-tokens curve, within the budget that your
#   price and latency targets set.
# - Test long-context behaviour on your task, with the needle at several positions and with more
#   than one needle; a published window size or a clean needle score is not that test.
