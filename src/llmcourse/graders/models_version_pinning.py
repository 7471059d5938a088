"""Grader for models_version_pinning: a pin checker for a model configuration, and a canary diff."""

from llmcourse.cases import Case

SHA_A = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
SHA_B = "0" * 63 + "1"

EQUIVALENT_MUTANTS: dict[str, dict[str, str]] = {
    "pin_problems": {
        "constant: model_id.rsplit('/', 1) -> model_id.rsplit('/', 2)":
            "the last piece of rsplit is the text after the last '/' whatever the number of splits",
    },
    "canary_diff": {
        "constant: ' '.join -> ' X'.join":
            "both answers are joined with the same separator, and casefolded text holds no 'X', so two "
            "answers are equal after the change exactly when they were before",
    },
}


def pin_problems():
    return [
        Case("a bare product name is a floating alias",
             ({"writer": "gpt-4o"}, {}, {}), expect=[("writer", "floating alias")],
             why="'gpt-4o' names whatever the provider serves today: it ends in no date, so it is an alias."),
        Case("a dated snapshot id is pinned",
             ({"writer": "gpt-4o-2024-08-06"}, {}, {}), expect=[],
             why="Last three parts 2024, 08, 06 are 4, 2 and 2 digits: a dated snapshot, nothing to report."),
        Case("a four-digit date suffix is pinned",
             ({"router": "gpt-4-turbo-1106", "writer": "gpt-3.5-turbo-0613"}, {}, {}), expect=[],
             why="A last part of exactly 4 digits (MMDD) counts as dated."),
        Case("an eight-digit date suffix is pinned",
             ({"writer": "claude-3-opus-20240229"}, {}, {}), expect=[],
             why="A last part of exactly 8 digits (YYYYMMDD) counts as dated."),
        Case("a version number is not a date",
             ({"a": "gpt-4", "b": "llama-3-70b", "c": "model-123", "d": "model-12345",
               "e": "mistral-7b-instruct-v0.3", "f": "model-20XX"}, {}, {}),
             expect=[("a", "floating alias"), ("b", "floating alias"), ("c", "floating alias"),
                     ("d", "floating alias"), ("e", "floating alias"), ("f", "floating alias")],
             why="Only a last part of exactly 4 or 8 digits, or a 4-2-2 digit ending, is a date: '4', '70b', "
                 "'123', '12345', 'v0.3' and the unfilled placeholder '20XX' are not; every character must be "
                 "a digit."),
        Case("-latest is an alias",
             ({"writer": "claude-3-5-sonnet-latest"}, {}, {}), expect=[("writer", "floating alias")],
             why="'latest' is the clearest alias there is: it moves by design."),
        Case("the date must be the end of the name",
             ({"a": "gpt-4o-2024-08-06-preview", "b": "model-0613-mini"}, {}, {}),
             expect=[("a", "floating alias"), ("b", "floating alias")],
             why="Look at the last parts of the name only; a date in the middle does not pin the suffix after it."),
        Case("4-2-2 digits, not any three numbers",
             ({"a": "m-24-08-06", "b": "m-2024-8-06", "c": "m-2024-08-6", "d": "x-08-06"}, {}, {}),
             expect=[("a", "floating alias"), ("b", "floating alias"), ("c", "floating alias"),
                     ("d", "floating alias")],
             why="The three-part date is exactly 4, 2 and 2 digits, in that order."),
        Case("a provider prefix is not part of the name",
             ({"a": "openai/gpt-4o-2024-08-06", "b": "2024-08-06/gpt-4o", "c": "org/team/m-0613",
               "d": "acme/2024-08-06"}, {}, {}),
             expect=[("b", "floating alias")],
             why="Judge the name after the last '/': 'gpt-4o' is an alias even under a dated folder, and "
                 "'acme/2024-08-06' is a snapshot named by its date alone."),
        Case("a hash pin holds when the digests match",
             ({"local": "smollm2-135m-instruct"}, {"local": SHA_A}, {"local": SHA_A}), expect=[],
             why="A role in the lock is pinned by its hash; its undated name is not a problem."),
        Case("a different file is a hash mismatch",
             ({"local": "smollm2-135m-instruct"}, {"local": SHA_A}, {"local": SHA_B}),
             expect=[("local", "hash mismatch")],
             why="The weights loaded are not the ones locked, whatever the file is called."),
        Case("a dated name does not excuse a hash mismatch",
             ({"local": "mymodel-2024-08-06"}, {"local": SHA_A}, {"local": SHA_B}),
             expect=[("local", "hash mismatch")],
             why="For a role in the lock only the hash counts, so check it before looking at the name."),
        Case("a locked role with no measurement",
             ({"local": "mymodel-2024-08-06"}, {"local": SHA_A}, {}), expect=[("local", "hash not measured")],
             why="A hash pin nobody checked is no pin: report it when the role is missing from measured."),
        Case("digests compare ignoring case and surrounding space",
             ({"local": "m"}, {"local": SHA_A.upper()}, {"local": f"  {SHA_A}\n"}), expect=[],
             why="Hex digests are written in either case and often read from files with a newline: "
                 "compare after strip() and lower(), on both sides."),
        Case("digests compare ignoring case, the other way round",
             ({"local": "m"}, {"local": f" {SHA_A}\n"}, {"local": SHA_A.upper()}), expect=[],
             why="Normalise the locked digest as well as the measured one."),
        Case("lock entries for roles not in the config are ignored",
             ({"writer": "gpt-4-0613"}, {"old": SHA_A}, {}), expect=[],
             why="Only the roles of config are checked; a leftover lock entry is not a problem."),
        Case("measured hashes without a lock do not pin",
             ({"writer": "gpt-4o"}, {}, {"writer": SHA_A}), expect=[("writer", "floating alias")],
             why="A hash pins a role only when the lock says what it must be."),
        Case("every role is checked, in sorted order",
             ({"writer": "gpt-4o", "local": "m", "judge": "gpt-4-0613", "embed": "text-embedding-3-small"},
              {"local": SHA_A}, {"local": SHA_B}),
             expect=[("embed", "floating alias"), ("local", "hash mismatch"), ("writer", "floating alias")],
             why="Report one tuple per problem role, sorted by role name, and keep going after the first."),
        Case("no roles, no problems", ({}, {}, {}), expect=[],
             why="An empty configuration has nothing to report: return an empty list."),
        Case("an empty model id raises ValueError", ({"writer": ""}, {}, {}), raises=ValueError,
             why="An empty id is a broken configuration, not an alias: raise ValueError."),
        Case("a blank model id raises ValueError", ({"a": "gpt-4-0613", "writer": "  "}, {}, {}),
             raises=ValueError, why="A model id of only white space is empty too."),
        Case("a blank id raises even for a locked role", ({"local": " "}, {"local": SHA_A}, {"local": SHA_A}),
             raises=ValueError, why="Check for an empty id before anything else."),
    ]


