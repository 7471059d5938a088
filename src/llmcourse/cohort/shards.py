"""A cohort graded in shards on many machines, and the shards' output folders merged into one.

Learners are split by a stable hash of their folder name, so a learner's notebooks all land in one shard
whichever machine computes the split. Each run leaves `shard.json` in its output folder once grading has
finished: which shard it was, what was graded, with which course and hidden tests, and the notes of its
run. `merge` reads those, refuses shards that disagree, and rebuilds the reports from the shards' saved
results, which carry what the similarity report needs, so the merge never reads the submissions.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .. import paths
from ..atomic import write_bytes, write_text
from ..errors import CourseError
from . import results

MANIFEST = "shard.json"
UNSANDBOXED = "graded WITHOUT namespaces (--no-sandbox): submissions could read files and use the network"
_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def parse(spec: str) -> tuple[int, int]:
    """'K/N' as (K, N), counting shards from 1, as a Kubernetes index plus one or a CI matrix value gives."""
    match = _SPEC.fullmatch(spec or "")
    if not match:
        raise CourseError(f"--shard {spec!r} is not of the form K/N.",
                          "give this shard's number and the number of shards, like --shard 2/8 (shards count from 1)")
    k, n = int(match[1]), int(match[2])
    if n < 1:
        raise CourseError(f"--shard {spec}: the number of shards must be at least 1.", "like --shard 1/4")
    if not 1 <= k <= n:
        raise CourseError(f"--shard {spec}: shard numbers run from 1 to {n}.",
                          f"give K between 1 and {n}; from a Kubernetes indexed Job, K is JOB_COMPLETION_INDEX + 1")
    return k, n


def owner(learner: str, n: int) -> int:
    """The shard (1..n) that grades `learner`: sha256 of the folder name, never Python's salted hash()."""
    digest = hashlib.sha256(learner.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % n + 1


def course_digest() -> str:
    """Changes when course.toml or any grader changes: shards graded on different courses never merge."""
    h = hashlib.sha256()
    root = paths.root()
    for file in [root / "course.toml", *sorted((root / "src" / "llmcourse" / "graders").glob("*.py"))]:
        h.update(file.name.encode() + b"\0" + (file.read_bytes() if file.exists() else b"") + b"\0")
    return h.hexdigest()[:16]


def started(out: Path) -> None:
    """A run that stops before `finished` leaves no manifest, so a half-graded shard cannot be merged."""
    (out / MANIFEST).unlink(missing_ok=True)


def finished(out: Path, shard: tuple[int, int], present: list[tuple[str, str]], notes: list[tuple[str, str]],
             sandboxed: bool, hidden_digest: str) -> Path:
    record = {"shard": list(shard), "course": course_digest(), "hidden": hidden_digest, "sandboxed": sandboxed,
              "submissions": sorted(list(p) for p in present), "notes": [list(n) for n in notes]}
    return write_text(out / MANIFEST, json.dumps(record, indent=1) + "\n")


def run_notes(notes: list[tuple[str, str]], sandboxed: bool) -> list[str]:
    """The notes a run reports, in the order one run over the whole cohort finds them: by learner folder
    (each folder's notes come from the one shard that owns it), then how it was graded."""
    ordered = [text for _, text in sorted(notes, key=lambda note: note[0])]
    return ordered + ([] if sandboxed else [UNSANDBOXED])


def _manifest(out: Path) -> dict:
    if not out.is_dir():
        raise CourseError(f"{out} is not a folder.", "pass the --out folder of each shard's grade run")
    try:
        record = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        k, n = record["shard"]
        record["shard"] = (int(k), int(n))
        record["submissions"] = [tuple(s) for s in record["submissions"]]
        record["notes"] = [tuple(n) for n in record["notes"]]
    except FileNotFoundError:
        raise CourseError(f"{out} has no {MANIFEST}: its grade run has not finished (or it is not a grade output).",
                          "run that shard's `llmcourse grade ... --shard K/N` again; it resumes where it stopped") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CourseError(f"{out / MANIFEST} cannot be read ({type(exc).__name__}).",
                          "run that shard's grade command again; it rewrites the file") from None
    return record


def check(outs: list[Path]) -> list[dict]:
    """Each shard's manifest, or a CourseError saying why these folders do not make one cohort."""
    if not outs:
        raise CourseError("nothing to merge.", "llmcourse merge OUT1 OUT2 ... --out MERGED")
    records = [_manifest(out) for out in outs]
    first, n = outs[0], records[0]["shard"][1]
    for out, record in zip(outs, records):
        if record["shard"][1] != n:
            raise CourseError(f"{out} is shard {'/'.join(map(str, record['shard']))} but {first} is one of {n} shards: "
                              "they come from different splits.", f"merge the {n} folders of one split")
        if record["course"] != records[0]["course"]:
            raise CourseError(f"{out} and {first} were graded with different course.toml or graders.",
                              "grade every shard with the same version of the course, then merge")
        if record["hidden"] != records[0]["hidden"]:
            raise CourseError(f"{out} and {first} were graded with different hidden tests.",
                              "grade every shard with the same --hidden-tests folder, then merge")
    if records[0]["course"] != course_digest():
        raise CourseError("the shards were graded with another course.toml or other graders than this copy of the course.",
                          "merge with the version of the course the shards were graded with")
    seen: dict[int, Path] = {}
    for out, record in zip(outs, records):
        k = record["shard"][0]
        if k in seen:
            raise CourseError(f"{seen[k]} and {out} are both shard {k}/{n}.", "pass each shard's folder once")
        seen[k] = out
    missing = sorted(set(range(1, n + 1)) - set(seen))
    if missing:
        raise CourseError(f"shard(s) {', '.join(f'{k}/{n}' for k in missing)} missing: a merge of part of the "
                          "cohort would read as a whole gradebook.", f"pass the output folders of all {n} shards")
    owners: dict[str, Path] = {}
    for out, record in zip(outs, records):
        for learner in sorted({learner for learner, _ in record["submissions"]}):
            if learner in owners:
                raise CourseError(f"learner {learner!r} was graded in both {owners[learner]} and {out}.",
                                  "each learner belongs to one shard: grade every shard with the same --shard K/N split")
            owners[learner] = out
    return records


def merge(outs: list[Path], merged: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]], bool, str]:
    """Copy the shards' results for the submissions they graded into `merged`, write its manifest as one
    run over the whole cohort, and return (submissions, keyed notes, sandboxed, hidden digest)."""
    outs = [Path(o).resolve() for o in outs]
    merged = Path(merged).resolve()
    if merged in outs:
        raise CourseError(f"--out {merged} is one of the shards' folders.", "merge into a new folder, like --out merged/")
    records = check(outs)
    merged.mkdir(parents=True, exist_ok=True)
    started(merged)
    present, notes = [], []
    for out, record in zip(outs, records):
        for learner, lesson in record["submissions"]:
            source = results.result_path(out, learner, lesson)
            try:
                data = source.read_bytes()
                json.loads(data)
            except (OSError, ValueError):
                raise CourseError(f"{source} is missing or unreadable, though {out / MANIFEST} lists it.",
                                  "run that shard's grade command again, then merge") from None
            write_bytes(results.result_path(merged, learner, lesson), data)
            present.append((learner, lesson))
        notes += record["notes"]
    sandboxed = all(r["sandboxed"] for r in records)
    return sorted(present), notes, sandboxed, records[0]["hidden"]
