# %% [markdown]
# Finetuning is the heavy tool: you need labelled data, a training run, an evaluation of the trained
# model, and somewhere to host it. The report's advice is to reach for it only when careful prompting
# still leaves you short of reliable output, and to weigh the upfront cost against what it buys: if a
# prompt already gets you most of the way, the rest may not be worth it
# ([Yan et al., 2024](https://applied-llms.org/#when-to-finetune)).
#
# "When" is a question about evidence. This lesson builds the evidence you need on one task: a
# **learning curve**, accuracy against the number of labelled examples you have, for three ways of
# using those examples:
#
# - **prompt**: tell a language model the labels and ask it (zero examples), or put a few examples in the
#   prompt;
# - **retrieval (kNN)**: find the labelled examples most similar to the request and take their label
#   (the same idea as putting *retrieved* examples in a prompt, without the model);
# - **a trained model**: fit a classifier on the examples. Here a TF-IDF + logistic regression model
#   stands in for a finetune: it is what "learn from all the labelled data" looks like at CPU scale.
#
# The task is intent detection on five intents of BANKING77, real customer queries to a bank
# [@casanueva2020banking77]; each answer is right or wrong, so accuracy is easy to measure.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import re
import time

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier

data = shipped.load("workflows_when_to_finetune", "intents.csv")
train, test = data[data["split"] == "train"], data[data["split"] == "test"]
INTENTS = sorted(data["intent"].unique())
display(test.groupby("intent").head(1)[["intent", "text"]])
pd.crosstab(data["intent"], data["split"])

# %% [markdown]
# Two of the intents are close cousins (`card_arrival`: "my card has not come"; `card_delivery_estimate`:
# "when will it come"), which is what makes the task worth measuring.
#
# ## The learning curve without a language model
#
# For each budget of `n` labelled examples per intent we draw `n` examples per intent at random, fit
# TF-IDF features on them, and score both the nearest-neighbour rule and logistic regression on the
# 200 test queries. Five random draws per budget show how much the luck of the draw matters.

# %%
BUDGETS = [1, 2, 4, 8, 16, 32, 64, 80]
DRAWS = 5


def fit_and_score(examples: pd.DataFrame) -> dict:
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(examples["text"])
    X, X_test = vectoriser.transform(examples["text"]), vectoriser.transform(test["text"])
    knn = KNeighborsClassifier(n_neighbors=1, metric="cosine").fit(X, examples["intent"])
    logreg = LogisticRegression(max_iter=1000, C=10).fit(X, examples["intent"])
    return {"kNN (1 nearest example)": (knn.predict(X_test) == test["intent"]).mean(),
            "trained (TF-IDF + logistic regression)": (logreg.predict(X_test) == test["intent"]).mean()}


def draw(n: int, seed: int) -> pd.DataFrame:
    return train.sample(frac=1, random_state=seed).groupby("intent").head(n)


curve = pd.DataFrame([{"n per intent": n, "draw": seed, **fit_and_score(draw(n, seed))}
                      for n in BUDGETS for seed in range(DRAWS)])
curve_summary = curve.drop(columns="draw").groupby("n per intent").agg(["mean", "std"]).round(3)
curve_summary

# %% [markdown]
# ## The prompt, at two points of the curve
#
# Language model calls are the expensive part, so the prompt gets two points, each on the same 20 test
# queries (four per intent): **zero-shot**, where the prompt lists the five intents with a short
# description, and **retrieved examples**, where the prompt also shows the five labelled examples most
# similar to the query, taken from a pool of 16 per intent (80 in all). We read the model's answer as
# the first intent name it contains; anything else counts as wrong.

# %%
DESCRIPTIONS = {
    "card_arrival": "the customer's card has not arrived yet",
    "card_delivery_estimate": "the customer asks how long card delivery takes",
    "exchange_rate": "questions about currency exchange rates",
    "lost_or_stolen_card": "the card was lost or stolen",
    "top_up_failed": "a top-up of the account failed",
}
SYSTEM = ("Classify the bank customer's message into exactly one intent. Intents:\n"
          + "\n".join(f"- {name}: {text}" for name, text in DESCRIPTIONS.items())
          + "\nReply with the intent name only.")

queries = test.groupby("intent").head(4).reset_index(drop=True)
pool = draw(16, seed=0)
pool_vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(pool["text"])
pool_X = pool_vectoriser.transform(pool["text"])


