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
# Every eval eventually leans on human labels: to build the first test set, to check that an
# LLM judge agrees with people, to decide whether a prompt change helped. Those labels are only
# useful if two people looking at the same output would give the same answer. The way you phrase
# the annotation task has a large say in that.
#
# A score from 1 to 5 asks each annotator to carry a private scale in their head: one person's
# "4" is another's "3", and nobody writes down where the boundary between them lies. A yes/no
# question against a written criterion ("does the reply give the order id?") or a choice between
# two outputs ("which reply would you rather receive?") asks for less, and leaves less room for
# personal habits. The catch is that a yes/no question needs a criterion, and good criteria are
# rarely known in advance: they appear while you read outputs.
#
# In this lesson you will:
#
# 1. simulate a small team of annotators who differ in how they use a 1-5 scale,
# 2. measure how much they agree when they rate on that scale, answer pass/fail against a shared
#    criterion, or pick the better of two outputs, and find out *which* disagreement each design
#    removes and which it does not,
# 3. read ten real replies from the course's model and write pass/fail criteria from what you see.
#
# The simulation is a model of annotators, not a measurement of real ones. It is useful because it
# makes every assumption explicit and lets you turn each one up or down.

# %%
import itertools
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.helpers.agreement import krippendorff_alpha
from llmcourse.notebook import llm

# %% [markdown]
# ## A simulated annotation team
#
# The assumptions, all of them:
#
# - Each of 120 outputs has a hidden **quality**, drawn from a normal distribution (mean 0, spread 1).
# - Each of 5 annotators **perceives** that quality with some random error, `noise`, fresh for every
#   output. The error is the same whatever the labelling scheme: we do *not* assume that a 1-5 scale
#   makes people sloppier, even though the report argues it is more tiring.
# - On the **1-5 scale**, each annotator turns what they perceive into a score through a personal
#   habit: an offset (lenient or strict) and a stretch (one person uses the extremes, another sticks
#   to the middle). `scale_use` sets how much those habits differ across the team.
# - For **pass/fail**, there is a written criterion everyone shares: an output passes when its
#   perceived quality is above 0. We also keep a second version where each annotator applies their
#   *own* idea of "good enough", to see what a vague criterion costs.
# - For **pairwise** choices, the 120 outputs are split into 60 random pairs and each annotator
#   picks the one that looks better to them.

# %%
N_ITEMS, N_ANNOTATORS = 120, 5
LIKERT_CUTS = np.array([-1.2, -0.4, 0.4, 1.2])   # where 1|2, 2|3, 3|4 and 4|5 fall on the quality axis


def simulate(noise: float, scale_use: float = 1.0, seed: int = 0) -> dict[str, np.ndarray]:
    """Label matrices (annotators x items) for each scheme, from one simulated team."""
    rng = np.random.default_rng(seed)
    quality = rng.normal(0, 1, N_ITEMS)
    offset = rng.normal(0, 0.5 * scale_use, N_ANNOTATORS)           # + lenient, - strict
    stretch = np.exp(rng.normal(0, 0.3 * scale_use, N_ANNOTATORS))  # > 1 uses the extremes
    seen = quality + rng.normal(0, noise, (N_ANNOTATORS, N_ITEMS))
    personal = offset[:, None] + stretch[:, None] * seen             # the private 1-5 scale
    first, second = rng.permutation(N_ITEMS).reshape(2, -1)
    return {
        "likert 1-5": 1 + (personal[..., None] > LIKERT_CUTS).sum(axis=-1),
        "pass/fail, shared criterion": (seen > 0).astype(int),
        "pass/fail, own idea of good": (personal > 0).astype(int),
        "pairwise, first is better": (personal[:, first] > personal[:, second]).astype(int),
        "quality": quality,
    }


team = simulate(noise=0.5)
sample = pd.DataFrame({f"annotator {a + 1}": [f"{team['likert 1-5'][a, i]} / "
                                               f"{'pass' if team['pass/fail, shared criterion'][a, i] else 'fail'}"
                                               for i in range(8)] for a in range(N_ANNOTATORS)})
sample.insert(0, "hidden quality", team["quality"][:8].round(2))
sample.index.name = "item"
sample

# %% [markdown]
# Each cell shows one annotator's 1-5 score and their pass/fail answer for the same item. Scan a
# row: the scores for one item usually spread over two or three values, while the pass/fail
# answers mostly line up, except for items whose hidden quality sits close to 0, the pass line.
#
# Notice the pairwise design too: a lenient annotator adds the same offset to both outputs of a
# pair, and a stretch does not change which of two numbers is larger. In this model, personal scale
# habits cancel out of a comparison entirely.
#
# ## Measuring agreement
#
# The plainest measure is **exact agreement**: for every two annotators, the share of items they
# labelled the same, averaged over the pairs. Here every annotator labels every item; the first
# exercise handles the real case where they do not.

