# %% [markdown]
# A demo built on a model API needs one skill: getting the model to do something impressive, which a
# good software engineer picks up in days. The report warns against concluding that this skill is all
# an LLM product needs. What follows the demo (knowing whether it works, feeding it the right data,
# running it reliably) calls for evaluation, data and machine-learning engineering skills as well
# ([Yan et al., 2024](https://applied-llms.org/#dont-fall-into-the-trap-of-ai-engineering-is-all-i-need)).
#
# Machine learning learned this lesson before LLMs. Sculley et al. drew a production ML system as a
# small box of model code surrounded by much larger boxes: configuration, data collection and
# verification, feature extraction, serving infrastructure, monitoring [@sculley2015debt, Figure 1].
# The model is the part that makes the demo; the rest is what makes the product.
#
# The report also proposes an order in which those skills become necessary. First comes a working
# product, which an AI engineer speeds up but is not strictly required for. Next come the foundations:
# instrument the system, collect its data, and be able to query that data when something breaks, which
# may take platform or data engineers. Only after that does optimisation pay (metrics, eval sets,
# experiments, retrieval tuning), the ground where machine-learning engineers are strongest. A domain
# expert is needed from start to finish, and hiring for a later step before the earlier ones are done
# wastes money.
#
# ## An illustrative project log
#
# The log below is **illustrative**: invented for this lesson, not a record of a real project. It
# follows a common shape: the first weeks go to prompting, and every later stall is about something
# else.
#
# | week | what happened | what stalled | the skill it needed |
# |---|---|---|---|
# | 1 | a prompt turns support emails into structured tickets; the demo impresses | nothing yet | prompting |
# | 3 | a prompt tweak fixes one complaint; nobody can say whether it broke others | each change is argued from a few examples | evaluation: a labelled eval set and a metric |
# | 5 | about one ticket in twenty has no order number or an invented one | hand-fixing tickets | data: validation against the order database |
# | 6 | replies fail to parse as JSON now and then; the queue backs up | on-call pages | engineering: parsing, retries, fallbacks |
# | 8 | new product lines appear and accuracy on them drops | complaints from one team | data: sampling and labelling fresh traffic |
# | 10 | a cheaper model is proposed; the team cannot tell if it is as good | a stalled decision | evaluation: a paired comparison with an interval |
#
# Only the first row is about the model call. The lesson measures the same pattern in miniature.
#
# ## A small pipeline on the course's model
#
# The task from week 1: read a customer message and return a ticket as JSON with two fields,
# `order_id` and `issue` (one of `refund`, `late`, `damaged`, `other`). Around the model call sit the
# stages any production version needs:
#
# 1. **check input**: reject an empty message or one too long for the context budget;
# 2. **model call**: ask for the JSON;
# 3. **parse**: find a JSON object in the reply and decode it;
# 4. **validate**: both fields present, `issue` one of the four values, and `order_id` one that really
#    appears in the message (a model can invent one);
# 5. **retry** once with a stricter prompt when parsing or validation fails, then give up.
#
# We run it on fourteen invented messages, two of which are malformed on purpose (one empty, one far
# too long), and time every stage.

# %%
from llmcourse.notebook import llm
import inspect
import json
import re
import time

import matplotlib.pyplot as plt
import pandas as pd

# %%
MESSAGES = [
    "Hi, order A-1042 arrived with a cracked screen. What can you do?",
    "I want my money back for order B-2231, the shoes do not fit.",
    "Where is my parcel? Order C-3307 was due last Friday.",
    "Order D-4410: the blender box was crushed and the jug is broken.",
    "Please refund order E-5120, I cancelled it the same day.",
    "My order F-6001 still says 'processing' after two weeks.",
    "Can I change the delivery address for order G-7019?",
    "The lamp in order H-8123 came with a dented base.",
    "Order J-9034 never showed up and tracking has not moved.",
    "I was charged twice for order K-1150, please return one payment.",
    "Do you sell gift cards?",
    "Order L-2266 is late again, this is the third time.",
    "",
    "Order M-3371 " + "is damaged and I am very upset about it. " * 40,
]
ISSUES = ("refund", "late", "damaged", "other")
MAX_CHARS = 600
PROMPT = ('Read the customer message and reply with JSON only, like {{"order_id": "A-1000", "issue": "late"}}. '
          'issue is one of refund, late, damaged, other. Use "none" as order_id if there is none.\n'
          "Message: {message}")
