# %% [markdown]
# How careful should a team be before it launches an LLM feature? The report's answer is: it depends on
# who sees the output and what happens when it is wrong. A chatbot giving customers medical or financial
# advice needs a very high bar; an internal tool that classifies or summarises documents does not, and
# holding it to the same bar only slows the team down. The report also observes that companies move
# faster with internal uses than with customer-facing ones, and suggests learning to manage risk on the
# internal ones first ([Yan et al., 2024](https://applied-llms.org/#calibrate-your-risk-tolerance-based-on-the-use-case)).
#
# This lesson makes "it depends" concrete in two steps:
#
# 1. **Tiers.** Sort uses of a model into risk tiers, each with the checks it needs before launch. The EU's
#    AI Act is one worked example of such a sorting, written into law.
# 2. **Evidence.** A tier is also an error rate you are willing to tolerate, and showing that a system
#    stays under it takes test cases. We measure the course model's error rate on a small routing task and
#    ask which tier that measurement could support. The number the section turns on: how many test cases
#    a tier's error rate demands.
#
# ## A worked example of tiers: the EU AI Act
#
# Regulation (EU) 2024/1689, the AI Act [@eu2024aiact], regulates uses of AI by what they are for, not by
# which model they run on. Summaries often describe four tiers; the regulation itself sets out the
# categories below. This is a reading of the text as adopted in 2024 for engineers, not legal advice, and
# parts of it have since been amended, so check the current consolidated text before relying on it.

# %%
from llmcourse.notebook import llm
from llmcourse.helpers import shipped

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

# %%
pd.DataFrame([
    ("prohibited practices", "Art. 5",
     "social scoring that leads to unjustified or unrelated detrimental treatment (5(1)(c)); inferring "
     "the emotions of people at work or in education, outside medical or safety reasons (5(1)(f))",
     "may not be placed on the market or used"),
    ("high-risk systems", "Art. 6 and Annex III",
     "systems listed in Annex III, such as evaluating a person's creditworthiness or credit score (point 5(b)); "
     "a listed system that profiles people is always high-risk (6(3))",
     "the Act's requirements for high-risk systems, among them a risk management system (Art. 9), "
     "human oversight (Art. 14) and accuracy and robustness (Art. 15)"),
    ("transparency duties", "Art. 50",
     "a system that interacts directly with people, such as a chatbot (50(1))",
     "people are told they are dealing with an AI system, unless that is obvious"),
    ("everything else", "Art. 4",
     "a spam filter, an internal document summariser",
     "no duties specific to the use; providers and deployers still see to their staff's AI literacy"),
], columns=["category", "where in the Act", "examples", "what it requires"])

# %% [markdown]
# Two things carry over to any product, regulated or not. The tier depends on the **use**: the same model
# can route support tickets (low stakes) or score loan applicants (high stakes). And the tier fixes the
# **checks before launch**, which grow as the stakes do.
#
# Below is the tiering this course uses in its exercise. It borrows the Act's shape, but the gates and
# especially the tolerated error rates are our own assumptions, chosen to make the arithmetic visible;
# your team would set its own.

# %%
TIERS = pd.DataFrame([
    ("unacceptable", "a prohibited practice", "do not build", None),
    ("high", "decides about people (credit, jobs, health, access to services)",
     "eval set, monitoring, AI disclosure, human oversight, risk assessment", 0.01),
    ("limited", "public-facing, decides nothing about people", "eval set, monitoring, AI disclosure", 0.05),
    ("minimal", "internal, decides nothing about people", "eval set, monitoring", 0.10),
], columns=["tier", "when", "gates before launch", "tolerated error rate (assumed)"]).set_index("tier")
TIERS

