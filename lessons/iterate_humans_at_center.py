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
# The report's position on autonomy is blunt: today's LLM applications break in ways that are hard to
# foresee, yet within a narrow scope they are very useful, so the best use of them is to speed up the
# work of people rather than to take the job over. The model is a resource inside a person's workflow;
# the person stays in charge
# ([Yan et al., 2024](https://applied-llms.org/#ai-in-the-loop-humans-at-the-center)).
#
# The best-known evidence for assistance comes from code. In a controlled experiment by Peng et al.,
# developers asked to write an HTTP server in JavaScript finished the task 55.8% faster when they had
# GitHub Copilot than a control group without it [@peng2023copilotproductivity]. That is one task, in
# one language, measured in a lab; it says that assistance *can* pay, not how much it pays in your job.
#
# For an engineer, "humans at the center" becomes a design question with numbers attached: **which
# items does the machine finish alone, and which go to a person?** The usual answer is a confidence
# threshold. Above it the system acts; below it a person decides, with the machine's suggestion in
# front of them. This lesson measures what that threshold trades: errors that reach users against hours
# of human work.
#
# ## A classifier with a confidence
#
# The task: route customer messages to a bank into ten intents about cards (a card that has not arrived,
# a declined payment, a card swallowed by an ATM, ...). The messages are a slice of BANKING77, a public
# set of real-world-style banking queries [@casanueva2020banking77]: 15 training messages per intent and
# all 40 test messages per intent, 400 in all. The intents overlap on purpose: "my card has not come" and
# "when will my card arrive" are different intents.
#
# The classifier is deliberately simple and runs in a second: word and word-pair counts (TF-IDF) fed to
# a logistic regression. Its *confidence* for a message is the probability it gives its top intent.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

train = shipped.load("iterate_humans_at_center", "train.csv")
test = shipped.load("iterate_humans_at_center", "test.csv")
clf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                    LogisticRegression(C=20, max_iter=2000))
clf.fit(train["text"], train["category"])

probs = clf.predict_proba(test["text"])
test["predicted"] = clf.classes_[probs.argmax(axis=1)]
test["confidence"] = probs.max(axis=1)
test["correct"] = test["predicted"] == test["category"]
print(f"{len(train)} training messages, {len(test)} test messages, {train['category'].nunique()} intents; "
      f"accuracy on the test messages: {test['correct'].mean():.1%}")
test.sample(6, random_state=0)[["text", "category", "predicted", "confidence", "correct"]]

# %% [markdown]
# Automating every message means shipping every mistake: one message in six or so goes to the wrong team.
# Before choosing a threshold, check that the confidence means something: are confident answers right
# more often? Bin the messages by confidence and compare.

# %%
bins = pd.cut(test["confidence"], [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0], include_lowest=True)
by_bin = test.groupby(bins, observed=True)["correct"].agg(messages="size", accuracy="mean")
display(by_bin.round(3))

# %% [markdown]
# Accuracy rises with confidence: most low-confidence answers are coin flips or worse, while answers
# above 0.6 are nearly always right. The probabilities are not *calibrated* (a message at 0.45 is right
# far more often than 45% of the time, because the model spreads probability over ten similar intents),
# but they *rank* messages well, and ranking is all a threshold needs.
#
# ## The dial: errors against workload
#
# For a threshold `t`, the system answers every message with confidence `>= t` and sends the rest to a
# person. Two numbers describe the result, both as shares of **all** messages:
#
# - **workload**: the share routed to a person;
# - **error rate**: the share answered automatically *and* wrongly, the mistakes users see.
#
# We assume the person gets routed messages right. That is optimistic, and it is the assumption to
# revisit first in a real system (measure your reviewers as you would a model).

