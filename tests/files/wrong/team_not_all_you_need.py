"""Known-wrong answers for team_not_all_you_need: each must fail at least one grader case."""


def _validate(runs, stages):
    for run in runs:
        names = [n for n, _ in run]
        if names != list(stages[:len(names)]) or any(not ok for _, ok in run[:-1]):
            raise ValueError("bad run")


def failure_funnel__rate_over_all_runs(runs, stages):
    """Divides by the number of runs instead of the runs that reached the stage."""
    _validate(runs, stages)
    rows = []
    for s in stages:
        reached = sum(1 for run in runs if any(n == s for n, _ in run))
        failed = sum(1 for run in runs if (s, False) in run)
        rows.append({"stage": s, "reached": reached, "failed": failed,
                     "pass_rate": (len(runs) - failed) / len(runs) if reached else None})
    return rows


def failure_funnel__zero_for_unreached(runs, stages):
    """Reports a pass rate of 0.0 for a stage nothing reached, as if it had failed every time."""
    _validate(runs, stages)
    rows = []
    for s in stages:
        reached = sum(1 for run in runs if any(n == s for n, _ in run))
        failed = sum(1 for run in runs if (s, False) in run)
        rows.append({"stage": s, "reached": reached, "failed": failed,
                     "pass_rate": (reached - failed) / reached if reached else 0.0})
    return rows


def failure_funnel__skips_unreached_stages(runs, stages):
    """Leaves out the rows of stages no run reached."""
    _validate(runs, stages)
    rows = []
    for s in stages:
        reached = sum(1 for run in runs if any(n == s for n, _ in run))
        failed = sum(1 for run in runs if (s, False) in run)
        if reached:
            rows.append({"stage": s, "reached": reached, "failed": failed, "pass_rate": (reached - failed) / reached})
    return rows


def failure_funnel__no_validation(runs, stages):
    """Counts whatever it is given: unknown, skipped or out-of-order stages and runs after a failure."""
    rows = []
    for s in stages:
        reached = sum(1 for run in runs if any(n == s for n, _ in run))
        failed = sum(1 for run in runs if (s, False) in run)
        rows.append({"stage": s, "reached": reached, "failed": failed,
                     "pass_rate": (reached - failed) / reached if reached else None})
    return rows


def failure_funnel__checks_only_unknown_stages(runs, stages):
    """Rejects unknown stage names but accepts skipped stages and runs that go on after a failure."""
    for run in runs:
        if any(n not in stages for n, _ in run):
            raise ValueError("unknown stage")
    return failure_funnel__no_validation(runs, stages)


def failure_funnel__counts_passes_as_reached(runs, stages):
    """Counts only the runs that passed a stage as having reached it, so failures are not in the base."""
    _validate(runs, stages)
    rows = []
    for s in stages:
        passed = sum(1 for run in runs if (s, True) in run)
        failed = sum(1 for run in runs if (s, False) in run)
        rows.append({"stage": s, "reached": passed, "failed": failed,
                     "pass_rate": (passed - failed) / passed if passed else None})
    return rows
