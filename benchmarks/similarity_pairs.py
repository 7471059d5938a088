"""Time the similarity report's pair comparison, the part of a merge that grows with the square of the cohort.

    .venv/bin/python benchmarks/similarity_pairs.py                # 200 learners, one exercise
    .venv/bin/python benchmarks/similarity_pairs.py --learners 400

The learners are made up: each exercise function is the solution's or the known hard-coder's normalised
tokens (tests/files/cohort/hardcoder.py) with 0 to 30 tokens replaced at random, so some pairs are
near-copies and most are not. Prints the time per pair of comparing every pair with ratio() and with the
pruned comparison the grader uses (same pairs flagged, checked here), and what that means for a cohort
of 5,000. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from llmcourse import course  # noqa: E402
from llmcourse.cohort import similarity  # noqa: E402


def cohort(learners: int, seed: int = 7) -> dict[str, list[str]]:
    lesson = course.load().lesson("evals_assertions")
    names = {ex.name for ex in lesson.exercises}
    sources = [similarity.functions(lesson.file("solutions"), names)["summary_failures"],
               similarity.functions(ROOT / "tests/files/cohort/hardcoder.py", names)["summary_failures"]]
    rng, code = random.Random(seed), {}
    vocabulary = sorted({t for s in sources for t in s})
    for i in range(learners):
        tokens = list(rng.choice(sources))
        for _ in range(rng.randint(0, 30)):
            tokens[rng.randrange(len(tokens))] = rng.choice(vocabulary)
        code[f"learner{i:04d}"] = tokens
    return code


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--learners", type=int, default=200)
    p.add_argument("--threshold", type=float, default=0.9)
    args = p.parse_args()
    code = cohort(args.learners)
    pairs = args.learners * (args.learners - 1) // 2
    start = time.perf_counter()
    every = [(a, b, round(s, 3)) for a, b in itertools.combinations(sorted(code), 2)
             if (s := difflib.SequenceMatcher(None, code[a], code[b], autojunk=False).ratio()) >= args.threshold]
    plain = time.perf_counter() - start
    start = time.perf_counter()
    pruned_pairs = list(similarity._similar(code, args.threshold))
    pruned = time.perf_counter() - start
    big = 5000 * 4999 // 2
    print(f"learners: {args.learners}, pairs: {pairs}, threshold {args.threshold}, load {os.getloadavg()[0]:.1f}")
    print(f"every pair, ratio()   : {plain:7.2f} s  ({plain / pairs * 1e6:6.0f} us per pair)")
    print(f"pruned (the grader's) : {pruned:7.2f} s  ({pruned / pairs * 1e6:6.0f} us per pair), "
          f"same pairs flagged: {sorted(pruned_pairs) == sorted(every)} ({len(every)})")
    print(f"5,000 learners, one exercise: {big:,} pairs, about {big * pruned / pairs / 3600:.1f} h pruned "
          f"({big * plain / pairs / 3600:.1f} h comparing every pair)")


if __name__ == "__main__":
    main()