# %%
def exact_agreement(labels: np.ndarray) -> float:
    """Mean, over pairs of annotators (rows), of the share of items (columns) they label alike."""
    pairs = itertools.combinations(range(len(labels)), 2)
    return float(np.mean([np.mean(labels[a] == labels[b]) for a, b in pairs]))


def chance_agreement(labels: np.ndarray) -> float:
    """Agreement two annotators would reach by drawing labels at random with the observed frequencies."""
    _, counts = np.unique(labels, return_counts=True)
    return float(((counts / counts.sum()) ** 2).sum())


SCHEMES = ["likert 1-5", "pass/fail, shared criterion", "pass/fail, own idea of good", "pairwise, first is better"]
LEVEL = {"likert 1-5": "ordinal"}   # everything else is a category: equal or not

table = pd.DataFrame({
    s: {"exact agreement": exact_agreement(team[s]),
        "agreement by chance": chance_agreement(team[s]),
        "Krippendorff's alpha": krippendorff_alpha(team[s], LEVEL.get(s, "nominal"))}
    for s in SCHEMES}).T
table.loc["likert 1-5, within one point", "exact agreement"] = float(np.mean(
    [np.mean(abs(team["likert 1-5"][a] - team["likert 1-5"][b]) <= 1)
     for a, b in itertools.combinations(range(N_ANNOTATORS), 2)]))
table

# %% [markdown]
# Raw agreement flatters the two-label schemes: with only two answers, two people guessing at
# random already agree about half of the time (the "agreement by chance" column). **Krippendorff's
# alpha** corrects for that: 1 is perfect agreement, 0 is no better than chance. For the 1-5 scale we
# use its *ordinal* form, which gives partial credit when two scores are close, so the comparison is
# as kind to the scale as it can be. `krippendorff_alpha` is a short numpy function in
# `llmcourse.helpers.agreement`; read it if you want to see how the chance correction works.
#
# ## Agreement as perception gets noisier
#
# One team proves little. We now repeat the simulation with 20 different teams at each noise level
# and average alpha for every scheme.

# %%
NOISE_LEVELS = np.round(np.arange(0, 1.51, 0.125), 3)
SEEDS = range(20)


def mean_alpha(noise: float, scale_use: float = 1.0) -> dict[str, float]:
    runs = [simulate(noise, scale_use, seed) for seed in SEEDS]
    out = {s: np.mean([krippendorff_alpha(r[s], LEVEL.get(s, "nominal")) for r in runs]) for s in SCHEMES}
    out["likert, turned into pass/fail (score >= 4)"] = np.mean(
        [krippendorff_alpha((r["likert 1-5"] >= 4).astype(int)) for r in runs])
    return out


by_noise = pd.DataFrame({noise: mean_alpha(noise) for noise in NOISE_LEVELS}).T
by_noise.index.name = "noise"

STYLE = {"likert 1-5": ("#c0392b", "-"), "pass/fail, shared criterion": ("#1f5fbf", "-"),
         "pass/fail, own idea of good": ("#1f5fbf", ":"), "pairwise, first is better": ("#2e8b57", "-"),
         "likert, turned into pass/fail (score >= 4)": ("#c0392b", ":")}
ax = by_noise[SCHEMES].plot(style=[STYLE[s][1] for s in SCHEMES], color=[STYLE[s][0] for s in SCHEMES], lw=2)
ax.set_xlabel("perception noise (in units of the spread of quality between items)")
ax.set_ylabel("Krippendorff's alpha")
ax.set_ylim(0, 1.02)
ax.set_title("Agreement of 5 simulated annotators, mean of 20 teams")
ax.legend(fontsize=8)
plt.tight_layout()
plt.show()

by_noise.loc[[0.0, 0.25, 0.5, 1.0, 1.5], SCHEMES]

# %%
gap = by_noise["pass/fail, shared criterion"] - by_noise["likert 1-5"]
print(f"at noise 0:   shared pass/fail alpha {by_noise.loc[0.0, SCHEMES[1]]:.2f}, "
      f"pairwise {by_noise.loc[0.0, SCHEMES[3]]:.2f}, 1-5 scale {by_noise.loc[0.0, SCHEMES[0]]:.2f}")
