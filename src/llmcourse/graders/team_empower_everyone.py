"""Cases for team_empower_everyone: fit latency against token counts, and build few-shot chat messages."""

from __future__ import annotations

import numpy as np

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "fit_latency": {
        "branch dropped: if len(calls) < 3: -> pass":
            "the rank check rejects fewer than three calls too (two rows cannot have rank 3), with a less "
            "specific message",
        "keyword dropped: np.array([c['prompt_tokens'] for c in calls], dtype=float) -> "
        "np.array([c['prompt_tokens'] for c in calls])":
            "integer token counts make an integer array, and matrix_rank and lstsq compute in float64 anyway",
        "keyword dropped: np.array([c['completion_tokens'] for c in calls], dtype=float) -> "
        "np.array([c['completion_tokens'] for c in calls])":
            "integer token counts make an integer array, and matrix_rank and lstsq compute in float64 anyway",
        "keyword dropped: np.array([c['latency_s'] for c in calls], dtype=float) -> "
        "np.array([c['latency_s'] for c in calls])":
            "lstsq computes in float64 whatever the array's dtype",
        "keyword dropped: np.linalg.lstsq(design, latency, rcond=None) -> np.linalg.lstsq(design, latency)":
            "numpy 2 made rcond=None the default; and after the rank check no singular value is small "
            "enough for the cut-off to drop",
    },
}

def _calls(rows: list[tuple[int, int, float]]) -> list[dict]:
    return [{"prompt_tokens": p, "completion_tokens": c, "latency_s": s} for p, c, s in rows]


def _exact(a: float, b: float, c: float, tokens: list[tuple[int, int]]) -> list[dict]:
    """Calls whose latency is exactly a + b * prompt + c * completion."""
    return _calls([(p, o, a + b * p + c * o) for p, o in tokens])


def _lstsq(calls: list[dict]) -> dict:
    """The reference answer, computed the way the exercise asks."""
    x = np.array([[1.0, r["prompt_tokens"], r["completion_tokens"]] for r in calls])
    y = np.array([r["latency_s"] for r in calls])
    a, b, c = np.linalg.lstsq(x, y, rcond=None)[0]
    return {"overhead_s": float(a), "s_per_prompt_token": float(b), "s_per_output_token": float(c)}


_TOKENS = [(40, 8), (60, 64), (900, 2), (1500, 3), (55, 190), (400, 30)]
_NOISY = _calls([(45, 8, 0.41), (52, 33, 1.02), (61, 120, 3.31), (48, 190, 5.12), (300, 1, 0.38),
                 (800, 2, 0.74), (1400, 1, 1.12), (2000, 2, 1.58), (700, 60, 2.19)])


def _has_keys(got) -> str | None:
    keys = {"overhead_s", "s_per_prompt_token", "s_per_output_token"}
    if not isinstance(got, dict) or set(got) != keys:
        return f"return a dict with exactly the keys {sorted(keys)}"
    return None


def fit_latency() -> list[Case]:
    return [
        Case("exact data with a large fixed overhead",
             args=(_exact(0.5, 0.0008, 0.025, _TOKENS),),
             expect={"overhead_s": 0.5, "s_per_prompt_token": 0.0008, "s_per_output_token": 0.025}, tol=1e-6,
             why="Latency here is exactly 0.5 s + 0.0008 s per prompt token + 0.025 s per output token. "
                 "A fit without an intercept (a column of ones) pushes the 0.5 s overhead into the slopes, "
                 "and swapping the two slopes mixes up the cheap prompt tokens with the costly output tokens"),
        Case("result has the three named keys", args=(_exact(0.1, 0.001, 0.02, _TOKENS),), check=_has_keys),
        Case("noisy measurements: least squares over all calls",
             args=(_NOISY,), expect=_lstsq(_NOISY), tol=1e-6,
             why="Real latencies are noisy, so no line passes through every point: use least squares over all "
                 "calls together (numpy.linalg.lstsq), not two separate one-variable fits or a few chosen points"),
        Case("exactly three calls are enough",
             args=(_exact(0.2, 0.002, 0.03, [(100, 10), (900, 12), (150, 80)]),),
             expect={"overhead_s": 0.2, "s_per_prompt_token": 0.002, "s_per_output_token": 0.03}, tol=1e-6,
             why="Three calls with varied token counts determine the three numbers exactly: accept them, and "
                 "fit with an intercept"),
        Case("ledger rows carry extra columns",
             args=([dict(r, cached=i % 2 == 0, model="m", cost_usd=0.0)
                    for i, r in enumerate(_exact(0.3, 0.001, 0.04, _TOKENS))],),
             expect={"overhead_s": 0.3, "s_per_prompt_token": 0.001, "s_per_output_token": 0.04}, tol=1e-6,
             why="Rows from llm.ledger.table() have more keys than the three you need: read only prompt_tokens, "
                 "completion_tokens and latency_s"),
        Case("fewer than three calls", args=(_exact(0.2, 0.001, 0.03, [(100, 10), (900, 50)]),),
             raises=ValueError,
             why="Two calls cannot pin down three numbers: raise ValueError instead of returning a guess"),
        Case("every call has the same output length",
             args=(_exact(0.2, 0.001, 0.03, [(100, 16), (400, 16), (900, 16), (1600, 16)]),),
             raises=ValueError,
             why="When completion_tokens never varies, the data say nothing about the cost of an output token "
                 "(it is mixed into the overhead): raise ValueError"),
        Case("prompts always ten times as long as the answer",
             args=(_exact(0.2, 0.001, 0.03, [(100, 10), (400, 40), (900, 90), (1600, 160)]),),
             raises=ValueError,
             why="When prompt_tokens is always 10 x completion_tokens, a second of latency can be charged to "
                 "either kind of token in any mix: the three numbers are not determined, and lstsq quietly "
                 "returns one of infinitely many fits. Check that the design matrix has rank 3 "
                 "(numpy.linalg.matrix_rank) and raise ValueError"),
        Case("prompt and answer lengths on one line with an offset",
             args=(_exact(0.2, 0.001, 0.03, [(120, 10), (160, 30), (200, 50), (260, 80)]),),
             raises=ValueError,
             why="prompt_tokens = 100 + 2 x completion_tokens in every call: with the intercept column, the "
                 "three columns are linearly dependent, so the fit is not determined: raise ValueError"),
        Case("every call has the same prompt length",
             args=(_exact(0.2, 0.001, 0.03, [(50, 8), (50, 64), (50, 128), (50, 190)]),),
             raises=ValueError,
             why="When prompt_tokens never varies, the cost of a prompt token cannot be told apart from the "
                 "overhead: raise ValueError"),
    ]


