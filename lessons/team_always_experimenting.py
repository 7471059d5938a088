# %% [markdown]
# The report's advice for teams is to make experimenting routine: with an eval set in place, trying a
# new prompt, a new model or a new retrieval step costs an afternoon, so try many things and keep what
# the evals say works ([Yan et al., 2024](https://applied-llms.org/#always-be-experimenting)).
#
# The word that matters is *says*. Most ideas do not work. At Microsoft, of the well-run experiments
# designed to improve a key metric, only about a third did [@kohavi2009microsoft]. In domains that are
# already well optimised, such as search at Bing and Google, Kohavi, Tang and Xu put the success rate
# of some measures at about 10 to 20%, citing Manzi [@kohavi2020trustworthy, Chapter 1]. Those are
# online experiments on web products, not prompt changes, but the lesson carries over: if most changes
# do nothing, a comparison that cannot tell "nothing" from "a little better" will mostly ship noise.
#
# This lesson runs one prompt A/B on the course's model and asks two questions of it:
#
# 1. **Is B better, or did we get lucky on these items?** A paired bootstrap interval answers that.
# 2. **How many items would it take to see a difference of a given size?** A simulation answers that,
#    under assumptions we state.
#
# ## The experiment
#
# The task: sort bank customers' messages into three intents, using 24 messages from the BANKING77 test
# set [@casanueva2020banking77] (8 each for a card that has not arrived, exchange rates, and a lost or
# stolen card). Prompt A gives the instruction only. Prompt B gives the same instruction and then three
# worked examples as earlier turns of the conversation, one per intent, none of them from the 24.
# Both prompts see the **same** 24 messages: that is what makes the comparison *paired*.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

# %%
items = shipped.load("team_always_experimenting", "banking77_slice.csv")
INSTRUCTION = ("Which category fits this bank customer's message: delivery (a new card has not arrived), "
               "exchange (exchange rates) or lost (a card was lost or stolen)? Answer with the category only."
               "\nMessage: ")
EXAMPLES = [("Where is the card you sent me? It has been two weeks.", "delivery"),
            ("What rate do you use to convert pounds to euros?", "exchange"),
            ("My card was taken from my bag on the train.", "lost")]
LABELS = ("delivery", "exchange", "lost")


def prompt_a(message: str) -> list[dict]:
    return [{"role": "user", "content": INSTRUCTION + message}]


def prompt_b(message: str) -> list[dict]:
    turns = []
    for example, label in EXAMPLES:
        turns += [{"role": "user", "content": INSTRUCTION + example}, {"role": "assistant", "content": label}]
    return turns + [{"role": "user", "content": INSTRUCTION + message}]


def first_label(reply: str) -> str | None:
    """The first of the three label words in the reply, or None."""
    found = re.search(r"delivery|exchange|lost", reply.lower())
    return found.group(0) if found else None


for name, build in (("A", prompt_a), ("B", prompt_b)):
    replies = [llm.chat(build(text), max_tokens=12) for text in items["text"]]
    items[f"reply {name}"] = [r.strip() for r in replies]
    items[name] = [int(first_label(r) == gold) for r, gold in zip(replies, items["label"])]
items[["text", "label", "reply A", "reply B", "A", "B"]].head(8)

# %%
both = pd.crosstab(items["A"].map({1: "A right", 0: "A wrong"}), items["B"].map({1: "B right", 0: "B wrong"}))
print(f"accuracy: A {items['A'].mean():.0%}, B {items['B'].mean():.0%}, "
      f"difference B - A = {items['B'].mean() - items['A'].mean():+.0%} on {len(items)} items")
both

# %% [markdown]
# Compare the two reply columns before the numbers. Worked examples usually change the format first
# (B's replies tend to be a bare label, A's a sentence around one), and a tidier answer is not
# necessarily a right one: the score only counts the first label word, wherever it sits.
#
# The 2 x 2 table is the heart of a paired comparison. Items both prompts get right, or both get wrong,
# say nothing about which prompt is better; only the off-diagonal items, where the prompts disagree,
# carry information. A lead of a few items is only as convincing as the number of disagreements
# behind it.
#
# ## Is B better? A paired bootstrap
#
# The bootstrap asks: if we had drawn another 24 items like these, how different could the result
# have been? It resamples the items with replacement many times, recomputes the mean difference each
# time, and reads an interval off the spread. Resampling whole *items*, each with its pair of scores,
# keeps the pairing. For contrast, we also resample A's and B's scores separately, as if each prompt
# had been run on its own random items.

# %%
rng = np.random.default_rng(0)
a, b = items["A"].to_numpy(float), items["B"].to_numpy(float)
n = len(items)
rows = rng.integers(0, n, size=(5000, n))
paired = (b - a)[rows].mean(axis=1)
unpaired = b[rng.integers(0, n, size=(5000, n))].mean(axis=1) - a[rng.integers(0, n, size=(5000, n))].mean(axis=1)
intervals = pd.DataFrame({
    "resampling": ["paired (items)", "unpaired (each prompt on its own)"],
    "mean difference": [(b - a).mean()] * 2,
    "2.5%": [np.percentile(paired, 2.5), np.percentile(unpaired, 2.5)],
    "97.5%": [np.percentile(paired, 97.5), np.percentile(unpaired, 97.5)],
})
intervals["width"] = intervals["97.5%"] - intervals["2.5%"]
intervals.round(3)

