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
# Asking a model to grade another model's output is tempting: it is fast, it never tires, and it
# reads free text that no regular expression can check. But a judge is itself a model with habits of
# its own, and a judge you have not measured is an opinion with a number attached. Before its
# verdicts steer a prompt change, you need to know how often it agrees with people, and which
# shortcuts it takes instead of reading.
#
# Two habits of judges are well documented: they favour whichever answer sits in a particular slot,
# and they favour longer answers. Add the question every judge must answer, how often it agrees with
# people, and you have three cheap tests. This lesson runs all three on one judge.
#
# In this lesson you will:
#
# 1. turn the embedded model into a pairwise judge ("which of these two answers is better?");
# 2. measure it against human labels on a small set built so that length and quality are unrelated;
# 3. ask every question twice with the answers swapped, and see what that reveals and what it fixes.
#
# The judge is SmolLM2-135M-Instruct, far too small for the job. That is useful here: the tests
# below are the same ones you would run on a large judge, and a small one fails them visibly.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

pairs = pd.DataFrame(shipped.load("evals_llm_judge", "pairs.toml")["pairs"]).set_index("id")
pairs["longer"] = np.where(pairs["a"].str.len() > pairs["b"].str.len(), "a", "b")
pairs[["question", "a", "b", "human", "kind"]].head(4)

# %% [markdown]
# ## A labelled set where length tells you nothing
#
# Each of the 24 pairs has a question, two answers `a` and `b`, and the answer a person prefers
# (`human`). The preferred answer is always the correct one. What makes the set useful is its
# balance: the correct answer is the **shorter** one in half the pairs (a long, fluent, wrong answer
# against a terse right one) and the longer one in the other half, and it sits in slot `a` as often
# as in slot `b`. So a judge that goes by length, or by slot, can do no better than a coin.
#
# In your own work this set would come from your product's logs, labelled by the people who know
# what a good answer looks like. Twenty-odd labels are enough to catch a broken judge; they are not
# enough to rank two good ones.

# %%
pd.crosstab(pairs["kind"], [pairs["human"].rename("human prefers"), pairs["longer"].rename("longer answer")])

# %% [markdown]
# ## The model as a pairwise judge
#
# The judge sees the question and both answers, labelled A and B, and is asked for one letter. With
# `max_tokens=1` and `logprobs`, we do not need to parse any text: we read how likely the model
# finds "A" and "B" as its first token and keep the difference of their log-probabilities, the
# judge's **margin**. A positive margin means it prefers the answer shown first.
#
# `judge(question, first, second)` wraps that into the contract the exercises use: it returns
# `"first"` or `"second"` and knows nothing about which answer is `a`.

# %%
client = llm.client()
JUDGE_PROMPT = ("Question: {question}\n\nAnswer A: {first}\n\nAnswer B: {second}\n\n"
                "Which answer is correct? Reply with the letter A or B only.")


def margin(question: str, first: str, second: str) -> float:
    """log P('A') - log P('B') for the judge's first token: above 0 it prefers the answer shown first."""
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=1, temperature=0, seed=0, logprobs=True, top_logprobs=20,
        messages=[{"role": "user", "content": JUDGE_PROMPT.format(question=question, first=first, second=second)}])
    choice = response.choices[0]
    prob = {"A": 0.0, "B": 0.0}
    if choice.logprobs and choice.logprobs.content:
        for alt in choice.logprobs.content[0].top_logprobs:
            letter = alt.token.strip().upper()
            if letter in prob:
                prob[letter] += math.exp(alt.logprob)
    else:  # a provider without logprobs: use the letter it wrote
        letter = (choice.message.content or "").strip()[:1].upper()
        if letter in prob:
            prob[letter] = 1.0
    return math.log(prob["A"] + 1e-9) - math.log(prob["B"] + 1e-9)


def judge(question: str, first: str, second: str) -> str:
    return "first" if margin(question, first, second) > 0 else "second"


judge("What is the capital of Australia?", "Canberra.", "Sydney.")

