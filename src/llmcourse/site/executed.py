"""Execute lesson notebooks for the site, two at a time, reusing cached executions."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
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


def many(sources: list[Path], workers: int = 2) -> dict[Path, nbformat.NotebookNode]:
    """Execute every source (errors stop the build, naming the notebook and cell), with a progress bar."""
    todo = [s for s in sources if cache.get(s) is None]
    done = {s: cache.get(s) for s in sources if s not in todo}
    if not todo:
        return done
    with Progress(transient=False) as bar, ThreadPoolExecutor(max_workers=workers) as pool:
        task = bar.add_task(f"executing {len(todo)} lesson(s) ({len(done)} cached)", total=len(todo))
        futures = {s: pool.submit(one, s) for s in todo}
        for source, future in futures.items():
            try:
                done[source] = future.result()
            except CourseError as exc:
                for f in futures.values():
                    f.cancel()
                raise CourseError(f"lesson {source.name} failed: {exc.message}",
                                  f"llmcourse build again after fixing it; {exc.next_step}") from exc
            bar.advance(task)
    return done
