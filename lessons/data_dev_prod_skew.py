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
# Your test set is a promise: "the system will do about this well on real traffic". The promise only
# holds if the test set looks like the traffic. Classic machine learning calls the gap *train-serve
# skew*. With an LLM behind an API there is often no training set at all, but the same gap opens between
# the examples you develop prompts against and the messages users actually send
# ([Yan et al., 2024](https://applied-llms.org/#check-for-development-prod-skew)).
#
# The gap comes in two flavours. *Structural* skew is about form: casing, typos, half-finished
# sentences, a JSON envelope where your tests had plain text. *Content* skew is about meaning: users
# ask about things your examples never covered. This lesson deals with structural skew, because you
# can measure it with a few lines of code and a couple of classic statistics.
#
# In this lesson you will:
#
# 1. build a development set and a simulated production log from the same public data set;
# 2. compare them column by column with a two-sample Kolmogorov-Smirnov (KS) test, a population
#    stability index (PSI) and a shape check, and calibrate the thresholds on a sample that has no skew;
# 3. measure what the skew costs: a classifier built on the development set, and the course's model,
#    each scored on the same messages in their clean and their production form.

# %% [markdown]
# ## The data: one development set, two other samples
#
# The messages come from BANKING77, a public set of customer questions to a bank labelled with 77
# intents [@casanueva2020banking77] (CC BY 4.0; the course ships a slice with its source and licence).
# We keep six intents with clearly different topics (a card that has not arrived, changing a PIN,
# exchange rates, a lost or stolen card, closing the account, the minimum age) and 40 messages of each
# from each of the data set's two splits.
#
# - **dev**: the 240 messages of the test split, as written. This is the set you would tune a prompt on.
# - **control**: 240 other messages (from the training split), also as written. Same source, same
#   style: any difference between dev and control is sampling noise, not skew.
# - **prod**: the same 240 messages as control, passed through a seeded function that makes them look
#   like what a mobile app might send.
#
# We do not have a real production log, so the production form is a simulation, and its numbers are
# **assumptions** of this lesson, not measurements of any real bank: 15% of messages longer than five
# words are cut to their first three to five words (sent too early); each word of four or more letters,
# punctuation-free, gets two neighbouring letters swapped with probability 8%; 35% of messages are lower-cased with their
# final punctuation dropped and 5% are upper-cased; 20% get a greeting in front; and a new app release
# wraps 30% of messages in a JSON object `{"channel": ..., "message": ...}` and 10% in one whose
# `messages` field is a list. Change the numbers and rerun the notebook to see what each one does.

# %%
import json
import random
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

pd.set_option("display.max_colwidth", 36)  # message columns side by side must fit a page without scrolling
from scipy.stats import ks_2samp

from llmcourse.helpers import shipped

data = shipped.load("data_dev_prod_skew", "banking77_slice.csv")
dev = data[data["split"] == "test"].reset_index(drop=True)
control = data[data["split"] == "train"].reset_index(drop=True)

GREETINGS = ["Hi, quick question. ", "Hello there, I have been with you for years and I need some help. ",
             "Good morning! Sorry to bother you, but ", "hey, "]


