"""Helpers shared by the cohort tests."""

import csv
import signal
import subprocess
import time
from pathlib import Path


def interrupt_after(command: list[str], out: Path, results: int, wait_s: float = 180) -> int:
    """Start a grading run, press Ctrl-C once it has saved `results` results, and say how many it saved."""
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + wait_s
    while len(list(out.glob("results/*/*.json"))) < results and time.monotonic() < deadline:
        time.sleep(0.2)
    run.send_signal(signal.SIGINT)
    run.communicate(timeout=60)
    return len(list(out.glob("results/*/*.json")))


def earned(out: Path) -> dict[tuple[str, str], float]:
    """(learner, exercise id or TOTAL) -> points earned, from a grading run's gradebook.csv."""
    with open(out / "gradebook.csv", newline="") as f:
        return {(r["learner"], r["exercise"]): float(r["earned"]) for r in csv.DictReader(f)}
