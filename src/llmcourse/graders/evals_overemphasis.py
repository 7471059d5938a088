"""Grader for evals_overemphasis: realistic needle variants, and recall scored on the key fact's tokens."""

import re
import string

from llmcourse.cases import Case

# Mutants of the solution that no input tells apart from it, each with the reason. tests/mutation grades
# every other machine-made mutant with these cases and requires at least 90% of them to fail.
EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "needle_recall": {
        "operator: len(got) - len(want) -> len(got) + len(want)":
            "the extra start positions lie past the last full window; their slices are shorter than the fact "
            "and never equal it",
        "constant: len(got) - len(want) + 1 -> len(got) - len(want) + 2":
            "the one extra start position gives a slice one token shorter than the fact, which never equals it",
    },
}

PATIENT = "The patient takes 40 mg of atorvastatin every evening."
LONG = "Please remind the night nurse that Mr Okafor now takes 500 mg of metformin twice daily with food."


def _one_inner_swap(needle: str):
    """A check that the typo is a single swap of two different neighbouring letters inside one word."""

    def check(got):
        if not isinstance(got, dict) or set(got) != {"exact", "casing", "typo"}:
            return "return a dict with exactly the keys 'exact', 'casing' and 'typo'"
        typo = got["typo"]
        if not isinstance(typo, str) or len(typo) != len(needle):
            return f"the typo {typo!r} should have the needle's length: a swap adds and removes nothing"
        diff = [i for i, (a, b) in enumerate(zip(needle, typo)) if a != b]
        if len(diff) != 2 or diff[1] != diff[0] + 1 or typo[diff[0]] != needle[diff[1]] \
                or typo[diff[1]] != needle[diff[0]]:
            return f"{typo!r} is not the needle with exactly two neighbouring letters swapped"
        for match in re.finditer(r"\S+", needle):
            if match.start() <= diff[0] < match.end():
                token = match.group()
                word = token.strip(string.punctuation)
                start = match.start() + token.index(word) if word else match.start()
                if not (word.isalpha() and len(word) >= 4):
                    return f"the typo touched {token!r}: only words of 4+ letters (no digits) may change"
                if diff[0] == start or diff[1] == start + len(word) - 1:
                    return f"the typo moved the first or last letter of {word!r}"
        return None

    return check


# what each variant is, said when that variant is wrong, so a wrong casing is not explained as a wrong typo
ABOUT = {"exact": "'exact' is the needle as given, unchanged.",
         "casing": "'casing' is the needle in upper case, or in lower case when it is already in capitals."}


def _variants_are(expected: dict, typo_why: str = ""):
    """A check that names the first variant that differs, so a long dict is not cut off in the report;
    `typo_why` (the case's point about the typo) is said only when the typo is what differs."""

    def check(got):
        if not isinstance(got, dict) or set(got) != set(expected):
            keys = sorted(got) if isinstance(got, dict) else type(got).__name__
            return f"return a dict with exactly the keys 'exact', 'casing' and 'typo', got {keys}"
        for key in ("exact", "casing", "typo"):
            if got[key] != expected[key]:
                about = ABOUT.get(key, typo_why)
                return f"{key!r}: expected {expected[key]!r}, got {got[key]!r}" + (f". {about}" if about else "")
        return None

    return check


