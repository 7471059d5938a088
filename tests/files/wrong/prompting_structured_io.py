"""Known-wrong answers for prompting_structured_io: each must fail at least one grader case."""

from pydantic import ValidationError

FEEDBACK = "Your reply did not validate: {errors}. Reply with the corrected JSON object only."


def _describe(exc):
    return "; ".join(f"{'.'.join(str(part) for part in e['loc']) or '(reply)'}: {e['msg']}" for e in exc.errors())


def _check(messages, max_retries):
    if not messages or max_retries < 0:
        raise ValueError("bad input")


def extract_with_retry__no_feedback(client, messages, schema, max_retries=2, model="course"):
    """Retries with the same messages: the model never learns what was wrong."""
    _check(messages, max_retries)
    for _ in range(max_retries + 1):
        text = client.chat.completions.create(model=model, messages=list(messages)).choices[0].message.content
        try:
            return schema.model_validate_json(text)
        except ValidationError:
            pass
    raise ValueError("no valid reply")


def extract_with_retry__off_by_one_cap(client, messages, schema, max_retries=2, model="course"):
    """Makes max_retries calls in all, one fewer than allowed."""
    _check(messages, max_retries)
    conversation = list(messages)
    for _ in range(max(max_retries, 1)):
        text = client.chat.completions.create(model=model, messages=conversation).choices[0].message.content
        try:
            return schema.model_validate_json(text)
        except ValidationError as exc:
            conversation = conversation + [{"role": "assistant", "content": text},
                                           {"role": "user", "content": FEEDBACK.format(errors=_describe(exc))}]
    raise ValueError("no valid reply")


def extract_with_retry__latest_exchange_only(client, messages, schema, max_retries=2, model="course"):
    """Sends only the original messages and the latest failed exchange, forgetting earlier ones."""
    _check(messages, max_retries)
    conversation = list(messages)
    for _ in range(max_retries + 1):
        text = client.chat.completions.create(model=model, messages=conversation).choices[0].message.content
        try:
            return schema.model_validate_json(text)
        except ValidationError as exc:
            conversation = list(messages) + [{"role": "assistant", "content": text},
                                             {"role": "user", "content": FEEDBACK.format(errors=_describe(exc))}]
    raise ValueError("no valid reply")


def extract_with_retry__first_error_only(client, messages, schema, max_retries=2, model="course"):
    """Feeds back only the first validation error, so a reply with two faults is only half explained."""
    _check(messages, max_retries)
    conversation = list(messages)
    for _ in range(max_retries + 1):
        text = client.chat.completions.create(model=model, messages=conversation).choices[0].message.content
        try:
            return schema.model_validate_json(text)
        except ValidationError as exc:
            first = exc.errors()[0]
            errors = f"{'.'.join(str(p) for p in first['loc']) or '(reply)'}: {first['msg']}"
            conversation = conversation + [{"role": "assistant", "content": text},
                                           {"role": "user", "content": FEEDBACK.format(errors=errors)}]
    raise ValueError("no valid reply")


def extract_with_retry__json_loads_then_trust(client, messages, schema, max_retries=2, model="course"):
    """Accepts any reply that parses as JSON, building the object without validation."""
    import json
    _check(messages, max_retries)
    conversation = list(messages)
    for _ in range(max_retries + 1):
        text = client.chat.completions.create(model=model, messages=conversation).choices[0].message.content
        try:
            return schema.model_construct(**json.loads(text))
        except ValueError:
            try:
                schema.model_validate_json(text)
            except ValidationError as exc:
                conversation = conversation + [{"role": "assistant", "content": text},
                                               {"role": "user", "content": FEEDBACK.format(errors=_describe(exc))}]
    raise ValueError("no valid reply")


def extract_with_retry__returns_none(client, messages, schema, max_retries=2, model="course"):
    """Gives up silently with None instead of raising, so bad data flows on."""
    _check(messages, max_retries)
    conversation = list(messages)
    for _ in range(max_retries + 1):
        text = client.chat.completions.create(model=model, messages=conversation).choices[0].message.content
        try:
            return schema.model_validate_json(text)
        except ValidationError as exc:
            conversation = conversation + [{"role": "assistant", "content": text},
                                           {"role": "user", "content": FEEDBACK.format(errors=_describe(exc))}]
    return None
