"""Known-wrong answers for prompting_small_prompts: each must fail its grader."""

import re

TOPIC_PROMPT = ("Is this customer message about a refund, a delivery or an account? Reply with one word: "
                "refund, delivery or account.\n\nMessage: {message}")
LABELS = ("refund", "delivery", "account")


def extract_order_id__case_sensitive(message):
    """Matches only an upper-case BW, so bw-40966 is missed."""
    if not isinstance(message, str):
        raise ValueError("not a string")
    match = re.search(r"(?<![A-Za-z0-9])BW-(\d{5})(?!\d)", message)
    return "BW-" + match.group(1) if match else None


def extract_order_id__no_boundaries(message):
    """Finds BW- and five digits anywhere, so XBW-12345 and the start of BW-123456 count."""
    if not isinstance(message, str):
        raise ValueError("not a string")
    match = re.search(r"BW-(\d{5})", message, re.I)
    return "BW-" + match.group(1) if match else None


def extract_order_id__keeps_case(message):
    """Returns the match as written, so bw-40966 stays in lower case."""
    if not isinstance(message, str):
        raise ValueError("not a string")
    match = re.search(r"(?<![A-Za-z0-9])BW-\d{5}(?!\d)", message, re.I)
    return match.group(0) if match else None


def extract_order_id__word_boundary(message):
    r"""Uses \b on both sides, so a letter right after the digits (BW-54321a) hides the number."""
    if not isinstance(message, str):
        raise ValueError("not a string")
    match = re.search(r"\bBW-(\d{5})\b", message, re.I)
    return "BW-" + match.group(1) if match else None


def extract_order_id__no_type_check(message):
    """Never checks the type, so None raises TypeError instead of ValueError."""
    match = re.search(r"(?<![A-Za-z0-9])BW-(\d{5})(?!\d)", message, re.I)
    return "BW-" + match.group(1) if match else None


def _reply(client, model, message, **params):
    response = client.chat.completions.create(
        model=model, messages=[{"role": "user", "content": TOPIC_PROMPT.format(message=message)}], **params)
    return (response.choices[0].message.content or "").lower()


def classify_topic__first_in_labels_order(client, model, message):
    """Returns the first label of LABELS found in the reply, not the one that appears first."""
    if not message.strip():
        raise ValueError("empty")
    reply = _reply(client, model, message, temperature=0, max_tokens=8)
    return next((label for label in LABELS if label in reply), "other")


def classify_topic__whole_reply_only(client, model, message):
    """Accepts only a reply that is exactly a label, so a sentence naming one gives 'other'."""
    if not message.strip():
        raise ValueError("empty")
    reply = _reply(client, model, message, temperature=0, max_tokens=8).strip(" .\n")
    return reply if reply in LABELS else "other"


def classify_topic__no_sampling_params(client, model, message):
    """Leaves temperature and max_tokens to the provider's defaults."""
    if not message.strip():
        raise ValueError("empty")
    reply = _reply(client, model, message)
    found = [(reply.find(label), label) for label in LABELS if label in reply]
    return min(found)[1] if found else "other"


def classify_topic__crashes_on_none(client, model, message):
    """Calls .lower() on the reply's content without allowing for None."""
    if not message.strip():
        raise ValueError("empty")
    response = client.chat.completions.create(
        model=model, messages=[{"role": "user", "content": TOPIC_PROMPT.format(message=message)}],
        temperature=0, max_tokens=8)
    reply = response.choices[0].message.content.lower()
    found = [(reply.find(label), label) for label in LABELS if label in reply]
    return min(found)[1] if found else "other"


def classify_topic__calls_before_checking(client, model, message):
    """Calls the model before checking the message, and lets an empty message through."""
    reply = _reply(client, model, message, temperature=0, max_tokens=8)
    found = [(reply.find(label), label) for label in LABELS if label in reply]
    return min(found)[1] if found else "other"


def classify_topic__case_sensitive(client, model, message):
    """Looks for the labels without lower-casing the reply, so 'Refund.' is missed."""
    if not message.strip():
        raise ValueError("empty")
    response = client.chat.completions.create(
        model=model, messages=[{"role": "user", "content": TOPIC_PROMPT.format(message=message)}],
        temperature=0, max_tokens=8)
    reply = response.choices[0].message.content or ""
    found = [(reply.find(label), label) for label in LABELS if label in reply]
    return min(found)[1] if found else "other"
