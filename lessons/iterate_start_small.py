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
# A product that promises to answer anything is judged on everything, including the requests it was
# never built for. The gap between "works on the demo" and "works on whatever users type" is large even
# for strong models. BIRD, a text-to-SQL benchmark over 95 real databases from 37 domains, is one
# measurement of it: the best model in its paper, GPT-4, wrote SQL that returned the right result for
# 54.89% of the questions, against 92.96% for people doing the same task [@li2023bird, abstract].
# An assistant that handled any question about any of your databases would start from numbers like
# these.
#
# The alternative is to start narrow: pick a few tasks, do them well, and say plainly "I can't help
# with that" for everything else. Users learn what to trust, and you learn from real traffic before you
# widen the scope. That needs a *scope router*: a cheap check in front of the model that decides whether
# a request belongs to the product at all, tuned so that what it lets through is almost always in scope.
#
# In this lesson you will:
#
# 1. see whether a prompt alone keeps the course's model inside a narrow scope;
# 2. build a router from 100 example requests, with no model, and measure its precision and recall on
#    labelled in-scope and out-of-scope queries from CLINC150;
# 3. choose its threshold on one set of queries for a target precision and check it on another.

# %%
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

queries = shipped.load("iterate_start_small", "clinc150_slice.csv")
SCOPE = ["balance", "transfer", "freeze_account", "pin_change", "report_fraud"]
pd.crosstab(queries["split"], queries["kind"])

# %% [markdown]
# ## The data
#
# CLINC150 has queries for 150 intents in 10 domains and, separately, queries that fit none of them,
# labelled out of scope by the people who built it [@larson2019clinc]. Our product is a bank app
# assistant that does five things: tell you your `balance`, make a `transfer`, `freeze_account`,
# `pin_change` and `report_fraud`. Every other query is out of *our* scope, both CLINC150's own
# out-of-scope ones (`oos`) and the queries for its other 145 intents (`other_intent`), many of which
# are close neighbours: credit card limits, bill payments, lost cards.
#
# The queries come in three splits: `index` holds 20 examples per intent that the router compares
# against, `tune` is where we choose the threshold, and `test` is where we check it.
#
# ## Step 1: can the prompt keep the model in scope?
#
# The cheapest attempt is to tell the model its scope and ask it to decline the rest. We send 12
# queries from the `tune` split, four of each kind, to the embedded model with such an instruction.

# %%
PROMPT = ("You are the assistant in a bank app. You can only help with: account balance, money transfers, "
          "freezing an account, changing a PIN, reporting fraud. If the request is about anything else, "
          "reply exactly: Sorry, I can only help with your bank account.\n\nRequest: {text}")
DECLINES = re.compile(r"sorry|can only help|can't help|cannot help|unable to", re.I)

probe = pd.concat([group.sample(4, random_state=0)
                   for _, group in queries[queries["split"] == "tune"].groupby("kind")])
probe["reply"] = [llm.chat(PROMPT.format(text=t), max_tokens=30) for t in probe["text"]]
probe["declined"] = probe["reply"].map(lambda r: bool(DECLINES.search(r)))
probe[["kind", "text", "reply", "declined"]]

# %%
prompt_only = probe.groupby("kind")["declined"].agg(queries="size", declined="sum")
prompt_only

# %% [markdown]
# Read the replies, not only the counts: a reply counts as declined if it contains *sorry*, *can only
# help*, *can't help*, *cannot help* or *unable to*, a crude match that can also fire on a polite
# answer. On our run the 135M model declined almost everything, the in-scope requests included: the
# instruction made it refuse, not tell in-scope from out-of-scope. A stronger model would follow the
# instruction better, but how much better is not a number you chose, and every query it reads costs a
# call. The decision belongs in code you can measure.
#
# ## Step 2: a scope router without a model
#
# The router scores a query by how closely it resembles the product's own example requests: the
# highest TF-IDF cosine similarity between the query and any of the 100 `index` examples (word unigrams
# and bigrams, English stop words removed, scikit-learn's `TfidfVectorizer` fitted on the examples).
# A query is accepted when its score is at least a threshold; anything else gets the polite refusal.
# We treat "in scope" as the positive class, so:
#
# - **precision** is the share of accepted queries that really are in scope: how far users can trust
#   that an answer is about something the product was built for;
# - **recall** (coverage) is the share of in-scope queries that get accepted.

# %%
index = queries[queries["split"] == "index"]
vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2)).fit(index["text"])
examples = vectorizer.transform(index["text"])
queries["score"] = (vectorizer.transform(queries["text"]) @ examples.T).max(axis=1).toarray().ravel()
queries["in_scope"] = queries["kind"] == "scope"
queries[queries["split"] != "index"].groupby(["split", "kind"])["score"].describe()[["count", "mean", "50%"]]


