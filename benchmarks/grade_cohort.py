"""Grade a generated cohort and compare with merely executing the same notebooks with nbclient.

    .venv/bin/python benchmarks/grade_cohort.py                 # 30 learners, every exercise notebook
    .venv/bin/python benchmarks/grade_cohort.py --learners 10

Each learner submits every lesson's notebook: the solution, the untouched exercise, or the solution with
one function swapped for a known-wrong answer from tests/files/wrong/. Prints wall times, time per
notebook, the grading-to-execution ratio, and how busy the jobs kept the cores (the sum of each notebook's
own grading time over the wall time). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llmcourse import course, kernel, nbfiles  # noqa: E402
from tests.conftest import wrong_answers  # noqa: E402


def wrong_notebook(lesson, rng: random.Random) -> str | None:
    """The solution with one exercise function replaced, in a last cell, by a known-wrong answer."""
    exercise = rng.choice(lesson.exercises)
    choices = wrong_answers(exercise)
    if not choices:
        return None
    name, fn = rng.choice(choices)
    source = inspect.getsource(fn).replace(f"def {name}(", f"def {exercise.name}(", 1)
    imports = "import math\nimport re\nimport itertools\nimport collections\nimport numpy as np\n"
    constants = "".join(f"{k} = {v!r}\n" for k, v in fn.__globals__.items()
                        if k.isupper() and isinstance(v, (int, float, str, tuple, frozenset, dict)))
    return lesson.file("solutions").read_text() + f"\n# %%\n{imports}{constants}{source}"


def generate(folder: Path, learners: int, seed: int = 7) -> int:
    rng, count = random.Random(seed), 0
    for i in range(learners):
        learner = folder / f"learner{i:02d}"
        learner.mkdir(parents=True)
        for lesson in course.load().lessons:
            kind = rng.choice(["right", "right", "stub", "wrong", "wrong"])
            text = wrong_notebook(lesson, rng) if kind == "wrong" else None
            if text is None:
                text = lesson.file("exercises" if kind == "stub" else "solutions").read_text()
            (learner / f"{lesson.id}.py").write_text(text)
            count += 1
    return count


async def plain(folder: Path, jobs: int) -> float:
    """Execute every notebook with nbclient as it comes, `jobs` at a time: no sandbox, no grading."""
    files = sorted(folder.glob("*/*.py"))
    gate = asyncio.Semaphore(jobs)
    scratch = Path(tempfile.mkdtemp())

    async def one(path: Path) -> None:
        async with gate:
            await kernel.arun(nbfiles.read(path), scratch, cell_timeout=120, total_timeout=600)

    start = time.perf_counter()
    await asyncio.gather(*(one(p) for p in files))
    shutil.rmtree(scratch, ignore_errors=True)
    return time.perf_counter() - start


def grade(folder: Path, out: Path, jobs: int) -> tuple[float, list[float]]:
    """Wall time of one `llmcourse grade` run, and each notebook's own grading time from its result."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "llmcourse.cli", "grade", str(folder), "--out", str(out),
                    "--jobs", str(jobs)], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    return wall, [json.loads(f.read_text())["seconds"] for f in out.glob("results/*/*.json")]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--learners", type=int, default=30)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="llmcourse-bench-cohort-"))
    n = generate(work / "cohort", args.learners)
    print(f"cohort: {args.learners} learners, {n} notebooks, {os.cpu_count()} cores, jobs={args.jobs}")
    t_plain = asyncio.run(plain(work / "cohort", args.jobs))
    t_grade, each = grade(work / "cohort", work / "grades", args.jobs)
    print(f"plain nbclient execution : {t_plain:7.1f} s wall  ({t_plain / n:.2f} s per notebook)")
    print(f"llmcourse grade          : {t_grade:7.1f} s wall  ({t_grade / n:.2f} s per notebook)")
    print(f"grade / plain            : {t_grade / t_plain:7.2f}")
    print(f"one notebook, own slot   : {statistics.median(each):7.2f} s median, {max(each):.2f} s max")
    print(f"cores kept busy          : {sum(each) / t_grade:7.2f} of {args.jobs} jobs")
    print(f"otter-grader reference   : 17 s per notebook (measured-findings notes) -> "
          f"{17 / (t_grade / n):.1f}x faster per notebook of the cohort")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
