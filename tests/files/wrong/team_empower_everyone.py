"""Known-wrong answers for team_empower_everyone: each must fail at least one grader case."""

import numpy as np


def _columns(calls):
    p = np.array([c["prompt_tokens"] for c in calls], dtype=float)
    o = np.array([c["completion_tokens"] for c in calls], dtype=float)
    y = np.array([c["latency_s"] for c in calls], dtype=float)
    return p, o, y


def _checked(calls):
    p, o, y = _columns(calls)
    if len(calls) < 3 or np.ptp(p) == 0 or np.ptp(o) == 0:
        raise ValueError("underdetermined")
    return p, o, y


def fit_latency__hard_coded(calls):
    """Returns the first case's answer whatever the input."""
    return {"overhead_s": 0.5, "s_per_prompt_token": 0.0008, "s_per_output_token": 0.025}


def fit_latency__no_intercept(calls):
    """Fits through the origin, so the fixed overhead leaks into the two slopes."""
    p, o, y = _checked(calls)
    b, c = np.linalg.lstsq(np.column_stack([p, o]), y, rcond=None)[0]
    return {"overhead_s": 0.0, "s_per_prompt_token": float(b), "s_per_output_token": float(c)}


def fit_latency__swapped_slopes(calls):
    """Reports the prompt-token slope as the output-token slope and the other way round."""
    p, o, y = _checked(calls)
    a, b, c = np.linalg.lstsq(np.column_stack([np.ones_like(p), p, o]), y, rcond=None)[0]
    return {"overhead_s": float(a), "s_per_prompt_token": float(c), "s_per_output_token": float(b)}


def fit_latency__separate_simple_fits(calls):
    """Fits latency against each token count on its own instead of both together."""
    p, o, y = _checked(calls)
    b, a1 = np.polyfit(p, y, 1)
    c, a2 = np.polyfit(o, y, 1)
    return {"overhead_s": float((a1 + a2) / 2), "s_per_prompt_token": float(b), "s_per_output_token": float(c)}


def fit_latency__no_validation(calls):
    """Fits anything it is given, even two calls or a column that never varies."""
    p, o, y = _columns(calls)
    a, b, c = np.linalg.lstsq(np.column_stack([np.ones_like(p), p, o]), y, rcond=None)[0]
    return {"overhead_s": float(a), "s_per_prompt_token": float(b), "s_per_output_token": float(c)}


def few_shot_messages__swapped_roles(system, examples, question):
    """Puts each example's answer in the user turn and its input in the assistant turn."""
    turns = [{"role": "system", "content": system}]
    for asked, answered in examples:
        turns += [{"role": "assistant", "content": asked}, {"role": "user", "content": answered}]
    return turns + [{"role": "user", "content": question}]


def few_shot_messages__reversed_examples(system, examples, question):
    """Adds the examples last-first."""
    turns = [{"role": "system", "content": system}]
    for asked, answered in reversed(examples):
        turns += [{"role": "user", "content": asked}, {"role": "assistant", "content": answered}]
    return turns + [{"role": "user", "content": question}]


def few_shot_messages__no_system(system, examples, question):
    """Forgets the system message."""
    turns = []
    for asked, answered in examples:
        turns += [{"role": "user", "content": asked}, {"role": "assistant", "content": answered}]
    return turns + [{"role": "user", "content": question}]


def few_shot_messages__examples_in_system_text(system, examples, question):
    """Pastes the examples into the system text instead of giving them as turns."""
    shots = "\n".join(f"Q: {asked}\nA: {answered}" for asked, answered in examples)
    return [{"role": "system", "content": f"{system}\n{shots}"}, {"role": "user", "content": question}]


def fit_latency__ignores_collinear_counts(calls):
    """Checks the row count and constant columns but fits collinear counts anyway, returning one of
    infinitely many equally good answers."""
    if len(calls) < 3:
        raise ValueError("too few calls")
    prompt = np.array([c["prompt_tokens"] for c in calls], dtype=float)
    output = np.array([c["completion_tokens"] for c in calls], dtype=float)
    if np.ptp(prompt) == 0 or np.ptp(output) == 0:
        raise ValueError("a column never varies")
    design = np.column_stack([np.ones_like(prompt), prompt, output])
    latency = np.array([c["latency_s"] for c in calls], dtype=float)
    (a, b, c), *_ = np.linalg.lstsq(design, latency, rcond=None)
    return {"overhead_s": float(a), "s_per_prompt_token": float(b), "s_per_output_token": float(c)}
