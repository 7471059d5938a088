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
# A prompt is tuned against one model: its chat template, its quirks, the examples it happens to copy
# well. Move the same prompt to another model, or to a new version of the same one, and some answers that
# used to be right come out wrong while others improve. The report's authors put it bluntly: plan for
# migration work, and have automated evals so you can see what changed ([Yan et al.,
# 2024](https://applied-llms.org/#migrating-prompts-across-models-is-a-pain-in-the-ass)). Their example:
# when Voiceflow upgraded a customer's intent classifier to gpt-3.5-turbo-1106, its benchmark accuracy
# fell by roughly 10% against the older 0301 snapshot, so they reverted and reworked the prompt
# [@voiceflow2024versions]. That is a company blog post about one customer's task: an anecdote with a
# number in it, not a study.
#
# "Accuracy went from X to Y" hides what matters for a migration: *which* items changed. This lesson runs
# both configurations on the same items, and then:
#
# 1. lists the per-item differences: regressions (right before, wrong after) and fixes;
# 2. asks whether the difference is more than noise with McNemar's exact test, which uses only the
#    items on which the two configurations disagree;
# 3. simulates how many items you need before a real 10-point drop shows up reliably.
#
# **What stands in for the second model.** The course ships one model, SmolLM2-135M, so we cannot
# swap models. We swap the thing that changes most between model families instead, the *prompt format*.
# The "old" configuration sends the prompt through the chat endpoint, which wraps it in the model's own
# chat template; the "new" one sends the same instructions and the same examples as plain text to the
# completion endpoint, the way you would prompt a base model or a provider with another template. Same
# weights, same words, different format: a stand-in for a model change, not a model change.

# %%
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.stats import binomtest

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

items = shipped.load("models_migrating_prompts", "messages.csv")
INTENTS = ["lost_or_stolen_card", "exchange_rate", "terminate_account", "change_pin"]
print(f"{len(items)} messages from the BANKING77 test split, {items['intent'].value_counts().to_dict()}")
items.head(6)

# %% [markdown]
# ## The data and the two configurations
#
# Twenty customer messages from BANKING77, a public intent-detection data set of online-banking queries
# [@casanueva2020banking77], five for each of four intents. Both configurations get the same instruction
# and the same four worked examples (written for this lesson, one per intent); only the wrapping differs.
# The reply's first line is read as the label: the first intent name found in it, with underscores or
# spaces, or `none`.

# %%
INSTRUCTIONS = ("Classify the bank customer's message into exactly one of these intents: "
                + ", ".join(INTENTS) + ". Reply with the intent name only.")
EXAMPLES = [("I can't find my card anywhere.", "lost_or_stolen_card"),
            ("What rate do you use to convert euros?", "exchange_rate"),
            ("I want to close my account for good.", "terminate_account"),
            ("Can I pick a different PIN?", "change_pin")]

client = llm.client()


def old_config(text: str) -> str:
    """Chat endpoint: instructions as the system message, examples as earlier turns of the chat."""
    messages = [{"role": "system", "content": INSTRUCTIONS}]
    for message, intent in EXAMPLES:
        messages += [{"role": "user", "content": message}, {"role": "assistant", "content": intent}]
    messages.append({"role": "user", "content": text})
    response = client.chat.completions.create(model=llm.model_name(), messages=messages, max_tokens=8,
                                              temperature=0, seed=0)
    return response.choices[0].message.content or ""


def new_config(text: str) -> str:
    """Completion endpoint: the same words as one plain-text prompt, no chat template."""
    shots = "".join(f"Message: {message}\nIntent: {intent}\n\n" for message, intent in EXAMPLES)
    prompt = f"{INSTRUCTIONS}\n\n{shots}Message: {text}\nIntent:"
    response = client.completions.create(model=llm.model_name(), prompt=prompt, max_tokens=8, temperature=0,
                                         seed=0, stop=["\n"])
    return response.choices[0].text or ""


def label(reply: str) -> str:
    first_line = (reply.strip().splitlines() or [""])[0].lower().replace(" ", "_")
    found = [(first_line.find(intent), intent) for intent in INTENTS if intent in first_line]
    return min(found)[1] if found else "none"


