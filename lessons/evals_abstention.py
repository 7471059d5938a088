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
# A language model has no built-in way to say "nothing here answers that". Give it a question and it
# produces the most plausible continuation, whether or not the facts behind the question exist in
# its prompt or its training data. Telling it in the prompt to reply "I don't know" helps a little;
# it is not a policy you can rely on. Reading the model's own token probabilities as a confidence
# score is tempting too, but a probability only means something if it has been checked against how
# often the model is actually right, and for chat-tuned models it often is not.
#
# So the decision to answer or abstain belongs in your code, driven by signals you can measure and
# tune. In this lesson you will:
#
# 1. ask the course's model 24 questions about a small (invented) company knowledge base, half of
#    which the knowledge base cannot answer, and count how often it answers anyway;
# 2. add an abstention rule outside the model, a threshold on the BM25 score of the best passage,
#    and compare it with a threshold on the model's own token probability;
# 3. check whether the model's probabilities are calibrated on 30 yes/no questions, with a
#    reliability diagram and the expected calibration error (ECE).

# %%
import math
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from rank_bm25 import BM25Okapi

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

passages = shipped.load("evals_abstention", "passages.toml")["passages"]
questions = shipped.load("evals_abstention", "questions.toml")["questions"]
yesno = shipped.load("evals_abstention", "yesno.toml")["items"]

print(f"{len(passages)} passages, {len(questions)} questions, {len(yesno)} yes/no items")
pd.DataFrame(questions)[["id", "kind", "question"]].iloc[[0, 3, 12, 17, 18, 22]]

# %% [markdown]
# ## The data
#
# The knowledge base is 12 short passages about *Brightwater Bicycles*, a bike maker that does not
# exist, so the model cannot answer from memory. The questions come in three kinds:
#
# - **answerable** (12): one passage states the answer;
# - **near_miss** (6): they use the knowledge base's own words (a model name, a founder, the shop) but
#   ask for something it never says, such as a price or a home address;
# - **off_topic** (6): private, fictional or unrelated facts, such as a wifi password or the moons of
#   an imaginary planet.
#
# Near misses are the hard case. A keyword retriever will find a passage that looks relevant, and the
# model will find words in it to build an answer from.
#
# ## Step 1: retrieve, then ask with an explicit way out
#
# Retrieval is BM25 over the passages (`rank_bm25` with default parameters). We drop a short list of
# question words before scoring: with only 12 passages, words like *what* and *the* would otherwise
# give every passage a score. Each question goes to the model with its best passage and an
# instruction to reply "I don't know" when the passage lacks the answer. We also ask the server for
# the log-probability of every generated token, to use later.

# %%
STOPWORDS = set("a an the is are was of to in on for and or what which who how many much does do "
                "did i my at by it its from".split())


def tokenize(text: str) -> list[str]:
    return [t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in STOPWORDS]


bm25 = BM25Okapi([tokenize(p["title"] + " " + p["text"]) for p in passages])


def retrieve(question: str) -> list[tuple[str, float]]:
    """Every passage with its BM25 score, best first."""
    scores = bm25.get_scores(tokenize(question))
    order = np.argsort(-scores, kind="stable")
    return [(passages[i]["text"], float(scores[i])) for i in order]


PROMPT = ("Answer the question using only the passage. If the passage does not contain the answer, "
          "reply exactly: I don't know.\n\nPassage: {passage}\n\nQuestion: {question}")

client = llm.client()


def ask(question: str, passage: str) -> tuple[str, float]:
    """The model's reply and its mean token probability (geometric mean over the generated tokens)."""
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=24, temperature=0, seed=0, logprobs=True, top_logprobs=1,
        messages=[{"role": "user", "content": PROMPT.format(passage=passage, question=question)}])
    choice = response.choices[0]
    logprobs = [t.logprob for t in choice.logprobs.content] if choice.logprobs else [0.0]
    return (choice.message.content or "").strip(), math.exp(sum(logprobs) / len(logprobs))


