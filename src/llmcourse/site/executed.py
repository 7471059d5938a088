"""Execute lesson notebooks for the site, on their recordings, reusing cached executions."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import nbformat

from .. import kernel, nbfiles
from ..errors import CourseError
from ..llm import recording
from . import executed_cache

CELL_S, NOTEBOOK_S = 600, 3600


def env_for(source: Path, mode: str | None = None) -> dict:
    """The kernel's environment: the notebook's own recording, and the recording mode asked for."""
    extra = {"LLMCOURSE_RECORDING": str(recording.file_for(source))}
    if mode:
        extra["LLMCOURSE_RECORDINGS"] = mode
    return kernel.kernel_env(extra)


async def _execute(source: Path, mode: str | None) -> nbformat.NotebookNode:
    nb = nbfiles.read(source)
    result = await kernel.arun(nb, source.parent, cell_timeout=CELL_S, total_timeout=NOTEBOOK_S,
                                env=env_for(source, mode))
    if result.errors or result.timed_out:
        raise CourseError(f"lesson {source.name} failed: {kernel.describe(result)}",
                          "fix it, then build again; run the notebook in Jupyter to see the failing cell in context")
    executed_cache.put(source, nb)
    return nb


def one(source: Path, mode: str | None = None) -> nbformat.NotebookNode:
    """The executed notebook for `source`, from the cache when none of its inputs changed."""
    hit = executed_cache.get(source)
    return hit if hit is not None else asyncio.run(_execute(source, mode))


def jobs() -> int:
    """Notebooks executed at once: every core while answers come from recordings; one when they come from
    the model, which answers one request at a time, so that parallel notebooks add no queueing to the
    latencies that lessons measure."""
    return max(1, os.cpu_count() or 1) if recording.mode() != "off" else 1


def many(sources: list[Path]) -> dict[Path, nbformat.NotebookNode]:
    """Execute every source not cached yet, naming each as it runs; an error stops the build, naming the lesson."""
    done = {s: executed_cache.get(s) for s in sources}
    todo = [s for s, nb in done.items() if nb is None]
    if todo:
        done.update(asyncio.run(_many(todo, len(sources) - len(todo))))
    return done


async def _many(todo: list[Path], cached: int) -> dict[Path, nbformat.NotebookNode]:
    slots = asyncio.Semaphore(jobs())
    progress = _Progress(len(todo), cached)

    async def run(source: Path):
        async with slots:
            progress.start(source)
            started = time.monotonic()
            nb = await _execute(source, None)
            progress.finish(source, time.monotonic() - started)
            return source, nb

    tasks = [asyncio.ensure_future(run(s)) for s in todo]
    try:
        return dict(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    finally:
        progress.close()


class _Progress:
    """A rich progress bar on a terminal; one plain line per lesson in a log (CI, a pipe)."""

    def __init__(self, total: int, cached: int):
        self.total, self.count = total, 0
        self.bar = None
        if sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), transient=False)
            self.bar.start()
            self.task = self.bar.add_task(f"executing {total} lesson(s), {cached} cached", total=total)
        else:
            print(f"executing {total} lesson(s) on {jobs()} core(s); {cached} unchanged since the last build",
                  file=sys.stderr, flush=True)
        self.running: list[str] = []

    def start(self, source: Path) -> None:
        self.running.append(source.stem)
        if self.bar:
            self.bar.update(self.task, description=f"executing {', '.join(self.running)}")

    def finish(self, source: Path, took: float) -> None:
        self.running.remove(source.stem)
        self.count += 1
        if self.bar:
            self.bar.console.print(f"  {source.stem}: {took:.1f} s")
            self.bar.update(self.task, advance=1, description=f"executing {', '.join(self.running) or '-'}")
        else:
            print(f"  [{self.count}/{self.total}] {source.stem}: {took:.1f} s", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar:
            self.bar.stop()