# %%
fig, ax = plt.subplots(figsize=(7, 3.6))
bins = np.arange(-1.0, 1.0 + 1 / n, 1 / n) - 0.5 / n
ax.hist(unpaired, bins=bins, alpha=0.45, color="tab:grey", label="unpaired resampling")
ax.hist(paired, bins=bins, alpha=0.7, color="tab:blue", label="paired resampling")
for x in intervals.loc[0, ["2.5%", "97.5%"]]:
    ax.axvline(x, color="tab:blue", ls="--", lw=1)
ax.axvline(0, color="black", lw=1)
ax.set(xlabel="accuracy of B minus accuracy of A, in one resample", ylabel="resamples",
       title=f"5,000 bootstrap resamples of the {n} items (dashed: paired 95% interval)")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %%
low, high = intervals.loc[0, ["2.5%", "97.5%"]]
verdict = "B is better" if low > 0 else "A is better" if high < 0 else "the eval cannot tell them apart yet"
print(f"Paired 95% interval for B - A: [{low:+.2f}, {high:+.2f}] -> {verdict}.")

# %% [markdown]
# Read the interval, not the point estimate. If it lies entirely above zero, the data support shipping
# B; if it straddles zero, 24 items were not enough to know, whichever way the accuracies point. The
# paired interval is usually the narrower one (the table above shows by how much here), because the
# items' difficulty, shared by both prompts, cancels out in the per-item difference. Pairing is free:
# you already run both prompts on the same eval set, so use it.
#
# This run measures one model, one pair of prompts and 24 items. The 135M model's answers also move a
# little between runs even at temperature 0, which is one more reason to read the interval instead of a
# single accuracy.
#
# ## How many items does it take?
#
# Suppose B really is better by some margin. How often would an eval of `n` items detect it, meaning the
# paired 95% interval lies above zero? The answer depends on the margin and on how often the prompts
# disagree. We simulate it under stated assumptions:
#
# - each item is one of three kinds: only A right, only B right, or both the same (right or wrong);
# - a share `disagree` of the items are ones where the prompts disagree, and the true difference in
#   accuracy is `delta`, so the two off-diagonal shares are `(disagree - delta) / 2` and
#   `(disagree + delta) / 2`;
# - for speed, each simulated eval uses the normal approximation to the paired interval (mean difference
#   plus or minus 1.96 standard errors), which the bootstrap closely tracks at these sizes;
# - `disagree` is set to what this run measured, but not below 0.2 (a small measured share would
#   understate the noise of other prompt pairs).

# %%
measured_disagree = float((a != b).mean())
disagree = max(measured_disagree, 0.2)
sizes = [24, 50, 100, 200, 400, 800, 1600]
deltas = [0.02, 0.05, 0.10, 0.20]
sim = np.random.default_rng(1)


def detect_rate(n_items: int, delta: float, trials: int = 400) -> float:
    probs = [(disagree - delta) / 2, (disagree + delta) / 2, 1 - disagree]  # only A, only B, same
    kinds = sim.choice(3, size=(trials, n_items), p=probs)
    d = np.where(kinds == 0, -1.0, np.where(kinds == 1, 1.0, 0.0))
    se = d.std(axis=1, ddof=1) / np.sqrt(n_items)
    return float((d.mean(axis=1) - 1.96 * se > 0).mean())


power = pd.DataFrame([{"items": n_items, "true difference": delta, "detected": detect_rate(n_items, delta)}
                      for delta in deltas for n_items in sizes])
print(f"disagreement share: measured {measured_disagree:.2f}, used {disagree:.2f}")
power.pivot(index="items", columns="true difference", values="detected").round(2)

# %%
fig, ax = plt.subplots(figsize=(7, 3.8))
for delta, group in power.groupby("true difference"):
    ax.plot(group["items"], group["detected"], marker="o", label=f"B better by {delta:.0%}")
ax.axhline(0.8, color="grey", ls="--", lw=1)
ax.axvline(n, color="tab:blue", ls=":", lw=1)
ax.annotate("this eval", (n, 0.02), xytext=(4, 0), textcoords="offset points", fontsize=8, color="tab:blue")
ax.set_xscale("log")
ax.set(xlabel="items in the eval set (log scale)", ylabel="share of simulated evals that detect it",
       title=f"How often a paired 95% interval excludes 0 (disagreement share {disagree:.2f})", ylim=(0, 1.02))
ax.legend(fontsize=8, loc="upper left")
fig.tight_layout()
plt.show()

# %% [markdown]
# The dashed line marks 80%, a common target for how often an experiment should catch a real effect.
# A large gain, 20 points, shows up with a few dozen items. A 5-point gain, the kind of improvement a
# careful prompt change usually brings, takes hundreds. If only a minority of ideas help at all, and
# those mostly by a little, an eval set of a few dozen items will call most real wins
# "inconclusive" and, read carelessly, will crown some lucky losers.
#
# Two practical consequences. First, grow the eval set before you argue about small differences:
# quadrupling the items halves the width of the interval. Second, keep the disagreements small where
# you can: the same items, the same sampling settings, and several samples per item when the model is
# not deterministic, so that what differs between A and B is the prompt.
#
# ## What to take away
#
# - Run every candidate prompt on the same eval items and compare them item by item.
# - Report the paired interval with the difference, and decide from the interval: ship, keep, or
#   collect more items.
# - Before an experiment, decide the smallest difference you care about and check that your eval set
#   is large enough to see it; keep a log of experiments, the null results included, so that the team
#   learns what does not work as well as what does.
