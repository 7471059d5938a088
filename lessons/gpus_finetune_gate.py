# %% [markdown]
# Finetuning is heavy machinery: you need a training set, a training pipeline, an evaluation that tells
# the new model from the old, and the willingness to do it all again when the base model changes. The
# report's advice is to reach for it only after you have collected enough examples to be convinced that
# cheaper approaches will not do, and it observes that many teams who finetuned early came to regret it
# ([Yan et al., 2024](https://applied-llms.org/#dont-finetune-until-youve-proven-its-necessary)).
#
# "Convinced" needs a definition an engineer can check. This lesson uses one: **finetune only when the eval
# scores of successive prompt versions have stopped improving, below the accuracy you need, on an eval set
# large enough to tell a plateau from noise.** We measure a learning curve over four prompt versions on
# the course's model, put an interval around each point, and see what that curve can and cannot prove.
#
# ## How far prompting alone can go
#
# The strongest published case for exhausting prompting first is Medprompt. Nori et al. composed
# general-purpose prompting techniques (examples chosen per question, model-written chains of thought,
# and an ensemble over shuffled answer choices) around an unmodified GPT-4. On MedQA, questions in the
# style of the US medical licensing exam, it passed 90% for the first time and made 27% fewer errors than
# the best previous methods, which relied on specialist models trained for medicine [@nori2023medprompt].
# The authors also report controlling for overfitting while they engineered the prompts: they developed
# on some data and reported on other data. A prompt that was tuned on the eval set is the prompting
# version of training on the test set.
#
# ## A learning curve over prompt versions
#
# Our task is a small intent classifier: three intents from BANKING77, a public set of customer messages
# to a bank [@casanueva2020banking77], with four messages per intent from its test split (12 in all). We try four prompt versions, each one a
# step a team would plausibly take next:
#
# 1. **bare**: name the three intents and ask for one;
# 2. **format**: ask for the intent name only, and end the prompt where the answer starts;
# 3. **definitions**: add a one-line description of each intent;
# 4. **examples**: add one worked example per intent as earlier chat turns.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

data = shipped.load("gpus_finetune_gate", "banking77_slice.toml")
evals, examples = data["eval"], data["example"]
INTENTS = ["card_arrival", "lost_or_stolen_card", "declined_card_payment"]
pd.DataFrame(evals)

# %%
DEFINITIONS = ("Intents:\n"
               "- card_arrival: a card the customer ordered has not arrived yet\n"
               "- lost_or_stolen_card: the customer has lost their card or it was stolen\n"
               "- declined_card_payment: a payment made with the card was declined\n")


def messages_for(version: str, text: str) -> list[dict]:
    """The chat messages of one prompt version for one customer message."""
    if version == "bare":
        return [{"role": "user", "content": "Is this bank customer message about card_arrival, "
                                            f"lost_or_stolen_card or declined_card_payment?\n{text}"}]
    ask = ("Classify the bank customer message into one intent. Reply with the intent name only: "
           "card_arrival, lost_or_stolen_card or declined_card_payment.\n")
    if version in ("definitions", "examples"):
        ask += DEFINITIONS
    shots = []
    if version == "examples":
        for ex in examples:
            shots += [{"role": "user", "content": f"{ask}Message: {ex['text']}\nIntent:"},
                      {"role": "assistant", "content": ex["intent"]}]
    return shots + [{"role": "user", "content": f"{ask}Message: {text}\nIntent:"}]


def intent_of(answer: str) -> str:
    """The first intent name the answer mentions (spaces or hyphens read as underscores), else 'none'."""
    folded = answer.lower().replace(" ", "_").replace("-", "_")
    found = [(folded.find(name), name) for name in INTENTS if name in folded]
    return min(found)[1] if found else "none"


VERSIONS = ["bare", "format", "definitions", "examples"]
rows = []
for version in VERSIONS:
    for item in evals:
        answer = llm.chat(messages_for(version, item["text"]), max_tokens=12)
        rows.append({"version": version, "text": item["text"], "intent": item["intent"],
                     "answer": answer, "predicted": intent_of(answer)})
answers = pd.DataFrame(rows)
answers["correct"] = answers["predicted"] == answers["intent"]
answers.head(8)

# %% [markdown]
# The answers are the model's own text: shown as data, and read only by `intent_of`, which looks for an
# intent name and counts anything else as wrong. Now each version's accuracy with a 95% Wilson score
# interval, the usual interval for a proportion measured on few cases: unlike the textbook
# `p ± 1.96 * sqrt(p * (1 - p) / n)`, it stays inside [0, 1] and does not shrink to nothing at 0 or 12
# out of 12.

