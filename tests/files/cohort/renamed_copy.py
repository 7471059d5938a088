# %%
import re

CRITERIA = ("mentions_order_id", "length", "no_apology", "no_preamble")
PREAMBLES = ("sure", "here is", "here's", "certainly", "as an ai")


def summary_failures(t: dict, text: str, lo: int = 5, hi: int = 25) -> list[str]:
    # same as someone else's, with new names and comments
    problems = []
    if not re.search(rf"(?<![\w-]){re.escape(t['order_id'])}(?![\w-])", text, re.I):
        problems.append("mentions_order_id")  # the id
    if not lo <= len(text.split()) <= hi:
        problems.append("length")
    if re.search(r"\b(sorry|apolog\w*)\b", text, re.I):
        problems.append("no_apology")
    if text.lstrip(" \t\n\"'").lower().startswith(PREAMBLES):
        problems.append("no_preamble")
    return problems


def regressions(old, new):
    return sorted(k for k in old.keys() & new.keys() if not old[k] and new[k])
