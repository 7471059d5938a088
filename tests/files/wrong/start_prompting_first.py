"""Known-wrong answers for start_prompting_first: each must fail at least one grader case."""


def _validate(rungs, target, min_gain, max_attempts):
    if not rungs or not 0 < target <= 1 or min_gain < 0 or max_attempts < 1:
        raise ValueError("bad ladder")


def climb_ladder__hard_coded(rungs, evaluate, target, min_gain, max_attempts=5):
    """Returns the first case's answer whatever the eval says."""
    return {"reached": "prompt", "path": [("prompt", 0, 0.5), ("prompt", 1, 0.75), ("prompt", 2, 1.0)]}


def climb_ladder__strict_gain(rungs, evaluate, target, min_gain, max_attempts=5):
    """Treats a gain exactly equal to min_gain as a stall."""
    _validate(rungs, target, min_gain, max_attempts)
    path = []
    for rung in rungs:
        previous = None
        for attempt in range(max_attempts):
            score = evaluate(rung, attempt)
            if not 0 <= score <= 1:
                raise ValueError("not an accuracy")
            path.append((rung, attempt, score))
            if score >= target:
                return {"reached": rung, "path": path}
            if previous is not None and score - previous <= min_gain:
                break
            previous = score
    return {"reached": None, "path": path}


def climb_ladder__compares_across_rungs(rungs, evaluate, target, min_gain, max_attempts=5):
    """Judges a rung's first attempt against the previous rung's last score."""
    _validate(rungs, target, min_gain, max_attempts)
    path, previous = [], None
    for rung in rungs:
        for attempt in range(max_attempts):
            score = evaluate(rung, attempt)
            if not 0 <= score <= 1:
                raise ValueError("not an accuracy")
            path.append((rung, attempt, score))
            if score >= target:
                return {"reached": rung, "path": path}
            stalled = previous is not None and score - previous < min_gain
            previous = score
            if stalled:
                break
    return {"reached": None, "path": path}


def climb_ladder__climbs_after_one_attempt(rungs, evaluate, target, min_gain, max_attempts=5):
    """Moves to the next rung after every attempt that misses the target, so no rung is ever iterated."""
    _validate(rungs, target, min_gain, max_attempts)
    path = []
    for rung in rungs:
        score = evaluate(rung, 0)
        if not 0 <= score <= 1:
            raise ValueError("not an accuracy")
        path.append((rung, 0, score))
        if score >= target:
            return {"reached": rung, "path": path}
    return {"reached": None, "path": path}


def climb_ladder__strict_target(rungs, evaluate, target, min_gain, max_attempts=5):
    """Requires the score to beat the target rather than reach it."""
    _validate(rungs, target, min_gain, max_attempts)
    path = []
    for rung in rungs:
        previous = None
        for attempt in range(max_attempts):
            score = evaluate(rung, attempt)
            if not 0 <= score <= 1:
                raise ValueError("not an accuracy")
            path.append((rung, attempt, score))
            if score > target:
                return {"reached": rung, "path": path}
            if previous is not None and score - previous < min_gain:
                break
            previous = score
    return {"reached": None, "path": path}


def climb_ladder__no_attempt_cap(rungs, evaluate, target, min_gain, max_attempts=5):
    """Ignores max_attempts: a rung that keeps improving is never left."""
    _validate(rungs, target, min_gain, max_attempts)
    path = []
    for rung in rungs:
        previous, attempt = None, 0
        while True:
            score = evaluate(rung, attempt)
            if not 0 <= score <= 1:
                raise ValueError("not an accuracy")
            path.append((rung, attempt, score))
            if score >= target:
                return {"reached": rung, "path": path}
            if previous is not None and score - previous < min_gain:
                break
            previous, attempt = score, attempt + 1
    return {"reached": None, "path": path}


def climb_ladder__trusts_the_eval(rungs, evaluate, target, min_gain, max_attempts=5):
    """Never checks that a score is an accuracy."""
    _validate(rungs, target, min_gain, max_attempts)
    path = []
    for rung in rungs:
        previous = None
        for attempt in range(max_attempts):
            score = evaluate(rung, attempt)
            path.append((rung, attempt, score))
            if score >= target:
                return {"reached": rung, "path": path}
            if previous is not None and score - previous < min_gain:
                break
            previous = score
    return {"reached": None, "path": path}