rows = []
for item in items.itertuples():
    old_reply, new_reply = old_config(item.text), new_config(item.text)
    rows.append({"id": item.id, "intent": item.intent, "old": label(old_reply), "new": label(new_reply),
                 "old_reply": old_reply.strip(), "new_reply": new_reply.strip()})
runs = pd.DataFrame(rows).set_index("id")
runs["old_right"] = runs["old"] == runs["intent"]
runs["new_right"] = runs["new"] == runs["intent"]
print(f"accuracy: old {runs['old_right'].mean():.0%}, new {runs['new_right'].mean():.0%} "
      f"on the same {len(runs)} messages")
runs[["intent", "old", "new", "old_reply", "new_reply"]].head(8)

# %% [markdown]
# ## Step 1: the per-item diff
#
# Two accuracies can be equal while half the items changed. Cross the two columns of right and wrong and
# you get four cells. The diagonal cells are items both configurations got right, or both got wrong: they
# say nothing about which one is better. The off-diagonal cells are the story of the migration:
# **regressions** (right before, wrong after) and **fixes** (wrong before, right after).

# %%
table = pd.crosstab(runs["old_right"].map({True: "old right", False: "old wrong"}),
                    runs["new_right"].map({True: "new right", False: "new wrong"}))
table = table.reindex(index=["old right", "old wrong"], columns=["new right", "new wrong"], fill_value=0)
regressions = runs.index[runs["old_right"] & ~runs["new_right"]].tolist()
fixes = runs.index[~runs["old_right"] & runs["new_right"]].tolist()
print(f"regressions: {len(regressions)} {regressions}\nfixes: {len(fixes)} {fixes}")
table

# %%
fig, ax = plt.subplots(figsize=(9, 2.6))
status = np.select([runs["old_right"] & runs["new_right"], runs["old_right"] & ~runs["new_right"],
                    ~runs["old_right"] & runs["new_right"]], [0, 1, 2], default=3)
colours = np.array(["#7f8c8d", "#c0392b", "#27ae60", "#ecf0f1"])
for row, right in enumerate(["old_right", "new_right"]):
    ax.scatter(range(len(runs)), [row] * len(runs), s=260, marker="s",
               c=np.where(runs[right], "#3f51b5", "#ecf0f1"), edgecolors="#555")
for x, code in enumerate(status):
    if code in (1, 2):
        ax.annotate("", xy=(x, 0.8), xytext=(x, 0.2),
                    arrowprops={"arrowstyle": "->", "color": colours[code], "lw": 2})
ax.set_yticks([0, 1], ["old (chat)", "new (plain)"])
ax.set_xticks(range(len(runs)), runs.index, rotation=90, fontsize=7)
ax.set_ylim(-0.6, 1.6)
ax.set_title("Each message under both configurations: blue = right; red arrow = regression, green = fix")
plt.tight_layout()
plt.show()

# %% [markdown]
# The regression list is the first thing to read after a migration: each id is a concrete message to look
# at, and together they often share a pattern (one intent, one phrasing) that a prompt change can target.
# Read the replies of the regressions:

# %%
runs.loc[regressions, ["intent", "old_reply", "new_reply"]]

# %% [markdown]
# On our recording the regressions do share a pattern: the plain-text configuration mostly answers with
# one label whatever the message, and that label is the one of the last worked example. Few-shot prompts
# are known to pull answers toward the labels that appear near the end of the prompt [@zhao2021calibrate],
# and the chat-formatted version showed less of that pull here. Count the new configuration's answers to
# see it on your run:

# %%
pd.DataFrame({"old": runs["old"].value_counts(), "new": runs["new"].value_counts()}).fillna(0).astype(int)

# %% [markdown]
# ## Step 2: is the difference real?
#
# With per-item pairs, the right test looks only at the disagreements. Call `b` the number of regressions
# and `c` the number of fixes. If the two configurations were equally good, each disagreement would be a
# coin flip between "old wins" and "new wins", so `b` would follow a binomial distribution with `n = b +
# c` trials and probability 1/2. McNemar's test asks how surprising the observed split is under that coin
# [@mcnemar1947]; the exact version computes the binomial tail instead of the large-sample chi-squared
# approximation, which matters when `n` is small, as it is here. In Dietterich's comparison of five tests
# for telling two classifiers apart, McNemar's test rarely reported a difference that was not there, and
# for a system you can run only once on your test set it was the only one of the five that he found
# acceptable [@dietterich1998tests]. The agreements (both right, both wrong) do not enter at all: they are
# the same under both hypotheses.
#
# Here `scipy.stats.binomtest` does the arithmetic; the exercise has you write it.