# %%
def sweep(confidence: np.ndarray, correct: np.ndarray, thresholds) -> pd.DataFrame:
    rows = []
    for t in thresholds:
        auto = confidence >= t
        rows.append({"threshold": t, "workload": 1 - auto.mean(), "error rate": (auto & ~correct).mean(),
                     "accuracy of automated answers": correct[auto].mean() if auto.any() else float("nan")})
    return pd.DataFrame(rows)


conf, ok = test["confidence"].to_numpy(), test["correct"].to_numpy()
curve = sweep(conf, ok, np.r_[0.0, np.unique(conf), 1.01])
display(sweep(conf, ok, [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9]).round(3))

rng = np.random.default_rng(0)
shuffled = sweep(conf, rng.permutation(ok), np.r_[0.0, np.unique(conf), 1.01])
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(curve["workload"] * 100, curve["error rate"] * 100, label="route by the classifier's confidence")
ax.plot(shuffled["workload"] * 100, shuffled["error rate"] * 100, ls="--", color="grey",
        label="route at random (confidence shuffled)")
for t in (0.4, 0.5, 0.6):
    row = sweep(conf, ok, [t]).iloc[0]
    ax.plot(row["workload"] * 100, row["error rate"] * 100, "o", color="black")
    ax.annotate(f"t = {t}", (row["workload"] * 100, row["error rate"] * 100), xytext=(6, 4),
                textcoords="offset points", fontsize=8)
ax.set(xlabel="workload: messages sent to a person (%)", ylabel="errors users see (% of all messages)",
       title="What a confidence threshold trades (400 BANKING77 messages)")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# Read the curve from the left. At zero workload every error ships. The first messages routed to a
# person are the least confident ones, which are also the ones most often wrong, so the error rate falls
# steeply at first: in this run, sending the least confident third or so to a person removes most of the
# errors, and the last few errors are expensive, because they hide among confident answers. The grey
# line is the same workload spent on randomly chosen messages: it removes errors only in proportion to
# the work. The gap between the two lines is what the confidence signal is worth.
#
# One caution before you pick a point on this curve: a threshold chosen on the same messages you report
# it on looks better than it will be on new traffic. Choose it on one half and check it on the other.

# %%
half = np.arange(len(test)) % 2 == 0
choose, hold = test[half], test[~half]
target = 0.02  # at most 2% of all messages may be answered wrongly
pick = sweep(choose["confidence"].to_numpy(), choose["correct"].to_numpy(),
             np.r_[np.unique(choose["confidence"]), 1.01])
chosen_t = pick.loc[pick["error rate"] <= target, "threshold"].min()
split = pd.concat({"chosen on (even rows)": sweep(choose["confidence"].to_numpy(), choose["correct"].to_numpy(), [chosen_t]),
                   "checked on (odd rows)": sweep(hold["confidence"].to_numpy(), hold["correct"].to_numpy(), [chosen_t])})
display(split.round(3))

# %% [markdown]
# The lowest threshold that keeps the error rate at or under 2% on one half is then applied to the
# other half. Expect the held-out error rate to come out a little different, sometimes above the
# target: with 200 messages a half, one more mistake moves the rate by half a point. In production you
# would set the target with a margin and keep measuring, because the traffic mix drifts.
#
# ## The course's model as the confidence source
#
# Could the LLM itself provide the confidence? We ask the course's model a yes/no question about 16
# messages (8 about a card that has not arrived, 8 about other card problems) and read its probability
# for *yes* and *no* from the first token's log-probabilities, the same way as in the lesson on
# abstention. Its confidence is the share of the larger of the two.

# %%
client = llm.client()
rows = pd.concat([test[test["category"] == "card_arrival"].head(8),
                  test[test["category"].isin(["card_not_working", "declined_card_payment", "card_swallowed",
                                              "compromised_card"])].groupby("category").head(2)])