STRICT = ('Reply with one line of JSON and nothing else: {{"order_id": "...", "issue": "..."}}. '
          "issue must be refund, late, damaged or other.\nMessage: {message}")


def check_input(message: str) -> None:
    if not message.strip():
        raise ValueError("empty message")
    if len(message) > MAX_CHARS:
        raise ValueError(f"message of {len(message)} characters, over the {MAX_CHARS} budget")


def call_model(prompt: str) -> str:
    return llm.chat(prompt, max_tokens=40)


def parse(reply: str) -> dict:
    found = re.search(r"\{.*?\}", reply, re.S)
    if not found:
        raise ValueError("no JSON object in the reply")
    try:
        return json.loads(found.group(0))
    except json.JSONDecodeError as exc:
        raise ValueError(f"JSON that does not decode: {exc.msg}") from None


def validate(ticket: dict, message: str) -> dict:
    if set(ticket) != {"order_id", "issue"}:
        raise ValueError(f"fields {sorted(ticket)}, not order_id and issue")
    if ticket["issue"] not in ISSUES:
        raise ValueError(f"issue {ticket['issue']!r} is not one of {ISSUES}")
    order_id = str(ticket["order_id"])
    if order_id != "none" and order_id not in message:
        raise ValueError(f"order_id {order_id!r} does not appear in the message")
    return ticket


def run(message: str) -> tuple[dict | None, list[dict]]:
    """The ticket (or None) and one event per stage the message reached."""
    events = []

    def stage(name: str, fn, *args):
        started = time.perf_counter()
        try:
            result, ok, error = fn(*args), True, ""
        except ValueError as exc:
            result, ok, error = None, False, str(exc)
        events.append({"stage": name, "ok": ok, "error": error, "seconds": time.perf_counter() - started})
        return result, ok

    _, ok = stage("check input", check_input, message)
    if not ok:
        return None, events
    for attempt, template in enumerate((PROMPT, STRICT)):
        suffix = "" if attempt == 0 else " (retry)"
        reply, _ = stage("model call" + suffix, call_model, template.format(message=message))
        ticket, ok = stage("parse" + suffix, parse, reply)
        if ok:
            ticket, ok = stage("validate" + suffix, validate, ticket, message)
        if ok:
            return ticket, events
    return None, events


llm.ledger.clear()
runs = []
for i, message in enumerate(MESSAGES):
    ticket, events = run(message)
    runs.append({"message": i, "ticket": ticket, "events": events})
events = pd.DataFrame([dict(e, message=r["message"]) for r in runs for e in r["events"]])
print(f"{len(MESSAGES)} messages, {sum(r['ticket'] is not None for r in runs)} tickets, "
      f"{len(llm.ledger.table())} model calls")
pd.DataFrame([{"message": MESSAGES[r["message"]][:60], "ticket": r["ticket"],
               "stages run": len(r["events"])} for r in runs])

# %% [markdown]
# ## Where the failures are
#
# Every stage a message reached is one event, passed or failed. Counting failures by stage shows where
# the pipeline breaks; the error messages say why.

# %%
by_stage = events.groupby("stage", sort=False).agg(reached=("ok", "size"), failed=("ok", lambda s: int((~s).sum())))
by_stage["failure rate"] = (by_stage["failed"] / by_stage["reached"]).round(2)
by_stage

# %%
events.loc[~events["ok"], ["message", "stage", "error"]]

# %% [markdown]
# ## Where the time is
#
# The model-call stages are timed from the ledger, which keeps the latency measured when each call
# really reached the model, so the numbers hold when this notebook replays recorded answers. The other
# stages are timed as they run here.

