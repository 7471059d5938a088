"""Known-wrong answers for evals_intern_test: each must fail its grader."""

ACTIONS = {
    "missing context": "retrieve the missing facts",
    "task too hard or ambiguous": "decompose or clarify the task",
    "model mistake": "improve the prompt, examples or model",
}


def _triage(failure, max_minutes=5):
    """A correct triage, so the wrong plans below are wrong only where their docstring says."""
    if failure["correct"]:
        return ("not a failure", None)
    if not failure["context_has_answer"]:
        category = "missing context"
    elif not failure["intern_could_do_it"] or failure["intern_minutes"] > max_minutes:
        category = "task too hard or ambiguous"
    else:
        category = "model mistake"
    return (category, ACTIONS[category])


def triage__hardcoded(failure, max_minutes=5):
    """Calls every failure a model mistake."""
    return ("model mistake", ACTIONS["model mistake"])


def triage__intern_before_context(failure, max_minutes=5):
    """Asks whether a student could do it before asking whether the facts were there."""
    if failure["correct"]:
        return ("not a failure", None)
    if not failure["intern_could_do_it"] or failure["intern_minutes"] > max_minutes:
        category = "task too hard or ambiguous"
    elif not failure["context_has_answer"]:
        category = "missing context"
    else:
        category = "model mistake"
    return (category, ACTIONS[category])


def triage__ignores_correct(failure, max_minutes=5):
    """Triages right answers as if they were failures."""
    if not failure["context_has_answer"]:
        category = "missing context"
    elif not failure["intern_could_do_it"] or failure["intern_minutes"] > max_minutes:
        category = "task too hard or ambiguous"
    else:
        category = "model mistake"
    return (category, ACTIONS[category])


def triage__ignores_minutes(failure, max_minutes=5):
    """Forgets the slow branch: a task a student needs an hour for becomes a model mistake."""
    if failure["correct"]:
        return ("not a failure", None)
    if not failure["context_has_answer"]:
        category = "missing context"
    elif not failure["intern_could_do_it"]:
        category = "task too hard or ambiguous"
    else:
        category = "model mistake"
    return (category, ACTIONS[category])


def triage__minutes_inclusive(failure, max_minutes=5):
    """Treats exactly max_minutes as slow (>= instead of >)."""
    if failure["correct"]:
        return ("not a failure", None)
    if not failure["context_has_answer"]:
        category = "missing context"
    elif not failure["intern_could_do_it"] or failure["intern_minutes"] >= max_minutes:
        category = "task too hard or ambiguous"
    else:
        category = "model mistake"
    return (category, ACTIONS[category])


def triage__fixed_threshold(failure, max_minutes=5):
    """Uses 5 minutes whatever max_minutes says."""
    return _triage(failure, 5)


def triage__category_only(failure, max_minutes=5):
    """Returns the category without its action."""
    return _triage(failure, max_minutes)[0]


def action_plan__hardcoded(log):
    """Returns the answer of the first case whatever the log."""
    return [(ACTIONS["missing context"], 3), (ACTIONS["model mistake"], 2),
            (ACTIONS["task too hard or ambiguous"], 1)]


def action_plan__ascending(log):
    """Sorts by count from smallest to largest."""
    counts = {}
    for entry in log:
        action = _triage(entry)[1]
        if action is not None:
            counts[action] = counts.get(action, 0) + 1
    return sorted(counts.items(), key=lambda item: (item[1], item[0]))


def action_plan__ties_in_log_order(log):
    """Sorts by count only, so ties keep the order in which the log first met them."""
    counts = {}
    for entry in log:
        action = _triage(entry)[1]
        if action is not None:
            counts[action] = counts.get(action, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


def action_plan__ties_by_category(log):
    """Breaks ties by category name instead of action name."""
    counts = {}
    for entry in log:
        category, action = _triage(entry)
        if action is not None:
            counts[(category, action)] = counts.get((category, action), 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return [(action, n) for (_, action), n in ranked]


def action_plan__includes_zero_rows(log):
    """Lists every action, even those no failure calls for."""
    counts = {action: 0 for action in ACTIONS.values()}
    for entry in log:
        action = _triage(entry)[1]
        if action is not None:
            counts[action] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def action_plan__counts_right_answers(log):
    """Counts right answers too, as a row for the action None."""
    counts = {}
    for entry in log:
        action = _triage(entry)[1]
        counts[action] = counts.get(action, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