# %% [markdown]
# ## Measuring an error rate: a small routing task
#
# The task: route a bank customer's message to one of three queues. The messages are 30 real queries
# from the BANKING77 data set [@casanueva2020banking77], ten for each of three intents: a new card that has
# not arrived, a lost or stolen card, and exchange rates. The model is told the three queue names and
# shown one worked example per queue, taken from the data set's training split so that no test query is
# among them; it answers with at most three tokens. An answer whose first word is not exactly the right
# queue (a wrong queue, or no valid queue at all) counts as an error.
#
# Used inside the bank to sort tickets that a person then handles, this router is a minimal-risk tool.
# Used to block customers' cards automatically, the same router would make decisions about people.

# %%
queries = shipped.load("product_risk_tolerance", "banking77_slice.csv")
QUEUE = {"card_arrival": "arrival", "lost_or_stolen_card": "stolen", "exchange_rate": "rate"}
SYSTEM = ("You route bank customer messages to a queue. Reply with one word: arrival (a new card has not "
          "arrived yet), stolen (a card is lost or stolen), or rate (a question about exchange rates).")


def queue_of(reply: str) -> str | None:
    words = reply.strip().lower().split()
    word = words[0].strip(".,:;!\"'`*") if words else ""
    return word if word in QUEUE.values() else None


EXAMPLES = shipped.load("product_risk_tolerance", "banking77_examples.csv")


def messages_for(text: str) -> list[dict]:
    turns = [{"role": "system", "content": SYSTEM}]
    for example, category in zip(EXAMPLES["text"], EXAMPLES["category"]):
        turns += [{"role": "user", "content": example}, {"role": "assistant", "content": QUEUE[category]}]
    return turns + [{"role": "user", "content": text}]


queries["reply"] = [llm.chat(messages_for(text), max_tokens=3).strip() for text in queries["text"]]
queries["queue"] = queries["reply"].map(queue_of)
queries["correct"] = queries["queue"] == queries["category"].map(QUEUE)
queries[["text", "category", "reply", "correct"]]

# %% [markdown]
# Read the replies before the rate: they show whether the errors are wrong queues (the model understood
# the format but not the message) or no queue at all (it did not follow the format).
#
# An error rate measured on 30 cases is uncertain, so we report it with a one-sided 95% upper bound: the
# largest true error rate that would still produce this few errors at least 5% of the time (the exact
# binomial, or Clopper-Pearson, bound). The launch question is whether that upper bound, not the point
# estimate, is under a tier's tolerance.

# %%
def upper_bound(errors: int, n: int, confidence: float = 0.95) -> float:
    """The largest error rate p with P(at most `errors` errors in n cases | p) >= 1 - confidence."""
    if errors >= n:
        return 1.0
    def cdf(p: float) -> float:  # P(at most `errors` errors), each term computed in logs to stay finite
        return sum(math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                            + k * math.log(p) + (n - k) * math.log1p(-p)) for k in range(errors + 1))

    low, high = errors / n, 1.0
    for _ in range(60):  # bisection: the binomial CDF falls as p grows
        mid = (low + high) / 2
        low, high = (mid, high) if cdf(mid) >= 1 - confidence else (low, mid)
    return low


n = len(queries)
errors = int((~queries["correct"]).sum())
no_queue = int(queries["queue"].isna().sum())
bound = upper_bound(errors, n)
by_intent = queries.groupby("category")["correct"].agg(["sum", "count"])
print(f"{errors} errors in {n} messages ({no_queue} replies named no valid queue): error rate {errors / n:.0%}, "
      f"95% upper bound {bound:.0%}")
print("correct per intent:", ", ".join(f"{cat} {row['sum']}/{row['count']}" for cat, row in by_intent.iterrows()))
print("queues named:", queries["queue"].fillna("(none)").value_counts().to_dict())

# %%
verdict = TIERS.drop(index="unacceptable").copy()
verdict["measured upper bound"] = f"{bound:.1%}"
verdict["could launch on this evidence"] = [bound <= tol for tol in verdict["tolerated error rate (assumed)"]]
verdict["error-free cases needed"] = [math.ceil(math.log(0.05) / math.log(1 - tol))
                                      for tol in verdict["tolerated error rate (assumed)"]]
