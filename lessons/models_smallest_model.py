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
# The first model to try on a new task is often the largest one you can call: if it cannot do the
# job, nothing smaller will. Once it can, the question changes. Every request will pay its price and
# wait for its latency for as long as the product runs, so the model to ship is the cheapest and
# fastest one that is good enough, and "good enough" is a number you set before you compare.
#
# Smaller does not have to mean worse by much. DistilBERT, a BERT model shrunk by distillation, is 40%
# smaller and 60% faster than the original and keeps 97% of its language-understanding score
# [@sanh2019distilbert]. For a narrow task such as sorting support messages into a few intents, a
# classifier trained on a few hundred labelled examples is often a strong rival to a language model.
#
# This lesson measures that trade-off on real data. You will:
#
# 1. sort 30 real banking questions into five intents with three kinds of model: a trivial baseline,
#    TF-IDF features with logistic regression, and the course's 135M-parameter language model;
# 2. measure each one's accuracy, latency and cost per thousand requests;
# 3. draw the Pareto front, the models no other model beats on both accuracy and cost, and pick the
#    cheapest one that meets an accuracy target.

# %% [markdown]
# ## The data
#
# BANKING77 is a set of 13,083 customer-service questions to a bank, each labelled with one of 77
# intents [@casanueva2020banking77]. We keep five intents that are easy to tell apart, all their
# training examples, and 6 test questions per intent: 30 questions, so that the language model's calls
# stay few.

# %%
import re
import time

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

train = shipped.load("models_smallest_model", "train.csv")
test = shipped.load("models_smallest_model", "test.csv")
INTENTS = sorted(train["category"].unique())

print(f"{len(train)} training questions, {len(test)} test questions, intents: {', '.join(INTENTS)}")
pd.concat([train["category"].value_counts().rename("train"), test["category"].value_counts().rename("test")],
          axis=1)

# %%
test.groupby("category").head(1)

# %% [markdown]
# ## Step 1: three kinds of model
#
# **Majority class.** Always answer the intent that is most common in the training set. It costs
# nothing and sets the floor: a model that does not beat it has learnt nothing.
#
# **TF-IDF and logistic regression.** Turn each question into word and word-pair weights (TF-IDF) and
# fit a linear classifier on them. We train it twice: on 10 examples per intent, as if you had just
# started labelling, and on all 565 training questions, and time the training.

# %%
def fit_tfidf(rows: pd.DataFrame) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    classifier = LogisticRegression(max_iter=2000, C=10.0)
    classifier.fit(vectorizer.fit_transform(rows["text"]), rows["category"])
    return vectorizer, classifier


def timed_predictions(predict_one) -> tuple[list[str], float]:
    """Predict each test question on its own, as a service would, and return the mean seconds per request."""
    started = time.perf_counter()
    predictions = [predict_one(text) for text in test["text"]]
    return predictions, (time.perf_counter() - started) / len(test)


few = train.groupby("category").head(10)
models = {}
for name, rows in {"TF-IDF + LR, 10 per intent": few, "TF-IDF + LR, all 565": train}.items():
    started = time.perf_counter()
    models[name] = fit_tfidf(rows)
    print(f"{name}: trained on {len(rows)} questions in {time.perf_counter() - started:.2f} s")

results = {}
majority = train["category"].mode()[0]
results["majority class"] = timed_predictions(lambda text: majority)
for name, (vectorizer, classifier) in models.items():
    results[name] = timed_predictions(lambda text, v=vectorizer, c=classifier: c.predict(v.transform([text]))[0])

# %% [markdown]
# **The language model, zero-shot.** The course's SmolLM2-135M gets the list of intents and one
# question, and is asked to reply with the intent only. Its reply counts as the first intent name it
# contains, written exactly as listed, with underscores; a reply that names none counts as wrong. We do
# not accept `exchange rate` with a space: a model that merely repeats the customer's words ("why do
# your exchange rates change") would earn credit it did not deserve. One call per question, at most 12
# tokens back.

# %%
client = llm.client()
INSTRUCTION = ("Classify the bank customer's message into exactly one of these intents: {intents}.\n"
               "Reply with the intent name only.").format(intents=", ".join(INTENTS))


def parse_intent(reply: str) -> str:
    """The first intent name the reply contains, written exactly as listed (with underscores)."""
    found = [(reply.lower().find(name), name) for name in INTENTS if name in reply.lower()]
    return min(found)[1] if found else "(no intent)"


