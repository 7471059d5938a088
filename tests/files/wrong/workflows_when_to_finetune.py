"""Known-wrong answers for workflows_when_to_finetune: each must fail its grader."""

OPTIONS = ("prompt", "rag", "finetune")


def _validate(evidence, target, budget, labelled):
    if not 0 <= target <= 1 or budget < 0 or labelled < 0:
        raise ValueError("bad argument")
    for option, measured in evidence.items():
        if option not in OPTIONS or "accuracy" not in measured or "cost_per_1000" not in measured:
            raise ValueError("bad evidence")
        if not 0 <= measured["accuracy"] <= 1 or measured["cost_per_1000"] < 0:
            raise ValueError("bad number")


def recommend__best_accuracy(evidence, target, budget_per_1000, labelled_examples, min_finetune_examples=500):
    """Picks the most accurate option within budget instead of the least effortful one that is enough."""
    _validate(evidence, target, budget_per_1000, labelled_examples)
    fits = [o for o in OPTIONS if o in evidence and evidence[o]["accuracy"] >= target
            and evidence[o]["cost_per_1000"] <= budget_per_1000]
    choice = max(fits, key=lambda o: evidence[o]["accuracy"]) if fits else "none"
    return choice, [(choice, "ok")] if fits else []


def recommend__no_example_gate(evidence, target, budget_per_1000, labelled_examples, min_finetune_examples=500):
    """Never checks the number of labelled examples (or the prompt baseline) before recommending a finetune."""
    _validate(evidence, target, budget_per_1000, labelled_examples)
    reasons = []
    for option in OPTIONS:
        if option not in evidence:
            verdict = "not measured"
        elif evidence[option]["accuracy"] < target:
            verdict = "below target"
        elif evidence[option]["cost_per_1000"] > budget_per_1000:
            verdict = "over budget"
        else:
            verdict = "ok"
        reasons.append((option, verdict))
        if verdict == "ok":
            return option, reasons
    return "none", reasons


def recommend__strict_target(evidence, target, budget_per_1000, labelled_examples, min_finetune_examples=500):
    """Requires accuracy strictly above the target, so meeting it exactly is rejected."""
    _validate(evidence, target, budget_per_1000, labelled_examples)
    reasons = []
    for option in OPTIONS:
        if option not in evidence:
            verdict = "not measured"
        elif option == "finetune" and "prompt" not in evidence:
            verdict = "prompt not measured"
        elif option == "finetune" and labelled_examples < min_finetune_examples:
            verdict = "too few examples"
        elif evidence[option]["accuracy"] <= target:
            verdict = "below target"
        elif evidence[option]["cost_per_1000"] > budget_per_1000:
            verdict = "over budget"
        else:
            verdict = "ok"
        reasons.append((option, verdict))
        if verdict == "ok":
            return option, reasons
    return "none", reasons


def recommend__budget_first(evidence, target, budget_per_1000, labelled_examples, min_finetune_examples=500):
    """Checks the budget before the target, so an option that misses both is called 'over budget'."""
    _validate(evidence, target, budget_per_1000, labelled_examples)
    reasons = []
    for option in OPTIONS:
        if option not in evidence:
            verdict = "not measured"
        elif option == "finetune" and "prompt" not in evidence:
            verdict = "prompt not measured"
        elif option == "finetune" and labelled_examples < min_finetune_examples:
            verdict = "too few examples"
        elif evidence[option]["cost_per_1000"] > budget_per_1000:
            verdict = "over budget"
        elif evidence[option]["accuracy"] < target:
            verdict = "below target"
        else:
            verdict = "ok"
        reasons.append((option, verdict))
        if verdict == "ok":
            return option, reasons
    return "none", reasons


def recommend__only_chosen_reason(evidence, target, budget_per_1000, labelled_examples, min_finetune_examples=500):
    """Returns only the chosen option's verdict, hiding why the cheaper options were rejected."""
    _validate(evidence, target, budget_per_1000, labelled_examples)
    for option in OPTIONS:
        if option not in evidence:
            continue
        if option == "finetune" and ("prompt" not in evidence or labelled_examples < min_finetune_examples):
            continue
        if evidence[option]["accuracy"] >= target and evidence[option]["cost_per_1000"] <= budget_per_1000:
            return option, [(option, "ok")]
    return "none", []


def recommend__no_validation(evidence, target, budget_per_1000, labelled_examples, min_finetune_examples=500):
    """Trusts its input: an accuracy of 92 (a percentage) or an unknown option goes through."""
    reasons = []
    for option in OPTIONS:
        if option not in evidence:
            verdict = "not measured"
        elif option == "finetune" and "prompt" not in evidence:
            verdict = "prompt not measured"
        elif option == "finetune" and labelled_examples < min_finetune_examples:
            verdict = "too few examples"
        elif evidence[option]["accuracy"] < target:
            verdict = "below target"
        elif evidence[option]["cost_per_1000"] > budget_per_1000:
            verdict = "over budget"
        else:
            verdict = "ok"
        reasons.append((option, verdict))
        if verdict == "ok":
            return option, reasons
    return "none", reasons
