"""Known-wrong answers for iterate_humans_at_center: each must fail at least one grader case."""


def _validate(confidence, correct, max_error, daily_volume, minutes_each):
    if not confidence or len(correct) != len(confidence):
        raise ValueError("bad items")
    if any(not 0 <= c <= 1 for c in confidence) or not 0 <= max_error <= 1:
        raise ValueError("bad range")
    if daily_volume < 0 or minutes_each < 0:
        raise ValueError("negative")


def _result(n, threshold, automated, wrong, daily_volume, minutes_each):
    workload = (n - automated) / n
    return {"threshold": threshold, "automated": automated, "to_human": n - automated, "workload": workload,
            "error": wrong / n, "review_hours": workload * daily_volume * minutes_each / 60}


def routing_policy__error_over_automated_items(confidence, correct, max_error, daily_volume=1000, minutes_each=2.0):
    """Divides the mistakes by the automated items only, so the target is judged on the wrong base."""
    _validate(confidence, correct, max_error, daily_volume, minutes_each)
    n, best = len(confidence), (None, 0, 0)
    for t in sorted(set(confidence), reverse=True):
        auto = [ok for c, ok in zip(confidence, correct) if c >= t]
        wrong = auto.count(False)
        if wrong / len(auto) > max_error:
            break
        best = (t, len(auto), wrong)
    return _result(n, *best, daily_volume, minutes_each)


def routing_policy__strict_threshold(confidence, correct, max_error, daily_volume=1000, minutes_each=2.0):
    """Automates only items strictly above the threshold, so ties at the threshold go to a person."""
    _validate(confidence, correct, max_error, daily_volume, minutes_each)
    n, best = len(confidence), (None, 0, 0)
    for t in sorted(set(confidence), reverse=True):
        auto = [ok for c, ok in zip(confidence, correct) if c > t]
        wrong = auto.count(False)
        if wrong / n > max_error:
            break
        best = (t, len(auto), wrong)
    return _result(n, *best, daily_volume, minutes_each)


def routing_policy__highest_passing_threshold(confidence, correct, max_error, daily_volume=1000, minutes_each=2.0):
    """Stops at the first threshold that meets the target, the highest, which automates the least."""
    _validate(confidence, correct, max_error, daily_volume, minutes_each)
    n = len(confidence)
    for t in sorted(set(confidence), reverse=True):
        auto = [ok for c, ok in zip(confidence, correct) if c >= t]
        wrong = auto.count(False)
        if wrong / n <= max_error:
            return _result(n, t, len(auto), wrong, daily_volume, minutes_each)
    return _result(n, None, 0, 0, daily_volume, minutes_each)


def routing_policy__automates_everything_when_nothing_fits(confidence, correct, max_error, daily_volume=1000,
                                                           minutes_each=2.0):
    """Falls back to the lowest confidence when no threshold meets the target, shipping every mistake."""
    _validate(confidence, correct, max_error, daily_volume, minutes_each)
    n = len(confidence)
    best = (min(confidence), n, correct.count(False))
    for t in sorted(set(confidence), reverse=True):
        auto = [ok for c, ok in zip(confidence, correct) if c >= t]
        wrong = auto.count(False)
        if wrong / n > max_error:
            break
        best = (t, len(auto), wrong)
    return _result(n, *best, daily_volume, minutes_each)


def routing_policy__hours_in_minutes(confidence, correct, max_error, daily_volume=1000, minutes_each=2.0):
    """Forgets to turn minutes into hours."""
    _validate(confidence, correct, max_error, daily_volume, minutes_each)
    n, best = len(confidence), (None, 0, 0)
    for t in sorted(set(confidence), reverse=True):
        auto = [ok for c, ok in zip(confidence, correct) if c >= t]
        wrong = auto.count(False)
        if wrong / n > max_error:
            break
        best = (t, len(auto), wrong)
    out = _result(n, *best, daily_volume, minutes_each)
    out["review_hours"] *= 60
    return out


def routing_policy__no_input_checks(confidence, correct, max_error, daily_volume=1000, minutes_each=2.0):
    """Never raises: a target of 5 (meant as 5%) automates everything, and an empty list divides by zero."""
    n, best = max(len(confidence), 1), (None, 0, 0)
    for t in sorted(set(confidence), reverse=True):
        auto = [ok for c, ok in zip(confidence, correct) if c >= t]
        wrong = auto.count(False)
        if wrong / n > max_error:
            break
        best = (t, len(auto), wrong)
    return _result(n, *best, daily_volume, minutes_each)