def run_llm(messages_for) -> dict:
    """Ask the model about every test question; replies, mean recorded latency and tokens per request."""
    replies, prompt_tokens, completion_tokens = [], 0, 0
    for text in test["text"]:
        response = client.chat.completions.create(model=llm.model_name(), max_tokens=12, temperature=0, seed=0,
                                                  messages=messages_for(text))
        replies.append((response.choices[0].message.content or "").strip())
        prompt_tokens += response.usage.prompt_tokens
        completion_tokens += response.usage.completion_tokens
    seconds = float(llm.ledger.table().tail(len(test))["latency_s"].mean())
    return {"replies": replies, "seconds": seconds, "prompt_tokens": prompt_tokens / len(test),
            "completion_tokens": completion_tokens / len(test)}


llm_runs = {"SmolLM2-135M, zero-shot": run_llm(
    lambda text: [{"role": "user", "content": f"{INSTRUCTION}\n\nMessage: {text}"}])}
zero = llm_runs["SmolLM2-135M, zero-shot"]
named = sum(parse_intent(reply) != "(no intent)" for reply in zero["replies"])
print(f"zero-shot: {named} of {len(test)} replies name one of the five intents; "
      f"mean latency {zero['seconds']:.1f} s per call as recorded")
pd.DataFrame({"question": test["text"], "truth": test["category"], "reply": zero["replies"]}).head(8)

# %% [markdown]
# Read the replies. A model this small often answers the customer instead of naming an intent, and a
# reply that names no intent counts as wrong: that is a real failure mode (the output cannot be routed),
# not a parsing accident.
#
# **The language model, five-shot.** Small models follow a format far better when they are shown it.
# The second variant puts the instruction in a system message and then one worked example per intent
# (the first training question of each, with its intent as the assistant's reply) before the question.
# The prompt is about twice as long, which costs latency and, on a hosted model, money.

# %%
shots = train.groupby("category").head(1)
few_shot_turns = [{"role": "system", "content": INSTRUCTION}]
for text, intent in zip(shots["text"], shots["category"]):
    few_shot_turns += [{"role": "user", "content": text}, {"role": "assistant", "content": intent}]

llm_runs["SmolLM2-135M, five-shot"] = run_llm(lambda text: few_shot_turns + [{"role": "user", "content": text}])
five = llm_runs["SmolLM2-135M, five-shot"]
named = sum(parse_intent(reply) != "(no intent)" for reply in five["replies"])
print(f"five-shot: {named} of {len(test)} replies name one of the five intents; "
      f"mean latency {five['seconds']:.1f} s per call as recorded")
for name, run in llm_runs.items():
    results[name] = ([parse_intent(reply) for reply in run["replies"]], run["seconds"])
pd.crosstab(pd.Series(results["SmolLM2-135M, five-shot"][0], name="five-shot answer"),
            test["category"].rename("truth"))

# %% [markdown]
# The language model's latency is the one measured when each call was made (the ledger keeps it, also
# when this page replays a recording). It ran on a shared two-core machine, so treat it as an order of
# magnitude, not a benchmark.
#
# ## Step 2: accuracy, latency and cost
#
# Cost needs an assumption, because everything here runs on your own CPU. We price a CPU core at
# `USD_PER_CORE_HOUR` below, **an assumed round figure, not a quote**: put in what your hardware or
# cloud costs. A request is charged for one core during its latency, so cost per thousand requests is
# `1000 * latency_s / 3600 * USD_PER_CORE_HOUR`. The trivial baseline's cost rounds to zero.

# %%
USD_PER_CORE_HOUR = 0.05  # an assumption: replace it with your own price

rows = []
for name, (predictions, seconds) in results.items():
    rows.append({"model": name, "accuracy": float(np.mean(np.array(predictions) == test["category"].to_numpy())),
                 "ms per request": 1000 * seconds,
                 "USD per 1000 requests": 1000 * seconds / 3600 * USD_PER_CORE_HOUR})
table = pd.DataFrame(rows).set_index("model")
ratio = table.loc["SmolLM2-135M, five-shot", "ms per request"] / table.loc["TF-IDF + LR, all 565", "ms per request"]
print(f"the five-shot language model takes {ratio:,.0f} times as long per request as the classifier trained on all 565")
table.style.format({"accuracy": "{:.3f}", "ms per request": "{:.2f}", "USD per 1000 requests": "{:.2e}"})

# %% [markdown]
# For scale, a hosted model is billed by the token, not by the second. The language model's prompts and
# replies above came to the token counts printed below; at the list price of a small hosted model,
# GPT-4o mini at 0.15 USD per million input tokens and 0.60 USD per million output tokens
# [@openai2024gpt4omini], the same traffic would cost this much per thousand requests. That is a price
# for the tokens only, not a claim about how accurate GPT-4o mini would be on this task: that you would
# have to measure.

# %%
for name, run in llm_runs.items():
    hosted = 1000 * (run["prompt_tokens"] * 0.15 + run["completion_tokens"] * 0.60) / 1e6
    print(f"{name}: {run['prompt_tokens']:.0f} prompt and {run['completion_tokens']:.1f} completion tokens per "
          f"request, {hosted:.4f} USD per 1000 requests at GPT-4o mini's list price")