def _result(changed=(), missing=(), added=(), share=0.0, drift=False):
    return {"changed": list(changed), "missing": list(missing), "added": list(added), "changed_share": share,
            "drift": drift}


def _same_result(expected):
    def judge(got):
        if not isinstance(got, dict):
            return f"returned {type(got).__name__}, not a dict"
        if set(got) != set(expected):
            return f"the keys are {sorted(got)}, expected exactly {sorted(expected)}"
        for key in ("changed", "missing", "added"):
            if list(got[key]) != expected[key] or not isinstance(got[key], list):
                return f"{key} is {got[key]!r}, expected the sorted list {expected[key]!r}"
        if not isinstance(got["changed_share"], float) or abs(got["changed_share"] - expected["changed_share"]) > 1e-9:
            return f"changed_share is {got['changed_share']!r}, expected the float {expected['changed_share']!r}"
        if got["drift"] is not expected["drift"]:
            return f"drift is {got['drift']!r}, expected {expected['drift']!r}"
        return None
    return judge


BASE = {"add": "19", "capital": "Paris", "sky": "Yes", "json": '{"status": "ok"}'}


def canary_diff():
    return [
        Case("nothing changed", (BASE, dict(BASE)), check=_same_result(_result())),
        Case("one answer changed",
             (BASE, {**BASE, "add": "20"}), check=_same_result(_result(["add"], share=0.25, drift=True)),
             why="One of four canaries differs: changed_share 0.25, above the default 0.0, so drift."),
        Case("case and white space are not changes",
             (BASE, {"add": " 19\n", "capital": "PARIS", "sky": "yes", "json": '{"status":  "ok"}'}),
             check=_same_result(_result()),
             why="Compare after casefold() and folding white space runs to one space, stripped at the ends."),
        Case("white space inside an answer is folded, not removed",
             ({"a": "new york"}, {"a": "newyork"}), check=_same_result(_result(["a"], share=1.0, drift=True)),
             why="'new york' and 'newyork' are different answers: fold runs of white space to one space, "
                 "do not delete it."),
        Case("tabs and newlines fold too",
             ({"a": "red,\tblue"}, {"a": "Red,\n  blue "}), check=_same_result(_result())),
        Case("casefold, not only lower",
             ({"a": "Straße"}, {"a": "STRASSE"}), check=_same_result(_result()),
             why="casefold() maps 'ß' to 'ss', so 'Straße' and 'STRASSE' are the same answer; lower() misses it."),
        Case("a canary with no answer today counts as a change",
             (BASE, {"add": "19", "capital": "Paris", "sky": "Yes"}),
             check=_same_result(_result(missing=["json"], share=0.25, drift=True)),
             why="A canary missing from current goes in 'missing' and counts towards changed_share."),
        Case("a new canary is listed but not counted",
             (BASE, {**BASE, "week": "7"}), check=_same_result(_result(added=["week"])),
             why="An added canary has no baseline answer to compare with: list it in 'added', leave "
                 "changed_share alone."),
        Case("the lists are sorted",
             ({"d": "1", "c": "1", "b": "1", "a": "1", "e": "1"}, {"e": "1", "d": "2", "b": "2", "z": "1", "y": "1"}),
             check=_same_result(_result(["b", "d"], ["a", "c"], ["y", "z"], share=0.8, drift=True)),
             why="Return changed, missing and added as sorted lists, whatever order the dicts have."),
        Case("at the allowed share: no drift",
             (BASE, {**BASE, "add": "20"}), kwargs={"max_changed_share": 0.25},
             check=_same_result(_result(["add"], share=0.25, drift=False)),
             why="Drift means strictly more than max_changed_share; a share equal to it is allowed."),
        Case("just above the allowed share: drift",
             (BASE, {**BASE, "add": "20", "sky": "No"}), kwargs={"max_changed_share": 0.25},
             check=_same_result(_result(["add", "sky"], share=0.5, drift=True))),
        Case("missing canaries count against the threshold",
             (BASE, {"add": "19", "capital": "Paris"}), kwargs={"max_changed_share": 0.4},
             check=_same_result(_result(missing=["json", "sky"], share=0.5, drift=True)),
             why="Two of four canaries gave no answer: 0.5 is above 0.4."),
        Case("the share is over the baseline, not over both",
             ({"a": "1", "b": "1"}, {"a": "2", "b": "1", "c": "1", "d": "1"}),
             kwargs={"max_changed_share": 0.4}, check=_same_result(_result(["a"], added=["c", "d"], share=0.5, drift=True)),
             why="Divide by len(baseline): 1 change of 2 baseline canaries is 0.5, even with 2 more added."),
        Case("a share of 1.0 allows everything",
             ({"a": "1"}, {}), kwargs={"max_changed_share": 1.0},
             check=_same_result(_result(missing=["a"], share=1.0, drift=False))),
        Case("the share is a float", ({"a": "1", "b": "x"}, {"a": "1", "b": "y"}), kwargs={"max_changed_share": 0.6},
             check=_same_result(_result(["b"], share=0.5, drift=False))),
        Case("an empty baseline raises ValueError", ({}, {"a": "1"}), raises=ValueError,
             why="With no baseline there is nothing to compare with, and the share would divide by zero."),
        Case("a negative allowed share raises ValueError", (BASE, BASE), kwargs={"max_changed_share": -0.1},
             raises=ValueError),
        Case("an allowed share above 1 raises ValueError", (BASE, BASE), kwargs={"max_changed_share": 1.5},
             raises=ValueError, why="A share lies in [0, 1]; 1.5 is a mistake, for example a percentage."),
    ]
