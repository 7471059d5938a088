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
# Most companies that use LLMs are not in the LLM business. A bank sells accounts, a shop sells shoes.
# Yet the easiest LLM features to prototype, such as a chatbot over the documentation, a router for
# support tickets, or plain-English questions over the company database, are the same features that
# many vendors are building for everyone at once. A weekend prototype of one of them is
# convincing; a version you can depend on is months of evals, edge cases and maintenance, spent on
# something that does not set your product apart.
#
# This lesson makes the build-or-buy call explicit instead of a matter of taste. You will:
#
# 1. build, in a few lines, the kind of prototype a team is tempted to ship (an intent router on the
#    course's model) and measure how far it is from a quality bar, with an interval;
# 2. put a number on what separates a demo from a dependable component, using a published benchmark;
# 3. score three candidate features on four criteria (cost, differentiation, data sensitivity and
#    time to value) and see which ones are worth building.

# %% [markdown]
# ## Step 1: the weekend prototype
#
# The feature: route each customer message of a bank app to one of three queues. The data: 15 real
# customer messages from BANKING77 [@casanueva2020banking77], five for each of three intents. The build:
# one prompt that lists the queues by number and asks for the number only, on the course's embedded
# model. This is what a first prototype typically looks like.

# %%
import math
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

cases = shipped.load("iterate_buy_dont_build", "banking77_slice.toml")["eval"]
QUEUES = {"1": "card_arrival", "2": "exchange_rate", "3": "pin_blocked"}
PROMPT = ("Route this bank customer message to a queue.\n"
          "1 = a card the customer ordered has not arrived\n"
          "2 = questions about exchange rates\n"
          "3 = a blocked or locked PIN\n"
          "Message: {text}\nReply with the queue number only (1, 2 or 3).")

rows = []
for case in cases:
    answer = llm.chat(PROMPT.format(text=case["text"]), max_tokens=4)
    digit = re.search(r"[123]", answer)
    routed = QUEUES[digit.group(0)] if digit else "none"
    rows.append({"message": case["text"], "intent": case["intent"], "answer": answer.strip(), "routed": routed,
                 "correct": routed == case["intent"]})
runs = pd.DataFrame(rows)
runs

# %% [markdown]
# One answer per message, at temperature 0. A single correct-looking answer in a demo says nothing;
# the share of correct answers over the whole set does, with an interval that shows how little 15
# messages can tell. We use the Wilson score interval at 95%.

# %%
def wilson(correct: int, n: int, z: float = 1.96) -> tuple[float, float]:
    p = correct / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


correct, n = int(runs["correct"].sum()), len(runs)
low, high = wilson(correct, n)
by_queue = runs.groupby("intent").agg(messages=("correct", "size"), correct=("correct", "sum"))
by_queue["routed_to"] = runs.groupby("intent")["routed"].agg(lambda s: s.value_counts().to_dict())
print(f"accuracy {correct}/{n} = {correct / n:.0%}, 95% interval {low:.0%} to {high:.0%}; "
      f"guessing one of three queues scores 33% on average")
print("the model answered with each queue:", runs["routed"].value_counts().to_dict())
by_queue

# %% [markdown]
# Read the routed counts before the accuracy: a weak model often sends most messages to one queue, and
# then its accuracy says more about the mix of the test set than about the model. Whatever your run
# shows, compare the upper end of the interval with the bar a support team would set, say 90% of
# messages in the right queue: if even the upper end is far below it, the prototype is not one prompt
# tweak away from production. It needs a better model, labelled data, evals for the long tail of 77
# intents rather than 3, monitoring, and someone on call. That is the hidden part of "build".
#
# The 135M model is far weaker than what a team would prototype with, so its number is not a fair
# estimate of what *your* prototype would score. The gap between a demo and a dependable component is
# not a small-model artefact, though.
#
# ## Step 2: the gap with a strong model
#
# Plain-English questions over a company's database (text-to-SQL) are a favourite first LLM feature.
# The BIRD benchmark measured it on 95 real databases with messy values, 12,751 question and SQL pairs
# across 37 domains. The best model in the paper, GPT-4, returned the right result for 54.89% of the
# questions; people scored 92.96% [@li2023bird]. A demo picks the questions that work; a product gets
# all of them. Closing a gap of that size is a research programme, and many vendors and open-source
# projects work on it for everyone. Unless answering questions over databases *is* your product, you will most likely
# get there sooner by buying it.

# %%
gap = pd.DataFrame({"execution accuracy (%)": [54.89, 92.96]}, index=["GPT-4 (best model in the paper)", "people"])
prototype = pd.DataFrame({"share correct (%)": [100 * correct / n], "95% low": [100 * low], "95% high": [100 * high]},
                         index=["our router, course model, 15 messages"])
display(gap)
display(prototype.round(1))

