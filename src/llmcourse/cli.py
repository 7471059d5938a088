"""The `llmcourse` command: open, check, watch, hint, progress, model, record, assign, grade, merge, build and serve."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console

from .errors import CourseError

console = Console(highlight=False, soft_wrap=True)


def _open(args) -> int:
    from .learner.workspace import open_exercise
    path = open_exercise(args.lesson, fresh=args.fresh)
    console.print(f"your copy: {path}\n"
                  f"open it in Jupyter or VS Code (pip install -e '.[lab]' && jupyter lab {path}),\n"
                  f"then: llmcourse check {args.lesson}   (or: llmcourse watch {args.lesson})", markup=False)
    return 0


def _check(args) -> int:
    from .learner import check, progress, target
    tgt = target.resolve(args.target)
    console.print(f"checking {tgt.notebook} ...")
    reports, problems = check.check(tgt, cell_timeout=args.cell_timeout, total_timeout=args.timeout)
    if problems:
        console.print(f"before grading: {problems}", style="yellow", markup=False)  # learner text: never markup
    for report in reports:
        console.print(str(report), style="green" if report.passed else None, markup=False)
        if tgt.notebook.parent.resolve() == _workspace().resolve():
            progress.record_check(report.exercise_id, report.passed, report.earned)
    return 0 if all(r.passed for r in reports) else 1


def _watch(args) -> int:
    from .learner.watch import Watcher
    watcher = Watcher(console, cell_timeout=args.cell_timeout, total_timeout=args.timeout)
    try:
        return watcher.run(args.target)
    except KeyboardInterrupt:
        console.print(f"\nstopped watching after {watcher.checks} check(s); nothing you wrote was changed.\n"
                      f"next: llmcourse progress", markup=False)
        return 0


def _workspace():
    from .paths import workspace
    return workspace()


def _hint(args) -> int:
    from .notebook import hint
    hint(args.exercise)
    return 0


def _progress(_args) -> int:
    from .learner.progress_table import show
    show(console)
    return 0


def _model(args) -> int:
    from .llm import modelcmd
    return modelcmd.run(args.action, console)


def _record(args) -> int:
    from .authoring import record
    return record.run(args.lessons, args.all, console)


def _assign(args) -> int:
    from .authoring import assign, course_map
    if args.check:
        bad = assign.stale() + assign.strays() + course_map.stale()
        for path in bad:
            console.print(f"stale or stray: {path}")
        if bad:
            console.print("next: llmcourse assign   # regenerates exercises from solutions and the README's map")
        return 1 if bad else 0
    for path in assign.write_all() + course_map.write():
        console.print(f"wrote {path}")
    return 0


def _grade(args) -> int:
    from .cohort import outputs, runner, sandbox, shards
    shard = shards.parse(args.shard) if args.shard is not None else (1, 1)
    if args.scratch_mb < 16:  # tmpfs reads a size of 0 as "no limit"; under 16 MB the kernel cannot start
        raise CourseError(f"--scratch-mb {args.scratch_mb} is too small for a kernel to start.",
                          "give each kernel at least 16 MB: llmcourse grade ... --scratch-mb 256")
    limits = sandbox.Limits(cell_s=args.cell_timeout, notebook_s=args.timeout, memory_mb=args.memory_mb,
                            scratch_mb=args.scratch_mb)
    opts = runner.Options(args.submissions.resolve(), args.out.resolve(), jobs=args.jobs, hidden=args.hidden_tests,
                       regrade=args.regrade, sandboxed=not args.no_sandbox, limits=limits, shard=shard)
    graded, kept, notes, subs = runner.run(opts, console)
    written = outputs.write_all(subs, opts.out, notes, args.similarity)
    if shard != (1, 1):
        console.print(f"shard {shard[0]}/{shard[1]}: {len({s.learner for s in subs})} learner(s); "
                      f"merge all {shard[1]} output folders with llmcourse merge", markup=False)
    console.print(f"graded {len(graded)} notebook(s); {kept} unchanged since the last run were kept "
                  f"(--regrade grades them again)")
    _written(notes, written)
    return 0


def _written(notes: list[str], written: dict) -> None:
    for note in notes:
        console.print(f"note: {note}", markup=False)
    for name, path in written.items():
        console.print(f"{name:>10}: {path}", markup=False)


def _merge(args) -> int:
    from .cohort import outputs, shards
    out = args.out.resolve()
    present, keyed, sandboxed, hidden = shards.merge(args.outs, out)
    notes = shards.run_notes(keyed, sandboxed)
    written = outputs.write_reports(out, present, notes, args.similarity)
    shards.finished(out, (1, 1), present, keyed, sandboxed, hidden)
    console.print(f"merged {len(args.outs)} shard(s): {len({l for l, _ in present})} learner(s), "
                  f"{len(present)} notebook(s)", markup=False)
    _written(notes, written)
    return 0


def _site(args) -> int:
    from .site import build
    return build.run(args.verb, port=getattr(args, "port", 8000))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="llmcourse", description=__doc__)
    sub = p.add_subparsers(dest="verb", required=True)
    o = sub.add_parser("open", help="make your own copy of a lesson's exercises (never overwrites it)")
    o.add_argument("lesson")
    o.add_argument("--fresh", action="store_true", help="start over; your current copy is kept as .bak")
    o.set_defaults(func=_open)
    c = sub.add_parser("check", help="execute and grade your exercise notebook")
    c.add_argument("target", help="exercise id (lesson.function), lesson id, or a notebook path")
    c.add_argument("--timeout", type=float, default=600, help="whole-notebook limit in seconds")
    c.add_argument("--cell-timeout", type=float, default=120, help="per-cell limit in seconds")
    c.set_defaults(func=_check)
    w = sub.add_parser("watch", help="check your notebook each time you save it, and move on when it passes")
    w.add_argument("target", nargs="?", default=None,
                   help="exercise or lesson id to start at (default: the first exercise not yet passed)")
    w.add_argument("--timeout", type=float, default=600, help="whole-notebook limit in seconds")
    w.add_argument("--cell-timeout", type=float, default=120, help="per-cell limit in seconds")
    w.set_defaults(func=_watch)
    h = sub.add_parser("hint", help="show the next hint for an exercise")
    h.add_argument("exercise")
    h.set_defaults(func=_hint)
    sub.add_parser("progress", help="what is done and what comes next").set_defaults(func=_progress)
    m = sub.add_parser("model", help="the embedded model server: status, start, stop")
    m.add_argument("action", choices=("status", "start", "stop"))
    m.set_defaults(func=_model)
    r = sub.add_parser("record", help="(authors) re-record lessons' model responses from the live embedded model")
    r.add_argument("lessons", nargs="*", help="lesson ids")
    r.add_argument("--all", action="store_true", help="every lesson of the course")
    r.set_defaults(func=_record)
    a = sub.add_parser("assign", help="(authors) regenerate exercises from solutions, and the README's course map")
    a.add_argument("--check", action="store_true", help="fail if any exercise is stale or stray")
    a.set_defaults(func=_assign)
    g = sub.add_parser("grade", help="(instructors) grade a cohort's notebooks in sandboxed kernels")
    g.add_argument("submissions", type=Path, help="a folder with one folder per learner: LEARNER/LESSON_ID.ipynb")
    g.add_argument("--out", type=Path, default=Path("grades"), help="where results go (default: ./grades)")
    g.add_argument("--jobs", type=int, default=max(1, os.cpu_count() or 1), help="notebooks graded at once")
    g.add_argument("--hidden-tests", "--extra-tests", type=Path, default=None,
                   help="a folder of private cases, LESSON_ID.py, that learners never see")
    g.add_argument("--regrade", action="store_true", help="grade again what an earlier run already graded")
    g.add_argument("--timeout", type=float, default=300, help="whole-notebook limit in seconds")
    g.add_argument("--cell-timeout", type=float, default=60, help="per-cell limit in seconds")
    g.add_argument("--memory-mb", type=int, default=2048, help="address-space limit of each kernel")
    g.add_argument("--scratch-mb", type=int, default=256,
                   help="writable space of each kernel: its working folder, home, /tmp and /dev/shm together")
    g.add_argument("--similarity", type=float, default=0.9, help="flag pairs at or above this similarity")
    g.add_argument("--no-sandbox", action="store_true",
                   help="grade without namespaces, for machines that forbid them (weaker isolation; see the guide)")
    g.add_argument("--shard", metavar="K/N", default=None,
                   help="grade only shard K of N (a split by learner; K from 1 to N), then: llmcourse merge")
    g.set_defaults(func=_grade)
    mg = sub.add_parser("merge", help="(instructors) one gradebook and set of reports from the output folders "
                                      "of a cohort graded in shards")
    mg.add_argument("outs", nargs="+", type=Path, metavar="OUT", help="each shard's --out folder, all N of them")
    mg.add_argument("--out", type=Path, required=True, help="where the merged gradebook and reports go (a new folder)")
    mg.add_argument("--similarity", type=float, default=0.9, help="flag pairs at or above this similarity")
    mg.set_defaults(func=_merge)
    b = sub.add_parser("build", help="execute the lessons and build the site into build/site")
    b.set_defaults(func=_site)
    s = sub.add_parser("serve", help="build the site and serve it on http://127.0.0.1:PORT")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=_site)
    return p


def first_steps() -> str:
    """What `llmcourse` alone prints: the three commands a newcomer needs, with the first lesson filled in."""
    from . import course
    first = course.load().lessons[0].id
    return (f"llmcourse: the course's command line. Start with:\n"
            f"  llmcourse open {first}      # your own copy of the first exercises\n"
            f"  llmcourse check {first}     # runs it and grades it\n"
            f"  llmcourse progress{' ' * (len(first) + 3)}# what is done and what comes next\n"
            f"Every command: llmcourse --help")


def _unknown_verb(argv: list[str], p: argparse.ArgumentParser) -> str | None:
    """A did-you-mean for a mistyped command, which argparse alone answers with its whole choice list."""
    import difflib
    verbs = [a for action in p._subparsers._group_actions for a in action.choices]  # noqa: SLF001
    if not argv or argv[0].startswith("-") or argv[0] in verbs:
        return None
    close = difflib.get_close_matches(argv[0], verbs, n=1)
    return (f"no command called {argv[0]!r}." + (f" Did you mean 'llmcourse {close[0]}'?" if close else "")
            + f"\ncommands: {', '.join(verbs)}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    p = parser()
    if not argv:
        console.print(first_steps(), markup=False)
        return 0
    unknown = _unknown_verb(argv, p)
    if unknown:
        console.print(unknown, markup=False)
        return 2
    args = p.parse_args(argv)
    try:
        return args.func(args)
    except CourseError as exc:
        console.print(f"[red]error:[/] {exc.message}")
        if exc.next_step:
            console.print(f"next: {exc.next_step}", markup=False)
        return 2
    except KeyboardInterrupt:
        console.print("interrupted; nothing you wrote was changed")
        return 130


if __name__ == "__main__":
    sys.exit(main())
