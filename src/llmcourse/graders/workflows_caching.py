"""Grader for workflows_caching: a normalised cache key with the model and prompt version, and a TTL replay."""

from llmcourse.cases import Case

M, V = "smollm2-135m-instruct", "v1"

EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "cache_key": {
        "constant: normal.rstrip('?!.') -> normal.rstrip('?!.X')":
            "the text is case-folded before rstrip, so it holds no capital X for the mutant to strip",
    },
}


def cache_key():
    return [
        Case("a plain question", ("How do I activate my card?", M, V), expect=(M, V, "how do i activate my card"),
             why="Return the tuple (model, prompt_version, normalised text): case-folded, without the final '?'."),
        Case("case and spacing are absorbed", ("  HOW  do I\tactivate\nmy card  ", M, V),
             expect=(M, V, "how do i activate my card"),
             why="Fold the case, turn every run of whitespace (tabs and newlines too) into one space, and "
                 "strip both ends: retyping a question must not make a new key."),
        Case("a final full stop goes", ("Top-up is not working.", M, V), expect=(M, V, "top-up is not working"),
             why="Remove '.' at the end too, not only '?'. The hyphen inside stays."),
        Case("a final exclamation mark goes", ("Help me!", M, V), expect=(M, V, "help me"),
             why="Remove '!' at the end too."),
        Case("several final marks all go", ("Where is my card?!?..", M, V), expect=(M, V, "where is my card"),
             why="Remove every '?', '!' and '.' at the end, not just the last one."),
        Case("a space before the final mark", ("Where is my card ? ", M, V), expect=(M, V, "where is my card"),
             why="Collapse and strip the whitespace first, then remove the final marks, then strip again: "
                 "'card ?' must end as 'card', with no space left over."),
        Case("punctuation inside the text stays", ("Is the fee 2.5% or 3.5%? Thanks!", M, V),
             expect=(M, V, "is the fee 2.5% or 3.5%? thanks"),
             why="Only marks at the very end go; '2.5' and the '?' in the middle carry meaning."),
        Case("punctuation at the start stays", ("...hello?", M, V), expect=(M, V, "...hello"),
             why="Strip the marks at the end only (rstrip), not at both ends."),
        Case("casefold, not lower", ("STRASSE oder Straße?", M, V), expect=(M, V, "strasse oder strasse"),
             why="Use str.casefold(): 'ß'.lower() stays 'ß', but casefold() gives 'ss', as 'SS' does."),
        Case("full-width letters are normalised", ("ＣＡＲＤ ｌｏｓｔ", M, V), expect=(M, V, "card lost"),
             why="Apply unicodedata.normalize('NFKC', text) first: full-width letters become plain ones, "
                 "so the same question typed on another keyboard hits the same entry."),
        Case("a ligature is normalised", ("ﬁnd my card", M, V), expect=(M, V, "find my card"),
             why="NFKC turns the ligature 'ﬁ' into 'f' + 'i'."),
        Case("model and version are kept as given", ("Hi", "GPT-4o-mini", "V2"), expect=("GPT-4o-mini", "V2", "hi"),
             why="Do not normalise the model name or the prompt version: they are identifiers, and 'V2' may "
                 "not be 'v2'."),
        Case("a new prompt version makes a new key", ("Hi", M, "v2"), expect=(M, "v2", "hi"),
             why="The prompt version is part of the key, so answers written under v1 are never served for v2."),
        Case("accented letters are kept", ("¿Dónde está mi tarjeta?", M, V), expect=(M, V, "¿dónde está mi tarjeta"),
             why="Normalising must not drop letters or the opening '¿'; only the final marks go."),
        Case("the result is a tuple", ("Hi", M, V),
             check=lambda got: None if isinstance(got, tuple) else f"returned {type(got).__name__}, not a tuple"),
        Case("an empty model raises ValueError", ("Hi", "", V), raises=ValueError,
             why="A key without the model would serve one model's answers for another."),
        Case("an empty prompt version raises ValueError", ("Hi", M, ""), raises=ValueError,
             why="A key without the prompt version would serve old prompts' answers after a change."),
        Case("an empty question raises ValueError", ("", M, V), raises=ValueError,
             why="Nothing to key on: refuse it rather than share one cached answer among all empty questions."),
        Case("a blank question raises ValueError", ("  \t ", M, V), raises=ValueError,
             why="Only whitespace is empty after normalising."),
        Case("only punctuation raises ValueError", (" ?!. ", M, V), raises=ValueError,
             why="After the final marks and spaces go, nothing is left: raise ValueError."),
    ]