# %% [markdown]
# ## Step 3: a build-or-buy score
#
# A decision you make for every feature deserves a written rule, so that it is the same rule each time
# and you can argue with its inputs rather than with each other. This one has four criteria. Each casts a
# vote between -1 (buy) and +1 (build):
#
# - **cost**: `(buy_cost - build_cost) / max(buy_cost, build_cost)` over the same horizon. Build cost
#   includes the people who maintain the thing, not only the first version.
# - **time to value**: the same ratio on weeks until users benefit.
# - **differentiation** (0 to 5): does this capability set your product apart? `(rating - 2.5) / 2.5`.
# - **data sensitivity** (0 to 5): how sensitive is the data that would leave your systems?
#   `(rating - 2.5) / 2.5`; sensitive data argues for building or hosting it yourself.
#
# The score is the weighted mean of the votes, with differentiation counting twice; above 0 means build.
# The three features below belong to an invented bank app, and every number in the table is an
# assumption for the example, not a quote: change them and rerun.

# %%
WEIGHTS = {"cost": 1.0, "time_to_value": 1.0, "differentiation": 2.0, "data_sensitivity": 1.0}
features = pd.DataFrame([
    {"feature": "support-ticket router", "differentiation": 1, "data_sensitivity": 4,
     "build_cost": 120_000, "buy_cost": 40_000, "build_weeks": 16, "buy_weeks": 3},
    {"feature": "text-to-SQL for analysts", "differentiation": 1, "data_sensitivity": 3,
     "build_cost": 250_000, "buy_cost": 60_000, "build_weeks": 30, "buy_weeks": 4},
    {"feature": "fraud-case explainer on in-house signals", "differentiation": 5, "data_sensitivity": 5,
     "build_cost": 180_000, "buy_cost": 150_000, "build_weeks": 20, "buy_weeks": 12},
]).set_index("feature")


def ratio(buy: float, build: float) -> float:
    return 0.0 if max(buy, build) == 0 else (buy - build) / max(buy, build)


votes = pd.DataFrame({
    "cost": [ratio(r.buy_cost, r.build_cost) for r in features.itertuples()],
    "time_to_value": [ratio(r.buy_weeks, r.build_weeks) for r in features.itertuples()],
    "differentiation": (features["differentiation"] - 2.5) / 2.5,
    "data_sensitivity": (features["data_sensitivity"] - 2.5) / 2.5,
}, index=features.index)
weights = pd.Series(WEIGHTS)
votes["score"] = (votes[list(WEIGHTS)] * weights).sum(axis=1) / weights.sum()
votes["decision"] = np.where(votes["score"] > 0, "build", "buy")
votes.round(2)

# %%
fig, ax = plt.subplots(figsize=(9.5, 3.6))
contrib = votes[list(WEIGHTS)] * weights / weights.sum()
colours = {"cost": "#8e44ad", "time_to_value": "#16a085", "differentiation": "#3f51b5", "data_sensitivity": "#c0392b"}
for i, feature in enumerate(contrib.index):
    pos, neg = 0.0, 0.0
    for name in WEIGHTS:
        value = contrib.loc[feature, name]
        ax.barh(i, value, left=pos if value >= 0 else neg, color=colours[name], label=name if i == 0 else None)
        if value >= 0:
            pos += value
        else:
            neg += value
    ax.plot(votes.loc[feature, "score"], i, "kD")
ax.axvline(0, color="black", lw=0.8)
ax.set_yticks(range(len(contrib)), contrib.index)
ax.invert_yaxis()
ax.set_xlabel("weighted vote (left: buy, right: build); black diamond: score")
ax.set_title("What pushes each feature towards build or buy (invented inputs)")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# The router and the text-to-SQL tool are commodity capabilities: they do not set a bank apart, they
# cost more and take longer to build than to buy, and only data sensitivity argues for building. The
# fraud-case explainer is different: it runs on the bank's own signals, it is part of what customers
# and regulators judge the bank on, and no vendor has those signals. That is where the engineering time
# should go.
#
# The score is not an oracle. Its value is that it makes the team write down the four inputs and argue
# about them. A high data-sensitivity rating, for example, often does not mean "build": it can mean
# "buy a vendor that offers the deployment and contract you need", which a score cannot see.
#
# ## What to take away
#
# - Before building an LLM feature, ask whether it is a general problem many vendors are solving. If
#   it is, and it does not set your product apart, buy it and spend the team on what does.
# - Measure the prototype over a test set, with an interval, against the bar production needs. A demo
#   that works on the examples you picked is not evidence.
# - Expect the last stretch to dominate: on BIRD even GPT-4 was 38 points below people.
# - Write the build-or-buy rule down (inputs, weights, threshold) and revisit it when prices, vendors
#   or your product change. The report (https://applied-llms.org/) makes the case in its section on
#   not building what you can buy.