# %%
def precision_recall(frame: pd.DataFrame, threshold: float) -> tuple[float, float, int]:
    accepted = frame["score"] >= threshold
    hits = int((accepted & frame["in_scope"]).sum())
    precision = hits / accepted.sum() if accepted.any() else float("nan")
    return precision, hits / frame["in_scope"].sum(), int(accepted.sum())


tune = queries[queries["split"] == "tune"]
test = queries[queries["split"] == "test"]
grid = np.round(np.arange(0.0, 1.0001, 0.02), 2)
curve = pd.DataFrame([(t, *precision_recall(tune, t)) for t in grid],
                     columns=["threshold", "precision", "recall", "accepted"])

fig, ax = plt.subplots(figsize=(7, 3.8))
ax.plot(curve["threshold"], curve["precision"], color="#3f51b5", label="precision (accepted that are in scope)")
ax.plot(curve["threshold"], curve["recall"], color="#e67e22", label="recall (in-scope queries accepted)")
ax.axhline(0.9, color="grey", ls="--", lw=1, label="target precision 0.9")
ax.set_xlabel("router threshold on the best TF-IDF similarity")
ax.set_ylabel(f"share, on the {len(tune)} tune queries")
ax.set_ylim(0, 1.03)
ax.legend(fontsize=8, loc="lower left")
ax.set_title("Raising the threshold buys precision with coverage")
plt.tight_layout()
plt.show()

# %% [markdown]
# The two curves pull in opposite directions. At a threshold of zero everything is accepted: recall is
# 1 and precision is the share of in-scope queries in the set, one third here. Raising the threshold
# drops out-of-scope queries faster than in-scope ones, up to a point where almost nothing is left.
#
# ## Step 3: pick the threshold for a target, then check it
#
# Starting small means choosing precision first. Say the product may answer only when at least 90% of
# what it answers is in scope. On the `tune` split we take the lowest threshold that reaches the target,
# which keeps the most coverage; then we measure the same threshold on the `test` split, which played
# no part in the choice. (The exercise asks you to write this search with exact conventions.)

# %%
TARGET = 0.9
candidates = np.sort(tune["score"].unique())
chosen = next(t for t in candidates if precision_recall(tune, t)[0] >= TARGET)
rows = []
for name, frame in (("tune", tune), ("test", test)):
    precision, recall, accepted = precision_recall(frame, chosen)
    rejected = frame[frame["score"] < chosen]
    rows.append({"split": name, "queries": len(frame), "accepted": accepted, "precision": precision,
                 "recall": recall,
                 "out-of-scope accepted": int(((frame["score"] >= chosen) & ~frame["in_scope"]).sum()),
                 "in-scope refused": int(rejected["in_scope"].sum())})
print(f"threshold chosen on tune for precision >= {TARGET}: {chosen:.3f}")
pd.DataFrame(rows).set_index("split")

# %% [markdown]
# Compare the two rows. The test precision is usually off the tune precision, and on our run it came
# out below the target: the threshold was fitted to the tune queries, and with a few dozen accepted
# queries, a handful of mistakes move precision by several points. That is why the choice and the check
# use different queries. If the check misses the target, aim higher on the tune split (say 0.95 for a
# promise of 0.9) or label more queries; do not pick the threshold on the test split, or the check stops
# being one.
#
# The price of precision is the in-scope queries the router refuses. Those are not lost: they are the
# best data you will get about what to build next. Which out-of-scope queries still get through, and
# which in-scope ones are refused?

# %%
accepted_test = test[test["score"] >= chosen]
pd.concat([accepted_test[~accepted_test["in_scope"]].assign(error="accepted, out of scope"),
           test[(test["score"] < chosen) & test["in_scope"]].head(6).assign(error="refused, in scope")])[
    ["error", "intent", "text", "score"]]

# %% [markdown]
# The router is deliberately simple, and its errors are easy to read: it matches words, so an
# out-of-scope query that shares words with an example gets in, and an in-scope one worded unlike any
# example is refused. Better scorers (sentence embeddings, a small classifier trained on the examples)
# move both curves up; the procedure stays the same: a target precision, a threshold chosen on one
# labelled set and checked on another, and the refusals logged.
#
# ## What to take away
#
# - Wide scope is expensive: on BIRD's realistic databases the best model of its paper reached
#   54.89% execution accuracy against 92.96% for people [@li2023bird]. Start with a few tasks you can do
#   well.
# - Do not rely on an instruction in the prompt to keep a model in scope; measure it, and on our small
#   model it did not hold.
# - Put a scope router in front of the model, pick its threshold for a target precision on labelled
#   in-scope and out-of-scope queries, and check it on queries the choice did not see.
# - On Monday: write down the three things your assistant should do, collect 20 real requests for each
#   and 100 it should refuse, and measure the precision of the simplest router you can build.
