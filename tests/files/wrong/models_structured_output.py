"""Known-wrong answers for models_structured_output: each must fail its grader."""

import json

from pydantic import ValidationError


def _parse(output):
    text = output if isinstance(output, str) else ""
    return json.loads(text[text.find("{"):text.rfind("}") + 1])


def _loc(entry):
    return ".".join(str(part) for part in entry["loc"])


def to_records__raises_on_first_error(outputs, record_type):
    """Validates without catching anything, so the first bad reply stops the whole batch."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    return [(i, record_type.model_validate(_parse(o)).model_dump()) for i, o in enumerate(outputs)], []


def to_records__stops_at_first_bad_reply(outputs, record_type):
    """Collects the first error, then gives up on the rest of the batch."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    records, errors = [], []
    for i, output in enumerate(outputs):
        try:
            records.append((i, record_type.model_validate(_parse(output)).model_dump()))
        except ValidationError as invalid:
            errors.extend((i, _loc(e), e["msg"]) for e in invalid.errors())
            break
        except ValueError as problem:
            errors.append((i, "<json>", str(problem)))
            break
    return records, errors


def to_records__one_error_per_reply(outputs, record_type):
    """Reports only the first failing field of each reply, hiding the others from the log."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    records, errors = [], []
    for i, output in enumerate(outputs):
        try:
            data = _parse(output)
        except ValueError as problem:
            errors.append((i, "<json>", str(problem)))
            continue
        try:
            records.append((i, record_type.model_validate(data).model_dump()))
        except ValidationError as invalid:
            first = invalid.errors()[0]
            errors.append((i, _loc(first), first["msg"]))
    return records, errors


def to_records__strict_json_loads(outputs, record_type):
    """Calls json.loads on the whole reply, so a fenced or chatty reply is lost."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    records, errors = [], []
    for i, output in enumerate(outputs):
        try:
            data = json.loads(output if isinstance(output, str) else "")
        except ValueError as problem:
            errors.append((i, "<json>", str(problem)))
            continue
        try:
            records.append((i, record_type.model_validate(data).model_dump()))
        except ValidationError as invalid:
            errors.extend((i, _loc(e), e["msg"]) for e in invalid.errors())
    return records, errors


def to_records__returns_parsed_dict(outputs, record_type):
    """Validates, but returns the parsed JSON instead of the validated record: no conversion, no defaults."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    records, errors = [], []
    for i, output in enumerate(outputs):
        try:
            data = _parse(output)
        except ValueError as problem:
            errors.append((i, "<json>", str(problem)))
            continue
        try:
            record_type.model_validate(data)
            records.append((i, data))
        except ValidationError as invalid:
            errors.extend((i, _loc(e), e["msg"]) for e in invalid.errors())
    return records, errors


def to_records__cuts_at_first_close(outputs, record_type):
    """Reads up to the first } instead of the last, which truncates any object holding another object."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    records, errors = [], []
    for i, output in enumerate(outputs):
        text = output if isinstance(output, str) else ""
        try:
            data = json.loads(text[text.find("{"):text.find("}") + 1])
        except ValueError as problem:
            errors.append((i, "<json>", str(problem)))
            continue
        try:
            records.append((i, record_type.model_validate(data).model_dump()))
        except ValidationError as invalid:
            errors.extend((i, _loc(e), e["msg"]) for e in invalid.errors())
    return records, errors


def to_records__renumbers_errors(outputs, record_type):
    """Numbers each error by its position in the error list, so nobody can find the reply it came from."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    records, errors = [], []
    for i, output in enumerate(outputs):
        try:
            data = _parse(output)
        except ValueError as problem:
            errors.append((len(errors), "<json>", str(problem)))
            continue
        try:
            records.append((i, record_type.model_validate(data).model_dump()))
        except ValidationError as invalid:
            errors.extend((len(errors), _loc(e), e["msg"]) for e in invalid.errors())
    return records, errors


def to_records__last_loc_part_only(outputs, record_type):
    """Names an error by the last part of its location, so lines.1.sku becomes sku."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    records, errors = [], []
    for i, output in enumerate(outputs):
        try:
            data = _parse(output)
        except ValueError as problem:
            errors.append((i, "<json>", str(problem)))
            continue
        try:
            records.append((i, record_type.model_validate(data).model_dump()))
        except ValidationError as invalid:
            errors.extend((i, str(e["loc"][-1]), e["msg"]) for e in invalid.errors())
    return records, errors


def to_records__iterates_a_string(outputs, record_type):
    """Accepts a single string and treats each of its characters as a reply."""
    records, errors = [], []
    for i, output in enumerate(outputs):
        try:
            data = _parse(output)
        except ValueError as problem:
            errors.append((i, "<json>", str(problem)))
            continue
        try:
            records.append((i, record_type.model_validate(data).model_dump()))
        except ValidationError as invalid:
            errors.extend((i, _loc(e), e["msg"]) for e in invalid.errors())
    return records, errors


def to_records__crashes_on_none(outputs, record_type):
    """Calls str methods on every reply, so a reply whose content is None raises AttributeError."""
    if isinstance(outputs, str):
        raise ValueError("a single string")
    records, errors = [], []
    for i, output in enumerate(outputs):
        try:
            data = json.loads(output[output.find("{"):output.rfind("}") + 1])
        except ValueError as problem:
            errors.append((i, "<json>", str(problem)))
            continue
        try:
            records.append((i, record_type.model_validate(data).model_dump()))
        except ValidationError as invalid:
            errors.extend((i, _loc(e), e["msg"]) for e in invalid.errors())
    return records, errors