def nearest_examples(text: str, k: int = 5) -> pd.DataFrame:
    scores = (pool_X @ pool_vectoriser.transform([text]).T).toarray().ravel()
    return pool.iloc[np.argsort(-scores, kind="stable")[:k]]


def parse_intent(answer: str) -> str | None:
    found = [(m.start(), name) for name in INTENTS
             for m in [re.search(name.replace("_", "[_ ]"), answer.casefold())] if m]
    return min(found)[1] if found else None


def with_examples(text: str) -> str:
    shots = nearest_examples(text)
    lines = [f"Message: {t}\nIntent: {i}" for t, i in zip(shots["text"], shots["intent"])]
    return "Examples:\n" + "\n\n".join(lines) + f"\n\nMessage: {text}\nIntent:"


llm.chat("Say hello.", max_tokens=4)  # warm-up, not measured
prompt_rows = []
for style, make in {"zero-shot": lambda t: f"Message: {t}\nIntent:", "5 retrieved examples": with_examples}.items():
    llm.ledger.clear()
    answers = [llm.chat(make(t), system=SYSTEM, max_tokens=12) for t in queries["text"]]
    calls = llm.ledger.table()
    predicted = [parse_intent(a) for a in answers]
    prompt_rows.append({"prompt": style, "accuracy": np.mean([p == y for p, y in zip(predicted, queries["intent"])]),
                        "no intent named": sum(p is None for p in predicted),
                        "prompt tokens per call": calls["prompt_tokens"].mean(),
                        "median latency (s)": calls["latency_s"].median(),
                        "USD per 1,000 at gpt-4o-mini prices": 1000 * np.mean(
                            [llm.ledger.estimate_cost("gpt-4o-mini", p, c)
                             for p, c in zip(calls["prompt_tokens"], calls["completion_tokens"])]),
                        "predicted": pd.Series(predicted).value_counts(dropna=False).to_dict()})
prompt_results = pd.DataFrame(prompt_rows).set_index("prompt")
prompt_results.drop(columns="predicted").round(3)

# %%
print("What the model predicted, by prompt (None: no intent named):")
for style, counts in prompt_results["predicted"].items():
    print(f"  {style}: {counts}")
chance = 1 / len(INTENTS)
print(f"Chance level with five intents: {chance:.0%}. With 20 queries, one query is 5 points of accuracy.")

# %% [markdown]
# Read this with the model's size in mind: SmolLM2-135M is far too small to be a good zero-shot
# classifier, and on 20 queries one answer moves the accuracy by 5 points, so these numbers are rough.
# On the recorded run the zero-shot prompt mostly failed to name any intent (the "no intent named"
# column) and scored below chance; with five retrieved examples in the prompt it named an intent more
# often and did better, but stayed far below the kNN rule that uses the same pool of 16 examples per
# intent without any model. A model this small cannot show what a prompt does on a capable model, so
# take the prompt points as the floor of the prompt approach, not its level. Two things carry over to
# larger models: the prompt is the one approach that needs **no** labelled data, and retrieved examples
# roughly double the length of each request (the token column), a cost paid on every call.
#
# ## All three on one plot

# %%
fig, ax = plt.subplots(figsize=(7.5, 4.4))
for column, colour in zip(curve_summary.columns.levels[0], ["tab:blue", "tab:green"]):
    mean, std = curve_summary[(column, "mean")], curve_summary[(column, "std")]
    ax.errorbar(mean.index, mean, yerr=std, fmt="o-", capsize=3, color=colour, label=column)
ax.plot([0.7], [prompt_results.loc["zero-shot", "accuracy"]], "s", color="tab:red", ms=8,
        label="prompt, zero-shot (SmolLM2-135M, 20 queries)")
ax.plot([16], [prompt_results.loc["5 retrieved examples", "accuracy"]], "D", color="tab:purple", ms=8,
        label="prompt + 5 retrieved examples (pool of 16 per intent)")
ax.axhline(chance, ls=":", color="grey", label="chance (5 intents)")
ax.set_xscale("log", base=2)
ax.set_xticks([0.7, *BUDGETS], ["0", *map(str, BUDGETS)])
ax.set(xlabel="labelled examples per intent (log scale)", ylabel="accuracy on held-out queries", ylim=(0, 1),
       title="Learning curves on five BANKING77 intents")
ax.legend(fontsize=8, loc="center right")
fig.tight_layout()
plt.show()

