"""Known-wrong answers for workflows_multiturn_flows: each must fail its grader."""


def _ask(client, model, messages):
    return client.chat.completions.create(model=model, messages=list(messages)).choices[0].message.content or ""


def _failure(test, answer):
    try:
        return test(answer)
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"


def _checked(steps, max_attempts):
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    names = [s["name"] for s in steps]
    if len(set(names)) != len(names):
        raise ValueError("duplicate step names")


def run_flow__no_feedback(client, steps, max_attempts=3, model="scripted"):
    """Retries with the same single prompt: the model never learns why its answer failed."""
    _checked(steps, max_attempts)
    outputs, attempts, previous = {}, [], ""
    for step in steps:
        prompt = step["prompt"].replace("{previous}", previous)
        for n in range(1, max_attempts + 1):
            answer = _ask(client, model, [{"role": "user", "content": prompt}])
            failure = _failure(step["test"], answer)
            attempts.append({"step": step["name"], "attempt": n, "answer": answer, "failure": failure})
            if failure is None:
                break
        else:
            return {"ok": False, "outputs": outputs, "attempts": attempts}
        outputs[step["name"]] = previous = answer
    return {"ok": True, "outputs": outputs, "attempts": attempts}


def run_flow__cap_counts_retries(client, steps, max_attempts=3, model="scripted"):
    """Treats max_attempts as the number of retries after the first attempt, so it calls once too often."""
    _checked(steps, max_attempts)
    outputs, attempts, previous = {}, [], ""
    for step in steps:
        messages = [{"role": "user", "content": step["prompt"].replace("{previous}", previous)}]
        for n in range(1, max_attempts + 2):
            answer = _ask(client, model, messages)
            failure = _failure(step["test"], answer)
            attempts.append({"step": step["name"], "attempt": n, "answer": answer, "failure": failure})
            if failure is None:
                break
            messages += [{"role": "assistant", "content": answer},
                         {"role": "user", "content": "Your answer failed its test: " + failure + "\nPlease try again."}]
        else:
            return {"ok": False, "outputs": outputs, "attempts": attempts}
        outputs[step["name"]] = previous = answer
    return {"ok": True, "outputs": outputs, "attempts": attempts}


def run_flow__keeps_going_after_a_failed_step(client, steps, max_attempts=3, model="scripted"):
    """Moves on to the next step when one fails for good, calling the model for work built on a bad answer."""
    _checked(steps, max_attempts)
    outputs, attempts, previous, ok = {}, [], "", True
    for step in steps:
        messages = [{"role": "user", "content": step["prompt"].replace("{previous}", previous)}]
        for n in range(1, max_attempts + 1):
            answer = _ask(client, model, messages)
            failure = _failure(step["test"], answer)
            attempts.append({"step": step["name"], "attempt": n, "answer": answer, "failure": failure})
            if failure is None:
                outputs[step["name"]] = previous = answer
                break
            messages += [{"role": "assistant", "content": answer},
                         {"role": "user", "content": "Your answer failed its test: " + failure + "\nPlease try again."}]
        else:
            ok = False
    return {"ok": ok, "outputs": outputs, "attempts": attempts}


def run_flow__format_not_replace(client, steps, max_attempts=3, model="scripted"):
    """Fills the prompt with str.format, which breaks on other braces such as code or {x}."""
    _checked(steps, max_attempts)
    outputs, attempts, previous = {}, [], ""
    for step in steps:
        messages = [{"role": "user", "content": step["prompt"].format(previous=previous)}]
        for n in range(1, max_attempts + 1):
            answer = _ask(client, model, messages)
            failure = _failure(step["test"], answer)
            attempts.append({"step": step["name"], "attempt": n, "answer": answer, "failure": failure})
            if failure is None:
                break
            messages += [{"role": "assistant", "content": answer},
                         {"role": "user", "content": "Your answer failed its test: " + failure + "\nPlease try again."}]
        else:
            return {"ok": False, "outputs": outputs, "attempts": attempts}
        outputs[step["name"]] = previous = answer
    return {"ok": True, "outputs": outputs, "attempts": attempts}


def run_flow__test_errors_crash_the_flow(client, steps, max_attempts=3, model="scripted"):
    """Calls the test without catching its exceptions, so one crashing check stops everything."""
    _checked(steps, max_attempts)
    outputs, attempts, previous = {}, [], ""
    for step in steps:
        messages = [{"role": "user", "content": step["prompt"].replace("{previous}", previous)}]
        for n in range(1, max_attempts + 1):
            answer = _ask(client, model, messages)
            failure = step["test"](answer)
            attempts.append({"step": step["name"], "attempt": n, "answer": answer, "failure": failure})
            if failure is None:
                break
            messages += [{"role": "assistant", "content": answer},
                         {"role": "user", "content": "Your answer failed its test: " + failure + "\nPlease try again."}]
        else:
            return {"ok": False, "outputs": outputs, "attempts": attempts}
        outputs[step["name"]] = previous = answer
    return {"ok": True, "outputs": outputs, "attempts": attempts}


def run_flow__only_last_failure(client, steps, max_attempts=3, model="scripted"):
    """Sends only the prompt and the latest failed attempt, dropping the earlier ones from the conversation."""
    _checked(steps, max_attempts)
    outputs, attempts, previous = {}, [], ""
    for step in steps:
        prompt = {"role": "user", "content": step["prompt"].replace("{previous}", previous)}
        messages = [prompt]
        for n in range(1, max_attempts + 1):
            answer = _ask(client, model, messages)
            failure = _failure(step["test"], answer)
            attempts.append({"step": step["name"], "attempt": n, "answer": answer, "failure": failure})
            if failure is None:
                break
            messages = [prompt, {"role": "assistant", "content": answer},
                        {"role": "user", "content": "Your answer failed its test: " + failure + "\nPlease try again."}]
        else:
            return {"ok": False, "outputs": outputs, "attempts": attempts}
        outputs[step["name"]] = previous = answer
    return {"ok": True, "outputs": outputs, "attempts": attempts}


def run_flow__records_only_failures(client, steps, max_attempts=3, model="scripted"):
    """Keeps a record of the failed attempts only, so the log does not show which attempt succeeded."""
    _checked(steps, max_attempts)
    outputs, attempts, previous = {}, [], ""
    for step in steps:
        messages = [{"role": "user", "content": step["prompt"].replace("{previous}", previous)}]
        for n in range(1, max_attempts + 1):
            answer = _ask(client, model, messages)
            failure = _failure(step["test"], answer)
            if failure is None:
                break
            attempts.append({"step": step["name"], "attempt": n, "answer": answer, "failure": failure})
            messages += [{"role": "assistant", "content": answer},
                         {"role": "user", "content": "Your answer failed its test: " + failure + "\nPlease try again."}]
        else:
            return {"ok": False, "outputs": outputs, "attempts": attempts}
        outputs[step["name"]] = previous = answer
    return {"ok": True, "outputs": outputs, "attempts": attempts}
