"""A cohort graded in shards, each its own process, and merged: the same gradebook, feedback, summary and
similarity report as one run over the whole cohort; a stopped shard resumes with only its own remainder;
shards that do not make one cohort are refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from llmcourse import cli, paths
from llmcourse.cohort import shards

from ..conftest import FILES
from .conftest import interrupt_after

ROOT = paths.root()
# chosen so each of 3 shards gets two learners and the copied pair lands in two different shards
# (original: shard 1, copier: shard 3); dan hands in only a misnamed file, so his note comes from shard 2
COHORT = {"original": ROOT / "solutions/evals_assertions.py", "cat": ROOT / "solutions/evals_assertions.py",
          "other": FILES / "cohort/hardcoder.py", "stub": ROOT / "exercises/evals_assertions.py",
          "copier": FILES / "cohort/renamed_copy.py", "eve": ROOT / "exercises/evals_assertions.py"}
REPORTS = ["gradebook.csv", "canvas-import.csv", "moodle-import.csv", "summary.md", "summary.png",
           "similarity.csv", "shard.json"]


def grade_command(cohort: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "llmcourse.cli", "grade", str(cohort), "--out", str(out), "--jobs", "2", *extra]


def make_cohort(folder: Path) -> Path:
    for learner, source in COHORT.items():
        (folder / learner).mkdir(parents=True)
        shutil.copy(source, folder / learner / "evals_assertions.py")
    (folder / "dan").mkdir()
    (folder / "dan" / "homework.py").write_text("x = 1\n")
    return folder


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("shards")
    cohort = make_cohort(base / "cohort")
    whole = subprocess.run(grade_command(cohort, base / "whole"), capture_output=True, text=True, timeout=600)
    assert whole.returncode == 0, whole.stdout + whole.stderr
    parts = [subprocess.Popen(grade_command(cohort, base / f"shard{k}", "--shard", f"{k}/3"),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for k in (1, 2, 3)]
    outputs = [p.communicate(timeout=600)[0] for p in parts]
    assert all(p.returncode == 0 for p in parts), outputs
    merged = subprocess.run([sys.executable, "-m", "llmcourse.cli", "merge", *(str(base / f"shard{k}") for k in (3, 1, 2)),
                             "--out", str(base / "merged")], capture_output=True, text=True, timeout=300)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    return base, outputs, merged.stdout


def files(out: Path) -> dict[str, bytes]:
    found = {name: (out / name).read_bytes() for name in REPORTS}
    found |= {f"feedback/{p.name}": p.read_bytes() for p in (out / "feedback").glob("*.md")}
    return found


def test_each_learner_is_graded_by_exactly_one_shard(graded):
    base, outputs, _ = graded
    learners = [{p.name for p in (base / f"shard{k}" / "results").iterdir()} for k in (1, 2, 3)]
    assert all(learners), outputs
    assert sorted(l for part in learners for l in part) == sorted(COHORT)
    for k, part in zip((1, 2, 3), learners):
        assert all(shards.owner(learner, 3) == k for learner in part)
    assert "shard 1/3: 2 learner(s)" in outputs[0]


def test_the_merge_writes_what_one_run_over_the_whole_cohort_writes(graded):
    base, _, said = graded
    whole, merged = files(base / "whole"), files(base / "merged")
    assert sorted(whole) == sorted(merged) and len(whole) == len(REPORTS) + len(COHORT)
    different = [name for name in whole if whole[name] != merged[name]]
    assert not different, different
    assert "merged 3 shard(s): 6 learner(s), 6 notebook(s)" in said


def test_similarity_compares_learners_across_shards(graded):
    base, _, _ = graded
    flagged = (base / "merged" / "similarity.csv").read_text()
    assert "evals_assertions.summary_failures,copier,original" in flagged  # shard 3 against shard 1
    assert "copier" not in (base / "shard3" / "similarity.csv").read_text().split("\n", 1)[1]
    summary = (base / "merged" / "summary.md").read_text()
    assert "dan/homework.py: skipped, not named after a lesson id" in summary


def _copy(src: Path, dst: Path, **changes) -> Path:
    shutil.copytree(src, dst)
    record = json.loads((dst / "shard.json").read_text())
    (dst / "shard.json").write_text(json.dumps({**record, **changes}))
    return dst


def test_shards_that_do_not_make_one_cohort_are_refused(graded, tmp_path, capsys):
    base, _, _ = graded
    s1, s2, s3 = (base / f"shard{k}" for k in (1, 2, 3))

    def refused(*outs: Path) -> str:
        assert cli.main(["merge", *map(str, outs), "--out", str(tmp_path / "m")]) == 2
        return capsys.readouterr().out

    assert "shard(s) 3/3 missing" in refused(s1, s2)
    assert "are both shard 1/3" in refused(s1, s1, s2, s3)
    assert "different splits" in refused(s1, s2, _copy(s3, tmp_path / "n4", shard=[3, 4]))
    assert "different course.toml or graders" in refused(s1, s2, _copy(s3, tmp_path / "c", course="0" * 16))
    assert "different hidden tests" in refused(s1, s2, _copy(s3, tmp_path / "h", hidden="1" * 16))
    overlap = _copy(s1, tmp_path / "o", shard=[2, 3])
    assert "was graded in both" in refused(s1, overlap, s3)
    assert cli.main(["merge", str(s1), str(s2), str(s3), "--out", str(s1)]) == 2
    assert "is one of the shards' folders" in capsys.readouterr().out


@pytest.mark.parametrize("spec, says", [("0/3", "run from 1 to 3"), ("4/3", "run from 1 to 3"),
                                        ("1/0", "at least 1"), ("two/3", "not of the form K/N"), ("1", "K/N")])
def test_a_bad_shard_is_explained(spec, says, tmp_path, capsys):
    assert cli.main(["grade", str(tmp_path), "--shard", spec]) == 2
    assert says in capsys.readouterr().out


def test_the_split_is_stable_and_spreads_learners():
    assert [shards.owner(name, 3) for name in ("original", "copier", "other")] == [1, 3, 2]
    counts = [0] * 8
    for i in range(4000):
        counts[shards.owner(f"learner{i:04d}", 8) - 1] += 1
    assert min(counts) > 400 and max(counts) < 600, counts


def test_a_stopped_shard_resumes_with_only_its_own_remainder(tmp_path):
    cohort = tmp_path / "c"
    learners = {f"learner{i:02d}": ROOT / ("solutions" if i % 2 else "exercises") / "evals_assertions.py"
                for i in range(8)}
    for learner, source in learners.items():
        (cohort / learner).mkdir(parents=True)
        shutil.copy(source, cohort / learner / "evals_assertions.py")
    mine = sorted(l for l in learners if shards.owner(l, 2) == 2)
    assert len(mine) >= 3 and len(mine) < len(learners), "a shard of a few learners, another shard for the rest"
    out = tmp_path / "out"
    command = grade_command(cohort, out, "--shard", "2/2")
    command[command.index("--jobs") + 1] = "1"
    done = interrupt_after(command, out, 1)
    assert 1 <= done < len(mine), "the interruption should land midway through the shard"
    assert not (out / "shard.json").exists(), "a stopped shard is not ready to merge"
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"graded {len(mine) - done} notebook(s); {done} unchanged" in again.stdout
    assert sorted(p.name for p in (out / "results").iterdir()) == mine, "only this shard's learners"
    assert json.loads((out / "shard.json").read_text())["shard"] == [2, 2]
    # a result saved before results kept their functions gets them on the next run, without regrading
    saved = out / "results" / mine[1] / "evals_assertions.json"
    record = json.loads(saved.read_text())
    saved.write_text(json.dumps({k: v for k, v in record.items() if k != "functions"}))
    third = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert f"graded 0 notebook(s); {len(mine)} unchanged" in third.stdout, third.stdout + third.stderr
    assert json.loads(saved.read_text())["functions"] == record["functions"] != {}


EXAMPLES = ROOT / "site" / "docs" / "examples"


def _yaml(path: Path) -> list[dict]:
    import yaml

    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def test_the_kubernetes_jobs_pass_the_schema_check_offline():
    """kubernetes-validate bundles the Kubernetes JSON schemas, so this check needs no cluster and no network."""
    import kubernetes_validate

    for name in ("grade-job.yaml", "grade-merge-job.yaml"):
        for doc in _yaml(EXAMPLES / name):
            for version in ("1.29.0", kubernetes_validate.latest_version()):
                kubernetes_validate.validate(doc, version, strict=True)
    broken = {**_yaml(EXAMPLES / "grade-job.yaml")[0]}
    broken["spec"] = {**broken["spec"], "completionsMode": "Indexed"}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, kubernetes_validate.latest_version(), strict=True)


def _stub(tmp_path: Path) -> dict[str, str]:
    """A PATH whose `llmcourse` prints its arguments, one a line, so a command runs through its own shell."""
    (tmp_path / "bin").mkdir()
    stub = tmp_path / "bin" / "llmcourse"
    stub.write_text("#!/bin/sh\nprintf '%s\\n' \"$@\"\n")
    stub.chmod(0o755)
    return {**os.environ, "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}"}


def test_each_pod_of_the_indexed_job_grades_its_own_shard_into_its_own_folder(tmp_path):
    job = _yaml(EXAMPLES / "grade-job.yaml")[0]
    n = job["spec"]["completions"]
    container = job["spec"]["template"]["spec"]["containers"][0]
    mounted = {m["mountPath"] for m in container["volumeMounts"]}
    env, seen = _stub(tmp_path), set()
    for index in range(n):
        argv = subprocess.run([*container["command"], *container["args"]], env={**env, "JOB_COMPLETION_INDEX": str(index)},
                              capture_output=True, text=True, check=True).stdout.splitlines()
        args = cli.parser().parse_args(argv)
        assert args.func.__name__ == "_grade" and shards.parse(args.shard) == (index + 1, n)
        assert any(str(args.submissions).startswith(m) and str(args.out).startswith(m) for m in mounted)
        seen.add(args.out)
    assert len(seen) == n, "every shard writes a folder of its own"
    merge = _yaml(EXAMPLES / "grade-merge-job.yaml")[0]["spec"]["template"]["spec"]["containers"][0]
    argv = subprocess.run([*merge["command"], *merge["args"]], env=env, capture_output=True, text=True,
                          check=True).stdout.splitlines()
    args = cli.parser().parse_args(argv)
    assert args.func.__name__ == "_merge" and args.out not in seen


def test_the_ci_matrix_grades_every_shard_then_merges_them():
    import shlex

    workflow = _yaml(EXAMPLES / "grade-shards.yml")[0]
    matrix = workflow["jobs"]["grade"]["strategy"]["matrix"]["shard"]
    assert workflow["jobs"]["merge"]["needs"] == "grade"
    runs = [s["run"] for s in workflow["jobs"]["grade"]["steps"] if "llmcourse grade" in s.get("run", "")]
    assert len(runs) == 1
    outs = set()
    for k in matrix:
        argv = shlex.split(runs[0].replace("${{ matrix.shard }}", str(k)))
        args = cli.parser().parse_args(argv[argv.index(next(a for a in argv if a.endswith("llmcourse"))) + 1:])
        assert shards.parse(args.shard) == (k, len(matrix))
        outs.add(str(args.out))
    assert len(outs) == len(matrix)
    merge = next(s["run"] for s in workflow["jobs"]["merge"]["steps"] if "llmcourse merge" in s.get("run", ""))
    argv = shlex.split(merge)
    args = cli.parser().parse_args(argv[1:])
    assert args.func.__name__ == "_merge"
    downloaded = next(s["with"] for s in workflow["jobs"]["merge"]["steps"] if "download-artifact" in s.get("uses", ""))
    assert [str(o) for o in args.outs] == [f"{downloaded['path']}/{downloaded['pattern']}"]


def test_the_instructor_guide_links_the_files_the_tests_check():
    guide = (ROOT / "site" / "docs" / "instructor.md").read_text()
    for name in ("grade-job.yaml", "grade-merge-job.yaml", "grade-shards.yml", "Containerfile"):
        assert f"(examples/{name})" in guide, name