# %%
def wilson(passed: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (low, high) for passed out of n."""
    p = passed / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return centre - half, centre + half


curve = answers.groupby("version", sort=False)["correct"].agg(passed="sum", n="count").reset_index()
curve["accuracy"] = curve["passed"] / curve["n"]
curve[["low", "high"]] = [wilson(p, n) for p, n in zip(curve["passed"], curve["n"])]
curve["answers naming no intent"] = answers.groupby("version", sort=False)["predicted"].apply(
    lambda s: int((s == "none").sum())).to_numpy()
curve["best before"] = curve["accuracy"].cummax().shift()
curve["sure gain"] = curve["low"] > curve["best before"]  # the lower end clears every earlier score
display(curve.round(3))

fig, ax = plt.subplots(figsize=(7, 4))
xs = np.arange(len(curve))
ax.errorbar(xs, curve["accuracy"], yerr=[curve["accuracy"] - curve["low"], curve["high"] - curve["accuracy"]],
            fmt="o-", capsize=5, label="accuracy, 95% Wilson interval (n = 12 each)")
ax.axhline(1 / 3, color="grey", ls=":", label="guessing one of three intents")
ax.set_xticks(xs, [f"v{i + 1} {v}" for i, v in enumerate(curve["version"])])
ax.set(ylim=(0, 1), ylabel="accuracy on 12 held-out messages", title="Learning curve over prompt versions")
ax.legend(loc="upper left", fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# Read the intervals before the points. With 12 messages per version each interval covers a third to a
# half of the whole range, and the intervals of all four versions overlap. The last column applies a
# stricter test, the one the exercise uses: a version counts as a sure gain only when the lower end of its
# interval clears the best score of every version before it. On 12 messages such a verdict rests on a
# difference of a few answers, so it is weak evidence either way.
#
# The table also shows *why* scores moved, and that matters as much as the scores. A 135-million-parameter
# model is weak at following a format: in the recorded run many answers to the first three versions
# replied to the customer instead of naming an intent (counted in the `answers naming no intent` column),
# and some versions scored below guessing. With worked examples far fewer answers missed the format,
# which accounts for much of that version's gain. A bigger model would start higher; the point here is the shape of the evidence, not this
# model's score. The honest verdict of this experiment is neither "prompting works" nor "prompting has
# plateaued": it is **collect more evals**.
#
# ## How many eval cases does a decision need?
#
# Suppose prompt versions move accuracy by a few points at a time. The gate in the exercise calls a new
# version an improvement only when the lower end of its interval clears the best earlier score. The
# table below finds, for a few step sizes starting from 60%, the smallest eval set on which that happens.

# %%
def cases_needed(before: float, gain: float, z: float = 1.96) -> int:
    """Smallest n at which a version scoring before + gain has a Wilson lower end above `before`."""
    n = 1
    while wilson(round((before + gain) * n), n, z)[0] <= before:
        n += 1
    return n


steps = pd.DataFrame([{"step from 60%": f"+{gain * 100:.0f} points", "eval cases needed": cases_needed(0.6, gain)}
                      for gain in (0.20, 0.10, 0.05, 0.02)])
display(steps)

ns = np.arange(10, 1001)
fig, ax = plt.subplots(figsize=(7, 3.8))
for p in (0.5, 0.8, 0.95):
    widths = [wilson(round(p * n), n)[1] - wilson(round(p * n), n)[0] for n in ns]
    ax.plot(ns, np.array(widths) * 100, label=f"accuracy near {p:.0%}")
ax.axvline(12, color="black", ls="--", lw=1, label="this lesson's eval set (12)")
ax.set(xscale="log", xlabel="eval cases per prompt version", ylabel="width of the 95% interval (points)",
       title="What an eval set of size n can resolve")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# The width falls with the square root of the eval set: four times the cases, half the width. Telling a
# ten-point step from noise takes on the order of a hundred cases per version, and a two-point step takes
# over two thousand. That is why the gate in the exercise refuses to decide anything below a minimum eval
# size: with fewer cases than that, "we have plateaued" is an opinion.
#
# Two more things the gate cannot see, and a review should ask about:
#
# - **Where the prompts were tuned.** If each version was tuned on the eval set, its score overstates what
#   it does on new messages. Keep a held-out split, as the Medprompt authors did.
# - **Where the training data would come from.** The report's sharpest question: if good training data for
#   your task is not easy for the model builders to get, where will you get it? The examples you collected
#   to prove the plateau are a start, and often they are better spent as few-shot examples or retrieval
#   data first.
#
# ## What to take away
#
# - Make "prompting has plateaued" a measured claim: a learning curve over prompt versions, each point
#   with an interval, on a held-out eval set.
# - Size the eval set for the steps you care about: the interval narrows with the square root of n, so
#   small steps need hundreds to thousands of cases.
# - Gate the finetune in code: enough cases, best score below the target, and no sure improvement over
#   the last few versions. Anything else means ship, keep prompting, or collect more evals.
# - Prompting can go further than expected: Medprompt took an unmodified general model past specialist
#   models on medical exam questions.
