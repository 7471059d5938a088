"""Known-wrong answers for workflows_deterministic: each must fail its grader."""

import graphlib


class StepFailed(Exception):
    pass


def _is_ref(value):
    return isinstance(value, dict) and set(value) == {"ref"}


def _problems(plan, tools, *, exact_types=True, downstream=True, skip_unknown_tool=True):
    """A configurable validator, so each wrong answer below differs from a right one in one respect."""
    steps = {s["id"]: s for s in plan}
    problems = set()
    depends = {}
    for s in plan:
        sid, args = s["id"], s["args"]
        depends[sid] = {v["ref"] for v in args.values() if _is_ref(v) and v["ref"] in steps}
        if any(_is_ref(v) and v["ref"] not in steps for v in args.values()):
            problems.add((sid, "unknown_ref"))
        tool = tools.get(s["tool"])
        if tool is None:
            problems.add((sid, "unknown_tool"))
            if skip_unknown_tool:
                continue
            tool = {"params": {}, "returns": object}
        params = tool["params"]
        if any(p not in args for p in params):
            problems.add((sid, "missing_arg"))
        for name, value in args.items():
            if name not in params:
                problems.add((sid, "unknown_arg"))
                continue
            if _is_ref(value):
                src = steps.get(value["ref"])
                src_tool = tools.get(src["tool"]) if src else None
                if src_tool is not None and src_tool["returns"] is not params[name]:
                    problems.add((sid, "wrong_type"))
            elif (type(value) is not params[name]) if exact_types else not isinstance(value, params[name]):
                problems.add((sid, "wrong_type"))
    if downstream:
        done, moved = set(), True
        while moved:
            moved = False
            for sid, needs in depends.items():
                if sid not in done and needs <= done:
                    done.add(sid)
                    moved = True
        problems |= {(sid, "cycle") for sid in steps if sid not in done}
    else:
        problems |= {(sid, "cycle") for sid in steps if _on_cycle(sid, depends)}
    return problems


def _on_cycle(start, depends):
    seen, todo = set(), list(depends.get(start, ()))
    while todo:
        node = todo.pop()
        if node == start:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(depends.get(node, ()))
    return False


def validate_plan__isinstance_types(plan, tools):
    """Checks types with isinstance, so True passes as an int."""
    return _problems(plan, tools, exact_types=False)


def validate_plan__only_steps_on_the_cycle(plan, tools):
    """Reports the steps on a cycle but not the steps stuck downstream of it."""
    return _problems(plan, tools, downstream=False)


def validate_plan__unknown_tool_args_reported(plan, tools):
    """For an unknown tool, also reports every argument as unknown."""
    return _problems(plan, tools, skip_unknown_tool=False)


def validate_plan__list_not_set(plan, tools):
    """Returns the problems as a sorted list instead of a set."""
    return sorted(_problems(plan, tools))


def validate_plan__one_pass_in_list_order(plan, tools):
    """Schedules in a single pass over the list, so a step referring to a later step looks stuck."""
    problems = {p for p in _problems(plan, tools) if p[1] != "cycle"}
    steps = {s["id"] for s in plan}
    done = set()
    for s in plan:
        needs = {v["ref"] for v in s["args"].values() if _is_ref(v) and v["ref"] in steps}
        if needs <= done:
            done.add(s["id"])
    return problems | {(sid, "cycle") for sid in steps if sid not in done}


def validate_plan__no_ref_type_check(plan, tools):
    """Never checks the type a referenced step returns."""
    problems = _problems(plan, tools)
    for s in plan:
        tool = tools.get(s["tool"])
        if tool and (s["id"], "wrong_type") in problems:
            literal_bad = any(not _is_ref(v) and n in tool["params"] and type(v) is not tool["params"][n]
                              for n, v in s["args"].items())
            if not literal_bad:
                problems.discard((s["id"], "wrong_type"))
    return problems


