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
# Some features need variety: a recommender that suggests the same product on every visit, or a
# generator of quiz questions that keeps asking the same one, has failed even if each single answer is
# fine. The obvious knob is temperature. It flattens the distribution the next token is drawn from,
# so rarer tokens come up more often. It is a blunt knob, though: it spreads probability over
# everything, including products you do not sell and words that are not products, while the items the
# model strongly prefers keep coming back.
#
# Three cheaper levers act on the *prompt* instead of the sampler: shuffle the order of the items the
# prompt lists, tell the model what it suggested recently, and vary the wording of the request. In
# this lesson you will:
#
# 1. ask the course's model for one recommendation from a 12-product catalog, eight times under each
#    of five settings: two temperatures, shuffled catalog order, an avoid-recent list, varied phrasing;
# 2. measure each setting's diversity: distinct products, catalog coverage, entropy, and how often
#    the answer is not in the catalog at all;
# 3. where the small model is too weak to show the effect, look at the mechanism in a simulation
#    with stated assumptions, and see why the reliable version of "avoid recent outputs" lives in
#    code (the exercise).

# %%
import math
import random
import re
from collections import Counter

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

shop = shipped.load("workflows_diverse_outputs", "catalog.toml")
CATALOG, HISTORY = shop["catalog"], shop["history"]
print(f"bought: {', '.join(HISTORY)}")
print(f"catalog ({len(CATALOG)}): {', '.join(CATALOG)}")

# %% [markdown]
# ## The request
#
# The customer bought a tent, a sleeping bag and a head torch. The prompt lists the catalog and asks
# for one product, by name, with nothing else; one worked example from another shop shows the answer
# format (without it, this small model answers with whole sentences). Eight calls per setting, each
# with its own `seed`, so the sampler draws differently every time; answers are capped at 8 tokens.
#
# A note on this page: the notebook replays answers recorded from the model, and sampling with a seed
# is only reproducible on the same server and build. When you run it live, your counts will differ
# from the ones shown here. The comparison between settings is the point, not the exact numbers.

# %%
SYSTEM = "You recommend one product from the catalog. Reply with the product name only."
# one worked example, from another shop, shows the format of the answer
EXAMPLE = [{"role": "user", "content": "Bought: running shoes, water bottle.\nCatalog: yoga mat, sports watch, "
                                       "gym bag, sun cap.\nRecommend one product."},
           {"role": "assistant", "content": "sports watch"}]
QUESTION = "Recommend one product."
PHRASINGS = [
    QUESTION,
    "Pick one product they would use on every trip.",
    "Pick one product they would tell their friends about.",
    "Pick one product that makes camping more comfortable.",
]

client = llm.client()


def recommend(catalog: list[str], question: str = QUESTION, avoid: list[str] = (), *,
              temperature: float, seed: int = 0) -> str:
    content = f"Bought: {', '.join(HISTORY)}.\nCatalog: {', '.join(catalog)}.\n{question}"
    if avoid:
        content += f"\nDo not recommend: {', '.join(avoid)}."
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=8, temperature=temperature, seed=seed,
        messages=[{"role": "system", "content": SYSTEM}, *EXAMPLE, {"role": "user", "content": content}])
    return (response.choices[0].message.content or "").strip()


print("temperature 0:", repr(recommend(CATALOG, temperature=0)))

# %% [markdown]
# At temperature 0 the model takes the most likely token at every step, so the same prompt gets the
# same answer: one product, forever. Now the five settings, eight calls each. Four of them sample at
# temperature 1.0 and change one thing about the prompt; one turns the temperature up to 1.6 and
# changes nothing else. Call `i` of every setting uses seed `i`, so the settings differ only in the
# prompt (or the temperature). The first call of the avoid-recent and varied-phrasing settings is
# the very same request as the first temperature-1.0 call: nothing has been suggested yet, and the
# first phrasing is the plain question.

# %%
N = 8
runs = {"temperature 1.0": [], "temperature 1.6": [], "shuffled catalog": [], "avoid recent 3": [],
        "varied phrasing": []}
for i in range(N):
    runs["temperature 1.0"].append(recommend(CATALOG, temperature=1.0, seed=i))
    runs["temperature 1.6"].append(recommend(CATALOG, temperature=1.6, seed=i))
    shuffled = random.Random(i).sample(CATALOG, len(CATALOG))
    runs["shuffled catalog"].append(recommend(shuffled, temperature=1.0, seed=i))
    runs["avoid recent 3"].append(recommend(CATALOG, avoid=runs["avoid recent 3"][-3:], temperature=1.0, seed=i))
    runs["varied phrasing"].append(recommend(CATALOG, PHRASINGS[i % len(PHRASINGS)], temperature=1.0, seed=i))

pd.DataFrame(runs)

