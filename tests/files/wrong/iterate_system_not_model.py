"""Known-wrong answers for iterate_system_not_model: each must fail its grader."""

KEYS = ("answers", "one_line", "short", "known_label")


def _ask(client, model, prompt, max_tokens):
    response = client.chat.completions.create(
        model=model, messages=[{"role": "user", "content": prompt}], max_tokens=max_tokens, temperature=0)
    return response.choices[0].message.content or ""


def _validate(prompts, labels):
    if not prompts or not labels:
        raise ValueError("need prompts and labels")


def run_contracts__checks_before_stripping(client, model, prompts, labels, max_chars=40, max_tokens=16):
    """Checks the raw reply, so a trailing newline breaks one_line and label matching."""
    _validate(prompts, labels)
    known = {label.lower() for label in labels}
    kept = dict.fromkeys(KEYS, 0)
    for prompt in prompts:
        raw = _ask(client, model, prompt, max_tokens)
        kept["answers"] += bool(raw.strip())
        kept["one_line"] += "\n" not in raw
        kept["short"] += len(raw) <= max_chars
        kept["known_label"] += raw.removesuffix(".").lower() in known
    return {k: v / len(prompts) for k, v in kept.items()}


def run_contracts__strips_every_full_stop(client, model, prompts, labels, max_chars=40, max_tokens=16):
    """Uses rstrip("."), so "rates.." counts as the label rates."""
    _validate(prompts, labels)
    known = {label.lower() for label in labels}
    kept = dict.fromkeys(KEYS, 0)
    for prompt in prompts:
        text = _ask(client, model, prompt, max_tokens).strip()
        kept["answers"] += bool(text)
        kept["one_line"] += "\n" not in text
        kept["short"] += len(text) <= max_chars
        kept["known_label"] += text.rstrip(".").strip().lower() in known
    return {k: v / len(prompts) for k, v in kept.items()}


def run_contracts__case_sensitive_labels(client, model, prompts, labels, max_chars=40, max_tokens=16):
    """Lower-cases the reply but not the labels, so a label given in capitals never matches."""
    _validate(prompts, labels)
    kept = dict.fromkeys(KEYS, 0)
    for prompt in prompts:
        text = _ask(client, model, prompt, max_tokens).strip()
        kept["answers"] += bool(text)
        kept["one_line"] += "\n" not in text
        kept["short"] += len(text) <= max_chars
        kept["known_label"] += text.removesuffix(".").strip().lower() in labels
    return {k: v / len(prompts) for k, v in kept.items()}


def run_contracts__fixed_request(client, model, prompts, labels, max_chars=40, max_tokens=16):
    """Ignores the model and max_tokens it was given and always asks for 16 tokens of "probe-model"."""
    _validate(prompts, labels)
    known = {label.lower() for label in labels}
    kept = dict.fromkeys(KEYS, 0)
    for prompt in prompts:
        text = _ask(client, "probe-model", prompt, 16).strip()
        kept["answers"] += bool(text)
        kept["one_line"] += "\n" not in text
        kept["short"] += len(text) <= max_chars
        kept["known_label"] += text.removesuffix(".").strip().lower() in known
    return {k: v / len(prompts) for k, v in kept.items()}


def run_contracts__counts_not_shares(client, model, prompts, labels, max_chars=40, max_tokens=16):
    """Returns how many prompts kept each contract instead of the share."""
    _validate(prompts, labels)
    known = {label.lower() for label in labels}
    kept = dict.fromkeys(KEYS, 0)
    for prompt in prompts:
        text = _ask(client, model, prompt, max_tokens).strip()
        kept["answers"] += bool(text)
        kept["one_line"] += "\n" not in text
        kept["short"] += len(text) <= max_chars
        kept["known_label"] += text.removesuffix(".").strip().lower() in known
    return {k: float(v) for k, v in kept.items()}


def run_contracts__no_validation(client, model, prompts, labels, max_chars=40, max_tokens=16):
    """Right checks, but returns zeros for no prompts and never looks at an empty label list."""
    known = {label.lower() for label in labels}
    kept = dict.fromkeys(KEYS, 0)
    for prompt in prompts:
        text = _ask(client, model, prompt, max_tokens).strip()
        kept["answers"] += bool(text)
        kept["one_line"] += "\n" not in text
        kept["short"] += len(text) <= max_chars
        kept["known_label"] += text.removesuffix(".").strip().lower() in known
    return {k: v / max(len(prompts), 1) for k, v in kept.items()}