cleared = [tier for tier, ok in verdict["could launch on this evidence"].items() if ok]
print(f"Tiers this measurement supports: {', '.join(cleared) if cleared else 'none'}")
verdict[["tolerated error rate (assumed)", "measured upper bound", "could launch on this evidence",
         "error-free cases needed"]]

# %% [markdown]
# The last column is the number this section turns on. If a system makes no error at all in n test
# cases, the 95% upper bound on its error rate is 1 - 0.05^(1/n), roughly 3/n. So to show an error rate
# under 10% you need at least 29 cases without a single error, under 5% at least 59, and under 1% at
# least 299. Any error pushes the count up. The eval set a tier needs grows as its tolerance shrinks.

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
colors = {"minimal": "tab:green", "limited": "tab:orange", "high": "tab:red"}
for tier, tol in verdict["tolerated error rate (assumed)"].items():
    left.axhline(100 * tol, color=colors[tier], ls="--", label=f"{tier}: {tol:.0%} tolerated")
left.errorbar([0], [100 * errors / n], yerr=[[0], [100 * (bound - errors / n)]], fmt="o", color="black",
              capsize=6, label="measured error rate, up to its 95% upper bound")
left.set(xlim=(-1, 1), xticks=[], ylabel="error rate (%)", ylim=(0, max(105 * bound, 15)),
         title=f"Routing {n} messages")
left.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.03), ncol=2)

sizes = np.unique(np.logspace(1, 3.3, 60).astype(int))
right.plot(sizes, [100 * (1 - 0.05 ** (1 / s)) for s in sizes], color="black", label="no errors at all")
right.plot(sizes, [100 * upper_bound(round(s * errors / n), s) for s in sizes], color="tab:blue",
           label=f"the measured rate, {errors / n:.0%}")
for tier, tol in verdict["tolerated error rate (assumed)"].items():
    right.axhline(100 * tol, color=colors[tier], ls="--")
right.set(xscale="log", yscale="log", xlabel="test cases", ylabel="95% upper bound on error rate (%)",
          title="How much evidence a tier needs")
right.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# What this run shows. A 135M-parameter model is a weak router: read the printed error rate and the
# queues it named. Worked examples help with the one-word format, though the reply table shows misses
# too, and a near miss (a cut-off or misspelt queue name) is an error under our strict rule, as it would
# be for a program reading the reply. A small model also tends to lean on one label: Zhao et al. traced
# such biases partly to the label that sits nearest the end of the prompt [@zhao2021calibrate], and here
# the last worked example is `rate`. Where the upper bound clears no
# tier, we would not ship the router even as an internal tool on this evidence. That is a result about
# this model, not about the method.
#
# With a far better model the same 30 cases would still be too few for anything but the minimal tier, as
# the right panel shows: even a flawless run of 30 cases bounds the error rate only under about 10%.
# Claiming 1% takes hundreds of cases, and most of the work of a high tier is building and labelling that
# evaluation set, before the human review and risk assessment on top.
#
# The same router can sit in different tiers. As an internal triage step, where a person reads every
# ticket anyway, a misrouted message costs a few minutes. Wired to block cards automatically, a
# misrouted "lost card" message decides something about a customer, and the Act's human-oversight idea
# becomes a gate: keep a person in the loop until the evidence supports a much lower error rate.
#
# ## What to take away
#
# - Decide the tier from the use and the audience before you argue about the model: who sees the output,
#   and does it decide something about a person?
# - Each tier comes with gates before launch; the EU AI Act is one concrete, legally binding version of
#   such a ladder, from banned practices to high-risk systems to a plain disclosure duty.
# - A tolerated error rate is a promise about a bound, not a point estimate. With zero errors, n test
#   cases bound the error rate at about 3/n, so 1% needs about 300 clean cases.
# - Start where mistakes are cheap (internal tools), learn what your system gets wrong, and move up a tier
#   when the evidence supports it.
