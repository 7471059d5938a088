"""Execute lesson notebooks for the site, one at a time, reusing cached executions."""

from __future__ import annotations

from pathlib import Path

import nbformat
from rich.progress import Progress

from .. import execute, notebooks
from ..errors import CourseError
from . import cache


def one(source: Path) -> nbformat.NotebookNode:
    """The executed notebook for `source`, from the cache when its inputs have not changed."""
    hit = cache.get(source)
    if hit is not None:
        return hit
    nb = notebooks.read(source)
    execute.run(nb, source.parent, cell_timeout=600, total_timeout=3600)
    cache.put(source, nb)
    return nb


def many(sources: list[Path]) -> dict[Path, nbformat.NotebookNode]:
    """Execute every source not cached yet (an error stops the build, naming the lesson), with a progress bar.

    One at a time: the model server answers one request at a time, so parallel notebooks gain little and
    would add queueing time to the latencies that lessons measure.
    """
    done = {s: cache.get(s) for s in sources}
    todo = [s for s, nb in done.items() if nb is None]
    if not todo:
        return done
    with Progress(transient=False) as bar:
        task = bar.add_task(f"executing {len(todo)} lesson(s), {len(sources) - len(todo)} cached", total=len(todo))
        for source in todo:
            bar.update(task, description=f"executing {source.name}")
            try:
                done[source] = one(source)
            except CourseError as exc:
                raise CourseError(f"lesson {source.name} failed: {exc.message}",
                                  f"fix it, then build again; {exc.next_step}") from exc
            bar.advance(task)
    return done