_SYSTEM = "Label each support message as billing, technical or delivery. Answer with one word."
_EXAMPLES = [("I was charged twice this month.", "billing"),
             ("The app crashes when I log in.", "technical"),
             ("My parcel has not arrived yet.", "delivery")]
_QUESTION = "Where is my order? It is a week late."


def _expected(system: str, examples: list[tuple[str, str]], question: str) -> list[dict]:
    turns = [{"role": "system", "content": system}]
    for asked, answered in examples:
        turns += [{"role": "user", "content": asked}, {"role": "assistant", "content": answered}]
    return turns + [{"role": "user", "content": question}]


def _roles(got) -> list:
    return [m.get("role") if isinstance(m, dict) else type(m).__name__ for m in got] if isinstance(got, list) else []


def _system_first(got) -> str | None:
    if not isinstance(got, list) or not got or not isinstance(got[0], dict):
        return "return a list of {'role': ..., 'content': ...} dicts"
    if got[0] != {"role": "system", "content": _SYSTEM}:
        return f"the first message should be the system message, got {got[0]!r}"
    return None


def _alternating(got) -> str | None:
    want = ["system"] + ["user", "assistant"] * len(_EXAMPLES) + ["user"]
    if _roles(got) != want:
        return f"roles should be {want}, got {_roles(got)}"
    return None


def _question_last(got) -> str | None:
    last = got[-1] if isinstance(got, list) and got else got
    if last != {"role": "user", "content": "Refund please"}:
        return f"the last message should be the question as a user turn, got {last!r}"
    return None


def few_shot_messages() -> list[Case]:
    return [
        Case("system, three worked examples, question", args=(_SYSTEM, _EXAMPLES, _QUESTION),
             expect=_expected(_SYSTEM, _EXAMPLES, _QUESTION),
             why="The model reads the conversation in order: system message, then each example's input as a user "
                 "turn and its answer as an assistant turn, then the new question as the last user turn"),
        Case("the system message comes first", args=(_SYSTEM, _EXAMPLES, _QUESTION), check=_system_first,
             why="Without the system message the model never sees the instructions and the label set"),
        Case("user asks, assistant answers", args=(_SYSTEM, _EXAMPLES, _QUESTION), check=_alternating,
             why="A worked example shows the model answering: the input is the user's turn, the label is the "
                 "assistant's. Swapped roles teach it to ask instead of answer"),
        Case("examples keep their order", args=(_SYSTEM, list(reversed(_EXAMPLES)), _QUESTION),
             expect=_expected(_SYSTEM, list(reversed(_EXAMPLES)), _QUESTION),
             why="Keep the examples in the order given: order is part of the prompt you are testing"),
        Case("no examples is zero-shot", args=(_SYSTEM, [], _QUESTION),
             expect=_expected(_SYSTEM, [], _QUESTION),
             why="With no examples the result is just the system message and the question: two messages"),
        Case("one example", args=("Be brief.", [("2+2?", "4")], "3+3?"),
             expect=_expected("Be brief.", [("2+2?", "4")], "3+3?"),
             why="One example is one user turn and one assistant turn between the system message and the "
                 "question; contents pass through unchanged, with no prefixes such as 'Q:' or 'A:'"),
        Case("the question is the last user turn", args=(_SYSTEM, _EXAMPLES[:2], "Refund please"),
             check=_question_last,
             why="The new question goes last, as a user turn, so that the model's next turn answers it"),
    ]
