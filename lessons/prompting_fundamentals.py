# %% [markdown]
# Before you reach for an agent framework, a vector database or a finetune, try the plain levers: tell the
# model what the task is, show it a few worked examples, and give it the facts it needs. They cost one
# edit to a string, and each can be measured in an afternoon.
#
# The best-known demonstration of how far one sentence can move a model is zero-shot chain of thought.
# Kojima et al. added "Let's think step by step" before the answer of text-davinci-002 and saw its
# zero-shot accuracy rise from 17.7% to 78.7% on the MultiArith word problems and from 10.4% to 40.7% on
# GSM8K [@kojima2022zeroshot]. Few-shot examples are just as cheap, but they bring their own traps: Zhao
# et al. showed that GPT-3's few-shot answers lean towards the label that appears most often among the
# examples and towards the one placed last, so which examples you pick, and in what order, can swing
# accuracy from near chance to near the best known [@zhao2021calibrate].
#
# This lesson measures three levers on the course's small model, on one task, and puts a noise band on
# each change, so that "the examples helped" becomes a number with an error bar.
#
# ## The task and the four prompts
#
# The task is intent classification on BANKING77, a public set of customer messages to a bank, each
# labelled with one of 77 intents [@casanueva2020banking77]. We keep four intents and four held-out test
# messages per intent (16 messages), and four training messages per intent as a pool of worked examples.
# Every prompt asks for the intent name only and ends where the answer should start. The four versions:
#
# 1. **zero-shot**: the instruction and the four intent names;
# 2. **grounded**: the same, plus one line saying what each intent means (the facts the model needs,
#    written into the prompt);
# 3. **4-shot, one intent**: zero-shot plus four worked examples, all of them from one intent;
# 4. **4-shot, balanced**: zero-shot plus four worked examples, one from each intent.
#
# Versions 3 and 4 have the same number of examples; only the label mix differs.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

data = shipped.load("prompting_fundamentals", "banking77_slice.toml")
evals, pool = data["eval"], data["example"]
INTENTS = ["card_arrival", "exchange_rate", "pin_blocked", "top_up_failed"]
pd.DataFrame(evals)

# %%
ASK = ("Classify the bank customer message into one intent. Reply with the intent name only: "
       "card_arrival, exchange_rate, pin_blocked or top_up_failed.\n")
MEANINGS = ("What the intents mean:\n"
            "- card_arrival: a card the customer ordered has not reached them yet\n"
            "- exchange_rate: a question about the rate used to convert between currencies\n"
            "- pin_blocked: the PIN is locked, usually after too many wrong tries\n"
            "- top_up_failed: adding money to the account did not go through\n")

ONE_INTENT = [ex for ex in pool if ex["intent"] == "card_arrival"][:4]
BALANCED = [next(ex for ex in pool if ex["intent"] == name) for name in INTENTS]


def messages_for(version: str, text: str) -> list[dict]:
    """The chat messages of one prompt version for one customer message."""
    ask = ASK + MEANINGS if version == "grounded" else ASK
    shots = {"4-shot, one intent": ONE_INTENT, "4-shot, balanced": BALANCED}.get(version, [])
    turns = []
    for ex in shots:
        turns += [{"role": "user", "content": f"{ask}Message: {ex['text']}\nIntent:"},
                  {"role": "assistant", "content": ex["intent"]}]
    return turns + [{"role": "user", "content": f"{ask}Message: {text}\nIntent:"}]


def intent_of(answer: str) -> str:
    """The first intent name the answer mentions (spaces or hyphens read as underscores), else 'none'."""
    folded = answer.lower().replace(" ", "_").replace("-", "_")
    found = [(folded.find(name), name) for name in INTENTS if name in folded]
    return min(found)[1] if found else "none"


VERSIONS = ["zero-shot", "grounded", "4-shot, one intent", "4-shot, balanced"]
rows = []
for version in VERSIONS:
    for i, item in enumerate(evals):
        answer = llm.chat(messages_for(version, item["text"]), max_tokens=8)
        rows.append({"version": version, "message": i, "intent": item["intent"], "answer": answer,
                     "predicted": intent_of(answer)})
answers = pd.DataFrame(rows)
answers["correct"] = answers["predicted"] == answers["intent"]
answers.sample(8, random_state=0)

# %% [markdown]
# The model's answers are shown as data and read only by `intent_of`, which looks for an intent name and
# counts anything else as wrong (`none`). A 135-million-parameter model often replies to the customer
# instead of naming an intent, so following the format is part of what each lever can fix.
#
# ## Which lever moved accuracy, and by how much
#
# Sixteen messages is a small sample, so every number below comes with a band. For each version's own
# accuracy we use a 95% Wilson interval. For the *change* a lever makes we can do better: all four
# versions answered the same 16 messages, so we resample messages (a paired bootstrap, 2,000 draws) and
# read the middle 95% of the accuracy differences. A change whose band excludes zero is one this sample
# can see; a band that straddles zero means "not shown", not "no effect".