ABSTAINS = re.compile(r"don't know|do not know|(does not|doesn't) (contain|mention|say)|not (mentioned|stated|"
                      r"given|provided)|no information|(cannot|can't) answer", re.I)

rows = []
for q in questions:
    passage, score = retrieve(q["question"])[0]
    reply, prob = ask(q["question"], passage)
    rows.append({"id": q["id"], "kind": q["kind"], "bm25": score, "model_prob": prob, "reply": reply,
                 "model_abstains": bool(ABSTAINS.search(reply)),
                 "correct": any(a.lower() in reply.lower() for a in q["answers"])})
runs = pd.DataFrame(rows).set_index("id")
runs[["kind", "bm25", "model_prob", "model_abstains", "reply"]]

# %% [markdown]
# A reply counts as an abstention if it says, in any of a few common phrasings, that the passage does
# not have the answer; a reply to an answerable question counts as correct if it contains the fact
# (for example `45` or `Lisbon`). Both checks are crude string matches: read the replies above and
# judge them yourself too.

# %%
by_kind = runs.groupby("kind").agg(questions=("reply", "size"),
                                   model_answers=("model_abstains", lambda s: int((~s).sum())),
                                   correct=("correct", "sum"))
by_kind.loc[["answerable", "near_miss", "off_topic"]]

# %%
unanswerable = runs["kind"] != "answerable"
answered_anyway = int((~runs.loc[unanswerable, "model_abstains"]).sum())
print(f"The model answered {answered_anyway} of the {int(unanswerable.sum())} questions the knowledge base "
      f"cannot answer, despite being told to say it did not know.")
print(f"It answered {int(runs['correct'].sum())} of the {int((~unanswerable).sum())} answerable ones correctly.")

# %% [markdown]
# Look at the replies to the unanswerable questions. If your run looks like ours, most of them are
# fluent sentences with a made-up fact or a number borrowed from the passage, and nothing in their
# wording tells you they are invented.
#
# This is not only a small-model problem. SQuAD 2.0 was built because reading-comprehension systems
# kept guessing when the answer was not in the paragraph: it adds over 50,000 unanswerable questions,
# written by crowdworkers to look like answerable ones, and a strong system that scored 86% F1 on
# SQuAD 1.1 scored 66% F1 on SQuAD 2.0
# [@rajpurkar2018squad].
#
# ## Step 2: an abstention policy outside the model
#
# The retriever already knows something the model does not admit: how well the question matches the
# knowledge base. The rule is simple. If the best passage scores below a threshold, the system replies
# "I don't know" and never calls the model. Otherwise it returns the model's reply.
#
# The other candidate signal is the model's own confidence: the mean token probability of its reply.
# Below, each signal gets the same treatment: slide the threshold from "never abstain" to "always
# abstain" and count two things at each setting, the unanswerable questions that still get an answer
# (want: low) and the answerable questions still answered correctly (want: high). Both are computed
# from the replies we already have, so this step makes no new model calls.

# %%
def sweep(signal: str) -> pd.DataFrame:
    """For each threshold, what the system does when it abstains below it."""
    values = np.sort(runs[signal].unique())
    thresholds = np.concatenate([[values[0] - 1e-9], values, [values[-1] + 1e-9]])
    out = []
    for t in thresholds:
        answers = (runs[signal] >= t) & ~runs["model_abstains"]
        out.append({"threshold": t,
                    "unanswerable answered": (answers & unanswerable).sum() / unanswerable.sum(),
                    "answerable answered correctly": (answers & runs["correct"]).sum() / (~unanswerable).sum(),
                    "coverage": answers.mean()})
    return pd.DataFrame(out)


sweeps = {"BM25 score of the best passage": sweep("bm25"), "model's mean token probability": sweep("model_prob")}

fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), sharey=True)
for ax, (name, table) in zip(axes, sweeps.items()):
    ax.step(table["threshold"], table["unanswerable answered"], where="post", color="#c0392b",
            label="unanswerable questions answered")
    ax.step(table["threshold"], table["answerable answered correctly"], where="post", color="#3f51b5",
            label="answerable questions answered correctly")
    ax.set_xlabel(f"threshold on the {name}")
    ax.set_ylim(-0.03, 1.03)
axes[0].set_ylabel(f"share of the {int(unanswerable.sum())} questions of each kind")
axes[0].legend(loc="upper right", fontsize=8)
fig.suptitle("Abstain below a threshold: what you lose and what you block")
plt.tight_layout()
plt.show()

# %% [markdown]
# A useful signal separates the two curves: there is a range of thresholds where the red line has
# dropped and the blue line has not. Compare the two panels on your run. Then put one number on each
# signal: the best you can do without losing a single correct answer.

# %%
def best_safe_threshold(table: pd.DataFrame) -> pd.Series:
    """The threshold that blocks the most unanswerable questions while keeping every correct answer."""
    keeps_all = table[table["answerable answered correctly"] == table["answerable answered correctly"].max()]
    return keeps_all.sort_values(["unanswerable answered", "threshold"]).iloc[0]


pd.DataFrame({name: best_safe_threshold(table) for name, table in sweeps.items()}).T

# %% [markdown]
# Two cautions before you copy this rule into a product. First, we picked the threshold on the same 24
# questions we report it on, so the numbers flatter it; in practice you choose it on one labelled set
# and check it on another. Second, retrieval scores catch *off-topic* questions far better than
# *near misses*: a question about the home address of a founder named in a passage matches that
# passage well. Check which kind of unanswerable question survives your threshold:

# %%
bm25_threshold = best_safe_threshold(sweeps["BM25 score of the best passage"])["threshold"]
survivors = runs[unanswerable & (runs["bm25"] >= bm25_threshold) & ~runs["model_abstains"]]
print(f"BM25 threshold {bm25_threshold:.2f}: unanswerable questions still answered, by kind:")
survivors["kind"].value_counts().to_frame("answered")

# %% [markdown]
# ## Step 3: are the model's probabilities calibrated?
#
# A confidence score is *calibrated* when it means what it says: of all the answers given with
# confidence 0.7, about 70% are right. Only then can a threshold on it be read as a risk you chose.
#
# We ask 30 yes/no questions with known answers (15 of each) and request one token with its top 10
# alternatives. The model's probability for *yes* is the mass on the tokens `yes`/`Yes`, likewise for
# *no*; its answer is the larger of the two, and its confidence is that answer's share of the
# yes-plus-no mass (so it lies between 0.5 and 1). Tokens other than yes and no are left out.

# %%
def yes_no_probs(question: str) -> tuple[float, float]:
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=1, temperature=0, seed=0, logprobs=True, top_logprobs=10,
        messages=[{"role": "user", "content": f"{question} Answer with one word: yes or no."}])
    top = response.choices[0].logprobs.content[0].top_logprobs
    p_yes = sum(math.exp(t.logprob) for t in top if t.token.strip().lower() == "yes")
    p_no = sum(math.exp(t.logprob) for t in top if t.token.strip().lower() == "no")
    return p_yes, p_no


cal_rows = []
for item in yesno:
    p_yes, p_no = yes_no_probs(item["question"])
    said = "yes" if p_yes > p_no else "no"
    cal_rows.append({"id": item["id"], "question": item["question"], "truth": item["answer"], "said": said,
                     "confidence": max(p_yes, p_no) / (p_yes + p_no) if p_yes + p_no else 0.5,
                     "correct": said == item["answer"]})
cal = pd.DataFrame(cal_rows).set_index("id")
print(f"accuracy {cal['correct'].mean():.2f}, mean confidence {cal['confidence'].mean():.2f}; "
      f"answered yes {int((cal['said'] == 'yes').sum())} times, no {int((cal['said'] == 'no').sum())} times")