# %%
model_rows = events["stage"].str.startswith("model call")
events.loc[model_rows, "seconds"] = llm.ledger.table()["latency_s"].to_numpy()
time_share = events.groupby(events["stage"].str.replace(" (retry)", "", regex=False))["seconds"].sum()
time_table = pd.DataFrame({"seconds": time_share, "share": time_share / time_share.sum()})
model_share = time_table.loc["model call", "share"]
print(f"model calls: {time_table.loc['model call', 'seconds']:.1f} s in all, {model_share:.4%} of the pipeline's time; "
      f"everything else: {time_table['seconds'].sum() - time_table.loc['model call', 'seconds']:.4f} s")
time_table.sort_values("seconds", ascending=False).round({"seconds": 4, "share": 6})

# %% [markdown]
# ## Where the code is
#
# The last measure is the one Sculley et al. drew: how much of the pipeline's code is the model call.
# We count the non-blank lines of each function above.

# %%
def lines(fn) -> int:
    return sum(1 for line in inspect.getsource(fn).splitlines() if line.strip())


code = pd.Series({"model call": lines(call_model), "check input": lines(check_input), "parse": lines(parse),
                  "validate": lines(validate), "retries, timing, wiring": lines(run)}, name="lines")
fails = by_stage["failed"].groupby(by_stage.index.str.replace(" (retry)", "", regex=False)).sum()

fig, (left, mid, right) = plt.subplots(1, 3, figsize=(11, 3.6))
left.barh(fails.index, fails.to_numpy(), color="tab:red")
left.set(title="failures, by stage", xlabel="events that failed")
mid.barh(time_table.index, time_table["share"], color="tab:blue")
mid.set(title="time, by stage", xlabel="share of pipeline time")
right.barh(code.index, code.to_numpy(), color="tab:green")
right.set(title="code, by part", xlabel="non-blank lines")
fig.suptitle("One small LLM pipeline: where the failures, the time and the code are", fontsize=11)
fig.tight_layout()
plt.show()

# %% [markdown]
# Read the three panels together.
#
# - **Time** goes almost entirely to the model. On a CPU serving a 135M model, every call takes a
#   second or more while parsing and validation take microseconds; a hosted model would shrink the
#   call, but not to the level of a regular expression. Speeding up the model is an ML-engineering job
#   (a smaller or quantised model, batching, caching), not a prompting one. The recorded latencies
#   come from a machine shared with other jobs, so each call waited longer than it would alone; on a
#   quiet machine the share would still be nearly all of it.
# - **Failures** show up in the stages around the model: input the model should never see (the empty
#   and the overlong message never reach it), replies with no JSON in them, and tickets that parse but
#   are wrong, with other field names or an `issue` outside the list. Without the validation stage
#   those tickets would flow on silently; catching them is evaluation and data work. The 135M model is
#   far weaker at following a format than a production model, so do not read its failure *rates* as
#   typical; read *where* the failures are caught, which does not depend on the model's size.
# - **Code**: the model call is a couple of lines; checking, parsing, validating and retrying are most
#   of the rest. This is Sculley's figure at the scale of one function, and it grows the same way:
#   monitoring, data refreshes and eval sets add boxes around the call, not lines inside it.
#
# The numbers come from fourteen messages and one small model, so read them as a shape, not a rate:
# a stronger model fails less often at parsing, but the validation stage still catches what parses and
# is wrong, and someone still has to decide what "wrong" means, label examples, and watch the rates
# over time.
#
# ## What to take away
#
# - When you plan an LLM feature, list the skills after the demo: who builds the eval set, who owns the
#   data feeding the prompt, who runs it in production. If the answer to each is "the prompt engineer",
#   plan for the stalls in the log above.
# - Put a validation stage after every model call and count its failures per stage from day one; the
#   failure table is the first thing to look at when quality drops.
# - Hire or borrow evaluation and data skills early; the report's point is that a team of AI engineers
#   alone gets to the demo quickly and then stalls.
