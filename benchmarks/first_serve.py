"""A newcomer's first `llmcourse serve`: from the end of pip to the site answering, on a fresh clone.

    .venv/bin/python benchmarks/first_serve.py            # clones HEAD, new venv, serves on a free port

The clone has no executed-lesson cache and a fresh state folder (no response cache, no model server), so
every lesson executes on its shipped recording, as on a learner's first run. Prints the install time, the
time from the end of pip to HTTP 200, each lesson's execution time as the build reported it, a projection
to 47 lessons, and whether stopping `serve` also stopped the site. Nothing is asserted.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT_SECTIONS = 47


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="llmcourse-first-serve-"))
    clone, home = work / "course", work / "home"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "LLMCOURSE_"))}
    env.update(LLMCOURSE_HOME=str(home), NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(clone / ".venv")], check=True)
    subprocess.run([str(clone / ".venv/bin/pip"), "install", "-q", "-e", str(clone)], check=True, env=env)
    pip_s = time.perf_counter() - started
    port = free_port()
    log = work / "serve.log"
    begun = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen([str(clone / ".venv/bin/llmcourse"), "serve", "--port", str(port)], cwd=clone,
                                env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    while not answers(url):
        if proc.poll() is not None:
            sys.exit(f"serve exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        if time.perf_counter() - begun > 1800:
            proc.kill()
            sys.exit("no answer within 30 minutes")
        time.sleep(0.5)
    ready_s = time.perf_counter() - begun
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    time.sleep(1)
    still = answers(url)
    text = log.read_text()
    lessons = re.findall(r"\[\d+/\d+\] (\w+): ([\d.]+) s", text)
    print(f"machine: {os.cpu_count()} cores, load before start {os.getloadavg()[0]:.2f}")
    print(f"install (new venv, pip install -e ., llama.cpp wheel from pip's cache): {pip_s:6.1f} s")
    print(f"end of pip to HTTP 200:                                              {ready_s:6.1f} s")
    for name, took in lessons:
        print(f"  {name:32s} {float(took):5.1f} s on its recording")
    if lessons:
        per = [float(t) for _, t in lessons]
        rest = ready_s - sum(per) / min(os.cpu_count() or 1, 2)
        projected = rest + sum(per) / len(per) * REPORT_SECTIONS / min(os.cpu_count() or 1, 2)
        print(f"mean per lesson: {sum(per) / len(per):.1f} s; fixed cost (mkdocs, start-up): {rest:.1f} s")
        print(f"projected first serve at {REPORT_SECTIONS} lessons: {projected:6.1f} s")
    print(f"after SIGTERM to serve, the site still answers: {still}")
    print("what the terminal showed:\n" + "\n".join("  | " + line for line in text.splitlines()[:40]))
    subprocess.run([str(clone / ".venv/bin/llmcourse"), "model", "stop"], cwd=clone, env=env, capture_output=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