# %% [markdown]
# ## Scoring the answers
#
# The model does not always answer with a bare product name. An answer is mapped to a catalog product
# when, lower-cased and with punctuation removed, it contains exactly one catalog product's name
# (`"A camping stove."` is the camping stove); anything else is **off-catalog**: an invented product,
# two products, or no product at all. Then four numbers per setting:
#
# - **distinct**: how many different catalog products came up;
# - **coverage**: distinct products over the 12 in the catalog;
# - **entropy** (bits) of the on-catalog answers: 0 when one product takes every answer, and at most
#   log2(8) = 3 bits for eight answers all different;
# - **off-catalog**: the share of answers that name no single catalog product.

# %%
def to_product(answer: str) -> str | None:
    text = re.sub(r"[^a-z ]", " ", answer.lower())
    text = " " + re.sub(r"\s+", " ", text) + " "
    hits = [item for item in CATALOG if f" {item} " in text or f" {item}s " in text]
    return hits[0] if len(hits) == 1 else None


def entropy_bits(items: list[str]) -> float:
    counts = Counter(items)
    return -sum(c / len(items) * math.log2(c / len(items)) for c in counts.values()) + 0.0 if items else 0.0


mapped = {name: [to_product(a) for a in answers] for name, answers in runs.items()}
rows = []
for name, products in mapped.items():
    on = [p for p in products if p is not None]
    rows.append({"setting": name, "distinct": len(set(on)), "coverage": len(set(on)) / len(CATALOG),
                 "entropy (bits)": entropy_bits(on), "off-catalog": 1 - len(on) / len(products)})
diversity = pd.DataFrame(rows).set_index("setting")
diversity

# %%
counts = pd.DataFrame({name: Counter(p if p else "(off-catalog)" for p in products)
                       for name, products in mapped.items()}).fillna(0).astype(int)
counts = counts.reindex([c for c in CATALOG if c in counts.index] + ["(off-catalog)"]).dropna()

fig, axes = plt.subplots(1, 2, figsize=(12, 4.2), gridspec_kw={"width_ratios": [1.25, 1]})
im = axes[0].imshow(counts.values, cmap="Blues", aspect="auto")
axes[0].set_xticks(range(len(counts.columns)), counts.columns, rotation=30, ha="right")
axes[0].set_yticks(range(len(counts.index)), counts.index)
for (r, c), v in np.ndenumerate(counts.values):
    if v:
        axes[0].text(c, r, str(v), ha="center", va="center", fontsize=8,
                     color="white" if v > counts.values.max() / 2 else "black")