# %% [markdown]
# Run every pair in both orders: once with `a` shown first, once with `b` shown first. That is 48
# one-token calls. From the two margins we read two verdicts, each translated back into the answer
# it names.

# %%
runs = pairs.copy()
runs["margin_ab"] = [margin(p.question, p.a, p.b) for p in pairs.itertuples()]  # a shown first

# %%
runs["margin_ba"] = [margin(p.question, p.b, p.a) for p in pairs.itertuples()]  # b shown first
runs["verdict_ab"] = np.where(runs["margin_ab"] > 0, "a", "b")  # a was shown first
runs["verdict_ba"] = np.where(runs["margin_ba"] > 0, "b", "a")  # b was shown first
runs[["kind", "human", "margin_ab", "margin_ba", "verdict_ab", "verdict_ba"]].round(2).head(8)

# %% [markdown]
# ## Test 1: does it agree with the human labels?
#
# Take the verdicts from the original order, as a judge asked once would give them. Raw agreement
# is the obvious number, but on two balanced labels a coin reaches 50%, and a judge that always
# names the same label can look good whenever the labels are unbalanced. Cohen's kappa subtracts the
# agreement expected by chance from each rater's label shares: 0 is chance, 1 is perfect. You will
# implement it in the exercises; here we borrow scikit-learn's.

# %%
one_order_agree = (runs["verdict_ab"] == runs["human"]).mean()
one_order_kappa = cohen_kappa_score(runs["human"], runs["verdict_ab"])
print(f"one order: agrees with the human label on {one_order_agree:.0%} of {len(runs)} pairs, "
      f"kappa = {one_order_kappa:.2f}")

# %% [markdown]
# ## Test 2: does the verdict survive swapping the answers?
#
# A judge that reads the answers names the same answer whichever slot it is in. Two numbers show
# whether ours does: how often it picks the **first slot** over all 48 calls (a position-blind judge
# sits near 50% on this set), and the **flip rate**, the share of pairs whose verdict changes when
# the order is swapped.

# %%
picks_first = np.concatenate([runs["margin_ab"] > 0, runs["margin_ba"] > 0]).mean()
flips = (runs["verdict_ab"] != runs["verdict_ba"]).mean()
print(f"picks the answer shown first in {picks_first:.0%} of {2 * len(runs)} calls")
print(f"the verdict flips when the answers swap places in {flips:.0%} of {len(runs)} pairs")

# %% [markdown]
# The two margins of each pair make the problem visible. On the horizontal axis is the margin with
# `a` shown first, on the vertical one the margin with `b` shown first. A judge that reads the
# answers puts a pair it likes for `a` at the bottom right (prefers the first slot when `a` is
# first, the second slot when `a` is second) and a pair it likes for `b` at the top left. Points in
# the top-right quadrant prefer slot A whatever it holds.

# %%
fig, ax = plt.subplots(figsize=(5.6, 4.6))
for label, colour in (("a", "#3f51b5"), ("b", "#e07b39")):
    sel = runs[runs["human"] == label]
    ax.scatter(sel["margin_ab"], sel["margin_ba"], color=colour, label=f"human prefers {label}", alpha=0.8)
