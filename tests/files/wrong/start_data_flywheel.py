"""Known-wrong answers for start_data_flywheel: each must fail at least one grader case."""


def _validated(rounds):
    first = None
    for number, current in enumerate(rounds, start=1):
        failures = current["failures"]
        if not failures:
            raise ValueError("no items")
        if first is not None and set(failures) != first:
            raise ValueError("different items")
        first = set(failures)
        for failed in failures.values():
            if set(failed) - set(current["checks"]):
                raise ValueError("unrun check")
    return rounds


def flywheel_ledger__hard_coded(rounds):
    """Returns the first case's answer whatever the rounds."""
    return [{"round": 1, "defect_rate": 0.5, "fixed": [], "regressed": [], "newly_caught": []}]


def flywheel_ledger__every_new_failure_is_a_regression(rounds):
    """Ignores which checks the previous round ran: a stricter eval looks like a worse model."""
    ledger, previous = [], None
    for number, current in enumerate(_validated(rounds), start=1):
        failing = {i for i, f in current["failures"].items() if f}
        entry = {"round": number, "defect_rate": len(failing) / len(current["failures"]),
                 "fixed": [], "regressed": [], "newly_caught": []}
        if previous is not None:
            was = {i for i, f in previous["failures"].items() if f}
            entry["fixed"], entry["regressed"] = sorted(was - failing), sorted(failing - was)
        ledger.append(entry)
        previous = current
    return ledger


def flywheel_ledger__any_new_check_is_newly_caught(rounds):
    """Calls an item newly caught as soon as it fails a new check, even when it also fails an old one."""
    ledger, previous = [], None
    for number, current in enumerate(_validated(rounds), start=1):
        failing = {i for i, f in current["failures"].items() if f}
        entry = {"round": number, "defect_rate": len(failing) / len(current["failures"]),
                 "fixed": [], "regressed": [], "newly_caught": []}
        if previous is not None:
            old = set(previous["checks"])
            was = {i for i, f in previous["failures"].items() if f}
            entry["fixed"] = sorted(was - failing)
            for item in sorted(failing - was):
                if set(current["failures"][item]) - old:
                    entry["newly_caught"].append(item)
                else:
                    entry["regressed"].append(item)
        ledger.append(entry)
        previous = current
    return ledger


def flywheel_ledger__compares_with_round_one(rounds):
    """Compares every round with the first round instead of the round before it."""
    ledger, first = [], None
    for number, current in enumerate(_validated(rounds), start=1):
        failing = {i for i, f in current["failures"].items() if f}
        entry = {"round": number, "defect_rate": len(failing) / len(current["failures"]),
                 "fixed": [], "regressed": [], "newly_caught": []}
        if first is not None:
            old = set(first["checks"])
            was = {i for i, f in first["failures"].items() if f}
            entry["fixed"] = sorted(was - failing)
            for item in sorted(failing - was):
                (entry["regressed"] if set(current["failures"][item]) & old else entry["newly_caught"]).append(item)
        else:
            first = current
        ledger.append(entry)
    return ledger


def flywheel_ledger__counts_failed_checks(rounds):
    """Divides the number of failed checks by the number of items, so an item failing two checks counts twice."""
    ledger, previous = [], None
    for number, current in enumerate(_validated(rounds), start=1):
        failing = {i for i, f in current["failures"].items() if f}
        total = sum(len(f) for f in current["failures"].values())
        entry = {"round": number, "defect_rate": total / len(current["failures"]),
                 "fixed": [], "regressed": [], "newly_caught": []}
        if previous is not None:
            old = set(previous["checks"])
            was = {i for i, f in previous["failures"].items() if f}
            entry["fixed"] = sorted(was - failing)
            for item in sorted(failing - was):
                (entry["regressed"] if set(current["failures"][item]) & old else entry["newly_caught"]).append(item)
        ledger.append(entry)
        previous = current
    return ledger


def flywheel_ledger__no_validation(rounds):
    """Trusts its input: unrun checks and changing items slip through."""
    ledger, previous = [], None
    for number, current in enumerate(rounds, start=1):
        failing = {i for i, f in current["failures"].items() if f}
        entry = {"round": number, "defect_rate": len(failing) / max(1, len(current["failures"])),
                 "fixed": [], "regressed": [], "newly_caught": []}
        if previous is not None:
            old = set(previous["checks"])
            was = {i for i, f in previous["failures"].items() if f}
            entry["fixed"] = sorted(was - failing)
            for item in sorted(failing - was):
                (entry["regressed"] if set(current["failures"][item]) & old else entry["newly_caught"]).append(item)
        ledger.append(entry)
        previous = current
    return ledger
