"""Grade a cohort: every submission in a sandboxed kernel, `jobs` at a time, saving each as it finishes."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .. import paths
from . import private_cases, results, sandbox, shards, similarity, submissions
from .grade_one import Graded, Submission, grade_submission


@dataclass
class Options:
    submissions: Path
    out: Path
    jobs: int = max(1, os.cpu_count() or 1)
    hidden: Path | None = None
    regrade: bool = False
    sandboxed: bool = True
    limits: sandbox.Limits = field(default_factory=sandbox.Limits)
    shard: tuple[int, int] = (1, 1)  # (K, N): grade only the learners that shards.owner gives to shard K of N


def fingerprint(sub: Submission, hidden_digest: str) -> str:
    """Changes when the submission, its lesson's grader, the course file or the hidden tests change."""
    h = hashlib.sha256(sub.digest().encode() + hidden_digest.encode())
    for file in (paths.root() / "course.toml", paths.root() / "src" / "llmcourse" / "graders" / f"{sub.lesson}.py"):
        h.update(file.read_bytes() if file.exists() else b"")
    return h.hexdigest()[:16]


async def _grade_all(todo: list[tuple[Submission, str]], opts: Options, jail: sandbox.Jail, hidden: dict,
                     scratch: Path, progress: Progress, task) -> list[Graded]:
    running = asyncio.Semaphore(opts.jobs)
    done: list[Graded] = []

    async def one(sub: Submission, mark: str, n: int) -> None:
        await running.acquire()
        start = time.perf_counter()
        try:
            graded = await grade_submission(sub, scratch / str(n), n, jail, opts.limits, hidden)
        except Exception as exc:  # noqa: BLE001 - one submission's failure must not stop the cohort
            from . import judge
            from .. import course
            reason = f"grading failed inside the grader ({type(exc).__name__}: {exc}); please report it"
            graded = Graded(sub, judge.failed(course.load().lesson(sub.lesson), reason, hidden), [reason])
        finally:
            running.release()
        graded.seconds = time.perf_counter() - start
        # saved at once: an interruption later loses nothing graded
        results.save(opts.out, graded, mark, similarity.submitted(sub))
        done.append(graded)
        progress.update(task, advance=1, description=f"graded {sub.key}")

    await asyncio.gather(*(one(sub, mark, n) for n, (sub, mark) in enumerate(todo)))
    return done


def run(opts: Options, console: Console) -> tuple[list[Graded], int, list[str], list[Submission]]:
    """Grade what is new or changed; return the fresh results, how many were already graded, notes, and every
    submission found (read once, here: the reports work from the same copies)."""
    k, n = opts.shard
    keep = None if n == 1 else (lambda learner: shards.owner(learner, n) == k)
    subs, keyed_notes = submissions.find(opts.submissions, keep)
    hidden = private_cases.load(opts.hidden)
    hidden_digest = private_cases.digest(opts.hidden)
    namespaces = sandbox.require(opts.sandboxed)
    notes = shards.run_notes(keyed_notes, namespaces)
    # made now, so it exists to be hidden from the kernels even when this run is the first to write there
    opts.out.mkdir(parents=True, exist_ok=True)
    shards.started(opts.out)
    todo = []
    for sub in subs:
        mark = fingerprint(sub, hidden_digest)
        saved = results.load(opts.out, sub.learner, sub.lesson)
        if opts.regrade or saved is None or saved.get("fingerprint") != mark:
            todo.append((sub, mark))
        elif "functions" not in saved:
            results.add_functions(opts.out, saved, similarity.submitted(sub))
    scratch = Path(tempfile.mkdtemp(prefix="llmcourse-grade-"))
    scratch.chmod(0o711)  # slot users may pass through to their own folder, never list the others
    jail = sandbox.Jail(sandbox.private_paths([opts.submissions, opts.out, scratch]
                                              + ([opts.hidden] if opts.hidden else [])), namespaces)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    try:
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task(f"grading {len(todo)} submission(s) with {opts.jobs} job(s)", total=len(todo))
            graded = asyncio.run(_grade_all(todo, opts, jail, hidden, scratch, progress, task))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    shards.finished(opts.out, opts.shard, [(s.learner, s.lesson) for s in subs], keyed_notes, namespaces,
                    hidden_digest)
    return graded, len(subs) - len(todo), notes, subs