def validate_plan__first_problem_only(plan, tools):
    """Stops at the first step with a problem."""
    for s in plan:
        found = {p for p in _problems(plan, tools) if p[0] == s["id"]}
        if found:
            return found
    return set()


def _run(plan, tools, order):
    results, ran = {}, []
    for s in order:
        tool = tools[s["tool"]]
        kwargs = {n: results[v["ref"]] if _is_ref(v) else v for n, v in s["args"].items()}
        try:
            result = tool["fn"](**kwargs)
        except Exception as exc:
            raise StepFailed(f"step {s['id']} failed") from exc
        if type(result) is not tool["returns"]:
            raise TypeError(f"step {s['id']} returned the wrong type")
        results[s["id"]] = result
        ran.append((s["id"], result))
    return ran


def _first_ready_order(plan):
    pending, done, order = list(plan), set(), []
    while pending:
        s = next(s for s in pending if all(v["ref"] in done for v in s["args"].values() if _is_ref(v)))
        pending.remove(s)
        done.add(s["id"])
        order.append(s)
    return order


def execute_plan__graphlib_order(plan, tools):
    """Uses graphlib's static order, which is a valid order but not the one the exercise fixes."""
    if _problems(plan, tools):
        raise ValueError("invalid plan")
    by_id = {s["id"]: s for s in plan}
    graph = {s["id"]: {v["ref"] for v in s["args"].values() if _is_ref(v)} for s in plan}
    order = [by_id[sid] for sid in graphlib.TopologicalSorter(graph).static_order()]
    return _run(plan, tools, order)


def execute_plan__list_order(plan, tools):
    """Runs the steps in list order, so a step listed before its input finds no result."""
    if _problems(plan, tools):
        raise ValueError("invalid plan")
    return _run(plan, tools, plan)


def execute_plan__no_validation(plan, tools):
    """Runs without validating: bad plans fail halfway, or with the wrong exception."""
    return _run(plan, tools, _first_ready_order(plan))


def execute_plan__positional_args(plan, tools):
    """Calls tools with positional arguments in the plan's order."""
    if _problems(plan, tools):
        raise ValueError("invalid plan")
    results, ran = {}, []
    for s in _first_ready_order(plan):
        tool = tools[s["tool"]]
        result = tool["fn"](*[results[v["ref"]] if _is_ref(v) else v for v in s["args"].values()])
        results[s["id"]] = result
        ran.append((s["id"], result))
    return ran


def execute_plan__no_return_check(plan, tools):
    """Trusts every tool's result, so an int from a float tool flows on."""
    if _problems(plan, tools):
        raise ValueError("invalid plan")
    results, ran = {}, []
    for s in _first_ready_order(plan):
        kwargs = {n: results[v["ref"]] if _is_ref(v) else v for n, v in s["args"].items()}
        try:
            result = tools[s["tool"]]["fn"](**kwargs)
        except Exception as exc:
            raise StepFailed(f"step {s['id']} failed") from exc
        results[s["id"]] = result
        ran.append((s["id"], result))
    return ran


def execute_plan__exceptions_leak(plan, tools):
    """Lets a tool's own exception escape instead of a StepFailed naming the step."""
    if _problems(plan, tools):
        raise ValueError("invalid plan")
    results, ran = {}, []
    for s in _first_ready_order(plan):
        tool = tools[s["tool"]]
        result = tool["fn"](**{n: results[v["ref"]] if _is_ref(v) else v for n, v in s["args"].items()})
        if type(result) is not tool["returns"]:
            raise TypeError(f"step {s['id']} returned the wrong type")
        results[s["id"]] = result
        ran.append((s["id"], result))
    return ran


def execute_plan__returns_dict(plan, tools):
    """Returns a dict of results, which loses the order the steps ran in."""
    if _problems(plan, tools):
        raise ValueError("invalid plan")
    return dict(_run(plan, tools, _first_ready_order(plan)))
