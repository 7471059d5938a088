"""Grader for data_daily_samples: a deterministic stratified sampler with a minimum per stratum."""

import random

from llmcourse.cases import Case

KEYS = ("route", "outcome", "length")

EQUIVALENT_MUTANTS = {
    "daily_sample": {
        "compare: fill > 0 -> fill >= 0": "rng.sample(rest, 0) returns [] and draws no random number, so calling it "
                                          "with a fill of 0 changes nothing",
    },
}


def _reference(log, k, min_per_stratum=1, seed=0, keys=KEYS):
    strata = {}
    for entry in log:
        strata.setdefault(tuple(entry[key] for key in keys), []).append(entry["id"])
    rng = random.Random(seed)
    chosen = []
    for stratum in sorted(strata):
        members = sorted(strata[stratum])
        chosen += rng.sample(members, min(min_per_stratum, len(members)))
    rest = sorted({e["id"] for e in log} - set(chosen))
    if k - len(chosen) > 0 and rest:
        chosen += rng.sample(rest, min(k - len(chosen), len(rest)))
    return sorted(chosen)


def _entry(i, route, outcome="ok", length="short"):
    return {"id": f"{route[:3]}-{i:03d}", "route": route, "outcome": outcome, "length": length}


# A day: 60 support lines (a few cut off, some long), 12 summaries, 3 extractions (one invalid), in a
# shuffled order, so nothing about the input order can stand in for sorting.
_DAY = ([_entry(i, "support", "cut_off" if i % 17 == 0 else "ok", "long" if i % 3 == 0 else "short")
         for i in range(60)]
        + [_entry(i, "summarize", "ok", "long" if i % 4 == 0 else "short") for i in range(12)]
        + [_entry(0, "extract", "invalid_json"), _entry(1, "extract"), _entry(2, "extract", "ok", "long")])
random.Random(7).shuffle(_DAY)
_N_STRATA = len({tuple(e[key] for key in KEYS) for e in _DAY})


def _strata_seen(got):
    by_id = {e["id"]: tuple(e[key] for key in KEYS) for e in _DAY}
    seen = {by_id.get(i) for i in got}
    if len(seen - {None}) < _N_STRATA:
        return f"the sample covers {len(seen - {None})} of the {_N_STRATA} strata; every stratum needs at least one id"
    return None


def daily_sample():
    small = [_entry(2, "support"), _entry(1, "support"), _entry(0, "extract", "invalid_json")]
    return [
        Case("every stratum gets into the sample",
             (_DAY, 20), check=_strata_seen,
             why="Take min_per_stratum ids from every stratum before filling the rest: the one invalid_json "
                 "extraction must be in the sample, however rare."),
        Case("a day's log, default settings",
             (_DAY, 20), expect=_reference(_DAY, 20),
             why="Follow the order of the steps exactly: one random.Random(seed), strata in sorted order, ids "
                 "sorted within each, then one rng.sample over the sorted rest. Any other order of draws "
                 "gives another (equally random) sample, and two reviewers would read different lines."),
        Case("another seed, another sample",
             (_DAY, 20), kwargs={"seed": 11}, expect=_reference(_DAY, 20, seed=11),
             why="Use the seed argument for random.Random(seed)."),
        Case("two per stratum",
             (_DAY, 25), kwargs={"min_per_stratum": 2}, expect=_reference(_DAY, 25, min_per_stratum=2),
             why="Each stratum contributes min(min_per_stratum, its size) ids before the fill."),
        Case("stratify by route only",
             (_DAY, 8), kwargs={"keys": ("route",), "seed": 3}, expect=_reference(_DAY, 8, seed=3, keys=("route",)),
             why="The stratum is the tuple of the values of `keys`; with keys=('route',) there are three strata."),
        Case("keys in another order sort the strata differently",
             (_DAY, 12), kwargs={"keys": ("length", "route"), "seed": 5},
             expect=_reference(_DAY, 12, seed=5, keys=("length", "route")),
             why="Build the tuple in the order of `keys`, and sort the strata by those tuples."),
        Case("the minimums win over k",
             (_DAY, 3), expect=_reference(_DAY, 3),
             why=f"There are {_N_STRATA} strata and min_per_stratum is 1, so the sample has {_N_STRATA} ids even "
                 f"though k is 3: the minimum per stratum comes first, and nothing is filled."),
        Case("k of 0 still takes the minimums",
             (_DAY, 0), expect=_reference(_DAY, 0),
             why="k = 0 means no fill, not no sample: every stratum still contributes its minimum."),
        Case("no minimum: a plain random sample",
             (_DAY, 10), kwargs={"min_per_stratum": 0, "seed": 2}, expect=_reference(_DAY, 10, min_per_stratum=0, seed=2),
             why="With min_per_stratum = 0 the strata draw nothing (rng.sample(ids, 0) is still called, and "
                 "draws no number), and all k come from the fill."),
        Case("k larger than the log returns every id",
             (small, 10), expect=["ext-000", "sup-001", "sup-002"],
             why="The fill takes at most what is left: min(k - chosen, len(rest)) ids."),
        Case("the result is sorted",
             (_DAY, 30), kwargs={"seed": 4},
             check=lambda got: None if isinstance(got, list) and got == sorted(got) else "return the ids as a sorted list"),
        Case("ids are sorted inside a stratum before drawing",
             ([_entry(i, "support") for i in (5, 3, 9, 1, 7)], 2), kwargs={"seed": 1},
             expect=_reference([_entry(i, "support") for i in (5, 3, 9, 1, 7)], 2, seed=1),
             why="Sort each stratum's ids before rng.sample: the log's order must not change the sample."),
        Case("an empty log gives an empty sample", ([], 5), expect=[],
             why="No entries, no strata, nothing to fill."),
        Case("extra fields are ignored",
             ([dict(e, output="text", tokens=12) for e in small], 2), kwargs={"seed": 9},
             expect=_reference(small, 2, seed=9),
             why="Only `id` and the fields named in `keys` matter."),
        Case("a negative k raises ValueError", (small, -1), raises=ValueError),
        Case("a negative minimum raises ValueError", (small, 2), kwargs={"min_per_stratum": -1}, raises=ValueError),
        Case("a negative minimum raises ValueError on an empty log too", ([], 2), kwargs={"min_per_stratum": -1},
             raises=ValueError, why="Check the arguments before looking at the log."),
        Case("a duplicate id raises ValueError", (small + [_entry(1, "support")], 2), raises=ValueError,
             why="Two log lines with one id would make the sample ambiguous: refuse the log."),
        Case("an entry without an id raises ValueError",
             (small + [{"route": "support", "outcome": "ok", "length": "short"}], 2), raises=ValueError),
        Case("an entry without a stratum key raises ValueError",
             (small + [{"id": "x-1", "route": "support", "outcome": "ok"}], 2), raises=ValueError,
             why="Every entry needs a value for each of the keys, or it has no stratum."),
    ]