crossing = gap[gap < 0]
if len(crossing):
    print(f"the 1-5 scale (ordinal alpha) catches up with shared pass/fail at noise {crossing.index[0]}")
else:
    print("shared pass/fail stays ahead of the 1-5 scale at every noise level tried")
own_below = (by_noise["pass/fail, own idea of good"] < by_noise["likert 1-5"]).sum()
print(f"pass/fail with each annotator's own idea of good is below the 1-5 scale "
      f"at {own_below} of {len(by_noise)} noise levels")

# %% [markdown]
# Read the plot from left to right.
#
# - **With little noise**, pass/fail against a shared criterion and pairwise choices sit near 1
#   (by construction: we assumed a perfectly shared criterion), while the 1-5 scale does not: even
#   annotators who perceive quality perfectly disagree on the scale, because they *use* it
#   differently. That gap is what the report means by rater variability.
# - **As noise grows**, every curve falls, and the advantage of the simple designs shrinks. Check the
#   printed line above: in our runs the ordinal alpha of the 1-5 scale eventually catches up with
#   pass/fail. That is not a bug. A pass/fail label throws away information (a 5 and a 3.5 both become
#   "pass"), and items near the pass line flip with the smallest error. When people genuinely cannot
#   tell how good an output is, a simpler answer format does not make them see better.
# - **Pass/fail with each annotator's own idea of "good"** (dotted blue) is no improvement on the
#   1-5 scale; the second printed line counts the noise levels where it is even worse. The binary
#   format alone is not the cure.
#
# ## Where the gain comes from
#
# The simulation lets us switch off one source of disagreement at a time. Keep the noise fixed at 0.5
# and vary only how differently the annotators use the scale.

# %%
SCALE_USE = np.round(np.arange(0, 2.01, 0.25), 2)
by_scale = pd.DataFrame({s: mean_alpha(0.5, s) for s in SCALE_USE}).T
by_scale.index.name = "scale_use"

cols = list(STYLE)
ax = by_scale[cols].plot(style=[STYLE[c][1] for c in cols], color=[STYLE[c][0] for c in cols], lw=2)
ax.set_xlabel("how differently annotators use the scale (0 = identical habits)")
ax.set_ylabel("Krippendorff's alpha")
ax.set_ylim(0, 1.02)
ax.set_title("Noise fixed at 0.5: only the personal habits change")
ax.legend(fontsize=8)
plt.tight_layout()
plt.show()

by_scale.loc[[0.0, 1.0, 2.0], cols]

# %%
ahead = by_scale.index[by_scale["pass/fail, shared criterion"] > by_scale["likert 1-5"]]
print(f"identical habits: 1-5 scale alpha {by_scale.loc[0.0, 'likert 1-5']:.2f}, "
      f"shared pass/fail {by_scale.loc[0.0, 'pass/fail, shared criterion']:.2f}")
print("shared pass/fail ahead of the 1-5 scale from scale_use =",
      ahead.min() if len(ahead) else "never (in the range tried)")

# %% [markdown]
# The two designs that do not depend on personal habits, a shared written criterion and a choice
# between two outputs, stay flat. Everything that passes through a private scale, including 1-5
# scores turned into pass/fail *after* collection (dotted red), falls as the habits diverge. The
# lesson for an annotation guide: it is the **shared, written criterion** that buys consistency, and
# a pairwise question buys it by construction. Asking "pass or fail?" without saying what passes
# only hides the private scale inside a yes/no answer.
#
# Look at the left end too. When everyone uses the scale the same way, the 1-5 scores agree *more*
# than pass/fail in our runs: they keep more information, and ordinal alpha gives credit for near
# misses. The simple designs pull ahead only once habits differ enough (the printed `scale_use`).
# Choosing them is a bet that your annotators differ more in how they use a scale than in what
# they see. You can check that bet cheaply: have three people label a pilot batch of 30 outputs both
# ways and compare alpha.
#
# What the simulation cannot show is the report's other argument: that a yes/no question or a choice
# between two outputs is less tiring, so annotators work faster and drift less over a long session.
# That is a claim about people, and it needs people to test it.
#
# ## Criteria appear when you read outputs
#
# If the shared criterion does the work, where does it come from? Shankar et al. watched
# practitioners grade LLM outputs with their tool EvalGen and found that people need criteria to
# grade, yet grading is what helps them define the criteria; they call this *criteria drift*, and
# some of the criteria only made sense once a particular output had been seen
# [@shankar2024validators].
#
# Try it on the course's model. Ten customer messages, one short reply each. **Read the replies
# before you scroll further**, and note what you would want a reviewer to check.