def needle_variants():
    upper = "THE PATIENT TAKES 40 MG OF ATORVASTATIN EVERY EVENING."
    code = {"exact": "Code A-1042 is 7316.", "casing": "CODE A-1042 IS 7316.", "typo": "Cdoe A-1042 is 7316."}
    return [
        Case("the three variants of a plain needle", (PATIENT,), kwargs={"seed": 0},
             check=_variants_are({"exact": PATIENT, "casing": upper,
                                  "typo": "The patient takes 40 mg of atorvasattin every evening."},
                                 typo_why="Collect the candidate swaps as (token index, j) in reading order and "
                                          "pick one with random.Random(seed).choice(candidates).")),
        Case("the typo is one swap of two inner letters", (LONG,), kwargs={"seed": 3},
             check=_one_inner_swap(LONG),
             why="Swap two different neighbouring letters of one all-letter word of 4+ letters, "
                 "never its first or last letter, and leave everything else as it was."),
        Case("another seed gives another typo", (PATIENT,), kwargs={"seed": 7},
             check=_variants_are({"exact": PATIENT, "casing": upper,
                                  "typo": "The patient takes 40 mg of atorvsatatin every evening."},
                                 typo_why="The seed must drive the choice: random.Random(seed).choice over all "
                                          "candidates.")),
        Case("the seed defaults to 0", (PATIENT,),
             check=_variants_are({"exact": PATIENT, "casing": upper,
                                  "typo": "The patient takes 40 mg of atorvasattin every evening."},
                                 typo_why="Calling without a seed must give the same variants as seed=0.")),
        Case("numbers and codes are never touched (seed 0)", ("Code A-1042 is 7316.",), kwargs={"seed": 0},
             check=_variants_are(code,
                                 typo_why="7316 and A-1042 are the key facts: only words made of letters alone "
                                          "may get the typo.")),
        Case("numbers and codes are never touched (seed 1)", ("Code A-1042 is 7316.",), kwargs={"seed": 1},
             check=_variants_are(code,
                                 typo_why="Whatever the seed, 'Code' is the only word that can change here.")),
        Case("punctuation stays in place", ("Meet at noon, sharp.",), kwargs={"seed": 0},
             check=_variants_are({"exact": "Meet at noon, sharp.", "casing": "MEET AT NOON, SHARP.",
                                  "typo": "Meet at noon, shrap."},
                                 typo_why="Strip punctuation to find the word, but keep it in the result; 'Meet' and "
                                          "'noon' have equal inner letters, so only 'sharp' can change.")),
        Case("first and last letters stay, even inside quotes", ('"Take" 40mg daily',), kwargs={"seed": 1},
             check=_variants_are({"exact": '"Take" 40mg daily', "casing": '"TAKE" 40MG DAILY',
                                  "typo": '"Tkae" 40mg daily'},
                                 typo_why="Only inner letters move: in 'Take' that is the swap of 'a' and 'k'. '40mg' "
                                          "has a digit, so it is not a candidate.")),
        Case("an all-caps needle gets lower case", ("CALL 911 NOW PLEASE",), kwargs={"seed": 0},
             check=_variants_are({"exact": "CALL 911 NOW PLEASE", "casing": "call 911 now please",
                                  "typo": "CALL 911 NOW PLESAE"})),  # ABOUT['casing'] says this case's point
        Case("no word can take a typo", ("I see a book.",), raises=ValueError,
             why="'book' has equal inner letters and the other words are short: there is no candidate."),
        Case("a needle without letters", ("1234 5678",), raises=ValueError,
             why="No casing variant can differ from a needle without letters."),
        Case("a needle in a script without letter case", ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",),
             raises=ValueError,
             why="Hebrew letters have no upper or lower case, so the 'casing' variant would equal the needle: "
                 "raise ValueError even though a typo could be made."),
    ]


def needle_recall():
    return [
        Case("every answer has the fact", (["It is 7316.", "7316", "The number is 7316"], "7316"), expect=1.0,
             tol=1e-9),
        Case("half the answers have the fact", (["40 mg", "I do not know", "The dose is 40 mg.", "20 mg"], "40 mg"),
             expect=0.5, tol=1e-9, why="Return hits divided by the number of answers."),
        Case("a rate, not a count", (["40 mg", "no idea", "no idea"], "40 mg"), expect=1 / 3, tol=1e-9,
             why="Divide the number of hits by the number of answers."),
        Case("letter case is ignored", (["THE PATIENT TAKES 40 MG"], "40 mg"), expect=1.0, tol=1e-9,
             why="A needle in capitals gives answers in capitals: compare in lower case."),
        Case("spacing and punctuation are ignored", (["**40mg**", "40 - mg", "dose:\n40 mg."], "40 mg"),
             expect=1.0, tol=1e-9,
             why="Split into runs of letters and runs of digits, so 40mg, 40 - mg and 40 mg all match."),
        Case("a fact written with a hyphen", (["It is Kestrel 82."], "kestrel-82"), expect=1.0, tol=1e-9,
             why="The fact's punctuation does not matter either: kestrel-82 is the tokens kestrel, 82."),
        Case("a longer number is not the fact", (["locker 152", "locker 52", "5200"], "52"), expect=1 / 3,
             tol=1e-9, why="Match whole tokens: 152 and 5200 are not 52."),
        Case("the fact's tokens must be in a row and in order", (["mg 40", "40 of the mg"], "40 mg"),
             expect=0.0, tol=1e-9, why="'40 mg' is found only where 40 is directly followed by mg."),
        Case("an empty answer is a miss", (["", "7316"], "7316"), expect=0.5, tol=1e-9),
        Case("the fact in the middle of an answer", (["take 40 mg at night", "40 mg"], "40 mg"), expect=1.0,
             tol=1e-9, why="Compare each window of exactly as many tokens as the fact has, wherever it starts."),
        Case("no answers", ([], "40 mg"), raises=ValueError, why="Recall over zero answers is undefined."),
        Case("a fact with nothing to look for", (["anything"], " ... "), raises=ValueError,
             why="A fact with no letters or digits would match every answer."),
    ]
