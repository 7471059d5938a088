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
# Everything you put in a prompt costs tokens, and the model reads all of it, including the passage
# your retriever added "just in case", the paragraph that appears twice because two sources carried
# it, and last year's policy that contradicts this year's. More context is not free and it is not
# neutral: it can push the useful passage out of the model's attention, or hand the model a wrong
# answer to copy.
#
# A simple habit catches most of this: print the final prompt, exactly as it is sent, and read it as
# if you were the model. In this lesson you will measure, on the course's model:
#
# 1. how often it answers six questions with no passage, with the right passage alone, and with the
#    right passage placed first, in the middle or last among six unrelated ones;
# 2. what a contradicting, outdated copy of the right passage does to its answers;
# 3. what each context costs in prompt tokens, counted by the model's own tokenizer.

# %%
import matplotlib.pyplot as plt
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.notebook import llm

passages = shipped.load("evals_abstention", "passages.toml")["passages"]
questions = {q["id"]: q for q in shipped.load("evals_abstention", "questions.toml")["questions"]}

# six questions with one short answer each, the passage that states it, and an outdated value to plant
# in a conflicting copy of that passage
CASES = [("q01", "45", "p01", "30"), ("q02", "12", "p02", "5"), ("q05", "80", "p05", "60"),
         ("q07", "Lisbon", "p07", "Porto"), ("q08", "79", "p08", "99"), ("q12", "35", "p12", "50")]
by_id = {p["id"]: p for p in passages}

pd.DataFrame([{"question": questions[qid]["question"], "answer": answer, "passage": pid, "outdated value": stale}
              for qid, answer, pid, stale in CASES])

# %% [markdown]
# ## The data
#
# We reuse the knowledge base of the lesson on abstention: twelve passages about *Brightwater
# Bicycles*, a company that does not exist, so the model cannot answer from memory. Each question
# below has exactly one passage that states its answer. The *outdated value* is what we will plant
# in a conflicting copy of that passage in step 2.
#
# ## Step 1: no context, the right context, and the right context among others
#
# Each question is asked five ways, always with the same instruction:
#
# - **closed book**: no passage at all;
# - **gold only**: just the passage with the answer;
# - **gold first / middle / last**: the gold passage with the first six other passages of the
#   knowledge base, in a fixed order, the gold one at position 1, 4 or 7 of 7.
#
# An answer counts as right when it contains the expected string (`45`, `Lisbon`, ...). That check is
# crude; read the replies too.

# %%
client = llm.client()
PROMPT = "Answer the question using the passages. Reply with the answer only.\n\n{context}\n\nQuestion: {question}"


def ask(question: str, context: list[str]) -> tuple[str, int]:
    """The model's reply and the prompt tokens the server counted for the request."""
    block = "\n".join(f"[{i}] {text}" for i, text in enumerate(context, 1)) or "(no passages)"
    response = client.chat.completions.create(
        model=llm.model_name(), max_tokens=16, temperature=0, seed=0,
        messages=[{"role": "user", "content": PROMPT.format(context=block, question=question)}])
    return (response.choices[0].message.content or "").strip(), response.usage.prompt_tokens


def contexts(answer: str, pid: str, stale: str) -> dict[str, list[str]]:
    gold = by_id[pid]
    others = [p["text"] for p in passages if p is not gold][:6]
    return {"closed book": [], "gold only": [gold["text"]],
            "gold first": [gold["text"], *others],
            "gold middle": [*others[:3], gold["text"], *others[3:]],
            "gold last": [*others, gold["text"]],
            "gold + outdated copy": [gold["text"], "Older version: " + gold["text"].replace(answer, stale, 1)]}


rows = []
for qid, answer, pid, stale in CASES:
    for condition, context in contexts(answer, pid, stale).items():
        reply, tokens = ask(questions[qid]["question"], context)
        rows.append({"question": qid, "condition": condition, "prompt tokens": tokens, "reply": reply,
                     "right": answer.lower() in reply.lower(), "outdated": stale.lower() in reply.lower()})
runs = pd.DataFrame(rows)
runs.pivot(index="question", columns="condition", values="reply")

# %%
ORDER = ["closed book", "gold only", "gold first", "gold middle", "gold last", "gold + outdated copy"]
summary = runs.groupby("condition").agg(right=("right", "sum"), outdated_value=("outdated", "sum"),
                                        mean_prompt_tokens=("prompt tokens", "mean")).loc[ORDER]
