"""Grader for models_structured_output: an adapter that turns raw model replies into typed records and
collects every error instead of raising at the first."""

from typing import Literal

from pydantic import BaseModel

from llmcourse.cases import Case


class Refund(BaseModel):
    order_id: str
    reason: Literal["damaged", "late", "wrong_item", "changed_mind"]
    amount: float
    currency: Literal["EUR", "USD", "GBP"]


class Line(BaseModel):
    sku: str
    quantity: int = 1


class Order(BaseModel):
    order_id: str
    lines: list[Line]
    gift: bool = False


GOOD = '{"order_id": "4411", "reason": "damaged", "amount": 39.99, "currency": "EUR"}'
GOOD_RECORD = {"order_id": "4411", "reason": "damaged", "amount": 39.99, "currency": "EUR"}
LATE = '{"order_id": "5820", "reason": "late", "amount": 24.5, "currency": "USD"}'
LATE_RECORD = {"order_id": "5820", "reason": "late", "amount": 24.5, "currency": "USD"}


EQUIVALENT_MUTANTS = {
    "to_records": {
        "constant: output if isinstance(output, str) else '' -> output if isinstance(output, str) else 'X'":
            "any stand-in text without braces for a non-string reply is just as unparsable as ''",
    },
}


def _result(records, errors):
    """Judge a (records, errors) pair: records exactly, errors by (index, where) with a non-empty message."""
    def judge(got):
        if not isinstance(got, tuple) or len(got) != 2:
            return f"return a pair (records, errors), not {type(got).__name__}"
        got_records, got_errors = got
        if not isinstance(got_records, list) or not isinstance(got_errors, list):
            return "records and errors must both be lists"
        if got_records != records:
            return f"records: expected {records!r}, got {got_records!r}"
        shapes = [e for e in got_errors if not (isinstance(e, tuple) and len(e) == 3)]
        if shapes:
            return f"each error must be an (index, where, message) triple, got {shapes[0]!r}"
        places = [(index, where) for index, where, _ in got_errors]
        if places != errors:
            return f"errors as (index, where): expected {errors!r}, got {places!r}"
        if any(not isinstance(message, str) or not message.strip() for _, _, message in got_errors):
            return "every error needs a non-empty message string for the person who reads the log"
        return None
    return judge


def to_records():
    return [
        Case("one valid reply becomes one record",
             ([GOOD], Refund), check=_result([(0, GOOD_RECORD)], []),
             why="Parse the reply, validate it with record_type.model_validate and return (0, record.model_dump())."),
        Case("a batch keeps going past a bad reply",
             ([GOOD, "I am sorry, I cannot help with that.", LATE], Refund),
             check=_result([(0, GOOD_RECORD), (2, LATE_RECORD)], [(1, "<json>")]),
             why="Collect the error and carry on with the next reply; the index is the reply's position in outputs."),
        Case("a code fence and chatter around the object are tolerated",
             (["Here you go:\n```json\n" + GOOD + "\n```\nAnything else?"], Refund),
             check=_result([(0, GOOD_RECORD)], []),
             why="Read from the first { to the last } before parsing: models wrap JSON in fences and prose."),
        Case("every bad field is its own error, in pydantic's order",
             (['{"order_id": "8", "reason": "lost", "amount": 1, "currency": "JPY"}'], Refund),
             check=_result([], [(0, "reason"), (0, "currency")]),
             why="Add one error per entry of ValidationError.errors(), not one per reply: the log should say "
                 "which fields fail, and how often."),
        Case("a missing key is named by its field",
             (['{"order_id": "9", "reason": "late", "currency": "GBP"}'], Refund),
             check=_result([], [(0, "amount")]),
             why="Validation, not just parsing: valid JSON without a required field is still not a record."),
        Case("values are converted to their declared types",
             (['{"order_id": "12", "reason": "late", "amount": "5", "currency": "EUR"}'], Refund),
             check=_result([(0, {"order_id": "12", "reason": "late", "amount": 5.0, "currency": "EUR"})], []),
             why="Return record_type.model_validate(data).model_dump(), not the parsed dict: the record has "
                 "the declared types (the amount is the float 5.0, not the string '5')."),
        Case("defaults are filled in and nested locations joined with dots",
             (['{"order_id": "1", "lines": [{"sku": "A-1"}, {"quantity": 2}]}',
               '{"order_id": "2", "lines": [{"sku": "B-7", "quantity": 3}]}'], Order),
             check=_result([(1, {"order_id": "2", "lines": [{"sku": "B-7", "quantity": 3}], "gift": False})],
                           [(0, "lines.1.sku")]),
             why="Join every part of the error's loc with dots, list positions included (lines.1.sku), and "
                 "let model_dump fill the defaults (gift is False when the reply leaves it out)."),
        Case("a sentence around the object is tolerated",
             (["The record is " + GOOD + ".", "Record: " + LATE + "!"], Refund),
             check=_result([(0, GOOD_RECORD), (1, LATE_RECORD)], []),
             why="Stop at the last } itself: the full stop or other text right after it is not part of the JSON."),
        Case("a nested object keeps its inner closing braces",
             (['{"order_id": "3", "lines": [{"sku": "C-2", "quantity": 1}]} '], Order),
             check=_result([(0, {"order_id": "3", "lines": [{"sku": "C-2", "quantity": 1}], "gift": False})], []),
             why="Cut at the last }, not the first one: an object that contains objects has several."),
        Case("an unfinished object is a <json> error",
             (['{"order_id": "4411", "reason": "dam', GOOD], Refund),
             check=_result([(1, GOOD_RECORD)], [(0, "<json>")]),
             why="A reply cut off by max_tokens has no closing brace; report it as '<json>' and go on."),
        Case("a reply without content is a <json> error",
             ([None, GOOD], Refund), check=_result([(1, GOOD_RECORD)], [(0, "<json>")]),
             why="A model can return None as its content: that is a '<json>' error, not a crash."),
        Case("a brace-free reply and an empty one are <json> errors",
             (["no braces here", "", "} reversed {"], Refund),
             check=_result([], [(0, "<json>"), (1, "<json>"), (2, "<json>")]),
             why="Without a { followed by a }, there is no object to read: one '<json>' error per reply."),
        Case("JSON that is not the record's shape fails validation, not parsing",
             (['{"refund": ' + GOOD + '}'], Refund),
             check=_result([], [(0, "order_id"), (0, "reason"), (0, "amount"), (0, "currency")]),
             why="The text parses, so it is not a '<json>' error: validation then names each missing field."),
        Case("an empty batch gives two empty lists",
             ([], Refund), check=_result([], []),
             why="No replies, no records and no errors; return ([], []) rather than raising."),
        Case("a tuple of replies works like a list",
             ((LATE, GOOD), Refund), check=_result([(0, LATE_RECORD), (1, GOOD_RECORD)], []),
             why="Accept any sequence of replies; only a single string is rejected."),
        Case("a single string is rejected", (GOOD, Refund), raises=ValueError,
             why="A string is a sequence of characters: iterating over it would treat each character as a reply."),
    ]
