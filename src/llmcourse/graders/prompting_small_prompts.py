"""Grader for prompting_small_prompts: two steps split out of a god prompt, an order-number extractor
that needs no model and a one-call topic classifier driven by a scripted client."""

import time

# at import, not at the first scripted call: loading openai takes seconds on a busy machine
from openai.types.chat import ChatCompletion

from llmcourse.cases import Case, ScriptedLLM

TOPIC_PROMPT = ("Is this customer message about a refund, a delivery or an account? Reply with one word: "
                "refund, delivery or account.\n\nMessage: {message}")
MODEL = "scripted-topic"

EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "classify_topic": {
        "constant: response.choices[0].message.content or '' -> response.choices[0].message.content or 'X'":
            "the fallback text only matters when the reply is None, and 'x' contains no label, just as '' "
            "does: both give 'other'",
    },
}


def extract_order_id():
    return [
        Case("one order number", ("My order BW-20417 has not arrived.",), expect="BW-20417",
             why="BW- followed by five digits is an order number; return it as it appears, in upper case."),
        Case("lower case is upper-cased", ("refund for order bw-40966 please",), expect="BW-40966",
             why="Match BW in any case (re.IGNORECASE) and return the number upper-cased."),
        Case("mixed case", ("order Bw-00123 arrived broken",), expect="BW-00123",
             why="Any case of the letters counts; leading zeros are digits like any other."),
        Case("no order number", ("I cannot log in to my account.",), expect=None,
             why="Return None when the message has no order number: do not invent one."),
        Case("the first of two", ("BW-11111 came, BW-22222 did not.",), expect="BW-11111",
             why="Return the first order number in the message."),
        Case("six digits are not an order number", ("order BW-123456 is late",), expect=None,
             why="Exactly five digits: a sixth digit right after them means this is something else."),
        Case("four digits are not an order number", ("order BW-1234 is late",), expect=None,
             why="Exactly five digits: four are not enough."),
        Case("glued to a word before", ("see XBW-12345 in the log",), expect=None,
             why="The character before BW must not be a letter or a digit."),
        Case("glued to a digit before", ("code 7BW-12345",), expect=None,
             why="The character before BW must not be a letter or a digit."),
        Case("punctuation around it is fine", ("(BW-54321).",), expect="BW-54321",
             why="Brackets and full stops are not letters or digits: the number stands alone."),
        Case("a letter after the digits is fine", ("BW-54321a",), expect="BW-54321",
             why="Only a sixth digit disqualifies the match; a letter after the five digits does not."),
        Case("at the very start and end", ("BW-99999",), expect="BW-99999",
             why="A message that is only the order number has one."),
        Case("the hyphen is required", ("order BW 12345 or BW12345",), expect=None,
             why="The format is BW, a hyphen, then five digits."),
        Case("a stand-alone number after a glued one", ("XBW-11111 then BW-22222",), expect="BW-22222",
             why="Skip a match that is glued to a word and keep looking for the first one that stands alone."),
        Case("not a string", (None,), raises=ValueError,
             why="Raise ValueError for anything that is not a string."),
        Case("bytes are not a string", (b"BW-12345",), raises=ValueError,
             why="Raise ValueError for anything that is not a string, bytes included."),
    ]


class _Topic(ScriptedLLM):
    """A scripted model that answers `reply` only to the request the exercise describes, and something
    that parses to the wrong label otherwise, so a wrong prompt, model id or parameter shows up."""

    def __init__(self, message, reply, wrong="account"):
        super().__init__([reply])
        self.message, self.reply, self.wrong = message, reply, wrong

    def _create(self, *, model: str = "scripted", messages: list[dict], **params):
        self.requests.append({"model": model, "messages": messages, **params})
        if len(self.requests) > 1:
            raise RuntimeError("the topic step must call the model exactly once")
        wanted = [{"role": "user", "content": TOPIC_PROMPT.format(message=self.message)}]
        ok = (model == MODEL and [dict(m) for m in messages] == wanted and params.get("temperature") == 0
              and params.get("max_tokens") == 8)
        text = self.reply if ok else self.wrong
        return ChatCompletion.model_validate({
            "id": "scripted-1", "object": "chat.completion", "created": int(time.time()),
            "model": model, "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": text}}]})


def _never_called():
    return ScriptedLLM(lambda messages: (_ for _ in ()).throw(
        AssertionError("the model was called for an empty message")))


MSG = "Order BW-31852 is five days late."


def classify_topic():
    return [
        Case("a one-word reply", lambda: (_Topic(MSG, "delivery"), MODEL, MSG), expect="delivery",
             why="Send one user message with TOPIC_PROMPT.format(message=message), temperature=0 and "
                 "max_tokens=8 to the model id you were given; then return the label in the reply."),
        Case("case and punctuation", lambda: (_Topic(MSG, "Refund."), MODEL, MSG), expect="refund",
             why="Lower-case the reply before looking for the labels."),
        Case("a label inside a sentence", lambda: (_Topic(MSG, "This message is about an account"), MODEL, MSG),
             expect="account", why="Look for the labels anywhere in the reply, not only as the whole reply."),
        Case("two labels: the first one wins", lambda: (_Topic(MSG, "Delivery, not a refund"), MODEL, MSG),
             expect="delivery",
             why="Return the label that appears first in the reply, not the first in LABELS' order."),
        Case("two labels the other way round", lambda: (_Topic(MSG, "a refund, after the delivery"), MODEL, MSG),
             expect="refund", why="Return the label that appears first in the reply."),
        Case("account before refund", lambda: (_Topic(MSG, "account; refund"), MODEL, MSG), expect="account",
             why="Return the label that appears first in the reply, whatever its place in LABELS."),
        Case("a label inside a longer word", lambda: (_Topic(MSG, "Refunds, I think"), MODEL, MSG),
             expect="refund", why="Match anywhere in the text: 'refunds' contains 'refund'."),
        Case("no label", lambda: (_Topic(MSG, "I am not sure what this is."), MODEL, MSG), expect="other",
             why="When no label appears in the reply, return \"other\"."),
        Case("an empty reply", lambda: (_Topic(MSG, ""), MODEL, MSG), expect="other",
             why="An empty reply names no label: return \"other\"."),
        Case("a reply with no text", lambda: (_Topic(MSG, None), MODEL, MSG), expect="other",
             why="The reply's content may be None: treat it as empty text, do not crash."),
        Case("the message goes into the prompt", lambda: (_Topic("Lock my account now!", "account", "refund"),
                                                         MODEL, "Lock my account now!"),
             expect="account", why="The prompt must be TOPIC_PROMPT with this message filled in."),
        Case("an empty message", lambda: (_never_called(), MODEL, ""), raises=ValueError,
             why="Raise ValueError for an empty message before calling the model."),
        Case("a whitespace message", lambda: (_never_called(), MODEL, "  \n "), raises=ValueError,
             why="A message of only whitespace is empty too: raise ValueError without a model call."),
    ]