axes[0].set_title(f"Which product each answer named ({N} answers per setting)")
x = np.arange(len(diversity))
axes[1].bar(x - 0.2, diversity["entropy (bits)"], width=0.4, color="#3f51b5", label="entropy, bits (left)")
twin = axes[1].twinx()
twin.bar(x + 0.2, diversity["off-catalog"], width=0.4, color="#c0392b", label="off-catalog share (right)")
twin.set_ylim(0, 1)
axes[1].set_ylim(0, math.log2(N))
axes[1].set_xticks(x, diversity.index, rotation=30, ha="right")
axes[1].set_title("Spread over the catalog, and answers off it")
fig.legend(loc="upper right", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Read the off-catalog row first. On our recording, the course's 135M-parameter model named no single
# catalog product in most of its answers, under every setting: it invents products ("mosquito nets"),
# lists several, or repeats what the customer already bought. The printed numbers below say how
# often. With so few usable answers, eight per setting, the differences between the columns are
# within the noise of one run, and this model is **too weak to show the effect of the levers**. Say
# so when you see it on your own model too: a diversity metric computed over mostly unusable answers
# measures noise, which is why the off-catalog share belongs next to every diversity number.

# %%
usable = {name: sum(p is not None for p in products) for name, products in mapped.items()}
print("answers naming exactly one catalog product, of", N, "per setting:", usable)
avoid_products = mapped["avoid recent 3"]
ignored = sum(1 for i, p in enumerate(avoid_products) if p is not None and p in avoid_products[max(0, i - 3):i])
print(f"avoid recent 3: {ignored} on-catalog answer(s) repeat a product named in the last three answers, "
      f"which the prompt said not to recommend")

# %% [markdown]
# ## The mechanism, in a simulation
#
# Since the small model cannot show it, here is the mechanism in a simulation with stated, invented
# assumptions (they are not measurements). A model's preference for each catalog item is a score: a
# fixed *popularity* (two favourites score high, the rest low) plus a *position bias*, a bonus for
# items listed early in the prompt. Off the catalog are 200 invented names with a low score (-2) each.
# Sampling at temperature `T` draws an answer with probability proportional to `exp(score / T)`.
#
# Why a position bias? Where an item sits in the prompt does change what models produce. For GPT-3,
# merely reordering the same few examples in a prompt moved accuracy between roughly chance and close
# to the best results of the time, and the model leaned towards answers placed near the end of the
# prompt [@zhao2021calibrate]. Which end a given model favours varies; the simulation puts the bonus
# at the start of the list, and the argument is the same either way.
#
# We draw 400 answers per setting: temperature 1.0 and 1.6 on a fixed list, 1.0 on a list shuffled
# for every draw, and 1.0 with the reject-and-resample rule of the exercise (a repeat of one of the
# last three answers is drawn again, up to five tries).

# %%
sim_rng = np.random.default_rng(7)
popularity = np.array([3.0, 2.5] + [0.5] * (len(CATALOG) - 2))   # two favourites
position_bonus = np.linspace(1.5, 0.0, len(CATALOG))              # listed first: +1.5, listed last: 0
OFF_CATALOG, off_score = 200, -2.0


def draw(order: np.ndarray, temperature: float) -> str | None:
    """One simulated answer: a catalog item, or None for an invented one."""
    scores = np.concatenate([popularity[order] + position_bonus, np.full(OFF_CATALOG, off_score)])
    p = np.exp((scores - scores.max()) / temperature)
    k = sim_rng.choice(len(p), p=p / p.sum())
    return CATALOG[order[k]] if k < len(CATALOG) else None


def simulate(temperature: float, shuffle: bool = False, reject_recent: int = 0, n: int = 400):
    fixed, answers = np.arange(len(CATALOG)), []
    for _ in range(n):
        for _try in range(5 if reject_recent else 1):
            answer = draw(sim_rng.permutation(len(CATALOG)) if shuffle else fixed, temperature)
            if answer is None or answer not in answers[-reject_recent:] or not reject_recent:
                break
        answers.append(answer)
    return answers


simulated = {"temperature 1.0": simulate(1.0), "temperature 1.6": simulate(1.6),
             "shuffled catalog": simulate(1.0, shuffle=True), "reject recent 3": simulate(1.0, reject_recent=3)}
sim_rows = []
for name, answers in simulated.items():
    on = [a for a in answers if a is not None]
    top = Counter(on).most_common(1)[0] if on else ("-", 0)
    sim_rows.append({"setting": name, "distinct": len(set(on)), "entropy (bits)": entropy_bits(on),
                     "top product share": top[1] / len(on) if on else 0.0, "off-catalog": 1 - len(on) / len(answers)})
sim_table = pd.DataFrame(sim_rows).set_index("setting")
sim_table

# %%
fig, ax = plt.subplots(figsize=(8, 3.6))
for name, answers in simulated.items():
    on = Counter(a for a in answers if a is not None)
    ax.plot(range(len(CATALOG)), [on.get(item, 0) / len(answers) for item in CATALOG], "o-", label=name)
ax.set_xticks(range(len(CATALOG)), CATALOG, rotation=40, ha="right")
ax.set_ylabel("share of the 400 answers")
ax.set_title("Simulated: how answers spread over the catalog (listed in the fixed order)")
ax.legend(fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Under these assumptions the picture is the one the report describes. Raising the temperature from
# 1.0 to 1.6 does spread the answers, but a large part of what it adds is off-catalog answers, and the
# favourites still lead. Shuffling leaves the temperature alone and takes away the position bonus's
# favourite: the early-listed items lose their lead. Rejecting recent repeats caps how often any one
# item can come up in a row, whatever the model prefers; since every rejection is another draw, it
# also lets in more off-catalog answers, so check answers against the catalog as well. Compare the
# columns of the table: entropy and the top product's share say how spread the answers are, the last
# column what that spread cost. Change the assumptions (a flatter popularity,
# no position bias) and the sizes of the effects change with them; measure them on your own model
# with enough samples, and with answers it can actually use.

# %% [markdown]
# A prompt can *ask* the model to avoid something; only code can *guarantee* it. The reliable version
# of the avoid-recent trick is to check each candidate against the recent outputs and, on a repeat,
# reject it and sample again, up to a budget of tries. That costs extra calls, and you can measure
# how many. It is the first exercise of this lesson; the second computes a diversity report like the
# tables above from a list of outputs and a catalog.
#
# The levers combine. A production recommender might shuffle the candidate list on every call, rotate
# between a few phrasings written by the product team, keep the last few suggestions per user in a
# small store, and reject repeats in code, while leaving the temperature moderate so that answers
# stay on the catalog. Each lever is cheap to measure the way we did here: fix a set of prompts,
# sample, and compare distinct counts, entropy and off-catalog share before and after.
#
# ## What to take away
#
# - Temperature adds randomness, not coverage: favourite items stay favourites, and at high settings
#   the extra variety includes answers you cannot use. Measure off-catalog answers alongside
#   diversity.
# - Shuffling listed items, varying the phrasing and passing recent outputs are prompt-side levers;
#   measure each one's effect on your own model, with enough samples to tell an effect from noise.
# - Enforce "not again" in code: reject and resample repeats of the recent outputs, with a budget of
#   tries, and track coverage and entropy as the diversity metrics of the feature.
