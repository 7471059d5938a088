"""Known-wrong answers for team_process_not_tools: each must fail at least one grader case."""


def _check(results, labels, cap):
    if not 0 <= cap <= 1 or not any(labels) or any(len(v) != len(labels) for v in results.values()):
        raise ValueError("bad input")


def _flags(passed, labels, want_good):
    return {i for i, (ok, label) in enumerate(zip(passed, labels)) if not ok and label == want_good}


def greedy_assertions__ranks_by_total_coverage(results, labels, cap):
    """Sorts candidates once by how many bad outputs each catches alone, then adds them while under the
    cap: overlapping assertions get in although they add nothing."""
    _check(results, labels, cap)
    n_good = sum(labels)
    order = sorted(results, key=lambda n: -len(_flags(results[n], labels, False)))
    chosen, alarms = [], set()
    for name in order:
        new = alarms | _flags(results[name], labels, True)
        if len(new) / n_good <= cap and _flags(results[name], labels, False):
            chosen.append(name)
            alarms = new
    return chosen


def greedy_assertions__sums_false_failures(results, labels, cap):
    """Adds up each member's false alarms instead of counting the good outputs the suite flags."""
    _check(results, labels, cap)
    n_good = sum(labels)
    chosen, caught, alarm_count = [], set(), 0
    while True:
        best = None
        for name in results:
            if name in chosen:
                continue
            fa = len(_flags(results[name], labels, True))
            if (alarm_count + fa) / n_good > cap:
                continue
            key = (len(_flags(results[name], labels, False) - caught), -fa)
            if best is None or key > best[0]:
                best = (key, name, fa)
        if best is None or best[0][0] < 1:
            return chosen
        chosen.append(best[1])
        caught |= _flags(results[best[1]], labels, False)
        alarm_count += best[2]


def _greedy(results, labels, cap, *, strict=False, tie_on_alarms=True, keep_zero_gain=False):
    _check(results, labels, cap)
    n_good = sum(labels)
    chosen, caught, alarms = [], set(), set()
    while True:
        best = None
        for name in results:
            if name in chosen:
                continue
            new_alarms = alarms | _flags(results[name], labels, True)
            rate = len(new_alarms) / n_good
            if rate > cap or (strict and rate >= cap and new_alarms):
                continue
            gain = len(_flags(results[name], labels, False) - caught)
            key = (gain, -len(new_alarms - alarms) if tie_on_alarms else 0)
            if best is None or key > best[0]:
                best = (key, name)
        if best is None or (best[0][0] < 1 and not keep_zero_gain):
            return chosen
        chosen.append(best[1])
        caught |= _flags(results[best[1]], labels, False)
        alarms |= _flags(results[best[1]], labels, True)


def greedy_assertions__cap_is_strict(results, labels, cap):
    """Treats the cap as a strict upper bound, so a suite exactly at the cap is rejected."""
    return _greedy(results, labels, cap, strict=True)


def greedy_assertions__no_false_alarm_tie_break(results, labels, cap):
    """Breaks ties on gain by order alone, ignoring which candidate raises fewer new false alarms."""
    return _greedy(results, labels, cap, tie_on_alarms=False)


def greedy_assertions__adds_useless_assertions(results, labels, cap):
    """Keeps adding allowed candidates after they stop catching anything new."""
    return _greedy(results, labels, cap, keep_zero_gain=True)


def greedy_assertions__ignores_the_cap(results, labels, cap):
    """Never checks the false-failure rate: picks for coverage alone."""
    return _greedy(results, labels, 1.0)


def greedy_assertions__no_validation(results, labels, cap):
    """Skips the input checks: a wrong-length list or a cap outside [0, 1] goes through."""
    n_good = sum(labels) or 1
    chosen, caught, alarms = [], set(), set()
    while True:
        best = None
        for name in results:
            if name in chosen:
                continue
            new_alarms = alarms | _flags(results[name], labels, True)
            if len(new_alarms) / n_good > cap:
                continue
            key = (len(_flags(results[name], labels, False) - caught), -len(new_alarms - alarms))
            if best is None or key > best[0]:
                best = (key, name)
        if best is None or best[0][0] < 1:
            return chosen
        chosen.append(best[1])
        caught |= _flags(results[best[1]], labels, False)
        alarms |= _flags(results[best[1]], labels, True)