def _reference_hits(requests, ttl):
    stored, out = {}, []
    for t, k in requests:
        hit = k in stored and t - stored[k] < ttl
        if not hit:
            stored[k] = t
        out.append(hit)
    return out


# 40 requests over 5 keys at irregular times: every rule of the replay is exercised many times.
_MANY = [(i * 7 + (i * i) % 5, "abcde"[(i * 3 + i // 4) % 5]) for i in range(40)]


def _all_bools(got):
    if not isinstance(got, list):
        return f"returned {type(got).__name__}, not a list"
    if not all(isinstance(x, bool) for x in got):
        return "every element should be True or False"
    return None


def cache_hits():
    a, b = ("m", "v1", "where is my card"), ("m", "v2", "where is my card")
    return [
        Case("no requests", ([], 60), expect=[], why="An empty log replays to an empty list."),
        Case("the first request is a miss", ([(0, a)], 60), expect=[False],
             why="The cache starts empty."),
        Case("a repeat within the TTL hits", ([(0, a), (10, a)], 60), expect=[False, True],
             why="The key was stored 10 ago, less than the TTL of 60."),
        Case("at exactly the TTL the answer has expired", ([(0, a), (60, a)], 60), expect=[False, False],
             why="A hit needs time - stored_at < ttl, strictly: at 60 the answer is 60 old and has expired."),
        Case("just inside the TTL still hits", ([(0, a), (59.5, a)], 60), expect=[False, True],
             why="59.5 is less than 60: still a hit. Compare with the TTL, do not round the times."),
        Case("a hit does not refresh the stored time", ([(0, a), (50, a), (100, a)], 60), expect=[False, True, False],
             why="The answer stored at 0 expires at 60, even though it was served at 50: a hit must not "
                 "reset the clock, or a popular answer would never be refreshed."),
        Case("a miss after expiry stores the answer again", ([(0, a), (70, a), (100, a)], 60),
             expect=[False, False, True],
             why="At 70 the old answer has expired, so the answer is fetched and stored with time 70; at 100 "
                 "it is 30 old and hits."),
        Case("a refetched answer gets a new life", ([(0, a), (50, a), (100, a), (110, a)], 60),
             expect=[False, True, False, True],
             why="Stored again at 100, the answer hits at 110."),
        Case("different keys do not share entries", ([(0, a), (5, b), (10, b), (20, a)], 60),
             expect=[False, False, True, True],
             why="A different prompt version is a different key: its first request is a miss."),
        Case("equal times are allowed", ([(5, a), (5, a)], 60), expect=[False, True],
             why="Two requests in the same second are in order; the second is a hit."),
        Case("the TTL argument is used", ([(0, a), (10, a), (20, a)], 15), expect=[False, True, False],
             why="With a TTL of 15 the answer stored at 0 has expired at 20."),
        Case("a tiny TTL", ([(0, a), (0.5, a), (1, a), (1, a)], 1), expect=[False, True, False, True],
             why="With a TTL of 1: 0.5 is inside it, 1 is not; the answer stored at 1 hits at 1."),
        Case("40 requests over 5 keys", (_MANY, 20), expect=_reference_hits(_MANY, 20)),
        Case("the result is a list of booleans", ([(0, a), (1, a)], 60), check=_all_bools),
        Case("a TTL of 0 raises ValueError", ([(0, a)], 0), raises=ValueError,
             why="A TTL of 0 would never serve anything: refuse it rather than cache for nothing."),
        Case("a negative TTL raises ValueError", ([(0, a)], -5), raises=ValueError),
        Case("a log out of order raises ValueError", ([(10, a), (5, b)], 60), raises=ValueError,
             why="Times must never decrease; expiry compares each time with an earlier one."),
        Case("out of order later in the log", ([(0, a), (10, a), (20, b), (15, a)], 60), raises=ValueError,
             why="Check every request against the one before it, not only the first pair."),
        Case("out of order for the same key", ([(3, a), (2, a)], 60), raises=ValueError,
             why="A time that goes back is an error even for the same key."),
    ]
