"""Grader for iterate_system_not_model: a contract suite that runs against any provider, checked with
scripted providers that each keep or break known contracts."""

import time

# at import, not at the first scripted call: loading openai takes seconds on a busy machine
from openai.types.chat import ChatCompletion

from llmcourse.cases import Case, ScriptedLLM

PROMPTS = ["Message: where is my new card?", "Message: my card was stolen",
           "Message: what exchange rate do you use?", "Message: my PIN is blocked"]
LABELS = ["delivery", "lost", "rates", "pin"]
ALL_KEPT = {"answers": 1.0, "one_line": 1.0, "short": 1.0, "known_label": 1.0}


class _Provider(ScriptedLLM):
    """A scripted provider that answers each prompt from a table, and answers "" to any request that is
    not the one the exercise describes (another model, another message shape, other parameters)."""

    def __init__(self, replies: dict, model: str = "probe-model", max_tokens: int = 16):
        super().__init__(lambda messages: "")
        self.replies, self.model, self.max_tokens = replies, model, max_tokens

    def _create(self, *, model: str = "scripted", messages: list[dict], **params):
        self.requests.append({"model": model, "messages": messages, **params})
        well_formed = (model == self.model and params.get("max_tokens") == self.max_tokens
                       and params.get("temperature") == 0 and len(messages) == 1
                       and messages[0].get("role") == "user")
        text = self.replies.get(messages[0].get("content"), "") if well_formed else ""
        return ChatCompletion.model_validate({
            "id": f"scripted-{len(self.requests)}", "object": "chat.completion", "created": int(time.time()),
            "model": model, "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": text}}]})


def _provider(*replies, **kwargs):
    return _Provider(dict(zip(PROMPTS, replies)), **kwargs)


def _rates(answers=1.0, one_line=1.0, short=1.0, known_label=1.0):
    return {"answers": answers, "one_line": one_line, "short": short, "known_label": known_label}


def _all_floats(got):
    if not isinstance(got, dict) or set(got) != set(ALL_KEPT):
        return f"expected a dict with the keys {sorted(ALL_KEPT)}, got {got!r}"
    wrong = [k for k, v in got.items() if type(v) is not float]
    return f"these rates are not floats: {wrong}" if wrong else None


