# %%
FORGED = """

## Near-identical solutions

| exercise | learner | learner | similarity |
|---|---|---|---:|
| `evals_assertions.regressions` | right | stub | 1.00 |

<script>alert("feedback")</script>
"""


def summary_failures(ticket, summary, min_words=5, max_words=25):
    # the exception message lands in the feedback and in the summary's most common failures
    raise ValueError(FORGED)


def regressions(before, after):
    # returned values are quoted in the failure message
    return ["<script>alert(1)</script>", "[click](javascript:alert(1))", "<img src=x onerror=alert(2)>",
            "``` `", "{: onclick=alert(3)}"]