def swap_letters(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def production_form(text: str, rng: random.Random) -> str:
    """One message as the simulated app sends it (the probabilities are this lesson's assumptions)."""
    words = text.split()
    if rng.random() < 0.15 and len(words) > 5:
        words = words[: rng.randint(3, 5)]
    words = [swap_letters(w, rng) if len(w) >= 4 and w.isalpha() and rng.random() < 0.08 else w for w in words]
    text = " ".join(words)
    casing = rng.random()
    if casing < 0.35:
        text = text.lower().rstrip("?.!")
    elif casing < 0.40:
        text = text.upper()
    if rng.random() < 0.20:
        text = rng.choice(GREETINGS) + text
    envelope = rng.random()
    if envelope < 0.30:
        return json.dumps({"channel": "app", "message": text})
    if envelope < 0.40:
        return json.dumps({"channel": "app", "messages": [text]})
    return text


rng = random.Random(15)
prod = control.assign(text=[production_form(t, rng) for t in control["text"]])
pd.DataFrame({"intent": control["intent"], "control (as written)": control["text"],
              "prod (same message, production form)": prod["text"]}).iloc[[0, 2, 4, 5, 9, 41, 125, 170]]

# %% [markdown]
# ## Step 1: describe every message with a few numbers
#
# Skew checks compare distributions, so each message becomes a row of simple measurements. None needs
# a model:
#
# - `chars` and `words`: the raw length, envelope included;
# - `upper_share`: the share of its letters that are capitals;
# - `unknown_word_share`: the share of its words missing from a vocabulary, a cheap proxy for typos. The
#   vocabulary is every word of the 480 clean messages we ship, so dev and control score 0 by
#   construction; with real traffic you would use a dictionary or your own logs;
# - `ends_with_punct`: 1 if the message ends with `?`, `.` or `!`.
#
# The shape check is separate: it asks what *kind* of thing each input is (plain text, or a JSON
# object with which fields of which types), because a new shape is a change no histogram of lengths
# will name.

# %%
VOCAB = {w for text in data["text"] for w in re.findall(r"[a-z]+", text.lower())}


def features(texts: pd.Series) -> pd.DataFrame:
    rows = []
    for raw in texts:
        letters = [c for c in raw if c.isalpha()]
        words = re.findall(r"[a-z]+", raw.lower())
        rows.append({"chars": len(raw), "words": len(raw.split()),
                     "upper_share": sum(c.isupper() for c in letters) / max(len(letters), 1),
                     "unknown_word_share": sum(w not in VOCAB for w in words) / max(len(words), 1),
                     "ends_with_punct": float(raw.rstrip()[-1:] in ("?", ".", "!"))})
    return pd.DataFrame(rows)


def shape(raw: str) -> str:
    """'plain text', or the JSON value's type with its fields and their types."""
    try:
        value = json.loads(raw)
    except ValueError:
        return "plain text"
    if isinstance(value, dict):
        return "object {" + ", ".join(f"{k}: {type(v).__name__}" for k, v in sorted(value.items())) + "}"
    return type(value).__name__


samples = {"dev": dev, "control": control, "prod": prod}
feats = {name: features(df["text"]) for name, df in samples.items()}
pd.DataFrame({name: f.mean() for name, f in feats.items()}).rename_axis("mean of")

# %% [markdown]
# ## Step 2: compare each column with dev
#
# Two statistics, each a different question:
#
# - The **KS statistic** `D` is the largest vertical gap between the two samples' cumulative
#   distributions: of the messages at most *x* characters long, what share is that in dev and in prod,
#   at the *x* where those shares differ most. It lies between 0 and 1, and scipy also gives a p-value
#   for "both samples come from one distribution".
# - The **PSI** cuts the range of a column into bins and adds up, over the bins,
#   `(prod share - dev share) * ln(prod share / dev share)`. It is 0 for identical histograms and grows
#   with every bin that gained or lost messages; an empty bin would make the logarithm infinite, so
#   empty shares are replaced by a small epsilon. Here: 10 equal-width bins over the range both samples
#   cover, epsilon 0.0001.
#
# Both are computed twice: dev against control (no skew) and dev against prod.

# %%
def psi(expected: np.ndarray, actual: np.ndarray, n_bins: int = 10, eps: float = 1e-4) -> float:
    lo, hi = min(expected.min(), actual.min()), max(expected.max(), actual.max())
    edges = np.linspace(lo, hi, n_bins + 1) if hi > lo else np.array([lo, lo + 1.0])
    p = np.histogram(expected, edges)[0] / len(expected)
    q = np.histogram(actual, edges)[0] / len(actual)
    p, q = np.where(p == 0, eps, p), np.where(q == 0, eps, q)
    return float(np.sum((q - p) * np.log(q / p)))


rows = []
for other in ["control", "prod"]:
    for column in feats["dev"].columns:
        a, b = feats["dev"][column].to_numpy(), feats[other][column].to_numpy()
        ks = ks_2samp(a, b)
        rows.append({"against dev": other, "column": column, "dev mean": a.mean(), "mean": b.mean(),
                     "KS D": ks.statistic, "KS p-value": ks.pvalue, "PSI": psi(a, b)})
skew = pd.DataFrame(rows).set_index(["against dev", "column"])
skew.round({"dev mean": 3, "mean": 3, "KS D": 3, "KS p-value": 4, "PSI": 3})

# %% [markdown]
# Read the control rows first: they tell you how large the statistics get when nothing has changed.
# With 240 messages per side, PSI over 10 bins is not zero between two clean samples, because a few
# messages landing in a sparse bin move it; the KS statistic stays small. Those two numbers are the
# floor to set thresholds above. We flag a column when **PSI >= 0.2 or KS D >= 0.15**, comfortably
# above the largest control values; these are settings for this data and this sample size, not
# constants of nature, so calibrate yours the same way on two clean samples of your own traffic.
#
# (`unknown_word_share` is the exception in the control rows: it is 0 on both sides by construction,
# so its control row says nothing about noise.)
#
# The p-values are printed to make a point: with a few hundred messages per side almost any real
# difference is "significant", and with tens of thousands of log lines even a harmless one is. Flag on
# the size of the difference (D, PSI), not on the p-value.

# %%
PSI_THRESHOLD, KS_THRESHOLD = 0.2, 0.15
controls = skew.loc["control"].drop(index="unknown_word_share")
print(f"largest values between two clean samples: PSI {controls['PSI'].max():.3f}, "
      f"KS D {controls['KS D'].max():.3f}")
flags = skew.assign(flagged=(skew["PSI"] >= PSI_THRESHOLD) | (skew["KS D"] >= KS_THRESHOLD))
flags["flagged"].unstack(0)

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
for name, colour in [("dev", "#3f51b5"), ("control", "#999999"), ("prod", "#c0392b")]:
    values = np.sort(feats[name]["chars"].to_numpy())
    axes[0].step(values, np.arange(1, len(values) + 1) / len(values), where="post", color=colour, label=name)
axes[0].set_xlabel("message length (characters)")
axes[0].set_ylabel("share of messages at most this long")
axes[0].set_title(f"KS D, dev vs prod: {skew.loc[('prod', 'chars'), 'KS D']:.2f}; "
                  f"vs control: {skew.loc[('control', 'chars'), 'KS D']:.2f}")
axes[0].legend()
table = skew["PSI"].unstack(0)
y = np.arange(len(table))
axes[1].barh(y - 0.2, table["control"], height=0.4, color="#999999", label="control vs dev")
axes[1].barh(y + 0.2, table["prod"], height=0.4, color="#c0392b", label="prod vs dev")
axes[1].axvline(PSI_THRESHOLD, color="black", linestyle="--", label=f"threshold {PSI_THRESHOLD}")
axes[1].set_yticks(y, table.index)
axes[1].set_xscale("symlog", linthresh=0.1)
axes[1].set_xlabel("PSI (symmetric log scale)")
axes[1].legend(fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# On the left, the production curve sits to the right of the other two for most of its length: the
# greetings and JSON envelopes make messages longer, while the fragments pull its lower end left. The
# control curve hugs dev.
#
# Notice `upper_share`: its mean barely moves between dev and prod (see the table of means), because
# lower-cased messages (fewer capitals) and shouted ones (more) cancel out. The KS statistic still
# catches it, because it compares whole distributions, not averages. A dashboard of means would have
# missed this column.
#
# ## The shape check
#
# Lengths and shares cannot say "a field that used to be a string is now a list". Counting shapes can:

# %%
shapes = pd.DataFrame({name: df["text"].map(shape).value_counts() for name, df in samples.items()}).fillna(0)
shapes.astype(int)

# %% [markdown]
# Any shape present in production and absent from dev is a finding on its own, whatever its share:
# code that does `json.loads(x)["message"]` breaks on every message of the third kind. The fix is a
# contract at the boundary (parse, validate, normalise to one shape before the prompt is built) and a
# test set that holds each shape production sends.
#
# ## Step 3: what does the skew cost?
#
# A skew statistic says the inputs changed, not that results got worse; some changes are harmless to
# some systems. So measure the system on both forms of the same messages.
#
# First a plain text classifier, TF-IDF features with logistic regression (scikit-learn defaults),
# fitted on the 240 dev messages and scored on the 240 control messages, once as written and once in
# production form. Every message is scored in both forms, so any difference comes from the production
# changes alone.

# %%
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

classifier = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit(dev["text"], dev["intent"])
right_clean = classifier.predict(control["text"]) == control["intent"]
right_prod = classifier.predict(prod["text"]) == prod["intent"]
by_shape = pd.DataFrame({"shape": prod["text"].map(shape), "accuracy, as written": right_clean,
                         "accuracy, production form": right_prod})
summary = by_shape.groupby("shape").agg(messages=("shape", "size"), **{
    c: (c, "mean") for c in ["accuracy, as written", "accuracy, production form"]})
summary.loc["all messages"] = [len(by_shape), right_clean.mean(), right_prod.mean()]
summary

# %%
broken = prod[right_clean & ~right_prod].assign(
    as_written=control["text"], predicted=classifier.predict(prod["text"])[right_clean & ~right_prod])
print(f"{len(broken)} messages the classifier got right as written and wrong in production form; "
      f"{int((~right_clean & right_prod).sum())} the other way round")
broken[["intent", "predicted", "as_written", "text"]].rename(columns={"text": "production form"})

# %% [markdown]
# Read the broken messages. Fragments that lost the words carrying the intent are the usual cause; the
# casing changes cost this classifier nothing, because its vectoriser lower-cases everything. That is
# the general lesson: a flagged column is a question ("does my system care?"), and only a measurement on
# the production form answers it.
#
# Now the course's model. It is far too small to be a good six-way classifier, so we give it every
# advantage we can in a short prompt: one worked example per intent, and a JSON schema that forces its
# answer to be one of the six labels. It classifies 12 messages (two per intent) in both forms: 24 calls.

# %%
from llmcourse.notebook import llm

LABELS = {"card_arrival": "card_delivery", "change_pin": "change_pin", "exchange_rate": "exchange_rate",
          "lost_or_stolen_card": "lost_or_stolen_card", "terminate_account": "close_account",
          "age_limit": "age_limit"}
EXAMPLES = [("My card still hasn't come in the post.", "card_delivery"), ("How do I set a new PIN?", "change_pin"),
            ("What rate do you use to convert euros to dollars?", "exchange_rate"),
            ("Someone took my wallet with my card in it.", "lost_or_stolen_card"),
            ("Please delete my account.", "close_account"), ("Is there a minimum age to sign up?", "age_limit")]
SCHEMA = {"type": "object", "properties": {"topic": {"type": "string", "enum": list(LABELS.values())}},
          "required": ["topic"]}
conversation = [{"role": "system", "content": "Classify each bank customer message into one topic: "
                 + ", ".join(LABELS.values()) + "."}]
for message, label in EXAMPLES:
    conversation += [{"role": "user", "content": message},
                     {"role": "assistant", "content": json.dumps({"topic": label})}]
client = llm.client()


def model_label(message: str) -> str:
    response = client.chat.completions.create(
        model=llm.model_name(), messages=conversation + [{"role": "user", "content": message}],
        max_tokens=20, temperature=0, seed=0, response_format={"type": "json_object", "schema": SCHEMA})
    try:
        return json.loads(response.choices[0].message.content)["topic"]
    except (ValueError, KeyError, TypeError):
        return "(unparsable)"


picked = control.groupby("intent").head(2).index
model_rows = []
for i in picked:
    truth = LABELS[control.loc[i, "intent"]]
    clean, production = model_label(control.loc[i, "text"]), model_label(prod.loc[i, "text"])
    model_rows.append({"intent": truth, "as written": clean, "production form": production,
                       "message (production form)": prod.loc[i, "text"]})
model_runs = pd.DataFrame(model_rows)
model_runs

# %%
model_acc = {form: float((model_runs[form] == model_runs["intent"]).mean()) for form in ["as written", "production form"]}
changed = int((model_runs["as written"] != model_runs["production form"]).sum())
print(f"model accuracy on {len(model_runs)} messages: as written {model_acc['as written']:.2f}, "
      f"production form {model_acc['production form']:.2f} (chance is {1 / len(LABELS):.2f}); "
      f"the label changed on {changed} of {len(model_runs)} messages")
print("labels it used:", model_runs[["as written", "production form"]].stack().value_counts().to_dict())

# %% [markdown]
# Read these numbers with their size in mind. Twelve messages is a sample where one answer moves
# accuracy by 0.08, and this model is weak enough that its accuracy may sit near chance in both forms,
# with a strong preference for a few labels: if so, the comparison says nothing about skew, and the
# classifier above is the measurement to trust. What the model does show, when its label changes
# between two forms of the same message, is that the form alone moves the answer. Larger models are
# far from immune: Sclar et al. found that formatting changes that keep the meaning (separators,
# casing, spacing) moved the accuracy of LLaMA-2-13B by up to 76 points on a few-shot task
# [@sclar2023formatting].
#
# ## What to take away
#
# - Log the raw inputs your system receives, and compute a handful of cheap columns over them: length,
#   casing, unknown-word share, and the shape of structured fields.
# - Compare last week's log with your dev set column by column. Use KS D and PSI, not p-values, and set
#   the thresholds from two clean samples, the way the control did here.
# - Treat a new input shape as a bug to fix at the boundary, and add each shape to the test set.
# - When a column is flagged, rerun your evals on the production form of the inputs before deciding it
#   matters: the same messages in both forms, as in step 3.
# - Refresh the dev set from recent production logs, typos and fragments included.