cal.head(8)

# %% [markdown]
# A reliability table groups the answers into confidence bins and compares, bin by bin, the mean
# confidence with the share that were correct. The expected calibration error is the gap between
# the two, averaged over bins weighted by how many answers fall in each. Here we use ten bins closed
# on the right, `(0.0, 0.1]` to `(0.9, 1.0]`; the exercise pins down a slightly different convention
# and the edge cases.

# %%
edges = np.linspace(0, 1, 11)
cal["bin"] = pd.cut(cal["confidence"], edges, include_lowest=True)
reliability = cal.groupby("bin", observed=True).agg(answers=("correct", "size"),
                                                    mean_confidence=("confidence", "mean"),
                                                    accuracy=("correct", "mean"))
reliability["gap"] = (reliability["accuracy"] - reliability["mean_confidence"]).abs()
ece = float((reliability["answers"] / len(cal) * reliability["gap"]).sum())
print(f"ECE over {len(cal)} answers: {ece:.3f}")
reliability

# %%
fig, ax = plt.subplots(figsize=(5, 4.2))
centres = [interval.mid for interval in reliability.index]
ax.bar(centres, reliability["accuracy"], width=0.09, color="#3f51b5", alpha=0.8, label="accuracy in bin")
ax.plot(reliability["mean_confidence"], reliability["mean_confidence"], "o", color="#c0392b",
        label="mean confidence in bin")
ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
for x, (n, acc) in zip(centres, reliability[["answers", "accuracy"]].itertuples(index=False)):
    ax.annotate(f"n={n}", (x, acc), textcoords="offset points", xytext=(0, 4), ha="center", fontsize=8)
ax.set_xlim(0, 1)
ax.set_ylim(0, 1.08)
ax.set_xlabel("model confidence")
ax.set_ylabel("share correct")
ax.set_title(f"Reliability diagram, yes/no questions (ECE {ece:.3f})")
ax.legend(loc="upper left", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# Read the diagram bar by bar: a bar below its red dot is a bin where the model was more confident
# than it was right. Also read the counts. With 30 answers spread over a handful of bins, a single
# answer moves a bin's accuracy by a large step, so the ECE of a set this small is a rough figure;
# report it with the number of answers behind it, and measure it on a few hundred before you set a
# threshold on it.
#
# A low ECE is also not the same as a useful confidence. On a set that is half *yes* and half *no*, a
# model that always answered *no* with confidence 0.5 would have an ECE of zero and tell you nothing.
# Two more things to check on your run: how often the model said *no* (printed above), and whether
# its confidence is any higher on the answers it got right than on the ones it got wrong:

# %%
cal.groupby("correct")["confidence"].agg(["size", "mean"]).rename(
    index={True: "right answers", False: "wrong answers"}, columns={"size": "answers", "mean": "mean confidence"})

# %% [markdown]
# If the two means are close, the probability cannot tell a right answer from a wrong one, whatever
# the ECE says, and a threshold on it would throw away good and bad answers alike.
#
# Larger models do not make the question go away. OpenAI's GPT-4 report shows the base model's
# answer probabilities on a subset of MMLU tracking its accuracy closely (ECE 0.007), and the same
# model after post-training with reinforcement learning doing much worse (ECE 0.074), with the
# caption that post-training hurts calibration significantly
# [@openai2023gpt4, Figure 8]. The models you call through an API are
# the post-trained kind: measure their calibration on your own task before you trust it.
#
# ## What to take away
#
# - A model asked a question it cannot answer will usually answer anyway, even when told it may
#   decline. Count how often on your own unanswerable questions; do not assume.
# - Put the decision to abstain in code, on a signal you can measure, such as the best retrieval score,
#   and tune its threshold on labelled answerable and unanswerable questions. Expect near misses to get
#   through.
# - Token probabilities describe fluency, not truth. Before using one as a confidence score, check its
#   calibration with a reliability diagram and ECE on enough examples for the numbers to mean something.
