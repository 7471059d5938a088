"""Grade a small cohort in which a few notebooks have a cell that ignores its interrupt, and time it.

    .venv/bin/python benchmarks/grade_stuck.py                      # 12 notebooks, 3 of them stuck
    .venv/bin/python benchmarks/grade_stuck.py --honest 17 --stuck 3

Honest learners hand in the evals_assertions solution; stuck ones hand in
tests/files/adversarial/stuck_cell.py (a correct function, then a busy loop that ignores SIGINT and
SIGTERM). Grading uses the default limits (60 s per cell, 300 s per notebook) unless told otherwise.
Prints the wall time, each stuck notebook's own time and score, and the load average before and after.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--honest", type=int, default=9)
    p.add_argument("--stuck", type=int, default=3)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--extra", nargs=argparse.REMAINDER, default=[], help="more options for llmcourse grade")
    args = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="llmcourse-bench-stuck-"))
    cohort = work / "cohort"
    for i in range(args.honest + args.stuck):
        stuck = i < args.stuck
        (cohort / f"{'stuck' if stuck else 'honest'}{i:02d}").mkdir(parents=True)
        source = ROOT / ("tests/files/adversarial/stuck_cell.py" if stuck else "solutions/evals_assertions.py")
        shutil.copy(source, cohort / f"{'stuck' if stuck else 'honest'}{i:02d}" / "evals_assertions.py")
    print(f"cohort: {args.honest} honest + {args.stuck} stuck notebooks, {os.cpu_count()} cores, jobs={args.jobs}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "llmcourse.cli", "grade", str(cohort), "--out", str(work / "grades"),
                    "--jobs", str(args.jobs), *args.extra], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    print(f"load average after : {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"llmcourse grade    : {wall:7.1f} s wall")
    for file in sorted((work / "grades" / "results").glob("*/*.json")):
        record = json.loads(file.read_text())
        earned = sum(r["earned"] for r in record["reports"])
        if record["learner"].startswith("stuck") or record["learner"] == "honest%02d" % args.stuck:
            print(f"  {record['learner']:>9}: {record['seconds']:6.1f} s, {earned:g}/15 points")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
