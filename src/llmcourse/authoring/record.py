"""`llmcourse record ID` / `--all`: ask the live embedded model again and say what changed in the recordings."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from rich.console import Console

from .. import course, kernel, nbfiles
from ..atomic import write_text
from ..errors import CourseError
from ..llm import connect, recording


def _execute_live(source: Path, into: Path) -> None:
    env = kernel.kernel_env({"LLMCOURSE_RECORDINGS": "off", "LLMCOURSE_CACHE": "off",
                              "LLMCOURSE_RECORD_TO": str(into)}, with_provider=False)
    # live calls on a busy machine are slow: the limits only catch a notebook that hangs
    kernel.run(nbfiles.read(source), source.parent, cell_timeout=1800, total_timeout=7200, env=env)


def record(source: Path) -> tuple[recording.Recording | None, recording.Recording | None]:
    """Execute one notebook against the live model and write its recording; (old, new), None where none."""
    target = recording.file_for(source)
    old = recording.read(target)
    with tempfile.TemporaryDirectory(prefix="llmcourse-record-") as scratch:
        calls = Path(scratch) / "calls.jsonl"
        calls.touch()
        _execute_live(source, calls)
        lines = calls.read_text(encoding="utf-8").splitlines()
        if not lines:
            target.unlink(missing_ok=True)
            return old, None
        relative = f"{source.parent.name}/{source.name}"
        text = json.dumps(recording.header(relative), sort_keys=True) + "\n" + "\n".join(lines) + "\n"
        write_text(target, text)
    return old, recording.read(target)


def changes(old: recording.Recording | None, new: recording.Recording | None) -> dict[str, list[str]]:
    """Keys whose answer text changed, keys only in the new recording, and keys it no longer has."""
    before = old.entries if old else {}
    after = new.entries if new else {}
    return {"changed": [k for k in after if k in before
                        and recording.answer_text(after[k].response) != recording.answer_text(before[k].response)],
            "new": [k for k in after if k not in before],
            "dropped": [k for k in before if k not in after]}


def run(lesson_ids: list[str], every: bool, console: Console) -> int:
    if not connect.provider().embedded:
        raise CourseError("recordings hold the embedded model's answers, but OPENAI_API_KEY or OPENAI_BASE_URL is set.",
                          "unset OPENAI_API_KEY OPENAI_BASE_URL, then record again")
    the_course = course.load()
    lessons = the_course.lessons if every else [the_course.lesson(i) for i in lesson_ids]
    if not lessons:
        raise CourseError("name a lesson to record, or --all.", "llmcourse record evals_assertions")
    failed = []
    for lesson in lessons:
        for kind in recording.KINDS:
            source = lesson.file(kind)
            console.print(f"recording {kind}/{source.name} from the live model ...")
            try:
                old, new = record(source)
            except CourseError as exc:  # the others are still worth recording; the old recording stays
                console.print(f"  [red]failed, its recording is unchanged:[/] {exc.message}")
                failed.append(f"{kind}/{source.name}")
                continue
            diff = changes(old, new)
            calls = len(new.entries) if new else 0
            console.print(f"  {calls} call(s); {len(diff['changed'])} answer(s) changed, {len(diff['new'])} new, "
                          f"{len(diff['dropped'])} no longer asked" + ("" if new else "; no recording needed"),
                          markup=False)
            for key in diff["changed"][:5]:
                entry = new.entries[key]
                console.print(f"    changed: {recording.preview(entry.request, 70)!r} -> "
                              f"{recording.one_line(recording.answer_text(entry.response), 60)!r}",
                              markup=False)
    console.print("review with: git diff --stat recordings/")
    if failed:
        console.print(f"[red]not recorded:[/] {', '.join(failed)}\nnext: fix them, then llmcourse record "
                      + " ".join(sorted({Path(f).stem for f in failed})))
    return 1 if failed else 0