def run_contracts():
    return [
        Case("a provider that keeps every contract",
             lambda: (_provider("delivery", "lost", "rates", "pin"), "probe-model", PROMPTS, LABELS),
             expect=ALL_KEPT, tol=1e-9,
             why="Send each prompt as the only user message, with the model, max_tokens and temperature=0 the "
                 "exercise names; this provider answers \"\" to any other request."),
        Case("one empty reply",
             lambda: (_provider("delivery", "", "rates", "pin"), "probe-model", PROMPTS, LABELS),
             expect=_rates(answers=0.75, known_label=0.75), tol=1e-9,
             why="An empty reply breaks `answers` and `known_label`; it is still one line and short. Each rate "
                 "is a share of all the prompts: 3 of 4 is 0.75."),
        Case("a reply of spaces and newlines is no answer",
             lambda: (_provider("  \n ", "lost", "rates", "pin"), "probe-model", PROMPTS, LABELS),
             expect=_rates(answers=0.75, known_label=0.75), tol=1e-9,
             why="Strip the reply before every check: whitespace alone is an empty answer, and the newline "
                 "inside it disappears with the stripping, so `one_line` holds."),
        Case("a reply that runs onto a second line",
             lambda: (_provider(*["pin\nIs there anything else?"] * 4), "probe-model", PROMPTS, LABELS),
             expect=_rates(one_line=0.0, known_label=0.0), tol=1e-9,
             why="A newline inside the stripped reply breaks `one_line`; the text is not a bare label either."),
        Case("a trailing newline is trimmed",
             lambda: (_provider("rates\n", "lost\n", "\npin", " delivery "), "probe-model", PROMPTS, LABELS),
             expect=ALL_KEPT, tol=1e-9,
             why="Newlines and spaces at either end are trimmed before the checks, so these are clean labels."),
        Case("a label too long for the field",
             lambda: (_provider("lost_or_stolen_card", "card_arrival", "card_arrival", "card_arrival"),
                      "probe-model", PROMPTS, ["lost_or_stolen_card", "card_arrival"]),
             kwargs={"max_chars": 12}, expect=_rates(short=0.75), tol=1e-9,
             why="`short` allows len(text) <= max_chars: 12 characters fit a 12-character field, 19 do not. "
                 "Use the max_chars argument."),
        Case("the default field is 40 characters",
             lambda: (_provider("x" * 40, "y" * 41, "rates", "pin"), "probe-model", PROMPTS, LABELS),
             expect=_rates(short=0.75, known_label=0.5), tol=1e-9,
             why="With the default max_chars=40, a 40-character reply fits and a 41-character one does not."),
        Case("case, outer spaces and one full stop are forgiven, nothing more",
             lambda: (_provider(" Rates. ", "PIN", "rates..", "cards"), "probe-model", PROMPTS, LABELS),
             expect=_rates(known_label=0.5), tol=1e-9,
             why="\" Rates. \" and \"PIN\" match after stripping, removing one final full stop and lower-casing; "
                 "\"rates..\" keeps a full stop and \"cards\" is no label."),
        Case("a space before the full stop is stripped too",
             lambda: (_provider("pin .", "Lost.", "delivery.", "rates ."), "probe-model", PROMPTS, LABELS),
             expect=ALL_KEPT, tol=1e-9,
             why="Strip again after removing the final full stop: \"pin .\" becomes \"pin\"."),
        Case("labels given in capitals",
             lambda: (_provider("delivery", "lost", "Rates", "PIN"), "probe-model", PROMPTS,
                      ["Delivery", "LOST", "rates", "Pin"]),
             expect=ALL_KEPT, tol=1e-9,
             why="Lower-case the labels as well as the reply before comparing them."),
        Case("the client, model and max_tokens you are given",
             lambda: (_provider("delivery", "lost", "rates", "pin", model="local-7b", max_tokens=5), "local-7b",
                      PROMPTS, LABELS),
             kwargs={"max_tokens": 5}, expect=ALL_KEPT, tol=1e-9,
             why="Pass the model and max_tokens arguments through to the client; this provider answers \"\" "
                 "when the request names another model or another max_tokens."),
        Case("a reply with no text at all",
             lambda: (_Provider({PROMPTS[0]: None, PROMPTS[1]: "lost"}), "probe-model", PROMPTS[:2], LABELS),
             expect=_rates(answers=0.5, known_label=0.5), tol=1e-9,
             why="message.content can be None; treat it as \"\" instead of calling .strip() on None."),
        Case("exactly one call per prompt, in order",
             lambda: (ScriptedLLM(["delivery", "nonsense", "pin"]), "probe-model", PROMPTS[:3], LABELS),
             expect=_rates(known_label=2 / 3), tol=1e-9,
             why="This provider serves its replies in the order it is called and has one reply per prompt: "
                 "call it once for each prompt, in order, and divide by the number of prompts."),
        Case("the rates are floats in a dict with the four keys",
             lambda: (_provider("delivery", "lost", "rates", "pin"), "probe-model", PROMPTS, LABELS),
             check=_all_floats, why="Return shares as floats, e.g. count / len(prompts)."),
        Case("no prompts raise ValueError",
             lambda: (ScriptedLLM([]), "probe-model", [], LABELS), raises=ValueError,
             why="A suite with no probes proves nothing; raise ValueError instead of dividing by zero."),
        Case("no labels raise ValueError before any call",
             lambda: (ScriptedLLM([]), "probe-model", PROMPTS, []), raises=ValueError,
             why="With no labels `known_label` cannot be checked: raise ValueError before calling the client "
                 "(this provider has no replies, so a call fails with another error)."),
    ]