def yes_no(message: str) -> tuple[float, float]:
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=1, temperature=0, seed=0, logprobs=True, top_logprobs=10,
        messages=[{"role": "user", "content": "A bank customer wrote: " + message + "\nIs the customer "
                   "saying that a card they ordered has not arrived yet? Answer with one word: yes or no."}])
    choice = response.choices[0]
    top = choice.logprobs.content[0].top_logprobs if choice.logprobs and choice.logprobs.content else []
    p_yes = sum(math.exp(t.logprob) for t in top if t.token.strip().lower() == "yes")
    p_no = sum(math.exp(t.logprob) for t in top if t.token.strip().lower() == "no")
    return p_yes, p_no


asked = []
for r in rows.itertuples():
    p_yes, p_no = yes_no(r.text)
    said = "yes" if p_yes > p_no else "no"
    truth = "yes" if r.category == "card_arrival" else "no"
    asked.append({"text": r.text, "truth": truth, "said": said,
                  "confidence": max(p_yes, p_no) / (p_yes + p_no) if p_yes + p_no else 0.5,
                  "correct": said == truth})
asked = pd.DataFrame(asked)
display(asked.round(3))
summary = asked.groupby("correct")["confidence"].agg(answers="size", mean_confidence="mean")
display(summary.round(3))
print(f"The model answered {asked['correct'].mean():.0%} of the 16 questions correctly; it said yes to "
      f"{(asked['said'] == 'yes').mean():.0%} of them (half of the true answers are yes).")

# %% [markdown]
# Read this as a test of the signal, not of routing: 16 questions are too few to draw a curve. What
# matters is the last table. In the recorded run the model was right on about half of the questions,
# no better than a coin, and its confidence stayed between 0.5 and about 0.66 whether it was right or
# wrong: the two mean confidences differ by a fraction of a point. A threshold on that confidence would
# route at random, like the grey line above, and buy no safety for the work it creates. This is the
# 135-million-parameter model being too weak for the task, not a law about LLMs; do not read its rates
# as typical. Read the method: **before you route on a confidence, check on labelled data that it
# separates right answers from wrong ones.** The small classifier above passes that check on this task;
# a bigger LLM may too, and you find out the same way.
#
# ## What the workload costs
#
# The workload share turns into hours once you know the volume and the time per item. Suppose 1,000
# messages a day and 2 minutes of a person's time for each routed message (both made up for the
# illustration; measure yours).

# %%
VOLUME, MINUTES = 1000, 2.0
costs = sweep(conf, ok, [0.0, 0.4, 0.5, 0.6, 1.01])
costs["policy"] = ["automate everything", "t = 0.4", "t = 0.5", "t = 0.6", "a person reads everything"]
costs["wrong answers a day"] = costs["error rate"] * VOLUME
costs["person-hours a day"] = costs["workload"] * VOLUME * MINUTES / 60
display(costs.set_index("policy")[["workload", "error rate", "wrong answers a day", "person-hours a day"]].round(2))

# %% [markdown]
# Between the two extremes (a day of mistakes or about 33 person-hours of reading) sits a range of
# policies that keep most of the accuracy for a fraction of the hours. Where to sit on it is a product
# decision: what a wrong answer costs you, and what an hour of a person costs. The person's minutes are
# also something the machine can shrink. A routed message does not have to arrive blank: show the top
# suggestions and let the person confirm or correct. Copilot's result above is that kind of gain, from a
# very different task; measure the time per routed item with and without suggestions before you count
# on it.
#
# ## What to take away
#
# - "Humans at the center" is a routing policy: the system acts alone only where its confidence is
#   high, and a person decides the rest with the suggestion in front of them.
# - A confidence threshold trades errors users see against human workload. Draw that curve on labelled
#   data and choose a point on it deliberately; compare it with random routing to see what your signal
#   is worth.
# - Count errors as a share of all items, not of the automated ones, and choose the threshold on data
#   you do not report it on.
# - Check that the confidence separates right answers from wrong ones before routing on it; a weak
#   model's confidence may not.
# - Turn the workload into person-hours and wrong answers a day: that is the number a product owner can
#   decide on.
