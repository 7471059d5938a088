"""Helpers shared by the cohort tests."""

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