summary["right"] = summary["right"].astype(int)
summary["outdated_value"] = summary["outdated_value"].astype(int)
summary["mean_prompt_tokens"] = summary["mean_prompt_tokens"].round(0).astype(int)
summary.columns = ["right (of 6)", "gave the outdated value (of 6)", "mean prompt tokens"]
summary

# %%
fig, ax1 = plt.subplots(figsize=(8, 3.8))
ax1.bar(range(len(ORDER)), summary["right (of 6)"], color="#3f51b5", label="right answers (of 6)")
ax1.set_xticks(range(len(ORDER)), ORDER, rotation=15)
ax1.set_ylim(0, 6.5)
ax1.set_ylabel("right answers, of 6")
ax2 = ax1.twinx()
ax2.plot(range(len(ORDER)), summary["mean prompt tokens"], "o--", color="#c0392b", label="mean prompt tokens")
ax2.set_ylabel("prompt tokens")
ax2.set_ylim(0, summary["mean prompt tokens"].max() * 1.15)
ax1.set_title("What each context buys, and what it costs")
fig.legend(loc="upper left", bbox_to_anchor=(0.08, 0.88), fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Reading the result
#
# Six questions are very few: one answer moves a bar by a sixth. Read the chart as a direction, not a
# rate. Three comparisons matter.
#
# - **Closed book against gold only**: the gap is what the right passage is worth. The company is
#   invented, so a closed-book answer can only be right by luck.
# - **Gold only against gold among others**: six extra passages multiply the prompt tokens (the red
#   line) and give the model six chances to copy the wrong number. If the bars drop, the extra context
#   cost accuracy as well as tokens; if they do not on your run, the tokens were still spent for
#   nothing.
# - **First, middle, last**: whether the gold passage's position matters. A model this small, with a
#   context of a few hundred tokens, may show no clear pattern, and we do not claim one from six
#   questions.
#
# The position effect has been measured carefully on larger models. Liu et al. put the one document
# that answers a question at different positions among retrieved documents and found accuracy
# highest when it was at the start or the end of the context and clearly lower in the middle, a
# U-shaped curve that held for models built for long contexts too [@liu2023lostmiddle]. The practical
# reading: when you must send many passages, put the ones you trust most at the edges, and send fewer.
#
# ## Step 2: a contradicting copy
#
# The last condition sends the gold passage followed by an "older version" of it with one value
# changed, the kind of pair you get when a retriever indexes two versions of a policy page. Count how
# often the model gave the current value and how often the outdated one:

# %%
conflict = runs[runs["condition"] == "gold + outdated copy"]
print(f"Current passage first, outdated copy second: the model gave the current value {int(conflict['right'].sum())} "
      f"times and the outdated value {int(conflict['outdated'].sum())} times, of {len(conflict)} questions.")
conflict[["question", "reply"]]

# %% [markdown]
# Whatever your run shows, the model had no rule for choosing between the two, and neither did the
# prompt; a small model may simply favour what it read last. The fix belongs in your code, before
# the prompt is built. Drop one of the two by a rule you can state (the newest wins, the official
# source wins), and the model never sees the conflict.
#
# ## Step 3: the cost, counted by the model's tokenizer
#
# The token counts above come from the server (`usage.prompt_tokens`), which counts with the model's
# own tokenizer. Counting by words or characters is only an estimate; different tokenizers split the
# same text differently, so count with the one your provider uses when it offers a way to, and state
# your rule when it does not. A passage duplicated by two sources costs its tokens twice and adds
# nothing; a budget is easier to keep when duplicates and conflicts are gone first.

# %%
per_question = runs.pivot(index="question", columns="condition", values="prompt tokens")[ORDER]
per_question

# %% [markdown]
# ## What to take away
#
# - Print the final prompt and read it. Look for passages that say the same thing twice, passages
#   that disagree, and passages that do not bear on the question.
# - Remove duplicates and settle conflicts in code, by a rule you can state, before the prompt is
#   built; then fit what is left to a token budget counted with the model's tokenizer.
# - Send fewer passages, and put the one you trust most at the start or the end.
# - The exercise builds that packer: deduplicate, resolve conflicts by date, and fit a budget.