# %%
pd.set_option("display.max_colwidth", None)   # show the replies in full: they are for reading
messages = shipped.load("evals_binary_annotation", "messages.toml")["messages"]
PROMPT = "You are a support agent. Reply to this customer in at most two sentences.\n\nCustomer: {text}"

replies = pd.DataFrame([{"id": m["id"], "customer": m["text"],
                         "reply": llm.chat(PROMPT.format(text=m["text"]), max_tokens=60).strip()}
                        for m in messages]).set_index("id")
replies

# %% [markdown]
# Before reading, the natural rubric is "rate the reply's helpfulness from 1 to 5", which is
# exactly the private-scale task the simulation penalised. After reading our run, the questions we
# wanted to ask became specific yes/no checks. Each one below is paired with the kind of reply that
# prompted it. Your run may produce different replies; if so, your list should differ too.

# %%
def on_topic(msg, reply):
    """Uses at least one word a reply to this message would be expected to use."""
    return any(term in reply.lower() for term in msg["topic"])


def at_most_two_sentences(msg, reply):
    """Follows the length instruction of the prompt."""
    return len(re.findall(r"[.!?]+(?=\s|$)", reply)) <= 2


def no_template_gap(msg, reply):
    """Contains no unfilled placeholder such as [address] or <name>."""
    return re.search(r"\[[^\]]*\]|<[^>]*>", reply) is None


def no_refusal(msg, reply):
    """Does not tell the customer it cannot help."""
    return re.search(r"\b(can't|cannot|can not|unable to|not able to|don't have the ability)\b",
                     reply, re.I) is None


CRITERIA = {
    "on_topic": (on_topic, "a reply about something the customer never asked"),
    "at_most_two_sentences": (at_most_two_sentences, "a reply that ignores the length instruction"),
    "no_template_gap": (no_template_gap, "a reply with a gap like [address] left in"),
    "no_refusal": (no_refusal, "a reply that says it cannot help with an ordinary request"),
}
pd.DataFrame({name: {"prompted by": why, "check": fn.__doc__} for name, (fn, why) in CRITERIA.items()}).T

# %%
by_id = {m["id"]: m for m in messages}
verdicts = pd.DataFrame({name: [fn(by_id[i], replies.loc[i, "reply"]) for i in replies.index]
                         for name, (fn, _) in CRITERIA.items()}, index=replies.index)
verdicts["all"] = verdicts.all(axis=1)
verdicts.mean().to_frame("share of the 10 replies that pass")

# %% [markdown]
# Compare these verdicts with your own reading of the replies. Where they disagree, either the
# check is too crude (a reply can use the word "package" and still not say where the package is),
# or the criterion itself needs rewording; both are criteria drift in action. Some questions also
# resist code altogether: "does the reply invent a policy, a website or a process?" is a yes/no
# question for a person, and a far easier one to answer consistently than "helpfulness: 3 or 4?".
# And when all you have is a numeric score (a similarity, a judge's 1-10), a handful of human
# pass/fail labels is enough to turn it into a binary rule: that is the second exercise.
#
# ## What the studies found
#
# - In MT-Bench, answers from two chat assistants are compared pairwise. The authors report that a
#   strong LLM judge agreed with human votes over 80% of the time, the same level at which humans
#   agreed with each other [@zheng2023judging]. Pairwise
#   human votes are far from noise-free, but they are consistent enough to validate a judge against.
# - For Llama 2's reward models, annotators chose between two sampled responses. The authors say
#   they picked a binary comparison protocol mainly because it let them collect a wider variety of
#   prompts, and they also asked how much better the chosen response was
#   [@touvron2023llama2]. So even there, the yes/no core was
#   kept, with a coarse strength label on the side.
# - The report also quotes a per-label price gap between comparisons and written responses, heard
#   at a meetup talk. We could not find it in a written source, so we leave the figure out.
#
# ## What to take away
#
# - Ask annotators yes/no questions against a written criterion, or "which of these two is better?",
#   instead of scores on a 1-5 scale. In our simulation the gain came from removing personal scale
#   habits, not from the two-label format itself.
# - A pass/fail question without a shared definition of "pass" keeps the private scale; write the
#   criterion down, with examples of each side.
# - Measure agreement with a chance-corrected statistic such as Krippendorff's alpha; raw agreement
#   looks better for two-label tasks than it is.
# - No design fixes outputs that are genuinely hard to judge: when perception noise dominates,
#   all schemes agree poorly, and the 1-5 scale can even keep more information.
# - Write the criteria after reading outputs, and expect them to change as you read more.