# %% [markdown]
# The curves answer "when" better than any rule of thumb:
#
# - With one or two examples per intent, neither kNN nor the trained model gets much past 60-70%, and a
#   prompt on a capable model is the sensible start. Labelled data is what the other two need.
# - Retrieval climbs fast: by 16 examples per intent the nearest neighbour alone gets most queries right.
#   Retrieval also needs no training run: a new example helps as soon as it is indexed.
# - The trained model pulls ahead as the data grows and keeps improving after retrieval flattens. That
#   is the regime where finetuning pays: many labelled examples, a narrow task, and a gap to the target
#   that the cheaper options did not close.
#
# Results at LLM scale point the same way for narrow tasks. In LoRA Land, 310 models were finetuned
# with 4-bit LoRA adapters (10 base models on 31 tasks), and the finetuned models beat their base
# models by 34 points and GPT-4 by 10 points on average [@zhao2024loraland]. Those are narrow tasks
# with labelled training sets, the setting in which a learning curve like the one above keeps rising
# with data. They do not tell you that *your* task will gain as much: only your own curve and eval set
# can.
#
# ## Cost per thousand requests
#
# Accuracy is half the decision; the other half is what each approach costs to run. We time the trained
# model and the kNN rule on 1,000 requests on this CPU, and take the prompts' figures from the ledger
# above, priced at GPT-4o mini list prices as if the same prompts went to a hosted model.

# %%
requests = pd.concat([test["text"]] * 5).iloc[:1000]
examples = draw(80, seed=0)
start = time.perf_counter()
vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(examples["text"])
X = vectoriser.transform(examples["text"])
logreg = LogisticRegression(max_iter=1000, C=10).fit(X, examples["intent"])
train_s = time.perf_counter() - start
knn = KNeighborsClassifier(n_neighbors=1, metric="cosine").fit(X, examples["intent"])
timings = {}
for name, model in {"kNN (1 nearest example)": knn, "trained (TF-IDF + logistic regression)": logreg}.items():
    start = time.perf_counter()
    model.predict(vectoriser.transform(requests))
    timings[name] = time.perf_counter() - start

costs = pd.DataFrame([
    {"approach": "prompt, zero-shot", "labelled examples needed": 0,
     "seconds per 1,000 (this CPU)": 1000 * prompt_results.loc["zero-shot", "median latency (s)"],
     "USD per 1,000 (hosted, gpt-4o-mini prices)": prompt_results.loc["zero-shot", "USD per 1,000 at gpt-4o-mini prices"],
     "one-off cost": "writing the prompt"},
    {"approach": "prompt + 5 retrieved examples", "labelled examples needed": 80,
     "seconds per 1,000 (this CPU)": 1000 * prompt_results.loc["5 retrieved examples", "median latency (s)"],
     "USD per 1,000 (hosted, gpt-4o-mini prices)": prompt_results.loc["5 retrieved examples", "USD per 1,000 at gpt-4o-mini prices"],
     "one-off cost": "labelling, an index"},
    *[{"approach": name, "labelled examples needed": len(examples), "seconds per 1,000 (this CPU)": seconds,
       "USD per 1,000 (hosted, gpt-4o-mini prices)": 0.0,
       "one-off cost": f"labelling; training took {train_s:.2f} s" if "trained" in name else "labelling"}
      for name, seconds in timings.items()],
]).set_index("approach")
costs.round(4)

# %% [markdown]
# Two different kinds of cost sit in this table. A prompt costs little up front and something on every
# request, and retrieved examples multiply that per-request cost by the prompt's new length. A trained
# model costs labelling and training up front and almost nothing per request (it runs in milliseconds on
# a CPU). A real LLM finetune sits between the two: training runs on GPUs and you host the model
# yourself (LoRA Land served 25 finetuned adapters on one A100 GPU [@zhao2024loraland]), so its
# per-request cost is your hosting bill divided by your traffic. Timings here depend on this machine and
# on how busy it was when the lesson was recorded.
#
# ## What to take away
#
# - Before any finetune, build the evidence: an eval set, the prompt's accuracy on it, and the same with
#   retrieved examples. If one meets your target within budget, stop there.
# - Draw your own learning curve: accuracy at 8, 16, 32, 64 labelled examples per class. A curve still
#   rising at your data size says more data (and a trained model) will pay; a flat one says it will not.
# - Price both kinds of cost: per-request (tokens times traffic) and one-off (labelling, training,
#   hosting). High traffic on a narrow task favours the trained model; low traffic favours the prompt.
# - Write the decision down with its reason, so it can be revisited when prices, models or data change.
#   The exercise turns this into a function.
