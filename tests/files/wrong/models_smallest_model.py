"""Known-wrong answers for models_smallest_model: each must fail its grader."""


def _validate(candidates):
    names = [c["name"] for c in candidates]
    if len(set(names)) != len(names):
        raise ValueError("duplicate name")
    for c in candidates:
        if not 0.0 <= c["accuracy"] <= 1.0 or c["cost"] < 0:
            raise ValueError("out of range")


def pareto_front__weak_domination(candidates):
    """Drops a candidate when another is merely as good on both counts, so identical twins knock each other out."""
    _validate(candidates)
    front = [b for b in candidates
             if not any(a is not b and a["accuracy"] >= b["accuracy"] and a["cost"] <= b["cost"] for a in candidates)]
    return [c["name"] for c in sorted(front, key=lambda c: (c["cost"], c["name"]))]


def pareto_front__needs_both_strict(candidates):
    """Counts as dominated only a model beaten strictly on both counts, so equal-accuracy costlier models stay."""
    _validate(candidates)
    front = [b for b in candidates
             if not any(a["accuracy"] > b["accuracy"] and a["cost"] < b["cost"] for a in candidates)]
    return [c["name"] for c in sorted(front, key=lambda c: (c["cost"], c["name"]))]


def pareto_front__sorted_by_accuracy(candidates):
    """Returns the right models sorted by accuracy, best first, instead of by cost."""
    _validate(candidates)

    def dominates(a, b):
        return (a["accuracy"] >= b["accuracy"] and a["cost"] <= b["cost"]
                and (a["accuracy"] > b["accuracy"] or a["cost"] < b["cost"]))
    front = [b for b in candidates if not any(dominates(a, b) for a in candidates)]
    return [c["name"] for c in sorted(front, key=lambda c: (-c["accuracy"], c["name"]))]


def pareto_front__neighbours_only(candidates):
    """Sorts by cost and compares each model with the previous one only, so it misses models beaten further away."""
    _validate(candidates)
    ordered = sorted(candidates, key=lambda c: (c["cost"], -c["accuracy"], c["name"]))
    front = []
    for i, c in enumerate(ordered):
        if i == 0 or c["accuracy"] > ordered[i - 1]["accuracy"]:
            front.append(c)
    return [c["name"] for c in front]


def pareto_front__no_validation(candidates):
    """Never checks the inputs, so a percentage or a negative cost goes through."""
    def dominates(a, b):
        return (a["accuracy"] >= b["accuracy"] and a["cost"] <= b["cost"]
                and (a["accuracy"] > b["accuracy"] or a["cost"] < b["cost"]))
    front = [b for b in candidates if not any(dominates(a, b) for a in candidates)]
    return [c["name"] for c in sorted(front, key=lambda c: (c["cost"], c["name"]))]


def cheapest_meeting__strict_target(candidates, target):
    """Requires accuracy strictly above the target, so a model exactly at the target is refused."""
    _validate(candidates)
    if not 0.0 <= target <= 1.0:
        raise ValueError("target")
    meets = [c for c in candidates if c["accuracy"] > target]
    return min(meets, key=lambda c: (c["cost"], -c["accuracy"], c["name"]))["name"] if meets else None


def cheapest_meeting__most_accurate(candidates, target):
    """Picks the most accurate qualifying model instead of the cheapest."""
    _validate(candidates)
    if not 0.0 <= target <= 1.0:
        raise ValueError("target")
    meets = [c for c in candidates if c["accuracy"] >= target]
    return max(meets, key=lambda c: (c["accuracy"], -c["cost"]))["name"] if meets else None


def cheapest_meeting__name_breaks_cost_ties(candidates, target):
    """Breaks cost ties by name before accuracy."""
    _validate(candidates)
    if not 0.0 <= target <= 1.0:
        raise ValueError("target")
    meets = [c for c in candidates if c["accuracy"] >= target]
    return min(meets, key=lambda c: (c["cost"], c["name"]))["name"] if meets else None


def cheapest_meeting__best_effort(candidates, target):
    """Falls back to the most accurate model when none meets the target, instead of returning None."""
    _validate(candidates)
    if not 0.0 <= target <= 1.0:
        raise ValueError("target")
    if not candidates:
        return None
    meets = [c for c in candidates if c["accuracy"] >= target]
    if not meets:
        return max(candidates, key=lambda c: c["accuracy"])["name"]
    return min(meets, key=lambda c: (c["cost"], -c["accuracy"], c["name"]))["name"]


def cheapest_meeting__first_in_list_on_ties(candidates, target):
    """Keeps the first of equally good models in list order instead of the name that sorts first."""
    _validate(candidates)
    if not 0.0 <= target <= 1.0:
        raise ValueError("target")
    meets = [c for c in candidates if c["accuracy"] >= target]
    return min(meets, key=lambda c: (c["cost"], -c["accuracy"]))["name"] if meets else None


def cheapest_meeting__percent_target(candidates, target):
    """Does not check the target, so a target of 80 (a percentage) silently returns None."""
    _validate(candidates)
    meets = [c for c in candidates if c["accuracy"] >= target]
    return min(meets, key=lambda c: (c["cost"], -c["accuracy"], c["name"]))["name"] if meets else None
