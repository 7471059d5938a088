"""Known-wrong answers for gpus_finetune_gate: each must fail at least one grader case."""

import math


def _low(passed, n, z):
    p = passed / n
    return (p + z**2 / (2 * n) - z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))) / (1 + z**2 / n)


def _validate(history, target, min_n, patience):
    if not history or not 0 < target <= 1 or patience < 1 or min_n < 1:
        raise ValueError("bad input")
    for passed, n in history:
        if n < 1 or not 0 <= passed <= n:
            raise ValueError("bad counts")


def finetune_gate__point_estimates(history, target, min_n=100, patience=2, z=1.96):
    """Calls any higher score an improvement, however small the eval set makes the difference."""
    _validate(history, target, min_n, patience)
    if any(n < min_n for _, n in history):
        return "collect more evals"
    acc = [p / n for p, n in history]
    if max(acc) >= target:
        return "ship"
    if len(history) < patience + 1:
        return "keep prompting"
    for i in range(len(history) - patience, len(history)):
        if acc[i] > max(acc[:i]):
            return "keep prompting"
    return "finetune"


def finetune_gate__previous_version_only(history, target, min_n=100, patience=2, z=1.96):
    """Compares each version with the one just before it, so recovering from a bad version looks like progress."""
    _validate(history, target, min_n, patience)
    if any(n < min_n for _, n in history):
        return "collect more evals"
    acc = [p / n for p, n in history]
    if max(acc) >= target:
        return "ship"
    if len(history) < patience + 1:
        return "keep prompting"
    for i in range(len(history) - patience, len(history)):
        if _low(*history[i], z) > acc[i - 1]:
            return "keep prompting"
    return "finetune"


def finetune_gate__ships_on_thin_evidence(history, target, min_n=100, patience=2, z=1.96):
    """Checks the target before the size of the eval set, so 12 of 12 ships."""
    _validate(history, target, min_n, patience)
    acc = [p / n for p, n in history]
    if max(acc) >= target:
        return "ship"
    if any(n < min_n for _, n in history):
        return "collect more evals"
    if len(history) < patience + 1:
        return "keep prompting"
    for i in range(len(history) - patience, len(history)):
        if _low(*history[i], z) > max(acc[:i]):
            return "keep prompting"
    return "finetune"


def finetune_gate__newest_version_only(history, target, min_n=100, patience=2, z=1.96):
    """Looks only at the newest version, whatever the patience."""
    _validate(history, target, min_n, patience)
    if any(n < min_n for _, n in history):
        return "collect more evals"
    acc = [p / n for p, n in history]
    if max(acc) >= target:
        return "ship"
    if len(history) < patience + 1:
        return "keep prompting"
    return "keep prompting" if _low(*history[-1], z) > max(acc[:-1]) else "finetune"


def finetune_gate__no_evidence_check(history, target, min_n=100, patience=2, z=1.96):
    """Never asks whether the eval set is big enough."""
    _validate(history, target, min_n, patience)
    acc = [p / n for p, n in history]
    if max(acc) >= target:
        return "ship"
    if len(history) < patience + 1:
        return "keep prompting"
    for i in range(len(history) - patience, len(history)):
        if _low(*history[i], z) > max(acc[:i]):
            return "keep prompting"
    return "finetune"


def finetune_gate__fixed_z(history, target, min_n=100, patience=2, z=1.96):
    """Ignores the z it is given and always uses 1.96."""
    return _gate(history, target, min_n, patience, 1.96)


def _gate(history, target, min_n, patience, z):
    _validate(history, target, min_n, patience)
    if any(n < min_n for _, n in history):
        return "collect more evals"
    acc = [p / n for p, n in history]
    if max(acc) >= target:
        return "ship"
    if len(history) < patience + 1:
        return "keep prompting"
    for i in range(len(history) - patience, len(history)):
        if _low(*history[i], z) > max(acc[:i]):
            return "keep prompting"
    return "finetune"