lim = max(3.0, runs[["margin_ab", "margin_ba"]].abs().to_numpy().max() + 0.3)
ax.axhline(0, color="grey", lw=0.8)
ax.axvline(0, color="grey", lw=0.8)
ax.set_xlim(-lim, lim)
ax.set_ylim(-lim, lim)
ax.fill_between([0, lim], 0, lim, color="#e07b39", alpha=0.06)
ax.fill_between([-lim, 0], -lim, 0, color="#e07b39", alpha=0.06)
ax.text(lim * 0.95, 0.1, "prefers slot A, whatever it holds", ha="right", va="bottom", fontsize=7)
ax.text(-lim * 0.95, -0.1, "prefers slot B, whatever it holds", ha="left", va="top", fontsize=7)
ax.text(lim * 0.95, -lim * 0.9, "prefers answer a", ha="right", va="bottom", fontsize=8)
ax.text(-lim * 0.95, lim * 0.9, "prefers answer b", ha="left", va="top", fontsize=8)
ax.set_xlabel("margin with a shown first")
ax.set_ylabel("margin with b shown first")
ax.set_title("Each pair judged in both orders")
ax.legend(loc="upper left", bbox_to_anchor=(0, 0.9), fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Test 3: does it prefer the longer answer?
#
# On this set the longer answer is the human choice in exactly half the pairs. A judge that reads
# should pick the longer answer about as often, and should be right as often on the pairs where the
# short answer wins as on those where the long one does. Split the one-order verdicts by kind:

# %%
by_kind = runs.assign(agrees=runs["verdict_ab"] == runs["human"],
                      picks_longer=runs["verdict_ab"] == runs["longer"])
by_kind.groupby("kind")[["agrees", "picks_longer"]].mean().rename(
    columns={"agrees": "agrees with human", "picks_longer": "picks the longer answer"})

# %% [markdown]
# On a judge ruled by the slot, this split only mirrors the slot: the set puts the longer answer in
# slot `a` in half of the pairs of each kind. The test earns its keep on a judge without a slot
# habit, such as the combined judge further down. Keep both columns: a large gap between the two
# kinds is the signature of length bias.
#
# How large is large? With 24 pairs, a judge that ignores length still lands anywhere in a wide band
# around 50% by luck alone:

# %%
n = len(runs)
half_width = 1.96 * math.sqrt(0.25 / n)
print(f"with {n} pairs, a length-blind judge picks the longer answer in roughly "
      f"{0.5 - half_width:.0%} to {0.5 + half_width:.0%} of them (95% of the time)")

# %% [markdown]
# ## Ask twice, and call disagreement a tie
#
# The report's remedy for position bias is to judge every pair in both orders and only count a win
# when both orders agree; a disagreement becomes a tie. That costs two calls per pair and gives up
# a verdict on some pairs; in exchange, the verdicts that remain should be the trustworthy ones. The
# question to measure is whether they are: how many pairs still get a verdict (**coverage**), and
# how often those verdicts match the human label (**precision on decisive verdicts**).
#
# A second, softer fix uses the margins: add the preference for `a` from both orders
# (`margin_ab - margin_ba`), so that a constant pull towards slot A cancels out. It always gives a
# verdict. And as a baseline that needs no model at all, a "judge" that always picks the longer
# answer.

# %%
def summarise(name: str, verdicts: pd.Series, swapped: pd.Series | None = None) -> dict:
    decisive = verdicts != "tie"
    row = {"judge": name, "coverage": decisive.mean(),
           "precision on decisive": (verdicts[decisive] == runs["human"][decisive]).mean() if decisive.any() else np.nan,
           "kappa vs human (ties count as misses)": cohen_kappa_score(runs["human"], verdicts),
           "picks the longer answer": (verdicts[decisive] == runs["longer"][decisive]).mean() if decisive.any() else np.nan,
           "flip rate": (swapped != verdicts).mean() if swapped is not None else np.nan}
    return row


swap_and_tie = pd.Series(np.where(runs["verdict_ab"] == runs["verdict_ba"], runs["verdict_ab"], "tie"), index=runs.index)
margins_both = pd.Series(np.where(runs["margin_ab"] - runs["margin_ba"] > 0, "a", "b"), index=runs.index)
longest = runs["longer"]

summary = pd.DataFrame([
    summarise("model, one order", runs["verdict_ab"], runs["verdict_ba"]),
    summarise("model, both orders, disagreement = tie", swap_and_tie),
    summarise("model, margins of both orders added", margins_both),
    summarise("no model: always the longer answer", longest, longest),
]).set_index("judge")
summary

# %%
decisive_count = int((swap_and_tie != "tie").sum())
if decisive_count:
    print(f"swap-and-tie keeps a verdict on {decisive_count} of {len(runs)} pairs; "
          f"{(swap_and_tie[swap_and_tie != 'tie'] == runs['human'][swap_and_tie != 'tie']).sum()} of them "
          f"match the human label (one order: {one_order_agree:.0%} on all pairs)")
else:
    print(f"swap-and-tie keeps a verdict on none of the {len(runs)} pairs: every verdict followed the slot")

# %%
shown = summary[["coverage", "precision on decisive", "picks the longer answer"]]
ax = shown.plot.barh(figsize=(8, 4), color=["#9aa5c9", "#3f51b5", "#e07b39"], xlim=(0, 1.12))
for bars, column in zip(ax.containers, shown.columns):
    ax.bar_label(bars, labels=["no verdict" if np.isnan(v) else f"{v:.0%}" for v in shown[column]],
                 fontsize=7, padding=2)
ax.axvline(0.5, color="grey", ls="--", lw=1)
ax.set_xlabel("share (dashed line: a coin, and how often people prefer the longer answer here)")
ax.set_ylabel("")
ax.invert_yaxis()
ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
ax.set_title("Four judges on the same labelled pairs")
plt.tight_layout()
plt.show()

# %% [markdown]
# Read the table with the plot. If your run looks like ours, the one-order judge's agreement with
# people is near a coin, the verdict follows the slot in nearly every call, and the swap-and-tie
# judge abstains on most or all pairs. That abstention is the fix doing its job: it refuses to turn
# a position habit into a verdict. It cannot create a signal the judge does not have, and neither
# can adding the margins, whose kappa you can compare above. The longer-answer baseline makes the
# opposite point: it never flips, so a swap test alone would pass it, yet its kappa against the
# human labels is zero on a set where length carries no information. ("no verdict" marks a share of
# nothing; the flip rate in the table is only defined for a judge asked in a single order.)
#
# The combined judge is also the place to look for length bias, since the slot no longer decides
# for it: compare its "picks the longer answer" with the 50% of the human labels, and with the
# noise band printed above before reading anything into the difference.
#
# So the tests check different things and you need all three: agreement beyond chance against
# human labels, stability under swapping, and no preference for length on a set where length does
# not predict quality.
#
# ## What larger judges do
#
# Everything above is about a 135M-parameter model; strong judges are much better, but they fail
# the same tests in milder form.
#
# - On MT-Bench, GPT-4 as a pairwise judge agreed with expert human votes 85% of the time (ties
#   left out), above the 81% at which the human experts agreed with each other
#   [@zheng2023judging].
# - Position bias survives scale: with ChatGPT as the judge, merely changing the order of the
#   answers let Vicuna-13B beat ChatGPT on 66 of 80 questions
#   [@wang2023fair]. One of their remedies scores each pair
#   in both orders and combines the scores, much like the margin-adding judge above.
# - Length bias too: AlpacaEval's judge favours longer outputs, and adjusting its win rates for
#   length raised their Spearman correlation with the human-voted Chatbot Arena from 0.94 to 0.98
#   [@dubois2024lc].
#
# Agreement with people is not a property you measure once. Shankar et al. found that people
# refine their grading criteria while they grade outputs, so the labels a judge is aligned to shift
# as well [@shankar2024validators]. As an anecdote, the report's
# authors describe a judge whose agreement with humans went from 68% to 94% over three rounds of
# reviewing its critiques with the people who own the product.
#
# ## What to take away
#
# - Do not trust a judge you have not measured: keep a small set of human-labelled pairs and report
#   agreement beyond chance (Cohen's kappa), not only raw agreement.
# - Compare two outputs rather than scoring one, and judge every pair in both orders; count a win
#   only when both orders agree, and report how many pairs end up tied.
# - Build the labelled set so that length and slot do not predict the label, and check how often
#   the judge picks the longer answer against how often people do.
# - A judge that fails these tests is not fixed by a cleverer aggregation: use a stronger judge,
#   a different check (assertions, execution, a trained classifier), or people.