# %%
def wilson(passed: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (low, high) for passed out of n."""
    p = passed / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return centre - half, centre + half


right = answers.pivot(index="message", columns="version", values="correct")[VERSIONS].astype(int)
rng = np.random.default_rng(0)
draws = rng.integers(0, len(right), size=(2000, len(right)))

summary = []
for version in VERSIONS:
    passed, n = int(right[version].sum()), len(right)
    diffs = right[version].to_numpy()[draws].mean(axis=1) - right["zero-shot"].to_numpy()[draws].mean(axis=1)
    low, high = np.percentile(diffs, [2.5, 97.5])
    summary.append({"version": version, "correct": f"{passed}/{n}", "accuracy": passed / n,
                    "95% interval": "{:.2f} to {:.2f}".format(*wilson(passed, n)),
                    "change vs zero-shot": passed / n - right["zero-shot"].mean(),
                    "95% band of the change": f"{low:+.2f} to {high:+.2f}",
                    "change shown": bool(low > 0 or high < 0),
                    "answers naming no intent": int((answers.loc[answers["version"] == version, "predicted"]
                                                     == "none").sum())})
summary = pd.DataFrame(summary)
display(summary.round(3))

# %%
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
xs = np.arange(len(VERSIONS))
acc = summary["accuracy"].to_numpy()
bands = np.array([wilson(int(round(a * 16)), 16) for a in acc])
ax1.errorbar(xs, acc, yerr=[acc - bands[:, 0], bands[:, 1] - acc], fmt="o", capsize=5,
             label="accuracy, 95% Wilson interval (n = 16)")
ax1.axhline(0.25, color="grey", ls=":", label="guessing one of four intents")
ax1.set_xticks(xs, VERSIONS, rotation=15)
ax1.set(ylim=(0, 1), ylabel="accuracy on 16 held-out messages", title="Accuracy by prompt version")
ax1.legend(loc="upper left", fontsize=8)

mix = pd.crosstab(answers["version"], answers["predicted"]).reindex(index=VERSIONS,
                                                                     columns=INTENTS + ["none"], fill_value=0)
bottom = np.zeros(len(VERSIONS))
for label in mix.columns:
    ax2.bar(xs, mix[label], bottom=bottom, label=label)
    bottom += mix[label].to_numpy()
ax2.axhline(4, color="black", ls="--", lw=1, label="4 = the true count of each intent")
ax2.set_xticks(xs, VERSIONS, rotation=15)
ax2.set(ylabel="answers (of 16)", title="Which intent each version predicted")
ax2.legend(fontsize=7, loc="upper right")
fig.tight_layout()
plt.show()
display(mix)

# %% [markdown]
# Read the table from the bands. In the recorded run:
#
# - **Zero-shot and grounded** both got 2 of 16 right, and 14 of 16 answers named no intent: the model
#   talked about the message, or repeated the list it was given, instead of choosing. Adding what each
#   intent means changed nothing this sample can see (the band of the change runs from about -19 to +19
#   points). This small model made no use of the definitions; whether a larger one does is a
#   question to measure on your own model, not to assume.
# - **Four examples of one intent** fixed the format completely (no answer without an intent) and broke
#   the task: all 16 answers were `card_arrival`, the only label the examples showed. Its 25% is exactly
#   the four messages that really were `card_arrival`. This is the majority label bias Zhao et al.
#   describe, in its most extreme form.
# - **Four balanced examples**, one per intent, was the only lever whose band of the change excludes
#   zero: 6 of 16, 25 points above zero-shot, with a band of roughly +6 to +50 points. It got every
#   `exchange_rate` message and half the `top_up_failed` ones; for the other two intents it copied the
#   *shape* of the answers (short snake_case words) but made up its own labels, which `intent_of` counts
#   as wrong.
#
# So the lever that moved accuracy on this model is the set of worked examples, and its label mix
# matters as much as its presence: the same number of examples, drawn from one label, bought format
# compliance at the cost of the task. Sixteen messages only show effects of about twenty points or more;
# to compare two good prompts that differ by a few points you need hundreds of messages.
#
# ## Grounding, and the way out
#
# Grounding means putting the facts the answer depends on into the prompt, instead of hoping the model
# learnt them: here, what each intent means; in a question-answering product, the retrieved passages or
# the customer's account data. It comes with a duty. When the facts in the prompt do not hold the answer,
# the model should say so rather than fill the gap, and it will only do that reliably if the prompt names
# the way out: an exact phrase such as "insufficient information" that your code can test for. The
# exercise builds a prompt that always carries that clause when it carries context.
#
# ## What to take away
#
# - Try the cheap levers first: a precise instruction, a few worked examples, the facts the task needs.
#   Each is an edit to a string.
# - Measure each lever on the same held-out messages and put a band on the *change*: with a few dozen
#   messages only large effects are visible, and an unseen effect is not a disproved one.
# - Balance the worked examples across labels and drop duplicates: a skewed set of examples teaches the
#   model a skewed answer.
# - When you ground a prompt in context, give the model a way out ("insufficient information") and check
#   for that phrase in code.
