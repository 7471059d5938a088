"""Print the course's speed figures: install to first lesson, imports, site builds, notebooks, check, tokens/s.

    .venv/bin/python benchmarks/run.py            # everything (installs into a scratch venv: minutes)
    .venv/bin/python benchmarks/run.py --no-install

Every figure is measured on this machine when the script runs; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return took


def fresh_env(home: Path) -> dict:
    """No API keys, a private state folder (no recorded responses, its own model server)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "LLMCOURSE_"))}
    return {**env, "LLMCOURSE_HOME": str(home), "NO_MKDOCS_2_WARNING": "1"}


def install_to_first_lesson(home: Path) -> tuple[float, float]:
    """A new venv, `pip install -e .` (llama.cpp wheel from pip's cache), then execute the first lesson."""
    venv = Path(tempfile.mkdtemp(prefix="llmcourse-bench-venv-"))
    try:
        py = venv / "bin" / "python"
        install = timed([sys.executable, "-m", "venv", str(venv)]) + timed(
            [str(py), "-m", "pip", "install", "-q", "-e", str(ROOT)])
        first = timed([str(py), "-c", FIRST_LESSON], env=fresh_env(home))
        return install, first
    finally:
        shutil.rmtree(venv, ignore_errors=True)


FIRST_LESSON = """
from llmcourse import course, kernel, nbfiles
lesson = course.load().lessons[0]
nb = nbfiles.read(lesson.file("lessons"))
kernel.run(nb, lesson.file("lessons").parent)
"""

ONE_NOTEBOOK = """
import sys, time
from pathlib import Path
from llmcourse import kernel, nbfiles
p = Path(sys.argv[1]); nb = nbfiles.read(p); t = time.perf_counter()
kernel.run(nb, p.parent); print(time.perf_counter() - t)
"""

TOKENS_PER_S = """
import time
from llmcourse import llm
client = llm.client(cache=False)
llm.chat("Warm up.", llm=client, max_tokens=4)
rates = []
for topic in ("the sea", "a city at night", "a mountain walk", "an old library", "a kitchen"):
    t = time.perf_counter()
    r = client.chat.completions.create(model=llm.model_name(), max_tokens=128, temperature=0.7,
        messages=[{"role": "user", "content": f"Write a long paragraph about {topic}."}])
    rates.append(r.usage.completion_tokens / (time.perf_counter() - t))
print(sum(rates) / len(rates))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-install", action="store_true", help="skip the scratch-venv install figure")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from llmcourse import course

    home = Path(tempfile.mkdtemp(prefix="llmcourse-bench-home-"))
    env = fresh_env(home)
    py = sys.executable
    lessons = course.load().lessons
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {len(lessons)} lessons")
    try:
        if not args.no_install:
            install, first = install_to_first_lesson(home)
            print(f"install (new venv, cached llama.cpp wheel): {install:6.1f} s")
            print(f"first lesson, cold model and cache:         {first:6.1f} s")
            print(f"install to first lesson:                    {install + first:6.1f} s")
        bare = statistics.median(timed([py, "-c", "pass"], env=env) for _ in range(5))
        setup = statistics.median(timed([py, "-c", "import llmcourse.notebook"], env=env) for _ in range(5))
        print(f"import llmcourse.notebook beyond python -c pass (median of 5): {setup - bare:6.2f} s")
        model_start = timed([py, "-m", "llmcourse.cli", "model", "start"], env=env)
        print(f"embedded server start:                      {model_start:6.1f} s")
        rate = subprocess.run([py, "-c", TOKENS_PER_S], env=env, capture_output=True, text=True, check=True)
        print(f"embedded model, generation:                 {float(rate.stdout):6.1f} tokens/s")
        shutil.rmtree(ROOT / ".cache" / "executed", ignore_errors=True)
        site = Path(tempfile.mkdtemp(prefix="llmcourse-bench-site-"))
        build = [py, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
        cold = timed(build, env=env)
        warm = [timed(build, env=env) for _ in range(3)]
        print(f"site build, cold (on recordings, nothing cached): {cold:6.1f} s")
        print(f"site build, warm (median of 3):             {statistics.median(warm):6.1f} s")
        other = Path(tempfile.mkdtemp(prefix="llmcourse-bench-home2-"))
        for lesson in lessons:
            times = []
            live = {**fresh_env(other), "LLMCOURSE_RECORDINGS": "off", "LLMCOURSE_CACHE": "off"}
            for state in (live, env):  # the live model, then the shipped recording
                out = subprocess.run([py, "-c", ONE_NOTEBOOK, str(lesson.file("lessons"))], env=state,
                                     capture_output=True, text=True, check=True)
                times.append(float(out.stdout))
            print(f"execute {lesson.id}: {times[0]:5.1f} s live, {times[1]:5.1f} s on its recording")
        subprocess.run([py, "-m", "llmcourse.cli", "model", "stop"], env=fresh_env(other), capture_output=True)
        shutil.rmtree(other, ignore_errors=True)
        checks = [timed([py, "-m", "llmcourse.cli", "check", str(lessons[0].file("solutions"))], env=env)
                  for _ in range(3)]
        print(f"llmcourse check {lessons[0].id} (median of 3): {statistics.median(checks):6.1f} s")
    finally:
        subprocess.run([py, "-m", "llmcourse.cli", "model", "stop"], env=env, capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