# %%
b, c = len(regressions), len(fixes)
p_value = binomtest(b, b + c, 0.5).pvalue if b + c else 1.0
print(f"b = {b} regressions, c = {c} fixes, n = {b + c} disagreements: two-sided exact p = {p_value:.3f}")

# %% [markdown]
# Read the p-value as "how often would a split at least this lopsided happen by chance if the two
# configurations were equally good". A small test set makes that bar high: with five disagreements, even
# a split of 5 to 0 gives a p-value of 2/32, about 0.06. On our recording the change of format is a
# large one, tens of points of accuracy, with the disagreements going almost all one way, so even 20
# items show it. A drop of the size Voiceflow reported, with some fixes mixed in among the regressions,
# is far harder to see. How many items would it need?
#
# ## Step 3: how many items does a 10-point drop need?
#
# A simulation with stated assumptions, no model calls. Suppose the old configuration is right on 80% of
# items and the new one on 70%, the size of the drop Voiceflow reported. Suppose the changes are mixed, as
# in a real migration: 15% of items regress and 5% are fixed (net: 10 points). For each test set size we
# draw 2,000 evaluations and count how often McNemar's exact test gives p < 0.05, the test's *power*.

# %%
rng = np.random.default_rng(0)
P_REGRESS, P_FIX = 0.15, 0.05
sizes = [20, 50, 100, 200, 400]
power = []
for n_items in sizes:
    draws = rng.multinomial(n_items, [P_REGRESS, P_FIX, 1 - P_REGRESS - P_FIX], size=2000)
    pvals = [binomtest(int(b_), int(b_ + c_), 0.5).pvalue if b_ + c_ else 1.0 for b_, c_, _ in draws]
    power.append({"items": n_items, "mean disagreements": float((draws[:, 0] + draws[:, 1]).mean()),
                  "power (p < 0.05)": float(np.mean(np.array(pvals) < 0.05))})
power = pd.DataFrame(power).set_index("items")
power.round(2)

# %%
fig, ax = plt.subplots(figsize=(6, 3.4))
ax.plot(power.index, power["power (p < 0.05)"], "o-", color="#3f51b5")
ax.axhline(0.8, ls="--", color="grey", label="80% power, a common target")
ax.axvline(len(runs), ls=":", color="#c0392b", label=f"this lesson's {len(runs)} items")
ax.set_xscale("log")
ax.set_xticks(sizes, [str(s) for s in sizes])
ax.set_xlabel("items in the paired evaluation")
ax.set_ylabel("chance of p < 0.05")
ax.set_ylim(0, 1.02)
ax.set_title("A real 10-point drop (15% regress, 5% fixed): how often McNemar sees it")
ax.legend(fontsize=8, loc="lower right")
plt.tight_layout()
plt.show()

# %% [markdown]
# Read the table with the plot. Under these assumptions a test set of 20 items almost never catches the
# drop, 100 items catch it about half the time, and it takes about 200 to reach the 80% that study
# designs usually aim for (your run prints the exact shares). If the migration churns more
# (more regressions *and* more fixes for the same net drop), you need more items still, because the coin
# has more flips to hide behind. Change `P_REGRESS` and `P_FIX` to your own guesses and rerun the cell.
#
# Two more cautions. The test compares two fixed configurations on these items; at temperature 0 the
# course's server is close to repeatable, but a hosted model sampled at a higher temperature adds its own
# run-to-run flips, so run each configuration more than once before you call a flip a regression. And a
# p-value above 0.05 is not evidence that nothing changed: read the regression list either way.
#
# ## What to take away
#
# - Before a model or format change, freeze a labelled set and run both configurations on the same
#   items. Store per-item outcomes, not only the accuracy.
# - Read the regression list first: it is the to-do list of the migration, and it is what your
#   users will notice.
# - Test the difference with a paired test on the disagreements (McNemar, exact when they are few),
#   and size the test set so that a drop you care about would be caught: for a 10-point drop, think
#   in hundreds of items, not tens.