# %% [markdown]
# ## Step 3: the Pareto front
#
# One model *dominates* another when it is at least as accurate and at most as costly, and strictly
# better on one of the two. The models no one dominates form the *Pareto front*: each is a defensible
# choice, and every model off the front is beaten by one on it. Choose on the front by fixing what you
# need first, here an accuracy target, and taking the cheapest model that meets it.

# %%
TARGET = 0.80

points = table.reset_index()
on_front = [not any((o["accuracy"] >= p["accuracy"]) and (o["USD per 1000 requests"] <= p["USD per 1000 requests"])
                    and ((o["accuracy"] > p["accuracy"]) or (o["USD per 1000 requests"] < p["USD per 1000 requests"]))
                    for _, o in points.iterrows())
            for _, p in points.iterrows()]
points["on the front"] = on_front
meets = points[points["accuracy"] >= TARGET].sort_values(["USD per 1000 requests", "accuracy"],
                                                         ascending=[True, False])
choice = meets["model"].iloc[0] if len(meets) else None
print(f"target accuracy {TARGET}: cheapest model that meets it: {choice}")
points[["model", "accuracy", "USD per 1000 requests", "on the front"]]

# %%
fig, ax = plt.subplots(figsize=(7.5, 4.2))
floor = points["USD per 1000 requests"][points["USD per 1000 requests"] > 0].min() / 10
x = points["USD per 1000 requests"].clip(lower=floor)
ax.scatter(x[~points["on the front"]], points["accuracy"][~points["on the front"]], color="#999999", s=50,
           label="dominated")
front = points[points["on the front"]].assign(x=x).sort_values("x")
ax.plot(front["x"], front["accuracy"], "o-", color="#3f51b5", label="Pareto front")
best = points["accuracy"].max()
for xi, (name, acc) in zip(x, points[["model", "accuracy"]].itertuples(index=False)):
    left = acc == best  # the most accurate point gets its label on the left, so neighbours do not collide
    ax.annotate(name, (xi, acc), textcoords="offset points", xytext=(-8, 4) if left else (8, -4),
                ha="right" if left else "left", fontsize=8)
ax.axhline(TARGET, color="#c0392b", linestyle="--", label=f"target accuracy {TARGET}")
ax.set_xscale("log")
zero_note = f"; zero drawn at {floor:.0e}" if (points["USD per 1000 requests"] == 0).any() else ""
ax.set_xlabel(f"USD per 1000 requests (log scale{zero_note})")
ax.set_ylabel(f"accuracy on {len(test)} test questions")
ax.set_ylim(-0.03, 1.08)
ax.set_title("Accuracy against cost: the smallest model that does the job")
ax.legend(loc="lower center", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Read your run's numbers, not ours. What we expect you to see: the classifier trained on all the
# labelled questions is far more accurate than either language-model variant on this task, and cheaper
# per request by the large factor printed above, so both language-model points are dominated. The
# zero-shot model rarely names an intent at all and may not even beat the majority-class baseline. The
# five worked examples fix the format (most replies now name an intent, see the count above) and lift
# accuracy above the baseline, but the confusion table shows a model that leans on one or two labels:
# the 135M model is too weak for this task, and we say so rather than tune the prompt until it looks
# better. The five-shot variant also shows that the prompt is part of the cost: twice the prompt
# tokens per request. Latencies were recorded on a shared machine whose load changed between the two
# runs, so compare them only as orders of magnitude.
#
# The classifier trained on 10 examples per intent shows how much of the classifier's accuracy comes
# from labelled data, which is usually the real cost of the small model. The two classifiers' costs
# differ by timing noise of a fraction of a millisecond; which one lands on the front can change from
# run to run, and at these prices it does not matter.
#
# Be careful about what this does *not* show. The 135M model is far weaker than the models you would
# call in production, so this is not "a classifier beats an LLM" in general; a large model may well be
# the most accurate point. The method is the lesson: put every candidate, large and small, on the same
# plot with the same test set, fix the target first, and take the cheapest point that meets it. With
# 30 test questions one question moves accuracy by 0.033, so a difference of a few questions between
# two models is noise; test on a few hundred before you decide.
#
# ## What to take away
#
# - Before you ship on the largest model, write down the accuracy target and the latency budget.
# - Put at least three candidates on one Pareto plot: a trivial baseline, a small trained model (or a
#   small LLM with a few examples in the prompt), and the large model.
# - Keep the labelled examples that your large-model prototype produces: they are what a small model
#   needs to catch up.
# - Re-run the comparison when prices or models change; the front moves.
